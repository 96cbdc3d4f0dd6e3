// GLU tessellator driving. It needs no GL context: it is pure computation on the calling thread.
#include "io/polygon_triangulator.hpp"

#include <GL/glu.h>

#include <array>
#include <cstdint>

namespace sitmap {

namespace {

struct Job {
  VectorData* data = nullptr;
  std::vector<uint32_t> triangle;  // indices of the triangle being assembled
  bool failed = false;
};

// GLU hands vertex "data" pointers back; ours carry the vertex index.
void* asPointer(uint32_t index) { return reinterpret_cast<void*>(uintptr_t(index)); }
uint32_t asIndex(void* pointer) { return uint32_t(reinterpret_cast<uintptr_t>(pointer)); }

void GLAPIENTRY onBegin(GLenum, void*) {}
// An edge-flag callback makes GLU emit separate triangles only (no fans or strips).
void GLAPIENTRY onEdgeFlag(GLboolean, void*) {}

void GLAPIENTRY onVertex(void* vertex, void* job) {
  auto* j = static_cast<Job*>(job);
  j->data->fillIndices.push_back(asIndex(vertex));
}

void GLAPIENTRY onCombine(GLdouble coords[3], void*[4], GLfloat[4], void** out, void* job) {
  auto* j = static_cast<Job*>(job);
  j->data->vertices.push_back({coords[0], coords[1]});
  *out = asPointer(uint32_t(j->data->vertices.size() - 1));
}

void GLAPIENTRY onError(GLenum, void* job) { static_cast<Job*>(job)->failed = true; }

}  // namespace

struct PolygonTriangulator::Impl {
  GLUtesselator* tess = nullptr;
  std::vector<std::array<GLdouble, 3>> coords;  // must outlive gluTessEndPolygon
};

PolygonTriangulator::PolygonTriangulator() : m_impl(std::make_unique<Impl>()) {
  m_impl->tess = gluNewTess();
  using Callback = void(GLAPIENTRY*)();
  gluTessCallback(m_impl->tess, GLU_TESS_BEGIN_DATA, reinterpret_cast<Callback>(onBegin));
  gluTessCallback(m_impl->tess, GLU_TESS_EDGE_FLAG_DATA, reinterpret_cast<Callback>(onEdgeFlag));
  gluTessCallback(m_impl->tess, GLU_TESS_VERTEX_DATA, reinterpret_cast<Callback>(onVertex));
  gluTessCallback(m_impl->tess, GLU_TESS_COMBINE_DATA, reinterpret_cast<Callback>(onCombine));
  gluTessCallback(m_impl->tess, GLU_TESS_ERROR_DATA, reinterpret_cast<Callback>(onError));
  gluTessProperty(m_impl->tess, GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
  gluTessNormal(m_impl->tess, 0, 0, 1);
}

PolygonTriangulator::~PolygonTriangulator() { gluDeleteTess(m_impl->tess); }

bool PolygonTriangulator::add(VectorData& data, const std::vector<VectorData::Path>& rings) {
  size_t total = 0;
  for (const auto& ring : rings) total += ring.count;
  m_impl->coords.assign(total, {});
  const size_t indicesBefore = data.fillIndices.size();
  Job job;
  job.data = &data;
  gluTessBeginPolygon(m_impl->tess, &job);
  size_t next = 0;
  for (const auto& ring : rings) {
    gluTessBeginContour(m_impl->tess);
    // A closed ring repeats its first vertex at the end; the tessellator wants it once.
    const uint32_t count = ring.count > 1 && data.vertices[ring.first] == data.vertices[ring.first + ring.count - 1]
                               ? ring.count - 1
                               : ring.count;
    for (uint32_t i = 0; i < count; ++i) {
      const Vec2& v = data.vertices[ring.first + i];
      auto& c = m_impl->coords[next++];
      c = {v.x, v.y, 0};
      gluTessVertex(m_impl->tess, c.data(), asPointer(ring.first + i));
    }
    gluTessEndContour(m_impl->tess);
  }
  gluTessEndPolygon(m_impl->tess);
  if (job.failed || (data.fillIndices.size() - indicesBefore) % 3 != 0) {
    data.fillIndices.resize(indicesBefore);
    return false;
  }
  return true;
}

}  // namespace sitmap
