// PNG encoders side by side on one image: libspng (zlib level 1, no filtering: what sitmap used before) against
// sitmap's encoder (libdeflate level 1). Usage: sitmap-png-side-by-side IMAGE.png [RUNS]; prints medians and sizes.
#include <spng.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "io/png_file.hpp"

using Clock = std::chrono::steady_clock;

namespace {

double millisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

size_t encodeWithSpng(const sitmap::RgbaImage& image) {
  spng_ctx* ctx = spng_ctx_new(SPNG_CTX_ENCODER);
  spng_set_option(ctx, SPNG_ENCODE_TO_BUFFER, 1);
  spng_set_option(ctx, SPNG_IMG_COMPRESSION_LEVEL, 1);
  spng_set_option(ctx, SPNG_FILTER_CHOICE, SPNG_DISABLE_FILTERING);
  spng_ihdr header{};
  header.width = uint32_t(image.width);
  header.height = uint32_t(image.height);
  header.bit_depth = 8;
  header.color_type = SPNG_COLOR_TYPE_TRUECOLOR_ALPHA;
  spng_set_ihdr(ctx, &header);
  spng_encode_image(ctx, image.pixels.data(), image.pixels.size(), SPNG_FMT_PNG, SPNG_ENCODE_FINALIZE);
  size_t size = 0;
  int rc = 0;
  std::free(spng_get_png_buffer(ctx, &size, &rc));
  spng_ctx_free(ctx);
  return size;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s IMAGE.png [RUNS]\n", argv[0]);
    return 2;
  }
  auto image = sitmap::readPngFile(argv[1]);
  if (!image) {
    std::fprintf(stderr, "%s\n", image.error().c_str());
    return 2;
  }
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 7;
  std::vector<double> spngTimes, ownTimes;
  size_t spngSize = 0, ownSize = 0;
  for (int i = 0; i < runs; ++i) {  // interleaved, so both see the same machine
    auto start = Clock::now();
    spngSize = encodeWithSpng(*image);
    spngTimes.push_back(millisecondsSince(start));
    start = Clock::now();
    ownSize = sitmap::encodePng(*image)->size();
    ownTimes.push_back(millisecondsSince(start));
  }
  std::printf("%d x %d, medians of %d: libspng/zlib-1 %.0f ms, %.2f MB; sitmap/libdeflate-1 %.0f ms, %.2f MB; %.2fx faster\n",
              image->width, image->height, runs, median(spngTimes), double(spngSize) / 1e6, median(ownTimes), double(ownSize) / 1e6,
              median(spngTimes) / median(ownTimes));
}
