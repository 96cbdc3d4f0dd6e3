// PNG encoding (libspng, fast zlib level: a 4K frame in a fraction of stb's time) and decoding.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/image.hpp"
#include "core/result.hpp"

namespace sitmap {

using PngTextChunks = std::vector<std::pair<std::string, std::string>>;

Result<std::vector<uint8_t>> encodePng(const RgbaImage& image, const PngTextChunks& text = {});
Result<RgbaImage> decodePng(const std::vector<uint8_t>& bytes);
Result<RgbaImage> readPngFile(const std::string& path);
// Encodes and writes atomically; never replaces an existing file unless `overwrite`.
Status writePngFile(const std::string& path, const RgbaImage& image, bool overwrite, const PngTextChunks& text = {});

}  // namespace sitmap
