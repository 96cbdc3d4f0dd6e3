// Filters panel: every incident criterion, each resettable, with the matching count always in view.
#pragma once

#include <string>
#include <vector>

#include "core/commands.hpp"

namespace sitmap {

class FiltersPanel {
public:
  void draw(const IncidentsView& view, std::vector<Command>& out);

private:
  char m_from[16] = {}, m_to[16] = {}, m_text[256] = {}, m_actorSearch[128] = {}, m_adminSearch[128] = {};
  EventFilter m_lastSeen;  // the filter the text fields were last filled from
};

}  // namespace sitmap
