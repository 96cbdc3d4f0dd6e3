// A panel's window (modelled on ImHex's View::Window): Begin and End, where it first appears and how large, and
// nothing drawn while it is collapsed. A panel opens one, draws its content if it is open, and returns from
// anywhere; the window ends with the scope.
#pragma once

#include <imgui.h>

#include <map>
#include <string>

namespace sitmap {

class PanelWindow {
public:
  // `position` and `size` in pixels apply at first use, unless the shell arranged a place for this title; after
  // that the window stays where the user put it (kept in imgui.ini) until the layout is reset.
  // `open` (optional) gives the window a close button that clears it.
  PanelWindow(const char* title, ImVec2 position, ImVec2 size, bool startCollapsed = false, bool* open = nullptr) {
    const auto& places = arranged();
    if (auto it = places.find(title); it != places.end()) {
      position = it->second.first;
      size = it->second.second;
    }
    const ImGuiCond when = ImGui::GetFrameCount() <= resetFrame() + 1 ? ImGuiCond_Always : ImGuiCond_FirstUseEver;
    ImGui::SetNextWindowPos(position, when);
    ImGui::SetNextWindowSize(size, when);
    if (startCollapsed) ImGui::SetNextWindowCollapsed(true, when);
    m_open = ImGui::Begin(title, open);
  }
  ~PanelWindow() { ImGui::End(); }  // ImGui wants End after every Begin, open or not
  PanelWindow(const PanelWindow&) = delete;
  PanelWindow& operator=(const PanelWindow&) = delete;
  // False while collapsed or clipped: draw nothing.
  explicit operator bool() const { return m_open; }

  // The shell's layout: where the window titled `title` first appears.
  static void arrange(const std::string& title, ImVec2 position, ImVec2 size) { arranged()[title] = {position, size}; }
  // Every panel back to its arranged place (and collapsed state) on the next frame.
  static void resetLayout() { resetFrame() = ImGui::GetFrameCount(); }

private:
  static std::map<std::string, std::pair<ImVec2, ImVec2>>& arranged() {
    static std::map<std::string, std::pair<ImVec2, ImVec2>> places;
    return places;
  }
  static int& resetFrame() {
    static int frame = -10;
    return frame;
  }
  bool m_open = false;
};

}  // namespace sitmap
