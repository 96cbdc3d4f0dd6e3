// Status bar drawing.
#include "ui/status_bar.hpp"

#include <imgui.h>

#include <cmath>

namespace sitmap {

void drawStatusBar(const StatusInfo& info, float height) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x, viewport->Pos.y + viewport->Size.y - height));
  ImGui::SetNextWindowSize(ImVec2(viewport->Size.x, height));
  ImGui::SetNextWindowBgAlpha(0.85f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
  if (ImGui::Begin("##status", nullptr, flags)) {
    if (info.cursorDegrees.empty())
      ImGui::TextDisabled("cursor off the map");
    else
      ImGui::Text("%s   MGRS %s", info.cursorDegrees.c_str(), info.cursorMgrs.empty() ? "n/a" : info.cursorMgrs.c_str());
    ImGui::SameLine(ImGui::GetWindowWidth() * 0.55f);
    // Round the scale to three significant figures: 1:2 340 000 reads better than 1:2337718.
    const double magnitude = std::pow(10.0, std::floor(std::log10(std::max(1.0, info.scaleDenominator))) - 2);
    ImGui::Text("1:%.0f   %s", std::round(info.scaleDenominator / magnitude) * magnitude, info.crsName.c_str());
    if (!info.frameTime.empty()) {
      ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize(info.frameTime.c_str()).x - ImGui::GetStyle().WindowPadding.x);
      ImGui::TextDisabled("%s", info.frameTime.c_str());
    }
  }
  ImGui::End();
}

}  // namespace sitmap
