// The headless render path: load, upload, render until no tile is missing, read back.
#include "app/headless_render.hpp"

#include <cmath>

#include "app/map_session.hpp"
#include "app/tile_loading.hpp"
#include "render/headless_context.hpp"
#include "render/offscreen_target.hpp"

namespace sitmap {

Result<RgbaImage> renderScene(Scene scene, const RenderOptions& options) {
  if (options.crs) scene.crs = *options.crs;
  auto session = MapSession::create(std::move(scene));
  if (!session) return Error{session.error()};
  for (SessionLayer& layer : session->layers()) {
    auto loaded = loadLayerData(layer.spec, session->displayCrs());
    if (!loaded) return Error{loaded.error()};
    session->finishLoad(layer.uid, std::move(loaded));
  }

  auto context = HeadlessContext::create();
  if (!context) return Error{context.error()};
  const int outWidth = int(std::lround(options.width * options.scale));
  const int outHeight = int(std::lround(options.height * options.scale));
  auto target = OffscreenTarget::create(outWidth, outHeight);
  if (!target) return Error{target.error()};
  auto renderer = MapRenderer::create();
  if (!renderer) return Error{renderer.error()};
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
  return target->read();
}

}  // namespace sitmap
