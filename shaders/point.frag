#version 330 core
uniform vec4 u_fill;     // premultiplied
uniform vec4 u_outline;  // premultiplied
uniform float u_diameter;
uniform float u_outlineWidth;
out vec4 o_colour;
void main() {
  float size = u_diameter + 2.0;
  float r = length(gl_PointCoord - vec2(0.5)) * size;  // pixels from the centre
  float radius = u_diameter * 0.5;
  float coverage = clamp(radius + 0.5 - r, 0.0, 1.0);
  float inner = clamp(radius - u_outlineWidth + 0.5 - r, 0.0, 1.0);
  o_colour = mix(u_outline, u_fill, inner) * coverage;
}
