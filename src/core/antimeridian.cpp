// Occupancy of one-degree columns, and the widest empty run between occupied ones.
#include "core/antimeridian.hpp"

#include <algorithm>
#include <cmath>

namespace sitmap {

std::optional<double> antimeridianCut(const std::vector<XRange>& covered, const WorldSpan& world) {
  constexpr int kColumns = 360;
  constexpr int kWidestGapNeeded = kColumns / 4;
  if (covered.empty() || world.width <= 0) return std::nullopt;
  std::vector<bool> occupied(kColumns, false);
  constexpr double kSlack = 1e-9;  // 180° itself belongs to the last column
  const auto columnOf = [&](double x) { return std::clamp(int(std::floor((x - world.west) / world.width * kColumns)), 0, kColumns - 1); };
  for (const XRange& range : covered) {
    const double low = std::min(range.from, range.to), high = std::max(range.from, range.to);
    if (!std::isfinite(low) || !std::isfinite(high)) continue;
    // Already beyond one turn of the world: leave the data as it is.
    if (low < world.west - kSlack * world.width || high > world.west + world.width * (1 + kSlack)) return std::nullopt;
    for (int c = columnOf(low); c <= columnOf(high); ++c) occupied[size_t(c)] = true;
  }
  // Only data that reaches both edges of the world can be cut there.
  if (!occupied.front() || !occupied.back()) return std::nullopt;
  int bestStart = 0, bestLength = 0;
  for (int i = 0; i < kColumns;) {
    if (occupied[size_t(i)]) {
      ++i;
      continue;
    }
    const int start = i;
    while (i < kColumns && !occupied[size_t(i)]) ++i;
    if (i - start > bestLength) bestStart = start, bestLength = i - start;
  }
  if (bestLength < kWidestGapNeeded) return std::nullopt;
  return world.west + (bestStart + bestLength / 2.0) / kColumns * world.width;
}

}  // namespace sitmap
