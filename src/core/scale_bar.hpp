// Scale bar: a round ground distance (1, 2 or 5 × 10^n metres) and its length in pixels.
#pragma once

#include <string>

namespace sitmap {

struct ScaleBar {
  double metres = 0;
  double pixels = 0;
  std::string label;  // "50 km", "500 m"
};

// groundMetresPerPixel: true ground distance of one pixel at the view centre.
ScaleBar chooseScaleBar(double groundMetresPerPixel, double maxPixels);
std::string formatDistance(double metres);

}  // namespace sitmap
