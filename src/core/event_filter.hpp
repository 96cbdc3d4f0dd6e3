// One filter state over an EventTable, applied alike to map, timeline, table, counts and exports.
// The engine returns an index list and recomputes only when the filter changed.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/event_table.hpp"
#include "core/geometry.hpp"

namespace sitmap {

// An area to filter by, in longitude/latitude; its rings (outer and holes, of one or several polygons) use the
// even-odd rule.
struct RegionShape {
  std::string name;
  std::vector<std::vector<Vec2>> rings;
  friend bool operator==(const RegionShape&, const RegionShape&) = default;
};

struct EventFilter {
  std::optional<int32_t> fromDay, toDay;  // inclusive, UTC day numbers
  std::vector<std::string> admin1, admin2, admin3;  // names; case and accents ignored
  std::vector<std::string> eventTypes, subEventTypes;
  std::vector<std::string> actors;  // matches actor1, actor2 and associated actors
  std::vector<int> interCodes;       // matches inter1 or inter2
  std::vector<int> interactions;
  bool civilianTargetingOnly = false;
  int minFatalities = 0;
  std::string text;  // in notes or location, case and accents ignored
  std::vector<RegionShape> regions;  // inside any of them

  friend bool operator==(const EventFilter&, const EventFilter&) = default;
};

// The criteria besides dates, in words, for a caption: "admin1 Kidal; type Battles; actor JNIM; at least 1
// fatality; text 'Anefis'; in Kidal (polygon)". Empty: nothing but dates is filtered.
std::string describeFilter(const EventFilter& filter);

// True when every event `narrower` keeps, `wider` keeps too, as far as the criteria alone show it (false when
// unsure): rows read from a database for `wider` then hold all `narrower` needs.
bool filterNarrows(const EventFilter& narrower, const EventFilter& wider);

// Fast point-in-region tests: region edges bucketed into horizontal bands, so a point checks only nearby edges.
class RegionIndex {
public:
  explicit RegionIndex(const std::vector<RegionShape>& regions);
  bool containsAny(Vec2 lonLat) const;

private:
  struct Edge {
    double x0, y0, x1, y1;
    uint32_t region;
  };
  Bbox m_bounds;
  double m_bandHeight = 1;
  std::vector<std::vector<Edge>> m_bands;
  size_t m_regionCount = 0;
};

class EventFilterEngine {
public:
  explicit EventFilterEngine(const EventTable& table);
  ~EventFilterEngine();

  // Ascending indices of the events that pass; the same vector until the filter changes.
  const std::vector<uint32_t>& apply(const EventFilter& filter);
  int64_t matchingFatalities() const { return m_fatalities; }
  // A new value each time apply() recomputes, unique across engines, so users of a result know when to refresh.
  uint64_t version() const { return m_version; }
  const EventTable& table() const { return m_table; }

private:
  void rebuildRegionMask(const std::vector<RegionShape>& regions);
  const StringColumn& foldedTexts();

  const EventTable& m_table;
  std::optional<EventFilter> m_last;
  std::vector<uint32_t> m_result;
  std::vector<uint32_t> m_scratch;  // one index per event: the passes write here, the result is copied out
  int64_t m_fatalities = 0;
  uint64_t m_version = 0;
  std::vector<RegionShape> m_maskRegions;
  std::vector<uint8_t> m_regionMask;  // per event, for m_maskRegions
  std::unique_ptr<StringColumn> m_folded;  // folded "location notes" per event, built on first text search
};

}  // namespace sitmap
