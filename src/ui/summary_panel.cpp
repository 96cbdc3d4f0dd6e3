// Summary and details drawing.
#include "ui/summary_panel.hpp"

#include <imgui.h>

#include "ui/panel_window.hpp"

#include "core/civil_date.hpp"
#include "core/text.hpp"

namespace sitmap {

namespace {

// One grouping's rows; a click on a row filters on it (or clears that value), as the ACLED dashboard does.
void countTable(const char* id, const char* heading, SummaryBy by, const std::vector<CountRow>& rows, const EventFilter& filter,
                std::vector<Command>& out) {
  if (!ImGui::BeginTable(id, 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn(heading, ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("Events", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("Fatalities", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableHeadersRow();
  for (const CountRow& row : rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const bool chosen = filtersOnSummaryRow(filter, by, row);
    if (row.value.empty()) {
      ImGui::TextDisabled("%s", row.name.c_str());
    } else {
      ImGui::PushID(row.value.c_str());
      if (ImGui::Selectable(row.name.c_str(), chosen, ImGuiSelectableFlags_SpanAllColumns))
        out.push_back(SetEventFilter{toggledBySummaryRow(filter, by, row)});
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip(chosen ? "Click: stop filtering on %s" : "Click: filter on %s (click again to clear)", row.name.c_str());
      ImGui::PopID();
    }
    ImGui::TableNextColumn();
    ImGui::Text("%u", row.events);
    ImGui::TableNextColumn();
    ImGui::Text("%lld", static_cast<long long>(row.fatalities));
  }
  ImGui::EndTable();
}

}  // namespace

void SummaryPanel::draw(const IncidentsView& view, std::vector<Command>& out) {
  const float unit = ImGui::GetFontSize();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const PanelWindow panel("Summary", ImVec2(viewport->Pos.x + viewport->Size.x - 24 * unit, 35 * unit), ImVec2(23 * unit, 16 * unit), true);
  if (!panel) return;
  if (!view.table || !view.filter) return;
  if (m_version != view.selectionVersion) {  // recount only when the filter's result changed
    m_byRegion = summarise(*view.table, *view.selection, SummaryBy::Admin1, 10);
    m_byType = summarise(*view.table, *view.selection, SummaryBy::EventType, 10);
    m_byActor = summarise(*view.table, *view.selection, SummaryBy::Actor, 10);
    m_version = view.selectionVersion;
  }
  ImGui::TextDisabled("Click a row to filter on it.");
  countTable("##region", "Admin-1", SummaryBy::Admin1, m_byRegion, *view.filter, out);
  countTable("##type", "Event type", SummaryBy::EventType, m_byType, *view.filter, out);
  countTable("##actor", "Actor (top 10)", SummaryBy::Actor, m_byActor, *view.filter, out);
}

namespace {

// A text with each web address in it offered as a link under it ("Open www.voaafrique.com"), so a source can
// be read in full; the text itself stays selectable through Copy.
void wrappedWithLinks(std::string_view text, std::vector<Command>& out) {
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopTextWrapPos();
  for (std::string_view url : findUrls(text)) {
    const size_t hostStart = url.find("//") + 2;
    const std::string host(url.substr(hostStart, url.find('/', hostStart) - hostStart));
    ImGui::PushID(url.data(), url.data() + url.size());
    if (ImGui::SmallButton(("Open " + host).c_str())) out.push_back(OpenUrl{std::string(url)});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%.*s", int(url.size()), url.data());
    ImGui::PopID();
  }
}

}  // namespace

void drawEventDetails(const EventTable& t, uint32_t e, bool& open, std::vector<Command>& out) {
  const float unit = ImGui::GetFontSize();
  const PanelWindow panel("Incident details", ImVec2(60, 60), ImVec2(28 * unit, 24 * unit), false, &open);
  if (!panel) return;
  // A newly chosen incident starts at the top of its details.
  static uint32_t shown = UINT32_MAX;
  if (shown != e) {
    ImGui::SetScrollY(0);
    shown = e;
  }
  if (ImGui::SmallButton("Copy")) ImGui::SetClipboardText(eventDetailsText(t, e).c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Copy every field and the notes as text");
  for (const DetailField& f : eventDetails(t, e)) {
    ImGui::TextDisabled("%s", f.name.c_str());
    ImGui::SameLine(9 * ImGui::GetFontSize());
    ImGui::BeginGroup();
    wrappedWithLinks(f.value, out);
    ImGui::EndGroup();
  }
  ImGui::Separator();
  wrappedWithLinks(t.notes[e], out);
}

}  // namespace sitmap
