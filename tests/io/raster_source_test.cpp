// Raster reading: placement in any display CRS, colour handling, nodata, and bad rasters.
#include "io/raster_source.hpp"

#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>

#include "io/crs.hpp"
#include "support/test_files.hpp"

using namespace sitmap;
using namespace sitmap::test;

TEST(RasterSource, ExtentLandsInTheDisplayCrs) {
  TempDir dir;
  writeSquaresGeoTiff(dir.path("a.tif"), 4326, {0, 14, 4, 18}, 200, {});
  auto source = RasterSource::open(dir.path("a.tif"), "EPSG:3857", {});
  ASSERT_TRUE(source) << source.error();
  const RasterInfo& info = (*source)->info();
  EXPECT_EQ(info.kind, "RGB");
  EXPECT_EQ(info.width, 200);
  auto toMercator = CrsTransform::fromLonLat("EPSG:3857");
  Vec2 corner{4, 18};
  toMercator->apply(corner);
  EXPECT_NEAR(info.displayExtent.maxX, corner.x, 1.0);
  EXPECT_NEAR(info.displayExtent.maxY, corner.y, 1.0);
}

TEST(RasterSource, TileShowsTheSquareWhereItIs) {
  TempDir dir;
  // Red square 0.5° wide around (2°E, 16°N), raster in UTM 31N, tile requested in lon/lat.
  writeSquaresGeoTiff(dir.path("utm.tif"), 32631, {0, 14, 4, 18}, 400, {{{2, 16}, 0.25, {220, 20, 20}}});
  auto source = RasterSource::open(dir.path("utm.tif"), "EPSG:4326", {});
  ASSERT_TRUE(source) << source.error();
  auto tile = (*source)->readTile({1, 15, 3, 17}, 200, 200);  // 0.01° per pixel
  ASSERT_TRUE(tile) << tile.error();
  EXPECT_TRUE(near(pixel(*tile, 100, 100), {220, 20, 20})) << pixel(*tile, 100, 100)[0];
  EXPECT_TRUE(near(pixel(*tile, 100, 80), {220, 20, 20}));   // 0.2° north of the centre: inside
  EXPECT_TRUE(near(pixel(*tile, 100, 60), {128, 128, 128}));  // 0.4° north: outside
  EXPECT_EQ(pixel(*tile, 100, 100)[3], 255);
}

TEST(RasterSource, OutsideTheRasterIsTransparent) {
  TempDir dir;
  writeSquaresGeoTiff(dir.path("a.tif"), 4326, {0, 14, 4, 18}, 100, {});
  auto source = RasterSource::open(dir.path("a.tif"), "EPSG:4326", {});
  ASSERT_TRUE(source) << source.error();
  auto tile = (*source)->readTile({-4, 14, 4, 18}, 100, 50);  // left half is west of the raster
  ASSERT_TRUE(tile) << tile.error();
  EXPECT_EQ(pixel(*tile, 10, 25)[3], 0);
  EXPECT_EQ(pixel(*tile, 90, 25)[3], 255);
}

TEST(RasterSource, SingleBandUsesTheRampAndHidesNodata) {
  TempDir dir;
  // 2 x 1 raster: 100 and nodata (-9999).
  writeFloatGeoTiff(dir.path("dem.tif"), {0, 0, 2, 1}, 2, 1, {100.0f, -9999.0f}, -9999);
  RasterStyle style;
  style.resampling = "near";
  style.ramp = {{0, {0, 0, 1, 1}}, {100, {1, 0, 0, 1}}};
  auto source = RasterSource::open(dir.path("dem.tif"), "EPSG:4326", style);
  ASSERT_TRUE(source) << source.error();
  EXPECT_EQ((*source)->info().kind, "Single band");
  auto tile = (*source)->readTile({0, 0, 2, 1}, 20, 10);
  ASSERT_TRUE(tile) << tile.error();
  EXPECT_TRUE(near(pixel(*tile, 5, 5), {255, 0, 0}));
  EXPECT_EQ(pixel(*tile, 15, 5)[3], 0);
}

