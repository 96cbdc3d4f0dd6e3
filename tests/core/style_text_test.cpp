// Colours, ramps and label text handling.
#include <gtest/gtest.h>

#include "core/style.hpp"
#include "core/text.hpp"

using namespace sitmap;

TEST(Colour, ParsesHexWithAndWithoutAlpha) {
  auto c = parseColour("#ff8000");
  ASSERT_TRUE(c);
  EXPECT_FLOAT_EQ(c->r, 1.0f);
  EXPECT_NEAR(c->g, 128 / 255.0f, 1e-6);
  EXPECT_FLOAT_EQ(c->a, 1.0f);
  auto translucent = parseColour("#00000080");
  ASSERT_TRUE(translucent);
  EXPECT_NEAR(translucent->a, 128 / 255.0f, 1e-6);
  EXPECT_FALSE(parseColour("red"));
  EXPECT_FALSE(parseColour("#12345"));
  EXPECT_FALSE(parseColour("#gg0000"));
  EXPECT_EQ(formatColour(*parseColour("#a1b2c3")), "#a1b2c3");
}

TEST(Colour, RampInterpolatesAndClamps) {
  const std::vector<ColourStop> ramp = {{0, {0, 0, 0, 1}}, {100, {1, 1, 1, 1}}};
  EXPECT_FLOAT_EQ(rampColour(ramp, 50).r, 0.5f);
  EXPECT_FLOAT_EQ(rampColour(ramp, -10).r, 0.0f);
  EXPECT_FLOAT_EQ(rampColour(ramp, 1000).r, 1.0f);
}

TEST(Text, DecodesFrenchPlaceNames) {
  const auto cps = decodeUtf8("Ménaka");
  ASSERT_EQ(cps.size(), 6u);
  EXPECT_EQ(cps[1], 0xE9u);
  EXPECT_EQ(encodeUtf8(cps), "Ménaka");
}

TEST(Text, InvalidBytesBecomeReplacementCharacters) {
  const auto cps = decodeUtf8(std::string("a\xff" "b"));
  ASSERT_EQ(cps.size(), 3u);
  EXPECT_EQ(cps[1], 0xFFFDu);
}

TEST(Text, UppercasesLatinLetters) {
  EXPECT_EQ(toUpperLatin("Anéfis"), "ANÉFIS");
  EXPECT_EQ(toUpperLatin("Abeïbara"), "ABEÏBARA");
  EXPECT_EQ(toUpperLatin("łódź"), "ŁÓDŹ");
  EXPECT_EQ(toUpperLatin("Tombouctou 2023"), "TOMBOUCTOU 2023");
}
