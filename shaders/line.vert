#version 330 core
// Thick anti-aliased lines: each instance is one segment, expanded to a quad in screen space.
layout(location = 0) in vec2 a_corner;       // x: 0 at start, 1 at end; y: -1 or +1 across
layout(location = 1) in vec4 a_segment;      // start.xy, end.xy relative to the layer origin
layout(location = 2) in float a_startDistance;  // distance along the path at the start, display units
uniform vec2 u_offset;
uniform float u_unitsPerPixel;
uniform vec2 u_viewport;
uniform float u_halfWidth;  // pixels
out float v_across;         // pixels from the centre line
out float v_along;          // pixels along the path (for dashes)
void main() {
  vec2 a = (a_segment.xy + u_offset) / u_unitsPerPixel;
  vec2 b = (a_segment.zw + u_offset) / u_unitsPerPixel;
  vec2 delta = b - a;
  float len = length(delta);
  vec2 dir = len > 1e-6 ? delta / len : vec2(1.0, 0.0);
  vec2 normal = vec2(-dir.y, dir.x);
  float reach = u_halfWidth + 1.0;  // one extra pixel for the anti-aliased edge
  // Square caps of half the width make consecutive segments meet without gaps.
  float extend = (a_corner.x * 2.0 - 1.0) * u_halfWidth;
  vec2 px = mix(a, b, a_corner.x) + dir * extend + normal * a_corner.y * reach;
  v_across = a_corner.y * reach;
  v_along = a_startDistance / u_unitsPerPixel + a_corner.x * len + extend;
  gl_Position = toClip(vec2(px.x + u_viewport.x * 0.5, u_viewport.y * 0.5 - px.y));
}
