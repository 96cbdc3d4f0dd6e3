// Incidents from OGR point layers: see ogr_incidents.hpp.
#include "io/ogr_incidents.hpp"

#include <ogrsf_frmts.h>

#include <algorithm>
#include <deque>
#include <string_view>
#include <cpl_error.h>

#include "core/civil_date.hpp"
#include "core/event_table_builder.hpp"
#include "core/text.hpp"
#include "io/acled_fields.hpp"
#include "io/incident_sql.hpp"
#include "io/source_open.hpp"

namespace sitmap {

using namespace acled;

std::vector<std::string> ogrFieldNames(const std::string& path, const std::string& layerName) {
  std::vector<std::string> names;
  auto dataset = openVectorSource(path);
  if (!dataset) return names;
  OGRLayer* layer = layerName.empty() ? (*dataset)->GetLayer(0) : (*dataset)->GetLayerByName(layerName.c_str());
  if (!layer) return names;
  for (int i = 0; i < layer->GetLayerDefn()->GetFieldCount(); ++i) names.emplace_back(layer->GetLayerDefn()->GetFieldDefn(i)->GetNameRef());
  return names;
}

namespace {

// `where` (a list of parenthesised clauses, or empty) and `more` (one condition, or empty), as one WHERE clause.
std::string bothConditions(const std::string& where, const std::string& more) {
  if (more.empty()) return where;
  return (where.empty() ? "" : where + " AND ") + "(" + more + ")";
}

// Puts what `query` asks into the layer's attribute and spatial filters, where the source runs SQL; the clause
// goes into `import` for the summary. An incremental read first takes the column's current maximum and reads
// up to it, so a row committed during the read is left for the next one rather than missed.

Status narrowQuery(GDALDataset& dataset, OGRLayer& layer, const IncidentQuery& query, const FilterColumns& columns,
                   EventImport& import) {
  const auto dialect = sqlDialectOf(dataset);
  if (!dialect) {
    if (!query.newerColumn.empty()) return Error{"reads only new rows from a database (PostgreSQL or GeoPackage), not from this source"};
    return success();
  }
  const SqlSource source{dataset, layer, *dialect};
  std::string where = query.prefilter ? incidentWhere(source, columns, *query.prefilter) : std::string();
  if (!query.newerColumn.empty()) {
    if (layer.GetLayerDefn()->GetFieldIndex(query.newerColumn.c_str()) < 0)
      return Error{"no field '" + query.newerColumn + "' to read new rows by"};
    const std::string column = sqlIdentifier(query.newerColumn);
    std::string newer = query.after.empty() ? std::string() : column + " > " + sqlLiteral(*dialect, query.after);
    const std::string bounded = bothConditions(where, newer);
    const std::string sql = "SELECT CAST(max(" + column + ") AS TEXT) FROM " + sqlTable(source) + (bounded.empty() ? "" : " WHERE " + bounded);
    OGRLayer* result = dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!result) return Error{"cannot read the highest " + query.newerColumn + ": " + CPLGetLastErrorMsg()};
    std::string newest;
    if (OGRFeature* row = result->GetNextFeature()) {
      if (row->IsFieldSetAndNotNull(0)) newest = row->GetFieldAsString(0);
      OGRFeature::DestroyFeature(row);
    }
    dataset.ReleaseResultSet(result);
    import.newest = newest.empty() ? query.after : newest;
    // Nothing new: a clause that matches nothing, rather than the whole table.
    const std::string upTo = newest.empty() ? std::string("1 = 0") : column + " <= " + sqlLiteral(*dialect, newest);
    newer = newer.empty() ? upTo : newer + " AND " + upTo;
    where = bothConditions(where, newer);
  }
  if (!where.empty()) {
    if (layer.SetAttributeFilter(where.c_str()) != OGRERR_NONE)
      return Error{std::string("the database refused the filter: ") + CPLGetLastErrorMsg()};
    import.databaseFilter = where;
    import.readWhole = false;
  }
  if (query.prefilter && narrowToRegions(layer, *query.prefilter)) import.readWhole = false;
  return success();
}

}  // namespace

