// Writing filtered incidents: CSV in the source file's own layout (its rows, re-read), or GeoJSON through GDAL.
// Both write atomically and never replace an existing file unless asked.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/event_table.hpp"
#include "core/result.hpp"

namespace sitmap {

// Every source row of the selected events (monadic exports: all of an event's rows), with the source's header.
Status exportEventsCsv(const std::string& sourcePath, const EventTable& table, const std::vector<uint32_t>& events,
                       const std::string& outPath, bool overwrite);
Status exportEventsGeoJson(const EventTable& table, const std::vector<uint32_t>& events, const std::string& outPath,
                           bool overwrite);

}  // namespace sitmap
