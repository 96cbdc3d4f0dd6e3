// Command dispatch and session state changes, moved out of the GLFW viewer so they can be tested by feeding commands.
#include "app/session_controller.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <fstream>

#include "app/url_opener.hpp"
#include "core/map_pick.hpp"
#include "core/text.hpp"
#include "io/crs.hpp"
#include "io/event_export.hpp"
#include "io/file_write.hpp"
#include "io/input_file.hpp"
#include "io/raster_source.hpp"
#include "io/scene_file.hpp"
#include "io/time_layers.hpp"

namespace sitmap {

SessionController::SessionController(MapSession session, ControllerOptions options)
    : m_session(std::move(session)),
      m_view(Viewport::fitting(m_session.homeBounds(), options.widthPx, options.heightPx)),
      m_scenePath(std::move(options.scenePath)),
      m_sceneReadOnly(options.sceneReadOnly),
      m_recentScenesFile(std::move(options.recentScenesFile)),
      m_backgroundFilterMinEvents(options.backgroundFilterMinEvents),
      m_urlOpener(std::move(options.urlOpener)) {
  if (!m_recentScenesFile.empty()) {
    std::ifstream in(m_recentScenesFile);
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) m_recentScenes.push_back(line);
    if (!m_scenePath.empty()) rememberScene(m_scenePath);
  }
  for (const std::string& message : m_session.convoyErrors()) error(message);
  useTasksForLargeFilters();
  startLoads();
  startConvoyLoads();
}

void SessionController::startConvoyLoads() {
  // replaceSession cancels these, so a continuation always belongs to the session it was started for.
  for (size_t index : m_session.pendingConvoys()) {
    const ConvoySpec spec = m_session.scene().convoys[index];
    const std::string places = m_session.convoyPlacesPath();
    m_convoyLoads.push_back(m_tasks.run<Track>(
        "loading convoy " + spec.name, [spec, places](TaskContext&) { return loadConvoy(spec, places); },
        [this, index](Result<Track> track) {
          if (!track) error(track.error());
          m_session.finishConvoy(index, std::move(track));
        }));
  }
}

void SessionController::useTasksForLargeFilters() {
  m_session.setBackgroundFilter(
      [this](MapSession::FilterWork work, std::function<void(SessionLayer::FilterPass)> done) {
        std::erase_if(m_filterPasses, [&](TaskId id) { return !m_tasks.running(id); });
        m_filterPasses.push_back(m_tasks.run<SessionLayer::FilterPass>(
            "filtering incidents", [work = std::move(work)](TaskContext&) -> Result<SessionLayer::FilterPass> { return work(); },
            [this, done = std::move(done)](Result<SessionLayer::FilterPass> pass) {
              if (pass) done(std::move(*pass));
              else error(pass.error());
            }));
      },
      m_backgroundFilterMinEvents);
}

std::vector<UserMessage> SessionController::takeMessages() { return std::exchange(m_messages, {}); }
std::vector<LayerId> SessionController::takeRetiredRendererLayers() { return std::exchange(m_retired, {}); }
bool SessionController::takeSessionReplaced() { return std::exchange(m_sessionReplaced, false); }

void SessionController::retire(LayerId id) {
  if (id) m_retired.push_back(id);
}

void SessionController::resize(int widthPx, int heightPx) { m_view.resize(widthPx, heightPx); }

float SessionController::loadProgress(uint64_t layer) const {
  for (const Load& load : m_loads)
    if (load.layer == layer) return m_tasks.progress(load.task);
  return -1;
}

namespace {

// A layer's (re)load, as a task's work: reports progress and stops when cancelled. `previous`: a refresh's
// incident layer on the map, for a read of new rows only; `filter`: what a layer filtered in its database reads.
auto loadWork(LayerSpec spec, std::string crs, std::shared_ptr<const EventLayerData> previous = nullptr,
              std::optional<EventFilter> filter = std::nullopt) {
  return [spec = std::move(spec), crs = std::move(crs), previous = std::move(previous), filter = std::move(filter)](TaskContext& context) {
    return openLayer(spec, crs, nullptr, [&context](double fraction) {
      context.setProgress(fraction);
      return !context.cancelled();
    }, ReadScope{{}, filter, previous});
  };
}

// The filter a layer is read for: the session's, where the layer takes it to its database.
std::optional<EventFilter> readFilterFor(const LayerSpec& spec, const EventFilter& filter) {
  return spec.filterInDatabase ? std::optional(filter) : std::nullopt;
}

// The incident data a live layer's refresh adds to, when it reads by new rows.
std::shared_ptr<const EventLayerData> incidentsToAddTo(const SessionLayer& layer) {
  if (layer.spec.incrementalColumn.empty() || !layer.loaded) return nullptr;
  const auto* incidents = std::get_if<IncidentLayer>(&*layer.loaded);
  return incidents ? incidents->data : nullptr;
}

}  // namespace

