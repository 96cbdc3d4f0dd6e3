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
void main() {
  v_uv = a_uv;
  v_colour = a_colour;
  v_halo = a_halo;
  v_edges = a_edges;
  gl_Position = toClip(a_screen);
}
