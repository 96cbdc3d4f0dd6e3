// Raster placement as others write rasters: global grids in a zone CRS, geostationary disks, GCP-only and RPC-only
// rasters, and rasters whose CRS was lost.
#include "io/raster_georef.hpp"

#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <functional>
#include <string>
#include <vector>

#include "io/crs.hpp"
#include "io/raster_source.hpp"
#include "support/test_files.hpp"

using namespace sitmap;
using namespace sitmap::test;

namespace {

// A one-band Byte GeoTIFF of size×size pixels, 200 inside the pixel box [inner0, inner1)² and 50 elsewhere,
// georeferenced by `georeference` (geotransform, GCPs, RPCs or nothing) and in `crs` ("" for none).
void writeRaster(const std::string& path, int size, const std::string& crs,
                 const std::function<void(GDALDataset&, const OGRSpatialReference*)>& georeference, int inner0 = 40,
                 int inner1 = 60) {
  GDALAllRegister();
  GDALDatasetUniquePtr dataset(
      GetGDALDriverManager()->GetDriverByName("GTiff")->Create(path.c_str(), size, size, 1, GDT_Byte, nullptr));
  OGRSpatialReference srs;
  const bool hasCrs = !crs.empty() && srs.SetFromUserInput(crs.c_str()) == OGRERR_NONE;
  georeference(*dataset, hasCrs ? &srs : nullptr);
  std::vector<uint8_t> values(size_t(size) * size, 50);
  for (int y = inner0; y < inner1; ++y)
    for (int x = inner0; x < inner1; ++x) values[size_t(y) * size + x] = 200;
  ASSERT_EQ(dataset->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, size, size, values.data(), size, size, GDT_Byte, 0, 0), CE_None);
}

auto geotransform(std::array<double, 6> gt) {
  return [gt](GDALDataset& dataset, const OGRSpatialReference* srs) {
    double copy[6] = {gt[0], gt[1], gt[2], gt[3], gt[4], gt[5]};
    dataset.SetGeoTransform(copy);
    if (srs) dataset.SetSpatialRef(srs);
  };
}

Vec2 inCrs(const std::string& crs, LonLat p) {
  Vec2 v{p.lon, p.lat};
  CrsTransform::fromLonLat(crs)->apply(v);
  return v;
}

bool holds(const Bbox& box, Vec2 p) { return p.x >= box.minX && p.x <= box.maxX && p.y >= box.minY && p.y <= box.maxY; }

}  // namespace

TEST(RasterPlacement, AGlobalRasterInUtmReachesBothSidesOfTheCentralMeridian) {
  TempDir dir;
  writeSquaresGeoTiff(dir.path("world.tif"), 4326, {-180, -90, 180, 90}, 720,
                      {{{1, 15}, 1, {220, 20, 20}}, {{5, 15}, 1, {20, 20, 220}}});
  auto source = RasterSource::open(dir.path("world.tif"), "EPSG:32631", {});
  ASSERT_TRUE(source) << source.error();
  const Bbox& footprint = (*source)->info().displayExtent;
  // Zone 31's central meridian is 3°E; the raster's corners alone gave a footprint starting there.
  for (LonLat p : {LonLat{1, 15}, LonLat{5, 15}, LonLat{-17, 15}, LonLat{20, 60}, LonLat{3, -30}})
    EXPECT_TRUE(holds(footprint, inCrs("EPSG:32631", p))) << p.lon << ", " << p.lat;
  // ...and stops short of where transverse Mercator runs off to infinity (90° from the central meridian) and
  // folds back: the far side of the Earth would make it about 40,000 km tall.
  EXPECT_LT(footprint.width(), 3.2e7) << footprint.width() << " x " << footprint.height();
  EXPECT_LT(footprint.height(), 2.0e7);
  // The tiles west of the central meridian carry the raster's pixels.
  const Bbox view = CrsTransform::fromLonLat("EPSG:32631")->applyToBox({-1, 13, 7, 17});
  auto tile = (*source)->readTile(view, 400, 200);
  ASSERT_TRUE(tile) << tile.error();
  const auto at = [&](LonLat p) {
    const Vec2 v = inCrs("EPSG:32631", p);
    return pixel(*tile, int((v.x - view.minX) / view.width() * 400), int((view.maxY - v.y) / view.height() * 200));
  };
  EXPECT_TRUE(near(at({1, 15}), {220, 20, 20})) << at({1, 15})[0];
  EXPECT_TRUE(near(at({5, 15}), {20, 20, 220}));
}