void SessionController::startLoads() {
  const std::string crs = m_session.displayCrs();
  for (SessionLayer& layer : m_session.layers()) {
    if (layer.state != SessionLayer::State::Loading) continue;
    if (std::any_of(m_loads.begin(), m_loads.end(), [&](const Load& l) { return l.layer == layer.uid; })) continue;
    const uint64_t uid = layer.uid;
    const TaskId task = m_tasks.run<LoadedLayer>(
        "loading " + layer.spec.name, loadWork(layer.spec, crs, nullptr, readFilterFor(layer.spec, m_session.eventFilter())),
        [this, uid](Result<LoadedLayer> result) {
          std::erase_if(m_loads, [&](const Load& l) { return l.layer == uid; });
          if (!result) error(result.error());
          m_session.finishLoad(uid, std::move(result));
          if (SessionLayer* loaded = m_session.find(uid)) loaded->refreshedUtc = UtcSeconds(std::time(nullptr));
          if (std::erase(m_addedByUser, uid)) placeAddedLayer(uid);
        });
    m_loads.push_back({uid, task});
  }
}

void SessionController::buildOverviews(const SessionLayer& layer) {
  const uint64_t uid = layer.uid;
  const std::string path = layer.spec.path;
  info("Building overviews for " + layer.spec.name + " (" + path + ".ovr)");
  m_overviewBuilds[uid] = m_tasks.run<std::string>(
      "building overviews for " + layer.spec.name,
      [path](TaskContext& context) {
        return buildExternalOverviews(path, [&context](double fraction) {
          context.setProgress(fraction);
          return !context.cancelled();
        });
      },
      [this, uid](Result<std::string> built) {
        m_overviewBuilds.erase(uid);
        if (!built) return error(built.error());
        info("Overviews built: " + *built);
        // Read again, now through its overviews.
        if (SessionLayer* rebuilt = m_session.find(uid)) {
          retire(m_session.reloadLayer(*rebuilt));
          startLoads();
        }
      });
}

void SessionController::exportFilteredEvents(const std::string& requested) {
  const SessionLayer* counted = m_session.incidentLayer();
  if (!counted || !counted->selection) return error("Nothing to export: no incident layer is shown");
  const std::string path = std::filesystem::absolute(requested).lexically_normal().string();
  const std::string extension = lowerExtension(path);
  const bool csv = extension == ".csv";
  if (!csv && extension != ".geojson" && extension != ".json")
    return error("Export to " + path + ": name it .csv or .geojson");
  if (csv && lowerExtension(counted->spec.path) != ".csv")
    return error("Export to " + path + ": a CSV export repeats the source's own rows, and " + counted->spec.name +
                 " is not a CSV file; name it .geojson");
  if (m_exports.count(path)) return error("Export to " + path + ": already being written");
  // A copy of what the table shows now: the filter may change while the file is written.
  auto table = counted->events()->table;
  auto events = std::make_shared<const std::vector<uint32_t>>(*counted->selection);
  const std::string sourcePath = counted->spec.path;
  info("Exporting " + countOf(events->size(), "incident", "incidents") + " to " + path);
  m_exports.insert(path);
  m_tasks.run<size_t>(
      "exporting incidents to " + path,
      [=](TaskContext&) -> Result<size_t> {
        const Status written = csv ? exportEventsCsv(sourcePath, *table, *events, path, false)
                                   : exportEventsGeoJson(*table, *events, path, false);
        if (!written) return Error{written.error()};
        return events->size();
      },
      [this, path](Result<size_t> written) {
        m_exports.erase(path);
        if (!written) return error("Export failed: " + written.error());
        info("Exported " + countOf(*written, "incident", "incidents") + " to " + path);
      });
}

