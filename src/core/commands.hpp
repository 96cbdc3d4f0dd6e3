// Commands the panels emit and the app applies, and the read-only rows panels draw from.
// Panels never change state themselves: they return commands, so every change goes through one place.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/style.hpp"

namespace sitmap {

struct SetLayerVisible { uint64_t layer; bool visible; };
struct SetLayerOpacity { uint64_t layer; float opacity; };
struct MoveLayer { uint64_t layer; int steps; };  // positive: towards the top of the drawing order
struct ZoomToLayer { uint64_t layer; };
struct RemoveLayer { uint64_t layer; };
struct SetLayerStyle { uint64_t layer; VectorStyle style; };  // a new label or priority field reloads the layer
struct SetLayerScales { uint64_t layer; ScaleRange scales; };
struct AddLayerFromPath { std::string path; };
struct ZoomHome {};
struct SetDisplayCrs { std::string crs; };
struct ToggleFullscreen {};

using Command = std::variant<SetLayerVisible, SetLayerOpacity, MoveLayer, ZoomToLayer, RemoveLayer, SetLayerStyle,
                             SetLayerScales, AddLayerFromPath, ZoomHome, SetDisplayCrs, ToggleFullscreen>;

// One row of the layers panel.
struct LayerRow {
  uint64_t id = 0;
  std::string name;
  std::string path;
  std::string kind;      // "Polygon", "Line", "Point", "Raster (RGB)", ...
  std::string details;   // "79 features", "20000 x 20000 px, 5 overviews"
  std::string error;     // non-empty: failed to load
  bool loading = false;
  bool visible = true;
  bool isVector = false;
  float opacity = 1;
  VectorStyle style;
  ScaleRange scales;
  std::vector<std::string> fields;  // attribute fields of a vector layer
};

}  // namespace sitmap
