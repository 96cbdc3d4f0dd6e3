// Fuzz harness: the command line's values (--size, --bbox, --step/--speed) on any text.
// Property: a value that reads is within the range its parser promises (no NaN, no overflowed conversion).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "core/option_values.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (auto imageSize = sitmap::parseSize(text))
    if (imageSize->first < 1 || imageSize->second < 1 || imageSize->first > 99999 || imageSize->second > 99999)
      throw std::logic_error("a size out of range");
  if (auto box = sitmap::parseBbox(text))
    if (!(box->minX < box->maxX && box->minY < box->maxY && box->minY >= -90 && box->maxY <= 90 && box->width() <= 360))
      throw std::logic_error("a box that is not one");
  if (auto seconds = sitmap::parseDuration(text))
    if (*seconds < 1 || *seconds > int64_t(1e14)) throw std::logic_error("a duration out of range");
  return 0;
}
