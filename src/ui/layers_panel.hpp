// Layers panel: visibility, opacity, order, zoom to, remove, live style, and adding a layer by path.
#pragma once

#include <string>
#include <vector>

#include "core/commands.hpp"

namespace sitmap {

class LayersPanel {
public:
  // Rows are listed top of the drawing order first, as in every GIS.
  void draw(const std::vector<LayerRow>& rowsBottomFirst, std::vector<Command>& out);

private:
  char m_path[1024] = {};
};

}  // namespace sitmap
