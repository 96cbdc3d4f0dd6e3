// Atomic writes, PNG round trips with text chunks, and CRS handling.
#include <gtest/gtest.h>
#include <spng.h>

#include <cstring>

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

TEST(Png, ALargeNoisyImageReadsBackExactlyThroughAnotherDecoderWithItsText) {
  // Noise does not compress: about 4.8 MB of image data, so the encoder writes several IDAT chunks. libspng
  // checks every chunk's CRC and the zlib stream's Adler-32 as it decodes.
  RgbaImage image(1200, 1000);
  uint32_t state = 7;
  for (uint8_t& byte : image.pixels) byte = uint8_t((state = state * 1664525u + 1013904223u) >> 24);
  auto encoded = encodePng(image, {{"Title", "Kidal \u2013 Gao, 31 Oct 2023"}, {"Software", "sitmap"}});
  ASSERT_TRUE(encoded) << encoded.error();
  size_t idat = 0;
  for (size_t at = 8; at + 8 <= encoded->size();) {
    const uint32_t length = uint32_t((*encoded)[at]) << 24 | uint32_t((*encoded)[at + 1]) << 16 | uint32_t((*encoded)[at + 2]) << 8 |
                            (*encoded)[at + 3];
    idat += std::memcmp(&(*encoded)[at + 4], "IDAT", 4) == 0;
    at += 12 + length;
  }
  EXPECT_GE(idat, 4u);
  spng_ctx* ctx = spng_ctx_new(0);
  ASSERT_EQ(spng_set_png_buffer(ctx, encoded->data(), encoded->size()), 0);
  std::vector<uint8_t> pixels(image.pixels.size());
  EXPECT_EQ(spng_decode_image(ctx, pixels.data(), pixels.size(), SPNG_FMT_RGBA8, 0), 0);
  EXPECT_TRUE(pixels == image.pixels);
  uint32_t count = 0;
  ASSERT_EQ(spng_get_text(ctx, nullptr, &count), 0);
  std::vector<spng_text> text(count);
  ASSERT_EQ(spng_get_text(ctx, text.data(), &count), 0);
  ASSERT_EQ(count, 2u);
  EXPECT_STREQ(text[0].keyword, "Title");
  EXPECT_EQ(std::string(text[0].text, text[0].length), "Kidal \u2013 Gao, 31 Oct 2023");
  EXPECT_EQ(text[0].type, SPNG_ITXT);
  spng_ctx_free(ctx);
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
