// The one symbology table (MapLibre's style/renderer split): how the map draws control statuses, changes, convoy
// rings, route risk and incident categories, and the legend entry that keys each. The session builds the frame's
// items and its legend from these, and the renderer takes its colours from here, so the legend cannot disagree
// with the map.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/control.hpp"
#include "core/event_table.hpp"
#include "core/map_frame.hpp"
#include "core/style.hpp"

namespace sitmap::symbology {

// Colours shared by the map and its legend.
inline constexpr Rgba kJustChanged{1.0f, 0.85f, 0.0f, 1};      // the edge of a change the clock just crossed
inline constexpr Rgba kJustReachedRing{0.9f, 0.1f, 0.05f, 1};  // an incident the convoy reached in the last day
inline constexpr Rgba kPassedRing{0.55f, 0.05f, 0.05f, 0.9f};  // one it passed earlier
inline constexpr Rgba kRouteRiskKey{0.65f, 0.1f, 0.05f, 1};    // the legend's swatch for the risk ramp's high end
inline constexpr Rgba kConvoyRoute{0.1f, 0.2f, 0.6f, 1};       // the convoy's trail
inline constexpr Rgba kKeyGrey{0.35f, 0.35f, 0.35f, 1};        // neutral swatches (precision, statuses)
inline constexpr Rgba kFilterShape{0.85f, 0.11f, 0.38f, 1};    // the outline of a shape the incident filter keeps to

// The boundary disclaimer a report map may carry (after the United Nations' own wording).
inline constexpr const char* kBoundaryDisclaimer =
    "The boundaries and names shown and the designations used on this map do not imply official endorsement or acceptance.";

// Held towns and camps: control = thick frame on a light fill, influence = light fill only,
// contested and raid = thin frame, claimed = dashed frame.
ControlMarker::Style controlMarkerStyle(ControlStatus status);
// Areas (cercle assessments) and road stretches: the actor's colour, lighter for influence, striped in both
// sides' colours when contested, a dashed edge when claimed, paler with a dashed edge at low confidence, a
// bright edge when the change is less than a day old.
struct AreaLook {
  ControlStatus status = ControlStatus::Control;
  Rgba actorColour;
  Rgba otherColour{0, 0, 0, 0};  // contested: the second side
  bool lowConfidence = false;
  bool justChanged = false;
  bool roadStretch = false;  // a line (a declared blockade of an axis), not an area
};
VectorStyle controlZoneStyle(const AreaLook& look);
// Route risk under the route: pale yellow (no incident nearby) to dark red (the most of any segment), by level 0..1.
Rgba routeRiskColour(float level);

// The density view's hexagons: ColorBrewer's YlOrRd, light to dark by densityClass (core/event_bins).
Rgba densityColour(int densityClass);

// Legend entries, each for the symbol drawn above.
LegendEntry categoryEntry(EventCategory category, size_t count);
LegendEntry nearTownEntry();
LegendEntry regionOnlyEntry();
LegendEntry stretchOnlyEntry();
LegendEntry routeRiskEntry(int32_t days);
LegendEntry passedIncidentEntry();
LegendEntry schematicRouteEntry();
LegendEntry actorEntry(const std::string& actor, Rgba colour);
LegendEntry areaMethodEntry();
LegendEntry contestedEntry(Rgba first, Rgba second);
LegendEntry lowConfidenceEntry();
LegendEntry justChangedEntry();
LegendEntry statusEntry(ControlStatus status);
// The incident filter's shapes: "Incidents counted inside: Kidal (polygon), Box 1".
LegendEntry filterShapeEntry(const std::vector<std::string>& names);
// Counted bins: what a numbered, sliced circle stands for.
LegendEntry binsEntry();
// Incidents drawn one by one are sized by their fatalities: circles for 0, 10 and 50 as the map draws them,
// under the layer's symbol-size cap (maxSymbolPx, 0: none). A cap that makes them one size says so instead.
LegendEntry fatalitySizeEntry(float maxSymbolPx);
// A layer the user keys (LayerSpec::inLegend), by its own style: its fill for areas, its line for lines, its
// point colour for points.
enum class LayerShape { Areas, Lines, Points };
LegendEntry vectorLayerEntry(const std::string& name, const VectorStyle& style, LayerShape shape);
// A single-band raster by its ramp: "NAME: LOW to HIGH", the colours low to high.
LegendEntry rasterRampEntry(const std::string& name, const std::vector<ColourStop>& ramp);
// The density view: one swatch per class, then what a hexagon covers (about `hexagonAcrossKm` across; 0:
// unknown, e.g. no ground scale in this CRS).
std::vector<LegendEntry> densityEntries(double hexagonAcrossKm);

}  // namespace sitmap::symbology
