// Scene: everything needed to reproduce a map view (layers, styles, display CRS, home view, title).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "core/style.hpp"

namespace sitmap {

enum class LayerKind { Auto, Vector, Raster, Incidents };

struct LayerSpec {
  std::string name;         // shown in the layers panel and legend
  std::string path;         // file path (relative paths are resolved against the scene file)
  std::string sourceLayer;  // OGR layer name inside a multi-layer source; empty: the first
  LayerKind kind = LayerKind::Auto;
  bool visible = true;
  float opacity = 1.0f;
  VectorStyle vector;
  RasterStyle raster;
  ScaleRange scales;
  std::string attribution;  // credited in the map's attribution line
  // Incident layers read from any OGR point layer: which field holds what. Keys: date, type, sub_type, actor1,
  // actor2, fatalities, notes, location, admin1, source. Unmapped keys fall back to ACLED's column names.
  std::map<std::string, std::string> incidentFields;
};

struct Scene {
  static constexpr int kFormatVersion = 1;
  std::string title;
  std::string crs = "EPSG:3857";
  std::optional<Bbox> homeLonLat;  // W,S,E,N in degrees; none: fit all layers
  Rgba background{0.80f, 0.86f, 0.90f, 1.0f};
  std::vector<LayerSpec> layers;  // drawing order: first at the bottom
};

}  // namespace sitmap
