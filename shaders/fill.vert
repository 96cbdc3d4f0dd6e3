#version 330 core
// Polygon fill and stencil passes: world positions relative to the layer origin, projected to clip space.
layout(location = 0) in vec2 a_position;
uniform vec2 u_offset;         // layer origin minus view centre, display units
uniform float u_unitsPerPixel;
uniform vec2 u_viewport;       // pixels
void main() {
  vec2 px = (a_position + u_offset) / u_unitsPerPixel;
  gl_Position = toClip(vec2(px.x + u_viewport.x * 0.5, u_viewport.y * 0.5 - px.y));
}
