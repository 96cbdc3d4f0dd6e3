// The viewer window: GLFW + GL 3.3 core, the map drawn first, ImGui panels on top (the GL3 backend restores state).
// One frame: input -> commands -> state -> render map -> render panels. Idles when nothing changes.
#include "app/viewer.hpp"

// glad's header must come before GLFW's, which would otherwise pull in the system GL header.
#include "render/gl.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <list>

#include "app/image_capture.hpp"
#include "app/map_session.hpp"
#include "app/tile_loading.hpp"
#include "core/civil_date.hpp"
#include "core/geodesy.hpp"
#include "io/file_write.hpp"
#include "io/png_file.hpp"
#include "io/scene_file.hpp"
#include "render/map_renderer.hpp"
#include "ui/clock_panel.hpp"
#include "ui/events_table_panel.hpp"
#include "ui/filters_panel.hpp"
#include "ui/layers_panel.hpp"
#include "ui/summary_panel.hpp"
#include "ui/timeline_panel.hpp"
#include "ui/map_panel.hpp"
#include "ui/notifications.hpp"
#include "ui/status_bar.hpp"

namespace sitmap {

namespace {

// The rings [firstRing, firstRing + count) of a layer's geometry as a region shape (same coordinates).
RegionShape regionOf(const VectorData& data, uint32_t firstRing, uint32_t count, std::string name) {
  RegionShape shape{std::move(name), {}};
  for (uint32_t r = firstRing; r < firstRing + count; ++r) {
    const VectorData::Path& ring = data.rings[r];
    shape.rings.emplace_back(data.vertices.begin() + ring.first, data.vertices.begin() + ring.first + ring.count);
  }
  return shape;
}

// Ctrl-C or SIGTERM ends the loop cleanly (the handler only sets this flag).
std::atomic<bool> g_stopRequested{false};

// SITMAP_FRAME_STATS=1: times of the frames drawn while the user interacts, summarised on exit;
// bench/viewer_pan.sh reads it.
class FrameStats {
public:
  FrameStats() : m_enabled(std::getenv("SITMAP_FRAME_STATS") != nullptr) {}
  void add(double ms) {
    if (m_enabled) m_ms.push_back(ms);
  }
  ~FrameStats() {
    if (!m_enabled || m_ms.empty()) return;
    std::sort(m_ms.begin(), m_ms.end());
    auto at = [&](double q) { return m_ms[std::min(m_ms.size() - 1, size_t(q * double(m_ms.size())))]; };
    std::fprintf(stderr, "sitmap: %zu frames, median %.1f ms, p95 %.1f ms, max %.1f ms\n", m_ms.size(), at(0.5),
                 at(0.95), m_ms.back());
  }

private:
  bool m_enabled;
  std::vector<double> m_ms;
};

struct PendingLoad {
  uint64_t layer;
  std::future<Result<LoadedData>> result;
  std::shared_ptr<std::atomic<float>> progress;  // written by the loader thread
  std::shared_ptr<std::atomic<bool>> cancel;     // read by the loader thread
};

class Viewer {
public:
  Viewer(GLFWwindow* window, MapSession session, std::unique_ptr<MapRenderer> renderer, float contentScale,
         const ViewerOptions& options)
      : m_window(window),
        m_session(std::move(session)),
        m_renderer(std::move(renderer)),
        m_contentScale(contentScale),
        m_scenePath(options.scenePath),
        m_screenshotAndQuit(options.screenshotPath) {}

  int run();
  void dropFiles(int count, const char** paths) {
    for (int i = 0; i < count; ++i) m_commands.push_back(AddLayerFromPath{paths[i]});
  }

private:
  void startLoads();
  bool collectLoads();
  bool collectTiles();
  // True while the user is interacting (dragging, wheeling, holding a key).
  bool handleInput();
  void apply(const Command& command);
  void fitTo(const Bbox& box);
  std::vector<LayerRow> layerRows() const;
  void toggleFullscreen();
  void changeCrs(const std::string& crs);
  // Incidents: the panels' view of the session's incident layer, and the map tools that edit the filter.
  IncidentsView incidentsView();
  void handleMapTools(bool& interacting);
  void pickRegionAt(Vec2 screen);
  void addRectangleRegion(Vec2 a, Vec2 b);
  void flyTo(Vec2 centre, double unitsPerPixel);
  bool advanceFlight();
  TimeView timeView();
  bool advanceClock();
  float mapPixelScale() const;  // presentation mode scales the map's text for the back of the room
  MapFrame currentFrame(const Viewport& view, float pixelScale);
  void saveScene(const SaveScene& command);
  void addBookmark();
  void goToBookmark(int index);
  // Draws the frame offscreen at `scale`; the PNG goes to `path` (empty: a new sitmap-YYYYMMDD-HHMMSS.png).
  void takeScreenshot(double scale, const std::string& path = {});
  SetScreenshotOptions m_shot{1, "", ""};  // scale, banner and subtitle of F12's images
  void openScene(const std::string& path);
  void rememberScene(const std::string& path);  // most recent first, ten kept, in ~/.config/sitmap/recent-scenes
  std::vector<std::string> m_recentScenes;

