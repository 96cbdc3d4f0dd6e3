// Raster tile loading: TileReader reads tiles on the calling thread; TileLoader runs one on a worker thread
// so the viewer never waits for GDAL. Results are handed to the main thread whole (GL stays on the main thread).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/image.hpp"
#include "core/result.hpp"
#include "core/style.hpp"
#include "core/tile_grid.hpp"
#include "io/raster_source.hpp"
#include "app/map_session.hpp"
#include "render/map_renderer.hpp"

namespace sitmap {

struct TileRequest {
  LayerId layer = 0;
  std::string path;
  std::string displayCrs;
  RasterStyle style;
  TileGrid grid{{0, 0, 1, 1}, 1};
  TileKey key;
};

struct TileResult {
  LayerId layer = 0;
  TileKey key;
  Result<RgbaImage> image = Error{"not loaded"};
};

// What to read for the tiles the renderer reported missing.
std::vector<TileRequest> tileRequests(const MapSession& session, const std::vector<MissingTile>& missing);

class TileReader {
public:
  Result<RgbaImage> read(const TileRequest& request);

private:
  std::map<std::pair<LayerId, std::string>, std::unique_ptr<RasterSource>> m_sources;
};

// Draws `frame` with every raster tile it needs read first (no coarse stand-ins): for images, not the window.
Status renderWithAllTiles(MapRenderer& renderer, const MapSession& session, TileReader& reader, const MapFrame& frame);

// One worker thread per raster source, so a hung server stops only its own layer's tiles, never a local raster's.
// Workers are detached and share their state: ending the loader (quitting, a new session) never waits for a read
// blocked in a server that does not answer; that thread ends when its read does.
class TileLoader {
public:
  TileLoader() = default;
  TileLoader(const TileLoader&) = delete;
  TileLoader& operator=(const TileLoader&) = delete;
  ~TileLoader();
  // Replaces whatever is still queued: only the latest view's tiles are worth loading.
  void request(std::vector<TileRequest> requests);
  std::vector<TileResult> takeResults();
  bool idle() const;

private:
  struct Worker;
  std::map<std::string, std::shared_ptr<Worker>> m_workers;  // by source path
};

}  // namespace sitmap