Result<EventImport> readIncidentsFromOgr(const std::string& path, const std::string& layerName,
                                         const std::map<std::string, std::string>& fields, const ImportProgress& progress,
                                         const IncidentQuery& query) {
  auto dataset = openVectorSource(path);
  if (!dataset) return Error{dataset.error()};
  OGRLayer* layer = layerName.empty() ? (*dataset)->GetLayer(0) : (*dataset)->GetLayerByName(layerName.c_str());
  if (!layer) return Error{path + ": no layer " + (layerName.empty() ? std::string("at all") : "named '" + layerName + "'")};
  OGRFeatureDefn* definition = layer->GetLayerDefn();
  auto column = [&](const char* role, const char* acledName) {
    auto it = fields.find(role);
    return definition->GetFieldIndex(it != fields.end() ? it->second.c_str() : acledName);
  };
  const int date = column("date", "event_date"), type = column("type", "event_type"), subType = column("sub_type", "sub_event_type");
  const int actor1 = column("actor1", "actor1"), actor2 = column("actor2", "actor2"), deaths = column("fatalities", "fatalities");
  const int notes = column("notes", "notes"), location = column("location", "location"), admin1 = column("admin1", "admin1");
  const int source = column("source", "source");
  // The rest of ACLED's columns where the layer has them (a PostGIS table loaded from an export), so an
  // incident reads the same from any source.
  const int id = column("id", "event_id_cnty"), timePrecision = column("time_precision", "time_precision");
  const int geoPrecision = column("geo_precision", "geo_precision"), disorder = column("disorder_type", "disorder_type");
  const int admin2 = column("admin2", "admin2"), admin3 = column("admin3", "admin3");
  const int inter1 = column("inter1", "inter1"), inter2 = column("inter2", "inter2"), interaction = column("interaction", "interaction");
  const int civilian = column("civilian_targeting", "civilian_targeting"), tags = column("tags", "tags");
  const int assoc1 = column("assoc_actor_1", "assoc_actor_1"), assoc2 = column("assoc_actor_2", "assoc_actor_2");
  const int stretchColumn = column("stretch_wkt", "stretch_wkt");
  if (date < 0) return Error{path + ": no date field (map one: \"fields\": {\"date\": \"...\"})"};
  // Only the fields read below come through OGR (ACLED's year, iso, region, country, coordinates, source_scale
  // and timestamp columns are never parsed per feature): a GeoPackage of ACLED's 31 columns loads faster.
  {
    const int used[] = {date, type, subType, actor1, actor2, deaths, notes, location, admin1, source, id, timePrecision,
                        geoPrecision, disorder, admin2, admin3, inter1, inter2, interaction, civilian, tags, assoc1, assoc2,
                        stretchColumn};
    std::vector<const char*> ignored;
    for (int i = 0; i < definition->GetFieldCount(); ++i)
      if (std::find(std::begin(used), std::end(used), i) == std::end(used)) ignored.push_back(definition->GetFieldDefn(i)->GetNameRef());
    ignored.push_back("OGR_STYLE");
    ignored.push_back(nullptr);
    layer->SetIgnoredFields(ignored.data());
  }

  const auto toLonLat = lonLatTransformFor(layer->GetSpatialRef());

  EventImport import;
  if (auto narrowed = narrowQuery(**dataset, *layer, query, {date, type, admin1, admin2, admin3, actor1, actor2, assoc1, assoc2, deaths}, import);
      !narrowed)
    return Error{path + ": " + narrowed.error()};
  const bool queried = !import.databaseFilter.empty() || layer->GetSpatialFilter();
  import.recordName = "feature";
  EventTable& t = import.table;
  for (int i = 0; i < definition->GetFieldCount(); ++i) t.header.emplace_back(definition->GetFieldDefn(i)->GetNameRef());
  EventTableBuilder builder(t);
  // A field's text without a copy: a text field's own storage (valid while the feature lives), or the text OGR
  // formats from another type, kept for the feature in `formatted` (OGR reuses its buffer on the next call).
  std::deque<std::string> formatted;
  auto text = [&](OGRFeature& f, int index) -> std::string_view {
    if (index < 0 || !f.IsFieldSetAndNotNull(index)) return {};
    if (definition->GetFieldDefn(index)->GetType() == OFTString) return f.GetFieldAsString(index);
    return formatted.emplace_back(f.GetFieldAsString(index));
  };
  // A code held as a number (GeoPackage integers) is read as one, never formatted into text and parsed back.
  auto code = [&](OGRFeature& f, int index, int (*fromText)(std::string_view)) {
    if (index < 0 || !f.IsFieldSetAndNotNull(index)) return 0;
    const OGRFieldType fieldType = definition->GetFieldDefn(index)->GetType();
    if (fieldType != OFTInteger && fieldType != OFTInteger64 && fieldType != OFTReal) return fromText(text(f, index));
    const double value = f.GetFieldAsDouble(index);
    return value >= 0 && value <= 99 ? int(value) : 0;
  };
  const GIntBig total = std::max<GIntBig>(1, layer->GetFeatureCount());
  size_t number = 0;
  for (auto& feature : *layer) {
    formatted.clear();
    ++number;
    ++import.rowsRead;
    if ((number & 0xFFFF) == 0 && progress && !progress(double(number) / double(total))) return Error{path + ": import cancelled"};
    const OGRGeometry* geometry = feature->GetGeometryRef();
    if (!geometry || wkbFlatten(geometry->getGeometryType()) != wkbPoint) {
      ++import.rowsSkipped;
      if (import.problems.size() < 10) import.problems.push_back({number, "no point geometry"});
      continue;
    }
    double x = geometry->toPoint()->getX(), y = geometry->toPoint()->getY();
    if (toLonLat && !toLonLat->Transform(1, &x, &y)) continue;
    std::optional<int32_t> day;
    int year = 0, month = 0, dayOfMonth = 0, hour = 0, minute = 0, zone = 0;
    float second = 0;
    const OGRFieldType dateType = definition->GetFieldDefn(date)->GetType();
    if ((dateType == OFTDate || dateType == OFTDateTime) && feature->IsFieldSetAndNotNull(date) &&
        feature->GetFieldAsDateTime(date, &year, &month, &dayOfMonth, &hour, &minute, &second, &zone))
      day = daysFromCivil(year, month, dayOfMonth);
    else
      day = parseEventDate(text(*feature, date));
    if (!day) {
      ++import.rowsSkipped;
      if (import.problems.size() < 10) import.problems.push_back({number, "cannot read the date '" + std::string(text(*feature, date)) + "'"});
      continue;
    }
    const std::string_view stretchText = text(*feature, stretchColumn);
    const auto stretch = stretchText.empty() ? std::optional<std::vector<LonLat>>() : parseStretch(stretchText);
    if (!stretchText.empty() && !stretch) {
      ++import.rowsSkipped;
      if (import.problems.size() < 10) import.problems.push_back({number, "stretch_wkt is not a LINESTRING of longitude latitude pairs"});
      continue;
    }
    const std::string_view typeName = text(*feature, type), subTypeName = text(*feature, subType);
    const std::string_view admin1Name = text(*feature, admin1), actor1Name = text(*feature, actor1), actor2Name = text(*feature, actor2);
    const std::string idText = id >= 0 ? std::string(text(*feature, id)) : std::to_string(feature->GetFID());
    const std::string_view locationText = text(*feature, location);
    const std::string_view notesText = text(*feature, notes), sourceText = text(*feature, source);
    const std::string_view disorderText = text(*feature, disorder), admin2Name = text(*feature, admin2), admin3Name = text(*feature, admin3);
    const std::string_view assoc1Text = text(*feature, assoc1), assoc2Text = text(*feature, assoc2), tagsText = text(*feature, tags);
    std::vector<std::string_view> associated = splitActors(assoc1Text);
    appendActors(assoc2Text, associated);
    EventRow event;
    event.id = idText;
    event.timePrecision = uint8_t(code(*feature, timePrecision, parseSmallInt));
    event.geoPrecision = uint8_t(code(*feature, geoPrecision, parseSmallInt));
    event.disorderType = disorderText;
    event.admin2 = optionalText(admin2Name);
    event.admin3 = optionalText(admin3Name);
    event.assocActor1 = optionalText(assoc1Text);
    event.assocActor2 = optionalText(assoc2Text);
    event.associated = associated;
    event.inter1 = uint8_t(code(*feature, inter1, interCode));
    event.inter2 = uint8_t(code(*feature, inter2, interCode));
    event.interaction = uint16_t(code(*feature, interaction, interactionCode));
    event.civilianTargeting = !optionalText(text(*feature, civilian)).empty();
    event.tags = optionalText(tagsText);
    if (stretch) event.stretch = *stretch;
    event.day = *day;
    // The same clean-up as the CSV reader's, so a value reads alike from either.
    event.eventType = trim(typeName);
    event.subEventType = optionalText(subTypeName);
    event.admin1 = optionalText(admin1Name);
    event.actor1 = optionalText(actor1Name);
    event.actor2 = optionalText(actor2Name);
    event.lon = x;
    event.lat = y;
    const double deathCount = deaths >= 0 && feature->IsFieldSetAndNotNull(deaths) ? feature->GetFieldAsDouble(deaths) : 0;
    event.fatalities = deathCount >= 0 && deathCount <= 1e6 ? int32_t(deathCount) : 0;
    event.location = optionalText(locationText);
    event.notes = notesText;
    event.source = trim(sourceText);
    event.sourceRow = uint32_t(number);
    builder.add(event);
  }
  builder.finish();
  if (t.size() == 0 && !queried) return Error{path + ": no feature with a point and a readable date"};
  if (progress) progress(1.0);
  return import;
}

}  // namespace sitmap
