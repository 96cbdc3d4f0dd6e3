// Douglas–Peucker with an explicit stack of sections.
#include "core/path_simplify.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace sitmap {

namespace {

// Squared distance from p to the segment a–b.
double squaredDistanceToSegment(Vec2 p, Vec2 a, Vec2 b) {
  const Vec2 ab = b - a, ap = p - a;
  const double length2 = ab.x * ab.x + ab.y * ab.y;
  const double t = length2 > 0 ? std::clamp((ap.x * ab.x + ap.y * ab.y) / length2, 0.0, 1.0) : 0.0;
  const Vec2 d = ap - ab * t;
  return d.x * d.x + d.y * d.y;
}

}  // namespace

std::vector<uint32_t> simplifyPath(const Vec2* path, size_t n, double tolerance) {
  if (n <= 2) {
    std::vector<uint32_t> all(n);
    for (size_t i = 0; i < n; ++i) all[i] = uint32_t(i);
    return all;
  }
  std::vector<bool> keep(n, false);
  keep.front() = keep.back() = true;
  const double tolerance2 = tolerance * tolerance;
  std::vector<std::pair<size_t, size_t>> sections{{0, n - 1}};
  while (!sections.empty()) {
    const auto [first, last] = sections.back();
    sections.pop_back();
    double farthest = -1;
    size_t at = first;
    for (size_t i = first + 1; i < last; ++i) {
      const double d = squaredDistanceToSegment(path[i], path[first], path[last]);
      if (d > farthest) farthest = d, at = i;
    }
    if (farthest <= tolerance2) continue;
    keep[at] = true;
    sections.push_back({first, at});
    sections.push_back({at, last});
  }
  std::vector<uint32_t> kept;
  for (size_t i = 0; i < n; ++i)
    if (keep[i]) kept.push_back(uint32_t(i));
  return kept;
}

}  // namespace sitmap
