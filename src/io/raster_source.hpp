// RasterSource: one GDAL raster, read tile by tile into RGBA in the display CRS (any source CRS, overviews used).
// Not thread-safe: each worker thread opens its own.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "core/image.hpp"
#include "core/result.hpp"
#include "core/style.hpp"

class GDALDataset;

namespace sitmap {

struct RasterInfo {
  std::string driver;
  int width = 0;
  int height = 0;
  int bands = 0;
  int overviews = 0;
  std::string kind;          // "RGB", "RGBA", "Paletted", "Grey", "Single band"
  Bbox displayExtent;        // in the display CRS
  double displayUnitsPerPixel = 0;  // native resolution expressed in display units
  double minValue = 0, maxValue = 0;  // single band: the range the default grey ramp stretches over
  std::string note;  // what the reader had to decide ("16-bit RGB stretched", "no data: nothing to draw")
};

// Reads a small decimated copy of every band: truncated or corrupt pixel data fails here, with GDAL's reason.
Status probeRasterReadable(GDALDataset& dataset, const std::string& path);

// For a raster too big to draw small without overviews: how to build them (empty when not needed).
std::string overviewAdvice(const std::string& path, int width, int height, int overviews);

// Builds overviews for the raster at `path` into PATH.ovr beside it (the raster itself is not touched): averaged
// levels of 2, 4, 8 ... down to about 256 pixels a side, written under a temporary name and published only when
// whole, never over an existing file. `progress` (0..1) returns false to cancel.
Result<std::string> buildExternalOverviews(const std::string& path, const std::function<bool(double)>& progress);

class RasterSource {
public:
  static Result<std::unique_ptr<RasterSource>> open(const std::string& path, const std::string& displayCrs,
                                                    const RasterStyle& style);
  ~RasterSource();

  const RasterInfo& info() const { return m_info; }
  // Pixels of `bounds` (display CRS) at widthPx×heightPx; transparent outside the raster and at nodata.
  Result<RgbaImage> readTile(const Bbox& bounds, int widthPx, int heightPx);

private:
  RasterSource() = default;
  Result<RgbaImage> colourize(GDALDataset& warped, int colourBands) const;

  std::string m_path;
  std::string m_displayWkt;
  std::string m_sourceWkt;  // the raster's CRS, or lon/lat where it has none and its extent is lon/lat
  RasterStyle m_style;
  RasterInfo m_info;
  std::unique_ptr<GDALDataset> m_file;     // the raster as opened
  std::unique_ptr<GDALDataset> m_dataset;  // what tiles are read from: the file, or a virtual view of it
  std::vector<uint8_t> m_palette;  // RGBA per index for paletted rasters
  bool m_sourceHasAlpha = false;
};

}  // namespace sitmap
