// One vector layer's geometry on the GPU: fill triangles, line segments, point positions.
// Vertices are stored relative to the layer's centre so float precision holds at any zoom.
#pragma once

#include "core/geometry.hpp"
#include "core/vector_data.hpp"
#include "render/gl.hpp"

namespace sitmap {

class VectorLayerGpu {
public:
  explicit VectorLayerGpu(const VectorData& data);
  ~VectorLayerGpu();
  VectorLayerGpu(const VectorLayerGpu&) = delete;
  VectorLayerGpu& operator=(const VectorLayerGpu&) = delete;

  Vec2 origin() const { return m_origin; }
  const Bbox& bounds() const { return m_bounds; }
  GLuint fillVao() const { return m_fillVao; }
  GLsizei fillIndexCount() const { return m_fillCount; }
  GLuint lineVao() const { return m_lineVao; }
  GLsizei segmentCount() const { return m_segmentCount; }
  GLuint pointVao() const { return m_pointVao; }
  GLsizei pointCount() const { return m_pointCount; }

private:
  Vec2 m_origin;
  Bbox m_bounds;
  GLuint m_fillVao = 0, m_fillVbo = 0, m_fillIbo = 0;
  GLuint m_lineVao = 0, m_cornerVbo = 0, m_segmentVbo = 0;
  GLuint m_pointVao = 0, m_pointVbo = 0;
  GLsizei m_fillCount = 0, m_segmentCount = 0, m_pointCount = 0;
};

}  // namespace sitmap
