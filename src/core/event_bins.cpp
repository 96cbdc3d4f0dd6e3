// Grid binning in screen space.
#include "core/event_bins.hpp"

#include <cstdio>

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

namespace sitmap {

namespace {

// The screen grid bins count in: cells `cellPx` wide from the view's top-left corner.
struct BinGrid {
  Bbox visible;
  double scale, cellPx;
  int columns, rows;
  BinGrid(const Viewport& view, double cell)
      : visible(view.visibleBounds()), scale(1.0 / view.unitsPerPixel()), cellPx(cell),
        columns(int(std::ceil(view.widthPx() / cell))), rows(int(std::ceil(view.heightPx() / cell))) {}
  Vec2 screenOf(Vec2 p) const { return {(p.x - visible.minX) * scale, (visible.maxY - p.y) * scale}; }
  uint32_t cellOf(Vec2 s) const {
    const int cx = std::min(columns - 1, int(s.x / cellPx)), cy = std::min(rows - 1, int(s.y / cellPx));
    return uint32_t(cy) * uint32_t(columns) + uint32_t(cx);
  }
};

}  // namespace

float binDiameter(uint32_t count) { return std::min(46.0f, 14.0f + 2.0f * std::log2(float(std::max<uint32_t>(1, count)))); }

std::vector<EventBin> binEvents(const std::vector<Vec2>& positions, const EventTable& table,
                                const std::vector<uint32_t>& events, const Viewport& view, double cellPx) {
  struct Cell {
    double sumX = 0, sumY = 0;
    uint32_t count = 0;
    int64_t fatalities = 0;
    std::array<uint32_t, kEventCategoryCount> perCategory{};
  };
  const BinGrid grid(view, cellPx);
  std::vector<Cell> cells(size_t(grid.columns) * size_t(grid.rows));
  for (uint32_t e : events) {
    const Vec2 p = positions[e];
    if (!grid.visible.contains(p)) continue;
    const Vec2 s = grid.screenOf(p);
    Cell& cell = cells[grid.cellOf(s)];
    cell.sumX += s.x;
    cell.sumY += s.y;
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
    bin.perCategory = cell.perCategory;
    for (size_t c = 1; c < cell.perCategory.size(); ++c)
      if (cell.perCategory[c] > cell.perCategory[bin.category]) bin.category = uint8_t(c);
    bins.push_back(bin);
  }
  return bins;
}

std::vector<uint32_t> eventsInBinAt(const std::vector<Vec2>& positions, const std::vector<uint32_t>& events,
                                    const Viewport& view, Vec2 screen, double pixelScale) {
  // A symbol sits at its events' mean, inside its own cell, and is narrower than a cell: only the cursor's cell
  // and its eight neighbours can hold the bin under it. So one pass gathers those nine, without the whole grid.
  const BinGrid grid(view, kBinCellPx * pixelScale);
  const int cursorX = int(screen.x / grid.cellPx), cursorY = int(screen.y / grid.cellPx);
  struct Near {
    double sumX = 0, sumY = 0;
    std::vector<uint32_t> events;
  };
  std::array<Near, 9> near;
  for (uint32_t e : events) {
    if (!grid.visible.contains(positions[e])) continue;
    const Vec2 s = grid.screenOf(positions[e]);
    const uint32_t cell = grid.cellOf(s);
    const int dx = int(cell % uint32_t(grid.columns)) - cursorX, dy = int(cell / uint32_t(grid.columns)) - cursorY;
    if (std::abs(dx) > 1 || std::abs(dy) > 1) continue;
    Near& n = near[size_t((dy + 1) * 3 + dx + 1)];
    n.sumX += s.x;
    n.sumY += s.y;
    n.events.push_back(e);
  }
  const Near* hit = nullptr;
  double nearest = 0;
  for (const Near& n : near) {
    if (n.events.empty()) continue;
    const double count = double(n.events.size());
    const double d = std::hypot(n.sumX / count - screen.x, n.sumY / count - screen.y);
    if (d <= binDiameter(uint32_t(n.events.size())) * pixelScale / 2 && (!hit || d < nearest)) {
      hit = &n;
      nearest = d;
    }
  }
  return hit ? hit->events : std::vector<uint32_t>{};
}

EventDrawing chooseEventDrawing(EventAggregation aggregation, const std::vector<Vec2>& positions,
                                const std::vector<uint32_t>& events, const Bbox& visible) {
  switch (aggregation) {
    case EventAggregation::Bins: return EventDrawing::Bins;
    case EventAggregation::Density: return EventDrawing::Density;
    case EventAggregation::Points: return EventDrawing::Points;
    case EventAggregation::Auto: break;
  }
  return countVisible(positions, events, visible, kAggregateAbove + 1) > kAggregateAbove ? EventDrawing::Bins
                                                                                         : EventDrawing::Points;
}

namespace {

// The hexagon holding a display-CRS point: pointy-topped hexagons in axial coordinates (q along x, r at 60
// degrees), rounded to the nearest hexagon through cube coordinates, the standard construction exact at
// every edge. Packed into one key; hexagonCentre reverses it.
uint64_t hexagonKey(Vec2 p, double radius) {
  const double q = (std::sqrt(3.0) / 3 * p.x - p.y / 3) / radius, r = (2.0 / 3 * p.y) / radius;
  double x = std::round(q), z = std::round(r), y = std::round(-q - r);
  const double dx = std::abs(x - q), dz = std::abs(z - r), dy = std::abs(y + q + r);
  if (dx > dy && dx > dz) x = -y - z;
  else if (dz > dy) z = -x - y;
  return (uint64_t(uint32_t(int32_t(x))) << 32) | uint32_t(int32_t(z));
}

Vec2 hexagonCentre(uint64_t key, double radius) {
  const double q = int32_t(uint32_t(key >> 32)), r = int32_t(uint32_t(key));
  return {radius * std::sqrt(3.0) * (q + r / 2), radius * 1.5 * r};
}

}  // namespace

std::vector<DensityCell> hexbinEvents(const std::vector<Vec2>& positions, const std::vector<uint32_t>& events,
                                      const Viewport& view, double radiusPx) {
  const double radius = radiusPx * view.unitsPerPixel();
  const Bbox visible = view.visibleBounds();
  std::unordered_map<uint64_t, uint32_t> counts;
  for (uint32_t e : events)
    if (visible.contains(positions[e])) ++counts[hexagonKey(positions[e], radius)];
  std::vector<DensityCell> cells;
  cells.reserve(counts.size());
  for (const auto& [key, count] : counts) cells.push_back({view.worldToScreen(hexagonCentre(key, radius)), count});
  // A fixed order (hash order is not), so two renders of one view draw the same image.
  std::sort(cells.begin(), cells.end(), [](const DensityCell& a, const DensityCell& b) {
    return a.centre.y != b.centre.y ? a.centre.y < b.centre.y : a.centre.x < b.centre.x;
  });
  return cells;
}

std::vector<uint32_t> eventsInHexagonAt(const std::vector<Vec2>& positions, const std::vector<uint32_t>& events,
                                        const Viewport& view, Vec2 screen, double radiusPx) {
  const double radius = radiusPx * view.unitsPerPixel();
  const uint64_t key = hexagonKey(view.screenToWorld(screen), radius);
  std::vector<uint32_t> inside;
  for (uint32_t e : events)
    if (hexagonKey(positions[e], radius) == key) inside.push_back(e);
  return inside;
}

int densityClass(uint32_t count) {
  int k = 0;
  while (k < int(kDensityBreaks.size()) && count >= kDensityBreaks[size_t(k)]) ++k;
  return k;
}

std::string densityClassLabel(int densityClass) {
  if (densityClass <= 0) return "1";
  if (densityClass >= int(kDensityBreaks.size())) return std::to_string(kDensityBreaks.back()) + " or more";
  return std::to_string(kDensityBreaks[size_t(densityClass - 1)]) + "\u2013" + std::to_string(kDensityBreaks[size_t(densityClass)] - 1);
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
