#version 330 core
// Raster tiles: screen-space quads (pixels, y down) with texture coordinates.
layout(location = 0) in vec2 a_screen;
layout(location = 1) in vec2 a_uv;
out vec2 v_uv;
void main() {
  v_uv = a_uv;
  gl_Position = toClip(a_screen);
}
