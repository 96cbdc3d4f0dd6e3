// Hit testing in screen pixels for points and incidents, in display coordinates for zones.
#include "core/map_pick.hpp"

#include <cmath>

#include "core/event_views.hpp"

namespace sitmap {

RegionShape regionOf(const VectorData& data, uint32_t firstRing, uint32_t count, std::string name) {
  RegionShape shape{std::move(name), {}};
  for (uint32_t r = firstRing; r < firstRing + count; ++r) {
    const VectorData::Path& ring = data.rings[r];
    shape.rings.emplace_back(data.vertices.begin() + ring.first, data.vertices.begin() + ring.first + ring.count);
  }
  return shape;
}

MapPick pickAt(const MapPickView& v, Vec2 screen) {
  MapPick pick;
  if (v.incidents && v.incidentPositions && v.selection) {
    switch (v.drawing) {
      case EventDrawing::Density:
        pick.incidents = eventsInHexagonAt(*v.incidentPositions, *v.selection, v.view, screen, kDensityRadiusPx * v.mapPixelScale);
        break;
      case EventDrawing::Bins:
        pick.incidents = eventsInBinAt(*v.incidentPositions, *v.selection, v.view, screen, v.mapPixelScale);
        break;
      case EventDrawing::Points:
        pick.incidents = eventsNear(*v.incidentPositions, *v.selection, v.view, screen, 10 * v.pixelScale);
        break;
    }
    if (!pick.incidents.empty()) pick.incident = pick.incidents.front();
  }
  if (!v.clock) return pick;
  // Held places first (a town's marker over its zone), then zones, topmost layer first in each.
  for (const ControlPickLayer& layer : v.control)
    for (size_t i = 0; i < layer.features->size(); ++i) {
      const ControlFeature& f = (*layer.features)[i];
      if (!f.isPoint || !f.validAt(*v.clock)) continue;
      const Vec2 p = v.view.worldToScreen((*layer.positions)[i]);
      if (std::abs(p.x - screen.x) <= 12 * v.pixelScale && std::abs(p.y - screen.y) <= 12 * v.pixelScale) {
        pick.control = &f;
        return pick;
      }
    }
  if (pick.incident) return pick;  // an incident inside a zone is the incident
  const Vec2 world = v.view.screenToWorld(screen);
  for (const ControlPickLayer& layer : v.control)
    for (size_t i = 0; i < layer.features->size(); ++i) {
      const ControlFeature& f = (*layer.features)[i];
      const auto& zone = (*layer.zones)[i];
      if (f.isPoint || !zone || !f.validAt(*v.clock)) continue;
      if (RegionIndex({regionOf(*zone, 0, uint32_t(zone->rings.size()), f.name)}).containsAny(world)) {
        pick.control = &f;
        return pick;
      }
    }
  return pick;
}

}  // namespace sitmap
