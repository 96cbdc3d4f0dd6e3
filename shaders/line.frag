#version 330 core
uniform vec4 u_colour;      // premultiplied
uniform float u_halfWidth;
uniform vec2 u_dash;        // on, off lengths in pixels; on = 0 for solid
in float v_across;
in float v_along;
out vec4 o_colour;
void main() {
  float coverage = clamp(u_halfWidth + 0.5 - abs(v_across), 0.0, 1.0);
  if (u_dash.x > 0.0 && mod(v_along, u_dash.x + u_dash.y) > u_dash.x) discard;
  o_colour = u_colour * coverage;
}
