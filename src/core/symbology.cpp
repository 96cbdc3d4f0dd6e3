// The symbology table's entries.
#include "core/symbology.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "core/event_bins.hpp"
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

VectorStyle controlZoneStyle(const AreaLook& look) {
  VectorStyle style;
  style.fill = look.actorColour;
  const float solid = look.status == ControlStatus::Control ? 0.40f : look.status == ControlStatus::Contested ? 0.35f : 0.18f;
  style.fill.a = look.lowConfidence ? solid * 0.5f : solid;
  style.filled = !look.roadStretch;
  style.hatched = look.status == ControlStatus::Contested;
  if (style.hatched) {
    style.hatchColour = look.otherColour;
    style.hatchColour.a = look.otherColour.a > 0 ? style.fill.a : 0;
  }
  style.stroke = look.actorColour;
  style.strokeWidth = look.roadStretch ? 4.0f : look.status == ControlStatus::Control ? 2.0f : 1.2f;
  style.dashed = look.status == ControlStatus::Claimed || look.lowConfidence;
  style.pointSize = 0;
  if (look.justChanged) {
    style.stroke = kJustChanged;
    style.strokeWidth = std::max(style.strokeWidth, 4.0f);
  }
  return style;
}

Rgba routeRiskColour(float level) { return {1.0f - 0.35f * level, 0.9f - 0.8f * level, 0.55f - 0.5f * level, 0.85f}; }

Rgba densityColour(int densityClass) {
  static constexpr std::array<Rgba, kDensityBreaks.size() + 1> ramp = {{{1.0f, 1.0f, 0.698f, 0.75f},
                                                                       {0.996f, 0.851f, 0.463f, 0.75f},
                                                                       {0.996f, 0.698f, 0.298f, 0.75f},
                                                                       {0.992f, 0.553f, 0.235f, 0.75f},
                                                                       {0.941f, 0.231f, 0.125f, 0.75f},
                                                                       {0.741f, 0.0f, 0.149f, 0.75f}}};
  return ramp[size_t(std::clamp(densityClass, 0, int(ramp.size()) - 1))];
}

LegendEntry filterShapeEntry(const std::vector<std::string>& names) {
  std::string list;
  for (const std::string& name : names) list += (list.empty() ? "" : ", ") + name;
  return {kFilterShape, "Incidents counted inside: " + list, LegendEntry::Symbol::Ring};
}

LegendEntry fatalitySizeEntry(float maxSymbolPx) {
  constexpr std::array<int32_t, 3> kKeyed{0, 10, 50};
  LegendEntry entry{kKeyGrey, "Size: 0, 10, 50 fatalities", LegendEntry::Symbol::Sizes};
  for (int32_t fatalities : kKeyed)
    entry.diameters.push_back(maxSymbolPx > 0 ? std::min(eventDiameter(fatalities), maxSymbolPx) : eventDiameter(fatalities));
  if (entry.diameters.front() == entry.diameters.back()) {
    entry.diameters.resize(1);
    entry.label = "One size (capped): fatalities not shown by size";
  }
  return entry;
}

LegendEntry binsEntry() {
  return {kKeyGrey, "Numbered circle: incidents counted together where they crowd, in slices by type", LegendEntry::Symbol::Note};
}

std::vector<LegendEntry> densityEntries(double hexagonAcrossKm) {
  std::string what = "Incidents per hexagon";
  if (hexagonAcrossKm > 0) {
    char across[32];
    std::snprintf(across, sizeof across, hexagonAcrossKm < 10 ? "%.1f" : "%.0f", hexagonAcrossKm);
    what += std::string(", each about ") + across + " km across";
  }
  std::vector<LegendEntry> entries{{kKeyGrey, what + ":", LegendEntry::Symbol::Note}};
  for (int k = 0; k <= int(kDensityBreaks.size()); ++k) entries.push_back({densityColour(k), densityClassLabel(k)});
  return entries;
}

LegendEntry categoryEntry(EventCategory category, size_t count) {
  return {categoryColour(category), std::string(categoryName(category)) + " (" + std::to_string(count) + ")"};
}
LegendEntry nearTownEntry() { return {kKeyGrey, "Location near a town", LegendEntry::Symbol::Halo}; }
LegendEntry regionOnlyEntry() { return {kKeyGrey, "Place unreported: counted by region", LegendEntry::Symbol::Dashed}; }
LegendEntry stretchOnlyEntry() { return {kKeyGrey, "Located to a road stretch only: band along it", LegendEntry::Symbol::Halo}; }
LegendEntry routeRiskEntry(int32_t days) {
  return {kRouteRiskKey, "Route risk: incidents near the route, " + std::to_string(days) + " days before departure"};
}
LegendEntry schematicRouteEntry() {
  LegendEntry entry{kConvoyRoute, "Convoy route: schematic, straight legs between towns", LegendEntry::Symbol::DashedLine};
  entry.lineWidth = 3;
  return entry;
}
LegendEntry passedIncidentEntry() {
  return {kJustReachedRing, "Incident the convoy passed (bright: last 24 h)", LegendEntry::Symbol::Ring};
}
LegendEntry actorEntry(const std::string& actor, Rgba colour) { return {colour, actor}; }

LegendEntry vectorLayerEntry(const std::string& name, const VectorStyle& style, LayerShape shape) {
  switch (shape) {
    case LayerShape::Areas:
      return style.filled ? LegendEntry{style.fill, name} : LegendEntry{style.stroke, name, LegendEntry::Symbol::Ring};
    case LayerShape::Lines: {
      LegendEntry entry{style.stroke, name, style.dashed ? LegendEntry::Symbol::DashedLine : LegendEntry::Symbol::Line};
      entry.lineWidth = std::clamp(style.strokeWidth, 1.0f, 4.0f);  // as thick as the map's line, within reason
      return entry;
    }
    case LayerShape::Points:
      break;
  }
  return {style.pointFill, name, LegendEntry::Symbol::Halo};
}

LegendEntry rasterRampEntry(const std::string& name, const std::vector<ColourStop>& ramp) {
  LegendEntry entry{ramp.empty() ? Rgba{} : ramp.front().colour, name, LegendEntry::Symbol::Ramp};
  for (const ColourStop& stop : ramp) entry.ramp.push_back(stop.colour);
  if (!ramp.empty()) {
    char range[64];
    std::snprintf(range, sizeof range, ": %.4g to %.4g", ramp.front().value, ramp.back().value);
    entry.label += range;
  }
  return entry;
}
LegendEntry areaMethodEntry() {
  return {kKeyGrey, "Areas: assessments per cercle (2017 bounds), not front lines", LegendEntry::Symbol::Note};
}
LegendEntry contestedEntry(Rgba first, Rgba second) {
  return {first, "Contested: stripes of both sides", LegendEntry::Symbol::Stripes, second};
}
LegendEntry lowConfidenceEntry() { return {kKeyGrey, "Low confidence: paler, dashed edge", LegendEntry::Symbol::Dashed}; }
LegendEntry justChangedEntry() { return {kJustChanged, "Yellow edge: changed in the last 24 h", LegendEntry::Symbol::Ring}; }
LegendEntry statusEntry(ControlStatus status) {
  return {kKeyGrey, std::string("Status: ") + controlStatusName(status),
          status == ControlStatus::Influence ? LegendEntry::Symbol::Halo
          : status == ControlStatus::Claimed ? LegendEntry::Symbol::Dashed
                                              : LegendEntry::Symbol::Ring};
}

}  // namespace sitmap::symbology
