// Timeline drawing with ImGui's draw list.
#include "ui/timeline_panel.hpp"

#include <imgui.h>

#include "ui/panel_window.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/civil_date.hpp"
#include "core/event_style.hpp"
#include "core/event_views.hpp"
#include "core/text.hpp"

namespace sitmap {

namespace {
ImU32 toImColour(const Rgba& c, float alpha = 1.0f) { return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, c.a * alpha)); }
const char* unitName(TimeUnit unit) { return unit == TimeUnit::Day ? "day" : unit == TimeUnit::Week ? "week" : "month"; }
}  // namespace

void TimelinePanel::draw(const IncidentsView& view, float bottomInset, std::vector<Command>& out) {
  if (!view.table || !view.timeline || view.timeline->bins.empty()) return;
  const Histogram& histogram = *view.timeline;
  // Every event of the table in the same bins: the count scale and the grey outline behind the bars, so
  // neither the axis nor the scale jumps when the filter changes.
  const Histogram& all = view.timelineAll && view.timelineAll->bins.size() == histogram.bins.size() ? *view.timelineAll : histogram;
  const float unit = ImGui::GetFontSize();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float height = 8.5f * unit;
  const PanelWindow panel("Timeline", ImVec2(viewport->Pos.x + 25 * unit, viewport->Pos.y + viewport->Size.y - bottomInset - height - 0.5f * unit), ImVec2(std::max(20 * unit, viewport->Size.x - 50 * unit), height));
  if (!panel) return;
  const EventFilter& filter = *view.filter;
  const size_t count = histogram.bins.size();
  uint32_t maxTotal = 1;
  int64_t maxFatalities = 1;
  for (const HistogramBin& bin : all.bins) {
    maxTotal = std::max(maxTotal, bin.total());
    maxFatalities = std::max(maxFatalities, bin.fatalities);
  }
  // A layer filtered in its database holds only the rows read for the filter: grey is those, not the table.
  ImGui::Text("Events per %s (bars, scale 0-%u) and fatalities (line), %s to %s. Grey: %s. Drag to choose dates, click to clear.",
              unitName(histogram.unit), maxTotal, formatIsoDate(histogram.bins.front().firstDay).c_str(),
              formatIsoDate(histogram.bins.back().lastDay).c_str(),
              view.filteredInDatabase ? "the events the database sent for the filter" : "all events");
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float tickRow = ImGui::GetTextLineHeight() + 2;
  const ImVec2 size(ImGui::GetContentRegionAvail().x, std::max(2 * unit, ImGui::GetContentRegionAvail().y - tickRow));
  ImGui::InvisibleButton("##plot", ImVec2(size.x, size.y + tickRow));
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float barWidth = size.x / float(count);
  auto binAt = [&](float x) { return std::min(count - 1, size_t(std::max(0.0f, (x - origin.x) / barWidth))); };
  const int32_t firstDay = histogram.bins.front().firstDay, lastDay = histogram.bins.back().lastDay;
  auto xOfDay = [&](int32_t day) { return origin.x + size.x * float(day - firstDay) / float(lastDay - firstDay + 1); };

  // The chosen date range, shaded behind the bars.
  if (filter.fromDay || filter.toDay) {
    const int32_t from = filter.fromDay.value_or(firstDay);
    const int32_t to = filter.toDay.value_or(lastDay);
    for (size_t i = 0; i < count; ++i) {
      const HistogramBin& bin = histogram.bins[i];
      if (bin.lastDay < from || bin.firstDay > to) continue;
      draw->AddRectFilled(ImVec2(origin.x + barWidth * float(i), origin.y),
                          ImVec2(origin.x + barWidth * float(i + 1), origin.y + size.y), IM_COL32(255, 255, 255, 40));
    }
  }
  for (size_t i = 0; i < count; ++i) {
    const HistogramBin& bin = histogram.bins[i];
    const float left = origin.x + barWidth * float(i) + 0.5f, right = origin.x + barWidth * float(i + 1) - 0.5f;
    // All events behind, as a grey outline; the filtered ones in their colours, dimmed after the clock.
    const float allHeight = size.y * float(all.bins[i].total()) / float(maxTotal);
    if (all.bins[i].total() > bin.total())
      draw->AddRectFilled(ImVec2(left, origin.y + size.y - allHeight), ImVec2(right, origin.y + size.y), IM_COL32(150, 150, 150, 70));
    const bool future = view.clockDay && bin.firstDay > *view.clockDay;
    float y = origin.y + size.y;
    for (int c = 0; c < kEventCategoryCount; ++c) {
      if (!bin.perCategory[size_t(c)]) continue;
      const float h = size.y * float(bin.perCategory[size_t(c)]) / float(maxTotal);
      draw->AddRectFilled(ImVec2(left, y - h), ImVec2(right, y), toImColour(categoryColour(EventCategory(c)), future ? 0.3f : 1.0f));
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
  // The date axis: ticks and labels under the plot.
  const size_t maxTicks = std::max<size_t>(2, size_t(size.x / (5 * unit)));
  for (const AxisTick& tick : dateAxisTicks(firstDay, lastDay, maxTicks)) {
    const float x = xOfDay(tick.day);
    draw->AddLine(ImVec2(x, origin.y + size.y), ImVec2(x, origin.y + size.y + 4), IM_COL32(200, 200, 200, 255), 1.0f);
    draw->AddText(ImVec2(x + 2, origin.y + size.y + 1), IM_COL32(200, 200, 200, 255), tick.label.c_str());
  }
  // The clock: a bright line at its day; what lies right of it has not happened yet at the clock's time. Its
  // incident window (what the map shows) is tinted.
  if (view.clockDay && *view.clockDay >= firstDay && *view.clockDay <= lastDay) {
    const float x = xOfDay(*view.clockDay + 1);
    if (view.windowDays > 0)
      draw->AddRectFilled(ImVec2(std::max(origin.x, xOfDay(*view.clockDay - view.windowDays)), origin.y), ImVec2(x, origin.y + size.y),
                          IM_COL32(255, 210, 0, 28));
    draw->AddLine(ImVec2(x, origin.y - 2), ImVec2(x, origin.y + size.y + 2), IM_COL32(255, 210, 0, 255), 2.0f);
  }

  if (hovered) {
    const HistogramBin& bin = histogram.bins[binAt(ImGui::GetIO().MousePos.x)];
    const std::string counts = countOf(bin.total(), "event", "events") + ", " +
                               countOf(uint64_t(std::max<int64_t>(0, bin.fatalities)), "fatality", "fatalities");
    if (bin.firstDay == bin.lastDay) ImGui::SetTooltip("%s\n%s", formatIsoDate(bin.firstDay).c_str(), counts.c_str());
    else ImGui::SetTooltip("%s to %s\n%s", formatIsoDate(bin.firstDay).c_str(), formatIsoDate(bin.lastDay).c_str(), counts.c_str());
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
