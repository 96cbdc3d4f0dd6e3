// Filter options.
#include "app/event_options.hpp"

#include "core/civil_date.hpp"
#include "io/region_loader.hpp"

namespace sitmap {

void EventFilterOptions::addTo(CLI::App& command) {
  command.add_option("--from", from, "First day (inclusive), e.g. 2023-10-31");
  command.add_option("--to", to, "Last day (inclusive)");
  command.add_option("--admin1", admin1, "Admin-1 region name, case and accents ignored (repeatable)");
  command.add_option("--admin2", admin2, "Admin-2 name (cercle, district), case and accents ignored (repeatable)");
  command.add_option("--admin3", admin3, "Admin-3 name (commune), case and accents ignored (repeatable)");
  command.add_option("--region-layer", regionLayers, "Polygon layer whose features --region names (repeatable)");
  command.add_option("--region", regions, "Name of a polygon in a --region-layer (repeatable)");
  command.add_option("--type", types, "Event type (repeatable)");
  command.add_option("--sub-type", subTypes, "Sub-event type (repeatable)");
  command.add_option("--actor", actors, "Actor, on either side or associated (repeatable)");
  command.add_option("--inter", interCodes, "ACLED actor type code (1 state forces ... 8 external), either side (repeatable)")
      ->check(CLI::Range(0, 9));
  command.add_option("--interaction", interactions, "ACLED interaction code, e.g. 27 (repeatable)")->check(CLI::Range(0, 99));
  command.add_flag("--civilian-targeting", civilianTargeting, "Only events that targeted civilians");
  command.add_option("--min-fatalities", minFatalities, "Only events with at least this many fatalities")
      ->check(CLI::Range(0, 1000000));
  command.add_option("--text", text, "Text in the notes or location, case and accents ignored");
}

bool EventFilterOptions::any() const {
  return !from.empty() || !to.empty() || !text.empty() || !admin1.empty() || !admin2.empty() || !admin3.empty() ||
         !regions.empty() || !types.empty() || !subTypes.empty() || !actors.empty() || !interCodes.empty() ||
         !interactions.empty() || civilianTargeting || minFatalities > 0;
}

Result<EventFilter> EventFilterOptions::build() const {
  EventFilter filter;
  for (auto [text, slot, option] : {std::tuple{&from, &filter.fromDay, "--from"}, std::tuple{&to, &filter.toDay, "--to"}}) {
    if (text->empty()) continue;
    auto day = parseEventDate(*text);
    if (!day) return Error{std::string(option) + ": cannot read the date '" + *text + "' (use e.g. 2023-10-31)"};
    *slot = *day;
  }
  if (filter.fromDay && filter.toDay && *filter.fromDay > *filter.toDay) return Error{"--from is after --to"};
  if (!regions.empty() && regionLayers.empty()) return Error{"--region needs a --region-layer to find it in"};
  for (const std::string& name : regions) {
    std::string reasons;
    bool found = false;
    for (const std::string& layer : regionLayers) {
      auto shapes = loadRegions(layer, {name});
      if (shapes) {
        filter.regions.push_back(std::move((*shapes)[0]));
        found = true;
        break;
      }
      reasons += (reasons.empty() ? "" : "; ") + shapes.error();
    }
    if (!found) return Error{"--region " + name + ": " + reasons};
  }
  filter.admin1 = admin1;
  filter.admin2 = admin2;
  filter.admin3 = admin3;
  filter.interCodes = interCodes;
  filter.interactions = interactions;
  filter.civilianTargetingOnly = civilianTargeting;
  filter.eventTypes = types;
  filter.subEventTypes = subTypes;
  filter.actors = actors;
  filter.minFatalities = minFatalities;
  filter.text = text;
  return filter;
}

}  // namespace sitmap
