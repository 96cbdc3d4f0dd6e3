// Map panel drawing.
#include "ui/map_panel.hpp"

#include <imgui.h>

namespace sitmap {

void MapPanel::draw(const std::string& currentCrs, const std::string& crsName, std::vector<Command>& out) {
  const float unit = ImGui::GetFontSize();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + 24 * unit, viewport->Pos.y + 0.3f * unit), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(22 * unit, 0), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);  // rarely needed; leaves the legend in view
  if (!ImGui::Begin("Map")) {
    ImGui::End();
    return;
  }
  ImGui::Text("Display CRS: %s", currentCrs.c_str());
  ImGui::TextDisabled("%s", crsName.c_str());
  for (const char* preset : {"EPSG:3857", "EPSG:32631", "EPSG:32630", "EPSG:4326"}) {
    if (ImGui::SmallButton(preset)) out.push_back(SetDisplayCrs{preset});
    ImGui::SameLine();
  }
  ImGui::NewLine();
  ImGui::SetNextItemWidth(-70);
  const bool entered = ImGui::InputTextWithHint("##crs", "EPSG code, e.g. EPSG:32631", m_crs, sizeof m_crs,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if ((ImGui::Button("Apply") || entered) && m_crs[0]) out.push_back(SetDisplayCrs{m_crs});
  if (ImGui::Button("Home view (Home)")) out.push_back(ZoomHome{});
  ImGui::SameLine();
  if (ImGui::Button("Fullscreen (F11)")) out.push_back(ToggleFullscreen{});
  ImGui::TextDisabled("Drag to pan, wheel to zoom; arrows pan, +/- zoom.");
  ImGui::End();
}

}  // namespace sitmap