void SessionController::refreshLiveLayers() {
  std::erase_if(m_live, [&](const auto& entry) { return !m_session.find(entry.first); });  // removed layers
  for (const SessionLayer& layer : m_session.layers()) {
    if (layer.spec.refreshSeconds <= 0 && layer.spec.listenChannel.empty()) continue;
    if (layer.state != SessionLayer::State::Ready) continue;
    LiveLayer& live = m_live[layer.uid];
    if (live.lastRead < 0) live.lastRead = m_now;
    if (!layer.spec.listenChannel.empty() && !live.listenTried) {
      // Once per layer: a listener that cannot start is said, and the interval (if any) still refreshes.
      live.listenTried = true;
      auto listener = PgListener::start(layer.spec.path, layer.spec.listenChannel);
      if (listener) live.listener = std::move(*listener);
      else error(listener.error());
    }
    const bool notified = live.listener && live.listener->takeNotified();
    const bool due = layer.spec.refreshSeconds > 0 && m_now - live.lastRead >= layer.spec.refreshSeconds;
    if (live.refreshing || !(notified || due)) continue;
    live.lastRead = m_now;
    startReread(layer, "refresh", readFilterFor(layer.spec, m_session.eventFilter()));
  }
}

void SessionController::rereadForFilter() {
  const EventFilter& filter = m_session.eventFilter();
  if (!(filter == m_filterSeen)) {
    m_filterSeen = filter;
    m_filterSeenSince = m_now;
  }
  // While a date is typed or the timeline dragged, the filter changes every frame: read once it settles.
  constexpr double kSettleSeconds = 0.3;
  if (m_now - m_filterSeenSince < kSettleSeconds) return;
  for (const SessionLayer& layer : m_session.layers()) {
    if (layer.state != SessionLayer::State::Ready || !layer.lacksRowsFor(filter)) continue;
    // One read at a time per layer, and a filter whose read failed is not asked for again until it changes.
    if (auto it = m_live.find(layer.uid); it != m_live.end() && (it->second.refreshing || it->second.failedFor == filter)) continue;
    startReread(layer, "reading for the filter", filter);
  }
}

bool SessionController::filterAwaitingRead() const {
  const EventFilter& filter = m_session.eventFilter();
  for (const SessionLayer& layer : m_session.layers()) {
    if (!layer.lacksRowsFor(filter)) continue;
    auto it = m_live.find(layer.uid);
    if (it == m_live.end() || it->second.failedFor != filter) return true;
  }
  return false;
}

void SessionController::startReread(const SessionLayer& layer, const std::string& why, std::optional<EventFilter> filter) {
  const uint64_t uid = layer.uid;
  m_live[uid].refreshing = m_tasks.run<LoadedLayer>(
      why + ": " + layer.spec.name, loadWork(layer.spec, m_session.displayCrs(), incidentsToAddTo(layer), filter),
      [this, uid, why, filter](Result<LoadedLayer> result) {
        auto it = m_live.find(uid);
        if (it != m_live.end()) {
          it->second.refreshing.reset();
          it->second.failedFor = result ? std::nullopt : filter;
        }
        const SessionLayer* refreshed = m_session.find(uid);
        if (!refreshed) return;
        // A failed read keeps the data already on the map, and says how old it is.
        if (!result) {
          const std::string since = refreshed->refreshedUtc ? formatUtc(*refreshed->refreshedUtc) : std::string("its first load");
          error(refreshed->spec.name + ": " + why + " failed: " + result.error() + " (the map keeps the data of " + since + ")");
          return;
        }
        retire(m_session.refreshLayer(uid, std::move(*result), UtcSeconds(std::time(nullptr))));
      });
}

bool SessionController::tick(double nowSeconds) {
  m_now = nowSeconds;
  const double elapsed = m_lastTick < 0 ? 0 : nowSeconds - m_lastTick;
  m_lastTick = nowSeconds;
  bool moved = m_tasks.poll([this](const std::string& message) { error(message); });
  refreshLiveLayers();
  rereadForFilter();
  if (m_fitPending && m_loads.empty()) {
    fitTo(m_session.homeBounds());
    // A scene saved at a view reopens there.
    if (m_session.scene().view)
      if (auto saved = m_session.viewFor(*m_session.scene().view, m_view.widthPx(), m_view.heightPx())) m_view = *saved;
    m_fitPending = false;
    moved = true;
  }
  SceneClock& clock = m_session.clock();
  if (clock.advance(elapsed) && m_follow && !m_session.convoys().empty()) {
    const LoadedConvoy* followed = &m_session.convoys().front();
    for (const LoadedConvoy& c : m_session.convoys())
      if (c.track.name() == m_session.scene().selectedConvoy) followed = &c;
    if (auto p = m_session.toDisplay(followed->track.at(*clock.time()).position))
      m_view = Viewport(*p, m_view.unitsPerPixel(), m_view.widthPx(), m_view.heightPx());
  }
  moved = moved || clock.playing();
  if (m_flight) {
    if (m_flight->start < 0) m_flight->start = nowSeconds;
    constexpr double kSeconds = 0.8;
    const double t = std::min(1.0, (nowSeconds - m_flight->start) / kSeconds);
    const double eased = t * t * (3 - 2 * t);
    // Zoom moves in log space so the flight feels even whether it zooms in or out.
    const double units =
        std::exp(std::log(m_flight->fromUnits) + (std::log(m_flight->toUnits) - std::log(m_flight->fromUnits)) * eased);
    m_view = Viewport(m_flight->fromCentre + (m_flight->toCentre - m_flight->fromCentre) * eased, units, m_view.widthPx(),
                      m_view.heightPx());
    if (t >= 1) m_flight.reset();
    moved = true;
  }
  return moved;
}

