// Tile reading and the background tile thread.
#include "app/tile_loading.hpp"

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

TileLoader::TileLoader() : m_thread([this] { run(); }) {}

TileLoader::~TileLoader() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  m_thread.join();
}

void TileLoader::request(std::vector<TileRequest> requests) {
  {
    std::lock_guard lock(m_mutex);
    m_queue.assign(std::make_move_iterator(requests.begin()), std::make_move_iterator(requests.end()));
  }
  m_wake.notify_all();
}

std::vector<TileResult> TileLoader::takeResults() {
  std::lock_guard lock(m_mutex);
  return std::exchange(m_results, {});
}

bool TileLoader::idle() const {
  std::lock_guard lock(m_mutex);
  return m_queue.empty() && !m_working;
}

void TileLoader::run() {
  TileReader reader;
  std::unique_lock lock(m_mutex);
  while (true) {
    m_wake.wait(lock, [&] { return m_stop || !m_queue.empty(); });
    if (m_stop) return;
    TileRequest request = std::move(m_queue.front());
    m_queue.pop_front();
    m_working = true;
    lock.unlock();
    TileResult result{request.layer, request.key, reader.read(request)};
    lock.lock();
    m_working = false;
    m_results.push_back(std::move(result));
  }
}

}  // namespace sitmap
