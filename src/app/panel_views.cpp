// Panel views from the session.
#include "app/panel_views.hpp"

#include <algorithm>
#include <filesystem>
#include <numeric>

#include "core/civil_date.hpp"
#include "core/text.hpp"
#include "io/acled_reader.hpp"
#include "io/ogr_incidents.hpp"
#include "io/input_file.hpp"
#include "io/raster_source.hpp"

namespace sitmap {

void PanelViews::reset() {
  m_sourceFields.clear();
  m_timelineEngine.reset();
  m_timelineTable.reset();
  m_timelineVersion = UINT64_MAX;
}

std::vector<LayerRow> PanelViews::layerRows(const SessionController& controller) const {
  std::vector<LayerRow> rows;
  for (const SessionLayer& layer : controller.session().layers()) {
    LayerRow row;
    row.id = layer.uid;
    // What the panel shows (name, tooltip, error) never holds a password.
    row.name = maskCredentials(layer.spec.name);
    row.path = maskCredentials(layer.spec.path);
    row.loading = layer.state == SessionLayer::State::Loading;
    row.progress = controller.loadProgress(layer.uid);
    row.error = maskCredentials(layer.error);
    row.visible = layer.spec.visible;
    row.opacity = layer.spec.opacity;
    row.style = layer.spec.vector;
    row.scales = layer.spec.scales;
    if (layer.vector()) {
      row.isVector = true;
      row.inLegend = layer.spec.inLegend;
      row.kind = layer.vector()->geometryType;
      row.fields = layer.vector()->fieldNames;
      row.details = std::to_string(layer.vector()->featureCount) + " features";
      if (layer.vector()->skippedFeatures)
        row.details += ", " + std::to_string(layer.vector()->skippedFeatures) + " without usable geometry";
      if (layer.vector()->unfilledPolygons)
        row.details += ", " + std::to_string(layer.vector()->unfilledPolygons) + " polygons too broken to fill";
      if (layer.vector()->simplifiedFills)
        row.details += ", " + std::to_string(layer.vector()->simplifiedFills) +
                       " polygons too detailed to fill whole (filled simplified, outlines exact)";
    } else if (layer.events()) {
      row.isIncidents = true;
      if (layer.spec.visible && controller.session().visibleIncidentLayers() > 1)
        row.countedIncidents = controller.session().incidentLayer() == &layer;
      row.kind = "Incidents";
      row.details = layer.events()->importSummary;
      row.fields = layer.events()->table->header;
      row.incidentsFromCsv = std::filesystem::path(layer.spec.path).extension() == ".csv";
      row.incidentFields = layer.spec.incidentFields;
      row.incidentStyle = layer.spec.incidents;
    } else if (layer.spec.kind == LayerKind::Incidents && layer.state == SessionLayer::State::Failed &&
               std::filesystem::path(layer.spec.path).extension() != ".csv") {
      // Not loaded yet offers nothing to map: list the source's fields once, so the mapping can be chosen.
      auto cached = m_sourceFields.find(layer.uid);
      if (cached == m_sourceFields.end())
        cached = m_sourceFields.emplace(layer.uid, ogrFieldNames(layer.spec.path, layer.spec.sourceLayer)).first;
      row.isIncidents = true;
      row.fields = cached->second;
      row.incidentFields = layer.spec.incidentFields;
    } else if (layer.raster()) {
      row.inLegend = layer.spec.inLegend;
      const RasterInfo& info = *layer.raster();
      row.kind = "Raster (" + info.kind + ")";
      row.isRaster = true;
      row.rasterSingleBand = info.kind == "Single band";
      row.rasterStyle = layer.spec.raster;
      row.rasterMin = info.minValue;
      row.rasterMax = info.maxValue;
      row.details = std::to_string(info.width) + " x " + std::to_string(info.height) + " px, " +
                    std::to_string(info.overviews) + " overviews";
      if (!info.note.empty()) row.details += "; " + info.note;
      row.buildingOverviews = controller.buildingOverviews(layer.uid);
      row.canBuildOverviews = !overviewAdvice(layer.spec.path, info.width, info.height, info.overviews).empty() &&
                              isLocalFilePath(layer.spec.path);
    }
    // A live layer says how fresh its data is.
    if ((layer.spec.refreshSeconds > 0 || !layer.spec.listenChannel.empty()) && layer.refreshedUtc) {
      row.details += (row.details.empty() ? "" : "; ") + std::string("read ") + formatUtc(*layer.refreshedUtc);
      if (layer.spec.refreshSeconds > 0) row.details += ", every " + std::to_string(int(layer.spec.refreshSeconds)) + " s";
      if (!layer.spec.listenChannel.empty()) row.details += ", on NOTIFY " + layer.spec.listenChannel;
      if (const EventLayerData* events = layer.events(); events && !layer.spec.incrementalColumn.empty())
        row.details += "; last read " + countOf(events->rowsLastRead, "row", "rows") + " (new by " + layer.spec.incrementalColumn + ")";
    }
    rows.push_back(row);
  }
  return rows;
}

IncidentsView PanelViews::incidentsView(const MapSession& session, MapTool tool, std::optional<uint32_t> hovered) {
  IncidentsView view;
  view.filter = &session.eventFilter();
  view.tool = tool;
  view.hovered = hovered;
  const SessionLayer* layer = session.incidentLayer();
  if (!layer) return view;
  const EventTable& table = *layer->events()->table;
  view.table = &table;
  view.selection = layer->selection;
  view.selectionVersion = layer->selectionVersion;
  view.importSummary = layer->events()->importSummary;
  view.filteredInDatabase = layer->spec.filterInDatabase && layer->events()->readFor;
  view.readingFromDatabase = layer->lacksRowsFor(session.eventFilter());
  view.layerName = layer->spec.name;
  view.incidentLayersShown = session.visibleIncidentLayers();
  view.matching = session.matchingEvents();
  view.fatalities = session.matchingFatalities();
  // The timeline shows the other criteria's result over all dates, so a date range can be moved or widened.
  if (m_timelineTable != layer->events()->table) {
    m_timelineTable = layer->events()->table;
    m_timelineEngine = std::make_unique<EventFilterEngine>(table);
    m_timelineVersion = UINT64_MAX;
    m_regionChecksStale = true;
    std::vector<uint32_t> all(table.size());
    std::iota(all.begin(), all.end(), 0u);
    if (!table.day.empty()) {
      const auto [first, last] = std::minmax_element(table.day.begin(), table.day.end());
      m_firstDay = *first;
      m_lastDay = *last;
    }
    m_allEvents = buildHistogram(table, all, m_firstDay, m_lastDay);
  }
  EventFilter undated = session.eventFilter();
  undated.fromDay.reset();
  undated.toDay.reset();
  const std::vector<uint32_t>& undatedEvents = m_timelineEngine->apply(undated);
  if (m_timelineEngine->version() != m_timelineVersion && !m_allEvents.bins.empty()) {
    // The same bins as the whole table's, so the axis and the count scale stay put whatever the filter keeps.
    m_histogram = buildHistogram(table, undatedEvents, m_firstDay, m_lastDay);
    m_timelineVersion = m_timelineEngine->version();
  }
  view.timeline = &m_histogram;
  view.timelineAll = &m_allEvents;
  if (const auto time = session.clock().time()) view.clockDay = dayOf(*time);
  view.windowDays = session.clock().windowDays();
  if (view.clockDay) {
    const EventFilter& filter = session.eventFilter();
    const auto key = std::tuple{m_timelineEngine->version(), *view.clockDay, view.windowDays, filter.fromDay, filter.toDay};
    if (key != m_hiddenKey) {
      m_hiddenKey = key;
      m_hidden = hiddenByClock(table, undatedEvents, filter.fromDay, filter.toDay, *view.clockDay, view.windowDays);
    }
    view.hiddenByClock = m_hidden;
  }
  if (m_checkedRegions != session.eventFilter().regions || m_regionChecksStale) {
    m_regionChecksStale = false;
    m_checkedRegions = session.eventFilter().regions;
    m_regionChecks.clear();
    for (const RegionShape& region : m_checkedRegions) m_regionChecks.push_back(checkRegionNames(table, region));
  }
  view.regionChecks = &m_regionChecks;
  return view;
}

TimeView PanelViews::timeView(const SessionController& controller, std::optional<float> exportProgress) const {
  const MapSession& session = controller.session();
  TimeView view;
  const SceneClock& clock = session.clock();
  view.clock = clock.time();
  view.playing = clock.playing();
  view.loop = clock.looping();
  view.secondsPerSecond = clock.speed();
  view.windowDays = clock.windowDays();
  view.follow = controller.followingConvoy();
  view.riskDays = clock.riskDays();
  view.exportProgress = exportProgress;
  view.changes = &session.controlChanges();
  view.first = clock.extent().first;
  view.last = clock.extent().last;
  if (clock.extent().empty() && view.clock) view.first = view.last = *view.clock;
  if (!view.clock) return view;

  const auto& convoys = session.convoys();
  const auto risks = view.riskDays > 0 ? session.routeRisks(view.riskDays, *view.clock) : std::vector<std::vector<uint32_t>>{};
  for (size_t c = 0; c < convoys.size(); ++c) {
    const Track& track = convoys[c].track;
    const TrackPosition p = track.at(*view.clock);
    ConvoyStatusView status;
    if (c < risks.size()) status.risk = risks[c];
    status.name = track.name();
    status.departure = track.departure();
    status.arrival = track.arrival();
    status.kmDone = p.metresDone / 1000;
    status.kmTotal = p.metresTotal / 1000;
    // In words for the panel: the track's status names are for scripts (sitmap track).
    status.status = p.status == TrackStatus::NotStarted ? "not yet departed"
                    : p.status == TrackStatus::Moving   ? "moving"
                    : p.status == TrackStatus::Stopped  ? "halted"
                                                        : "arrived";
    status.inferred = p.inferred;
    status.alertKm = convoys[c].alertKm;
    const auto& waypoints = track.waypoints();
    if (p.status == TrackStatus::Moving || p.status == TrackStatus::Stopped) {
      status.leg = waypoints[p.leg].place + " → " + waypoints[p.leg + 1].place;
      status.legNote = waypoints[p.leg + 1].note;
    }
    const MapSession::PassedIncidents passed = session.incidentsPassed(c, *view.clock);
    for (const NearRoute& n : passed.near) {
      const EventTable& t = *passed.table;
      status.incidentsSoFar.push_back(formatIsoDate(t.day[n.index]) + " " + t.eventTypes.value(t.eventType[n.index]) + ", " +
                                      std::string(t.location[n.index]));
    }
    view.convoys.push_back(std::move(status));
  }
  return view;
}

}  // namespace sitmap
