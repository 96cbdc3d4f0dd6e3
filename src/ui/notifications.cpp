// Notification drawing.
#include "ui/notifications.hpp"

#include <imgui.h>

namespace sitmap {

bool Notifications::draw(double now, bool presenting) {
  constexpr double kInfoSeconds = 6;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  if (presenting) {
    for (Item& item : m_items) item.shownAt = -1;  // their time starts when they can be read
    if (m_items.empty()) return false;
    // The operator's hint: small and faint in the top-right corner, above the legend, with no content.
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x - 2, viewport->Pos.y + 2), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::SetNextWindowBgAlpha(0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(2, 0));
    ImGui::Begin("##held", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
    ImGui::SetWindowFontScale(0.75f);
    ImGui::TextColored(ImVec4(0.5f, 0.5f, 0.5f, 0.6f), "%zu %s after the presentation (Esc)", m_items.size(),
                       m_items.size() == 1 ? "message" : "messages");
    ImGui::End();
    ImGui::PopStyleVar(2);
    return false;
  }
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
