// Builds the GPU buffers of a vector layer.
#include "render/vector_layer_gpu.hpp"

#include <cmath>
#include <cstddef>
#include <vector>

namespace sitmap {

namespace {

struct Segment {
  float ax, ay, bx, by;
  float startDistance;
};

}  // namespace

VectorLayerGpu::VectorLayerGpu(const VectorData& data) : m_origin(data.bounds.valid() ? data.bounds.centre() : Vec2{}), m_bounds(data.bounds) {
  auto local = [&](const Vec2& v) { return std::pair<float, float>{float(v.x - m_origin.x), float(v.y - m_origin.y)}; };

  // Fill: the loader's triangles index the layer's vertices.
  std::vector<float> positions;
  if (!data.fillIndices.empty()) {
    positions.reserve(data.vertices.size() * 2);
    for (const Vec2& v : data.vertices) {
      const auto p = local(v);
      positions.insert(positions.end(), {p.first, p.second});
    }
  }
  m_fillCount = GLsizei(data.fillIndices.size());
  glGenVertexArrays(1, &m_fillVao);
  glGenBuffers(1, &m_fillVbo);
  glGenBuffers(1, &m_fillIbo);
  glBindVertexArray(m_fillVao);
  glBindBuffer(GL_ARRAY_BUFFER, m_fillVbo);
  glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(positions.size() * sizeof(float)), positions.data(), GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m_fillIbo);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(data.fillIndices.size() * sizeof(uint32_t)), data.fillIndices.data(),
               GL_STATIC_DRAW);

  // Lines: one instance per segment, with the distance along its path for dash patterns.
  std::vector<Segment> segments;
  for (const auto& path : data.lines) {
    double distance = 0;
    for (uint32_t i = 0; i + 1 < path.count; ++i) {
      const Vec2& a = data.vertices[path.first + i];
      const Vec2& b = data.vertices[path.first + i + 1];
      const auto la = local(a), lb = local(b);
      segments.push_back({la.first, la.second, lb.first, lb.second, float(distance)});
      distance += std::hypot(b.x - a.x, b.y - a.y);
    }
  }
  m_segmentCount = GLsizei(segments.size());
  const float corners[] = {0, -1, 1, -1, 1, 1, 0, -1, 1, 1, 0, 1};
  glGenVertexArrays(1, &m_lineVao);
  glBindVertexArray(m_lineVao);
  glGenBuffers(1, &m_cornerVbo);
  glBindBuffer(GL_ARRAY_BUFFER, m_cornerVbo);
  glBufferData(GL_ARRAY_BUFFER, sizeof corners, corners, GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
  glGenBuffers(1, &m_segmentVbo);
  glBindBuffer(GL_ARRAY_BUFFER, m_segmentVbo);
  glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(segments.size() * sizeof(Segment)), segments.data(), GL_STATIC_DRAW);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, sizeof(Segment), nullptr);
  glVertexAttribDivisor(1, 1);
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, sizeof(Segment), reinterpret_cast<void*>(offsetof(Segment, startDistance)));
  glVertexAttribDivisor(2, 1);

  std::vector<float> points;
  for (const Vec2& p : data.points) {
    const auto lp = local(p);
    points.insert(points.end(), {lp.first, lp.second});
  }
  m_pointCount = GLsizei(data.points.size());
  glGenVertexArrays(1, &m_pointVao);
  glGenBuffers(1, &m_pointVbo);
  glBindVertexArray(m_pointVao);
  glBindBuffer(GL_ARRAY_BUFFER, m_pointVbo);
  glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(points.size() * sizeof(float)), points.data(), GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
  glBindVertexArray(0);
}

VectorLayerGpu::~VectorLayerGpu() {
  const GLuint arrays[] = {m_fillVao, m_lineVao, m_pointVao};
  const GLuint buffers[] = {m_fillVbo, m_fillIbo, m_cornerVbo, m_segmentVbo, m_pointVbo};
  glDeleteVertexArrays(3, arrays);
  glDeleteBuffers(5, buffers);
}

}  // namespace sitmap
