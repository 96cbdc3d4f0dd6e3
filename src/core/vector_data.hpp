// VectorData: one vector layer's geometry in the display CRS, flattened for drawing, plus its label points.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace sitmap {

struct LabelPoint {
  Vec2 position;       // display CRS
  std::string text;
  double priority = 0;  // higher is placed first
  bool onPointSymbol = false;  // label of a point feature (placed beside it) or of an area (centred)
};

struct VectorData {
  struct Path {
    uint32_t first = 0;  // index into vertices
    uint32_t count = 0;
  };
  std::vector<Vec2> vertices;
  std::vector<Path> lines;  // line strings, and polygon rings for outlines
  std::vector<Path> rings;  // polygon rings (outer and holes)
  // Polygon features, for picking regions on the map: their rings are rings[firstRing, firstRing + ringCount).
  struct PolygonFeature {
    uint32_t firstRing = 0;
    uint32_t ringCount = 0;
    std::string name;  // the label field's value, else the first text field's
  };
  std::vector<PolygonFeature> polygonFeatures;
  std::vector<uint32_t> fillIndices;  // polygon interiors as triangles (even-odd rule), indices into vertices
  std::vector<Vec2> points;
  std::vector<LabelPoint> labels;
  Bbox bounds;              // display CRS
  size_t featureCount = 0;
  size_t skippedFeatures = 0;  // features without usable geometry
  size_t unfilledPolygons = 0;  // polygons the triangulator rejected: outlined but not filled
  size_t simplifiedFills = 0;   // polygons too detailed to triangulate whole: filled from a simplified copy
  std::string geometryType;    // "Polygon", "Line", "Point" or "Mixed"
  std::vector<std::string> fieldNames;  // attribute fields, for choosing label and priority fields
};

}  // namespace sitmap
