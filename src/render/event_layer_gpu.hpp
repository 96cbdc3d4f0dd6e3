// An incident layer on the GPU: every event's symbol attributes, and the current selection (filter result)
// as an index buffer, so a filter change uploads indices only.
#pragma once

#include <memory>
#include <vector>

#include "core/event_bins.hpp"
#include "core/event_layer.hpp"
#include "render/gl.hpp"

namespace sitmap {

class EventLayerGpu {
public:
  explicit EventLayerGpu(std::shared_ptr<const EventLayerData> data);
  ~EventLayerGpu();
  EventLayerGpu(const EventLayerGpu&) = delete;
  EventLayerGpu& operator=(const EventLayerGpu&) = delete;

  void setSelection(const std::vector<uint32_t>& events);
  const std::vector<uint32_t>& selection() const { return m_selection; }
  const EventLayerData& data() const { return *m_data; }
  Vec2 origin() const { return m_origin; }
  GLuint vao() const { return m_vao; }
  // Bins drawn as symbols: uploaded each time the aggregated view changes.
  GLuint binVao() const { return m_binVao; }
  // nowDay: bins stand for events already inside the clock's window, so they never fade.
  void uploadBins(const std::vector<EventBin>& bins, const Viewport& view, int32_t nowDay);
  // Density hexagons (radius1x: centre to corner in pixels at 1x; the shader scales it), drawn through the
  // same buffer as bins.
  void uploadDensity(const std::vector<DensityCell>& cells, const Viewport& view, double radius1x, int32_t nowDay);

private:
  std::shared_ptr<const EventLayerData> m_data;
  Vec2 m_origin;
  std::vector<uint32_t> m_selection;
  GLuint m_vao = 0, m_vbo = 0, m_ibo = 0;
  GLuint m_binVao = 0, m_binVbo = 0;
};

}  // namespace sitmap
