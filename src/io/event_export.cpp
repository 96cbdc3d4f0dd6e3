// Incident exports.
#include "io/event_export.hpp"

#include <ogrsf_frmts.h>

#include <algorithm>
#include <atomic>
#include <cpl_vsi.h>
#include <fstream>
#include <iterator>

#include "core/civil_date.hpp"
#include "io/csv_reader.hpp"
#include "io/file_write.hpp"
#include "io/gdal_session.hpp"

namespace sitmap {

Status exportEventsCsv(const std::string& sourcePath, const EventTable& table, const std::vector<uint32_t>& events,
                       const std::string& outPath, bool overwrite) {
  std::vector<uint32_t> rows;
  for (uint32_t e : events)
    rows.insert(rows.end(), table.sourceRows.begin() + table.sourceRowOffsets[e],
                table.sourceRows.begin() + table.sourceRowOffsets[e + 1]);
  std::sort(rows.begin(), rows.end());
  std::ifstream in(sourcePath, std::ios::binary);
  if (!in) return Error{sourcePath + ": cannot read the source again for export"};
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CsvReader reader(text);
  std::vector<std::string_view> fields;
  std::string out;
  // Keep the source's line endings (ACLED's own exports use CRLF).
  const size_t firstBreak = text.find('\n');
  const char* lineEnd = firstBreak != std::string::npos && firstBreak > 0 && text[firstBreak - 1] == '\r' ? "\r\n" : "\n";
  auto writeRecord = [&] {
    for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csvField(fields[i]);
    out += lineEnd;
  };
  if (reader.next(fields)) writeRecord();  // the header
  uint32_t row = 1;
  auto wanted = rows.begin();
  while (wanted != rows.end() && reader.next(fields)) {
    ++row;
    if (row != *wanted) continue;
    writeRecord();
    ++wanted;
  }
  return writeFileAtomically(outPath, std::vector<uint8_t>(out.begin(), out.end()), overwrite);
}

Status exportEventsGeoJson(const EventTable& t, const std::vector<uint32_t>& events, const std::string& outPath,
                           bool overwrite) {
  ensureGdal();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GeoJSON");
  // GDAL writes into memory; the bytes then go through the one atomic writer, which checks every write and
  // fsyncs before publishing (GDAL's own close reports no error on a full disk).
  static std::atomic<uint64_t> exportsStarted{0};
  const std::string temporary = "/vsimem/sitmap-export-" + std::to_string(++exportsStarted) + ".geojson";
  GDALDatasetUniquePtr dataset(driver->Create(temporary.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!dataset) return Error{outPath + ": cannot write: " + lastGdalError("GeoJSON driver failed")};
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRLayer* layer = dataset->CreateLayer("incidents", &wgs84, wkbPoint, nullptr);
  struct Column {
    const char* name;
    OGRFieldType type;
  };
  const Column columns[] = {{"event_id_cnty", OFTString}, {"event_date", OFTString},  {"event_type", OFTString},
                            {"sub_event_type", OFTString}, {"actor1", OFTString},     {"actor2", OFTString},
                            {"admin1", OFTString},         {"admin2", OFTString},     {"location", OFTString},
                            {"fatalities", OFTInteger},    {"time_precision", OFTInteger}, {"geo_precision", OFTInteger},
                            {"source", OFTString},         {"notes", OFTString}};
  for (const Column& column : columns) {
    OGRFieldDefn field(column.name, column.type);
    layer->CreateField(&field);
  }
  for (uint32_t e : events) {
    OGRFeature feature(layer->GetLayerDefn());
    feature.SetField("event_id_cnty", std::string(t.id[e]).c_str());
    feature.SetField("event_date", formatIsoDate(t.day[e]).c_str());
    feature.SetField("event_type", t.eventTypes.value(t.eventType[e]).c_str());
    feature.SetField("sub_event_type", t.subEventTypes.value(t.subEventType[e]).c_str());
    feature.SetField("actor1", t.actorNames.value(t.actor1[e]).c_str());
    feature.SetField("actor2", t.actorNames.value(t.actor2[e]).c_str());
    feature.SetField("admin1", t.admin1Names.value(t.admin1[e]).c_str());
    feature.SetField("admin2", t.admin2Names.value(t.admin2[e]).c_str());
    feature.SetField("location", std::string(t.location[e]).c_str());
    feature.SetField("fatalities", t.fatalities[e]);
    feature.SetField("time_precision", int(t.timePrecision[e]));
    feature.SetField("geo_precision", int(t.geoPrecision[e]));
    feature.SetField("source", std::string(t.source[e]).c_str());
    feature.SetField("notes", std::string(t.notes[e]).c_str());
    OGRPoint point(t.lon[e], t.lat[e]);
    feature.SetGeometry(&point);
    if (layer->CreateFeature(&feature) != OGRERR_NONE) {
      dataset.reset();
      VSIUnlink(temporary.c_str());
      return Error{outPath + ": cannot write: " + lastGdalError("feature rejected")};
    }
  }
  dataset.reset();  // closes the memory file, completing the JSON
  vsi_l_offset size = 0;
  GByte* bytes = VSIGetMemFileBuffer(temporary.c_str(), &size, FALSE);
  if (!bytes) return Error{outPath + ": cannot write: the GeoJSON driver produced nothing"};
  const std::vector<uint8_t> text(bytes, bytes + size);
  VSIUnlink(temporary.c_str());
  return writeFileAtomically(outPath, text, overwrite);
}

}  // namespace sitmap
