// The headless render path: load, upload, render until no tile is missing, read back.
#include "app/headless_render.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <future>

#include "app/image_capture.hpp"
#include "app/map_session.hpp"
#include "app/tile_loading.hpp"
#include "core/civil_date.hpp"
#include "core/symbology.hpp"
#include "core/text.hpp"
#include "core/utc_time.hpp"
#include "io/source_open.hpp"
#include "render/headless_context.hpp"

namespace sitmap {

namespace {

// SITMAP_TIMING=1 prints how long each phase took, for benchmarks and profiling.
class PhaseTimer {
public:
  PhaseTimer() : m_enabled(std::getenv("SITMAP_TIMING") != nullptr), m_last(std::chrono::steady_clock::now()) {}
  void lap(const char* phase) {
    if (!m_enabled) return;
    const auto now = std::chrono::steady_clock::now();
    std::fprintf(stderr, "sitmap: %-8s %7.1f ms\n", phase, std::chrono::duration<double, std::milli>(now - m_last).count());
    m_last = now;
  }

private:
  bool m_enabled;
  std::chrono::steady_clock::time_point m_last;
};

}  // namespace

struct HeadlessMap::State {
  std::unique_ptr<MapSession> session;
  std::unique_ptr<HeadlessContext> context;
  ImageCapture capture;
  std::unique_ptr<MapRenderer> renderer;
  TileReader reader;
  Viewport view;
  RenderOptions options;
  std::string title, caption;  // of the last image
};

HeadlessMap::HeadlessMap() = default;
HeadlessMap::HeadlessMap(HeadlessMap&&) noexcept = default;
HeadlessMap::~HeadlessMap() = default;

Result<HeadlessMap> HeadlessMap::open(Scene scene, const RenderOptions& options) {
  PhaseTimer timer;
  if (options.crs) scene.crs = *options.crs;
  auto session = MapSession::create(std::move(scene));
  if (!session) return Error{session.error()};
  HeadlessMap map;
  map.m_state = std::make_unique<State>();
  State& state = *map.m_state;
  state.session = std::make_unique<MapSession>(std::move(*session));
  state.options = options;
  MapSession& s = *state.session;
  // Layers load on a worker thread while this one sets up GL: the two take about as long as each other.
  // What the image can show, known before loading: --bbox, or the scene's home box when no bookmark or saved view
  // takes the view elsewhere. Widened generously: the image's aspect widens the box, and a feature just outside
  // still draws its edge or its label into view.
  std::optional<Bbox> interest;
  if (options.bboxLonLat) interest = options.bboxLonLat;
  else if (options.bookmark.empty() && !s.scene().view && s.scene().homeLonLat) interest = s.scene().homeLonLat;
  if (interest && interest->minX > interest->maxX) interest.reset();  // across the antimeridian: read everything
  if (interest) {
    const double w = interest->width(), h = interest->height(), side = std::max(w, h);
    interest = Bbox{std::max(-180.0, interest->minX - side), std::max(-90.0, interest->minY - side),
                    std::min(180.0, interest->maxX + side), std::min(90.0, interest->maxY + side)};
  }
  // The filter the image will apply, so a database sends only the incidents it may keep.
  ReadScope scope{interest, s.eventFilter(), nullptr};
  if (options.eventFilter) scope.eventFilter = options.eventFilter;
  else
    for (const Bookmark& b : s.bookmarks())
      if (!options.bookmark.empty() && b.name == options.bookmark) scope.eventFilter = b.filter;
  auto loading = std::async(std::launch::async, [&]() -> Status {
    DatasetCache cache;
    for (SessionLayer& layer : s.layers()) {
      auto loaded = openLayer(layer.spec, s.displayCrs(), &cache, {}, scope);
      if (!loaded) return Error{loaded.error()};
      s.finishLoad(layer.uid, std::move(loaded));
    }
    return success();
  });
  auto context = HeadlessContext::create();
  if (!context) return Error{context.error()};
  state.context = std::move(*context);
  auto renderer = MapRenderer::create();
  if (!renderer) return Error{renderer.error()};
  state.renderer = std::move(*renderer);
  timer.lap("gl setup");
  if (Status loaded = loading.get(); !loaded) return Error{loaded.error()};
  timer.lap("load");
  for (const SessionLayer& layer : s.layers())  // what a reader decided, said where nobody sees the panel
    if (const RasterInfo* raster = layer.raster(); raster && !raster->note.empty())
      std::fprintf(stderr, "sitmap: %s: %s\n", maskCredentials(layer.spec.path).c_str(), raster->note.c_str());
  if (!s.convoyErrors().empty()) return Error{s.convoyErrors().front()};
  const Bookmark* bookmark = nullptr;
  if (!options.bookmark.empty()) {
    for (const Bookmark& b : s.bookmarks())
      if (b.name == options.bookmark) bookmark = &b;
    if (!bookmark) return Error{"no bookmark named '" + options.bookmark + "' in the scene"};
    if (bookmark->clock) s.clock().setTime(*bookmark->clock);
    s.setEventFilter(bookmark->filter);
    for (SessionLayer& layer : s.layers())
      if (auto it = bookmark->layerVisible.find(layer.spec.name); it != bookmark->layerVisible.end()) layer.spec.visible = it->second;
  }
  if (options.eventFilter) s.setEventFilter(*options.eventFilter);
  if (options.graticule) s.setGraticule(true);
  if (options.time) s.clock().setTime(*options.time);
  if (options.windowDays) s.clock().setWindowDays(*options.windowDays);
  s.syncRenderer(*state.renderer);

  Bbox box = s.homeBounds();
  if (options.bboxLonLat) {
    box = Bbox{};
    for (double lon : {options.bboxLonLat->minX, options.bboxLonLat->maxX})
      for (double lat : {options.bboxLonLat->minY, options.bboxLonLat->maxY})
        if (auto p = s.toDisplay({lon, lat})) box.expand(*p);
    if (!box.valid()) return Error{"--bbox cannot be shown in " + s.displayCrs()};
  }
  // Sized to the output: beyond 1920 x 1080 an image is that picture in more pixels (a 3840 x 2160 render is the
  // 1080p map at 2x, text and lines included), not a wider view in small type; --scale multiplies on top.
  const double fit = std::max(1.0, std::min(options.width / 1920.0, options.height / 1080.0));
  const int logicalWidth = int(std::lround(options.width / fit)), logicalHeight = int(std::lround(options.height / fit));
  state.options.scale = options.scale * fit;
  state.view = Viewport::fitting(box, logicalWidth, logicalHeight).scaled(state.options.scale);
  // A bookmark's view, else a scene saved at a view, reopens there (unless --bbox says otherwise).
  const std::optional<SceneView> savedView = bookmark ? std::optional(bookmark->view) : s.scene().view;
  if (!options.bboxLonLat && savedView)
    if (auto saved = s.viewFor(*savedView, logicalWidth, logicalHeight)) state.view = saved->scaled(state.options.scale);
  // Exactly the pixels asked for (a fit that is not a whole number can round the scaled size by one).
  state.view = Viewport(state.view.centre(), state.view.unitsPerPixel(), int(std::lround(options.width * options.scale)),
                        int(std::lround(options.height * options.scale)));
  return map;
}

MapSession& HeadlessMap::session() { return *m_state->session; }

Result<RgbaImage> HeadlessMap::render() {
  PhaseTimer timer;
  State& state = *m_state;
  // Layers changed since the last image (a restyled raster) are uploaded again; the rest is kept.
  state.session->syncRenderer(*state.renderer);
  MapFrame frame = state.session->frame(state.view, float(state.options.scale), state.options.furniture);
  if (state.options.furniture) {
    if (state.options.title) frame.furniture.title = *state.options.title;
    if (!state.options.subtitle.empty()) frame.furniture.subtitle = state.options.subtitle;
    frame.furniture.banner = state.options.banner;
    frame.furniture.northArrow = state.options.northArrow;
    if (!state.options.author.empty())
      frame.furniture.notes.push_back("Map: " + state.options.author + ", " + formatShortDate(dayOf(UtcSeconds(std::time(nullptr))), true));
    if (state.options.disclaimer) frame.furniture.notes.push_back(symbology::kBoundaryDisclaimer);
  }
  frame.highContrast = state.options.highContrast;
  state.title = frame.furniture.title;
  state.caption = frame.furniture.subtitle;
  auto image = state.capture.render(*state.renderer, *state.session, state.reader, frame);
  timer.lap("draw");
  return image;
}

const std::string& HeadlessMap::title() const { return m_state->title; }
const std::string& HeadlessMap::caption() const { return m_state->caption; }

Result<RgbaImage> renderScene(Scene scene, const RenderOptions& options, std::string* title, std::string* caption) {
  auto map = HeadlessMap::open(std::move(scene), options);
  if (!map) return Error{map.error()};
  auto image = map->render();
  if (title) *title = map->title();
  if (caption) *caption = map->caption();
  return image;
}

}  // namespace sitmap
