// Map tools over the map itself: hover tooltips (incident, held place, zone), click for an incident's details,
// click to pick a region, drag to draw a rectangle. They read a pick view and emit commands, like every panel.
#pragma once

#include <optional>
#include <vector>

#include "core/commands.hpp"
#include "core/map_pick.hpp"

namespace sitmap {

class MapTools {
public:
  // True while the user is drawing a rectangle (the frame keeps moving).
  bool draw(const MapPickView& view, MapTool tool, std::vector<Command>& out);

private:
  std::optional<Vec2> m_rectangleStart;  // screen pixels
};

}  // namespace sitmap