  GLFWwindow* m_window;
  MapSession m_session;
  std::unique_ptr<MapRenderer> m_renderer;
  float m_contentScale;
  Viewport m_view;
  bool m_fitPending = true;  // fit the home view once the first layers are in
  std::list<PendingLoad> m_loads;
  TileLoader m_tiles;
  std::vector<MissingTile> m_lastMissing;
  std::vector<Command> m_commands;
  LayersPanel m_layersPanel;
  MapPanel m_mapPanel;
  Notifications m_notifications;
  std::vector<LayerId> m_tileErrorsShown;
  int m_windowed[4] = {100, 100, 1600, 900};
  std::string m_crsNameFor, m_crsName;
  size_t m_colourIndex = 0;  // default colours of layers added by path or drop
  mutable std::map<uint64_t, std::vector<std::string>> m_sourceFields;  // fields of incident sources that failed to load
  FrameStats m_frameStats;
  FiltersPanel m_filtersPanel;
  TimelinePanel m_timelinePanel;
  EventsTablePanel m_tablePanel;
  SummaryPanel m_summaryPanel;
  MapTool m_tool = MapTool::Navigate;
  std::optional<uint32_t> m_hoveredEvent;  // from the table
  std::optional<uint32_t> m_detailsEvent;
  bool m_detailsOpen = false;
  std::optional<Vec2> m_rectangleStart;  // screen pixels, while drawing a rectangle region
  // Timeline: the events passing every criterion but the dates, recounted when those criteria change.
  std::unique_ptr<EventFilterEngine> m_timelineEngine;
  std::shared_ptr<const EventTable> m_timelineTable;  // held, so the engine's table outlives a reload
  uint64_t m_timelineVersion = UINT64_MAX;
  Histogram m_histogram;
  struct Flight {
    Vec2 fromCentre, toCentre;
    double fromUnits = 1, toUnits = 1;
    double start = 0;
  };
  std::optional<Flight> m_flight;
  ClockPanel m_clockPanel;
  bool m_follow = false;
  double m_lastTick = 0;       // glfwGetTime() of the last clock advance
  // Incidents near each convoy's route (index into the incident table, metres along the route), per table.
  std::vector<size_t> m_incidentsPassed;  // per convoy: how many nearby incidents it had passed, to flag new ones
  std::string m_scenePath;
  std::string m_screenshotAndQuit;  // --screenshot: the PNG to write once everything is drawn
  bool m_presenting = false;
  bool m_highContrast = false;
  int m_bookmark = -1;  // the bookmark last gone to
  std::list<std::future<Status>> m_screenshots;  // PNG encodes running off the main thread
  // An animation export: `sitmap frames` in a child process, on a scene saved for it; progress by frames written.
  struct Export {
    pid_t pid = -1;
    std::string output, sceneFile;
    int64_t frames = 1;
    bool toVideo = false;
  };
  std::optional<Export> m_export;
  void startExport(const ExportFrames& command);
  std::optional<float> exportProgress();
};

void Viewer::startLoads() {
  const std::string crs = m_session.displayCrs();
  for (SessionLayer& layer : m_session.layers()) {
    if (layer.state != SessionLayer::State::Loading) continue;
    if (std::any_of(m_loads.begin(), m_loads.end(), [&](const PendingLoad& p) { return p.layer == layer.uid; })) continue;
    auto progress = std::make_shared<std::atomic<float>>(-1.0f);
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    auto report = [progress, cancel](double fraction) {
      progress->store(float(fraction));
      return !cancel->load();
    };
    m_loads.push_back({layer.uid,
                       std::async(std::launch::async, [spec = layer.spec, crs, report] { return loadLayerData(spec, crs, nullptr, report); }),
                       progress, cancel});
  }
}

bool Viewer::collectLoads() {
  bool any = false;
  for (auto it = m_loads.begin(); it != m_loads.end();) {
    if (it->result.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
      ++it;
      continue;
    }
    Result<LoadedData> result = it->result.get();
    if (!result) m_notifications.error(result.error());
    m_session.finishLoad(it->layer, std::move(result));
    it = m_loads.erase(it);
    any = true;
  }
  if (any) m_session.syncRenderer(*m_renderer);
  if (m_fitPending && m_loads.empty()) {
    fitTo(m_session.homeBounds());
    // A scene saved at a view reopens there.
    if (m_session.scene().view)
      if (auto saved = m_session.viewFor(*m_session.scene().view, m_view.widthPx(), m_view.heightPx())) m_view = *saved;
    m_fitPending = false;
  }
  return any;
}

bool Viewer::collectTiles() {
  bool any = false;
  for (TileResult& result : m_tiles.takeResults()) {
    any = true;
    if (result.image) {
      m_renderer->addTile(result.layer, result.key, *result.image);
    } else if (std::find(m_tileErrorsShown.begin(), m_tileErrorsShown.end(), result.layer) == m_tileErrorsShown.end()) {
      m_tileErrorsShown.push_back(result.layer);  // one message per layer, not one per tile
      m_notifications.error(result.image.error());
    }
  }
  return any;
}

void Viewer::fitTo(const Bbox& box) {
  int w = 0, h = 0;
  glfwGetFramebufferSize(m_window, &w, &h);
  // A 5% margin so the features at the edge are not cut by the frame.
  const Bbox padded{box.minX - box.width() * 0.05, box.minY - box.height() * 0.05, box.maxX + box.width() * 0.05,
                    box.maxY + box.height() * 0.05};
  m_view = Viewport::fitting(padded, w, h);
}

std::vector<LayerRow> Viewer::layerRows() const {
  std::vector<LayerRow> rows;
  for (const SessionLayer& layer : m_session.layers()) {
    LayerRow row;
    row.id = layer.uid;
    row.name = layer.spec.name;
    row.path = layer.spec.path;
    row.loading = layer.state == SessionLayer::State::Loading;
    for (const PendingLoad& load : m_loads)
      if (load.layer == layer.uid) row.progress = load.progress->load();
    row.error = layer.error;
    row.visible = layer.spec.visible;
    row.opacity = layer.spec.opacity;
    row.style = layer.spec.vector;
    row.scales = layer.spec.scales;
    if (layer.data.vector) {
      row.isVector = true;
      row.kind = layer.data.vector->geometryType;
      row.fields = layer.data.vector->fieldNames;
      row.details = std::to_string(layer.data.vector->featureCount) + " features";
      if (layer.data.vector->skippedFeatures)
        row.details += ", " + std::to_string(layer.data.vector->skippedFeatures) + " without usable geometry";
      if (layer.data.vector->unfilledPolygons)
        row.details += ", " + std::to_string(layer.data.vector->unfilledPolygons) + " polygons too broken to fill";
    } else if (layer.data.events) {
      row.isIncidents = true;
      row.kind = "Incidents";
      row.details = layer.data.events->importSummary;
      row.fields = layer.data.events->table->header;
      row.incidentsFromCsv = std::filesystem::path(layer.spec.path).extension() == ".csv";
      row.incidentFields = layer.spec.incidentFields;
    } else if (layer.spec.kind == LayerKind::Incidents && layer.state == SessionLayer::State::Failed &&
               std::filesystem::path(layer.spec.path).extension() != ".csv") {
      // Not loaded yet offers nothing to map: list the source's fields once, so the mapping can be chosen.
      auto cached = m_sourceFields.find(layer.uid);
      if (cached == m_sourceFields.end())
        cached = m_sourceFields.emplace(layer.uid, ogrFieldNames(layer.spec.path, layer.spec.sourceLayer)).first;
      row.isIncidents = true;
      row.fields = cached->second;
      row.incidentFields = layer.spec.incidentFields;
    } else if (layer.data.raster) {
      const RasterInfo& info = *layer.data.raster;
      row.kind = "Raster (" + info.kind + ")";
      row.details = std::to_string(info.width) + " x " + std::to_string(info.height) + " px, " +
                    std::to_string(info.overviews) + " overviews";
    }
    rows.push_back(row);
  }
  return rows;
}

void Viewer::toggleFullscreen() {
  if (glfwGetWindowMonitor(m_window)) {
    glfwSetWindowMonitor(m_window, nullptr, m_windowed[0], m_windowed[1], m_windowed[2], m_windowed[3], 0);
    return;
  }
  glfwGetWindowPos(m_window, &m_windowed[0], &m_windowed[1]);
  glfwGetWindowSize(m_window, &m_windowed[2], &m_windowed[3]);
  GLFWmonitor* monitor = glfwGetPrimaryMonitor();
  if (!monitor) return;
  const GLFWvidmode* mode = glfwGetVideoMode(monitor);
  glfwSetWindowMonitor(m_window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
}

void Viewer::changeCrs(const std::string& crs) {
  // The session as it stands (layers, filter, bookmarks), and the clock as it runs: only the CRS changes.
  Scene scene = m_session.currentScene(m_view);
  scene.crs = crs;
  auto next = MapSession::create(scene);
  if (!next) {
    m_notifications.error(next.error());
    return;
  }
  next->clock() = m_session.clock();
  // Keep looking at the same place: the visible box goes through lon/lat into the new CRS.
  Bbox lonLat;
  const Bbox visible = m_view.visibleBounds();
  for (Vec2 corner : {Vec2{visible.minX, visible.minY}, Vec2{visible.maxX, visible.maxY}, Vec2{visible.minX, visible.maxY},
                      Vec2{visible.maxX, visible.minY}, visible.centre()})
    if (auto p = m_session.toLonLat(corner)) lonLat.expand(Vec2{p->lon, p->lat});
  for (const SessionLayer& layer : m_session.layers())
    if (layer.rendererId) m_renderer->removeLayer(layer.rendererId);
  m_loads.clear();  // their results were for the old CRS (std::async futures wait for completion here)
  m_session = std::move(*next);
  m_tileErrorsShown.clear();
  Bbox box;
  for (double x : {lonLat.minX, lonLat.centre().x, lonLat.maxX})
    for (double y : {lonLat.minY, lonLat.centre().y, lonLat.maxY})
      if (auto p = m_session.toDisplay({x, y})) box.expand(*p);
  if (box.valid()) m_view = Viewport::fitting(box, m_view.widthPx(), m_view.heightPx());
  m_fitPending = !box.valid();
  startLoads();
  m_notifications.info("Display CRS: " + describeCrs(*crsToWkt(crs)));
}

void Viewer::apply(const Command& command) {
  auto& layers = m_session.layers();
  auto find = [&](uint64_t id) { return m_session.find(id); };
  std::visit(
      [&](auto&& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, SetLayerVisible>) {
          if (auto* l = find(c.layer)) l->spec.visible = c.visible;
        } else if constexpr (std::is_same_v<T, SetLayerOpacity>) {
          if (auto* l = find(c.layer)) l->spec.opacity = std::clamp(c.opacity, 0.0f, 1.0f);
        } else if constexpr (std::is_same_v<T, SetLayerStyle>) {
          auto* l = find(c.layer);
          if (!l) return;
          // Labels and their priority are read at load: a new field means reading the layer again.
          const bool reload = l->spec.vector.labelField != c.style.labelField ||
                              l->spec.vector.priorityField != c.style.priorityField ||
                              l->spec.vector.priorityAscending != c.style.priorityAscending ||
                              l->spec.vector.filter != c.style.filter;
          l->spec.vector = c.style;
          if (reload) {
            if (l->rendererId) m_renderer->removeLayer(l->rendererId);
            l->rendererId = 0;
            l->state = SessionLayer::State::Loading;
            startLoads();
          }
        } else if constexpr (std::is_same_v<T, SetLayerScales>) {
          if (auto* l = find(c.layer)) l->spec.scales = c.scales;
        } else if constexpr (std::is_same_v<T, MoveLayer>) {
          auto it = std::find_if(layers.begin(), layers.end(), [&](const SessionLayer& l) { return l.uid == c.layer; });
          if (it == layers.end()) return;
          const long from = it - layers.begin();
          const long to = std::clamp(from + c.steps, 0L, long(layers.size()) - 1);
          if (to > from) std::rotate(layers.begin() + from, layers.begin() + from + 1, layers.begin() + to + 1);
          if (to < from) std::rotate(layers.begin() + to, layers.begin() + from, layers.begin() + from + 1);
        } else if constexpr (std::is_same_v<T, ZoomToLayer>) {
          if (auto* l = find(c.layer))
            if (auto box = m_session.layerBounds(*l)) fitTo(*box);
        } else if constexpr (std::is_same_v<T, RemoveLayer>) {
          m_session.removeLayer(c.layer, *m_renderer);
        } else if constexpr (std::is_same_v<T, AddLayerFromPath>) {
          for (LayerSpec& spec : layerSpecsForFile(c.path, m_colourIndex)) m_session.addLayer(std::move(spec));
          startLoads();
        } else if constexpr (std::is_same_v<T, ZoomHome>) {
          fitTo(m_session.homeBounds());
        } else if constexpr (std::is_same_v<T, SetDisplayCrs>) {
          changeCrs(c.crs);
        } else if constexpr (std::is_same_v<T, ToggleFullscreen>) {
          toggleFullscreen();
        } else if constexpr (std::is_same_v<T, SetEventFilter>) {
          m_session.setEventFilter(c.filter);
        } else if constexpr (std::is_same_v<T, FlyToEvent>) {
          if (const SessionLayer* l = m_session.incidentLayer())
            flyTo(l->data.events->positions[c.event], std::min(m_view.unitsPerPixel(), 250.0));
        } else if constexpr (std::is_same_v<T, ShowEventDetails>) {
          m_detailsEvent = c.event;
          m_detailsOpen = true;
        } else if constexpr (std::is_same_v<T, SetMapTool>) {
          m_tool = c.tool;
        } else if constexpr (std::is_same_v<T, HoverEvent>) {
          m_hoveredEvent = c.event;
        } else if constexpr (std::is_same_v<T, StepClock>) {
          m_session.clock().step(c.seconds);
        } else if constexpr (std::is_same_v<T, SetClock>) {
          m_session.clock().setTime(c.time);
        } else if constexpr (std::is_same_v<T, SetPlaying>) {
          m_session.clock().setPlaying(c.playing);
          m_lastTick = glfwGetTime();
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
        } else if constexpr (std::is_same_v<T, TakeScreenshot>) {
          takeScreenshot(m_shot.scale);
        } else if constexpr (std::is_same_v<T, SetScreenshotOptions>) {
          m_shot = c;
        } else if constexpr (std::is_same_v<T, TogglePresentation>) {
          m_presenting = !m_presenting;
        } else if constexpr (std::is_same_v<T, ExportFrames>) {
          startExport(c);
        } else if constexpr (std::is_same_v<T, CancelExport>) {
          if (m_export) kill(m_export->pid, SIGTERM);
        } else if constexpr (std::is_same_v<T, ToggleHighContrast>) {
          m_highContrast = !m_highContrast;
        } else if constexpr (std::is_same_v<T, OpenScene>) {
          openScene(c.path);
        } else if constexpr (std::is_same_v<T, CancelLoad>) {
          for (PendingLoad& load : m_loads)
            if (load.layer == c.layer) load.cancel->store(true);
        } else if constexpr (std::is_same_v<T, SetIncidentFields> || std::is_same_v<T, UseAsIncidents>) {
          if (auto* l = find(c.layer)) {
            if constexpr (std::is_same_v<T, SetIncidentFields>) l->spec.incidentFields = c.fields;
            else l->spec.kind = LayerKind::Incidents;
            l->data = {};
            l->error.clear();
            if (l->rendererId) m_renderer->removeLayer(l->rendererId);
            l->rendererId = 0;
            l->filterEngine.reset();
            l->selection = nullptr;
            l->state = SessionLayer::State::Loading;
            startLoads();
          }
        }
      },
      command);
}

bool Viewer::handleInput() {
  bool active = false;
  ImGuiIO& io = ImGui::GetIO();
  const float fbScale = io.DisplayFramebufferScale.x > 0 ? io.DisplayFramebufferScale.x : 1.0f;
  const Vec2 mouse{io.MousePos.x * fbScale, io.MousePos.y * fbScale};
  if (!io.WantCaptureMouse) {
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f)) {
      m_view.panPixels(io.MouseDelta.x * fbScale, io.MouseDelta.y * fbScale);
      active = true;
    }
    if (io.MouseWheel != 0) {
      m_view.zoomAbout(mouse, std::pow(1.25, double(io.MouseWheel)));
      active = true;
    }
  }
  if (!io.WantCaptureKeyboard) {
    const double step = 120 * m_contentScale;
    const Vec2 centre{m_view.widthPx() / 2.0, m_view.heightPx() / 2.0};
    // With a clock, left/right step it by a day and space plays; Shift + arrows pan the map.
    const SceneClock& clock = m_session.clock();
    const bool timeKeys = clock.time() && !io.KeyShift;
    if (timeKeys && ImGui::IsKeyPressed(GLFW_KEY_LEFT)) m_commands.push_back(StepClock{-86400});
    if (timeKeys && ImGui::IsKeyPressed(GLFW_KEY_RIGHT)) m_commands.push_back(StepClock{86400});
    if (clock.time() && ImGui::IsKeyPressed(GLFW_KEY_SPACE, false)) m_commands.push_back(SetPlaying{!clock.playing()});
    if (!timeKeys && ImGui::IsKeyPressed(GLFW_KEY_LEFT)) m_view.panPixels(step, 0);
    if (!timeKeys && ImGui::IsKeyPressed(GLFW_KEY_RIGHT)) m_view.panPixels(-step, 0);
    if (ImGui::IsKeyPressed(GLFW_KEY_UP)) m_view.panPixels(0, step);
    if (ImGui::IsKeyPressed(GLFW_KEY_DOWN)) m_view.panPixels(0, -step);
    if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD)) m_view.zoomAbout(centre, 1.5);
    if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT)) m_view.zoomAbout(centre, 1 / 1.5);
    if (ImGui::IsKeyPressed(GLFW_KEY_HOME)) m_commands.push_back(ZoomHome{});
    if (ImGui::IsKeyPressed(GLFW_KEY_F11, false)) m_commands.push_back(ToggleFullscreen{});
    if (ImGui::IsKeyPressed(GLFW_KEY_F5, false)) m_commands.push_back(TogglePresentation{});
    if (ImGui::IsKeyPressed(GLFW_KEY_H, false)) m_commands.push_back(ToggleHighContrast{});
    if (ImGui::IsKeyPressed(GLFW_KEY_F12, false)) m_commands.push_back(TakeScreenshot{});
    if (ImGui::IsKeyPressed(GLFW_KEY_B, false) && !io.KeyCtrl) m_commands.push_back(AddBookmark{});
    // PageDown/PageUp: what presentation clickers send.
    if (ImGui::IsKeyPressed(GLFW_KEY_PAGE_DOWN, false)) m_commands.push_back(GoToBookmark{m_bookmark + 1});
    if (ImGui::IsKeyPressed(GLFW_KEY_PAGE_UP, false)) m_commands.push_back(GoToBookmark{std::max(0, m_bookmark - 1)});
    if (ImGui::IsKeyPressed(GLFW_KEY_S, false) && io.KeyCtrl) m_commands.push_back(SaveScene{"", true});
  }
  for (int key = 0; key < 512 && !active; ++key) active = io.KeysDown[key];
  return active || io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 || ImGui::IsAnyMouseDown();
}

