// Every format the foundation promises loads through the same path: vector (GeoPackage, Shapefile, GeoJSON,
// KML, GPX, CSV) and raster (GeoTIFF, PNG with world file, paletted, MBTiles).
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "io/gdal_session.hpp"
#include "io/raster_source.hpp"
#include "io/vector_loader.hpp"
#include "support/test_files.hpp"

using namespace sitmap;
using namespace sitmap::test;

namespace {

const char* kKidalGao = R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"name":"Kidal"},"geometry":{"type":"Point","coordinates":[1.40778,18.44111]}},
 {"type":"Feature","properties":{"name":"Gao"},"geometry":{"type":"Point","coordinates":[-0.04472,16.27167]}}]})";

// Converts the GeoJSON into `driver`'s format with GDAL's own ogr2ogr, as a user's file would be.
std::string convert(const TempDir& dir, const char* driver, const char* name) {
  ensureGdal();
  writeText(dir.path("src.geojson"), kKidalGao);
  GDALDatasetH source = GDALOpenEx(dir.path("src.geojson").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
  const char* args[] = {"-f", driver, nullptr};
  GDALVectorTranslateOptions* options = GDALVectorTranslateOptionsNew(const_cast<char**>(args), nullptr);
  int usageError = 0;
  GDALDatasetH out = GDALVectorTranslate(dir.path(name).c_str(), nullptr, 1, &source, options, &usageError);
  GDALVectorTranslateOptionsFree(options);
  EXPECT_TRUE(out) << "cannot write " << driver;
  GDALClose(out);
  GDALClose(source);
  return dir.path(name);
}

class VectorFormats : public ::testing::TestWithParam<std::pair<const char*, const char*>> {};

}  // namespace

TEST_P(VectorFormats, LoadWithTheirPoints) {
  TempDir dir;
  const auto [driver, name] = GetParam();
  const std::string path = convert(dir, driver, name);
  auto data = loadVector({path, "", "EPSG:4326", "", "", true, ""});
  ASSERT_TRUE(data) << data.error();
  ASSERT_EQ(data->points.size(), 2u);
  EXPECT_NEAR(data->points[0].x, 1.40778, 1e-5);
  EXPECT_NEAR(data->points[1].y, 16.27167, 1e-5);
}

INSTANTIATE_TEST_SUITE_P(Drivers, VectorFormats,
                         ::testing::Values(std::pair{"GPKG", "a.gpkg"}, std::pair{"ESRI Shapefile", "a.shp"},
                                           std::pair{"GeoJSON", "a.geojson"}, std::pair{"KML", "a.kml"},
                                           std::pair{"GPX", "a.gpx"}),
                         [](const auto& param) { return std::string(param.param.second).substr(2); });

TEST(RasterFormats, PngWithAWorldFileLandsWhereTheWorldFileSays) {
  TempDir dir;
  writeSquaresGeoTiff(dir.path("a.tif"), 4326, {0, 14, 4, 18}, 100, {});
  GDALDatasetUniquePtr src(GDALDataset::Open(dir.path("a.tif").c_str(), GDAL_OF_RASTER));
  const char* worldFile[] = {"WORLDFILE=YES", nullptr};
  GDALClose(GetGDALDriverManager()->GetDriverByName("PNG")->CreateCopy(
      dir.path("a.png").c_str(), src.get(), FALSE, const_cast<char**>(worldFile), nullptr, nullptr));
  std::remove(dir.path("a.png.aux.xml").c_str());  // only the world file may place it
  auto source = RasterSource::open(dir.path("a.png"), "EPSG:4326", {});
  ASSERT_TRUE(source) << source.error();
  EXPECT_NEAR((*source)->info().displayExtent.minX, 0, 1e-9);
  EXPECT_NEAR((*source)->info().displayExtent.maxY, 18, 1e-9);
}

