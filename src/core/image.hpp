// RgbaImage: 8-bit RGBA pixels, rows top to bottom; the hand-over format between loaders, renderer and PNG files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sitmap {

struct RgbaImage {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> pixels;  // width * height * 4

  RgbaImage() = default;
  RgbaImage(int w, int h) : width(w), height(h), pixels(size_t(w) * size_t(h) * 4, 0) {}
  uint8_t* at(int x, int y) { return pixels.data() + (size_t(y) * size_t(width) + size_t(x)) * 4; }
  const uint8_t* at(int x, int y) const { return pixels.data() + (size_t(y) * size_t(width) + size_t(x)) * 4; }
};

}  // namespace sitmap
