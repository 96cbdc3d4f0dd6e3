#version 330 core
// Incident symbols: one sprite per event, coloured by category and sized by fatalities.
layout(location = 0) in vec2 a_position;  // relative to the layer origin
layout(location = 1) in vec4 a_colour;    // straight alpha
layout(location = 2) in float a_diameter; // pixels at 1x
layout(location = 3) in float a_precision; // ACLED geo_precision: 1 exact, 2 near a town, 3 region only
layout(location = 4) in float a_day;       // UTC day number
uniform vec2 u_offset;
uniform float u_unitsPerPixel;
uniform vec2 u_viewport;
uniform float u_scale;  // pixel scale (2 for a 2x image)
uniform float u_nowDay;      // the clock's day
uniform float u_windowDays;  // 0: no time window
out vec4 v_colour;
out float v_diameter;
out float v_precision;
out float v_size;
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
  v_diameter = a_diameter * u_scale;
  v_precision = a_precision;
  // Room for the halo drawn around approximate locations.
  v_size = (a_precision >= 1.5 ? v_diameter * 1.8 : v_diameter) + 2.0;
  gl_PointSize = v_size;
}
