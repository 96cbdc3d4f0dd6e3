// Incident benchmarks on SYNTHETIC ACLED-layout files of 100k and 1M events: load, filter recompute,
// frame time with aggregation, memory per event.
#include <benchmark/benchmark.h>

#include "app/map_session.hpp"
#include "core/civil_date.hpp"
#include "core/event_filter.hpp"
#include "io/acled_reader.hpp"
#include "render/gl.hpp"
#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "synthetic_events.hpp"

using namespace sitmap;

namespace {

void BM_LoadEvents(benchmark::State& state) {
  const std::string path = bench::syntheticEventsFile(size_t(state.range(0)));
  for (auto _ : state) {
    auto import = readAcledCsv(path);
    if (!import) state.SkipWithError(import.error().c_str());
    state.counters["bytes_per_event"] = double(import->table.bytes()) / double(import->table.size());
  }
}
BENCHMARK(BM_LoadEvents)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// A filter change on 1M events: alternating the minimum fatalities and an event type, as a user clicking would.
void BM_FilterRecompute(benchmark::State& state) {
  auto import = readAcledCsv(bench::syntheticEventsFile(1000000));
  EventFilterEngine engine(import->table);
  EventFilter filter;
  filter.fromDay = daysFromCivil(2020, 1, 1);
  int step = 0;
  size_t matched = 0;
  for (auto _ : state) {
    filter.minFatalities = step % 2;
    filter.eventTypes = step % 3 ? std::vector<std::string>{"Battles"} : std::vector<std::string>{};
    ++step;
    matched = engine.apply(filter).size();
  }
  state.counters["matching"] = double(matched);
}
BENCHMARK(BM_FilterRecompute)->Unit(benchmark::kMillisecond)->UseRealTime();

// A frame with 1M incidents in view at 1920 x 1080 (aggregated into bins), panning.
void BM_EventsFrame1M(benchmark::State& state) {
  static auto context = HeadlessContext::create();
  Scene scene;
  LayerSpec layer;
  layer.path = bench::syntheticEventsFile(1000000);
  layer.kind = LayerKind::Incidents;
  scene.layers.push_back(layer);
  scene.homeLonLat = Bbox{-6, 14, 5, 22};
  auto session = MapSession::create(scene);
  SessionLayer& loaded = session->layers()[0];
  session->finishLoad(loaded.uid, openLayer(loaded.spec, session->displayCrs()));
  auto renderer = MapRenderer::create();
  session->syncRenderer(**renderer);
  auto target = OffscreenTarget::create(1920, 1080);
  target->bind();
  Viewport view = Viewport::fitting(session->homeBounds(), 1920, 1080);
  bool aggregated = false;
  for (auto _ : state) {
    view.panPixels(6, 2);
    aggregated = (*renderer)->render(session->frame(view, 1, true)).eventsAggregated;
    glFinish();
  }
  state.SetLabel(aggregated ? "aggregated" : "points");
}
BENCHMARK(BM_EventsFrame1M)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