TEST(RasterSource, AStyleNodataHidesAValueTheFileDoesNotDeclare) {
  TempDir dir;
  // 3 x 1: 100, 0 (a fill value the file does not call nodata), 50; the file's own nodata is -9999 (unused).
  writeFloatGeoTiff(dir.path("dem.tif"), {0, 0, 3, 1}, 3, 1, {100.0f, 0.0f, 50.0f}, -9999);
  RasterStyle style;
  style.resampling = "near";
  style.ramp = {{0, {0, 0, 1, 1}}, {100, {1, 0, 0, 1}}};
  auto plain = RasterSource::open(dir.path("dem.tif"), "EPSG:4326", style);
  ASSERT_TRUE(plain) << plain.error();
  auto before = (*plain)->readTile({0, 0, 3, 1}, 30, 10);
  ASSERT_TRUE(before) << before.error();
  EXPECT_TRUE(near(pixel(*before, 15, 5), {0, 0, 255})) << "0 is a value: the ramp's bottom";
  style.nodata = 0;
  auto hiding = RasterSource::open(dir.path("dem.tif"), "EPSG:4326", style);
  ASSERT_TRUE(hiding) << hiding.error();
  auto after = (*hiding)->readTile({0, 0, 3, 1}, 30, 10);
  ASSERT_TRUE(after) << after.error();
  EXPECT_EQ(pixel(*after, 15, 5)[3], 0) << "the style's nodata is transparent";
  EXPECT_TRUE(near(pixel(*after, 5, 5), {255, 0, 0}));
  EXPECT_EQ(pixel(*after, 25, 5)[3], 255);
}

TEST(RasterSource, HillshadeShadesSlopes) {
  TempDir dir;
  // High in the west, flat in the east: lit from the north-west, the east-facing slope is darker than the flat.
  std::vector<float> values(64 * 64);
  for (int y = 0; y < 64; ++y)
    for (int x = 0; x < 64; ++x) values[y * 64 + x] = x < 32 ? float(32 - x) * 2000.0f : 0.0f;
  writeFloatGeoTiff(dir.path("dem.tif"), {0, 0, 0.64, 0.64}, 64, 64, values, -9999);
  RasterStyle style;
  style.hillshade = true;
  auto source = RasterSource::open(dir.path("dem.tif"), "EPSG:4326", style);
  ASSERT_TRUE(source) << source.error();
  auto tile = (*source)->readTile({0, 0, 0.64, 0.64}, 64, 64);
  ASSERT_TRUE(tile) << tile.error();
  const int slope = pixel(*tile, 10, 32)[0], flat = pixel(*tile, 50, 32)[0];
  EXPECT_GT(flat, slope + 20) << "flat " << flat << " slope " << slope;
}

TEST(RasterSourceBadInput, GarbageBytesNamedTif) {
  TempDir dir;
  writeText(dir.path("garbage.tif"), std::string(4096, 'x'));
  auto source = RasterSource::open(dir.path("garbage.tif"), "EPSG:3857", {});
  ASSERT_FALSE(source);
  EXPECT_NE(source.error().find("garbage.tif: "), std::string::npos);
  EXPECT_NE(source.error().find("not a readable raster"), std::string::npos) << source.error();
}

TEST(RasterSourceBadInput, TruncatedGeoTiff) {
  TempDir dir;
  writeSquaresGeoTiff(dir.path("full.tif"), 4326, {0, 14, 4, 18}, 300, {{{2, 16}, 0.5, {255, 0, 0}}});
  const std::string bytes = readText(dir.path("full.tif"));
  writeText(dir.path("cut.tif"), bytes.substr(0, bytes.size() / 2));
  auto source = RasterSource::open(dir.path("cut.tif"), "EPSG:3857", {});
  ASSERT_FALSE(source);
  EXPECT_NE(source.error().find("cut.tif: "), std::string::npos) << source.error();
}

TEST(RasterSourceBadInput, NoGeoreferencing) {
  TempDir dir;
  // A plain PNG with no world file.
  writeSquaresGeoTiff(dir.path("a.tif"), 4326, {0, 14, 4, 18}, 50, {});
  GDALDatasetUniquePtr src(GDALDataset::Open(dir.path("a.tif").c_str(), GDAL_OF_RASTER));
  GDALDriver* png = GetGDALDriverManager()->GetDriverByName("PNG");
  const char* noAux[] = {"WORLDFILE=NO", nullptr};
  GDALClose(png->CreateCopy(dir.path("plain.png").c_str(), src.get(), FALSE, const_cast<char**>(noAux), nullptr, nullptr));
  std::remove(dir.path("plain.png.aux.xml").c_str());
  auto source = RasterSource::open(dir.path("plain.png"), "EPSG:3857", {});
  ASSERT_FALSE(source);
  EXPECT_NE(source.error().find("plain.png: has no georeferencing"), std::string::npos) << source.error();
}

