#version 330 core
uniform sampler2D u_texture;  // straight (not premultiplied) RGBA
uniform float u_opacity;
in vec2 v_uv;
out vec4 o_colour;
void main() {
  vec4 c = texture(u_texture, v_uv);
  float a = c.a * u_opacity;
  o_colour = vec4(c.rgb * a, a);
}
