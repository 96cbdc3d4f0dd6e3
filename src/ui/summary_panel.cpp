// Summary and details drawing.
#include "ui/summary_panel.hpp"

#include <imgui.h>

#include "ui/panel_window.hpp"

#include "core/civil_date.hpp"

namespace sitmap {

namespace {

void countTable(const char* id, const char* heading, const std::vector<CountRow>& rows) {
  if (!ImGui::BeginTable(id, 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn(heading, ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("Events", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableSetupColumn("Fatalities", ImGuiTableColumnFlags_WidthFixed);
  ImGui::TableHeadersRow();
  for (const CountRow& row : rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.name.c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%u", row.events);
    ImGui::TableNextColumn();
    ImGui::Text("%lld", static_cast<long long>(row.fatalities));
  }
  ImGui::EndTable();
}

}  // namespace

void SummaryPanel::draw(const IncidentsView& view) {
  const float unit = ImGui::GetFontSize();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const PanelWindow panel("Summary", ImVec2(viewport->Pos.x + viewport->Size.x - 24 * unit, 35 * unit), ImVec2(23 * unit, 16 * unit), true);
  if (!panel) return;
  if (!view.table) {
    return;
  }
  if (m_version != view.selectionVersion) {  // recount only when the filter's result changed
    m_byRegion = summarise(*view.table, *view.selection, SummaryBy::Admin1, 10);
    m_byType = summarise(*view.table, *view.selection, SummaryBy::EventType, 10);
    m_byActor = summarise(*view.table, *view.selection, SummaryBy::Actor, 10);
    m_version = view.selectionVersion;
  }
  countTable("##region", "Admin-1", m_byRegion);
  countTable("##type", "Event type", m_byType);
  countTable("##actor", "Actor (top 10)", m_byActor);
}

void drawEventDetails(const EventTable& t, uint32_t e, bool& open) {
  const float unit = ImGui::GetFontSize();
  const PanelWindow panel("Incident details", ImVec2(60, 60), ImVec2(28 * unit, 24 * unit), false, &open);
  if (!panel) return;
  auto field = [](const char* name, std::string_view value) {
    if (value.empty()) return;
    ImGui::TextDisabled("%s", name);
    ImGui::SameLine(9 * ImGui::GetFontSize());
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(value.data(), value.data() + value.size());
    ImGui::PopTextWrapPos();
  };
  field("Event", t.id[e]);
  field("Date", eventDateText(t, e, false));
  field("Type", t.eventTypes.value(t.eventType[e]));
  field("Sub-type", t.subEventTypes.value(t.subEventType[e]));
  field("Disorder", t.disorderTypes.value(t.disorderType[e]));
  field("Actor 1", t.actorNames.value(t.actor1[e]));
  field("  with", t.assocActor1[e]);
  field("Actor 2", t.actorNames.value(t.actor2[e]));
  field("  with", t.assocActor2[e]);
  field("Interaction", std::to_string(t.interaction[e]));
  if (t.civilianTargeting[e]) field("Civilians", "targeted");
  field("Place", std::string(t.location[e]) + ", " + t.admin2Names.value(t.admin2[e]) + ", " + t.admin1Names.value(t.admin1[e]));
  field("Coordinates", std::to_string(t.lat[e]) + ", " + std::to_string(t.lon[e]));
  field("Precision", precisionText(t, e));
  field("Fatalities", std::to_string(t.fatalities[e]));
  field("Source", t.source[e]);
  field("Tags", t.tags[e]);
  ImGui::Separator();
  ImGui::PushTextWrapPos(0);
  const std::string_view notes = t.notes[e];
  ImGui::TextUnformatted(notes.data(), notes.data() + notes.size());
  ImGui::PopTextWrapPos();
}

}  // namespace sitmap
