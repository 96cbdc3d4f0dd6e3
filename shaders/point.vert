#version 330 core
// Point symbols as round sprites.
layout(location = 0) in vec2 a_position;
uniform vec2 u_offset;
uniform float u_unitsPerPixel;
uniform vec2 u_viewport;
uniform float u_diameter;  // pixels, outline included
void main() {
  vec2 px = (a_position + u_offset) / u_unitsPerPixel;
  gl_Position = toClip(vec2(px.x + u_viewport.x * 0.5, u_viewport.y * 0.5 - px.y));
  gl_PointSize = u_diameter + 2.0;
}
