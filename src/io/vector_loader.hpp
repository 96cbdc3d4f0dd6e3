// Loads any OGR vector source (GeoPackage, Shapefile, GeoJSON, KML, GPX, CSV with lon/lat) into the display CRS.
#pragma once

#include <optional>
#include <string>

#include "core/result.hpp"
#include "core/vector_data.hpp"

class GDALDataset;

namespace sitmap {

struct VectorLoadRequest {
  std::string path;
  std::string layerName;   // empty: the first layer with features
  std::string displayCrs;  // e.g. "EPSG:3857"
  std::string labelField;  // empty: no labels
  std::string priorityField;
  bool priorityAscending = true;
  std::string attributeFilter;  // OGR SQL WHERE clause
  // Only features touching this lon/lat box (a one-shot render's view): a world layer under a regional map
  // reads and triangulates the countries in view, not all 255.
  std::optional<Bbox> lonLatInterest;
};

Result<VectorData> loadVector(const VectorLoadRequest& request);
// The same from a dataset already open (vector access), e.g. from a DatasetCache.
Result<VectorData> loadVector(const VectorLoadRequest& request, GDALDataset& dataset);

}  // namespace sitmap
