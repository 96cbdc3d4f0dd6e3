// Tile pyramid: level choice, tile bounds and coverage.
#include "core/tile_grid.hpp"

#include <gtest/gtest.h>

using namespace sitmap;

TEST(TileGrid, MaxLevelFitsTheWholeRasterInOneTile) {
  const TileGrid grid({0, 0, 20000, 20000}, 1.0);  // a 20000 x 20000 px raster
  // 20000 / 2^7 = 156 <= 256 < 20000 / 2^6 = 312
  EXPECT_EQ(grid.maxLevel(), 7);
  EXPECT_EQ(grid.tilesCovering({0, 0, 20000, 20000}, grid.maxLevel()).size(), 1u);
}

TEST(TileGrid, LevelIsNeverCoarserThanTheView) {
  const TileGrid grid({0, 0, 20000, 20000}, 1.0);
  EXPECT_EQ(grid.levelFor(0.25), 0);  // zoomed in past native: native tiles
  EXPECT_EQ(grid.levelFor(1.0), 0);
  EXPECT_EQ(grid.levelFor(1.99), 0);
  EXPECT_EQ(grid.levelFor(2.0), 1);
  EXPECT_EQ(grid.levelFor(5.0), 2);
  EXPECT_EQ(grid.levelFor(1e6), grid.maxLevel());
}

TEST(TileGrid, TileBoundsStartAtTheTopLeftCorner) {
  const TileGrid grid({100, 200, 100 + 1024, 200 + 1024}, 1.0);
  const Bbox first = grid.tileBounds({0, 0, 0});
  EXPECT_DOUBLE_EQ(first.minX, 100);
  EXPECT_DOUBLE_EQ(first.maxY, 1224);
  EXPECT_DOUBLE_EQ(first.width(), 256);
  const Bbox coarse = grid.tileBounds({1, 1, 1});
  EXPECT_DOUBLE_EQ(coarse.minX, 100 + 512);
  EXPECT_DOUBLE_EQ(coarse.maxY, 1224 - 512);
}

TEST(TileGrid, CoveringListsOnlyIntersectingTilesCentreFirst) {
  const TileGrid grid({0, 0, 1024, 1024}, 1.0);
  const auto tiles = grid.tilesCovering({300, 300, 700, 700}, 0);
  // x 300..700 spans columns 1..2, y likewise rows 1..2.
  EXPECT_EQ(tiles.size(), 4u);
  for (const TileKey& k : tiles) {
    EXPECT_GE(k.col, 1);
    EXPECT_LE(k.col, 2);
    EXPECT_GE(k.row, 1);
    EXPECT_LE(k.row, 2);
  }
  EXPECT_TRUE(grid.tilesCovering({2000, 2000, 3000, 3000}, 0).empty());
}

TEST(TileGrid, ParentHalvesTheIndices) {
  const TileGrid grid({0, 0, 4096, 4096}, 1.0);
  const auto parent = grid.parent({0, 5, 3});
  ASSERT_TRUE(parent);
  EXPECT_EQ(*parent, (TileKey{1, 2, 1}));
  EXPECT_FALSE(grid.parent({grid.maxLevel(), 0, 0}));
}

TEST(TileGrid, AViewEndingOnATileBorderNeedsNoTileBeyondIt) {
  const TileGrid grid({0, 0, 1024, 1024}, 1.0);
  const auto tiles = grid.tilesCovering({0, 768, 256, 1024}, 0);
  ASSERT_EQ(tiles.size(), 1u);
  EXPECT_EQ(tiles[0], (TileKey{0, 0, 0}));
}