IncidentsView Viewer::incidentsView() {
  IncidentsView view;
  view.filter = &m_session.eventFilter();
  view.tool = m_tool;
  view.hovered = m_hoveredEvent;
  const SessionLayer* layer = m_session.incidentLayer();
  if (!layer) return view;
  const EventTable& table = *layer->data.events->table;
  view.table = &table;
  view.selection = layer->selection;
  view.selectionVersion = layer->filterEngine->version();
  view.importSummary = layer->data.events->importSummary;
  view.matching = m_session.matchingEvents();
  view.fatalities = m_session.matchingFatalities();
  // The timeline shows the other criteria's result over all dates, so a date range can be moved or widened.
  if (m_timelineTable != layer->data.events->table) {
    m_timelineTable = layer->data.events->table;
    m_timelineEngine = std::make_unique<EventFilterEngine>(table);
    m_timelineVersion = UINT64_MAX;
  }
  EventFilter undated = m_session.eventFilter();
  undated.fromDay.reset();
  undated.toDay.reset();
  const std::vector<uint32_t>& undatedEvents = m_timelineEngine->apply(undated);
  if (m_timelineEngine->version() != m_timelineVersion) {
    m_histogram = buildHistogram(table, undatedEvents);
    m_timelineVersion = m_timelineEngine->version();
  }
  view.timeline = &m_histogram;
  return view;
}

