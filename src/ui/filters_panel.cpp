// Filters panel drawing.
#include "ui/filters_panel.hpp"

#include <imgui.h>

#include "ui/panel_window.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "core/civil_date.hpp"
#include "core/text.hpp"

namespace sitmap {

namespace {

// A checkbox list over a dictionary, writing the ticked names into `chosen`; true when it changed.
bool nameList(const char* id, const Dictionary& names, std::vector<std::string>& chosen, const char* search, float height) {
  bool changed = false;
  const std::string needle = foldForMatching(search);
  ImGui::BeginChild(id, ImVec2(0, height), true);
  for (size_t code = 1; code < names.size(); ++code) {
    const std::string& name = names.value(uint32_t(code));
    if (!needle.empty() && foldForMatching(name).find(needle) == std::string::npos) continue;
    bool on = std::find(chosen.begin(), chosen.end(), name) != chosen.end();
    if (ImGui::Checkbox(name.c_str(), &on)) {
      if (on) chosen.push_back(name);
      else chosen.erase(std::remove(chosen.begin(), chosen.end(), name), chosen.end());
      changed = true;
    }
  }
  ImGui::EndChild();
  return changed;
}

// A small "x" that clears a criterion.
bool resetButton(const char* id, bool active) {
  if (!active) return false;
  ImGui::SameLine();
  ImGui::PushID(id);
  const bool pressed = ImGui::SmallButton("x");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Clear this criterion");
  ImGui::PopID();
  return pressed;
}

void copyDate(char (&buffer)[16], const std::optional<int32_t>& day) {
  std::snprintf(buffer, sizeof buffer, "%s", day ? formatIsoDate(*day).c_str() : "");
}

}  // namespace

void FiltersPanel::clearTyped() {
  m_from[0] = m_to[0] = m_text[0] = m_actorSearch[0] = m_adminSearch[0] = '\0';
  m_fromError.clear();
  m_toError.clear();
}

void FiltersPanel::draw(const IncidentsView& view, std::vector<Command>& out) {
  const float unit = ImGui::GetFontSize();
  const PanelWindow panel("Incident filters", ImVec2(unit, 28 * unit), ImVec2(22 * unit, 26 * unit));
  if (!panel) return;
  if (!view.table) {
    ImGui::TextDisabled("No incident layer loaded. Add an ACLED CSV in Layers.");
    return;
  }
  const EventTable& t = *view.table;
  EventFilter filter = *view.filter;
  if (!(m_lastSeen == filter)) {  // the filter changed elsewhere (timeline drag, reset): refresh the text fields
    copyDate(m_from, filter.fromDay);
    copyDate(m_to, filter.toDay);
    std::snprintf(m_text, sizeof m_text, "%s", filter.text.c_str());
    m_fromError.clear();
    m_toError.clear();
    m_lastSeen = filter;
  }
  bool changed = false;

  const std::string counts = countOf(view.matching, "event", "events") + ", " +
                             countOf(uint64_t(std::max<int64_t>(0, view.fatalities)), "fatality", "fatalities");
  ImGui::TextUnformatted(counts.c_str());
  ImGui::SameLine();
  if (ImGui::SmallButton("Reset all")) {
    filter = {};
    clearTyped();
    changed = true;
  }
  if (view.readingFromDatabase) {
    // The count is of the rows read for the last filter: this wider one needs more from the database.
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.95f, 0.75f, 0.3f, 1), "reading this filter's incidents from the database: the count and map will grow");
    ImGui::PopTextWrapPos();
  }
  if (const HiddenByClock& hidden = view.hiddenByClock; hidden.total() > 0) {
    // The count above is what the map shows at the clock; more events match the filter's dates: how many, why.
    std::string why;
    if (hidden.afterClock) why += std::to_string(hidden.afterClock) + " after the clock";
    if (hidden.beforeWindow)
      why += (why.empty() ? "" : ", ") + std::to_string(hidden.beforeWindow) + " older than the " +
             std::to_string(view.windowDays) + "-day window";
    const std::string text = countOf(hidden.total(), "more event matches", "more events match") +
                             (hidden.total() == 1 ? " but is" : " but are") + std::string(" not on the map at the clock (") + why + ")";
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(0.95f, 0.75f, 0.3f, 1), "%s", text.c_str());
    ImGui::PopTextWrapPos();
  }
  if (view.incidentLayersShown > 1) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("in %s, 1 of %zu incident layers shown (the legend, table, summary and timeline follow it; "
                        "choose another with its button in Layers)", view.layerName.c_str(), view.incidentLayersShown);
    ImGui::PopTextWrapPos();
  }
  if (!view.importSummary.empty()) ImGui::TextDisabled("%s", view.importSummary.c_str());
  // The table's events (this filter, at the clock) to a file: .csv keeps the source's rows, .geojson any source.
  ImGui::SetNextItemWidth(-5 * ImGui::GetFontSize());
  const bool exportEntered = ImGui::InputTextWithHint("##export", "export to /path/file.csv or .geojson", m_exportPath,
                                                      sizeof m_exportPath, ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if ((ImGui::Button("Export") || exportEntered) && m_exportPath[0]) out.push_back(ExportFilteredEvents{m_exportPath});
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Writes the %s the table lists; never replaces an existing file", countOf(view.matching, "event", "events").c_str());
  ImGui::Separator();

  // A typed date is applied once it reads; one that does not is marked red with the reason and changes nothing.
  const ImVec4 red(1.0f, 0.45f, 0.4f, 1.0f);
  auto dateField = [&](const char* id, const char* hint, char (&buffer)[16], std::string& error, std::optional<int32_t>& day) {
    if (!error.empty()) ImGui::PushStyleColor(ImGuiCol_Text, red);
    const bool edited = ImGui::InputTextWithHint(id, hint, buffer, sizeof buffer, ImGuiInputTextFlags_EnterReturnsTrue) |
                        ImGui::IsItemDeactivatedAfterEdit();
    if (!error.empty()) ImGui::PopStyleColor();
    if (!edited) return;
    const auto parsed = buffer[0] ? parseEventDate(buffer) : std::nullopt;
    if (buffer[0] && !parsed) {
      error = std::string("'") + buffer + "' is not a date (e.g. 2023-10-01 or 1 October 2023)";
      return;
    }
    error.clear();
    day = parsed;
    changed = true;
  };
  ImGui::PushItemWidth(7 * unit);
  dateField("##from", "from", m_from, m_fromError, filter.fromDay);
  ImGui::SameLine();
  dateField("##to", "to", m_to, m_toError, filter.toDay);
  ImGui::PopItemWidth();
  ImGui::SameLine();
  ImGui::TextUnformatted("dates");
  if (resetButton("dates", filter.fromDay || filter.toDay || m_from[0] || m_to[0])) {
    filter.fromDay.reset();
    filter.toDay.reset();
    m_from[0] = m_to[0] = '\0';
    m_fromError.clear();
    m_toError.clear();
    changed = true;
  }
  for (const std::string* error : {&m_fromError, &m_toError})
    if (!error->empty()) {
      ImGui::PushTextWrapPos(0);
      ImGui::TextColored(red, "%s", error->c_str());
      ImGui::PopTextWrapPos();
    }

  if (ImGui::InputTextWithHint("Text", "in notes or location", m_text, sizeof m_text)) {
    filter.text = m_text;
    changed = true;
  }
  if (resetButton("text", !filter.text.empty() || m_text[0])) {
    filter.text.clear();
    m_text[0] = '\0';
    changed = true;
  }
  if (ImGui::SliderInt("Min. fatalities", &filter.minFatalities, 0, 100)) changed = true;
  if (resetButton("fatalities", filter.minFatalities > 0)) {
    filter.minFatalities = 0;
    changed = true;
  }
  if (ImGui::Checkbox("Civilian targeting only", &filter.civilianTargetingOnly)) changed = true;

  if (ImGui::CollapsingHeader("Event type", ImGuiTreeNodeFlags_DefaultOpen)) {
    changed |= nameList("##types", t.eventTypes, filter.eventTypes, "", 6 * unit);
    if (resetButton("types", !filter.eventTypes.empty())) {
      filter.eventTypes.clear();
      changed = true;
    }
  }
  if (ImGui::CollapsingHeader("Sub-event type")) {
    changed |= nameList("##subtypes", t.subEventTypes, filter.subEventTypes, "", 8 * unit);
    if (resetButton("subtypes", !filter.subEventTypes.empty())) {
      filter.subEventTypes.clear();
      changed = true;
    }
  }
  if (ImGui::CollapsingHeader("Region")) {
    ImGui::InputTextWithHint("##adminsearch", "search admin names", m_adminSearch, sizeof m_adminSearch);
    ImGui::TextDisabled("Admin-1");
    changed |= nameList("##admin1", t.admin1Names, filter.admin1, m_adminSearch, 5 * unit);
    ImGui::TextDisabled("Admin-2");
    changed |= nameList("##admin2", t.admin2Names, filter.admin2, m_adminSearch, 5 * unit);
    if (t.admin3Names.size() > 1) {
      ImGui::TextDisabled("Admin-3");
      changed |= nameList("##admin3", t.admin3Names, filter.admin3, m_adminSearch, 5 * unit);
    }
    if (resetButton("admin", !filter.admin1.empty() || !filter.admin2.empty() || !filter.admin3.empty())) {
      filter.admin1.clear();
      filter.admin2.clear();
      filter.admin3.clear();
      changed = true;
    }
    const bool picking = view.tool == MapTool::PickRegion, drawing = view.tool == MapTool::DrawRectangle;
    const bool outlining = view.tool == MapTool::DrawPolygon;
    if (ImGui::RadioButton("Pick polygons on the map", picking)) out.push_back(SetMapTool{picking ? MapTool::Navigate : MapTool::PickRegion});
    if (ImGui::RadioButton("Draw a rectangle", drawing)) out.push_back(SetMapTool{drawing ? MapTool::Navigate : MapTool::DrawRectangle});
    if (ImGui::RadioButton("Draw a polygon or lasso", outlining)) out.push_back(SetMapTool{outlining ? MapTool::Navigate : MapTool::DrawPolygon});
    // Each shape filtering now (outlined on the map), with its own remove button.
    for (size_t i = 0; i < filter.regions.size(); ++i) {
      ImGui::PushID(int(i));
      if (ImGui::SmallButton("x")) {
        filter.regions.erase(filter.regions.begin() + long(i));
        changed = true;
        ImGui::PopID();
        break;
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Stop filtering on this shape");
      ImGui::SameLine();
      // The name is the caption's ("in Kidal", "in Polygon 2"): typed over, it is renamed when the field is left.
      char name[96];
      std::snprintf(name, sizeof name, "%s", filter.regions[i].name.c_str());
      ImGui::SetNextItemWidth(-FLT_MIN);
      ImGui::InputText("##shape", name, sizeof name);
      if (ImGui::IsItemDeactivatedAfterEdit() && name[0] != '\0' && filter.regions[i].name != name) {
        filter.regions[i].name = name;
        changed = true;
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("The shape's name, as captions and the legend give it: type to rename");
      ImGui::PopID();
    }
    // Where a polygon and the source's admin names disagree, say by how much and why.
    if (view.regionChecks)
      for (const RegionNameCheck& check : *view.regionChecks) {
        ImGui::PushTextWrapPos(0);
        if (check.agrees()) ImGui::TextDisabled("%s", check.text().c_str());
        else ImGui::TextColored(ImVec4(1.0f, 0.8f, 0.3f, 1.0f), "%s", check.text().c_str());
        ImGui::PopTextWrapPos();
      }
    if (resetButton("regions", !filter.regions.empty())) {
      filter.regions.clear();
      changed = true;
    }
  }
  if (ImGui::CollapsingHeader("Actor")) {
    ImGui::InputTextWithHint("##actorsearch", "search actors", m_actorSearch, sizeof m_actorSearch);
    changed |= nameList("##actors", t.actorNames, filter.actors, m_actorSearch, 8 * unit);
    if (resetButton("actors", !filter.actors.empty())) {
      filter.actors.clear();
      changed = true;
    }
  }
  if (ImGui::CollapsingHeader("Actor types (inter codes)")) {
    static const char* names[] = {"", "State forces", "Rebel groups", "Political militias", "Identity militias",
                                  "Rioters", "Protesters", "Civilians", "External/other forces"};
    for (int code = 1; code <= 8; ++code) {
      bool on = std::find(filter.interCodes.begin(), filter.interCodes.end(), code) != filter.interCodes.end();
      char label[64];
      std::snprintf(label, sizeof label, "%d %s", code, names[code]);
      if (ImGui::Checkbox(label, &on)) {
        if (on) filter.interCodes.push_back(code);
        else filter.interCodes.erase(std::remove(filter.interCodes.begin(), filter.interCodes.end(), code), filter.interCodes.end());
        changed = true;
      }
    }
  }
  if (changed) {
    m_lastSeen = filter;
    out.push_back(SetEventFilter{filter});
  }
}

}  // namespace sitmap
