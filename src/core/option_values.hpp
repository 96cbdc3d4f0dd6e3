// Values typed on the command line: image sizes ("1920x1080"), lon/lat boxes ("-6,14,5,22") and durations ("6h").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "core/geometry.hpp"

namespace sitmap {

// "WxH" with 1 to 5 digits each, both at least 1.
std::optional<std::pair<int, int>> parseSize(const std::string& text);
// "W,S,E,N" in degrees; W > E is a box across the antimeridian (E gains 360). Nullopt unless S < N within ±90,
// the width is at most 360 (so no value is NaN or infinite).
std::optional<Bbox> parseBbox(const std::string& text);
// "90", "90s", "30m", "6h", "1d", "2w": whole seconds, at least 1 and at most about 3 million years (nullopt
// beyond, never an overflowing conversion).
std::optional<int64_t> parseDuration(const std::string& text);

}  // namespace sitmap
