// Picks the longest round distance that fits the scale bar's space.
#include "core/scale_bar.hpp"

#include <cmath>
#include <cstdio>

namespace sitmap {

std::string formatDistance(double metres) {
  char buffer[32];
  if (metres >= 1000)
    std::snprintf(buffer, sizeof buffer, "%g km", metres / 1000);
  else
    std::snprintf(buffer, sizeof buffer, "%g m", metres);
  return buffer;
}

ScaleBar chooseScaleBar(double groundMetresPerPixel, double maxPixels) {
  if (!(groundMetresPerPixel > 0) || !(maxPixels > 0)) return {};
  const double maxMetres = groundMetresPerPixel * maxPixels;
  const double decade = std::pow(10.0, std::floor(std::log10(maxMetres)));
  double metres = decade;
  for (double step : {5.0, 2.0, 1.0}) {
    if (step * decade <= maxMetres) {
      metres = step * decade;
      break;
    }
  }
  return {metres, metres / groundMetresPerPixel, formatDistance(metres)};
}

}  // namespace sitmap