namespace {
// A GeoTIFF in EPSG:4326 over 0..4°E, 14..18°N with `bands` bands of `type`, each filled by `value(band, x, y)`.
void writeGeoTiff(const std::string& path, int size, int bands, GDALDataType type,
                  const std::function<double(int, int, int)>& value, std::optional<double> nodata = std::nullopt) {
  GDALAllRegister();
  GDALDatasetUniquePtr dataset(GetGDALDriverManager()->GetDriverByName("GTiff")->Create(path.c_str(), size, size, bands, type, nullptr));
  double gt[6] = {0, 4.0 / size, 0, 18, 0, -4.0 / size};
  dataset->SetGeoTransform(gt);
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  dataset->SetSpatialRef(&wgs84);
  std::vector<double> row(size_t(size) * size);
  for (int b = 1; b <= bands; ++b) {
    for (int y = 0; y < size; ++y)
      for (int x = 0; x < size; ++x) row[size_t(y) * size + x] = value(b, x, y);
    if (nodata) dataset->GetRasterBand(b)->SetNoDataValue(*nodata);
    ASSERT_EQ(dataset->GetRasterBand(b)->RasterIO(GF_Write, 0, 0, size, size, row.data(), size, size, GDT_Float64, 0, 0), CE_None);
  }
}
}  // namespace

TEST(RasterSource, SixteenBitRgbIsStretchedNotClippedToWhite) {
  TempDir dir;
  // Landsat-like values: the left half dark (6000), the right half bright (36000), in all three bands.
  writeGeoTiff(dir.path("uint16.tif"), 64, 3, GDT_UInt16, [](int, int x, int) { return x < 32 ? 6000 : 36000; });
  auto source = RasterSource::open(dir.path("uint16.tif"), "EPSG:4326", {});
  ASSERT_TRUE(source) << source.error();
  EXPECT_NE((*source)->info().note.find("stretched"), std::string::npos);
  auto tile = (*source)->readTile({0, 14, 4, 18}, 64, 64);
  ASSERT_TRUE(tile) << tile.error();
  EXPECT_LT(pixel(*tile, 8, 32)[0], 30) << "dark stays dark";
  EXPECT_GT(pixel(*tile, 56, 32)[0], 225) << "bright is bright";
}

TEST(RasterSource, ABinaryMaskUsesItsExactRange) {
  TempDir dir;
  // A 0/1 mask that is almost all 1: the quick estimate sees only ones and would draw it all black.
  writeGeoTiff(dir.path("mask.tif"), 512, 1, GDT_Byte, [](int, int x, int y) { return x == 3 && y == 3 ? 0 : 1; });
  auto source = RasterSource::open(dir.path("mask.tif"), "EPSG:4326", {});
  ASSERT_TRUE(source) << source.error();
  EXPECT_EQ((*source)->info().minValue, 0);
  EXPECT_EQ((*source)->info().maxValue, 1);
  auto tile = (*source)->readTile({0, 14, 4, 18}, 64, 64);
  ASSERT_TRUE(tile) << tile.error();
  EXPECT_GT(pixel(*tile, 40, 40)[0], 240) << "ones are white";
}

TEST(RasterSource, TwoBandsDrawTheFirstAsGrey) {
  TempDir dir;
  writeGeoTiff(dir.path("two.tif"), 64, 2, GDT_Byte, [](int band, int x, int) { return band == 1 ? (x < 32 ? 0 : 200) : 77; });
  auto source = RasterSource::open(dir.path("two.tif"), "EPSG:4326", {});
  ASSERT_TRUE(source) << source.error();
  auto tile = (*source)->readTile({0, 14, 4, 18}, 64, 64);
  ASSERT_TRUE(tile) << tile.error();
  EXPECT_LT(pixel(*tile, 8, 32)[0], 20);
  EXPECT_GT(pixel(*tile, 56, 32)[0], 235);
  EXPECT_EQ(pixel(*tile, 56, 32)[3], 255);
}

TEST(RasterSource, AnAllNodataBandDrawsNothingAndSaysSo) {
  TempDir dir;
  writeGeoTiff(dir.path("empty.tif"), 64, 1, GDT_Float32, [](int, int, int) { return -9999; }, -9999.0);
  auto source = RasterSource::open(dir.path("empty.tif"), "EPSG:4326", {});
  ASSERT_TRUE(source) << source.error();
  EXPECT_NE((*source)->info().note.find("nothing to draw"), std::string::npos);
  auto tile = (*source)->readTile({0, 14, 4, 18}, 64, 64);
  ASSERT_TRUE(tile) << tile.error();
  EXPECT_EQ(pixel(*tile, 32, 32)[3], 0) << "transparent";
}

TEST(RasterSource, ABigRasterWithoutOverviewsSaysHowToBuildThem) {
  TempDir dir;
  writeSparseGeoTiff(dir.path("big.tif"), 40000);  // no overviews
  auto source = RasterSource::open(dir.path("big.tif"), "EPSG:4326", {});
  ASSERT_TRUE(source) << source.error();
  EXPECT_NE((*source)->info().note.find("no overviews"), std::string::npos) << (*source)->info().note;
  EXPECT_NE((*source)->info().note.find("gdaladdo -ro " + dir.path("big.tif")), std::string::npos) << (*source)->info().note;
  const auto info = run("info " + quoted(dir.path("big.tif")));
  EXPECT_NE(info.out.find("note: no overviews"), std::string::npos) << info.out;
  // A small one says nothing of the kind.
  writeSquaresGeoTiff(dir.path("small.tif"), 4326, {0, 14, 4, 18}, 64, {});
  auto small = RasterSource::open(dir.path("small.tif"), "EPSG:4326", {});
  ASSERT_TRUE(small) << small.error();
  EXPECT_EQ((*small)->info().note.find("overviews"), std::string::npos);
}

