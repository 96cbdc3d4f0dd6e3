#version 330 core
// Map furniture: coloured triangles in screen pixels (y down).
layout(location = 0) in vec2 a_screen;
layout(location = 1) in vec4 a_colour;  // premultiplied
uniform vec2 u_viewport;
out vec4 v_colour;
void main() {
  v_colour = a_colour;
  gl_Position = vec4(a_screen.x / u_viewport.x * 2.0 - 1.0, 1.0 - a_screen.y / u_viewport.y * 2.0, 0.0, 1.0);
}
