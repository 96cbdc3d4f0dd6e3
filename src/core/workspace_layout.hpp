// Where the viewer's panels first appear: map-first, a sidebar on the left (layers, filters, convoy) and a strip
// along the bottom (clock, timeline), the table and summary on demand. Pure geometry, so it can be tested.
#pragma once

#include "core/geometry.hpp"

namespace sitmap {

struct WorkspaceLayout {
  Bbox mapMenu, layers, filters, convoy;  // the menu bar's collapsed header, then the sidebar top to bottom
  Bbox clock, timeline;                   // the bottom strip, right of the sidebar
  Bbox table, summary;                    // opened on demand, over the map's right side
  Bbox unobscured;                        // the map no panel covers: Home and fly-to frame into it
};

// For a window of `width` x `height` pixels, a font of `unit` pixels and a status bar `statusHeight` high.
WorkspaceLayout workspaceLayout(double width, double height, double unit, double statusHeight);

}  // namespace sitmap
