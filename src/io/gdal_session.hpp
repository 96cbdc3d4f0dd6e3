// GDAL start-up and error capture: io functions report GDAL's own reason inside their error messages.
#pragma once

#include <string>
#include <vector>

namespace sitmap {

// Registers drivers once and routes GDAL's messages away from stderr; safe to call from any thread.
void ensureGdal();
// GDAL's last error message on this thread, or `fallback` when GDAL gave none.
std::string lastGdalError(const std::string& fallback);

// GDAL's failure messages on this thread while it lives, in order: the first is usually the real reason
// (libpq's), before a wrapper's own ("Failed to open datasource ...").
class GdalFailures {
public:
  GdalFailures();
  ~GdalFailures();
  GdalFailures(const GdalFailures&) = delete;
  GdalFailures& operator=(const GdalFailures&) = delete;
  const std::vector<std::string>& messages() const { return m_messages; }

private:
  std::vector<std::string> m_messages;
};

}  // namespace sitmap
