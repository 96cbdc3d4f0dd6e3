// Summary: the current filter's events counted by region, type and actor; a row clicked filters on it.
#pragma once

#include "core/commands.hpp"

namespace sitmap {

class SummaryPanel {
public:
  void draw(const IncidentsView& view, std::vector<Command>& out);

private:
  uint64_t m_version = UINT64_MAX;
  std::vector<CountRow> m_byRegion, m_byType, m_byActor;
};

// A window with every field of one incident, each web address in them offered to open; `open` is cleared
// when the user closes it.
void drawEventDetails(const EventTable& table, uint32_t event, bool& open, std::vector<Command>& out);

}  // namespace sitmap
