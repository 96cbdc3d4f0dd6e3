// Incident table drawing.
#include "ui/events_table_panel.hpp"

#include <imgui.h>

#include "ui/panel_window.hpp"

#include "core/civil_date.hpp"
#include "core/event_views.hpp"

namespace sitmap {

void EventsTablePanel::draw(const IncidentsView& view, std::vector<Command>& out) {
  const float unit = ImGui::GetFontSize();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const PanelWindow panel("Incidents table", ImVec2(viewport->Pos.x + viewport->Size.x - 41 * unit, 16 * unit), ImVec2(40 * unit, 18 * unit), true);
  if (!panel) return;
  if (!view.table) {
    ImGui::TextDisabled("No incident layer loaded.");
    return;
  }
  const EventTable& t = *view.table;
  static const char* headers[] = {"Date", "Type", "Sub-type", "Actor 1", "Actor 2", "Admin-1", "Location", "Fatalities"};
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_ScrollX | ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV;
  std::optional<uint32_t> hovered;
  if (ImGui::BeginTable("##incidents", 8, flags)) {
    ImGui::TableSetupScrollFreeze(0, 1);
    for (int c = 0; c < 8; ++c)
      ImGui::TableSetupColumn(headers[c], ImGuiTableColumnFlags_WidthFixed | (c == 0 ? ImGuiTableColumnFlags_DefaultSort : 0),
                              c == 0 ? 6 * unit : c == 7 ? 5 * unit : 10 * unit);
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
      const int column = specs->Specs[0].ColumnIndex;
      const bool ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
      if (specs->SpecsDirty || column != m_sortColumn || ascending != m_sortAscending) {
        m_sortColumn = column;
        m_sortAscending = ascending;
        m_sortedVersion = UINT64_MAX;
        specs->SpecsDirty = false;
      }
    }
    if (m_sortedVersion != view.selectionVersion) {
      m_rows = *view.selection;
      sortEvents(t, m_rows, EventColumn(m_sortColumn), m_sortAscending);
      m_sortedVersion = view.selectionVersion;
    }
    ImGuiListClipper clipper;
    clipper.Begin(int(m_rows.size()));
    while (clipper.Step()) {
      for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
        const uint32_t e = m_rows[size_t(r)];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(r);
        const std::string date = eventDateText(t, e, true);
        if (ImGui::Selectable(date.c_str(), false, ImGuiSelectableFlags_SpanAllColumns)) {
          out.push_back(FlyToEvent{e});
          out.push_back(ShowEventDetails{e});
        }
        if (ImGui::IsItemHovered()) hovered = e;
        ImGui::PopID();
        const std::string_view cells[] = {t.eventTypes.value(t.eventType[e]), t.subEventTypes.value(t.subEventType[e]),
                                          t.actorNames.value(t.actor1[e]),    t.actorNames.value(t.actor2[e]),
                                          t.admin1Names.value(t.admin1[e]),   t.location[e]};
        for (std::string_view cell : cells) {
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(cell.data(), cell.data() + cell.size());
        }
        ImGui::TableNextColumn();
        ImGui::Text("%d", t.fatalities[e]);
      }
    }
    ImGui::EndTable();
  }
  if (hovered != m_hovered) {
    m_hovered = hovered;
    out.push_back(HoverEvent{hovered});
  }
}

}  // namespace sitmap
