// Shared by every vertex shader: ShaderProgram inserts it after the #version line.
// Images larger than the GPU allows are drawn in tiles; each pass maps full-image pixels into its tile.
uniform vec4 u_tile;  // the part of the image being drawn: left, top (pixels, y down), width, height
vec4 toClip(vec2 screen) {  // full-image pixels (y down) to clip space of the tile
  return vec4((screen.x - u_tile.x) / u_tile.z * 2.0 - 1.0, 1.0 - (screen.y - u_tile.y) / u_tile.w * 2.0, 0.0, 1.0);
}
