// An incident layer as loaded: the event columns plus each event's position in the display CRS.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/event_filter.hpp"
#include "core/event_table.hpp"
#include "core/geometry.hpp"

namespace sitmap {

struct EventLayerData {
  std::shared_ptr<const EventTable> table;
  std::vector<Vec2> positions;  // display CRS, one per event
  std::unordered_map<uint32_t, std::vector<Vec2>> stretches;  // display CRS, for the events located to a road stretch
  Bbox bounds;                  // of the positions
  std::string importSummary;    // "57 events; 2 rows skipped (...)"
  // A layer read by new rows (LayerSpec::incrementalColumn): the highest value of that column read so far, and
  // how many rows the last read brought.
  std::string newestRead;
  size_t rowsLastRead = 0;
  // Read from a database for these criteria (the part of a filter it ran): the layer holds every event a filter
  // narrower than this keeps, and no more. Nullopt: read whole.
  std::optional<EventFilter> readFor;
};

}  // namespace sitmap
