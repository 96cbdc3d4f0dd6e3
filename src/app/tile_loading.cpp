// Tile reading and the background tile thread.
#include "app/tile_loading.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace sitmap {

std::vector<TileRequest> tileRequests(const MapSession& session, const std::vector<MissingTile>& missing) {
  std::vector<TileRequest> requests;
  for (const MissingTile& tile : missing) {
    for (const SessionLayer& layer : session.layers()) {
      if (layer.rendererId != tile.layer || !layer.raster()) continue;
      const RasterInfo& info = *layer.raster();
      requests.push_back({tile.layer, layer.spec.path, session.displayCrs(), layer.spec.raster,
                          TileGrid(info.displayExtent, info.displayUnitsPerPixel), tile.key});
    }
  }
  return requests;
}

Result<RgbaImage> TileReader::read(const TileRequest& request) {
  auto& source = m_sources[{request.layer, request.path}];
  if (!source) {
    auto opened = RasterSource::open(request.path, request.displayCrs, request.style);
    if (!opened) return Error{opened.error()};
    source = std::move(*opened);
  }
  return source->readTile(request.grid.tileBounds(request.key), TileGrid::kTileSize, TileGrid::kTileSize);
}

Status renderWithAllTiles(MapRenderer& renderer, const MapSession& session, TileReader& reader, const MapFrame& frame) {
  // Raster layers report the tiles they lack; read them here, then draw again with everything in place.
  for (int pass = 0; pass < 3; ++pass) {
    const RenderReport report = renderer.render(frame);
    if (report.missingTiles.empty()) return success();
    for (const TileRequest& request : tileRequests(session, report.missingTiles)) {
      auto image = reader.read(request);
      if (!image) return Error{image.error()};
      renderer.addTile(request.layer, request.key, *image);
    }
  }
  renderer.render(frame);
  return success();
}

struct TileLoader::Worker {
  std::mutex mutex;
  std::condition_variable wake;
  std::deque<TileRequest> queue;
  std::vector<TileResult> results;
  bool working = false;
  bool stop = false;

  static void run(const std::shared_ptr<Worker>& self) {
    TileReader reader;
    std::unique_lock lock(self->mutex);
    while (true) {
      self->wake.wait(lock, [&] { return self->stop || !self->queue.empty(); });
      if (self->stop) return;
      TileRequest request = std::move(self->queue.front());
      self->queue.pop_front();
      self->working = true;
      lock.unlock();
      TileResult result{request.layer, request.key, reader.read(request)};
      lock.lock();
      self->working = false;
      self->results.push_back(std::move(result));
    }
  }
};

TileLoader::~TileLoader() {
  for (auto& [path, worker] : m_workers) {
    {
      std::lock_guard lock(worker->mutex);
      worker->stop = true;
    }
    worker->wake.notify_all();
  }
}

void TileLoader::request(std::vector<TileRequest> requests) {
  std::map<std::string, std::deque<TileRequest>> bySource;
  for (auto& [path, worker] : m_workers) bySource[path];  // sources no longer wanted get an empty queue
  for (TileRequest& r : requests) bySource[r.path].push_back(std::move(r));
  for (auto& [path, queue] : bySource) {
    auto& worker = m_workers[path];
    if (!worker) {
      worker = std::make_shared<Worker>();
      std::thread([worker = worker] { Worker::run(worker); }).detach();
    }
    {
      std::lock_guard lock(worker->mutex);
      worker->queue = std::move(queue);
    }
    worker->wake.notify_all();
  }
}

std::vector<TileResult> TileLoader::takeResults() {
  std::vector<TileResult> all;
  for (auto& [path, worker] : m_workers) {
    std::lock_guard lock(worker->mutex);
    for (TileResult& r : worker->results) all.push_back(std::move(r));
    worker->results.clear();
  }
  return all;
}

bool TileLoader::idle() const {
  for (const auto& [path, worker] : m_workers) {
    std::lock_guard lock(worker->mutex);
    if (!worker->queue.empty() || worker->working) return false;
  }
  return true;
}

}  // namespace sitmap
