// Where a raster lies on the Earth: its CRS (declared, or lon/lat where its extent is lon/lat), its pixels placed by
// a geotransform or by GCPs, and its footprint in a display CRS sampled over its edges and interior.
#pragma once

#include <string>

#include "core/geometry.hpp"
#include "core/result.hpp"

class GDALDataset;

namespace sitmap {

struct PlacedRaster {
  std::string crsWkt;       // the CRS of the geotransform or the GCPs
  bool crsAssumed = false;  // no CRS in the file: lon/lat taken because the extent is lon/lat
  bool byGcps = false;      // no geotransform: GCPs place it (a polynomial fit through them, as gdalwarp does)
  std::string note;         // "placed by 6 GCPs", for the reader
};

// Refuses what cannot be placed, saying why: no geotransform, world file or GCPs; RPCs only (not supported);
// no CRS and an extent that is not longitude/latitude (a pixel grid, or a projected grid whose CRS was lost).
Result<PlacedRaster> placeRaster(GDALDataset& file, const std::string& path);

// The raster's footprint in `displayCrs`: a grid of points over the raster (129 x 129, edges included, and the
// limb where it leaves the Earth) taken to the display CRS, leaving out the points that CRS cannot show: off the
// Earth (a geostationary disk's corners), beyond a world-wide CRS's latitudes (EPSG:3857: ±85.06°, clamped) and,
// for a zone CRS such as UTM, farther than 80° from the centre of its area of use, where transverse Mercator runs
// off to infinity and folds back. (The corners alone cut a global raster at a UTM zone's central meridian.)
Result<Bbox> rasterFootprint(GDALDataset& file, const PlacedRaster& raster, const std::string& displayCrs,
                             const std::string& path);

}  // namespace sitmap
