// Where data is cut at the antimeridian: island groups split at 180°, and data that must be left alone.
#include "core/antimeridian.hpp"

#include <gtest/gtest.h>

using namespace sitmap;

namespace {
const WorldSpan kDegrees{-180, 360};

// Points: ranges of no width.
std::vector<XRange> points(std::initializer_list<double> xs) {
  std::vector<XRange> ranges;
  for (double x : xs) ranges.push_back({x, x});
  return ranges;
}
}  // namespace

TEST(Antimeridian, AnIslandGroupSplitAt180IsCutInItsGap) {
  // Fiji: 177°E – 180° and 180° – 178°W (180° itself included, as split data has it).
  const auto cut = antimeridianCut(points({177.2, 178.5, 180, -180, -179.5, -178.1}), kDegrees);
  ASSERT_TRUE(cut);
  EXPECT_GT(*cut, -178.1);
  EXPECT_LT(*cut, 177.2);
}

TEST(Antimeridian, DataOnOneSideOrAcrossTheWorldIsLeftAlone) {
  EXPECT_FALSE(antimeridianCut(points({-5, 0, 4.5}), kDegrees)) << "Mali";
  EXPECT_FALSE(antimeridianCut(points({177, 179.9}), kDegrees)) << "only the east side";
  EXPECT_FALSE(antimeridianCut({{-180, 180}}, kDegrees)) << "a world polygon's edge spans the world";
  std::vector<XRange> world;
  for (double x = -180; x < 180; x += 7) world.push_back({x, x});
  world.push_back({179.9, 179.9});
  EXPECT_FALSE(antimeridianCut(world, kDegrees)) << "the whole world has no gap to cut in";
  // Both edges, but no gap of a quarter of the world between them (the Americas, Africa and Asia): not cut.
  std::vector<XRange> spread;
  for (double x = -180; x < 180; x += 60) spread.push_back({x, x});
  spread.push_back({179.5, 179.5});
  EXPECT_FALSE(antimeridianCut(spread, kDegrees));
}

TEST(Antimeridian, WorksInMetresAsInDegrees) {
  const double half = 20037508.34;
  const auto cut = antimeridianCut(points({half * 0.99, half - 1, -half, -half * 0.98}), WorldSpan{-half, 2 * half});
  ASSERT_TRUE(cut);
  EXPECT_GT(*cut, -half * 0.98);
  EXPECT_LT(*cut, half * 0.99);
}
