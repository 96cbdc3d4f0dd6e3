// What the incident panels show, computed from the columns: the timeline histogram, table order, summaries,
// and the event under the cursor. No GL, no ImGui: the panels draw these.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/event_filter.hpp"
#include "core/event_table.hpp"
#include "core/viewport.hpp"

namespace sitmap {

// Events that pass the user's filter yet are not on the map at the clock (the session shows nothing after the
// clock's day and, with an incident window, nothing older than the window). `undated` are the events passing every
// criterion but the dates; those within [fromDay, toDay] are the filter's.
struct HiddenByClock {
  size_t afterClock = 0;     // dated after the clock's day
  size_t beforeWindow = 0;   // older than the window
  size_t total() const { return afterClock + beforeWindow; }
};
HiddenByClock hiddenByClock(const EventTable& table, const std::vector<uint32_t>& undated, std::optional<int32_t> fromDay,
                            std::optional<int32_t> toDay, int32_t clockDay, int32_t windowDays);

enum class TimeUnit { Day, Week, Month };

struct HistogramBin {
  int32_t firstDay = 0;  // inclusive
  int32_t lastDay = 0;   // inclusive
  std::array<uint32_t, kEventCategoryCount> perCategory{};
  int64_t fatalities = 0;
  uint32_t total() const;
};

struct Histogram {
  TimeUnit unit = TimeUnit::Day;
  std::vector<HistogramBin> bins;  // consecutive, covering the events' first to last day
};

// Day bins up to 120 days of span, weeks (Monday first) up to two years, calendar months beyond.
TimeUnit unitForSpan(int32_t days);
Histogram buildHistogram(const EventTable& table, const std::vector<uint32_t>& events);
// Over a fixed span (the whole table's), so that the axis stays put whatever the filter keeps.
Histogram buildHistogram(const EventTable& table, const std::vector<uint32_t>& events, int32_t firstDay, int32_t lastDay);

// A polygon picked as a region against the admin names the source gives: where they disagree, the panel
// says so and why (points placed outside their admin unit, region-level points at a capital, or a
// boundary that differs from the source's).
struct RegionNameCheck {
  std::string name;           // the polygon's
  std::string level;          // "admin1", "admin2" or "admin3": the level whose names match it; empty: none
  size_t inside = 0;          // events inside the polygon
  size_t named = 0;           // events whose admin name at that level is the polygon's
  size_t namedOutside = 0;    // of those, lying outside it
  size_t insideOtherName = 0; // inside it, with another name at that level
  bool agrees() const { return namedOutside == 0 && insideOtherName == 0; }
  std::string text() const;   // "Kidal: 18 events inside the polygon, 23 carry admin1 'Kidal' (5 of them lie outside it ...)"
};
RegionNameCheck checkRegionNames(const EventTable& table, const RegionShape& region);

// Ticks for a date axis from firstDay to lastDay: month starts ("Aug", "2024" at January), every second or
// third month when there would be more than maxTicks, years for spans of many years; days and weeks when the
// span is under two months.
struct AxisTick {
  int32_t day = 0;
  std::string label;
};
std::vector<AxisTick> dateAxisTicks(int32_t firstDay, int32_t lastDay, size_t maxTicks);

enum class EventColumn { Date, Type, SubType, Actor1, Actor2, Admin1, Location, Fatalities };
// Stable sort of `events` by a column (ties keep date order).
void sortEvents(const EventTable& table, std::vector<uint32_t>& events, EventColumn column, bool ascending);

struct CountRow {
  std::string name;   // as shown: "(not given)" for events without a value
  std::string value;  // the value itself (empty: not given), what a filter on this row matches
  uint32_t events = 0;
  int64_t fatalities = 0;
};
enum class SummaryBy { Admin1, EventType, Actor };
// The `limit` largest groups, most events first; an event counts once for each actor involved.
std::vector<CountRow> summarise(const EventTable& table, const std::vector<uint32_t>& events, SummaryBy by, size_t limit);
// Cross-filtering from a summary row (as the ACLED dashboard does): the row's value joins the filter's
// criterion for that grouping (admin1, event types or actors), or leaves it when already there. A row
// without a value cannot be filtered on and leaves the filter as it is.
EventFilter toggledBySummaryRow(EventFilter filter, SummaryBy by, const CountRow& row);
bool filtersOnSummaryRow(const EventFilter& filter, SummaryBy by, const CountRow& row);

// Every event of `events` within maxPx of `screen`, nearest first: the incidents under the cursor where each is
// drawn as its own symbol (several at one town). Bins and hexagons have eventsInBinAt and eventsInHexagonAt.
std::vector<uint32_t> eventsNear(const std::vector<Vec2>& positions, const std::vector<uint32_t>& events,
                                 const Viewport& view, Vec2 screen, double maxPx);
// Several events in a few lines: "214 incidents, 1 Oct – 4 Nov 2023, 37 fatalities\nBattles 120, Explosions/Remote
// violence 80, ..." (types most frequent first).
std::string summariseEvents(const EventTable& table, const std::vector<uint32_t>& events);

// An event's details as the details window shows them: named fields (empty ones left out), then the notes.
struct DetailField {
  std::string name, value;
};
std::vector<DetailField> eventDetails(const EventTable& table, uint32_t event);
// The same as plain text for the clipboard: "Event: MLI-REF-0046" lines, a blank line, the notes.
std::string eventDetailsText(const EventTable& table, uint32_t event);

// How exact an event's place and date are, in words, for its details.
std::string precisionText(const EventTable& table, uint32_t event);
// An event's date, marked when ACLED's time_precision says it is approximate: brief "2023-10-12 ~week" for
// the table and tooltips, else "2023-10-12 (approximate: within the week)".
std::string eventDateText(const EventTable& table, uint32_t event, bool brief);

}  // namespace sitmap
