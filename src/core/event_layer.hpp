// An incident layer as loaded: the event columns plus each event's position in the display CRS.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/event_table.hpp"
#include "core/geometry.hpp"

namespace sitmap {

struct EventLayerData {
  std::shared_ptr<const EventTable> table;
  std::vector<Vec2> positions;  // display CRS, one per event
  Bbox bounds;                  // of the positions
  std::string importSummary;    // "57 events; 2 rows skipped (...)"
};

}  // namespace sitmap