TEST(RasterPlacement, AGeostationaryFullDiskOpensFromItsInterior) {
  TempDir dir;
  // Meteosat's view of the Earth: the corners of the image are off the disk, in space.
  const double r = 5434894.67527;
  writeRaster(dir.path("disk.tif"), 200, "+proj=geos +h=35785831 +lon_0=0 +datum=WGS84 +units=m +no_defs",
              geotransform({-r, 2 * r / 200, 0, r, 0, -2 * r / 200}), 80, 120);
  auto source = RasterSource::open(dir.path("disk.tif"), "EPSG:4326", {});
  ASSERT_TRUE(source) << source.error();
  const Bbox& extent = (*source)->info().displayExtent;
  // The visible limb lies 81.3° from the sub-satellite point.
  EXPECT_NEAR(extent.minX, -81.3, 0.5);
  EXPECT_NEAR(extent.maxX, 81.3, 0.5);
  EXPECT_NEAR(extent.maxY, 81.3, 0.5);
  auto tile = (*source)->readTile({-2, -2, 2, 2}, 8, 8);  // under the satellite: the bright centre
  ASSERT_TRUE(tile) << tile.error();
  EXPECT_GT(pixel(*tile, 4, 4)[0], 240);
  EXPECT_EQ(pixel(*tile, 4, 4)[3], 255);
}

