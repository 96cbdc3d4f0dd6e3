// Ground distances, scale-bar choice and coordinate formats.
#include <GeographicLib/Geodesic.hpp>
#include <gtest/gtest.h>

#include "core/geodesy.hpp"
#include "core/scale_bar.hpp"

using namespace sitmap;

TEST(Geodesy, DistanceMatchesGeographicLib) {
  double expected = 0;
  GeographicLib::Geodesic::WGS84().Inverse(18.44111, 1.40778, 16.27167, -0.04472, expected);
  EXPECT_DOUBLE_EQ(geodesicDistanceMetres({1.40778, 18.44111}, {-0.04472, 16.27167}), expected);
  // Kidal to Gao is about 285 km in a straight line.
  EXPECT_NEAR(expected / 1000, 285, 5);
}

TEST(Geodesy, OneDegreeOfLatitudeIsAbout110Km) {
  EXPECT_NEAR(geodesicDistanceMetres({0, 16}, {0, 17}), 110700, 300);
}

TEST(ScaleBar, ChoosesTheLongestRoundDistanceThatFits) {
  // 640 m per pixel, 150 px available: 96 km fits, so 50 km (78 px).
  const ScaleBar bar = chooseScaleBar(640, 150);
  EXPECT_DOUBLE_EQ(bar.metres, 50000);
  EXPECT_NEAR(bar.pixels, 78.125, 1e-9);
  EXPECT_EQ(bar.label, "50 km");
  EXPECT_EQ(chooseScaleBar(1, 150).label, "100 m");
  EXPECT_EQ(chooseScaleBar(2.5, 150).label, "200 m");
  EXPECT_EQ(chooseScaleBar(1500, 150).label, "200 km");
  EXPECT_EQ(chooseScaleBar(0, 150).metres, 0);
}

TEST(Formats, DecimalDegreesNameTheHemisphere) {
  EXPECT_EQ(formatDecimalDegrees({-0.04472, 16.27167}), "16.27167°N 0.04472°W");
  EXPECT_EQ(formatDecimalDegrees({1.5, -2.25}, 2), "2.25°S 1.50°E");
}

TEST(Formats, MgrsOfGao) {
  // Gao (16.27167 N, 0.04472 W) lies in UTM zone 30, band Q.
  const std::string mgrs = formatMgrs({-0.04472, 16.27167});
  ASSERT_FALSE(mgrs.empty());
  EXPECT_EQ(mgrs.substr(0, 4), "30Q ");
  EXPECT_EQ(mgrs.size(), std::string("30Q YD 12345 12345").size());
  EXPECT_TRUE(formatMgrs({0, 95}).empty());
}
