// Map benchmarks: frame time of the default scene while panning, a 20000 x 20000 GeoTIFF (synthetic, made on
// first use under $TMPDIR/sitmap-bench) opened and first viewed with and without overviews, frame time while
// panning it, and PNG encoding at 4K. All headless on EGL; numbers are wall time per iteration.
#include <benchmark/benchmark.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <cstdlib>
#include <filesystem>

#include "app/map_session.hpp"
#include "app/headless_render.hpp"
#include "app/tile_loading.hpp"
#include "io/gdal_session.hpp"
#include "io/png_file.hpp"
#include "io/scene_file.hpp"
#include "render/gl.hpp"
#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"

using namespace sitmap;
namespace fs = std::filesystem;

namespace {

// One GL context for the whole run (EGL surfaceless).
HeadlessContext& context() {
  static auto created = HeadlessContext::create();
  if (!created) throw std::runtime_error(created.error());
  return **created;
}

// The scene the default-scene benchmarks draw; SITMAP_BENCH_SCENE points them at another one.
std::string benchScenePath() {
  const char* other = std::getenv("SITMAP_BENCH_SCENE");
  return other ? other : std::string(SITMAP_SOURCE_DIR) + "/assets/scenes/default.json";
}

struct LoadedScene {
  std::unique_ptr<MapSession> session;
  std::unique_ptr<MapRenderer> renderer;
};

LoadedScene loadScene(Scene scene) {
  context();
  auto session = MapSession::create(std::move(scene));
  if (!session) throw std::runtime_error(session.error());
  LoadedScene loaded{std::make_unique<MapSession>(std::move(*session)), nullptr};
  for (SessionLayer& layer : loaded.session->layers()) {
    auto data = openLayer(layer.spec, loaded.session->displayCrs());
    if (!data) throw std::runtime_error(data.error());
    loaded.session->finishLoad(layer.uid, std::move(data));
  }
  auto renderer = MapRenderer::create();
  if (!renderer) throw std::runtime_error(renderer.error());
  loaded.renderer = std::move(*renderer);
  loaded.session->syncRenderer(*loaded.renderer);
  return loaded;
}

void loadMissingTiles(LoadedScene& scene, TileReader& reader, const std::vector<MissingTile>& missing) {
  for (const TileRequest& request : tileRequests(*scene.session, missing)) {
    auto image = reader.read(request);
    if (!image) throw std::runtime_error(image.error());
    scene.renderer->addTile(request.layer, request.key, *image);
  }
}

// A frame while the user drags the default scene: 8 px further each iteration, everything drawn.
void BM_DefaultSceneFrame(benchmark::State& state) {
  const int w = int(state.range(0)), h = int(state.range(1));
  auto scene = loadSceneFile(benchScenePath());
  LoadedScene loaded = loadScene(std::move(*scene));
  auto target = OffscreenTarget::create(w, h);
  target->bind();
  Viewport view = Viewport::fitting(loaded.session->homeBounds(), w, h);
  for (auto _ : state) {
    view.panPixels(8, 3);
    loaded.renderer->render(loaded.session->frame(view, 1, true));
    glFinish();
  }
  state.SetLabel("ms per frame, panning");
}
BENCHMARK(BM_DefaultSceneFrame)->Args({1920, 1080})->Args({3840, 2160})->Unit(benchmark::kMillisecond)->UseRealTime();

// The synthetic 20000 x 20000 RGB GeoTIFF (tiled, uncompressed, ~1.2 GB), with or without overviews.
std::string largeRaster(bool overviews) {
  ensureGdal();
  const fs::path folder = fs::temp_directory_path() / "sitmap-bench";
  fs::create_directories(folder);
  const fs::path path = folder / (overviews ? "synthetic-20000-ovr.tif" : "synthetic-20000.tif");
  if (fs::exists(path)) return path.string();
  const int size = 20000;
  const char* options[] = {"TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "BIGTIFF=YES", "INTERLEAVE=PIXEL", nullptr};
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
  const std::string temp = path.string() + ".tmp";
  GDALDatasetUniquePtr ds(driver->Create(temp.c_str(), size, size, 3, GDT_Byte, const_cast<char**>(options)));
  // 20000 px over 10 degrees of northern Mali (6W..4E, 13..23N), in EPSG:4326.
  double gt[6] = {-6, 10.0 / size, 0, 23, 0, -10.0 / size};
  ds->SetGeoTransform(gt);
  OGRSpatialReference srs;
  srs.importFromEPSG(4326);
  ds->SetSpatialRef(&srs);
  std::vector<uint8_t> rows(size_t(size) * 256 * 3);
  for (int y0 = 0; y0 < size; y0 += 256) {
    const int n = std::min(256, size - y0);
    for (int y = 0; y < n; ++y)
      for (int x = 0; x < size; ++x) {
        uint8_t* p = &rows[(size_t(y) * size + x) * 3];
        p[0] = uint8_t((x / 50) * 7), p[1] = uint8_t(((y0 + y) / 50) * 5), p[2] = uint8_t(((x ^ (y0 + y)) >> 4));
      }
    if (ds->RasterIO(GF_Write, 0, y0, size, n, rows.data(), size, n, GDT_Byte, 3, nullptr, 3, size_t(size) * 3, 1, nullptr) != CE_None)
      throw std::runtime_error("cannot write the synthetic raster");
  }
  if (overviews) {
    int levels[] = {2, 4, 8, 16, 32, 64, 128};
    if (ds->BuildOverviews("AVERAGE", 7, levels, 0, nullptr, nullptr, nullptr) != CE_None)
      throw std::runtime_error("cannot build overviews");
  }
  ds.reset();
  fs::rename(temp, path);
  return path.string();
}

// Open the raster and draw the first full view (all tiles read), as the viewer would on open.
void BM_LargeRasterFirstView(benchmark::State& state) {
  const bool overviews = state.range(0) != 0;
  const std::string path = largeRaster(overviews);
  for (auto _ : state) {
    LoadedScene loaded = loadScene(sceneForFiles({path}));
    auto target = OffscreenTarget::create(1920, 1080);
    target->bind();
    const Viewport view = Viewport::fitting(loaded.session->homeBounds(), 1920, 1080);
    TileReader reader;
    const RenderReport first = loaded.renderer->render(loaded.session->frame(view, 1, false));
    loadMissingTiles(loaded, reader, first.missingTiles);
    loaded.renderer->render(loaded.session->frame(view, 1, false));
    glFinish();
    state.counters["tiles"] = double(first.missingTiles.size());
  }
  state.SetLabel(overviews ? "with overviews" : "without overviews");
}
BENCHMARK(BM_LargeRasterFirstView)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// Frames while panning the large raster zoomed to 1:1: each frame draws what is cached (coarser tiles stand in);
// newly exposed tiles load off the frame, as the viewer's tile thread does. Measures the frame only.
void BM_LargeRasterPanFrame(benchmark::State& state) {
  LoadedScene loaded = loadScene(sceneForFiles({largeRaster(true)}));
  auto target = OffscreenTarget::create(1920, 1080);
  target->bind();
  const Bbox home = loaded.session->homeBounds();
  const RasterInfo& info = *loaded.session->layers()[0].raster();
  Viewport view(home.centre(), info.displayUnitsPerPixel, 1920, 1080);
  TileReader reader;
  // Start with the coarsest tile and the first view's tiles in the cache, as after opening.
  loadMissingTiles(loaded, reader, {{loaded.session->layers()[0].rendererId, {TileGrid(info.displayExtent, info.displayUnitsPerPixel).maxLevel(), 0, 0}}});
  loadMissingTiles(loaded, reader, loaded.renderer->render(loaded.session->frame(view, 1, false)).missingTiles);
  size_t tilesLoaded = 0;
  for (auto _ : state) {
    view.panPixels(40, 10);
    const RenderReport report = loaded.renderer->render(loaded.session->frame(view, 1, false));
    glFinish();
    state.PauseTiming();
    loadMissingTiles(loaded, reader, report.missingTiles);
    tilesLoaded += report.missingTiles.size();
    state.ResumeTiming();
  }
  state.counters["tiles_per_frame"] = benchmark::Counter(double(tilesLoaded), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_LargeRasterPanFrame)->Unit(benchmark::kMillisecond)->UseRealTime();

// Reading one 256 x 256 tile at native resolution: the tile thread's unit of work.
void BM_LargeRasterTileRead(benchmark::State& state) {
  const std::string path = largeRaster(true);
  LoadedScene loaded = loadScene(sceneForFiles({path}));
  const RasterInfo& info = *loaded.session->layers()[0].raster();
  const TileGrid grid(info.displayExtent, info.displayUnitsPerPixel);
  TileReader reader;
  int col = 0;
  for (auto _ : state) {
    TileRequest request{loaded.session->layers()[0].rendererId, path, "EPSG:3857", {}, grid, {0, 20 + col++ % 30, 40}};
    benchmark::DoNotOptimize(reader.read(request));
  }
}
BENCHMARK(BM_LargeRasterTileRead)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_PngEncode4K(benchmark::State& state) {
  auto scene = loadSceneFile(benchScenePath());
  LoadedScene loaded = loadScene(std::move(*scene));
  auto target = OffscreenTarget::create(3840, 2160);
  target->bind();
  loaded.renderer->render(loaded.session->frame(Viewport::fitting(loaded.session->homeBounds(), 3840, 2160), 2, true));
  const RgbaImage image = target->read();
  for (auto _ : state) benchmark::DoNotOptimize(encodePng(image));
}
BENCHMARK(BM_PngEncode4K)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace



namespace {

// A report screenshot: the default scene drawn, read back and encoded to PNG, as F12 or sitmap render do.
void BM_Screenshot(benchmark::State& state) {
  context();
  RenderOptions options;
  options.width = int(state.range(0));
  options.height = int(state.range(1));
  auto map = HeadlessMap::open(*loadSceneFile(benchScenePath()), options);
  if (!map) state.SkipWithError(map.error().c_str());
  for (auto _ : state) {
    auto image = map->render();
    benchmark::DoNotOptimize(encodePng(*image));
  }
}
BENCHMARK(BM_Screenshot)->Args({3840, 2160})->Args({7680, 4320})->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
