// Test fixture writers.
#include "support/test_files.hpp"


#include <gdal_priv.h>
#include <gdal_utils.h>
#include <gtest/gtest.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <sys/wait.h>
#include <stdexcept>

#include "io/crs.hpp"
#include "io/gdal_session.hpp"

namespace sitmap::test {

TempDir::TempDir() {
  std::random_device seed;
  const auto base = std::filesystem::temp_directory_path() / "sitmap-tests";
  std::filesystem::create_directories(base);
  m_root = (base / ("t" + std::to_string(seed()))).string();
  std::filesystem::create_directories(m_root);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(m_root, ec);
}

std::string TempDir::path(const std::string& name) const { return (std::filesystem::path(m_root) / name).string(); }

void writeSquaresGeoTiff(const std::string& path, int epsg, const Bbox& lonLatBox, int pixels,
                         const std::vector<ColouredSquare>& squares) {
  ensureGdal();
  const std::string crs = "EPSG:" + std::to_string(epsg);
  auto toCrs = CrsTransform::fromLonLat(crs);
  auto toLonLat = CrsTransform::create(crs, "EPSG:4326");
  if (!toCrs || !toLonLat) throw std::runtime_error("bad test CRS");
  const Bbox box = toCrs->applyToBox(lonLatBox);
  const double res = std::max(box.width(), box.height()) / pixels;
  const int w = int(std::ceil(box.width() / res)), h = int(std::ceil(box.height() / res));
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
  GDALDatasetUniquePtr ds(driver->Create(path.c_str(), w, h, 3, GDT_Byte, nullptr));
  double gt[6] = {box.minX, res, 0, box.maxY, 0, -res};
  ds->SetGeoTransform(gt);
  OGRSpatialReference srs;
  srs.importFromEPSG(epsg);
  ds->SetSpatialRef(&srs);
  std::vector<uint8_t> bands[3];
  for (auto& b : bands) b.assign(size_t(w) * h, 128);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      Vec2 p{box.minX + (x + 0.5) * res, box.maxY - (y + 0.5) * res};
      if (!toLonLat->apply(p)) continue;
      for (const ColouredSquare& s : squares) {
        if (std::fabs(p.x - s.centre.lon) <= s.halfSizeDegrees && std::fabs(p.y - s.centre.lat) <= s.halfSizeDegrees)
          for (int c = 0; c < 3; ++c) bands[c][size_t(y) * w + x] = s.rgb[c];
      }
    }
  }
  for (int c = 0; c < 3; ++c)
    if (ds->GetRasterBand(c + 1)->RasterIO(GF_Write, 0, 0, w, h, bands[c].data(), w, h, GDT_Byte, 0, 0) != CE_None)
      throw std::runtime_error("cannot write test raster");
}

void writeSparseGeoTiff(const std::string& path, int side) {
  ensureGdal();
  const char* options[] = {"TILED=YES", "SPARSE_OK=TRUE", nullptr};
  GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("GTiff")->Create(path.c_str(), side, side, 1, GDT_Byte,
                                                                                   const_cast<char**>(options)));
  double gt[6] = {0, 4.0 / side, 0, 18, 0, -4.0 / side};
  ds->SetGeoTransform(gt);
  OGRSpatialReference srs;
  srs.importFromEPSG(4326);
  ds->SetSpatialRef(&srs);
  std::vector<uint8_t> block(256 * 256, 200);
  if (ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, 256, 256, block.data(), 256, 256, GDT_Byte, 0, 0) != CE_None)
    throw std::runtime_error("cannot write test raster");
}

void writeFloatGeoTiff(const std::string& path, const Bbox& box, int width, int height, const std::vector<float>& values,
                       double nodata) {
  ensureGdal();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
  GDALDatasetUniquePtr ds(driver->Create(path.c_str(), width, height, 1, GDT_Float32, nullptr));
  double gt[6] = {box.minX, box.width() / width, 0, box.maxY, 0, -box.height() / height};
  ds->SetGeoTransform(gt);
  OGRSpatialReference srs;
  srs.importFromEPSG(4326);
  ds->SetSpatialRef(&srs);
  ds->GetRasterBand(1)->SetNoDataValue(nodata);
  if (ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, width, height, const_cast<float*>(values.data()), width, height,
                                     GDT_Float32, 0, 0) != CE_None)
    throw std::runtime_error("cannot write test raster");
}

void writeCsvAsGeoPackage(const std::string& csv, const std::string& gpkg, const std::string& layerName, bool typedColumns) {
  ensureGdal();
  const char* openOptions[] = {"X_POSSIBLE_NAMES=longitude", "Y_POSSIBLE_NAMES=latitude",
                               typedColumns ? "AUTODETECT_TYPE=YES" : "AUTODETECT_TYPE=NO", nullptr};
  GDALDatasetH source = GDALOpenEx(csv.c_str(), GDAL_OF_VECTOR, nullptr, openOptions, nullptr);
  ASSERT_NE(source, nullptr) << csv;
  const char* arguments[] = {"-f", "GPKG", "-a_srs", "EPSG:4326", "-nln", layerName.c_str(), nullptr};
  GDALVectorTranslateOptions* options = GDALVectorTranslateOptionsNew(const_cast<char**>(arguments), nullptr);
  GDALDatasetH written = GDALVectorTranslate(gpkg.c_str(), nullptr, 1, &source, options, nullptr);
  GDALVectorTranslateOptionsFree(options);
  GDALClose(source);
  ASSERT_NE(written, nullptr) << gpkg;
  GDALClose(written);
}

void writeText(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

ImageComparison compareImages(const RgbaImage& actual, const RgbaImage& expected, int threshold) {
  ImageComparison result;
  if (actual.width != expected.width || actual.height != expected.height) return result;
  result.diff = RgbaImage(actual.width, actual.height);
  size_t differing = 0;
  for (size_t i = 0; i < actual.pixels.size(); i += 4) {
    int worst = 0;
    for (int c = 0; c < 4; ++c) worst = std::max(worst, std::abs(int(actual.pixels[i + c]) - int(expected.pixels[i + c])));
    const bool differs = worst > threshold;
    differing += differs;
    const uint8_t grey = uint8_t(expected.pixels[i] / 4 + 160);
    uint8_t* d = &result.diff.pixels[i];
    d[0] = differs ? 255 : grey, d[1] = differs ? 0 : grey, d[2] = differs ? 0 : grey, d[3] = 255;
  }
  result.differingFraction = double(differing) / double(actual.pixels.size() / 4);
  return result;
}

std::array<int, 4> pixel(const RgbaImage& image, int x, int y) {
  if (x < 0 || y < 0 || x >= image.width || y >= image.height) return {-1, -1, -1, -1};
  const uint8_t* p = image.at(x, y);
  return {p[0], p[1], p[2], p[3]};
}

bool near(const std::array<int, 4>& actual, std::array<int, 3> rgb, int tolerance) {
  for (int c = 0; c < 3; ++c)
    if (std::abs(actual[c] - rgb[c]) > tolerance) return false;
  return true;
}

std::string sourceDir() { return SITMAP_SOURCE_DIR; }
std::string sitmapBinary() { return SITMAP_BINARY; }

CommandRun run(const std::string& arguments, const std::string& env) {
  TempDir logs;
  const std::string command = env + " " + sitmapBinary() + " " + arguments + " > " + logs.path("out") + " 2> " +
                              logs.path("err") + " < /dev/null";
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, readText(logs.path("out")), readText(logs.path("err"))};
}

std::string quoted(const std::string& s) { return "'" + s + "'"; }

}  // namespace sitmap::test
