// Timeline drawing with ImGui's draw list.
#include "ui/timeline_panel.hpp"

#include <imgui.h>

#include "ui/panel_window.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/civil_date.hpp"
#include "core/event_style.hpp"

namespace sitmap {

namespace {
ImU32 toImColour(const Rgba& c, float alpha = 1.0f) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a * alpha)); }
const char* unitName(TimeUnit unit) { return unit == TimeUnit::Day ? "day" : unit == TimeUnit::Week ? "week" : "month"; }
}  // namespace

void TimelinePanel::draw(const IncidentsView& view, float bottomInset, std::vector<Command>& out) {
  if (!view.table || !view.timeline || view.timeline->bins.empty()) return;
  const Histogram& histogram = *view.timeline;
  const float unit = ImGui::GetFontSize();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float height = 7.5f * unit;
  const PanelWindow panel("Timeline", ImVec2(viewport->Pos.x + 25 * unit, viewport->Pos.y + viewport->Size.y - bottomInset - height - 0.5f * unit), ImVec2(std::max(20 * unit, viewport->Size.x - 50 * unit), height));
  if (!panel) return;
  const EventFilter& filter = *view.filter;
  const size_t count = histogram.bins.size();
  uint32_t maxTotal = 1;
  int64_t maxFatalities = 1;
  for (const HistogramBin& bin : histogram.bins) {
    maxTotal = std::max(maxTotal, bin.total());
    maxFatalities = std::max(maxFatalities, bin.fatalities);
  }
  ImGui::Text("Events per %s (bars) and fatalities (line), %s to %s. Drag to choose dates, click to clear.",
              unitName(histogram.unit), formatIsoDate(histogram.bins.front().firstDay).c_str(),
              formatIsoDate(histogram.bins.back().lastDay).c_str());
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 size(ImGui::GetContentRegionAvail().x, std::max(2 * unit, ImGui::GetContentRegionAvail().y));
  ImGui::InvisibleButton("##plot", size);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float barWidth = size.x / float(count);
  auto binAt = [&](float x) { return std::min(count - 1, size_t(std::max(0.0f, (x - origin.x) / barWidth))); };

  // The chosen date range, shaded behind the bars.
  if (filter.fromDay || filter.toDay) {
    const int32_t from = filter.fromDay.value_or(histogram.bins.front().firstDay);
    const int32_t to = filter.toDay.value_or(histogram.bins.back().lastDay);
    for (size_t i = 0; i < count; ++i) {
      const HistogramBin& bin = histogram.bins[i];
      if (bin.lastDay < from || bin.firstDay > to) continue;
      draw->AddRectFilled(ImVec2(origin.x + barWidth * float(i), origin.y),
                          ImVec2(origin.x + barWidth * float(i + 1), origin.y + size.y), IM_COL32(255, 255, 255, 40));
    }
  }
  for (size_t i = 0; i < count; ++i) {
    const HistogramBin& bin = histogram.bins[i];
    float y = origin.y + size.y;
    for (int c = 0; c < kEventCategoryCount; ++c) {
      if (!bin.perCategory[size_t(c)]) continue;
      const float h = size.y * float(bin.perCategory[size_t(c)]) / float(maxTotal);
      draw->AddRectFilled(ImVec2(origin.x + barWidth * float(i) + 0.5f, y - h),
                          ImVec2(origin.x + barWidth * float(i + 1) - 0.5f, y), toImColour(categoryColour(EventCategory(c))));
      y -= h;
    }
  }
  for (size_t i = 1; i < count; ++i) {
    auto point = [&](size_t k) {
      return ImVec2(origin.x + barWidth * (float(k) + 0.5f),
                    origin.y + size.y - size.y * float(histogram.bins[k].fatalities) / float(maxFatalities));
    };
    draw->AddLine(point(i - 1), point(i), IM_COL32(240, 240, 240, 220), 1.5f);
  }

  if (hovered) {
    const HistogramBin& bin = histogram.bins[binAt(ImGui::GetIO().MousePos.x)];
    ImGui::SetTooltip("%s to %s\n%u events, %lld fatalities", formatIsoDate(bin.firstDay).c_str(),
                      formatIsoDate(bin.lastDay).c_str(), bin.total(), static_cast<long long>(bin.fatalities));
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) m_dragStart = binAt(ImGui::GetIO().MousePos.x);
  }
  if (m_dragStart && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
    const size_t a = std::min(*m_dragStart, binAt(ImGui::GetIO().MousePos.x));
    const size_t b = std::max(*m_dragStart, binAt(ImGui::GetIO().MousePos.x));
    draw->AddRect(ImVec2(origin.x + barWidth * float(a), origin.y), ImVec2(origin.x + barWidth * float(b + 1), origin.y + size.y),
                  IM_COL32(255, 255, 255, 200), 0, 0, 2);
  }
  if (m_dragStart && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
    const size_t end = binAt(ImGui::GetIO().MousePos.x);
    EventFilter next = filter;
    if (end == *m_dragStart) {  // a click, or a drag within one bar: clear the range
      next.fromDay.reset();
      next.toDay.reset();
    } else {
      next.fromDay = histogram.bins[std::min(*m_dragStart, end)].firstDay;
      next.toDay = histogram.bins[std::max(*m_dragStart, end)].lastDay;
    }
    out.push_back(SetEventFilter{next});
    m_dragStart.reset();
  }
}

}  // namespace sitmap
