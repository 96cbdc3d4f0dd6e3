// The tile loader: one worker per raster source, so a server that never answers holds up only its own tiles,
// and ending the loader never waits for it.
#include "app/tile_loading.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "support/silent_server.hpp"
#include "support/test_files.hpp"

using namespace sitmap;
using namespace sitmap::test;

TEST(TileLoader, AHungSourceHoldsUpNeitherALocalRasterNorTheEnd) {
  TempDir dir;
  const std::string local = dir.path("local.tif");
  writeSquaresGeoTiff(local, 4326, {0, 14, 4, 18}, 256, {});
  auto source = RasterSource::open(local, "EPSG:3857", {});
  ASSERT_TRUE(source) << source.error();
  const RasterInfo info = (*source)->info();
  const TileGrid grid(info.displayExtent, info.displayUnitsPerPixel);
  const SilentServer server;
  const std::string hung = "/vsicurl/http://127.0.0.1:" + std::to_string(server.port()) + "/cog.tif";
  const auto start = std::chrono::steady_clock::now();
  {
    TileLoader loader;
    loader.request({TileRequest{1, hung, "EPSG:3857", {}, grid, TileKey{}}, TileRequest{2, local, "EPSG:3857", {}, grid, TileKey{}}});
    std::vector<TileResult> results;
    while (results.empty() && std::chrono::steady_clock::now() - start < std::chrono::seconds(10)) {
      for (TileResult& r : loader.takeResults()) results.push_back(std::move(r));
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ASSERT_EQ(results.size(), 1u) << "the local tile arrived while the server was silent";
    EXPECT_EQ(results[0].layer, 2);
    EXPECT_TRUE(results[0].image) << results[0].image.error();
    EXPECT_FALSE(loader.idle()) << "the hung source is still waiting";
  }
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 10)
      << "ending the loader did not wait for the hung read";
}