void Viewer::flyTo(Vec2 centre, double unitsPerPixel) {
  m_flight = Flight{m_view.centre(), centre, m_view.unitsPerPixel(), unitsPerPixel, glfwGetTime()};
}

bool Viewer::advanceFlight() {
  if (!m_flight) return false;
  constexpr double kSeconds = 0.8;
  const double t = std::min(1.0, (glfwGetTime() - m_flight->start) / kSeconds);
  const double eased = t * t * (3 - 2 * t);
  // Zoom moves in log space so the flight feels even whether it zooms in or out.
  const double units = std::exp(std::log(m_flight->fromUnits) + (std::log(m_flight->toUnits) - std::log(m_flight->fromUnits)) * eased);
  m_view = Viewport(m_flight->fromCentre + (m_flight->toCentre - m_flight->fromCentre) * eased, units, m_view.widthPx(), m_view.heightPx());
  if (t >= 1) m_flight.reset();
  return true;
}

void Viewer::pickRegionAt(Vec2 screen) {
  const Vec2 world = m_view.screenToWorld(screen);
  const auto& layers = m_session.layers();
  for (auto it = layers.rbegin(); it != layers.rend(); ++it) {  // the topmost polygon layer first
    if (!it->spec.visible || !it->data.vector) continue;
    const VectorData& data = *it->data.vector;
    for (const VectorData::PolygonFeature& feature : data.polygonFeatures) {
      RegionShape shape = regionOf(data, feature.firstRing, feature.ringCount, feature.name);
      if (!RegionIndex({shape}).containsAny(world)) continue;
      // Clicking a chosen region again removes it.
      EventFilter filter = m_session.eventFilter();
      auto chosen = std::find_if(filter.regions.begin(), filter.regions.end(), [&](const RegionShape& r) { return r.name == feature.name; });
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
  m_notifications.info("No polygon there: the region picker uses the visible polygon layers.");
}

void Viewer::addRectangleRegion(Vec2 a, Vec2 b) {
  // Densified edges: a rectangle on screen is a curved shape in lon/lat for most projections.
  RegionShape shape{"Rectangle", {{}}};
  const Vec2 corners[] = {{a.x, a.y}, {b.x, a.y}, {b.x, b.y}, {a.x, b.y}};
  for (int side = 0; side < 4; ++side)
    for (int step = 0; step < 16; ++step) {
      const Vec2 p = corners[side] + (corners[(side + 1) % 4] - corners[side]) * (step / 16.0);
      if (auto ll = m_session.toLonLat(m_view.screenToWorld(p))) shape.rings[0].push_back({ll->lon, ll->lat});
    }
  EventFilter filter = m_session.eventFilter();
  int n = 1;
  for (const RegionShape& r : filter.regions) n += r.name.rfind("Rectangle", 0) == 0;
  shape.name = "Rectangle " + std::to_string(n);
  filter.regions.push_back(std::move(shape));
  m_session.setEventFilter(std::move(filter));
}

void Viewer::handleMapTools(bool& interacting) {
  ImGuiIO& io = ImGui::GetIO();
  if (io.WantCaptureMouse) return;
  const float fbScale = io.DisplayFramebufferScale.x > 0 ? io.DisplayFramebufferScale.x : 1.0f;
  const Vec2 mouse{io.MousePos.x * fbScale, io.MousePos.y * fbScale};
  const bool clicked = ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3) &&
                       ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0).x == 0 && ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0).y == 0;
  if (m_tool == MapTool::PickRegion && clicked) pickRegionAt(mouse);
  if (m_tool == MapTool::DrawRectangle) {
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) m_rectangleStart = mouse;
    if (m_rectangleStart) {
      ImGui::GetForegroundDrawList()->AddRect(ImVec2(float(m_rectangleStart->x) / fbScale, float(m_rectangleStart->y) / fbScale),
                                              io.MousePos, IM_COL32(255, 200, 0, 255), 0, 0, 2);
      interacting = true;
      if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        if (std::abs(mouse.x - m_rectangleStart->x) > 4 && std::abs(mouse.y - m_rectangleStart->y) > 4) addRectangleRegion(*m_rectangleStart, mouse);
        m_rectangleStart.reset();
        m_tool = MapTool::Navigate;
      }
    }
    return;
  }
  // Hover a held place or an indicative zone (at the clock's time): what it is and where that comes from.
  bool controlShown = false;
  if (const auto clock = m_session.clock().time(); clock && !ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
    const Vec2 world = m_view.screenToWorld(mouse);
    const auto& layers = m_session.layers();
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {  // topmost first: a town's marker over its zone
      const SessionLayer& layer = *it;
      if (!layer.spec.visible || !layer.data.control || controlShown) continue;
      const auto& features = layer.data.control->load.features;
      for (size_t i = 0; i < features.size() && !controlShown; ++i) {
        const ControlFeature& f = features[i];
        if (!f.validAt(*clock)) continue;
        bool hit = false;
        if (f.isPoint) {
          const Vec2 p = m_view.worldToScreen(layer.data.control->positions[i]);
          hit = std::abs(p.x - mouse.x) <= 12 * m_contentScale && std::abs(p.y - mouse.y) <= 12 * m_contentScale;
        } else if (const auto& zone = layer.data.control->zones[i]) {
          hit = RegionIndex({regionOf(*zone, 0, uint32_t(zone->rings.size()), f.name)}).containsAny(world);
        }
        if (!hit) continue;
        controlShown = true;
        ImGui::SetTooltip("%s\n%s: %s\nfrom %s%s%s\nconfidence: %s\nsource: %s", f.name.c_str(), f.actor.c_str(),
                          controlStatusName(f.status), formatUtc(f.validFrom).c_str(), f.validTo ? " to " : " (still valid)",
                          f.validTo ? formatUtc(*f.validTo).c_str() : "", f.confidence.c_str(), f.source.c_str());
      }
    }
  }
  // Hover an incident: tooltip; click it: details.
  if (const SessionLayer* layer = m_session.incidentLayer(); layer && !controlShown) {
    const auto event = nearestEvent(layer->data.events->positions, *layer->selection, m_view, mouse, 10 * m_contentScale);
    if (event && !ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
      const EventTable& t = *layer->data.events->table;
      ImGui::SetTooltip("%s  %s\n%s\n%s, %s\n%d fatalities\n(click for details)", formatIsoDate(t.day[*event]).c_str(),
                        t.eventTypes.value(t.eventType[*event]).c_str(), t.subEventTypes.value(t.subEventType[*event]).c_str(),
                        std::string(t.location[*event]).c_str(), t.admin1Names.value(t.admin1[*event]).c_str(), t.fatalities[*event]);
      if (m_tool == MapTool::Navigate && clicked) {
        m_detailsEvent = event;
        m_detailsOpen = true;
      }
    }
  }
}

