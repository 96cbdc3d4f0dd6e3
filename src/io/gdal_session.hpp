// GDAL start-up and error capture: io functions report GDAL's own reason inside their error messages.
#pragma once

#include <string>

namespace sitmap {

// Registers drivers once and routes GDAL's messages away from stderr; safe to call from any thread.
void ensureGdal();
// GDAL's last error message on this thread, or `fallback` when GDAL gave none.
std::string lastGdalError(const std::string& fallback);

}  // namespace sitmap
