#version 330 core
// Map furniture: coloured triangles in screen pixels (y down).
layout(location = 0) in vec2 a_screen;
layout(location = 1) in vec4 a_colour;  // premultiplied
out vec4 v_colour;
uniform vec4 u_tile;  // the part of the image being drawn: left, top (pixels, y down), width, height
vec4 toClip(vec2 screen) {  // full-image pixels (y down) to clip space of the tile
  return vec4((screen.x - u_tile.x) / u_tile.z * 2.0 - 1.0, 1.0 - (screen.y - u_tile.y) / u_tile.w * 2.0, 0.0, 1.0);
}
void main() {
  v_colour = a_colour;
  gl_Position = toClip(a_screen);
}
