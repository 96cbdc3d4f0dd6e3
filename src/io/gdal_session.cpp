// GDAL start-up (see gdal_session.hpp).
#include "io/gdal_session.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

#include <mutex>

namespace sitmap {

void ensureGdal() {
  static std::once_flag once;
  std::call_once(once, [] {
    GDALAllRegister();
    // Errors are read back with CPLGetLastErrorMsg and reported by the caller, once, in our words.
    CPLSetErrorHandler(CPLQuietErrorHandler);
    CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");  // no size cap on GeoJSON objects
  });
}

std::string lastGdalError(const std::string& fallback) {
  const char* message = CPLGetLastErrorMsg();
  std::string text = (message && *message) ? message : fallback;
  CPLErrorReset();
  return text;
}

}  // namespace sitmap
