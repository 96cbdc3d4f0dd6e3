// What sitmap sees in a file: driver, CRS, lon/lat extent, raster size and bands, vector layers. For `sitmap info`.
#pragma once

#include <string>

#include "core/result.hpp"

namespace sitmap {

Result<std::string> describeDataset(const std::string& path);

}  // namespace sitmap
