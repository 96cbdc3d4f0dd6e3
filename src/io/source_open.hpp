// Opening files with GDAL with one readable reason on failure ("missing", "not a raster", ...).
#pragma once

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "io/crs.hpp"

namespace sitmap {

// onlyDrivers: GDAL driver names to try, none other; empty: those the extension names (.gpx: GPX, .geojson:
// GeoJSON, .kml: KML, .gpkg: GeoPackage), or every driver for other extensions.
Result<GDALDatasetUniquePtr> openVectorSource(const std::string& path, const std::vector<const char*>& onlyDrivers = {});
Result<GDALDatasetUniquePtr> openRasterSource(const std::string& path);
// Vector or raster, whichever GDAL recognises (for `sitmap info` and layer kind detection).
Result<GDALDatasetUniquePtr> openAnySource(const std::string& path);

// A container's subdatasets (NetCDF and HDF variables, a GeoPackage's raster tables), each as GDAL names it
// (the name opens it: NETCDF:"f.nc":tas) with its description; empty for an ordinary file.
struct Subdataset {
  std::string name, description;
};
std::vector<Subdataset> subdatasetsOf(GDALDataset& dataset);
// "holds 2 subdatasets and no data of its own; open one by its name: GPKG:a.gpkg:first, GPKG:a.gpkg:second".
std::string subdatasetAdvice(const std::vector<Subdataset>& subdatasets);

// The transformation from a layer's CRS to WGS 84 longitude/latitude (traditional axis order);
// null when the layer is already in lon/lat or declares no CRS (taken as lon/lat).
// (Null also where no transformation exists: such a layer's points fail one by one.)
Transformation lonLatTransformFor(const OGRSpatialReference* layerSrs);

// Datasets kept open by path, so layers that share a file (a GeoPackage's layers) open it once.
// Not thread-safe: one cache per thread.
class DatasetCache {
public:
  Result<GDALDataset*> open(const std::string& path);

private:
  std::map<std::string, GDALDatasetUniquePtr> m_open;
};

}  // namespace sitmap
