// Dataset opening with file checks first, so the message names the real problem.
#include "io/source_open.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <system_error>

#include <ogrsf_frmts.h>

#include "core/text.hpp"
#include "io/gdal_session.hpp"
#include "io/input_file.hpp"

namespace sitmap {

namespace {

bool isCsv(const std::string& path) {
  const std::string ext = lowerExtension(path);
  return ext == ".csv" || ext == ".tsv";
}

bool isSqliteBased(const std::string& path) {
  const std::string ext = lowerExtension(path);
  return ext == ".gpkg" || ext == ".sqlite" || ext == ".db" || ext == ".mbtiles";
}

// The drivers a vector file's extension names, so that GDAL does not probe all of its two hundred (most of the
// time of opening a small file) and bytes another driver also claims never reach it (GDAL's OSM driver builds a
// temporary SQLite database for a ".gpx" that begins "<osm"). Empty: every driver, for other extensions.
std::vector<const char*> driversForExtension(const std::string& path) {
  const std::string ext = lowerExtension(path);
  if (ext == ".gpx") return {"GPX"};
  if (ext == ".geojson") return {"GeoJSON", "GeoJSONSeq"};
  if (ext == ".kml" || ext == ".kmz") return {"LIBKML", "KML"};
  if (ext == ".gpkg") return {"GPKG"};
  return {};
}

// GDAL's message in one line: libpq's real reason without the driver's "PQconnectdb failed." preamble
// ("connection to server at "127.0.0.1", port 5433 failed: FATAL: password authentication failed for user "me"").
std::string readableReason(std::string message) {
  for (const char* preamble : {"PQconnectdb failed.", "PQconnectdb failed"})
    if (message.rfind(preamble, 0) == 0) message.erase(0, std::strlen(preamble));
  return oneLine(message);
}

// A GDAL WMS/TMS description without a <Cache> of its own fetches a tile again each time a read needs it
// (twice in one render, and again on each pan): open it with an in-memory cache shared by every dataset in the
// process, so a tile is fetched once. The description is read, never written: the copy with the cache is
// what GDAL opens (the driver takes the XML itself as a name). Empty: open the path as it is.
std::string wmsWithCache(const std::string& path) {
  if (!isLocalFilePath(path) || lowerExtension(path) != ".xml") return {};
  std::ifstream in(path, std::ios::binary);
  std::string xml(64 * 1024, '\0');
  in.read(xml.data(), std::streamsize(xml.size()));
  xml.resize(size_t(in.gcount()));
  if (!in.eof() || xml.rfind("<GDAL_WMS>", 0) != 0 || xml.find("<Cache") != std::string::npos) return {};
  const size_t end = xml.rfind("</GDAL_WMS>");
  if (end == std::string::npos) return {};
  return xml.insert(end, "<Cache><Path>/vsimem/sitmap-wms-cache</Path><MaxSize>268435456</MaxSize></Cache>");
}

Result<GDALDatasetUniquePtr> open(const std::string& path, unsigned int flags, const char* what,
                                  const std::vector<const char*>& onlyDrivers = {}) {
  ensureGdal();
  // Paths GDAL handles itself (/vsizip/..., URLs, connection strings) skip the file checks.
  if (isLocalFilePath(path)) {
    if (Status usable = checkInputFile(path); !usable) return Error{usable.error()};
    std::error_code ec;
    if (std::filesystem::file_size(path, ec) == 0) return Error{path + ": file is empty"};
  }
  // CSV: take geometry from lon/lat-like columns, whatever their exact names.
  const char* csvOptions[] = {"X_POSSIBLE_NAMES=lon,long,longitude,x,lng", "Y_POSSIBLE_NAMES=lat,latitude,y",
                              "KEEP_GEOM_COLUMNS=NO", "AUTODETECT_TYPE=YES", nullptr};
  // SQLite-based files (GeoPackage, SpatiaLite) are opened one at a time: SpatiaLite's initialisation calls
  // setlocale, which races with itself when layers load on parallel threads (seen with ThreadSanitizer).
  static std::mutex sqliteOpen;
  std::unique_lock<std::mutex> serialised(sqliteOpen, std::defer_lock);
  if (isSqliteBased(path)) serialised.lock();
  const std::string cachedWms = wmsWithCache(path);
  std::vector<const char*> allowed(onlyDrivers);
  if (!allowed.empty()) allowed.push_back(nullptr);
  GDALDatasetUniquePtr dataset(GDALDataset::Open((cachedWms.empty() ? gdalPathOf(path) : cachedWms).c_str(), flags | GDAL_OF_VERBOSE_ERROR,
                                                 allowed.empty() ? nullptr : allowed.data(), isCsv(path) ? csvOptions : nullptr, nullptr));
  if (serialised.owns_lock()) serialised.unlock();
  if (dataset && dataset->GetDriver() && std::strcmp(dataset->GetDriver()->GetDescription(), "OGR_VRT") == 0) {
    // A VRT opens its sources only when a layer is first used, and a source that fails then (a database that is
    // down) leaves an empty layer: "no features" instead of the reason. Open them now and say why.
    GdalFailures failures;
    for (int i = 0; i < dataset->GetLayerCount(); ++i) dataset->GetLayer(i)->GetLayerDefn();
    if (!failures.messages().empty()) {
      const std::string reason = readableReason(failures.messages().front());
      return Error{maskCredentials(path) + ": cannot open a source it names: " + maskCredentials(reason)};
    }
  }
  if (!dataset) {
    std::string reason = readableReason(lastGdalError(""));
    // GDAL's "not recognized as a supported file format" is the common case for garbage bytes.
    if (reason.empty() || reason.find("not recognized") != std::string::npos)
      reason = std::string("not a readable ") + what + " (unknown or corrupt format)";
    // A password in the path or in libpq's message is never shown.
    return Error{maskCredentials(path) + ": " + maskCredentials(reason)};
  }
  return dataset;
}

}  // namespace

Result<GDALDatasetUniquePtr> openVectorSource(const std::string& path, const std::vector<const char*>& onlyDrivers) {
  return open(path, GDAL_OF_VECTOR | GDAL_OF_READONLY, "vector file", onlyDrivers.empty() ? driversForExtension(path) : onlyDrivers);
}

Result<GDALDatasetUniquePtr> openRasterSource(const std::string& path) {
  return open(path, GDAL_OF_RASTER | GDAL_OF_READONLY, "raster");
}

Result<GDALDatasetUniquePtr> openAnySource(const std::string& path) {
  // A connection string is opened as a vector source first: with both flags GDAL's PostGIS Raster driver takes a
  // PG: string and fails on a database without raster tables, hiding the vector tables and libpq's reason.
  if (isConnectionString(path)) {
    auto vector = openVectorSource(path);
    if (vector) return vector;
    auto raster = openRasterSource(path);
    return raster ? std::move(raster) : Result<GDALDatasetUniquePtr>(Error{vector.error()});
  }
  return open(path, GDAL_OF_RASTER | GDAL_OF_VECTOR | GDAL_OF_READONLY, "raster or vector file");
}

std::vector<Subdataset> subdatasetsOf(GDALDataset& dataset) {
  std::vector<Subdataset> found;
  // The whole list, not item by item: the netCDF driver answers only GetMetadata for this domain.
  char** list = dataset.GetMetadata("SUBDATASETS");
  for (int i = 1; list; ++i) {
    const std::string key = "SUBDATASET_" + std::to_string(i);
    const char* name = CSLFetchNameValue(list, (key + "_NAME").c_str());
    if (!name) break;
    const char* description = CSLFetchNameValue(list, (key + "_DESC").c_str());
    found.push_back({name, description ? description : ""});
  }
  return found;
}

std::string subdatasetAdvice(const std::vector<Subdataset>& subdatasets) {
  std::string text = "holds " + std::to_string(subdatasets.size()) + " subdataset" + (subdatasets.size() == 1 ? "" : "s") +
                     " and no data of its own; open one by its name (sitmap info lists them):";
  constexpr size_t kNamed = 5;
  for (size_t i = 0; i < std::min(subdatasets.size(), kNamed); ++i) text += (i ? ", " : " ") + subdatasets[i].name;
  if (subdatasets.size() > kNamed) text += ", ...";
  return text;
}

Transformation lonLatTransformFor(const OGRSpatialReference* layerSrs) {
  if (!layerSrs) return nullptr;
  OGRSpatialReference lonLat;
  lonLat.SetWellKnownGeogCS("WGS84");
  lonLat.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRSpatialReference source(*layerSrs);
  source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  if (source.IsSame(&lonLat)) return nullptr;
  auto transform = makeTransformation(source, lonLat);
  return transform ? std::move(*transform) : nullptr;
}

Result<GDALDataset*> DatasetCache::open(const std::string& path) {
  auto it = m_open.find(path);
  if (it == m_open.end()) {
    auto opened = openAnySource(path);
    if (!opened) return Error{opened.error()};
    it = m_open.emplace(path, std::move(*opened)).first;
  }
  return it->second.get();
}

}  // namespace sitmap
