#version 330 core
uniform vec4 u_colour;  // premultiplied
uniform float u_hatch;  // stripe period in pixels; 0 = solid
out vec4 o_colour;
void main() {
  // Contested areas: diagonal stripes, half the period painted.
  if (u_hatch > 0.0 && mod(gl_FragCoord.x + gl_FragCoord.y, u_hatch) > u_hatch * 0.5) discard;
  o_colour = u_colour;
}
