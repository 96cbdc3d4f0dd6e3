// The one way into an EventTable: an event goes in whole, as one row of values, so every column keeps the same
// length; repeats of an event (ACLED's monadic exports: one row per actor) are folded in and the per-event lists
// rebuilt once at the end. Used by the CSV and OGR importers and by the test fixtures.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "core/event_table.hpp"
#include "core/geometry.hpp"

namespace sitmap {

struct EventRow {
  std::string_view id;
  int32_t day = 0;  // UTC day number
  uint8_t timePrecision = 0, geoPrecision = 0;
  std::string_view eventType, subEventType, disorderType, admin1, admin2, admin3;
  std::string_view actor1, actor2;
  std::string_view assocActor1, assocActor2;        // as written (";"-separated lists)
  std::span<const std::string_view> associated;     // each associated actor, already split
  uint8_t inter1 = 0, inter2 = 0;
  uint16_t interaction = 0;
  bool civilianTargeting = false;
  double lon = 0, lat = 0;
  int32_t fatalities = 0;
  std::string_view location, notes, source, tags;
  std::span<const LonLat> stretch;  // the road stretch an event is located to, when only that is known
  uint32_t sourceRow = 0;  // the data row (1-based, header = 1) or feature number it came from
};

class EventTableBuilder {
public:
  // The table to fill, with its header and layout already set.
  explicit EventTableBuilder(EventTable& table) : m_table(table) {}

  // Adds an event; returns its index.
  uint32_t add(const EventRow& row);
  // Folds a repeat row of `event` in: its actor (becoming the second actor when there is none), associated
  // actors and source row. Each actor is listed once per event.
  void mergeRepeat(uint32_t event, std::string_view actor, uint8_t inter, std::span<const std::string_view> associated,
                   uint32_t sourceRow);
  // Rebuilds the per-event lists with the merged values and checks that every column has one value per event
  // (a broken invariant is a programming error: std::logic_error naming the column).
  void finish();

private:
  EventTable& m_table;
  std::vector<std::pair<uint32_t, uint32_t>> m_extraActors;  // (event, actor code) from merged rows
  std::vector<std::pair<uint32_t, uint32_t>> m_extraRows;    // (event, source row)
  std::vector<int8_t> m_categoryOfType;                      // EventCategory by event type code; -1 not yet known
};

// Event `i` of `table` as a row to add again; its associated actors go into `associated`, which must outlive the
// row's use. (One source row is kept: the first.)
EventRow eventRow(const EventTable& table, uint32_t i, std::vector<std::string_view>& associated);

// `kept`'s events followed by `newer`'s, where an event of `newer` replaces the one of `kept` with the same id
// (an updated row read again).
EventTable mergeEvents(const EventTable& kept, const EventTable& newer);

}  // namespace sitmap
