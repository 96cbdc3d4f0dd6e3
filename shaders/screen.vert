#version 330 core
// Map furniture: coloured triangles in screen pixels (y down).
layout(location = 0) in vec2 a_screen;
layout(location = 1) in vec4 a_colour;  // premultiplied
out vec4 v_colour;
void main() {
  v_colour = a_colour;
  gl_Position = toClip(a_screen);
}
