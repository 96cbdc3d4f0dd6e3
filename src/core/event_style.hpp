// How incidents look: a colour-blind-safe colour per event category (Okabe-Ito) and a size by fatalities.
#pragma once

#include "core/event_table.hpp"
#include "core/style.hpp"

#include <optional>
#include <string_view>

namespace sitmap {

// How an incident layer draws its events. Auto: each event as its own symbol until more than
// kAggregateAbove are in view, then counted bins. Bins: symbols per screen cell, split by type like a pie and
// numbered. Density: hexagons shaded by how many events fall in each. Points: every event, however many.
enum class EventAggregation { Auto, Bins, Density, Points };
inline constexpr size_t kAggregateAbove = 3000;  // visible events; beyond this, points hide each other anyway
std::optional<EventAggregation> parseEventAggregation(std::string_view name);  // "auto", "bins", "density", "points"
const char* eventAggregationName(EventAggregation aggregation);

struct IncidentStyle {
  EventAggregation aggregation = EventAggregation::Auto;
  // The largest an event's symbol may grow with its fatalities, in pixels at 1x (0: eventDiameter's own cap),
  // so that every-event maps of deadly periods stay readable.
  float maxSymbolPx = 0;
  friend bool operator==(const IncidentStyle&, const IncidentStyle&) = default;
};

Rgba categoryColour(EventCategory category);
// Symbol diameter in pixels at 1x: larger with more fatalities (square root, so area follows the toll), capped.
float eventDiameter(int32_t fatalities);
// An actor's colour for control symbols (Paul Tol's high-contrast and bright schemes, colour-blind-safe):
// the main actors of the northern-Mali theatre have fixed colours; others get one from the same set by name.
Rgba actorColour(std::string_view actor);

}  // namespace sitmap
