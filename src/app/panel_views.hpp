// What the panels read, built from the session each frame: layer rows, the incidents view (with the timeline's
// own filter pass, redone only when its inputs change) and the time view (clock, changes, convoys).
#pragma once

#include <map>
#include <memory>
#include <tuple>
#include <optional>
#include <string>
#include <vector>

#include "app/session_controller.hpp"
#include "core/commands.hpp"
#include "core/event_filter.hpp"
#include "core/event_views.hpp"

namespace sitmap {

class PanelViews {
public:
  std::vector<LayerRow> layerRows(const SessionController& controller) const;
  IncidentsView incidentsView(const MapSession& session, MapTool tool, std::optional<uint32_t> hovered);
  TimeView timeView(const SessionController& controller, std::optional<float> exportProgress) const;
  // A new session: nothing cached from the old one is valid.
  void reset();

private:
  mutable std::map<uint64_t, std::vector<std::string>> m_sourceFields;  // fields of incident sources that failed to load
  // Timeline: the events passing every criterion but the dates, recounted when those criteria change.
  std::unique_ptr<EventFilterEngine> m_timelineEngine;
  std::shared_ptr<const EventTable> m_timelineTable;  // held, so the engine's table outlives a reload
  uint64_t m_timelineVersion = UINT64_MAX;
  // The clock's hidden count, recounted only when the filter, the clock's day or the window change.
  std::tuple<uint64_t, int32_t, int32_t, std::optional<int32_t>, std::optional<int32_t>> m_hiddenKey{UINT64_MAX, 0, 0, {}, {}};
  HiddenByClock m_hidden;
  Histogram m_histogram;
  Histogram m_allEvents;  // every event of the table over its whole span: the timeline's fixed axis and scale
  int32_t m_firstDay = 0, m_lastDay = -1;  // that span
  // Picked polygons against the source's admin names, recomputed when the picked regions change.
  std::vector<RegionShape> m_checkedRegions;
  std::vector<RegionNameCheck> m_regionChecks;
  bool m_regionChecksStale = true;  // a new table: recheck
};

}  // namespace sitmap
