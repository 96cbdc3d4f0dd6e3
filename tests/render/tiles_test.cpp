// Raster tiles in the renderer: the texture cache stays within its bound, coarser tiles stand in for missing ones.
#include <gtest/gtest.h>

#include "render/headless_context.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "render/raster_tile_cache.hpp"
#include "support/test_files.hpp"

using namespace sitmap;
using namespace sitmap::test;

namespace {

class Tiles : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    auto created = HeadlessContext::create();
    ASSERT_TRUE(created) << created.error();
    s_context = std::move(*created);
  }
  static void TearDownTestSuite() { s_context.reset(); }
  static inline std::unique_ptr<HeadlessContext> s_context;
};

RgbaImage solid(uint8_t r, uint8_t g, uint8_t b) {
  RgbaImage image(TileGrid::kTileSize, TileGrid::kTileSize);
  for (size_t i = 0; i < image.pixels.size(); i += 4) {
    image.pixels[i] = r, image.pixels[i + 1] = g, image.pixels[i + 2] = b, image.pixels[i + 3] = 255;
  }
  return image;
}

}  // namespace

TEST_F(Tiles, CacheEvictsTheLeastRecentlyUsed) {
  RasterTileCache cache(3);
  const RgbaImage image = solid(1, 2, 3);
  cache.insert({0, 0, 0}, image);
  cache.insert({0, 1, 0}, image);
  cache.insert({0, 2, 0}, image);
  EXPECT_NE(cache.find({0, 0, 0}), 0u);  // touch: now the most recent
  cache.insert({0, 3, 0}, image);         // evicts {0,1,0}, the least recently used
  EXPECT_EQ(cache.size(), 3u);
  EXPECT_FALSE(cache.contains({0, 1, 0}));
  EXPECT_TRUE(cache.contains({0, 0, 0}));
  EXPECT_TRUE(cache.contains({0, 3, 0}));
}

TEST_F(Tiles, CoarserTilesStandInUntilTheSharpOnesArrive) {
  auto renderer = MapRenderer::create();
  ASSERT_TRUE(renderer) << renderer.error();
  // A 1024 x 1024 px raster of 1 unit per pixel: level 2 holds it in one tile.
  const TileGrid grid({0, 0, 1024, 1024}, 1.0);
  ASSERT_EQ(grid.maxLevel(), 2);
  const LayerId layer = (*renderer)->addRasterLayer(grid, true);
  auto target = OffscreenTarget::create(256, 256);
  ASSERT_TRUE(target);
  target->bind();
  MapFrame frame;
  frame.view = Viewport({128, 896}, 1.0, 256, 256);  // native resolution: the top-left level-0 tile
  frame.layers.push_back({layer, 1.0f, {}});

  RenderReport report = (*renderer)->render(frame);
  ASSERT_FALSE(report.missingTiles.empty());
  EXPECT_EQ(report.missingTiles.front().key, (TileKey{2, 0, 0})) << "whole-raster tile asked for first";

  (*renderer)->addTile(layer, {2, 0, 0}, solid(200, 0, 0));
  report = (*renderer)->render(frame);
  EXPECT_TRUE(near(pixel(target->read(), 128, 128), {200, 0, 0})) << "the coarse tile stands in";
  EXPECT_EQ(report.missingTiles.size(), 1u);
  EXPECT_EQ(report.missingTiles[0].key, (TileKey{0, 0, 0}));

  (*renderer)->addTile(layer, {0, 0, 0}, solid(0, 0, 200));
  report = (*renderer)->render(frame);
  EXPECT_TRUE(near(pixel(target->read(), 128, 128), {0, 0, 200})) << "the sharp tile replaces it";
  EXPECT_TRUE(report.missingTiles.empty());
}
