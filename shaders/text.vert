#version 330 core
// Text: glyph quads in screen pixels (y down), sampling a signed-distance-field atlas.
layout(location = 0) in vec2 a_screen;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_colour;    // premultiplied fill
layout(location = 3) in vec4 a_halo;      // premultiplied halo
layout(location = 4) in vec2 a_edges;     // x: halo edge in distance units; y: smoothing half-width
out vec2 v_uv;
out vec4 v_colour;
out vec4 v_halo;
out vec2 v_edges;
uniform vec4 u_tile;  // the part of the image being drawn: left, top (pixels, y down), width, height
vec4 toClip(vec2 screen) {  // full-image pixels (y down) to clip space of the tile
  return vec4((screen.x - u_tile.x) / u_tile.z * 2.0 - 1.0, 1.0 - (screen.y - u_tile.y) / u_tile.w * 2.0, 0.0, 1.0);
}
void main() {
  v_uv = a_uv;
  v_colour = a_colour;
  v_halo = a_halo;
  v_edges = a_edges;
  gl_Position = toClip(a_screen);
}
