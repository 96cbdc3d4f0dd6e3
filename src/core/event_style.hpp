// How incidents look: a colour-blind-safe colour per event category (Okabe-Ito) and a size by fatalities.
#pragma once

#include "core/event_table.hpp"
#include "core/style.hpp"

#include <string_view>

namespace sitmap {

Rgba categoryColour(EventCategory category);
// Symbol diameter in pixels at 1x: larger with more fatalities (square root, so area follows the toll), capped.
float eventDiameter(int32_t fatalities);
// An actor's colour for control symbols (Paul Tol's high-contrast and bright schemes, colour-blind-safe):
// the main actors of the northern-Mali theatre have fixed colours; others get one from the same set by name.
Rgba actorColour(std::string_view actor);

}  // namespace sitmap
