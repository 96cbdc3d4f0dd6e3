// Incident buffers.
#include "render/event_layer_gpu.hpp"

#include <cmath>
#include <cstddef>

#include "core/event_style.hpp"
#include "core/symbology.hpp"

namespace sitmap {

namespace {

struct EventVertex {
  float x, y;
  float colour[4];
  float diameter;
  float precision;
  float day;  // UTC day number, for the clock's fading window
};

// A counted bin: a symbol with the share of each event type, as where each slice ends (cumulative, 0..1).
struct BinVertex {
  EventVertex symbol;
  float sliceEnds[kEventCategoryCount];
};
static_assert(kEventCategoryCount == 8, "the event shader takes eight slices");

void describe(GLuint vao, GLuint vbo, GLsizei stride, bool slices) {
  glBindVertexArray(vao);
  glBindBuffer(GL_ARRAY_BUFFER, vbo);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(EventVertex, x)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(EventVertex, colour)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(EventVertex, diameter)));
  glEnableVertexAttribArray(3);
  glVertexAttribPointer(3, 1, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(EventVertex, precision)));
  glEnableVertexAttribArray(4);
  glVertexAttribPointer(4, 1, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(EventVertex, day)));
  if (!slices) return;
  glEnableVertexAttribArray(5);
  glVertexAttribPointer(5, 4, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(BinVertex, sliceEnds)));
  glEnableVertexAttribArray(6);
  glVertexAttribPointer(6, 4, GL_FLOAT, GL_FALSE, stride,
                        reinterpret_cast<void*>(offsetof(BinVertex, sliceEnds) + 4 * sizeof(float)));
}

}  // namespace

EventLayerGpu::EventLayerGpu(std::shared_ptr<const EventLayerData> data)
    : m_data(std::move(data)), m_origin(m_data->bounds.valid() ? m_data->bounds.centre() : Vec2{}) {
  const EventTable& t = *m_data->table;
  std::vector<EventVertex> vertices(t.size());
  for (size_t i = 0; i < t.size(); ++i) {
    const Rgba c = categoryColour(EventCategory(t.category[i]));
    vertices[i] = {float(m_data->positions[i].x - m_origin.x), float(m_data->positions[i].y - m_origin.y),
                   {c.r, c.g, c.b, c.a}, eventDiameter(t.fatalities[i]), float(std::max<uint8_t>(1, t.geoPrecision[i])),
                   float(t.day[i])};
  }
  glGenVertexArrays(1, &m_vao);
  glGenBuffers(1, &m_vbo);
  glGenBuffers(1, &m_ibo);
  glBindBuffer(GL_ARRAY_BUFFER, m_vbo);
  glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(vertices.size() * sizeof(EventVertex)), vertices.data(), GL_STATIC_DRAW);
  describe(m_vao, m_vbo, sizeof(EventVertex), false);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m_ibo);
  glGenVertexArrays(1, &m_binVao);
  glGenBuffers(1, &m_binVbo);
  describe(m_binVao, m_binVbo, sizeof(BinVertex), true);
  glBindVertexArray(0);
}

EventLayerGpu::~EventLayerGpu() {
  const GLuint arrays[] = {m_vao, m_binVao};
  const GLuint buffers[] = {m_vbo, m_ibo, m_binVbo};
  glDeleteVertexArrays(2, arrays);
  glDeleteBuffers(3, buffers);
}

void EventLayerGpu::setSelection(const std::vector<uint32_t>& events) {
  m_selection = events;
  glBindVertexArray(m_vao);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m_ibo);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(events.size() * sizeof(uint32_t)), events.data(), GL_DYNAMIC_DRAW);
  glBindVertexArray(0);
}

void EventLayerGpu::uploadBins(const std::vector<EventBin>& bins, const Viewport& view, int32_t nowDay) {
  std::vector<BinVertex> vertices;
  vertices.reserve(bins.size());
  for (const EventBin& bin : bins) {
    const Vec2 world = view.screenToWorld(bin.centre) - m_origin;
    const Rgba c = categoryColour(EventCategory(bin.category));
    const float diameter = binDiameter(bin.count);
    BinVertex v{{float(world.x), float(world.y), {c.r, c.g, c.b, 0.85f}, diameter, 1.0f, float(nowDay)}, {}};
    uint32_t upTo = 0;
    for (size_t k = 0; k < bin.perCategory.size(); ++k) {
      upTo += bin.perCategory[k];
      v.sliceEnds[k] = float(double(upTo) / double(std::max<uint32_t>(1, bin.count)));
    }
    vertices.push_back(v);
  }
  glBindBuffer(GL_ARRAY_BUFFER, m_binVbo);
  glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(vertices.size() * sizeof(BinVertex)), vertices.data(), GL_STREAM_DRAW);
}

void EventLayerGpu::uploadDensity(const std::vector<DensityCell>& cells, const Viewport& view, double radius1x, int32_t nowDay) {
  std::vector<BinVertex> vertices;
  vertices.reserve(cells.size());
  for (const DensityCell& cell : cells) {
    const Vec2 world = view.screenToWorld(cell.centre) - m_origin;
    const Rgba c = symbology::densityColour(densityClass(cell.count));
    vertices.push_back({{float(world.x), float(world.y), {c.r, c.g, c.b, c.a}, float(2 * radius1x), 1.0f, float(nowDay)}, {}});
  }
  glBindBuffer(GL_ARRAY_BUFFER, m_binVbo);
  glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(vertices.size() * sizeof(BinVertex)), vertices.data(), GL_STREAM_DRAW);
}

}  // namespace sitmap
