// SQL for an incident layer in a database: the part of sitmap's filter a WHERE clause can test, written so that
// it keeps every row the filter keeps. sitmap's filter still runs on what comes back, so the result is that of a
// whole read; the database only spares sending the rows that cannot pass.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/event_filter.hpp"

class GDALDataset;
class OGRLayer;

namespace sitmap {

enum class SqlDialect { PostgreSql, Sqlite };

// PostgreSQL for GDAL's PostgreSQL driver, SQLite for GeoPackage; nullopt for sources that run no SQL of ours.
std::optional<SqlDialect> sqlDialectOf(GDALDataset& dataset);

// The layer's fields that hold what the filter tests (-1: the layer has none).
struct FilterColumns {
  int date = -1, type = -1, admin1 = -1, admin2 = -1, admin3 = -1, actor1 = -1, actor2 = -1, assoc1 = -1, assoc2 = -1,
      fatalities = -1;
};

struct SqlSource {
  GDALDataset& dataset;
  OGRLayer& layer;
  SqlDialect dialect;
};

// A WHERE clause keeping every row `filter` may keep (empty: nothing to narrow). Text columns are narrowed to
// the values sitmap's own matching accepts, found among the column's distinct values (a column with too many,
// such as dates with times, is left to sitmap); typed date and number columns are compared in SQL.
std::string incidentWhere(const SqlSource& source, const FilterColumns& columns, const EventFilter& filter);

// Limits the layer's features to the bounding box of the filter's regions (in the layer's CRS, with a margin);
// false when the filter has no regions or the box cannot be expressed in the layer's CRS.
bool narrowToRegions(OGRLayer& layer, const EventFilter& filter);

// The criteria of `filter` incidentWhere and narrowToRegions may send (the rest never narrow a read).
EventFilter databaseCriteria(const EventFilter& filter);

std::string sqlIdentifier(std::string_view name);
std::string sqlLiteral(SqlDialect dialect, std::string_view text);
// The layer's table as SQL names it ("schema"."table" for a PostgreSQL layer outside the search path).
std::string sqlTable(const SqlSource& source);

}  // namespace sitmap
