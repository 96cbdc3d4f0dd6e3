#version 330 core
uniform sampler2D u_atlas;  // distance field: 0.5 on the glyph edge, larger inside
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
  o_colour = mix(v_halo * halo, v_colour, fill);
}
