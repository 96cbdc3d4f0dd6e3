// Command-line values: see option_values.hpp.
#include "core/option_values.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <regex>

namespace sitmap {

std::optional<std::pair<int, int>> parseSize(const std::string& text) {
  static const std::regex widthByHeight(R"((\d{1,5})x(\d{1,5}))");  // built once: building it is the slow part
  std::smatch m;
  if (!std::regex_match(text, m, widthByHeight)) return std::nullopt;
  const int w = std::stoi(m[1]), h = std::stoi(m[2]);
  if (w < 1 || h < 1) return std::nullopt;
  return std::pair{w, h};
}

std::optional<Bbox> parseBbox(const std::string& text) {
  double v[4];
  char tail = 0;
  if (std::sscanf(text.c_str(), "%lf,%lf,%lf,%lf%c", &v[0], &v[1], &v[2], &v[3], &tail) != 4) return std::nullopt;
  Bbox box{v[0], v[1], v[2], v[3]};
  if (box.minX > box.maxX) box.maxX += 360;  // W > E: the box crosses the antimeridian (170,-25,-170,-10)
  // Written so that NaN fails every comparison and an infinite side fails the width.
  if (!(box.minX < box.maxX && box.minY < box.maxY) || box.minY < -90 || box.maxY > 90 || box.width() > 360)
    return std::nullopt;
  return box;
}

std::optional<int64_t> parseDuration(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  const std::string unit(end);
  const double seconds = unit.empty() || unit == "s" ? value
                         : unit == "m"                ? value * 60
                         : unit == "h"                ? value * 3600
                         : unit == "d"                ? value * 86400
                         : unit == "w"                ? value * 7 * 86400
                                                      : -1;
  // Checked before converting: "1e300d" would overflow int64 (undefined behaviour).
  if (!(seconds >= 1 && seconds <= 1e14)) return std::nullopt;
  return int64_t(seconds);
}

}  // namespace sitmap
