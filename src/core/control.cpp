// Control status names and the change list.
#include "core/control.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace sitmap {

std::optional<ControlStatus> parseControlStatus(std::string_view text) {
  const std::string s = foldForMatching(text);
  for (ControlStatus status : {ControlStatus::Control, ControlStatus::Influence, ControlStatus::Contested,
                               ControlStatus::Claimed, ControlStatus::Raid})
    if (s == controlStatusName(status)) return status;
  return std::nullopt;
}

const char* controlStatusName(ControlStatus status) {
  switch (status) {
    case ControlStatus::Control: return "control";
    case ControlStatus::Influence: return "influence";
    case ControlStatus::Contested: return "contested";
    case ControlStatus::Claimed: return "claimed";
    case ControlStatus::Raid: return "raid";
  }
  return "?";
}

std::vector<ControlChange> controlChanges(const std::vector<ControlFeature>& features) {
  std::vector<ControlChange> changes;
  for (const ControlFeature& f : features) {
    changes.push_back({f.validFrom, f.name + ": " + f.actor + " " + controlStatusName(f.status) + " begins"});
    if (f.validTo) changes.push_back({*f.validTo, f.name + ": " + f.actor + " " + controlStatusName(f.status) + " ends"});
  }
  std::stable_sort(changes.begin(), changes.end(), [](const ControlChange& a, const ControlChange& b) { return a.time < b.time; });
  return changes;
}

}  // namespace sitmap
