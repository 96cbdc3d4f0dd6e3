#version 330 core
// Point symbols as round sprites.
layout(location = 0) in vec2 a_position;
uniform vec2 u_offset;
uniform float u_unitsPerPixel;
uniform vec2 u_viewport;
uniform float u_diameter;  // pixels, outline included
uniform vec4 u_tile;  // the part of the image being drawn: left, top (pixels, y down), width, height
vec4 toClip(vec2 screen) {  // full-image pixels (y down) to clip space of the tile
  return vec4((screen.x - u_tile.x) / u_tile.z * 2.0 - 1.0, 1.0 - (screen.y - u_tile.y) / u_tile.w * 2.0, 0.0, 1.0);
}
void main() {
  vec2 px = (a_position + u_offset) / u_unitsPerPixel;
  gl_Position = toClip(vec2(px.x + u_viewport.x * 0.5, u_viewport.y * 0.5 - px.y));
  gl_PointSize = u_diameter + 2.0;
}
