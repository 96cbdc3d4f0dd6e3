// The graticule: meridians and parallels at a round step for the view, as lines in the display CRS, and the
// labels written where they meet the image's edges ("2°E", "16°N").
#pragma once

#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace sitmap {

struct GraticuleLine {
  double degrees = 0;        // its longitude (a meridian) or latitude (a parallel)
  bool meridian = true;
  std::vector<Vec2> points;  // display CRS, densely sampled so it curves where the projection curves it
};

// A round step (0.1° to 30°) giving about four to eight lines across `spanDegrees`.
double graticuleStep(double spanDegrees);
// "2°E", "0.5°W", "16°N", "0°" (the equator and the prime meridian have no hemisphere).
std::string graticuleLabel(double degrees, bool meridian);

}  // namespace sitmap
