#version 330 core
// Raster tiles: screen-space quads (pixels, y down) with texture coordinates.
layout(location = 0) in vec2 a_screen;
layout(location = 1) in vec2 a_uv;
out vec2 v_uv;
uniform vec4 u_tile;  // the part of the image being drawn: left, top (pixels, y down), width, height
vec4 toClip(vec2 screen) {  // full-image pixels (y down) to clip space of the tile
  return vec4((screen.x - u_tile.x) / u_tile.z * 2.0 - 1.0, 1.0 - (screen.y - u_tile.y) / u_tile.w * 2.0, 0.0, 1.0);
}
void main() {
  v_uv = a_uv;
  gl_Position = toClip(a_screen);
}
