// sitmap against a real HTTP server (nginx, started by tools/test-servers): an http:// path to a Cloud-Optimized
// GeoTIFF is read lazily by range requests, so a first view fetches a fraction of the file, and the server's
// access log shows it.
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <gtest/gtest.h>
#include <ogr_spatialref.h>

#include <filesystem>
#include <map>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "io/png_file.hpp"
#include "support/test_files.hpp"
#include "support/test_servers.hpp"

using namespace sitmap::test;

namespace {

// A 2048 x 2048 RGB COG of noise-like texture (so it does not compress away) over 0–4E, 14–18N, with overviews.
void writeCog(const std::string& path) {
  GDALAllRegister();
  GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
  std::unique_ptr<GDALDataset> source(mem->Create("", 2048, 2048, 3, GDT_Byte, nullptr));
  double transform[6] = {0, 4.0 / 2048, 0, 18, 0, -4.0 / 2048};
  source->SetGeoTransform(transform);
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  source->SetSpatialRef(&wgs84);
  std::vector<uint8_t> row(2048);
  uint32_t seed = 12345;
  for (int band = 1; band <= 3; ++band)
    for (int y = 0; y < 2048; ++y) {
      for (int x = 0; x < 2048; ++x) {
        seed = seed * 1664525u + 1013904223u;
        row[size_t(x)] = uint8_t((x + y) / 16 * 9 + (seed >> 28));
      }
      ASSERT_EQ(source->GetRasterBand(band)->RasterIO(GF_Write, 0, y, 2048, 1, row.data(), 2048, 1, GDT_Byte, 0, 0), CE_None);
    }
  const char* options[] = {"-of", "COG", "-co", "COMPRESS=DEFLATE", "-co", "BLOCKSIZE=256", nullptr};
  GDALTranslateOptions* translate = GDALTranslateOptionsNew(const_cast<char**>(options), nullptr);
  GDALDatasetH written = GDALTranslate(path.c_str(), GDALDataset::ToHandle(source.get()), translate, nullptr);
  GDALTranslateOptionsFree(translate);
  ASSERT_NE(written, nullptr);
  GDALClose(written);
}

// Bytes the server sent for `file` since the log had `skip` bytes, and how many of those responses were ranges.
struct Served {
  uint64_t bytes = 0;
  int requests = 0, partial = 0;
};
Served servedSince(const std::string& log, std::streamoff skip, const std::string& file) {
  Served served;
  std::ifstream in(log);
  in.seekg(skip);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find(file) == std::string::npos) continue;
    std::istringstream fields(line);
    std::string method, url, protocol;
    int status = 0;
    uint64_t bytes = 0;
    fields >> method >> url >> protocol >> status >> bytes;
    ++served.requests;
    served.partial += status == 206;
    served.bytes += bytes;
  }
  return served;
}

}  // namespace

TEST(Http, ACogOverPlainHttpIsReadByRangesNotWhole) {
  const TestServer http = httpServer();
  if (!http.unavailable.empty()) GTEST_SKIP() << "HTTP: " << http.unavailable;
  const std::string file = "cog-" + std::to_string(::getpid()) + ".tif";
  writeCog(http["root"] + "/" + file);
  const auto size = std::filesystem::file_size(http["root"] + "/" + file);
  ASSERT_GT(size, 4u << 20) << "big enough that reading it whole shows";
  std::error_code ec;
  const std::streamoff logBefore = std::streamoff(std::filesystem::file_size(http["log"], ec));

  TempDir dir;
  const std::string url = http["url"] + "/" + file;  // a plain http:// path, as a user types it
  const CommandRun info = run("info " + quoted(url));
  ASSERT_EQ(info.code, 0) << info.err;
  EXPECT_NE(info.out.find("2048 x 2048 pixels, 3 band(s)"), std::string::npos) << info.out;
  const CommandRun render = run("render " + quoted(url) + " --size 256x256 --no-furniture -o " + quoted(dir.path("view.png")));
  ASSERT_EQ(render.code, 0) << render.err;
  auto image = sitmap::readPngFile(dir.path("view.png"));
  ASSERT_TRUE(image);

  const Served served = servedSince(http["log"], logBefore, file);
  EXPECT_GT(served.partial, 0) << "range requests";
  EXPECT_LT(served.bytes, size / 4) << served.requests << " requests, " << served.bytes << " of " << size << " bytes";
}

