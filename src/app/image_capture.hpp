// Offscreen capture of one map frame as an image. Images larger than the GPU's render-target limit are drawn
// in overlapping tiles and stitched, so a 16K screenshot works on any GPU that can draw a 4K one.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "app/tile_loading.hpp"
#include "core/image.hpp"
#include "core/result.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"

namespace sitmap {

class ImageCapture {
public:
  // The largest image accepted: memory, not the GPU, sets this bound (16384 x 16384 RGBA is 1 GiB).
  static constexpr int kMaxSide = 32768;
  static constexpr int64_t kMaxPixels = int64_t(16384) * 16384;

  // Why an image of this size cannot be made (nullopt: it can): checked before anything loads, too.
  static std::optional<std::string> sizeProblem(int width, int height);

  ImageCapture();
  ImageCapture(ImageCapture&&) noexcept;
  ~ImageCapture();
  // Renders `frame` (its view sets the image size) with every raster tile in place.
  Result<RgbaImage> render(MapRenderer& renderer, const MapSession& session, TileReader& reader, const MapFrame& frame);

private:
  std::unique_ptr<OffscreenTarget> m_target;  // kept between calls: animation frames reuse it
};

// The side of the largest render target this GPU gives us. SITMAP_MAX_RENDER_TARGET lowers it, so tests and
// users can exercise the tiled path (or work around a driver's limit) on any machine.
int maxRenderTargetSide();

}  // namespace sitmap
