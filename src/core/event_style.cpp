// Incident symbology.
#include "core/event_style.hpp"

#include <algorithm>
#include <cmath>

namespace sitmap {

Rgba categoryColour(EventCategory category) {
  switch (category) {
    case EventCategory::Battles: return {0.835f, 0.369f, 0.0f, 1};                    // vermillion
    case EventCategory::ExplosionsRemoteViolence: return {0.902f, 0.624f, 0.0f, 1};   // orange
    case EventCategory::ViolenceAgainstCivilians: return {0.8f, 0.475f, 0.655f, 1};   // reddish purple
    case EventCategory::Protests: return {0.337f, 0.706f, 0.914f, 1};                 // sky blue
    case EventCategory::Riots: return {0.0f, 0.447f, 0.698f, 1};                      // blue
    case EventCategory::StrategicDevelopments: return {0.0f, 0.620f, 0.451f, 1};      // bluish green
    case EventCategory::Other: return {0.6f, 0.6f, 0.6f, 1};
  }
  return {0.6f, 0.6f, 0.6f, 1};
}

float eventDiameter(int32_t fatalities) {
  return std::min(40.0f, 8.0f + 3.0f * std::sqrt(float(std::max(0, fatalities))));
}

}  // namespace sitmap
