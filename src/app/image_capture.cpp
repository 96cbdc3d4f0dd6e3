// Offscreen capture, tiled when the image exceeds the render-target limit.
#include "app/image_capture.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

#include "render/gl.hpp"

namespace sitmap {

namespace {

// Each tile is drawn with this much overlap on every side and only its core kept: GL drops a point sprite
// whose centre lies outside the target, so a marker straddling a seam must be drawn by both tiles.
// Larger than any marker, label halo or furniture stroke at the scales we render.
int tileMargin(const MapFrame& frame) { return int(64 * std::max(1.0f, frame.pixelScale)); }

std::string sizeText(int w, int h) { return std::to_string(w) + "x" + std::to_string(h); }

}  // namespace

int maxRenderTargetSide() {
  GLint renderbuffer = 0;
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &renderbuffer);
  GLint viewport[2] = {0, 0};
  glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
  int side = std::min({int(renderbuffer), int(viewport[0]), int(viewport[1])});
  if (const char* limit = std::getenv("SITMAP_MAX_RENDER_TARGET")) {
    const int requested = std::atoi(limit);
    if (requested > 0) side = std::min(side, requested);
  }
  return side;
}

ImageCapture::ImageCapture() = default;
ImageCapture::ImageCapture(ImageCapture&&) noexcept = default;
ImageCapture::~ImageCapture() = default;

std::optional<std::string> ImageCapture::sizeProblem(int width, int height) {
  if (width > 0 && height > 0 && width <= kMaxSide && height <= kMaxSide && int64_t(width) * height <= kMaxPixels)
    return std::nullopt;
  return "image size " + sizeText(width, height) + " is outside what sitmap renders (at most " +
         sizeText(kMaxSide, kMaxSide) + " per side and " + std::to_string(kMaxPixels / 1000000) + " megapixels)";
}

Result<RgbaImage> ImageCapture::render(MapRenderer& renderer, const MapSession& session, TileReader& reader,
                                       const MapFrame& frame) {
  const int width = frame.view.widthPx();
  const int height = frame.view.heightPx();
  if (auto problem = sizeProblem(width, height)) return Error{*problem};
  const int maxSide = maxRenderTargetSide();
  const bool tiled = width > maxSide || height > maxSide;
  const int margin = tiled ? tileMargin(frame) : 0;
  if (tiled && maxSide <= 2 * margin)
    return Error{"the GPU's render targets (" + std::to_string(maxSide) + " pixels) are too small to tile " +
                 sizeText(width, height)};
  const int targetWidth = tiled ? maxSide : width;
  const int targetHeight = tiled ? maxSide : height;
  if (!m_target || m_target->width() != targetWidth || m_target->height() != targetHeight) {
    m_target.reset();
    auto target = OffscreenTarget::create(targetWidth, targetHeight);
    if (!target) return Error{target.error()};
    m_target = std::make_unique<OffscreenTarget>(std::move(*target));
  }
  m_target->bind();
  if (!tiled) {
    if (Status drawn = renderWithAllTiles(renderer, session, reader, frame); !drawn) return Error{drawn.error()};
    return m_target->read();
  }
  // Tiles of targetWidth x targetHeight, each keeping its core (the target less the margin on every side).
  RgbaImage image(width, height);
  const int core = maxSide - 2 * margin;
  for (int top = 0; top < height; top += core) {
    for (int left = 0; left < width; left += core) {
      MapFrame part = frame;
      const double x0 = left - margin, y0 = top - margin;
      part.tile = Bbox{x0, y0, x0 + targetWidth, y0 + targetHeight};
      if (Status drawn = renderWithAllTiles(renderer, session, reader, part); !drawn) return Error{drawn.error()};
      const RgbaImage piece = m_target->read();
      const int columns = std::min(core, width - left);
      for (int y = top; y < std::min(top + core, height); ++y)
        std::memcpy(image.at(left, y), piece.at(margin, y - top + margin), size_t(columns) * 4);
    }
  }
  return image;
}

}  // namespace sitmap