TEST(RasterPlacement, AGcpOnlyRasterIsPlacedByItsGcps) {
  TempDir dir;
  // 100 x 100 pixels placed by four GCPs on 0..4°E, 14..18°N; the bright square is pixels 40..60.
  writeRaster(dir.path("gcps.tif"), 100, "EPSG:4326", [](GDALDataset& dataset, const OGRSpatialReference* srs) {
    std::vector<GDAL_GCP> gcps(4);
    GDALInitGCPs(4, gcps.data());
    const double placement[4][4] = {{0, 0, 0, 18}, {100, 0, 4, 18}, {0, 100, 0, 14}, {100, 100, 4, 14}};
    for (int i = 0; i < 4; ++i) {
      gcps[i].dfGCPPixel = placement[i][0], gcps[i].dfGCPLine = placement[i][1];
      gcps[i].dfGCPX = placement[i][2], gcps[i].dfGCPY = placement[i][3];
    }
    dataset.SetGCPs(4, gcps.data(), srs);
    GDALDeinitGCPs(4, gcps.data());
  });
  auto source = RasterSource::open(dir.path("gcps.tif"), "EPSG:3857", {});
  ASSERT_TRUE(source) << source.error();
  EXPECT_NE((*source)->info().note.find("placed by 4 GCPs"), std::string::npos) << (*source)->info().note;
  const Bbox& footprint = (*source)->info().displayExtent;
  EXPECT_NEAR(footprint.minX, inCrs("EPSG:3857", {0, 14}).x, 100);
  EXPECT_NEAR(footprint.maxY, inCrs("EPSG:3857", {4, 18}).y, 100);
  const Bbox view = CrsTransform::fromLonLat("EPSG:3857")->applyToBox({0, 14, 4, 18});
  auto tile = (*source)->readTile(view, 100, 100);
  ASSERT_TRUE(tile) << tile.error();
  const auto at = [&](LonLat p) {
    const Vec2 v = inCrs("EPSG:3857", p);
    return pixel(*tile, int((v.x - view.minX) / view.width() * 100), int((view.maxY - v.y) / view.height() * 100));
  };
  EXPECT_GT(at({2, 16})[0], 190) << "the bright square at 2°E 16°N";
  EXPECT_LT(at({0.5, 17.5})[0], 60);
  EXPECT_EQ(at({0.5, 17.5})[3], 255);

  // sitmap info gives its extent in degrees, not in pixels.
  const auto info = run("info " + quoted(dir.path("gcps.tif")));
  EXPECT_EQ(info.code, 0) << info.err;
  EXPECT_NE(info.out.find("extent (lon/lat): W 0.00000 S 14.00000 E 4.00000 N 18.00000"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("placed by 4 GCPs"), std::string::npos) << info.out;
}

TEST(RasterPlacement, AnRpcOnlyRasterIsRefusedSayingSo) {
  TempDir dir;
  writeRaster(dir.path("rpc.tif"), 64, "", [](GDALDataset& dataset, const OGRSpatialReference*) {
    const std::string ones = "1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0";
    const std::string linear = "0 0 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0";
    CPLStringList rpc;
    for (const char* key : {"LINE_OFF=32", "SAMP_OFF=32", "LAT_OFF=16", "LONG_OFF=2", "HEIGHT_OFF=0", "LINE_SCALE=32",
                            "SAMP_SCALE=32", "LAT_SCALE=1", "LONG_SCALE=1", "HEIGHT_SCALE=1"})
      rpc.AddString(key);
    rpc.SetNameValue("LINE_NUM_COEFF", linear.c_str());
    rpc.SetNameValue("LINE_DEN_COEFF", ones.c_str());
    rpc.SetNameValue("SAMP_NUM_COEFF", linear.c_str());
    rpc.SetNameValue("SAMP_DEN_COEFF", ones.c_str());
    dataset.SetMetadata(rpc.List(), "RPC");
  });
  auto source = RasterSource::open(dir.path("rpc.tif"), "EPSG:4326", {});
  ASSERT_FALSE(source);
  EXPECT_NE(source.error().find("rpc.tif: is georeferenced only by RPCs"), std::string::npos) << source.error();
  const auto info = run("info " + quoted(dir.path("rpc.tif")));
  EXPECT_EQ(info.code, 2);
  EXPECT_NE(info.err.find("RPCs"), std::string::npos) << info.err;
}

TEST(RasterPlacement, ARasterWhoseCrsWasLostIsRefusedUnlessItsExtentIsLonLat) {
  TempDir dir;
  // UTM-like metres with no CRS: read as degrees this would reach latitude 2,000,000.
  writeRaster(dir.path("metres.tif"), 64, "", geotransform({500000, 30, 0, 2000000, 0, -30}));
  auto source = RasterSource::open(dir.path("metres.tif"), "EPSG:3857", {});
  ASSERT_FALSE(source);
  EXPECT_NE(source.error().find("metres.tif: declares no CRS"), std::string::npos) << source.error();
  EXPECT_NE(source.error().find("no usable georeferencing"), std::string::npos) << source.error();
  const auto info = run("info " + quoted(dir.path("metres.tif")));
  EXPECT_EQ(info.code, 2);
  EXPECT_NE(info.err.find("no usable georeferencing"), std::string::npos) << info.err;
  // Degrees with no CRS are taken as lon/lat, as before, and drawn where they say.
  writeRaster(dir.path("degrees.tif"), 64, "", geotransform({0, 4.0 / 64, 0, 18, 0, -4.0 / 64}), 0, 32);
  auto degrees = RasterSource::open(dir.path("degrees.tif"), "EPSG:3857", {});
  ASSERT_TRUE(degrees) << degrees.error();
  const Bbox view = CrsTransform::fromLonLat("EPSG:3857")->applyToBox({0, 14, 4, 18});
  auto tile = (*degrees)->readTile(view, 64, 64);
  ASSERT_TRUE(tile) << tile.error();
  EXPECT_GT(pixel(*tile, 8, 8)[0], 190) << "the bright quarter is the north-west one";
  EXPECT_LT(pixel(*tile, 56, 56)[0], 60);
}

TEST(RasterPlacement, ARasterAcrossTheAntimeridianIsPlacedInOnePieceEastOf180) {
  TempDir dir;
  // 170°E to 170°W written as 170..190, the bright square at 183°E (177°W), 19.75°S.
  writeRaster(dir.path("pacific.tif"), 200, "EPSG:4326", geotransform({170, 20.0 / 200, 0, -10, 0, -15.0 / 200}), 120, 140);
  for (const std::string crs : {"EPSG:3857", "EPSG:4326"}) {
    auto source = RasterSource::open(dir.path("pacific.tif"), crs, {});
    ASSERT_TRUE(source) << source.error();
    const Bbox& footprint = (*source)->info().displayExtent;
    const double degree = inCrs(crs, {1, 0}).x - inCrs(crs, {0, 0}).x;
    EXPECT_NEAR(footprint.width(), 20 * degree, 0.2 * degree) << crs << ": not the whole world";
    EXPECT_NEAR(footprint.minX, inCrs(crs, {170, 0}).x, 0.2 * degree) << crs;
    // The tile beyond 180° shows the raster's pixels there.
    const double at183 = inCrs(crs, {180, 0}).x + 3 * degree, y = inCrs(crs, {0, -19.75}).y;
    auto tile = (*source)->readTile({at183 - degree / 2, y - degree / 2, at183 + degree / 2, y + degree / 2}, 8, 8);
    ASSERT_TRUE(tile) << tile.error();
    EXPECT_EQ(pixel(*tile, 4, 4)[3], 255) << crs;
    EXPECT_GT(pixel(*tile, 4, 4)[0], 190) << crs << ": the bright square at 183°E";
  }
}
