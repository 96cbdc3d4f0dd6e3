// Opening files with GDAL with one readable reason on failure ("missing", "not a raster", ...).
#pragma once

#include <gdal_priv.h>

#include <string>

#include "core/result.hpp"

namespace sitmap {

Result<GDALDatasetUniquePtr> openVectorSource(const std::string& path);
Result<GDALDatasetUniquePtr> openRasterSource(const std::string& path);
// Vector or raster, whichever GDAL recognises (for `sitmap info` and layer kind detection).
Result<GDALDatasetUniquePtr> openAnySource(const std::string& path);

}  // namespace sitmap
