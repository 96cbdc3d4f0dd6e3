// ACLED column values as text: see acled_fields.hpp.
#include "io/acled_fields.hpp"

#include <algorithm>
#include <charconv>
#include <cctype>
#include <cmath>
#include <memory>
#include <string>

#include <ogr_geometry.h>

#include "core/text.hpp"

namespace sitmap::acled {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<double> parseNumber(std::string_view s) {
  s = trim(s);
  if (s.empty()) return std::nullopt;
  if (s.front() == '+') s.remove_prefix(1);
  double value = 0;
  auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (error != std::errc() || end != s.data() + s.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

int parseSmallInt(std::string_view s) {
  auto v = parseNumber(s);
  return v && *v >= -1e9 && *v <= 1e9 ? int(*v) : 0;
}

std::optional<int> parseFatalities(std::string_view s) {
  auto v = parseNumber(s);
  if (!v || *v < 0 || *v > 1e6 || *v != std::floor(*v)) return std::nullopt;
  return int(*v);
}

std::string_view optionalText(std::string_view s) {
  s = trim(s);
  auto is = [&](std::string_view word) {
    return s.size() == word.size() &&
           std::equal(s.begin(), s.end(), word.begin(), [](char a, char b) { return std::toupper((unsigned char)a) == b; });
  };
  return is("NA") || is("N/A") || is("NULL") ? std::string_view() : s;
}

int interactionCode(std::string_view s) {
  if (auto v = parseNumber(s)) return *v >= 0 && *v <= 99 ? int(*v) : 0;
  s = trim(s);
  constexpr std::string_view kOnly = " only";  // "Protesters only": one actor type, coded 60
  if (s.size() > kOnly.size() && foldForMatching(s.substr(s.size() - kOnly.size())) == kOnly)
    return interCode(s.substr(0, s.size() - kOnly.size())) * 10;
  for (size_t dash = s.find('-'); dash != std::string_view::npos; dash = s.find('-', dash + 1)) {
    const int a = interCode(s.substr(0, dash)), b = interCode(s.substr(dash + 1));
    if (a && b) return std::min(a, b) * 10 + std::max(a, b);
  }
  return 0;
}

int interCode(std::string_view s) {
  if (auto v = parseNumber(s)) return *v >= 0 && *v <= 99 ? int(*v) : 0;  // checked: int(1e300) is undefined
  static const std::pair<const char*, int> names[] = {
      {"state forces", 1}, {"rebel group", 2}, {"political militia", 3}, {"identity militia", 4},
      {"rioters", 5},      {"protesters", 6},  {"civilians", 7},         {"external/other forces", 8}};
  const std::string folded = foldForMatching(trim(s));
  for (const auto& [name, code] : names)
    if (folded == name) return code;
  return 0;
}

std::vector<std::string_view> splitActors(std::string_view list) {
  std::vector<std::string_view> out;
  appendActors(list, out);
  return out;
}

void appendActors(std::string_view list, std::vector<std::string_view>& out) {
  while (!list.empty()) {
    const size_t cut = list.find(';');
    std::string_view one = optionalText(list.substr(0, cut));
    if (!one.empty()) out.push_back(one);
    if (cut == std::string_view::npos) break;
    list.remove_prefix(cut + 1);
  }
}

std::optional<std::vector<LonLat>> parseStretch(std::string_view wkt) {
  const std::string text(wkt);
  OGRGeometry* parsed = nullptr;
  if (OGRGeometryFactory::createFromWkt(text.c_str(), nullptr, &parsed) != OGRERR_NONE || !parsed) return std::nullopt;
  std::unique_ptr<OGRGeometry> geometry(parsed);
  if (wkbFlatten(geometry->getGeometryType()) != wkbLineString) return std::nullopt;
  const OGRLineString* line = geometry->toLineString();
  std::vector<LonLat> points;
  for (int i = 0; i < line->getNumPoints(); ++i) {
    const double x = line->getX(i), y = line->getY(i);
    if (!std::isfinite(x) || !std::isfinite(y) || std::fabs(x) > 180 || std::fabs(y) > 90) return std::nullopt;
    points.push_back({x, y});
  }
  if (points.size() < 2) return std::nullopt;
  return points;
}

}  // namespace sitmap::acled
