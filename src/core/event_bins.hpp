// Screen-space aggregation of incidents: when points crowd, events are counted per grid cell of the screen
// and drawn as one symbol per cell, so a frame costs the same for a thousand events or a million.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/event_style.hpp"
#include "core/event_table.hpp"
#include "core/viewport.hpp"

namespace sitmap {

struct EventBin {
  Vec2 centre;            // screen pixels: the mean position of its events
  uint32_t count = 0;
  int64_t fatalities = 0;
  uint8_t category = 0;   // the most frequent EventCategory in the cell
  std::array<uint32_t, kEventCategoryCount> perCategory{};  // the mix, drawn as the symbol's slices
};

inline constexpr double kBinCellPx = 48;  // at 1x
// A bin's symbol: 14 px for one event, growing with the count's order of magnitude to 46 px (at 1x).
float binDiameter(uint32_t count);

// What an incident layer's events are drawn as in one view: the layer's choice, with Auto settled by how
// many selected events are in view (more than kAggregateAbove: bins).
enum class EventDrawing { Points, Bins, Density };
EventDrawing chooseEventDrawing(EventAggregation aggregation, const std::vector<Vec2>& positions,
                                const std::vector<uint32_t>& events, const Bbox& visible);

// A hexagon of the density view: pointy-topped, `radiusPx` from its centre to each corner.
struct DensityCell {
  Vec2 centre;  // screen pixels
  uint32_t count = 0;
};
// Hexagons laid on the display CRS (so they stay put while the map pans) with corners radiusPx from their
// centres at this zoom; one cell per hexagon holding any of `events` inside the view.
std::vector<DensityCell> hexbinEvents(const std::vector<Vec2>& positions, const std::vector<uint32_t>& events,
                                      const Viewport& view, double radiusPx);
// The events of the bin whose symbol is under a screen point (the nearest, if symbols overlap), or none: what the
// hover over a counted bin summarises. pixelScale: the map's, which sizes cells and symbols.
std::vector<uint32_t> eventsInBinAt(const std::vector<Vec2>& positions, const std::vector<uint32_t>& events,
                                    const Viewport& view, Vec2 screen, double pixelScale);
// The events of the hexagon under a screen point (what the hover over a density view summarises).
std::vector<uint32_t> eventsInHexagonAt(const std::vector<Vec2>& positions, const std::vector<uint32_t>& events,
                                        const Viewport& view, Vec2 screen, double radiusPx);
inline constexpr double kDensityRadiusPx = 16;  // at 1x: hexagons about 28 px across
// The density view's classes: counts of at least kDensityBreaks[k] are class k + 1 (class 0: one event).
inline constexpr std::array<uint32_t, 5> kDensityBreaks = {2, 5, 20, 100, 500};
int densityClass(uint32_t count);
std::string densityClassLabel(int densityClass);  // "1", "2–4", ..., "500 or more"

// positions: every event's display-CRS position; events: the ones to count. Cells are cellPx wide.
std::vector<EventBin> binEvents(const std::vector<Vec2>& positions, const EventTable& table,
                                const std::vector<uint32_t>& events, const Viewport& view, double cellPx);

// A bin's count as written on the map, at most four characters so that neighbouring counts never run together:
// "999", "2.1k", "25k", "1.3M".
std::string binCountText(uint32_t count);

// How many of `events` fall inside the view (stops counting at `limit`).
size_t countVisible(const std::vector<Vec2>& positions, const std::vector<uint32_t>& events, const Bbox& view, size_t limit);

}  // namespace sitmap
