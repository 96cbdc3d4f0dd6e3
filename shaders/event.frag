#version 330 core
// Exact locations: a solid disc with a white rim. Near a town: the disc inside a soft halo.
// (Region-only locations are never points: the session counts them in regional tallies.)
// Bins (u_shape 1): the disc cut in slices, one per event type, clockwise from the top.
// Density (u_shape 2): a pointy-topped hexagon, v_diameter from corner to corner, with a hairline gap.
uniform float u_scale;
uniform float u_opacity;
uniform int u_shape;
uniform vec3 u_categoryColours[8];
in vec4 v_colour;
in float v_diameter;
in float v_precision;
in float v_size;
flat in vec4 v_slices0;
flat in vec4 v_slices1;
out vec4 o_colour;

vec3 sliceColour(vec2 d) {
  float turn = atan(d.x, -d.y) / 6.2831853;  // 0 at the top, clockwise (point coordinates run down)
  if (turn < 0.0) turn += 1.0;
  float ends[8] = float[8](v_slices0.x, v_slices0.y, v_slices0.z, v_slices0.w, v_slices1.x, v_slices1.y, v_slices1.z, v_slices1.w);
  for (int i = 0; i < 8; ++i)
    if (turn < ends[i]) return u_categoryColours[i];
  return v_colour.rgb;
}

void main() {
  vec2 d = (gl_PointCoord - vec2(0.5)) * v_size;  // pixels from the centre
  if (u_shape == 2) {
    vec2 a = abs(d);
    float inner = v_diameter * 0.4330127;  // the hexagon's inradius, sqrt(3)/4 of its corner-to-corner size
    float edge = inner - max(a.x, 0.5 * a.x + 0.8660254 * a.y) - 0.5 * u_scale;
    o_colour = vec4(v_colour.rgb, 1.0) * clamp(edge + 0.5, 0.0, 1.0) * v_colour.a * u_opacity;
    return;
  }
  float r = length(d);
  float radius = v_diameter * 0.5;
  float rim = 1.2 * u_scale;
  vec3 colour = u_shape == 1 ? sliceColour(d) : v_colour.rgb;
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