TEST(RasterFormats, PalettedColoursComeFromTheColourTable) {
  TempDir dir;
  ensureGdal();
  // Built in memory, saved as PNG (whose palettes carry alpha, unlike TIFF's) with a world file.
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("MEM");
  GDALDatasetUniquePtr ds(driver->Create("", 8, 1, 1, GDT_Byte, nullptr));
  double gt[6] = {0, 1, 0, 1, 0, -1};
  ds->SetGeoTransform(gt);
  ds->SetProjection("EPSG:4326");
  GDALColorTable table;
  // Classes 0 (red) and 2 (blue) side by side, class 3 transparent; class 1 (green) lies between 0 and 2 only in
  // index order, never on the map.
  GDALColorEntry red{255, 0, 0, 255}, green{0, 255, 0, 255}, blue{0, 0, 255, 255}, transparent{0, 0, 0, 0};
  table.SetColorEntry(0, &red);
  table.SetColorEntry(1, &green);
  table.SetColorEntry(2, &blue);
  table.SetColorEntry(3, &transparent);
  ds->GetRasterBand(1)->SetColorTable(&table);
  uint8_t values[8] = {0, 0, 0, 0, 2, 2, 2, 3};
  ASSERT_EQ(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, 8, 1, values, 8, 1, GDT_Byte, 0, 0), CE_None);
  const char* worldFile[] = {"WORLDFILE=YES", nullptr};
  GDALClose(GetGDALDriverManager()->GetDriverByName("PNG")->CreateCopy(
      dir.path("p.png").c_str(), ds.get(), FALSE, const_cast<char**>(worldFile), nullptr, nullptr));
  auto source = RasterSource::open(dir.path("p.png"), "EPSG:4326", {});
  ASSERT_TRUE(source) << source.error();
  EXPECT_EQ((*source)->info().kind, "Paletted");
  auto tile = (*source)->readTile({0, 0, 8, 1}, 80, 10);
  ASSERT_TRUE(tile) << tile.error();
  EXPECT_TRUE(near(pixel(*tile, 20, 5), {255, 0, 0}));
  EXPECT_EQ(pixel(*tile, 20, 5)[3], 255);
  EXPECT_TRUE(near(pixel(*tile, 60, 5), {0, 0, 255}));
  EXPECT_EQ(pixel(*tile, 75, 5)[3], 0);
  // Classes are never blended at their edge (nearest neighbour for palettes): interpolated indices would put
  // class 1 between them. (In a PNG, whose palette has alpha, GDAL's warper happens not to interpolate; in a
  // GeoTIFF's palette it does.)
  for (int x = 0; x < 80; ++x) EXPECT_FALSE(near(pixel(*tile, x, 5), {0, 255, 0}, 60)) << "class 1 at pixel " << x;
  GDALClose(GetGDALDriverManager()->GetDriverByName("GTiff")->CreateCopy(dir.path("p.tif").c_str(), ds.get(), FALSE,
                                                                         nullptr, nullptr, nullptr));
  auto tiff = RasterSource::open(dir.path("p.tif"), "EPSG:4326", {});
  ASSERT_TRUE(tiff) << tiff.error();
  auto tiffTile = (*tiff)->readTile({0, 0, 8, 1}, 80, 10);
  ASSERT_TRUE(tiffTile) << tiffTile.error();
  EXPECT_TRUE(near(pixel(*tiffTile, 20, 5), {255, 0, 0}));
  for (int x = 0; x < 70; ++x) EXPECT_FALSE(near(pixel(*tiffTile, x, 5), {0, 255, 0}, 60)) << "class 1 at pixel " << x;
}

TEST(RasterFormats, MbtilesOpensInWebMercator) {
  TempDir dir;
  writeSquaresGeoTiff(dir.path("m.tif"), 3857, {0, 14, 4, 18}, 256, {{{2, 16}, 0.5, {0, 0, 255}}});
  GDALDatasetUniquePtr src(GDALDataset::Open(dir.path("m.tif").c_str(), GDAL_OF_RASTER));
  GDALDatasetH mbtiles = GDALCreateCopy(GDALGetDriverByName("MBTiles"), dir.path("m.mbtiles").c_str(),
                                        GDALDataset::ToHandle(src.get()), FALSE, nullptr, nullptr, nullptr);
  ASSERT_TRUE(mbtiles);
  GDALClose(mbtiles);
  auto source = RasterSource::open(dir.path("m.mbtiles"), "EPSG:4326", {});
  ASSERT_TRUE(source) << source.error();
  auto tile = (*source)->readTile({1, 15, 3, 17}, 100, 100);
  ASSERT_TRUE(tile) << tile.error();
  EXPECT_TRUE(near(pixel(*tile, 50, 50), {0, 0, 255}, 30)) << pixel(*tile, 50, 50)[2];
}

