// What lies under the cursor on the map: an incident, a held place or a control zone at the clock's time.
// Pure geometry over core data, so the ui's map tools only draw tooltips and the rule is unit-tested:
// incidents and point symbols take precedence over areas (a zone must not hide the incidents inside it).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/control.hpp"
#include "core/event_bins.hpp"
#include "core/event_filter.hpp"
#include "core/event_table.hpp"
#include "core/vector_data.hpp"
#include "core/viewport.hpp"

namespace sitmap {

// The rings [firstRing, firstRing + count) of a layer's geometry as a region shape (same coordinates).
RegionShape regionOf(const VectorData& data, uint32_t firstRing, uint32_t count, std::string name);

// One control layer as loaded: features with their display positions (points) and zones (areas; else null).
struct ControlPickLayer {
  const std::vector<ControlFeature>* features = nullptr;
  const std::vector<Vec2>* positions = nullptr;
  const std::vector<std::shared_ptr<const VectorData>>* zones = nullptr;
};

struct MapPickView {
  Viewport view;
  std::optional<UtcSeconds> clock;
  std::vector<ControlPickLayer> control;  // topmost first
  const EventTable* incidents = nullptr;  // the panels' incident layer
  const std::vector<Vec2>* incidentPositions = nullptr;
  const std::vector<uint32_t>* selection = nullptr;  // the incidents drawn
  float pixelScale = 1;                               // hit distances grow with the UI scale
  // How the incidents are drawn, at the map's pixel scale: over bins and hexagons the cursor picks the symbol's
  // incidents, over points those within reach.
  EventDrawing drawing = EventDrawing::Points;
  float mapPixelScale = 1;
};

struct MapPick {
  std::optional<uint32_t> incident;           // index into the incident table: the nearest
  std::vector<uint32_t> incidents;            // every drawn incident within reach, nearest first (or in the hexagon)
  const ControlFeature* control = nullptr;    // a held place, or a zone when no point or incident is there
};

MapPick pickAt(const MapPickView& view, Vec2 screen);

}  // namespace sitmap
