// Frame time while the clock plays: the default scene, and a heavy one (100 convoys over 1M SYNTHETIC incidents).
#include <benchmark/benchmark.h>

#include "app/map_session.hpp"
#include "io/scene_file.hpp"
#include "render/gl.hpp"
#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "synthetic_events.hpp"

using namespace sitmap;

namespace {

void playFrames(benchmark::State& state, Scene scene) {
  static auto context = HeadlessContext::create();
  auto session = MapSession::create(std::move(scene));
  for (SessionLayer& layer : session->layers()) session->finishLoad(layer.uid, openLayer(layer.spec, session->displayCrs()));
  auto renderer = MapRenderer::create();
  session->syncRenderer(**renderer);
  auto target = OffscreenTarget::create(1920, 1080);
  target->bind();
  const Viewport view = Viewport::fitting(session->homeBounds(), 1920, 1080);
  UtcSeconds now = *parseUtc("2023-10-31T00:00Z");
  session->clock().setWindowDays(30);
  for (auto _ : state) {
    now += 3600;  // one hour of clock time per frame
    session->clock().setTime(now);
    session->updateSelections(**renderer);
    (*renderer)->render(session->frame(view, 1, true));
    glFinish();
  }
  state.counters["convoys"] = double(session->convoys().size());
}

void BM_PlayingDefaultScene(benchmark::State& state) {
  playFrames(state, *loadSceneFile(std::string(SITMAP_SOURCE_DIR) + "/assets/scenes/default.json"));
}
BENCHMARK(BM_PlayingDefaultScene)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Playing100Convoys1MIncidents(benchmark::State& state) {
  Scene scene = *loadSceneFile(std::string(SITMAP_SOURCE_DIR) + "/assets/scenes/default.json");
  const ConvoySpec convoy = scene.convoys.front();
  scene.convoys.assign(100, convoy);  // 100 copies of the Kidal-Gao convoy: the cost, not the picture, matters here
  for (LayerSpec& layer : scene.layers)
    if (layer.kind == LayerKind::Incidents) layer.path = bench::syntheticEventsFile(1000000);
  scene.riskDays = 0;  // route risk is computed once per filter change, not per frame
  playFrames(state, std::move(scene));
}
BENCHMARK(BM_Playing100Convoys1MIncidents)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
