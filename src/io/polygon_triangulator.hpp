// Polygon triangulation (GLU tessellator, even-odd rule): holes and multipolygons become plain triangles,
// so the renderer fills every pixel once instead of stencil fans that overdraw large polygons many times.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/vector_data.hpp"

namespace sitmap {

class PolygonTriangulator {
public:
  PolygonTriangulator();
  ~PolygonTriangulator();
  PolygonTriangulator(const PolygonTriangulator&) = delete;
  PolygonTriangulator& operator=(const PolygonTriangulator&) = delete;

  // Triangulates one polygon made of `rings` (outer and holes) of data.vertices, appending triangle indices to
  // data.fillIndices (and any vertices created where edges cross to data.vertices). False if it failed.
  bool add(VectorData& data, const std::vector<VectorData::Path>& rings);

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace sitmap
