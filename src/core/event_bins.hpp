// Screen-space aggregation of incidents: when points crowd, events are counted per grid cell of the screen
// and drawn as one symbol per cell, so a frame costs the same for a thousand events or a million.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/event_table.hpp"
#include "core/viewport.hpp"

namespace sitmap {

struct EventBin {
  Vec2 centre;            // screen pixels: the mean position of its events
  uint32_t count = 0;
  int64_t fatalities = 0;
  uint8_t category = 0;   // the most frequent EventCategory in the cell
};

// positions: every event's display-CRS position; events: the ones to count. Cells are cellPx wide.
std::vector<EventBin> binEvents(const std::vector<Vec2>& positions, const EventTable& table,
                                const std::vector<uint32_t>& events, const Viewport& view, double cellPx);

// A bin's count as written on the map, at most four characters so that neighbouring counts never run together:
// "999", "2.1k", "25k", "1.3M".
std::string binCountText(uint32_t count);

// How many of `events` fall inside the view (stops counting at `limit`).
size_t countVisible(const std::vector<Vec2>& positions, const std::vector<uint32_t>& events, const Bbox& view, size_t limit);

}  // namespace sitmap