void SessionController::flyTo(Vec2 centre, double unitsPerPixel) {
  // To where `centre` shows in the middle of the unobscured part of the window.
  const Vec2 shift{(m_insets.minX - m_insets.maxX) / 2 * unitsPerPixel, -(m_insets.minY - m_insets.maxY) / 2 * unitsPerPixel};
  centre = centre - shift;
  m_flight = Flight{m_view.centre(), centre, m_view.unitsPerPixel(), unitsPerPixel, -1};
}

void SessionController::fitTo(const Bbox& box) {
  // A 5% margin so the features at the edge are not cut by the frame.
  const Bbox padded{box.minX - box.width() * 0.05, box.minY - box.height() * 0.05, box.maxX + box.width() * 0.05,
                    box.maxY + box.height() * 0.05};
  // Into the part of the window no panel covers, then moved so that part's centre is the box's.
  const int w = m_view.widthPx(), h = m_view.heightPx();
  const int freeW = std::max(64, int(w - m_insets.minX - m_insets.maxX)), freeH = std::max(64, int(h - m_insets.minY - m_insets.maxY));
  const Viewport inner = Viewport::fitting(padded, freeW, freeH);
  // The free area's centre sits (left - right) / 2 px right and (top - bottom) / 2 px below the window's.
  const Vec2 shift{(m_insets.minX - m_insets.maxX) / 2 * inner.unitsPerPixel(), -(m_insets.minY - m_insets.maxY) / 2 * inner.unitsPerPixel()};
  m_view = Viewport(inner.centre() - shift, inner.unitsPerPixel(), w, h);
}