TimeView Viewer::timeView() {
  TimeView view;
  const SceneClock& clock = m_session.clock();
  view.clock = clock.time();
  view.playing = clock.playing();
  view.loop = clock.looping();
  view.secondsPerSecond = clock.speed();
  view.windowDays = clock.windowDays();
  view.follow = m_follow;
  view.riskDays = clock.riskDays();
  view.exportProgress = exportProgress();
  view.changes = &m_session.controlChanges();
  view.first = clock.extent().first;
  view.last = clock.extent().last;
  if (clock.extent().empty() && view.clock) view.first = view.last = *view.clock;
  if (!view.clock) return view;

  const auto& convoys = m_session.convoys();
  const auto risks = view.riskDays > 0 ? m_session.routeRisks(view.riskDays) : std::vector<std::vector<uint32_t>>{};
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
    status.status = trackStatusName(p.status);
    status.inferred = p.inferred && p.status != TrackStatus::NotStarted;
    status.alertKm = convoys[c].alertKm;
    const auto& waypoints = track.waypoints();
    if (p.status == TrackStatus::Moving || p.status == TrackStatus::Stopped) {
      status.leg = waypoints[p.leg].place + " → " + waypoints[p.leg + 1].place;
      status.legNote = waypoints[p.leg + 1].note;
    }
    const MapSession::PassedIncidents passed = m_session.incidentsPassed(c, *view.clock);
    for (const NearRoute& n : passed.near) {
      const EventTable& t = *passed.table;
      status.incidentsSoFar.push_back(formatIsoDate(t.day[n.index]) + " " + t.eventTypes.value(t.eventType[n.index]) + ", " +
                                      std::string(t.location[n.index]));
    }
    view.convoys.push_back(std::move(status));
  }
  return view;
}

