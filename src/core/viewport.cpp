// Viewport transforms between the display CRS and screen pixels.
#include "core/viewport.hpp"

#include <algorithm>
#include <cmath>

namespace sitmap {

namespace {
constexpr double kMinUnitsPerPixel = 1e-9;
constexpr double kMaxUnitsPerPixel = 1e9;
}  // namespace

Viewport::Viewport(Vec2 centre, double unitsPerPixel, int widthPx, int heightPx)
    : m_centre(centre),
      m_unitsPerPixel(std::clamp(unitsPerPixel, kMinUnitsPerPixel, kMaxUnitsPerPixel)),
      m_widthPx(std::max(1, widthPx)),
      m_heightPx(std::max(1, heightPx)) {}

Viewport Viewport::fitting(const Bbox& box, int widthPx, int heightPx) {
  widthPx = std::max(1, widthPx);
  heightPx = std::max(1, heightPx);
  const double perPixel = std::max(box.width() / widthPx, box.height() / heightPx);
  return Viewport(box.centre(), perPixel > 0 ? perPixel : 1.0, widthPx, heightPx);
}

Vec2 Viewport::worldToScreen(Vec2 world) const {
  return {(world.x - m_centre.x) / m_unitsPerPixel + m_widthPx / 2.0,
          (m_centre.y - world.y) / m_unitsPerPixel + m_heightPx / 2.0};
}

Vec2 Viewport::screenToWorld(Vec2 screen) const {
  return {m_centre.x + (screen.x - m_widthPx / 2.0) * m_unitsPerPixel,
          m_centre.y - (screen.y - m_heightPx / 2.0) * m_unitsPerPixel};
}

Bbox Viewport::visibleBounds() const {
  const double halfW = m_widthPx / 2.0 * m_unitsPerPixel;
  const double halfH = m_heightPx / 2.0 * m_unitsPerPixel;
  return {m_centre.x - halfW, m_centre.y - halfH, m_centre.x + halfW, m_centre.y + halfH};
}

void Viewport::resize(int widthPx, int heightPx) {
  m_widthPx = std::max(1, widthPx);
  m_heightPx = std::max(1, heightPx);
}

void Viewport::panPixels(double dx, double dy) {
  m_centre.x -= dx * m_unitsPerPixel;
  m_centre.y += dy * m_unitsPerPixel;
}

void Viewport::zoomAbout(Vec2 screenAnchor, double factor) {
  if (!(factor > 0)) return;
  const Vec2 anchorWorld = screenToWorld(screenAnchor);
  m_unitsPerPixel = std::clamp(m_unitsPerPixel / factor, kMinUnitsPerPixel, kMaxUnitsPerPixel);
  // Move the centre so the anchor's world point lands back under the anchor pixel.
  const Vec2 drifted = screenToWorld(screenAnchor);
  m_centre = m_centre + (anchorWorld - drifted);
}

Viewport Viewport::scaled(double factor) const {
  return Viewport(m_centre, m_unitsPerPixel / factor, static_cast<int>(std::lround(m_widthPx * factor)),
                  static_cast<int>(std::lround(m_heightPx * factor)));
}

}  // namespace sitmap