bool SessionController::apply(const Command& command) {
  try {
    return std::visit(
        [&](auto&& c) -> bool {
          using T = std::decay_t<decltype(c)>;
          auto& layers = m_session.layers();
          SessionLayer* layer = nullptr;
          if constexpr (requires { c.layer; }) layer = m_session.find(c.layer);
          if constexpr (std::is_same_v<T, SetLayerVisible>) {
            if (layer) layer->spec.visible = c.visible;
          } else if constexpr (std::is_same_v<T, SetLayerOpacity>) {
            if (layer) layer->spec.opacity = std::clamp(c.opacity, 0.0f, 1.0f);
          } else if constexpr (std::is_same_v<T, SetRasterStyle>) {
            if (!layer || !layer->raster()) return true;
            // Toning is applied as tiles are drawn; anything else is read into the tiles: read them again.
            RasterStyle toned = layer->spec.raster;
            toned.saturation = c.style.saturation;
            toned.lightness = c.style.lightness;
            const bool reread = !(toned == c.style);
            layer->spec.raster = c.style;
            if (reread) retire(m_session.redrawRaster(*layer));
          } else if constexpr (std::is_same_v<T, SetLayerInLegend>) {
            if (layer) layer->spec.inLegend = c.keyed;
          } else if constexpr (std::is_same_v<T, SetLayerStyle>) {
            if (!layer) return true;
            // Labels, their priority and the feature filter are read at load: a new one means reading again.
            const VectorStyle& old = layer->spec.vector;
            const bool reload = old.labelField != c.style.labelField || old.priorityField != c.style.priorityField ||
                                old.priorityAscending != c.style.priorityAscending || old.filter != c.style.filter;
            layer->spec.vector = c.style;
            if (reload) {
              retire(m_session.reloadLayer(*layer));
              startLoads();
            }
          } else if constexpr (std::is_same_v<T, SetLayerScales>) {
            if (layer) layer->spec.scales = c.scales;
          } else if constexpr (std::is_same_v<T, RenameBookmark>) {
            auto& bookmarks = m_session.bookmarks();
            const std::string name = oneLine(c.name);
            if (c.index < 0 || size_t(c.index) >= bookmarks.size() || name.empty()) return true;
            bookmarks[size_t(c.index)].name = name;
          } else if constexpr (std::is_same_v<T, MoveBookmark>) {
            auto& bookmarks = m_session.bookmarks();
            if (c.index < 0 || size_t(c.index) >= bookmarks.size()) return true;
            const int to = std::clamp(c.index + c.steps, 0, int(bookmarks.size()) - 1);
            const Bookmark moved = bookmarks[size_t(c.index)];
            bookmarks.erase(bookmarks.begin() + c.index);
            bookmarks.insert(bookmarks.begin() + to, moved);
            if (m_bookmark == c.index) m_bookmark = to;  // PageDown carries on from where it was
            else if (m_bookmark > c.index && m_bookmark <= to) --m_bookmark;
            else if (m_bookmark < c.index && m_bookmark >= to) ++m_bookmark;
          } else if constexpr (std::is_same_v<T, DeleteBookmark>) {
            auto& bookmarks = m_session.bookmarks();
            if (c.index < 0 || size_t(c.index) >= bookmarks.size()) return true;
            info("Deleted " + bookmarks[size_t(c.index)].name);
            bookmarks.erase(bookmarks.begin() + c.index);
            if (m_bookmark == c.index) m_bookmark = -1;
            else if (m_bookmark > c.index) --m_bookmark;
          } else if constexpr (std::is_same_v<T, SetGraticule>) {
            m_session.setGraticule(c.shown);
          } else if constexpr (std::is_same_v<T, OpenUrl>) {
            if (const Status opened = openUrl(c.url, m_urlOpener); !opened) error(opened.error());
            else info("Opening " + c.url);
          } else if constexpr (std::is_same_v<T, ExportFilteredEvents>) {
            exportFilteredEvents(c.path);
          } else if constexpr (std::is_same_v<T, SetIncidentStyle>) {
            if (layer) layer->spec.incidents = {c.style.aggregation, std::clamp(c.style.maxSymbolPx, 0.0f, 100.0f)};
          } else if constexpr (std::is_same_v<T, MoveLayer>) {
            auto it = std::find_if(layers.begin(), layers.end(), [&](const SessionLayer& l) { return l.uid == c.layer; });
            if (it == layers.end()) return true;
            const long from = it - layers.begin();
            const long to = std::clamp(from + c.steps, 0L, long(layers.size()) - 1);
            if (to > from) std::rotate(layers.begin() + from, layers.begin() + from + 1, layers.begin() + to + 1);
            if (to < from) std::rotate(layers.begin() + to, layers.begin() + from, layers.begin() + from + 1);
          } else if constexpr (std::is_same_v<T, ZoomToLayer>) {
            if (layer)
              if (auto box = m_session.layerBounds(*layer)) fitTo(*box);
          } else if constexpr (std::is_same_v<T, RemoveLayer>) {
            for (auto it = m_loads.begin(); it != m_loads.end();)
              if (it->layer == c.layer) {
                m_tasks.cancel(it->task);
                it = m_loads.erase(it);
              } else {
                ++it;
              }
            retire(m_session.removeLayer(c.layer));
          } else if constexpr (std::is_same_v<T, AddLayerFromPath>) {
            std::vector<std::string> notes;
            std::vector<LayerSpec> specs = layerSpecsForFile(c.path, m_colourIndex, &notes);
            for (LayerSpec& spec : specs) m_addedByUser.push_back(m_session.addLayer(std::move(spec)).uid);
            for (std::string& note : notes) info(std::move(note));
            info("Added " + std::to_string(specs.size()) + (specs.size() == 1 ? " layer" : " layers") + " from " + c.path);
            startLoads();
          } else if constexpr (std::is_same_v<T, ZoomHome>) {
            fitTo(m_session.homeBounds());
          } else if constexpr (std::is_same_v<T, SetDisplayCrs>) {
            changeCrs(c.crs);
          } else if constexpr (std::is_same_v<T, SetEventFilter>) {
            m_session.setEventFilter(c.filter);
          } else if constexpr (std::is_same_v<T, PickRegionAt>) {
            pickRegionAt(c.screen);
          } else if constexpr (std::is_same_v<T, AddRectangleRegion>) {
            addDrawnRegion({{c.a.x, c.a.y}, {c.b.x, c.a.y}, {c.b.x, c.b.y}, {c.a.x, c.b.y}}, "Rectangle");
          } else if constexpr (std::is_same_v<T, AddPolygonRegion>) {
            if (c.corners.size() >= 3) addDrawnRegion(c.corners, "Polygon");
          } else if constexpr (std::is_same_v<T, FlyToEvent>) {
            if (const SessionLayer* l = m_session.incidentLayer(); l && c.event < l->events()->positions.size())
              flyTo(l->events()->positions[c.event], std::min(m_view.unitsPerPixel(), 250.0));
          } else if constexpr (std::is_same_v<T, SetClock>) {
            m_session.clock().setTime(c.time);
          } else if constexpr (std::is_same_v<T, StepClock>) {
            m_session.clock().step(c.seconds);
          } else if constexpr (std::is_same_v<T, SetPlaying>) {
            m_session.clock().setPlaying(c.playing);
          } else if constexpr (std::is_same_v<T, SetPlaybackSpeed>) {
            m_session.clock().setSpeed(c.secondsPerSecond);
          } else if constexpr (std::is_same_v<T, SetLoop>) {
            m_session.clock().setLooping(c.loop);
          } else if constexpr (std::is_same_v<T, SetWindowDays>) {
            m_session.clock().setWindowDays(c.days);
          } else if constexpr (std::is_same_v<T, SetFollowConvoy>) {
            m_follow = c.follow;
          } else if constexpr (std::is_same_v<T, SetRiskDays>) {
            m_session.clock().setRiskDays(c.days);
          } else if constexpr (std::is_same_v<T, SaveScene>) {
            saveScene(c);
          } else if constexpr (std::is_same_v<T, AddBookmark>) {
            addBookmark();
          } else if constexpr (std::is_same_v<T, GoToBookmark>) {
            goToBookmark(c.index);
          } else if constexpr (std::is_same_v<T, OpenScene>) {
            openScene(c.path);
          } else if constexpr (std::is_same_v<T, CancelLoad>) {
            for (const Load& load : m_loads)
              if (load.layer == c.layer) m_tasks.cancel(load.task);
            std::erase_if(m_loads, [&](const Load& l) { return l.layer == c.layer; });
            if (layer && layer->state == SessionLayer::State::Loading)
              m_session.finishLoad(c.layer, Error{layer->spec.path + ": loading cancelled"});
          } else if constexpr (std::is_same_v<T, BuildOverviews>) {
            if (layer && layer->raster() && !m_overviewBuilds.count(c.layer)) buildOverviews(*layer);
          } else if constexpr (std::is_same_v<T, ChooseIncidentLayer>) {
            m_session.chooseIncidentLayer(c.layer);
          } else if constexpr (std::is_same_v<T, SetIncidentFields> || std::is_same_v<T, UseAsIncidents>) {
            if (!layer) return true;
            if constexpr (std::is_same_v<T, SetIncidentFields>) layer->spec.incidentFields = c.fields;
            else layer->spec.kind = LayerKind::Incidents;
            retire(m_session.reloadLayer(*layer));
            startLoads();
          } else {
            return false;  // the window's
          }
          return true;
        },
        command);
  } catch (const std::exception& e) {
    error(std::string("That did not work: ") + e.what());
    return true;
  }
}

