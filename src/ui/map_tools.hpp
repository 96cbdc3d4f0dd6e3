// Map tools over the map itself: hover tooltips (incident, held place, zone; several incidents at one spot listed,
// a crowd summarised), click for an incident's details or a list to choose from, click to pick a region, drag to
// draw a rectangle, click corners or drag a lasso to draw a polygon. They read a pick view and emit commands, like
// every panel.
#pragma once

#include <optional>
#include <vector>

#include "core/commands.hpp"
#include "core/map_pick.hpp"

namespace sitmap {

class MapTools {
public:
  // True while the user is drawing a shape (the frame keeps moving). `keyPresses`: the keys pressed (or repeated)
  // since the last frame, in ImGui's key indices, while a shape is drawn.
  bool draw(const MapPickView& view, MapTool tool, const std::vector<int>& keyPresses, std::vector<Command>& out);

private:
  // The polygon tool: a click adds a corner; holding the button and dragging adds corners along the way (a lasso,
  // closed on release); a double-click, Enter or a click on the first corner closes; Backspace takes the last
  // corner back; Escape gives up. True while drawing.
  bool drawPolygon(Vec2 mouse, float fbScale, const std::vector<int>& keyPresses, std::vector<Command>& out);

  std::optional<Vec2> m_rectangleStart;  // screen pixels
  std::vector<Vec2> m_polygon;           // screen pixels, the corners so far
  bool m_lasso = false;                  // corners are being added by dragging
  std::vector<uint32_t> m_choices;       // the incidents of the spot clicked, while their list is open
};

}  // namespace sitmap
