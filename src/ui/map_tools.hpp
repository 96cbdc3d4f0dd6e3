// Map tools over the map itself: hover tooltips (incident, held place, zone; several incidents at one spot listed,
// a crowd summarised), click for an incident's details or a list to choose from, click to pick a region, drag to
// draw a rectangle. They read a pick view and emit commands, like every panel.
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
  std::vector<uint32_t> m_choices;       // the incidents of the spot clicked, while their list is open
};

}  // namespace sitmap
