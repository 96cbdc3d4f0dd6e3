#version 330 core
uniform sampler2D u_atlas;  // distance field: 0.5 on the glyph edge, larger inside
uniform int u_layer;        // 0: the halos, drawn first for all text; 1: the letters over them
in vec2 v_uv;
in vec4 v_colour;
in vec4 v_halo;
in vec2 v_edges;
out vec4 o_colour;
void main() {
  float d = texture(u_atlas, v_uv).r;
  float w = v_edges.y;
  float fill = smoothstep(0.5 - w, 0.5 + w, d);
  float halo = smoothstep(v_edges.x - w, v_edges.x + w, d);
  // Premultiplied: the letters composited over the halos give mix(halo, colour, fill) for opaque text.
  o_colour = u_layer == 0 ? v_halo * halo : v_colour * fill;
}
