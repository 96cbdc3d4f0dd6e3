// Colour parsing and ramps.
#include "core/style.hpp"

#include <algorithm>
#include <cstdio>

namespace sitmap {

namespace {
int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::optional<Rgba> parseColour(std::string_view text) {
  if (text.size() != 7 && text.size() != 9) return std::nullopt;
  if (text[0] != '#') return std::nullopt;
  float channels[4] = {0, 0, 0, 1};
  for (size_t i = 1, channel = 0; i < text.size(); i += 2, ++channel) {
    const int hi = hexDigit(text[i]), lo = hexDigit(text[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    channels[channel] = float(hi * 16 + lo) / 255.0f;
  }
  return Rgba{channels[0], channels[1], channels[2], channels[3]};
}

std::string formatColour(const Rgba& c) {
  auto byte = [](float v) { return int(std::clamp(v, 0.0f, 1.0f) * 255.0f + 0.5f); };
  char buffer[16];
  if (c.a >= 1.0f)
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
  else
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b), byte(c.a));
  return buffer;
}

Rgba rampColour(const std::vector<ColourStop>& ramp, double value) {
  if (ramp.empty()) return {};
  if (value <= ramp.front().value) return ramp.front().colour;
  if (value >= ramp.back().value) return ramp.back().colour;
  for (size_t i = 1; i < ramp.size(); ++i) {
    if (value <= ramp[i].value) {
      const ColourStop& a = ramp[i - 1];
      const ColourStop& b = ramp[i];
      const float t = b.value > a.value ? float((value - a.value) / (b.value - a.value)) : 0.0f;
      return {a.colour.r + (b.colour.r - a.colour.r) * t, a.colour.g + (b.colour.g - a.colour.g) * t,
              a.colour.b + (b.colour.b - a.colour.b) * t, a.colour.a + (b.colour.a - a.colour.a) * t};
    }
  }
  return ramp.back().colour;
}

}  // namespace sitmap
