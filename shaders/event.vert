#version 330 core
// Incident symbols: one sprite per event, coloured by category and sized by fatalities; the same sprites
// draw counted bins (sliced by type) and density hexagons.
layout(location = 0) in vec2 a_position;  // relative to the layer origin
layout(location = 1) in vec4 a_colour;    // straight alpha
layout(location = 2) in float a_diameter; // pixels at 1x
layout(location = 3) in float a_precision; // ACLED geo_precision: 1 exact, 2 near a town, 3 region only
layout(location = 4) in float a_day;       // UTC day number
layout(location = 5) in vec4 a_slices0;    // bins: where each type's slice ends, as a share of the circle
layout(location = 6) in vec4 a_slices1;
uniform vec2 u_offset;
uniform float u_unitsPerPixel;
uniform vec2 u_viewport;
uniform float u_scale;  // pixel scale (2 for a 2x image)
uniform float u_nowDay;      // the clock's day
uniform float u_windowDays;  // 0: no time window
uniform float u_maxDiameter; // pixels at 1x; 0: no cap
out vec4 v_colour;
out float v_diameter;
out float v_precision;
out float v_size;
flat out vec4 v_slices0;
flat out vec4 v_slices1;
void main() {
  vec2 px = (a_position + u_offset) / u_unitsPerPixel;
  gl_Position = toClip(vec2(px.x + u_viewport.x * 0.5, u_viewport.y * 0.5 - px.y));
  v_colour = a_colour;
  if (u_windowDays > 0.0) {
    // Shown from its day on, fading to a quarter over the window, then gone.
    float age = u_nowDay - a_day;
    float shown = (age < 0.0 || age > u_windowDays) ? 0.0 : 1.0 - 0.75 * age / u_windowDays;
    v_colour.a *= shown;
  }
  v_diameter = (u_maxDiameter > 0.0 ? min(a_diameter, u_maxDiameter) : a_diameter) * u_scale;
  v_precision = a_precision;
  v_slices0 = a_slices0;
  v_slices1 = a_slices1;
  // Room for the halo drawn around approximate locations.
  v_size = (a_precision >= 1.5 ? v_diameter * 1.8 : v_diameter) + 2.0;
  gl_PointSize = v_size;
}
