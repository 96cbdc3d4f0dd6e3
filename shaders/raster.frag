#version 330 core
uniform sampler2D u_texture;  // straight (not premultiplied) RGBA
uniform float u_opacity;
uniform float u_saturation;   // 1: as is, 0: grey (Rec. 709 luma)
uniform float u_lightness;    // 0: as is, 1: white
in vec2 v_uv;
out vec4 o_colour;
void main() {
  vec4 c = texture(u_texture, v_uv);
  vec3 grey = vec3(dot(c.rgb, vec3(0.2126, 0.7152, 0.0722)));
  vec3 toned = mix(mix(grey, c.rgb, u_saturation), vec3(1.0), u_lightness);
  float a = c.a * u_opacity;
  o_colour = vec4(toned * a, a);
}
