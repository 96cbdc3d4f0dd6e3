// The headless render path: load, upload, render until no tile is missing, read back.
#include "app/headless_render.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <future>

#include "app/map_session.hpp"
#include "app/tile_loading.hpp"
#include "io/source_open.hpp"
#include "render/headless_context.hpp"
#include "render/offscreen_target.hpp"

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

Result<RgbaImage> renderScene(Scene scene, const RenderOptions& options) {
  PhaseTimer timer;
  if (options.crs) scene.crs = *options.crs;
  auto session = MapSession::create(std::move(scene));
  if (!session) return Error{session.error()};
  // Layers load on a worker thread while this one sets up GL: the two take about as long as each other.
  auto loading = std::async(std::launch::async, [&]() -> Status {
    DatasetCache cache;
    for (SessionLayer& layer : session->layers()) {
      auto loaded = loadLayerData(layer.spec, session->displayCrs(), &cache);
      if (!loaded) return Error{loaded.error()};
      session->finishLoad(layer.uid, std::move(loaded));
    }
    return success();
  });
  auto context = HeadlessContext::create();
  if (!context) return Error{context.error()};
  const int outWidth = int(std::lround(options.width * options.scale));
  const int outHeight = int(std::lround(options.height * options.scale));
  auto target = OffscreenTarget::create(outWidth, outHeight);
  if (!target) return Error{target.error()};
  auto renderer = MapRenderer::create();
  if (!renderer) return Error{renderer.error()};
  timer.lap("gl setup");
  if (Status loaded = loading.get(); !loaded) return Error{loaded.error()};
  timer.lap("load");
  if (options.eventFilter) session->setEventFilter(*options.eventFilter);
  if (options.time) session->setClock(*options.time);
  if (options.windowDays) session->setEventWindowDays(*options.windowDays);
  session->syncRenderer(**renderer);

  Bbox box = session->homeBounds();
  if (options.bboxLonLat) {
    box = Bbox{};
    for (double lon : {options.bboxLonLat->minX, options.bboxLonLat->maxX})
      for (double lat : {options.bboxLonLat->minY, options.bboxLonLat->maxY})
        if (auto p = session->toDisplay({lon, lat})) box.expand(*p);
    if (!box.valid()) return Error{"--bbox cannot be shown in " + session->displayCrs()};
  }
  const Viewport view = Viewport::fitting(box, options.width, options.height).scaled(options.scale);
  const MapFrame frame = session->frame(view, float(options.scale), options.furniture);

  TileReader reader;
  target->bind();
  // Raster layers report the tiles they lack; read them here, then draw again with everything in place.
  for (int pass = 0; pass < 3; ++pass) {
    const RenderReport report = (*renderer)->render(frame);
    if (report.missingTiles.empty()) break;
    for (const TileRequest& request : tileRequests(*session, report.missingTiles)) {
      auto image = reader.read(request);
      if (!image) return Error{image.error()};
      (*renderer)->addTile(request.layer, request.key, *image);
    }
  }
  timer.lap("draw");
  RgbaImage image = target->read();
  timer.lap("read");
  return image;
}

}  // namespace sitmap
