// sitmap against a real HTTP server (nginx, started by tools/test-servers): an http:// path to a Cloud-Optimized
// GeoTIFF is read lazily by range requests, so a first view fetches a fraction of the file, and the server's
// access log shows it.
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <gtest/gtest.h>
#include <ogr_spatialref.h>

#include <filesystem>
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
