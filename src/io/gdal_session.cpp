// GDAL start-up (see gdal_session.hpp).
#include "io/gdal_session.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

#include <cstdlib>
#include <mutex>
#include <utility>

namespace sitmap {

void ensureGdal() {
  static std::once_flag once;
  std::call_once(once, [] {
    GDALAllRegister();
    // Errors are read back with CPLGetLastErrorMsg and reported by the caller, once, in our words.
    CPLSetErrorHandler(CPLQuietErrorHandler);
    CPLSetConfigOption("OGR_GEOJSON_MAX_OBJ_SIZE", "0");  // no size cap on GeoJSON objects
    // sitmap never modifies an input: GDAL's PAM would write .aux.xml statistics beside a raster (or into a zip).
    CPLSetConfigOption("GDAL_PAM_ENABLED", "NO");
    // A server that accepts and never answers must not hold a layer (or `sitmap render`) for ever. The user's own
    // settings (environment or --config) win.
    for (auto [key, seconds] : {std::pair{"GDAL_HTTP_TIMEOUT", "30"}, std::pair{"GDAL_HTTP_CONNECTTIMEOUT", "10"}})
      if (!CPLGetConfigOption(key, nullptr)) CPLSetConfigOption(key, seconds);
    if (!std::getenv("PGCONNECT_TIMEOUT")) setenv("PGCONNECT_TIMEOUT", "10", 0);  // libpq's connect_timeout
    // Remote files (/vsicurl/): keep up to 256 MB of fetched ranges in memory, so a tile is fetched once.
    if (!CPLGetConfigOption("CPL_VSIL_CURL_CACHE_SIZE", nullptr)) CPLSetConfigOption("CPL_VSIL_CURL_CACHE_SIZE", "268435456");
  });
}

GdalFailures::GdalFailures() {
  CPLPushErrorHandlerEx(
      [](CPLErr level, CPLErrorNum, const char* message) {
        auto* self = static_cast<GdalFailures*>(CPLGetErrorHandlerUserData());
        if (self && level >= CE_Failure && message) self->m_messages.emplace_back(message);
      },
      this);
}

GdalFailures::~GdalFailures() { CPLPopErrorHandler(); }

std::string lastGdalError(const std::string& fallback) {
  const char* message = CPLGetLastErrorMsg();
  std::string text = (message && *message) ? message : fallback;
  CPLErrorReset();
  return text;
}

}  // namespace sitmap
