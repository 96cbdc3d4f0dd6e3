#version 330 core
uniform vec4 u_colour;        // premultiplied
uniform float u_hatch;        // stripe period in pixels; 0 = solid
uniform vec4 u_hatchColour;   // premultiplied colour of the other stripes; alpha 0 leaves them clear
uniform float u_hatchOffset;  // this tile's place in the whole image, so the stripes run on across tiles
out vec4 o_colour;
void main() {
  // Contested areas: diagonal stripes, half the period in each side's colour.
  if (u_hatch > 0.0 && mod(gl_FragCoord.x + gl_FragCoord.y + u_hatchOffset, u_hatch) > u_hatch * 0.5) {
    if (u_hatchColour.a <= 0.0) discard;
    o_colour = u_hatchColour;
    return;
  }
  o_colour = u_colour;
}
