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
  // Clears every typed field (dates, text, searches) and their errors: a reset leaves nothing typed over an
  // unfiltered count.
  void clearTyped();

  char m_from[16] = {}, m_to[16] = {}, m_text[256] = {}, m_actorSearch[128] = {}, m_adminSearch[128] = {};
  char m_exportPath[512] = {};
  std::string m_fromError, m_toError;  // a typed date that does not read: shown in red, the filter left as it was
  EventFilter m_lastSeen;  // the filter the text fields were last filled from
};

}  // namespace sitmap
