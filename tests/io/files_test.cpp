// Atomic writes, PNG round trips with text chunks, and CRS handling.
#include <gtest/gtest.h>
#include <spng.h>

#include <filesystem>

#include "io/crs.hpp"
#include "io/file_write.hpp"
#include "io/png_file.hpp"
#include "support/test_files.hpp"

using namespace sitmap;
using namespace sitmap::test;

TEST(AtomicWrite, NeverReplacesAnExistingFileUnlessAsked) {
  TempDir dir;
  const std::string path = dir.path("out.txt");
  ASSERT_TRUE(writeFileAtomically(path, {'o', 'n', 'e'}, false));
  auto second = writeFileAtomically(path, {'t', 'w', 'o'}, false);
  ASSERT_FALSE(second);
  EXPECT_NE(second.error().find("already exists"), std::string::npos);
  EXPECT_EQ(readText(path), "one");
  ASSERT_TRUE(writeFileAtomically(path, {'t', 'w', 'o'}, true));
  EXPECT_EQ(readText(path), "two");
  // No temporary files are left behind.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.root()), std::filesystem::directory_iterator()), 1);
}

TEST(AtomicWrite, ReportsAMissingFolder) {
  auto result = writeFileAtomically("/no/such/folder/out.png", {1}, false);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().find("/no/such/folder/out.png"), std::string::npos);
}

TEST(Png, RoundTripKeepsPixelsAndText) {
  TempDir dir;
  RgbaImage image(3, 2);
  for (size_t i = 0; i < image.pixels.size(); ++i) image.pixels[i] = uint8_t(i * 10);
  ASSERT_TRUE(writePngFile(dir.path("a.png"), image, false, {{"Software", "sitmap test"}}));
  auto back = readPngFile(dir.path("a.png"));
  ASSERT_TRUE(back) << back.error();
  EXPECT_EQ(back->pixels, image.pixels);
  const std::string bytes = readText(dir.path("a.png"));
  EXPECT_NE(bytes.find("iTXt"), std::string::npos);
  EXPECT_NE(bytes.find("sitmap test"), std::string::npos);
}

TEST(Crs, AcceptsCodesAndRejectsNonsense) {
  EXPECT_TRUE(crsToWkt("EPSG:32631"));
  EXPECT_TRUE(crsToWkt("32631"));
  auto bad = crsToWkt("EPSG:999999");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().find("unknown CRS"), std::string::npos);
  EXPECT_NE(describeCrs(*crsToWkt("EPSG:32631")).find("UTM zone 31N"), std::string::npos);
}

TEST(Crs, LonLatOrderIsTraditional) {
  auto t = CrsTransform::fromLonLat("EPSG:3857");
  ASSERT_TRUE(t);
  Vec2 p{-1, 16};  // must not come out swapped as (1781112, -111325)
  ASSERT_TRUE(t->apply(p));
  EXPECT_NEAR(p.x, -111319.49, 0.01);
  EXPECT_NEAR(p.y, 1804722.9, 0.5);
}
