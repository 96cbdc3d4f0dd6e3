// Colours, ramps and label text handling.
#include <gtest/gtest.h>

#include "core/graticule.hpp"
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

TEST(Colour, PresetRampsSpreadOverAStretchAndAreRecognisedAtAnyStretch) {
  const auto& presets = rampPresets();
  ASSERT_GE(presets.size(), 3u);
  const std::vector<ColourStop> elevation = presetRamp(presets[1], 100, 400);
  ASSERT_EQ(elevation.size(), presets[1].colours.size());
  EXPECT_EQ(elevation.front().value, 100);
  EXPECT_EQ(elevation.back().value, 400);
  EXPECT_EQ(elevation.back().colour, presets[1].colours.back());
  EXPECT_EQ(presetOf(elevation), 1u);
  const std::vector<ColourStop> restretched = stretchRamp(elevation, 0, 3000);
  EXPECT_EQ(presetOf(restretched), 1u) << "the same colours at another stretch";
  EXPECT_EQ(restretched.front().value, 0);
  EXPECT_EQ(restretched.back().value, 3000);
  EXPECT_DOUBLE_EQ(restretched[1].value, 1000) << "stops keep their relative places";
  // A ramp of its own keeps its uneven stops when stretched.
  const std::vector<ColourStop> own = {{0, {0, 0, 0, 1}}, {10, {1, 0, 0, 1}}, {100, {1, 1, 1, 1}}};
  EXPECT_FALSE(presetOf(own));
  const std::vector<ColourStop> ownStretched = stretchRamp(own, 0, 1000);
  EXPECT_DOUBLE_EQ(ownStretched[1].value, 100);
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

TEST(Credentials, PasswordsAreMaskedForShowingAndLeftOutForSaving) {
  EXPECT_EQ(maskCredentials("PG:host=db port=5432 dbname=ops user=me password=s3cret tables=incidents"),
            "PG:host=db port=5432 dbname=ops user=me password=*** tables=incidents");
  EXPECT_EQ(maskCredentials("PG:dbname=ops password = 'a secret' user=me"), "PG:dbname=ops password = *** user=me");
  EXPECT_EQ(maskCredentials("PG:dbname=ops password='a b\\' c' user=me"), "PG:dbname=ops password=*** user=me");
  EXPECT_EQ(maskCredentials("https://me:s3cret@tiles.example.org/cog.tif"), "https://me:***@tiles.example.org/cog.tif");
  EXPECT_EQ(maskCredentials("x: connection to server failed for PG:user=a password=b"), "x: connection to server failed for PG:user=a password=***");
  // Masking twice (a message built from masked parts, masked again where it is shown) keeps the text after it.
  EXPECT_EQ(maskCredentials(maskCredentials("PG:dbname=ops password=s3cret") + ": connection refused"),
            "PG:dbname=ops password=***: connection refused");
  EXPECT_EQ(maskCredentials("PG:dbname=ops password=s3cret: connection refused"), "PG:dbname=ops password=*** connection refused")
      << "an unmasked value runs to the space, colon and all";
  EXPECT_EQ(maskCredentials("/data/passwords.csv"), "/data/passwords.csv");
  EXPECT_EQ(maskCredentials("https://tiles.example.org/a@b.tif"), "https://tiles.example.org/a@b.tif");
  EXPECT_EQ(maskCredentials("mypassword=x"), "mypassword=x");
  EXPECT_EQ(withoutCredentials("PG:dbname=ops user=me password=s3cret tables=incidents"), "PG:dbname=ops user=me tables=incidents");
  EXPECT_EQ(withoutCredentials("PG:password=s3cret dbname=ops"), "PG:dbname=ops");
  EXPECT_EQ(withoutCredentials("https://me:s3cret@tiles.example.org/cog.tif"), "https://me@tiles.example.org/cog.tif");
}

TEST(Text, OneLineCollapsesEachRunOfWhiteSpace) {
  EXPECT_EQ(oneLine("connection to server failed: FATAL:  password\n\tauthentication failed\n"),
            "connection to server failed: FATAL: password authentication failed");
  EXPECT_EQ(oneLine("  \n "), "");
  EXPECT_EQ(oneLine("as is"), "as is");
}

TEST(Text, WebAddressesAreFoundWithoutTheSentenceAroundThem) {
  using V = std::vector<std::string_view>;
  EXPECT_EQ(findUrls("VOA Afrique 2023-06-11 https://www.voaafrique.com/a/mali-un-casque/7130112.html"),
            V{"https://www.voaafrique.com/a/mali-un-casque/7130112.html"});
  EXPECT_EQ(findUrls("See http://a.org/x. Then (https://b.org/y), and \"https://c.org/z?q=1&r=2\"; end"),
            (V{"http://a.org/x", "https://b.org/y", "https://c.org/z?q=1&r=2"}));
  EXPECT_EQ(findUrls("https://en.wikipedia.org/wiki/Kidal_(town)"), V{"https://en.wikipedia.org/wiki/Kidal_(town)"})
      << "a ) that closes a ( inside the address stays";
  EXPECT_EQ(findUrls("Reuters, 4 November 2023"), V{});
  EXPECT_EQ(findUrls("https:// alone, ftp://x.org and file:///etc/passwd"), V{});
}

TEST(Graticule, ARoundStepAndLabelsWithTheirHemisphere) {
  EXPECT_DOUBLE_EQ(graticuleStep(4), 0.5);
  EXPECT_DOUBLE_EQ(graticuleStep(11), 2);
  EXPECT_DOUBLE_EQ(graticuleStep(0.5), 0.1);
  EXPECT_DOUBLE_EQ(graticuleStep(360), 30);
  for (double span : {0.3, 1.7, 6.0, 33.0, 170.0}) EXPECT_LE(span / graticuleStep(span), 8) << span;
  EXPECT_EQ(graticuleLabel(2, true), "2\u00b0E");
  EXPECT_EQ(graticuleLabel(-0.5, true), "0.5\u00b0W");
  EXPECT_EQ(graticuleLabel(16, false), "16\u00b0N");
  EXPECT_EQ(graticuleLabel(-12.25, false), "12.25\u00b0S");
  EXPECT_EQ(graticuleLabel(0, true), "0\u00b0");
  EXPECT_EQ(graticuleLabel(1e-12, false), "0\u00b0") << "the equator, whatever rounding left";
}