void SessionController::placeAddedLayer(uint64_t uid) {
  // A raster the user adds lies on the other rasters (the basemap), under every vector and operational layer:
  // on top it would bury the incidents and control.
  auto& layers = m_session.layers();
  const auto it = std::find_if(layers.begin(), layers.end(), [&](const SessionLayer& l) { return l.uid == uid; });
  if (it == layers.end() || !it->raster()) return;
  const long from = it - layers.begin();
  long to = 0;
  for (long i = 0; i < long(layers.size()); ++i)
    if (i != from && layers[size_t(i)].raster()) to = i + (i < from ? 1 : 0);
  const std::string name = it->spec.name;
  if (to >= from) return;
  std::rotate(layers.begin() + to, layers.begin() + from, layers.begin() + from + 1);
  info(name + " placed under the vector layers, above the other rasters");
}

void SessionController::replaceSession(MapSession next) {
  for (const Load& load : m_loads) m_tasks.cancel(load.task);  // cancel before discarding: nothing waits
  m_loads.clear();
  m_addedByUser.clear();
  for (TaskId pass : m_filterPasses) m_tasks.cancel(pass);  // their results belong to the old session
  m_filterPasses.clear();
  for (const auto& [uid, live] : m_live)
    if (live.refreshing) m_tasks.cancel(*live.refreshing);
  for (TaskId load : m_convoyLoads) m_tasks.cancel(load);
  m_convoyLoads.clear();
  m_live.clear();  // and so do the listeners: their layers are gone
  for (const SessionLayer& layer : m_session.layers()) retire(layer.rendererId);
  m_session = std::move(next);
  m_flight.reset();
  m_sessionReplaced = true;
  for (const std::string& message : m_session.convoyErrors()) error(message);
  useTasksForLargeFilters();
  startLoads();
  startConvoyLoads();
}

