// Incident filters as SQL: see incident_sql.hpp. Text criteria are settled by sitmap's own filter over the
// column's distinct values (a small table of one probe event per value), so the SQL never matches names, dates
// or numbers by rules of its own that could disagree with the viewer's.
#include "io/incident_sql.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <tuple>
#include <vector>

#include "core/civil_date.hpp"
#include "core/event_table_builder.hpp"
#include "io/acled_fields.hpp"
#include "io/crs.hpp"
#include "io/source_open.hpp"

namespace sitmap {

namespace {

using acled::optionalText;

// Beyond this many distinct values a column (dates with times, say) is left to sitmap: the IN list would cost
// the database more than it saves.
constexpr size_t kMostValuesListed = 20000;

// The distinct non-null values of a field, or nullopt (too many, or the query failed).
std::optional<std::vector<std::string>> distinctValues(const SqlSource& source, const std::string& column) {
  const std::string name = sqlIdentifier(column);
  const std::string sql = "SELECT DISTINCT " + name + " FROM " + sqlTable(source) + " WHERE " + name +
                          " IS NOT NULL LIMIT " + std::to_string(kMostValuesListed + 1);
  CPLPushErrorHandler(CPLQuietErrorHandler);  // a failed query only means nothing is narrowed
  OGRLayer* result = source.dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr);
  CPLPopErrorHandler();
  if (!result) return std::nullopt;
  std::vector<std::string> values;
  for (auto& row : *result) values.emplace_back(row->GetFieldAsString(0));
  source.dataset.ReleaseResultSet(result);
  if (values.size() > kMostValuesListed) return std::nullopt;
  return values;
}

// Makes a probe event of one column value, as the OGR reader would read that value.
using ProbeFill = std::function<void(EventRow& row, std::string_view value, std::vector<std::string_view>& associated)>;

// The values whose probe event passes `criterion` under sitmap's filter.
std::vector<std::string> valuesPassing(const std::vector<std::string>& values, const EventFilter& criterion,
                                       const ProbeFill& fill) {
  EventTable probes;
  EventTableBuilder builder(probes);
  std::vector<std::string_view> associated;
  for (const std::string& value : values) {
    EventRow row;
    associated.clear();
    fill(row, value, associated);
    row.associated = associated;
    builder.add(row);
  }
  builder.finish();
  EventFilterEngine engine(probes);
  std::vector<std::string> passing;
  for (uint32_t i : engine.apply(criterion)) passing.push_back(values[i]);
  return passing;
}

std::string fieldName(const SqlSource& source, int field) {
  return source.layer.GetLayerDefn()->GetFieldDefn(field)->GetNameRef();
}

OGRFieldType fieldType(const SqlSource& source, int field) {
  return source.layer.GetLayerDefn()->GetFieldDefn(field)->GetType();
}

// "col IN ('a', 'b')" for the values of `field` that pass; "1 = 0" when none does; nullopt when the column
// cannot be listed.
std::optional<std::string> inList(const SqlSource& source, int field, const EventFilter& criterion, const ProbeFill& fill) {
  auto values = distinctValues(source, fieldName(source, field));
  if (!values) return std::nullopt;
  const std::vector<std::string> passing = valuesPassing(*values, criterion, fill);
  if (passing.empty()) return std::string("1 = 0");
  std::string list;
  for (const std::string& value : passing) list += (list.empty() ? "" : ", ") + sqlLiteral(source.dialect, value);
  return sqlIdentifier(fieldName(source, field)) + " IN (" + list + ")";
}

std::optional<std::string> dateClause(const SqlSource& source, int field, const EventFilter& filter) {
  if (!filter.fromDay && !filter.toDay) return std::nullopt;
  const OGRFieldType type = fieldType(source, field);
  if (type == OFTDate || type == OFTDateTime) {
    // A day's margin each side: a timestamp's day may be read in another time zone than the database's.
    std::string clause;
    const std::string name = sqlIdentifier(fieldName(source, field));
    if (filter.fromDay) clause = name + " >= " + sqlLiteral(source.dialect, formatIsoDate(*filter.fromDay - 1));
    if (filter.toDay)
      clause += (clause.empty() ? "" : " AND ") + name + " < " + sqlLiteral(source.dialect, formatIsoDate(*filter.toDay + 2));
    return clause;
  }
  if (type != OFTString) return std::nullopt;
  EventFilter criterion;
  criterion.fromDay = filter.fromDay;
  criterion.toDay = filter.toDay;
  return inList(source, field, criterion, [](EventRow& row, std::string_view value, auto&) {
    const auto day = parseEventDate(value);
    // An unreadable date is skipped by the reader: a day the filter never passes keeps it out here too.
    row.day = day ? *day : std::numeric_limits<int32_t>::min();
  });
}

std::optional<std::string> fatalitiesClause(const SqlSource& source, int field, int atLeast) {
  if (atLeast <= 0) return std::nullopt;
  const OGRFieldType type = fieldType(source, field);
  if (type == OFTInteger || type == OFTInteger64 || type == OFTReal)
    return sqlIdentifier(fieldName(source, field)) + " >= " + std::to_string(atLeast);
  if (type != OFTString) return std::nullopt;
  EventFilter criterion;
  criterion.minFatalities = atLeast;
  return inList(source, field, criterion, [](EventRow& row, std::string_view value, auto&) {
    // As OGR reads a text field as a number (GetFieldAsDouble), and the reader bounds it.
    const double count = CPLAtof(std::string(value).c_str());
    row.fatalities = count >= 0 && count <= 1e6 ? int32_t(count) : 0;
  });
}

// Any of the actor fields naming one of the actors: each field's list ORed.
std::optional<std::string> actorClause(const SqlSource& source, const FilterColumns& c, const EventFilter& filter) {
  if (filter.actors.empty()) return std::nullopt;
  EventFilter criterion;
  criterion.actors = filter.actors;
  auto single = [](EventRow& row, std::string_view value, auto&) { row.actor1 = optionalText(value); };
  auto list = [](EventRow&, std::string_view value, std::vector<std::string_view>& associated) {
    associated = acled::splitActors(value);
  };
  std::string any;
  bool listed = false;
  for (auto [field, fill] : {std::pair<int, ProbeFill>{c.actor1, single}, {c.actor2, single}, {c.assoc1, list}, {c.assoc2, list}}) {
    if (field < 0) continue;
    auto clause = inList(source, field, criterion, fill);
    if (!clause) return std::nullopt;  // one unlisted field may hold any actor
    listed = true;
    if (*clause != "1 = 0") any += (any.empty() ? "" : " OR ") + *clause;
  }
  if (!listed) return std::nullopt;
  return any.empty() ? std::string("1 = 0") : any;
}

// A named-value criterion on one field (types, admin names).
std::optional<std::string> namesClause(const SqlSource& source, int field, const EventFilter& criterion,
                                       std::string_view EventRow::*member, bool trimOnly) {
  return inList(source, field, criterion, [member, trimOnly](EventRow& row, std::string_view value, auto&) {
    row.*member = trimOnly ? acled::trim(value) : optionalText(value);
  });
}

}  // namespace

