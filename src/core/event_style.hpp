// How incidents look: a colour-blind-safe colour per event category (Okabe-Ito) and a size by fatalities.
#pragma once

#include "core/event_table.hpp"
#include "core/style.hpp"

namespace sitmap {

Rgba categoryColour(EventCategory category);
// Symbol diameter in pixels at 1x: larger with more fatalities (square root, so area follows the toll), capped.
float eventDiameter(int32_t fatalities);

}  // namespace sitmap
