// Viewport: which part of the display-CRS plane a w×h pixel image shows. Screen y grows downwards.
#pragma once

#include "core/geometry.hpp"

namespace sitmap {

class Viewport {
public:
  Viewport() = default;
  Viewport(Vec2 centre, double unitsPerPixel, int widthPx, int heightPx);

  // The whole box visible, centred; the axis with spare room is widened, never cropped.
  static Viewport fitting(const Bbox& box, int widthPx, int heightPx);

  Vec2 centre() const { return m_centre; }
  double unitsPerPixel() const { return m_unitsPerPixel; }
  int widthPx() const { return m_widthPx; }
  int heightPx() const { return m_heightPx; }

  Vec2 worldToScreen(Vec2 world) const;
  Vec2 screenToWorld(Vec2 screen) const;
  Bbox visibleBounds() const;

  void resize(int widthPx, int heightPx);
  void panPixels(double dx, double dy);
  // factor > 1 zooms in; the world point under `screenAnchor` stays put.
  void zoomAbout(Vec2 screenAnchor, double factor);
  // The same view at another pixel density: same bounds, `factor` times the pixels.
  Viewport scaled(double factor) const;

  // Map scale denominator at the standard 0.28 mm rendering pixel (OGC SLD), for min/max scale rules.
  double scaleDenominator() const { return m_unitsPerPixel / 0.00028; }

private:
  Vec2 m_centre;
  double m_unitsPerPixel = 1.0;
  int m_widthPx = 1;
  int m_heightPx = 1;
};

}  // namespace sitmap
