#version 330 core
// Exact locations: a solid disc with a white rim. Near a town: the disc inside a soft halo.
// (Region-only locations are never points: the session counts them in regional tallies.)
uniform float u_scale;
uniform float u_opacity;
in vec4 v_colour;
in float v_diameter;
in float v_precision;
in float v_size;
out vec4 o_colour;
void main() {
  float r = length(gl_PointCoord - vec2(0.5)) * v_size;  // pixels from the centre
  float radius = v_diameter * 0.5;
  float rim = 1.2 * u_scale;
  vec3 colour = v_colour.rgb;
  float disc = clamp(radius + 0.5 - r, 0.0, 1.0);
  float core = clamp(radius - rim + 0.5 - r, 0.0, 1.0);
  vec4 symbol = vec4(mix(vec3(1.0), colour, core), 1.0) * disc;
  if (v_precision >= 1.5) {
    float halo = clamp(v_diameter * 0.9 + 0.5 - r, 0.0, 1.0) * 0.3;
    vec4 glow = vec4(colour, 1.0) * halo;
    symbol = symbol + glow * (1.0 - symbol.a);
  }
  o_colour = symbol * v_colour.a * u_opacity;
}
