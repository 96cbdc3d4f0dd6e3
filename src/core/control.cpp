// Control status names and the change list.
#include "core/control.hpp"

#include <algorithm>

#include "core/civil_date.hpp"
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

namespace {

// The state at f's place just before f began: the latest-starting feature of the same name valid then.
const ControlFeature* stateBefore(const std::vector<ControlFeature>& features, const ControlFeature& f) {
  const ControlFeature* before = nullptr;
  for (const ControlFeature& g : features)
    if (&g != &f && g.name == f.name && g.validFrom < f.validFrom && (!g.validTo || *g.validTo >= f.validFrom) &&
        (!before || g.validFrom > before->validFrom))
      before = &g;
  return before;
}

}  // namespace

void markFirstStates(std::vector<ControlFeature>& features) {
  if (features.empty()) return;
  const UtcSeconds dataStart =
      std::min_element(features.begin(), features.end(), [](const auto& a, const auto& b) { return a.validFrom < b.validFrom; })->validFrom;
  for (ControlFeature& f : features)
    f.sinceBefore = f.status != ControlStatus::Raid && f.status != ControlStatus::Claimed && f.validFrom == dataStart &&
                    !stateBefore(features, f);
}

std::vector<ControlChange> controlChanges(const std::vector<ControlFeature>& features) {
  std::vector<ControlChange> changes;
  for (const ControlFeature& f : features) {
    const std::string state = f.name + ": " + (f.otherActor.empty() ? f.actor : f.actor + " and " + f.otherActor) + " " +
                              controlStatusName(f.status);
    changes.push_back({f.validFrom, state + (f.sinceBefore ? " since before " + formatShortDate(dayOf(f.validFrom), true) : " begins")});
    if (f.validTo) changes.push_back({*f.validTo, state + " ends"});
  }
  std::stable_sort(changes.begin(), changes.end(), [](const ControlChange& a, const ControlChange& b) { return a.time < b.time; });
  return changes;
}

std::vector<uint8_t> changesAtTheirPlace(const std::vector<ControlFeature>& features) {
  std::vector<uint8_t> changed(features.size(), 0);
  for (size_t i = 0; i < features.size(); ++i) {
    const ControlFeature& f = features[i];
    const ControlFeature* before = stateBefore(features, f);
    changed[i] = before && (before->actor != f.actor || before->status != f.status);
  }
  return changed;
}

}  // namespace sitmap
