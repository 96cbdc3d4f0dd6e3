// Clock bar and convoy panel drawing.
#include "ui/clock_panel.hpp"

#include <imgui.h>

#include "ui/panel_window.hpp"

#include <cmath>
#include <cstdio>

#include "core/utc_time.hpp"

namespace sitmap {

int64_t clockStepSeconds(int unit) { return unit == 0 ? 3600 : unit == 1 ? 86400 : 7 * 86400; }

namespace {

// Playback speeds from one minute to thirty days of clock time per second.
struct Speed {
  const char* name;
  double secondsPerSecond;
};
constexpr Speed kSpeeds[] = {{"1 min/s", 60},     {"10 min/s", 600},     {"1 h/s", 3600},         {"6 h/s", 21600},
                             {"1 day/s", 86400},  {"3 days/s", 259200},  {"1 week/s", 604800},    {"30 days/s", 2592000}};

}  // namespace

void ClockPanel::draw(const TimeView& view, std::vector<Command>& out) {
  if (!view.clock) return;
  const float unit = ImGui::GetFontSize();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const PanelWindow panel("Clock", ImVec2(viewport->Pos.x + 25 * unit, viewport->Pos.y + viewport->Size.y - 20 * unit), ImVec2(std::max(20 * unit, viewport->Size.x - 50 * unit), 10 * unit));
  if (!panel) return;
  const int64_t now = *view.clock;
  const int64_t step = clockStepSeconds(m_stepUnit);
  if (ImGui::Button("|<")) out.push_back(SetClock{view.first});
  ImGui::SameLine();
  if (ImGui::Button("<")) out.push_back(SetClock{now - step});
  ImGui::SameLine();
  if (ImGui::Button(view.playing ? "Pause" : "Play")) out.push_back(SetPlaying{!view.playing});
  ImGui::SameLine();
  if (ImGui::Button(">")) out.push_back(SetClock{now + step});
  ImGui::SameLine();
  if (ImGui::Button(">|")) out.push_back(SetClock{view.last});
  ImGui::SameLine();
  ImGui::SetNextItemWidth(5 * unit);
  ImGui::Combo("##step", &m_stepUnit, "hour\0day\0week\0");
  ImGui::SameLine();
  bool loop = view.loop;
  if (ImGui::Checkbox("Loop", &loop)) out.push_back(SetLoop{loop});
  ImGui::SameLine();
  int speed = 0;
  for (int i = 0; i < int(std::size(kSpeeds)); ++i)
    if (std::fabs(kSpeeds[i].secondsPerSecond - view.secondsPerSecond) < 1) speed = i;
  ImGui::SetNextItemWidth(7 * unit);
  if (ImGui::BeginCombo("##speed", kSpeeds[speed].name)) {
    for (int i = 0; i < int(std::size(kSpeeds)); ++i)
      if (ImGui::Selectable(kSpeeds[i].name, i == speed)) out.push_back(SetPlaybackSpeed{kSpeeds[i].secondsPerSecond});
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(10 * unit);
  if (ImGui::InputTextWithHint("##typed", formatUtc(now).c_str(), m_typed, sizeof m_typed, ImGuiInputTextFlags_EnterReturnsTrue)) {
    if (auto t = parseUtc(m_typed)) out.push_back(SetClock{*t});
    m_typed[0] = 0;
  }
  ImGui::SameLine();
  int window = view.windowDays;
  ImGui::SetNextItemWidth(6 * unit);
  if (ImGui::InputInt("days of incidents (0: all)", &window)) out.push_back(SetWindowDays{std::max(0, window)});

  // The slider spans everything time-aware in the scene.
  float fraction = view.last > view.first ? float(double(now - view.first) / double(view.last - view.first)) : 0.0f;
  ImGui::SetNextItemWidth(-1);
  if (ImGui::SliderFloat("##time", &fraction, 0.0f, 1.0f, formatUtc(now).c_str()))
    out.push_back(SetClock{view.first + int64_t(double(view.last - view.first) * double(fraction))});

  if (ImGui::CollapsingHeader("Export animation")) {
    if (view.exportProgress) {
      ImGui::ProgressBar(*view.exportProgress, ImVec2(-80, 0));
      ImGui::SameLine();
      if (ImGui::Button("Cancel")) out.push_back(CancelExport{});
    } else {
      static const int64_t steps[] = {1800, 3600, 6 * 3600, 86400, 7 * 86400};
      ImGui::SetNextItemWidth(8 * unit);
      ImGui::Combo("per frame", &m_exportStep, "30 min\0""1 h\0""6 h\0""1 day\0""1 week\0");
      ImGui::SameLine();
      ImGui::SetNextItemWidth(14 * unit);
      ImGui::InputText("folder or .mp4", m_exportFolder, sizeof m_exportFolder);
      ImGui::SameLine();
      if (ImGui::Button("Export") && m_exportFolder[0])
        out.push_back(ExportFrames{view.first, view.last, steps[m_exportStep], m_exportFolder});
      ImGui::TextDisabled("From %s to %s, the window's size, one frame per step.", formatUtc(view.first).c_str(),
                          formatUtc(view.last).c_str());
    }
  }
  if (view.changes && !view.changes->empty() && ImGui::CollapsingHeader("Control changes")) {
    ImGui::BeginChild("##changes", ImVec2(0, 8 * unit), true);
    for (size_t i = 0; i < view.changes->size(); ++i) {
      const ControlChange& change = (*view.changes)[i];
      ImGui::PushID(int(i));
      const bool past = change.time <= now;
      if (!past) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      if (ImGui::Selectable((formatUtc(change.time) + "  " + change.text).c_str())) out.push_back(SetClock{change.time});
      if (!past) ImGui::PopStyleColor();
      ImGui::PopID();
    }
    ImGui::EndChild();
  }
}

void drawConvoyPanel(const TimeView& view, std::vector<Command>& out) {
  if (!view.clock || view.convoys.empty()) return;
  const float unit = ImGui::GetFontSize();
  const PanelWindow panel("Convoy", ImVec2(24 * unit, 3 * unit), ImVec2(24 * unit, 14 * unit));
  if (!panel) return;
  bool follow = view.follow;
  if (ImGui::Checkbox("Follow (keep centred while playing)", &follow)) out.push_back(SetFollowConvoy{follow});
  int riskDays = view.riskDays;
  ImGui::SetNextItemWidth(6 * unit);
  if (ImGui::InputInt("days before departure for route risk (0: off)", &riskDays)) out.push_back(SetRiskDays{std::max(0, riskDays)});
  for (const ConvoyStatusView& c : view.convoys) {
    ImGui::Separator();
    ImGui::TextUnformatted(c.name.c_str());
    ImGui::Text("Departure %s\nArrival   %s", formatUtc(c.departure).c_str(), formatUtc(c.arrival).c_str());
    const double elapsedHours = double(std::max<int64_t>(0, std::min(*view.clock, c.arrival) - c.departure)) / 3600.0;
    ImGui::Text("%s: %.0f km travelled, %.0f km to go (of %.0f, schematic route)", c.status.c_str(), c.kmDone,
                c.kmTotal - c.kmDone, c.kmTotal);
    ImGui::Text("Elapsed %.0f h, average %.1f km/h", elapsedHours, elapsedHours > 0 ? c.kmDone / elapsedHours : 0.0);
    if (!c.leg.empty()) ImGui::Text("Leg: %s", c.leg.c_str());
    if (c.inferred)
      ImGui::TextColored(ImVec4(1.0f, 0.8f, 0.3f, 1), "Position interpolated: the sources give none for this time.");
    if (!c.legNote.empty()) {
      ImGui::PushTextWrapPos(0);
      ImGui::TextDisabled("%s", c.legNote.c_str());
      ImGui::PopTextWrapPos();
    }
    ImGui::Text("Incidents within %.0f km of the route passed so far: %zu", c.alertKm, c.incidentsSoFar.size());
    for (const std::string& incident : c.incidentsSoFar) ImGui::BulletText("%s", incident.c_str());
    if (view.riskDays > 0) {
      ImGui::Text("Route risk, %d days before departure (incidents within %.0f km):", view.riskDays, c.alertKm);
      for (size_t segment = 0; segment < c.risk.size(); ++segment)
        if (c.risk[segment]) ImGui::BulletText("km %zu-%zu: %u", segment * 10, segment * 10 + 10, c.risk[segment]);
    }
  }
}

}  // namespace sitmap
