// Ground distances and coordinate formats on the WGS 84 ellipsoid (GeographicLib).
#pragma once

#include <string>

#include "core/geometry.hpp"

namespace sitmap {

double geodesicDistanceMetres(LonLat a, LonLat b);
// "16.27167°N 0.04472°W" style, for the status bar and details.
std::string formatDecimalDegrees(LonLat p, int decimals = 5);
// MGRS at 1 m precision, grouped for reading aloud ("31Q CB 23456 01234"); empty outside the valid range.
std::string formatMgrs(LonLat p);

}  // namespace sitmap
