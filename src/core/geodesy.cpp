// Geodesic distance and MGRS formatting through GeographicLib.
#include "core/geodesy.hpp"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/MGRS.hpp>
#include <GeographicLib/UTMUPS.hpp>
#include <cmath>
#include <cstdio>

namespace sitmap {

double geodesicDistanceMetres(LonLat a, LonLat b) {
  double metres = 0;
  GeographicLib::Geodesic::WGS84().Inverse(a.lat, a.lon, b.lat, b.lon, metres);
  return metres;
}

std::string formatDecimalDegrees(LonLat p, int decimals) {
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%.*f°%c %.*f°%c", decimals, std::fabs(p.lat), p.lat >= 0 ? 'N' : 'S',
                decimals, std::fabs(p.lon), p.lon >= 0 ? 'E' : 'W');
  return buffer;
}

std::string formatMgrs(LonLat p) {
  if (!(std::fabs(p.lat) <= 90) || !(std::fabs(p.lon) <= 540)) return {};
  try {
    int zone = 0;
    bool north = true;
    double x = 0, y = 0;
    GeographicLib::UTMUPS::Forward(p.lat, p.lon, zone, north, x, y);
    std::string mgrs;
    GeographicLib::MGRS::Forward(zone, north, x, y, p.lat, 5, mgrs);
    // Split "31QCB2345601234" into zone+band, square, easting, northing.
    const size_t digits = mgrs.size() - 10;
    return mgrs.substr(0, digits - 2) + " " + mgrs.substr(digits - 2, 2) + " " + mgrs.substr(digits, 5) + " " +
           mgrs.substr(digits + 5, 5);
  } catch (const GeographicLib::GeographicErr&) {
    return {};
  }
}

}  // namespace sitmap
