// Command-line values: sizes, boxes and durations, with the values that once converted out of range.
#include "core/option_values.hpp"

#include <gtest/gtest.h>

using namespace sitmap;

TEST(OptionValues, SizesAreWidthByHeightWithinFiveDigits) {
  EXPECT_EQ(parseSize("1920x1080"), (std::pair{1920, 1080}));
  EXPECT_FALSE(parseSize("0x1080"));
  EXPECT_FALSE(parseSize("123456x10"));
  EXPECT_FALSE(parseSize("1920 x 1080"));
  EXPECT_FALSE(parseSize(""));
}

TEST(OptionValues, BoxesAreFiniteAndMayCrossTheAntimeridian) {
  auto box = parseBbox("-6,14,5,22");
  ASSERT_TRUE(box);
  EXPECT_DOUBLE_EQ(box->minX, -6);
  EXPECT_DOUBLE_EQ(box->maxY, 22);
  auto across = parseBbox("170,-25,-170,-10");
  ASSERT_TRUE(across);
  EXPECT_DOUBLE_EQ(across->maxX, 190);
  EXPECT_FALSE(parseBbox("-6,22,5,14"));     // south above north
  EXPECT_FALSE(parseBbox("-6,14,5,95"));     // beyond the pole
  EXPECT_FALSE(parseBbox("nan,14,5,22"));    // not a number, though sscanf reads it
  EXPECT_FALSE(parseBbox("-inf,14,inf,22"));
  EXPECT_FALSE(parseBbox("-6,14,5,22,"));    // trailing text
}

TEST(OptionValues, DurationsAreWholeSecondsAndNeverOverflow) {
  EXPECT_EQ(parseDuration("90"), 90);
  EXPECT_EQ(parseDuration("6h"), 6 * 3600);
  EXPECT_EQ(parseDuration("2w"), 14 * 86400);
  EXPECT_FALSE(parseDuration("0.5s"));
  EXPECT_FALSE(parseDuration("6 hours"));
  EXPECT_FALSE(parseDuration("1e300d"));  // once converted to int64 out of range (undefined behaviour)
  EXPECT_FALSE(parseDuration("nan"));
  EXPECT_FALSE(parseDuration(""));
}
