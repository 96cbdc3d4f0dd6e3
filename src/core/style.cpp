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

const std::vector<RampPreset>& rampPresets() {
  auto hex = [](const char* text) { return *parseColour(text); };
  // Sequential ramps readable on a projector: grey; land (green, tan, brown, snow); heat and water (ColorBrewer's
  // YlOrRd and Blues); viridis, which stays ordered in grey and for colour-blind readers.
  static const std::vector<RampPreset> presets = {
      {"Grey", {hex("#000000"), hex("#ffffff")}},
      {"Elevation", {hex("#2f6b3a"), hex("#d9c98f"), hex("#8c5a2b"), hex("#ffffff")}},
      {"Heat", {hex("#ffffb2"), hex("#fd8d3c"), hex("#bd0026")}},
      {"Water", {hex("#f7fbff"), hex("#6baed6"), hex("#08306b")}},
      {"Viridis", {hex("#440154"), hex("#31688e"), hex("#35b779"), hex("#fde725")}},
  };
  return presets;
}

std::vector<ColourStop> presetRamp(const RampPreset& preset, double low, double high) {
  std::vector<ColourStop> ramp;
  const size_t n = preset.colours.size();
  for (size_t i = 0; i < n; ++i) ramp.push_back({low + (high - low) * double(i) / double(n - 1), preset.colours[i]});
  return ramp;
}

std::optional<size_t> presetOf(const std::vector<ColourStop>& ramp) {
  const auto& presets = rampPresets();
  for (size_t p = 0; p < presets.size(); ++p) {
    if (presets[p].colours.size() != ramp.size()) continue;
    bool same = true;
    for (size_t i = 0; i < ramp.size() && same; ++i) same = ramp[i].colour == presets[p].colours[i];
    if (same) return p;
  }
  return std::nullopt;
}

std::vector<ColourStop> stretchRamp(const std::vector<ColourStop>& ramp, double low, double high) {
  if (ramp.empty()) return ramp;
  const double from = ramp.front().value, span = ramp.back().value - from;
  std::vector<ColourStop> out;
  for (size_t i = 0; i < ramp.size(); ++i) {
    // A ramp of one value (all stops equal) is spread evenly instead.
    const double t = span > 0 ? (ramp[i].value - from) / span : ramp.size() > 1 ? double(i) / double(ramp.size() - 1) : 0;
    out.push_back({low + (high - low) * t, ramp[i].colour});
  }
  return out;
}

}  // namespace sitmap