bool Viewer::advanceClock() {
  const double now = glfwGetTime();
  const double dt = now - m_lastTick;
  m_lastTick = now;
  if (!m_session.clock().advance(dt)) return m_session.clock().playing();
  const UtcSeconds next = *m_session.clock().time();
  if (m_follow && !m_session.convoys().empty()) {
    const LoadedConvoy* followed = &m_session.convoys().front();
    for (const LoadedConvoy& c : m_session.convoys())
      if (c.track.name() == m_session.scene().selectedConvoy) followed = &c;
    if (auto p = m_session.toDisplay(followed->track.at(next).position))
      m_view = Viewport(*p, m_view.unitsPerPixel(), m_view.widthPx(), m_view.heightPx());
  }
  return true;
}

float Viewer::mapPixelScale() const {
  if (!m_presenting) return m_contentScale;
  // Readable from the back of the room: label text at least 1/60 of the screen height.
  return std::max(m_contentScale, float(m_view.heightPx()) / (60.0f * 13.0f));
}

MapFrame Viewer::currentFrame(const Viewport& view, float pixelScale) {
  MapFrame frame = m_session.frame(view, pixelScale, true);
  if (m_presenting) frame.furniture.northArrow = true;
  frame.highContrast = m_highContrast;
  if (m_bookmark >= 0 && size_t(m_bookmark) < m_session.bookmarks().size())
    frame.furniture.title = (frame.furniture.title.empty() ? "" : frame.furniture.title + " — ") + m_session.bookmarks()[size_t(m_bookmark)].name;
  if (const SessionLayer* layer = m_session.incidentLayer(); layer && (m_hoveredEvent || (m_detailsOpen && m_detailsEvent)))
    frame.highlight = MapFrame::Highlight{layer->rendererId, m_hoveredEvent ? *m_hoveredEvent : *m_detailsEvent};
  return frame;
}

void Viewer::saveScene(const SaveScene& command) {
  const std::string path = command.path.empty() ? m_scenePath : command.path;
  if (path.empty()) {
    m_notifications.error("This view came from files, not a scene: give a path under Map > Save as.");
    return;
  }
  const Status saved = saveSceneFile(path, m_session.currentScene(m_view), command.path.empty() || command.overwrite);
  if (!saved) {
    m_notifications.error(saved.error());
    return;
  }
  m_scenePath = path;
  rememberScene(path);
  m_notifications.info("Scene saved to " + path);
}

void Viewer::addBookmark() {
  Bookmark bookmark;
  bookmark.name = "Bookmark " + std::to_string(m_session.bookmarks().size() + 1);
  if (auto clock = m_session.clock().time()) bookmark.name += ", " + formatUtc(*clock);
  bookmark.view = m_session.sceneViewOf(m_view);
  bookmark.clock = m_session.clock().time();
  bookmark.filter = m_session.eventFilter();
  for (const SessionLayer& layer : m_session.layers()) bookmark.layerVisible[layer.spec.name] = layer.spec.visible;
  m_session.bookmarks().push_back(bookmark);
  m_notifications.info("Added " + bookmark.name + " (PageDown/PageUp replay the briefing)");
}

void Viewer::goToBookmark(int index) {
  auto& bookmarks = m_session.bookmarks();
  if (bookmarks.empty()) return;
  m_bookmark = std::clamp(index, 0, int(bookmarks.size()) - 1);
  const Bookmark& b = bookmarks[size_t(m_bookmark)];
  if (auto target = m_session.viewFor(b.view, m_view.widthPx(), m_view.heightPx())) flyTo(target->centre(), target->unitsPerPixel());
  if (b.clock) m_session.clock().setTime(*b.clock);
  m_session.setEventFilter(b.filter);
  for (SessionLayer& layer : m_session.layers())
    if (auto it = b.layerVisible.find(layer.spec.name); it != b.layerVisible.end()) layer.spec.visible = it->second;
}

void Viewer::takeScreenshot(double scale, const std::string& requestedPath) {
  // The same frame as the window (without the status bar), drawn offscreen at `scale` times its pixels:
  // what `sitmap render` draws for the same scene, view and size.
  // At a chosen size, the image shows what the window shows (widened to the size's shape, never cropped).
  const bool chosenSize = m_shot.width > 0 && m_shot.height > 0;
  const Viewport view =
      (chosenSize ? Viewport::fitting(m_view.visibleBounds(), m_shot.width, m_shot.height) : m_view).scaled(scale);
  MapFrame frame = currentFrame(view, float(scale) * mapPixelScale());
  frame.furniture.banner = m_shot.banner;
  frame.furniture.subtitle = m_shot.subtitle;
  TileReader reader;
  auto captured = ImageCapture().render(*m_renderer, m_session, reader, frame);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (!captured) {
    m_notifications.error("Screenshot: " + captured.error());
    return;
  }
  RgbaImage image = std::move(*captured);
  // sitmap-YYYYMMDD-HHMMSS.png in the current folder; -2, -3 ... rather than replacing anything.
  const std::time_t now = std::time(nullptr);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::gmtime(&now));
  std::string path = requestedPath.empty() ? std::string("sitmap-") + stamp + ".png" : requestedPath;
  for (int n = 2; requestedPath.empty() && std::filesystem::exists(path); ++n)
    path = std::string("sitmap-") + stamp + "-" + std::to_string(n) + ".png";
  // Provenance: the scene exactly as it stands (layers, filter, clock, view) travels inside the image.
  PngTextChunks provenance = {{"Software", "sitmap (viewer screenshot)"},
                              {"Source", m_scenePath},
                              {"Scene", sceneToJson(m_session.currentScene(m_view), std::filesystem::current_path().string())}};
  if (auto clock = m_session.clock().time()) provenance.push_back({"Clock", formatUtc(*clock)});
  const std::string absolute = std::filesystem::absolute(path).string();
  // Encoding runs off the main thread so the map keeps moving; a notification says where the file went.
  m_screenshots.push_back(std::async(std::launch::async, [image = std::move(image), absolute, provenance]() -> Status {
    auto written = writePngFile(absolute, image, false, provenance);
    if (!written) return written;
    return success();
  }));
  m_notifications.info("Saving screenshot " + absolute + " ...");
}

