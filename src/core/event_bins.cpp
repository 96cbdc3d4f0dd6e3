// Grid binning in screen space.
#include "core/event_bins.hpp"

#include <cstdio>

#include <array>
#include <cmath>
#include <unordered_map>

namespace sitmap {

std::vector<EventBin> binEvents(const std::vector<Vec2>& positions, const EventTable& table,
                                const std::vector<uint32_t>& events, const Viewport& view, double cellPx) {
  struct Cell {
    double sumX = 0, sumY = 0;
    uint32_t count = 0;
    int64_t fatalities = 0;
    std::array<uint32_t, kEventCategoryCount> perCategory{};
  };
  const int columns = int(std::ceil(view.widthPx() / cellPx)), rows = int(std::ceil(view.heightPx() / cellPx));
  std::vector<Cell> cells(size_t(columns) * size_t(rows));
  const Bbox visible = view.visibleBounds();
  const double scale = 1.0 / view.unitsPerPixel();
  for (uint32_t e : events) {
    const Vec2 p = positions[e];
    if (!visible.contains(p)) continue;
    const double sx = (p.x - visible.minX) * scale, sy = (visible.maxY - p.y) * scale;
    const int cx = std::min(columns - 1, int(sx / cellPx)), cy = std::min(rows - 1, int(sy / cellPx));
    Cell& cell = cells[size_t(cy) * size_t(columns) + size_t(cx)];
    cell.sumX += sx;
    cell.sumY += sy;
    ++cell.count;
    cell.fatalities += table.fatalities[e];
    ++cell.perCategory[table.category[e]];
  }
  std::vector<EventBin> bins;
  for (const Cell& cell : cells) {
    if (!cell.count) continue;
    EventBin bin;
    bin.centre = {cell.sumX / cell.count, cell.sumY / cell.count};
    bin.count = cell.count;
    bin.fatalities = cell.fatalities;
    for (size_t c = 1; c < cell.perCategory.size(); ++c)
      if (cell.perCategory[c] > cell.perCategory[bin.category]) bin.category = uint8_t(c);
    bins.push_back(bin);
  }
  return bins;
}

size_t countVisible(const std::vector<Vec2>& positions, const std::vector<uint32_t>& events, const Bbox& view, size_t limit) {
  size_t count = 0;
  for (uint32_t e : events)
    if (view.contains(positions[e]) && ++count >= limit) break;
  return count;
}

std::string binCountText(uint32_t count) {
  if (count < 1000) return std::to_string(count);
  // 1.2k under ten of a unit, 25k or 999k above, then the next unit up.
  double value = count;
  for (const char* unit : {"k", "M", "G"}) {
    value /= 1000;
    char text[16];
    if (value < 9.95) {
      std::snprintf(text, sizeof text, "%.1f", value);
      std::string s = text;
      if (s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
      return s + unit;
    }
    if (value < 999.5) {
      std::snprintf(text, sizeof text, "%.0f%s", value, unit);
      return text;
    }
  }
  return std::to_string(count);  // (not reached for 32 bits: at most 4.3G)
}

}  // namespace sitmap
