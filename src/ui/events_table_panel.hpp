// Table of the matching incidents: sortable by any column, virtualised (only visible rows are drawn), so a
// million rows scroll as easily as ten. Hovering a row rings the event on the map; clicking flies to it.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/commands.hpp"

namespace sitmap {

class EventsTablePanel {
public:
  void draw(const IncidentsView& view, std::vector<Command>& out);

private:
  std::vector<uint32_t> m_rows;  // the selection in display order
  uint64_t m_sortedVersion = UINT64_MAX;
  int m_sortColumn = 0;
  bool m_sortAscending = true;
  std::optional<uint32_t> m_hovered;
};

}  // namespace sitmap
