// Incidents from any OGR point layer (GeoPackage, GeoJSON, Shapefile, a PostGIS table...), with ACLED's columns
// found by name or mapped by role. A database source takes the filter as SQL and can be read incrementally.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/event_filter.hpp"
#include "io/acled_reader.hpp"

namespace sitmap {

// The field names of an OGR layer (the first, or `layerName`), for choosing a field mapping; empty if unreadable.
std::vector<std::string> ogrFieldNames(const std::string& path, const std::string& layerName);

// What to fetch of a layer. Only SQL sources (PostgreSQL, GeoPackage) take these into the query; others are
// read whole.
struct IncidentQuery {
  // The criteria of this filter the database can test (dates, admin names, types, actors, fatalities, the
  // regions' bounding box) become its WHERE clause, so only rows that may pass come back. The same filter
  // still runs in sitmap on them: the events that pass it are those a whole read would give.
  std::optional<EventFilter> prefilter;
  // An incremental read: only rows whose `newerColumn` is above `after` (empty: from the start), as the
  // database orders that column (an id, a timestamp).
  std::string newerColumn, after;
};

// `fields` maps roles (date, type, sub_type, actor1, actor2, fatalities, notes, location, admin1, source) to
// the layer's field names; roles left out use ACLED's column names when the layer has them. Features without
// a point or a readable date are skipped and counted like bad CSV rows. An empty layer is an error, unless a
// query narrowed it (a filter or an incremental read may rightly find nothing).
Result<EventImport> readIncidentsFromOgr(const std::string& path, const std::string& layerName,
                                         const std::map<std::string, std::string>& fields,
                                         const ImportProgress& progress = {}, const IncidentQuery& query = {});

}  // namespace sitmap
