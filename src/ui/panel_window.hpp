// A panel's window (modelled on ImHex's View::Window): Begin and End, where it first appears and how large, and
// nothing drawn while it is collapsed. A panel opens one, draws its content if it is open, and returns from
// anywhere; the window ends with the scope.
#pragma once

#include <imgui.h>

namespace sitmap {

class PanelWindow {
public:
  // `position` and `size` in pixels apply at first use; afterwards the window stays where the user put it.
  // `open` (optional) gives the window a close button that clears it.
  PanelWindow(const char* title, ImVec2 position, ImVec2 size, bool startCollapsed = false, bool* open = nullptr) {
    ImGui::SetNextWindowPos(position, ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(size, ImGuiCond_FirstUseEver);
    if (startCollapsed) ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
    m_open = ImGui::Begin(title, open);
  }
  ~PanelWindow() { ImGui::End(); }  // ImGui wants End after every Begin, open or not
  PanelWindow(const PanelWindow&) = delete;
  PanelWindow& operator=(const PanelWindow&) = delete;
  // False while collapsed or clipped: draw nothing.
  explicit operator bool() const { return m_open; }

private:
  bool m_open = false;
};

}  // namespace sitmap