void Viewer::startExport(const ExportFrames& command) {
  if (m_export) return;
  // The child renders what the window shows: the scene as it stands, saved to a temporary file.
  Export job;
  job.output = std::filesystem::absolute(command.output).string();
  job.toVideo = std::filesystem::path(job.output).extension() == ".mp4";
  job.sceneFile = (std::filesystem::temp_directory_path() / ("sitmap-export-" + std::to_string(::getpid()) + ".json")).string();
  if (Status saved = saveSceneFile(job.sceneFile, m_session.currentScene(m_view), true); !saved) {
    m_notifications.error(saved.error());
    return;
  }
  job.frames = (command.to - command.from) / command.step + 1;
  const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  const std::string size = std::to_string(m_view.widthPx()) + "x" + std::to_string(m_view.heightPx());
  const std::vector<std::string> args = {self, "frames", job.sceneFile, "--from", formatUtc(command.from), "--to", formatUtc(command.to),
                                         "--step", std::to_string(command.step), "--size", size, "-o", job.output,
                                         "--fps", "10"};
  const pid_t pid = fork();
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGTERM);  // the export ends with the viewer, however the viewer ends
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(self.c_str(), argv.data());
    _exit(127);
  }
  if (pid < 0) {
    m_notifications.error("Cannot start the export");
    return;
  }
  job.pid = pid;
  m_export = job;
  m_notifications.info("Exporting " + std::to_string(job.frames) + " frames to " + job.output);
}

std::optional<float> Viewer::exportProgress() {
  if (!m_export) return std::nullopt;
  int status = 0;
  if (waitpid(m_export->pid, &status, WNOHANG) == m_export->pid) {
    const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (ok) m_notifications.info("Animation written to " + m_export->output);
    else m_notifications.error("The animation export stopped (" + m_export->output + ")");
    std::filesystem::remove(m_export->sceneFile);
    m_export.reset();
    return std::nullopt;
  }
  if (m_export->toVideo) return 0.5f;  // ffmpeg's progress is not visible from here
  std::error_code ec;
  size_t written = 0;
  for (const auto& entry : std::filesystem::directory_iterator(m_export->output, ec)) written += entry.path().extension() == ".png";
  return float(written) / float(std::max<int64_t>(1, m_export->frames));
}

namespace {
std::filesystem::path recentScenesFile() {
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home ? home : ".") / ".config" / "sitmap" / "recent-scenes";
}
}  // namespace

void Viewer::rememberScene(const std::string& path) {
  if (m_recentScenes.empty()) {
    std::ifstream in(recentScenesFile());
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) m_recentScenes.push_back(line);
  }
  if (path.empty()) return;
  const std::string absolute = std::filesystem::absolute(path).lexically_normal().string();
  m_recentScenes.erase(std::remove(m_recentScenes.begin(), m_recentScenes.end(), absolute), m_recentScenes.end());
  m_recentScenes.insert(m_recentScenes.begin(), absolute);
  if (m_recentScenes.size() > 10) m_recentScenes.resize(10);
  std::string text;
  for (const std::string& p : m_recentScenes) text += p + "\n";
  std::error_code ec;
  std::filesystem::create_directories(recentScenesFile().parent_path(), ec);
  (void)writeFileAtomically(recentScenesFile().string(), std::vector<uint8_t>(text.begin(), text.end()), true);
}

void Viewer::openScene(const std::string& path) {
  if (!isSceneFile(path)) {
    m_notifications.error(path + ": not a sitmap scene (no \"sitmap_scene\" key); add data files under Layers");
    return;
  }
  std::vector<std::string> warnings;
  auto scene = loadSceneFile(path, &warnings);
  if (!scene) {
    m_notifications.error(scene.error());
    return;
  }
  for (const std::string& warning : warnings) m_notifications.error(warning);
  auto next = MapSession::create(std::move(*scene));
  if (!next) {
    m_notifications.error(next.error());
    return;
  }
  for (const SessionLayer& layer : m_session.layers())
    if (layer.rendererId) m_renderer->removeLayer(layer.rendererId);
  m_loads.clear();
  m_session = std::move(*next);
  m_scenePath = path;
  m_fitPending = true;
  m_bookmark = -1;
  m_tileErrorsShown.clear();
  for (const std::string& error : m_session.convoyErrors()) m_notifications.error(error);
  startLoads();
  rememberScene(path);
  glfwSetWindowTitle(m_window, ("sitmap — " + (m_session.scene().title.empty() ? path : m_session.scene().title)).c_str());
}