TEST(RasterSource, RenderingAVrtOverAZipWritesNothingAnywhere) {
  TempDir dir;
  // A 16-bit RGB GeoTIFF inside a zip, and a VRT over it: the stretch's statistics are what GDAL's PAM would
  // save as an .aux.xml (it wrote rgb.tif.aux.xml into the working folder, the zip being read-only).
  writeGeoTiff(dir.path("rgb.tif"), 64, 3, GDT_UInt16, [](int, int x, int) { return x < 32 ? 6000 : 36000; });
  {
    const std::string bytes = readText(dir.path("rgb.tif"));
    VSILFILE* zipped = VSIFOpenL(("/vsizip/" + dir.path("d.zip") + "/rgb.tif").c_str(), "wb");
    ASSERT_TRUE(zipped);
    ASSERT_EQ(VSIFWriteL(bytes.data(), 1, bytes.size(), zipped), bytes.size());
    VSIFCloseL(zipped);
    std::filesystem::remove(dir.path("rgb.tif"));
  }
  GDALDatasetUniquePtr inZip(GDALDataset::Open(("/vsizip/" + dir.path("d.zip") + "/rgb.tif").c_str(), GDAL_OF_RASTER));
  ASSERT_TRUE(inZip);
  GDALDatasetUniquePtr vrt(GetGDALDriverManager()->GetDriverByName("VRT")->CreateCopy(
      dir.path("view.vrt").c_str(), inZip.get(), FALSE, nullptr, nullptr, nullptr));
  ASSERT_TRUE(vrt);
  vrt.reset();
  inZip.reset();
  const std::string zipBefore = readText(dir.path("d.zip")), vrtBefore = readText(dir.path("view.vrt"));
  const auto rendered = run("render view.vrt -o out.png --size 200x100", "cd " + quoted(dir.root()) + " &&");
  ASSERT_EQ(rendered.code, 0) << rendered.err;
  ASSERT_EQ(run("info view.vrt", "cd " + quoted(dir.root()) + " &&").code, 0);
  EXPECT_EQ(readText(dir.path("d.zip")), zipBefore);
  EXPECT_EQ(readText(dir.path("view.vrt")), vrtBefore);
  for (const auto& entry : std::filesystem::directory_iterator(dir.root())) {
    const std::string name = entry.path().filename().string();
    EXPECT_TRUE(name == "d.zip" || name == "view.vrt" || name == "out.png") << "written: " << name;
  }
}

TEST(RasterSource, OverviewsAreBuiltBesideTheRasterWhichIsNotTouched) {
  TempDir dir;
  writeSparseGeoTiff(dir.path("big.tif"), 17000);
  const std::string before = readText(dir.path("big.tif"));
  double lastProgress = 0;
  auto built = buildExternalOverviews(dir.path("big.tif"), [&](double f) { return lastProgress = f, true; });
  ASSERT_TRUE(built) << built.error();
  EXPECT_EQ(*built, dir.path("big.tif") + ".ovr");
  EXPECT_GT(lastProgress, 0.99);
  EXPECT_EQ(readText(dir.path("big.tif")), before) << "the raster itself is unchanged";
  for (const auto& entry : std::filesystem::directory_iterator(dir.root())) {
    const std::string name = entry.path().filename().string();
    EXPECT_TRUE(name == "big.tif" || name == "big.tif.ovr") << "left behind: " << name;
  }
  auto source = RasterSource::open(dir.path("big.tif"), "EPSG:4326", {});
  ASSERT_TRUE(source) << source.error();
  EXPECT_GE((*source)->info().overviews, 6);
  EXPECT_EQ((*source)->info().note.find("no overviews"), std::string::npos);
  // Never over an existing file; a cancelled build leaves nothing.
  auto again = buildExternalOverviews(dir.path("big.tif"), {});
  ASSERT_FALSE(again);
  EXPECT_NE(again.error().find("exists already"), std::string::npos) << again.error();
  std::filesystem::remove(dir.path("big.tif.ovr"));
  auto cancelled = buildExternalOverviews(dir.path("big.tif"), [](double f) { return f < 0.2; });
  EXPECT_FALSE(cancelled);
  for (const auto& entry : std::filesystem::directory_iterator(dir.root()))
    EXPECT_EQ(entry.path().filename().string(), "big.tif") << "left behind by a cancelled build";
}
