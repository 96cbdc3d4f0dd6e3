// Incident symbology.
#include "core/event_style.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "core/text.hpp"

namespace sitmap {

Rgba categoryColour(EventCategory category) {
  switch (category) {
    case EventCategory::Battles: return {0.835f, 0.369f, 0.0f, 1};                    // vermillion
    case EventCategory::ExplosionsRemoteViolence: return {0.902f, 0.624f, 0.0f, 1};   // orange
    case EventCategory::ViolenceAgainstCivilians: return {0.8f, 0.475f, 0.655f, 1};   // reddish purple
    case EventCategory::Protests: return {0.337f, 0.706f, 0.914f, 1};                 // sky blue
    case EventCategory::Riots: return {0.0f, 0.447f, 0.698f, 1};                      // blue
    case EventCategory::StrategicDevelopments: return {0.0f, 0.620f, 0.451f, 1};      // bluish green
    case EventCategory::RiotsProtests: return {0.169f, 0.576f, 0.808f, 1};            // between the two blues
    case EventCategory::Other: return {0.6f, 0.6f, 0.6f, 1};
  }
  return {0.6f, 0.6f, 0.6f, 1};
}

float eventDiameter(int32_t fatalities) {
  return std::min(40.0f, 10.0f + 3.0f * std::sqrt(float(std::max(0, fatalities))));
}

std::optional<EventAggregation> parseEventAggregation(std::string_view name) {
  for (EventAggregation a : {EventAggregation::Auto, EventAggregation::Bins, EventAggregation::Density, EventAggregation::Points})
    if (name == eventAggregationName(a)) return a;
  return std::nullopt;
}

const char* eventAggregationName(EventAggregation aggregation) {
  switch (aggregation) {
    case EventAggregation::Auto: return "auto";
    case EventAggregation::Bins: return "bins";
    case EventAggregation::Density: return "density";
    case EventAggregation::Points: return "points";
  }
  return "auto";
}

Rgba actorColour(std::string_view actor) {
  const std::string name = foldForMatching(actor);
  auto has = [&](const char* key) { return name.find(key) != std::string::npos; };
  if (has("fama") || has("military forces of mali")) return {0.0f, 0.267f, 0.533f, 1};   // dark blue
  if (has("csp") || has("cma")) return {0.867f, 0.667f, 0.2f, 1};                       // ochre
  if (has("jnim")) return {0.733f, 0.333f, 0.4f, 1};                                     // red
  if (has("minusma") || has("united nations")) return {0.2f, 0.733f, 0.933f, 1};         // cyan
  if (has("islamic state") || has("is sahel") || has("eigs")) return {0.133f, 0.133f, 0.133f, 1};
  static const Rgba others[] = {{0.133f, 0.533f, 0.2f, 1}, {0.667f, 0.2f, 0.467f, 1}, {0.4f, 0.8f, 0.933f, 1}, {0.8f, 0.733f, 0.267f, 1}};
  size_t hash = 0;
  for (char c : name) hash = hash * 31 + static_cast<unsigned char>(c);
  return others[hash % std::size(others)];
}

}  // namespace sitmap