void SessionController::changeCrs(const std::string& crs) {
  // The session as it stands (layers, filter, bookmarks), and the clock as it runs: only the CRS changes.
  Scene scene = m_session.currentScene(m_view);
  scene.crs = crs;
  auto next = MapSession::create(scene, true);
  if (!next) {
    error(next.error());
    return;
  }
  next->clock() = m_session.clock();
  // Keep looking at the same place: the visible box goes through lon/lat into the new CRS.
  Bbox lonLat;
  const Bbox visible = m_view.visibleBounds();
  for (Vec2 corner : {Vec2{visible.minX, visible.minY}, Vec2{visible.maxX, visible.maxY}, Vec2{visible.minX, visible.maxY},
                      Vec2{visible.maxX, visible.minY}, visible.centre()})
    if (auto p = m_session.toLonLat(corner)) lonLat.expand(Vec2{p->lon, p->lat});
  replaceSession(std::move(*next));
  Bbox box;
  for (double x : {lonLat.minX, lonLat.centre().x, lonLat.maxX})
    for (double y : {lonLat.minY, lonLat.centre().y, lonLat.maxY})
      if (auto p = m_session.toDisplay({x, y})) box.expand(*p);
  if (box.valid()) m_view = Viewport::fitting(box, m_view.widthPx(), m_view.heightPx());
  m_fitPending = !box.valid();
  info("Display CRS: " + describeCrs(*crsToWkt(crs)));
}

void SessionController::openScene(const std::string& path) {
  if (!isSceneFile(path)) {
    error(path + ": not a sitmap scene (no \"sitmap_scene\" key); add data files under Layers");
    return;
  }
  std::vector<std::string> warnings;
  auto scene = loadSceneFile(path, &warnings);
  if (!scene) {
    error(scene.error());
    return;
  }
  for (const std::string& warning : warnings) error(warning);
  auto next = MapSession::create(std::move(*scene), true);
  if (!next) {
    error(next.error());
    return;
  }
  replaceSession(std::move(*next));
  m_scenePath = path;
  m_sceneReadOnly = false;
  m_fitPending = true;
  m_bookmark = -1;
  rememberScene(path);
}

void SessionController::saveScene(const SaveScene& command) {
  const std::string path = command.path.empty() ? m_scenePath : command.path;
  if (path.empty()) {
    error("This view came from files, not a scene: give a path under Map > Save as.");
    return;
  }
  if (command.path.empty() && m_sceneReadOnly) {
    error("The bundled default scene is not saved over: give a path under Map > Save as.");
    return;
  }
  const Scene scene = m_session.currentScene(m_view);
  const Status saved = saveSceneFile(path, scene, command.path.empty() || command.overwrite);
  if (!saved) {
    error(saved.error());
    return;
  }
  m_scenePath = path;
  m_sceneReadOnly = false;
  rememberScene(path);
  info("Scene saved to " + path);
  // The writer leaves passwords out; say so, and how the scene will find them.
  if (std::any_of(scene.layers.begin(), scene.layers.end(), [](const LayerSpec& l) { return withoutCredentials(l.path) != l.path; }))
    info("Passwords are not saved in scenes: give them with PGPASSWORD or ~/.pgpass, or name a service (PG:service=NAME, "
         "~/.pg_service.conf)");
}

void SessionController::addBookmark() {
  Bookmark bookmark;
  // No clock in the name: the map already shows the clock large, and a bookmark's name goes into its title.
  bookmark.name = "Bookmark " + std::to_string(m_session.bookmarks().size() + 1);
  bookmark.view = m_session.sceneViewOf(m_view);
  bookmark.clock = m_session.clock().time();
  bookmark.filter = m_session.eventFilter();
  for (const SessionLayer& layer : m_session.layers()) bookmark.layerVisible[layer.spec.name] = layer.spec.visible;
  m_session.bookmarks().push_back(bookmark);
  info("Added " + bookmark.name + " (PageDown/PageUp replay the briefing)");
}

