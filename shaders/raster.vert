#version 330 core
// Raster tiles: screen-space quads (pixels, y down) with texture coordinates.
layout(location = 0) in vec2 a_screen;
layout(location = 1) in vec2 a_uv;
uniform vec2 u_viewport;
out vec2 v_uv;
void main() {
  v_uv = a_uv;
  gl_Position = vec4(a_screen.x / u_viewport.x * 2.0 - 1.0, 1.0 - a_screen.y / u_viewport.y * 2.0, 0.0, 1.0);
}