int Viewer::run() {
  if (m_screenshotAndQuit.empty()) rememberScene(m_scenePath);  // a scripted screenshot leaves no trace in the list
  for (const std::string& error : m_session.convoyErrors()) m_notifications.error(error);
  startLoads();
  int activeFrames = 2;
  while (!glfwWindowShouldClose(m_window) && !g_stopRequested) {
    // Tiles that failed stay missing; they must not keep the loop spinning, so only pending work counts.
    const bool busy = !m_loads.empty() || !m_tiles.idle() || activeFrames > 0 || m_session.clock().playing() || m_export.has_value();
    // Idle: sleep until an event (or a slow tick for clocks and fades); busy: full rate, paced by vsync.
    if (busy) glfwPollEvents();
    else glfwWaitEventsTimeout(0.5);
    const auto frameStart = std::chrono::steady_clock::now();

    bool active = collectLoads();
    active = collectTiles() || active;
    int fbw = 0, fbh = 0;
    glfwGetFramebufferSize(m_window, &fbw, &fbh);
    if (fbw != m_view.widthPx() || fbh != m_view.heightPx()) {
      m_view.resize(fbw, fbh);
      active = true;
    }

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    const bool ticking = advanceClock();
    bool interacting = m_tool == MapTool::DrawRectangle ? false : handleInput();
    handleMapTools(interacting);
    active = advanceFlight() || ticking || active || interacting;
    std::vector<std::string> bookmarkNames;
    for (const Bookmark& b : m_session.bookmarks()) bookmarkNames.push_back(b.name);
    if (!m_presenting) m_layersPanel.draw(layerRows(), m_commands);
    if (m_crsNameFor != m_session.displayCrs()) {  // describing a CRS parses it: once per change, not per frame
      m_crsNameFor = m_session.displayCrs();
      m_crsName = describeCrs(*crsToWkt(m_crsNameFor));
    }
    const std::string& crsName = m_crsName;
    if (!m_presenting) m_mapPanel.draw(m_session.displayCrs(), crsName, bookmarkNames, m_recentScenes, m_commands);
    StatusInfo status;
    const ImGuiIO& io = ImGui::GetIO();
    const float fbScale = io.DisplayFramebufferScale.x > 0 ? io.DisplayFramebufferScale.x : 1.0f;
    if (!io.WantCaptureMouse && ImGui::IsMousePosValid()) {
      if (auto p = m_session.toLonLat(m_view.screenToWorld({io.MousePos.x * fbScale, io.MousePos.y * fbScale}))) {
        status.cursorDegrees = formatDecimalDegrees(*p);
        status.cursorMgrs = formatMgrs(*p);
      }
    }
    status.scaleDenominator = m_view.scaleDenominator() * m_contentScale;
    status.crsName = crsName;
    const float statusHeight = m_presenting ? 0.0f : ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y * 2;
    const IncidentsView incidents = incidentsView();
    if (!m_presenting) {  // presentation mode: the map alone, driven from the keyboard
      drawStatusBar(status, statusHeight);
      m_filtersPanel.draw(incidents, m_commands);
      m_timelinePanel.draw(incidents, statusHeight, m_commands);
      m_tablePanel.draw(incidents, m_commands);
      m_summaryPanel.draw(incidents);
      const TimeView time = timeView();
      m_clockPanel.draw(time, m_commands);
      drawConvoyPanel(time, m_commands);
      // Flag each incident near the route as the convoy reaches it.
      m_incidentsPassed.resize(time.convoys.size(), SIZE_MAX);
      for (size_t c = 0; c < time.convoys.size(); ++c) {
        const auto& passed = time.convoys[c].incidentsSoFar;
        if (m_incidentsPassed[c] != SIZE_MAX && m_session.clock().playing())
          for (size_t k = m_incidentsPassed[c]; k < passed.size(); ++k) m_notifications.info(time.convoys[c].name + " reaches: " + passed[k]);
        m_incidentsPassed[c] = passed.size();
      }
    }
    for (auto it = m_screenshots.begin(); it != m_screenshots.end();) {
      if (it->wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
        ++it;
        continue;
      }
      const Status saved = it->get();
      if (saved) m_notifications.info("Screenshot saved.");
      else m_notifications.error(saved.error());
      it = m_screenshots.erase(it);
    }
    if (m_detailsOpen && m_detailsEvent && incidents.table) drawEventDetails(*incidents.table, *m_detailsEvent, m_detailsOpen);
    active = m_notifications.draw(ImGui::GetTime()) || active;
    std::vector<Command> commands;
    commands.swap(m_commands);
    for (const Command& command : commands) {
      apply(command);
      active = true;
    }
    ImGui::Render();

    if (fbw > 0 && fbh > 0) {
      glBindFramebuffer(GL_FRAMEBUFFER, 0);
      m_session.updateSelections(*m_renderer);
      MapFrame frame = currentFrame(m_view, mapPixelScale());
      frame.furniture.bottomInsetPx = statusHeight * fbScale;
      const RenderReport report = m_renderer->render(frame);
      const bool missingChanged = report.missingTiles.size() != m_lastMissing.size() ||
                                  !std::equal(report.missingTiles.begin(), report.missingTiles.end(), m_lastMissing.begin(),
                                              [](const MissingTile& a, const MissingTile& b) { return a.layer == b.layer && a.key == b.key; });
      if (missingChanged) m_tiles.request(tileRequests(m_session, report.missingTiles));
      m_lastMissing = report.missingTiles;
    }
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(m_window);
    if (interacting) m_frameStats.add(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - frameStart).count());
    activeFrames = active ? 3 : std::max(0, activeFrames - 1);
    // --screenshot: once nothing is loading and the frame has settled, save it and quit.
    if (!m_screenshotAndQuit.empty() && m_loads.empty() && !m_fitPending && m_tiles.idle() && m_lastMissing.empty() &&
        activeFrames == 0) {
      takeScreenshot(1, m_screenshotAndQuit);
      m_screenshotAndQuit.clear();
      int exitCode = 0;
      for (auto& job : m_screenshots) exitCode = job.get() ? exitCode : 2;
      m_screenshots.clear();
      return exitCode;
    }
  }
  if (m_export) {  // closing the viewer stops an unfinished export rather than leaving it running unseen
    kill(m_export->pid, SIGTERM);
    waitpid(m_export->pid, nullptr, 0);
    std::filesystem::remove(m_export->sceneFile);
  }
  return 0;
}

}  // namespace

int runViewer(Scene scene, const ViewerOptions& options) {
  std::signal(SIGINT, [](int) { g_stopRequested = true; });
  std::signal(SIGTERM, [](int) { g_stopRequested = true; });
  glfwSetErrorCallback([](int, const char* message) { std::fprintf(stderr, "sitmap: window system: %s\n", message); });
  if (!glfwInit()) {
    std::fprintf(stderr, "sitmap: no display available; use `sitmap render ... -o map.png` to render headless\n");
    return 2;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  const std::string title = scene.title.empty() ? "sitmap" : "sitmap — " + scene.title;
  GLFWwindow* window = glfwCreateWindow(options.windowWidth, options.windowHeight, title.c_str(), nullptr, nullptr);
  if (!window) {
    glfwTerminate();
    std::fprintf(stderr, "sitmap: cannot open a GL 3.3 window; use `sitmap render` to render headless\n");
    return 2;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(glfwGetProcAddress))) {
    std::fprintf(stderr, "sitmap: cannot load OpenGL 3.3\n");
    return 2;
  }
  float xscale = 1, yscale = 1;
  glfwGetWindowContentScale(window, &xscale, &yscale);
  const float contentScale = std::max(1.0f, xscale);

  int status = 0;
  {
    auto session = MapSession::create(std::move(scene));
    auto renderer = MapRenderer::create();
    if (!session || !renderer) {
      std::fprintf(stderr, "sitmap: %s\n", (!session ? session.error() : renderer.error()).c_str());
      status = 2;
    } else {
      IMGUI_CHECKVERSION();
      ImGui::CreateContext();
      ImGuiIO& io = ImGui::GetIO();
      io.IniFilename = nullptr;  // panel layout is not persisted between runs (yet)
      static const ImWchar latinRanges[] = {0x0020, 0x017F, 0x2010, 0x2027, 0x2190, 0x2193, 0};  // Latin, dashes, arrows
      const float fontSize = 15.0f * contentScale;
      const char* font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
      if (std::filesystem::exists(font)) io.Fonts->AddFontFromFileTTF(font, fontSize, nullptr, latinRanges);
      ImGui::StyleColorsDark();
      ImGui::GetStyle().ScaleAllSizes(contentScale);
      ImGui_ImplGlfw_InitForOpenGL(window, true);
      ImGui_ImplOpenGL3_Init("#version 330");
      {
        Viewer viewer(window, std::move(*session), std::move(*renderer), contentScale, options);
        glfwSetWindowUserPointer(window, &viewer);
        glfwSetDropCallback(window, [](GLFWwindow* w, int count, const char** paths) {
          static_cast<Viewer*>(glfwGetWindowUserPointer(w))->dropFiles(count, paths);
        });
        status = viewer.run();
        glfwSetDropCallback(window, nullptr);
      }
      ImGui_ImplOpenGL3_Shutdown();
      ImGui_ImplGlfw_Shutdown();
      ImGui::DestroyContext();
    }
  }
  glfwDestroyWindow(window);
  glfwTerminate();
  return status;
}

}  // namespace sitmap
