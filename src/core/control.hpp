// Territorial control over time: features valid from a time (inclusive) to a time (exclusive, open = still valid).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "core/utc_time.hpp"

namespace sitmap {

enum class ControlStatus { Control, Influence, Contested, Claimed, Raid };
std::optional<ControlStatus> parseControlStatus(std::string_view text);
const char* controlStatusName(ControlStatus status);

struct ControlFeature {
  std::string name;
  std::string actor;
  std::string otherActor;  // contested areas: the second side; empty otherwise
  ControlStatus status = ControlStatus::Control;
  UtcSeconds validFrom = 0;
  std::optional<UtcSeconds> validTo;  // none: still valid
  std::string confidence;
  std::string source;
  bool isPoint = true;  // held towns and camps; otherwise an area (rings) or a road stretch (lines)
  LonLat point;         // for points
  std::vector<std::vector<LonLat>> rings;  // for areas: outer rings and holes, even-odd
  std::vector<std::vector<LonLat>> lines;  // for road stretches (a declared blockade of an axis)
  size_t index = 0;     // the feature's position in its source (for its geometry)

  // A state the source knows from validFrom only, held "since before" that date: its start is no change. From the
  // data's `since_before` field where it has one, else set by markFirstStates.
  bool sinceBefore = false;
  bool lowConfidence() const { return confidence == "low" || confidence == "indicative"; }
  bool validAt(UtcSeconds t) const { return t >= validFrom && (!validTo || t < *validTo); }
  // Began less than a day before `t`: the map marks such a change so that it is seen as the clock crosses it.
  bool beganWithinADayOf(UtcSeconds t) const { return t - validFrom < 86400; }
};

struct ControlChange {
  UtcSeconds time = 0;
  std::string text;  // "Kidal: CSP-PSD control begins"
};

// Every start and end of validity, in time order (for the changes panel): "Kidal: FAMa control begins", and for
// a first known state "Kidal: CSP-PSD control since before 1 Jun 2023".
std::vector<ControlChange> controlChanges(const std::vector<ControlFeature>& features);
// For data without a since_before field: a state (not a raid or a claim) with no earlier one at its place that
// starts on the data's first day is held "since before" it; a first state starting later begins then.
void markFirstStates(std::vector<ControlFeature>& features);

// Per feature: 1 where its start is a change at that place (same name): the state just before it there had
// another holder or status. 0 where it only starts the data ("since before" that date) or repeats the state.
std::vector<uint8_t> changesAtTheirPlace(const std::vector<ControlFeature>& features);

}  // namespace sitmap
