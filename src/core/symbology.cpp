// The symbology table's entries.
#include "core/symbology.hpp"

#include "core/event_style.hpp"

namespace sitmap::symbology {

ControlMarker::Style controlMarkerStyle(ControlStatus status) {
  switch (status) {
    case ControlStatus::Control: return ControlMarker::Style::Solid;
    case ControlStatus::Influence: return ControlMarker::Style::Light;
    case ControlStatus::Claimed: return ControlMarker::Style::Dashed;
    case ControlStatus::Contested:
    case ControlStatus::Raid: return ControlMarker::Style::Outline;
  }
  return ControlMarker::Style::Outline;
}

VectorStyle controlZoneStyle(ControlStatus status, Rgba actorColour, bool indicative, bool justChanged) {
  VectorStyle style;
  style.fill = actorColour;
  style.fill.a = status == ControlStatus::Control ? 0.45f : 0.22f;
  style.filled = true;
  style.hatched = status == ControlStatus::Contested;
  style.stroke = actorColour;
  style.strokeWidth = status == ControlStatus::Control ? 2.0f : 1.2f;
  style.dashed = status == ControlStatus::Claimed || indicative;
  style.pointSize = 0;
  if (justChanged) {
    style.stroke = kJustChanged;
    style.strokeWidth = 4.0f;
  }
  return style;
}

Rgba routeRiskColour(float level) { return {1.0f - 0.35f * level, 0.9f - 0.8f * level, 0.55f - 0.5f * level, 0.85f}; }

LegendEntry categoryEntry(EventCategory category, size_t count) {
  return {categoryColour(category), std::string(categoryName(category)) + " (" + std::to_string(count) + ")"};
}
LegendEntry nearTownEntry() { return {kKeyGrey, "Location near a town", LegendEntry::Symbol::Halo}; }
LegendEntry regionOnlyEntry() { return {kKeyGrey, "Location: region only", LegendEntry::Symbol::Ring}; }
LegendEntry routeRiskEntry(int32_t days) {
  return {kRouteRiskKey, "Route risk: incidents near the route, " + std::to_string(days) + " days before departure"};
}
LegendEntry passedIncidentEntry() {
  return {kJustReachedRing, "Incident the convoy passed (bright: last 24 h)", LegendEntry::Symbol::Ring};
}
LegendEntry actorEntry(const std::string& actor, Rgba colour) { return {colour, "Held by " + actor}; }
LegendEntry indicativeZonesEntry() {
  return {kKeyGrey, "Dashed areas: indicative zones, not boundaries", LegendEntry::Symbol::Ring};
}
LegendEntry justChangedEntry() { return {kJustChanged, "Yellow edge: changed in the last 24 h", LegendEntry::Symbol::Ring}; }
LegendEntry statusEntry(ControlStatus status) {
  return {kKeyGrey, std::string("Status: ") + controlStatusName(status),
          status == ControlStatus::Influence ? LegendEntry::Symbol::Halo : LegendEntry::Symbol::Ring};
}

}  // namespace sitmap::symbology