EventFilter databaseCriteria(const EventFilter& filter) {
  EventFilter sent;
  sent.fromDay = filter.fromDay;
  sent.toDay = filter.toDay;
  sent.admin1 = filter.admin1;
  sent.admin2 = filter.admin2;
  sent.admin3 = filter.admin3;
  sent.eventTypes = filter.eventTypes;
  sent.actors = filter.actors;
  sent.minFatalities = filter.minFatalities;
  sent.regions = filter.regions;
  return sent;
}

std::optional<SqlDialect> sqlDialectOf(GDALDataset& dataset) {
  GDALDriver* driver = dataset.GetDriver();
  const std::string name = driver ? driver->GetDescription() : "";
  if (name == "PostgreSQL") return SqlDialect::PostgreSql;
  if (name == "GPKG") return SqlDialect::Sqlite;
  return std::nullopt;
}

std::string sqlIdentifier(std::string_view name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string sqlLiteral(SqlDialect dialect, std::string_view text) {
  // PostgreSQL's E'' form reads backslashes the same whatever standard_conforming_strings says.
  std::string out = dialect == SqlDialect::PostgreSql ? "E'" : "'";
  for (char c : text) {
    if (c == '\'') out += "''";
    else if (c == '\\' && dialect == SqlDialect::PostgreSql) out += "\\\\";
    else out += c;
  }
  return out + "'";
}

std::string sqlTable(const SqlSource& source) {
  const std::string name = source.layer.GetName();
  // GDAL names a PostgreSQL table outside the search path "schema.table".
  const size_t dot = name.find('.');
  if (source.dialect == SqlDialect::PostgreSql && dot != std::string::npos)
    return sqlIdentifier(name.substr(0, dot)) + "." + sqlIdentifier(name.substr(dot + 1));
  return sqlIdentifier(name);
}

std::string incidentWhere(const SqlSource& source, const FilterColumns& c, const EventFilter& filter) {
  std::vector<std::string> clauses;
  auto add = [&](const std::optional<std::string>& clause) {
    if (clause) clauses.push_back(*clause);
  };
  if (c.date >= 0) add(dateClause(source, c.date, filter));
  if (c.fatalities >= 0) add(fatalitiesClause(source, c.fatalities, filter.minFatalities));
  if (c.type >= 0 && !filter.eventTypes.empty()) {
    EventFilter criterion;
    criterion.eventTypes = filter.eventTypes;
    add(namesClause(source, c.type, criterion, &EventRow::eventType, true));
  }
  for (auto [field, names, member] : {std::tuple{c.admin1, &EventFilter::admin1, &EventRow::admin1},
                                      {c.admin2, &EventFilter::admin2, &EventRow::admin2},
                                      {c.admin3, &EventFilter::admin3, &EventRow::admin3}}) {
    if (field < 0 || (filter.*names).empty()) continue;
    EventFilter criterion;
    criterion.*names = filter.*names;
    add(namesClause(source, field, criterion, member, false));
  }
  add(actorClause(source, c, filter));
  std::string where;
  for (const std::string& clause : clauses) where += (where.empty() ? "(" : " AND (") + clause + ")";
  return where;
}

bool narrowToRegions(OGRLayer& layer, const EventFilter& filter) {
  Bbox box;
  for (const RegionShape& region : filter.regions)
    for (const auto& ring : region.rings)
      for (const Vec2& p : ring) box.expand(p);
  if (!box.valid() || box.width() > 180) return false;  // none, or around the antimeridian
  double minX = box.minX, minY = box.minY, maxX = box.maxX, maxY = box.maxY;
  if (const OGRSpatialReference* srs = layer.GetSpatialRef(); srs && lonLatTransformFor(srs)) {
    OGRSpatialReference lonLat;
    lonLat.SetWellKnownGeogCS("WGS84");
    lonLat.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference target(*srs);
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    auto toLayer = makeTransformation(lonLat, target);
    // Edges densified: a projected box's sides are curves in the layer's CRS.
    if (!toLayer || !(*toLayer)->TransformBounds(box.minX, box.minY, box.maxX, box.maxY, &minX, &minY, &maxX, &maxY, 21))
      return false;
  }
  const double marginX = (maxX - minX) * 0.01 + 1e-9 * std::max(1.0, std::fabs(maxX));
  const double marginY = (maxY - minY) * 0.01 + 1e-9 * std::max(1.0, std::fabs(maxY));
  layer.SetSpatialFilterRect(minX - marginX, minY - marginY, maxX + marginX, maxY + marginY);
  return true;
}

}  // namespace sitmap