void SessionController::goToBookmark(int index) {
  auto& bookmarks = m_session.bookmarks();
  if (bookmarks.empty()) return;
  if (index >= int(bookmarks.size()) && m_bookmark == int(bookmarks.size()) - 1) {
    info("End of briefing (" + std::to_string(bookmarks.size()) + " of " + std::to_string(bookmarks.size()) + ")");
    return;
  }
  m_bookmark = std::clamp(index, 0, int(bookmarks.size()) - 1);
  const Bookmark& b = bookmarks[size_t(m_bookmark)];
  if (auto target = m_session.viewFor(b.view, m_view.widthPx(), m_view.heightPx()))
    flyTo(target->centre(), target->unitsPerPixel());
  if (b.clock) m_session.clock().setTime(*b.clock);
  m_session.setEventFilter(b.filter);
  for (SessionLayer& layer : m_session.layers())
    if (auto it = b.layerVisible.find(layer.spec.name); it != b.layerVisible.end()) layer.spec.visible = it->second;
}

void SessionController::pickRegionAt(Vec2 screen) {
  const Vec2 world = m_view.screenToWorld(screen);
  const auto& layers = m_session.layers();
  for (auto it = layers.rbegin(); it != layers.rend(); ++it) {  // the topmost polygon layer first
    if (!it->spec.visible || !it->vector()) continue;
    const VectorData& data = *it->vector();
    for (const VectorData::PolygonFeature& feature : data.polygonFeatures) {
      RegionShape shape = regionOf(data, feature.firstRing, feature.ringCount, feature.name);
      if (!RegionIndex({shape}).containsAny(world)) continue;
      // Clicking a chosen region again removes it.
      EventFilter filter = m_session.eventFilter();
      auto chosen = std::find_if(filter.regions.begin(), filter.regions.end(),
                                 [&](const RegionShape& r) { return r.name == feature.name; });
      if (chosen != filter.regions.end()) {
        filter.regions.erase(chosen);
      } else {
        for (auto& ring : shape.rings)
          for (Vec2& p : ring)
            if (auto ll = m_session.toLonLat(p)) p = {ll->lon, ll->lat};
        filter.regions.push_back(std::move(shape));
      }
      m_session.setEventFilter(std::move(filter));
      return;
    }
  }
  info("No polygon there: the region picker uses the visible polygon layers.");
}

void SessionController::addDrawnRegion(const std::vector<Vec2>& corners, const std::string& kind) {
  // Densified edges (a point every 12 px): a straight edge on screen is a curve in lon/lat for most projections.
  RegionShape shape{kind, {{}}};
  for (size_t side = 0; side < corners.size(); ++side) {
    const Vec2 from = corners[side], to = corners[(side + 1) % corners.size()];
    const int steps = std::max(1, int(std::ceil(std::hypot(to.x - from.x, to.y - from.y) / 12)));
    for (int step = 0; step < steps; ++step) {
      const Vec2 p = from + (to - from) * (double(step) / steps);
      if (auto ll = m_session.toLonLat(m_view.screenToWorld(p))) shape.rings[0].push_back({ll->lon, ll->lat});
    }
  }
  if (shape.rings[0].size() < 3) return error(kind + " left out: its corners are off the map");
  EventFilter filter = m_session.eventFilter();
  int n = 1;
  for (const RegionShape& r : filter.regions) n += r.name.rfind(kind, 0) == 0;
  shape.name = kind + " " + std::to_string(n);
  filter.regions.push_back(std::move(shape));
  m_session.setEventFilter(std::move(filter));
}

void SessionController::rememberScene(const std::string& path) {
  if (m_recentScenesFile.empty() || path.empty()) return;
  const std::string absolute = std::filesystem::absolute(path).lexically_normal().string();
  std::erase(m_recentScenes, absolute);
  m_recentScenes.insert(m_recentScenes.begin(), absolute);
  if (m_recentScenes.size() > 10) m_recentScenes.resize(10);
  std::string text;
  for (const std::string& p : m_recentScenes) text += p + "\n";
  std::error_code ec;
  std::filesystem::create_directories(m_recentScenesFile.parent_path(), ec);
  (void)writeFileAtomically(m_recentScenesFile.string(), std::vector<uint8_t>(text.begin(), text.end()), true);
}

}  // namespace sitmap
