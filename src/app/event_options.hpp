// The incident filter as command-line options, shared by `sitmap events` and `sitmap render`.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "core/event_filter.hpp"
#include "core/result.hpp"

namespace sitmap {

struct EventFilterOptions {
  std::string from, to, text;
  std::vector<std::string> admin1, admin2, admin3, regionLayers, regions, types, subTypes, actors;
  std::vector<int> interCodes, interactions;
  int minFatalities = 0;
  bool civilianTargeting = false;

  void addTo(CLI::App& command);
  bool any() const;
  // Dates and region names are checked here: a bad one is a usage error (exit 1) naming the option.
  Result<EventFilter> build() const;
};

}  // namespace sitmap