namespace {

// An XYZ tile pyramid (web mercator, levels 0 to 4) of flat tiles, each a shade of its own, under `root`.
void writeTilePyramid(const std::string& root) {
  for (int z = 0; z <= 4; ++z)
    for (int x = 0; x < (1 << z); ++x)
      for (int y = 0; y < (1 << z); ++y) {
        std::filesystem::create_directories(root + "/" + std::to_string(z) + "/" + std::to_string(x));
        sitmap::RgbaImage tile(256, 256);
        for (size_t i = 0; i < tile.pixels.size(); i += 4) {
          tile.pixels[i] = uint8_t(40 * z), tile.pixels[i + 1] = uint8_t(16 * x), tile.pixels[i + 2] = uint8_t(16 * y);
          tile.pixels[i + 3] = 255;
        }
        ASSERT_TRUE(sitmap::writePngFile(root + "/" + std::to_string(z) + "/" + std::to_string(x) + "/" + std::to_string(y) + ".png", tile, true));
      }
}

// Requests per URL since the log had `skip` bytes, for URLs containing `part`.
std::map<std::string, int> requestsSince(const std::string& log, std::streamoff skip, const std::string& part) {
  std::map<std::string, int> count;
  std::ifstream in(log);
  in.seekg(skip);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string method, url;
    fields >> method >> url;
    if (url.find(part) != std::string::npos) ++count[url];
  }
  return count;
}

}  // namespace

TEST(Http, AnXyzSourceThroughGdalsWmsDriverFetchesEachTileOnce) {
  const TestServer http = httpServer();
  if (!http.unavailable.empty()) GTEST_SKIP() << "HTTP: " << http.unavailable;
  const std::string folder = "xyz-" + std::to_string(::getpid());
  writeTilePyramid(http["root"] + "/" + folder);
  TempDir dir;
  // A TMS description as GDAL documents it, with no <Cache> of its own.
  writeText(dir.path("tiles.xml"), "<GDAL_WMS><Service name=\"TMS\"><ServerUrl>" + http["url"] + "/" + folder +
                                       "/${z}/${x}/${y}.png</ServerUrl></Service><DataWindow><UpperLeftX>-20037508.34</UpperLeftX>"
                                       "<UpperLeftY>20037508.34</UpperLeftY><LowerRightX>20037508.34</LowerRightX>"
                                       "<LowerRightY>-20037508.34</LowerRightY><TileLevel>4</TileLevel><TileCountX>1</TileCountX>"
                                       "<TileCountY>1</TileCountY><YOrigin>top</YOrigin></DataWindow><Projection>EPSG:3857</Projection>"
                                       "<BlockSizeX>256</BlockSizeX><BlockSizeY>256</BlockSizeY><BandsCount>3</BandsCount></GDAL_WMS>");
  const std::string before = readText(dir.path("tiles.xml"));
  std::error_code ec;
  const std::streamoff logBefore = std::streamoff(std::filesystem::file_size(http["log"], ec));
  const CommandRun render = run("render " + quoted(dir.path("tiles.xml")) +
                                " --size 1200x800 --bbox -12,10,6,25 --crs EPSG:3857 --no-furniture -o " + quoted(dir.path("tiles.png")));
  ASSERT_EQ(render.code, 0) << render.err;
  const auto requests = requestsSince(http["log"], logBefore, folder);
  ASSERT_FALSE(requests.empty()) << "the render fetched tiles";
  for (const auto& [url, times] : requests) EXPECT_EQ(times, 1) << url;
  EXPECT_EQ(readText(dir.path("tiles.xml")), before) << "the description is never modified";
  EXPECT_FALSE(std::filesystem::exists(dir.path("gdalwmscache"))) << "no cache folder left beside it";
  auto image = sitmap::readPngFile(dir.path("tiles.png"));
  ASSERT_TRUE(image);
}
