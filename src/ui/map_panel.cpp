// Map panel drawing.
#include "ui/map_panel.hpp"

#include <imgui.h>

#include "ui/panel_window.hpp"

#include <algorithm>
#include <cstdio>

namespace sitmap {

void MapPanel::draw(const std::string& currentCrs, const std::string& crsName,
                    const std::vector<std::pair<std::string, std::string>>& bookmarks,
                    const std::vector<std::string>& recentScenes, bool graticule, std::vector<Command>& out) {
  const float unit = ImGui::GetFontSize();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  // rarely needed; leaves the legend in view
  const PanelWindow panel("Map", ImVec2(viewport->Pos.x + 24 * unit, viewport->Pos.y + 0.3f * unit), ImVec2(22 * unit, 0), true);
  if (!panel) return;
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
  ImGui::SameLine();
  if (ImGui::Button("Hide panels (Tab)")) out.push_back(TogglePanels{});
  ImGui::SameLine();
  if (ImGui::Button("Reset layout")) out.push_back(ResetLayout{});
  if (ImGui::Checkbox("Graticule (meridians and parallels)", &graticule)) out.push_back(SetGraticule{graticule});
  ImGui::TextDisabled("Drag to pan, wheel to zoom; arrows pan, +/- zoom.");

  ImGui::Separator();
  ImGui::SetNextItemWidth(-110);
  const bool openEntered = ImGui::InputTextWithHint("##open", "open: /path/scene.json", m_openPath, sizeof m_openPath,
                                                    ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if ((ImGui::Button("Open") || openEntered) && m_openPath[0]) out.push_back(OpenScene{m_openPath});
  if (!recentScenes.empty() && ImGui::TreeNode("Recent scenes")) {
    for (const std::string& path : recentScenes)
      if (ImGui::Selectable(path.c_str())) out.push_back(OpenScene{path});
    ImGui::TreePop();
  }
  if (ImGui::Button("Save (Ctrl+S)")) out.push_back(SaveScene{"", true});
  ImGui::SetNextItemWidth(-110);
  ImGui::InputTextWithHint("##saveas", "save as: /path/briefing.json", m_savePath, sizeof m_savePath);
  ImGui::SameLine();
  if (ImGui::Button("Save as") && m_savePath[0]) out.push_back(SaveScene{m_savePath, m_overwrite});
  ImGui::Checkbox("Replace an existing file", &m_overwrite);

  ImGui::Separator();
  ImGui::TextDisabled("Screenshots");
  bool changed = false;
  ImGui::SetNextItemWidth(6 * ImGui::GetFontSize());
  changed |= ImGui::SliderFloat("scale", &m_screenshotScale, 1.0f, 4.0f, "%.0fx");
  ImGui::SetNextItemWidth(10 * ImGui::GetFontSize());
  changed |= ImGui::InputInt2("size (0: window)", m_size);
  changed |= ImGui::InputTextWithHint("##subtitle", "subtitle", m_subtitle, sizeof m_subtitle);
  changed |= ImGui::InputTextWithHint("##banner", "banner: classification / handling", m_banner, sizeof m_banner);
  m_size[0] = std::clamp(m_size[0], 0, 16384);
  m_size[1] = std::clamp(m_size[1], 0, 16384);
  if (changed) out.push_back(SetScreenshotOptions{double(int(m_screenshotScale + 0.5f)), m_banner, m_subtitle, m_size[0], m_size[1]});
  if (ImGui::Button("Screenshot (F12)")) out.push_back(TakeScreenshot{});
  if (ImGui::Button("Presentation (F5)")) out.push_back(TogglePresentation{});

  ImGui::Separator();
  ImGui::Text("Briefing: %zu bookmarks (B adds one; PageDown/PageUp go through them)", bookmarks.size());
  if (ImGui::Button("Add bookmark")) out.push_back(AddBookmark{});
  const int count = int(bookmarks.size());
  if (m_renaming >= count) m_renaming = -1;
  for (int i = 0; i < count; ++i) {
    ImGui::PushID(i);
    const auto& [name, when] = bookmarks[size_t(i)];
    if (ImGui::SmallButton("^") && i > 0) out.push_back(MoveBookmark{i, -1});
    ImGui::SameLine();
    if (ImGui::SmallButton("v") && i + 1 < count) out.push_back(MoveBookmark{i, +1});
    ImGui::SameLine();
    if (ImGui::SmallButton("Rename")) {
      m_renaming = i;
      m_focusRename = true;
      std::snprintf(m_rename, sizeof m_rename, "%s", name.c_str());
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("x")) out.push_back(DeleteBookmark{i});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Delete this bookmark");
    ImGui::SameLine();
    if (m_renaming == i) {
      ImGui::SetNextItemWidth(-1);
      if (m_focusRename) ImGui::SetKeyboardFocusHere();
      m_focusRename = false;
      if (ImGui::InputText("##rename", m_rename, sizeof m_rename, ImGuiInputTextFlags_EnterReturnsTrue)) {
        out.push_back(RenameBookmark{i, m_rename});
        m_renaming = -1;
      } else if (ImGui::IsItemDeactivated()) {
        m_renaming = -1;  // Escape or a click elsewhere: the name stays as it was
      }
    } else if (ImGui::Selectable(name.c_str())) {
      out.push_back(GoToBookmark{i});
    }
    if (!when.empty() && m_renaming != i) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s", when.c_str());
    }
    ImGui::PopID();
  }
}

}  // namespace sitmap
