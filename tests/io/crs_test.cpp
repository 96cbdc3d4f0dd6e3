// Coordinate transformations: boxes hold their whole transformed outline, not just their corners.
#include "io/crs.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

using namespace sitmap;

namespace {
// The box of `samples` points along each edge of `box`, transformed.
Bbox sampledOutline(const CrsTransform& t, const Bbox& box, int samples) {
  Bbox out;
  for (int i = 0; i <= samples; ++i) {
    const double f = double(i) / samples;
    for (Vec2 p : {Vec2{box.minX + f * box.width(), box.minY}, Vec2{box.minX + f * box.width(), box.maxY},
                   Vec2{box.minX, box.minY + f * box.height()}, Vec2{box.maxX, box.minY + f * box.height()}})
      if (t.apply(p)) out.expand(p);
  }
  return out;
}
}  // namespace

TEST(CrsTransform, ABoxHoldsItsWholeCurvedOutline) {
  // West Africa in UTM 31N: the parallels bow, so the northing extremes lie mid-edge, not at the corners.
  auto toUtm = CrsTransform::fromLonLat("EPSG:32631");
  ASSERT_TRUE(toUtm) << toUtm.error();
  const Bbox theatre{-17, 4, 16, 25};
  const Bbox outline = sampledOutline(*toUtm, theatre, 2000);
  const Bbox corners = sampledOutline(*toUtm, theatre, 1);
  ASSERT_GT(std::max({outline.maxY - corners.maxY, corners.minY - outline.minY, outline.maxX - corners.maxX,
                      corners.minX - outline.minX}),
            1000)
      << "the case must be one that corners alone get wrong";
  const Bbox box = toUtm->applyToBox(theatre);
  EXPECT_LE(box.minX, outline.minX + 1);
  EXPECT_LE(box.minY, outline.minY + 1);
  EXPECT_GE(box.maxX, outline.maxX - 1);
  EXPECT_GE(box.maxY, outline.maxY - 1);
  EXPECT_LT(box.width() - outline.width(), 1000) << "and not much more";
  EXPECT_LT(box.height() - outline.height(), 1000);
}

TEST(CrsTransform, NoTransformationSaysWhichCrss) {
  EXPECT_FALSE(CrsTransform::create("EPSG:4326", "not a crs"));
  auto bad = CrsTransform::create("EPSG:4326", "EPSG:999999");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().find("999999"), std::string::npos) << bad.error();
}

TEST(CrsTransform, ACrsOfAnotherBodySaysSoInAShortLine) {
  // Mars: PROJ finds no operation, and its own message quotes both CRSs' WKT (hundreds of characters).
  auto mars = CrsTransform::create("+proj=longlat +R=3396190 +no_defs +type=crs", "EPSG:3857");
  ASSERT_FALSE(mars);
  EXPECT_NE(mars.error().find("is not on the Earth"), std::string::npos) << mars.error();
  EXPECT_NE(mars.error().find("radius of 3396 km"), std::string::npos) << mars.error();
  EXPECT_EQ(mars.error().find("GEOGCRS["), std::string::npos) << mars.error();
  EXPECT_LT(mars.error().size(), 240u) << mars.error();
}