TEST(RasterFormats, AContainerListsItsSubdatasetsAndEachOpensByItsName) {
  TempDir dir;
  // A GeoPackage with two raster tables: like a NetCDF with two variables, it has no data of its own.
  writeSquaresGeoTiff(dir.path("a.tif"), 4326, {0, 14, 4, 18}, 64, {{{2, 16}, 0.5, {0, 0, 255}}});
  GDALDatasetUniquePtr src(GDALDataset::Open(dir.path("a.tif").c_str(), GDAL_OF_RASTER));
  for (const char* table : {"RASTER_TABLE=relief", "RASTER_TABLE=landcover"}) {
    const char* options[] = {table, "APPEND_SUBDATASET=YES", nullptr};
    GDALDatasetH copy = GDALCreateCopy(GDALGetDriverByName("GPKG"), dir.path("two.gpkg").c_str(),
                                       GDALDataset::ToHandle(src.get()), FALSE, const_cast<char**>(options), nullptr, nullptr);
    ASSERT_TRUE(copy);
    GDALClose(copy);
  }
  const auto info = run("info " + quoted(dir.path("two.gpkg")));
  EXPECT_EQ(info.code, 0) << info.err;
  EXPECT_NE(info.out.find("2 subdataset(s)"), std::string::npos) << info.out;
  EXPECT_NE(info.out.find("GPKG:" + dir.path("two.gpkg") + ":landcover"), std::string::npos) << info.out;
  const auto whole = run("render " + quoted(dir.path("two.gpkg")) + " -o " + quoted(dir.path("out.png")));
  EXPECT_EQ(whole.code, 2);
  EXPECT_NE(whole.err.find("holds 2 subdatasets and no data of its own; open one by its name"), std::string::npos) << whole.err;
  EXPECT_NE(whole.err.find("GPKG:" + dir.path("two.gpkg") + ":relief"), std::string::npos) << whole.err;
  auto one = RasterSource::open("GPKG:" + dir.path("two.gpkg") + ":landcover", "EPSG:4326", {});
  ASSERT_TRUE(one) << one.error();
  auto tile = (*one)->readTile({1, 15, 3, 17}, 100, 100);
  ASSERT_TRUE(tile) << tile.error();
  EXPECT_TRUE(near(pixel(*tile, 50, 50), {0, 0, 255}, 30));
}

TEST(RasterFormats, ANetCdfOfTwoVariablesListsThemAndEachOpens) {
  TempDir dir;
  ensureGdal();
  GDALDriver* netcdf = GetGDALDriverManager()->GetDriverByName("netCDF");
  if (!netcdf) GTEST_SKIP() << "GDAL without the netCDF driver";
  {
    // Two variables, temperature and rain, on one 4 x 4 lon/lat grid.
    std::unique_ptr<GDALDataset> file(netcdf->CreateMultiDimensional(dir.path("two.nc").c_str(), nullptr, nullptr));
    ASSERT_TRUE(file);
    auto group = file->GetRootGroup();
    auto lat = group->CreateDimension("lat", GDAL_DIM_TYPE_HORIZONTAL_Y, "", 4);
    auto lon = group->CreateDimension("lon", GDAL_DIM_TYPE_HORIZONTAL_X, "", 4);
    const auto axis = [&](const std::shared_ptr<GDALDimension>& dim, double first, double step) {
      auto values = group->CreateMDArray(dim->GetName(), {dim}, GDALExtendedDataType::Create(GDT_Float64));
      std::vector<double> v(4);
      for (int i = 0; i < 4; ++i) v[size_t(i)] = first + step * i;
      const GUInt64 start = 0;
      const size_t count = 4;
      values->Write(&start, &count, nullptr, nullptr, GDALExtendedDataType::Create(GDT_Float64), v.data());
      dim->SetIndexingVariable(values);
    };
    axis(lat, 17.5, -1);
    axis(lon, 0.5, 1);
    for (const char* name : {"temperature", "rain"}) {
      auto variable = group->CreateMDArray(name, {lat, lon}, GDALExtendedDataType::Create(GDT_Float32));
      std::vector<float> v(16, 1.0f);
      const GUInt64 start[2] = {0, 0};
      const size_t count[2] = {4, 4};
      ASSERT_TRUE(variable->Write(start, count, nullptr, nullptr, GDALExtendedDataType::Create(GDT_Float32), v.data()));
    }
  }
  const auto info = run("info " + quoted(dir.path("two.nc")));
  EXPECT_EQ(info.code, 0) << info.err;
  EXPECT_NE(info.out.find("2 subdataset(s)"), std::string::npos) << info.out;
  const std::string rain = "NETCDF:\"" + dir.path("two.nc") + "\":rain";
  EXPECT_NE(info.out.find(rain), std::string::npos) << info.out;
  auto source = RasterSource::open(rain, "EPSG:4326", {});
  ASSERT_TRUE(source) << source.error();
  EXPECT_EQ((*source)->info().width, 4);
}
