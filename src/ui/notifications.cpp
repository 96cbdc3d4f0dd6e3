// Notification drawing.
#include "ui/notifications.hpp"

#include <imgui.h>

namespace sitmap {

bool Notifications::draw(double now) {
  constexpr double kInfoSeconds = 6;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  float y = viewport->Pos.y + 10;
  bool animating = false;
  for (size_t i = 0; i < m_items.size();) {
    Item& item = m_items[i];
    if (item.shownAt < 0) item.shownAt = now;
    if (!item.isError && now - item.shownAt > kInfoSeconds) {
      m_items.erase(m_items.begin() + long(i));
      continue;
    }
    animating = animating || !item.isError;
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x - 10, y), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(200, 0), ImVec2(viewport->Size.x * 0.4f, 400));
    ImGui::SetNextWindowBgAlpha(0.92f);
    const std::string id = "##note" + std::to_string(i);
    bool keep = true;
    ImGui::Begin(id.c_str(), nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
    ImGui::PushTextWrapPos(viewport->Size.x * 0.38f);
    if (item.isError) ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.35f, 1), "Error");
    ImGui::TextUnformatted(item.text.c_str());
    ImGui::PopTextWrapPos();
    if (item.isError && ImGui::SmallButton("Dismiss")) keep = false;
    y += ImGui::GetWindowHeight() + 6;
    ImGui::End();
    if (keep) ++i;
    else m_items.erase(m_items.begin() + long(i));
  }
  return animating;
}

}  // namespace sitmap
