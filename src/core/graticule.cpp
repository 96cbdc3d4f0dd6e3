// Graticule steps and labels.
#include "core/graticule.hpp"

#include <cmath>
#include <cstdio>

namespace sitmap {

double graticuleStep(double spanDegrees) {
  for (double step : {0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 30.0})
    if (spanDegrees / step <= 8) return step;
  return 30;
}

std::string graticuleLabel(double degrees, bool meridian) {
  const double magnitude = std::abs(degrees);
  char number[16];
  // Whole degrees without decimals; quarter steps keep two.
  if (std::abs(magnitude - std::round(magnitude)) < 1e-9) std::snprintf(number, sizeof number, "%.0f", magnitude);
  else if (std::abs(magnitude * 10 - std::round(magnitude * 10)) < 1e-9) std::snprintf(number, sizeof number, "%.1f", magnitude);
  else std::snprintf(number, sizeof number, "%.2f", magnitude);
  std::string text = std::string(number) + "\u00b0";
  if (magnitude < 1e-9) return text;
  return text + (meridian ? (degrees > 0 ? "E" : "W") : (degrees > 0 ? "N" : "S"));
}

}  // namespace sitmap
