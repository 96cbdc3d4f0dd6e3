// Timeline: matching events per day, week or month, stacked by category, with fatalities as a line.
// Dragging across it sets the date range; a click clears it.
#pragma once

#include <optional>
#include <vector>

#include "core/commands.hpp"

namespace sitmap {

class TimelinePanel {
public:
  void draw(const IncidentsView& view, float bottomInset, std::vector<Command>& out);

private:
  std::optional<size_t> m_dragStart;
};

}  // namespace sitmap
