// PNG: written here around libdeflate's compressor (the chunk layout is a few lines; the compression is the
// cost), read through libspng.
#include "io/png_file.hpp"

#include <libdeflate.h>
#include <spng.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iterator>
#include <memory>

#include "io/file_write.hpp"

namespace sitmap {

namespace {
struct ContextDeleter {
  void operator()(spng_ctx* ctx) const { spng_ctx_free(ctx); }
};
using Context = std::unique_ptr<spng_ctx, ContextDeleter>;
Error spngError(const char* what, int code) { return Error{std::string(what) + ": " + spng_strerror(code)}; }

struct CompressorDeleter {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

void putBigEndian(std::vector<uint8_t>& out, uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(uint8_t(value >> shift));
}

// One chunk: length, type, data, and the CRC of type and data (PNG specification, section 5.3).
void putChunk(std::vector<uint8_t>& out, const char (&type)[5], const uint8_t* data, size_t size) {
  putBigEndian(out, uint32_t(size));
  const size_t typeAt = out.size();
  out.insert(out.end(), type, type + 4);
  out.insert(out.end(), data, data + size);
  putBigEndian(out, uint32_t(libdeflate_crc32(0, out.data() + typeAt, size + 4)));
}
}  // namespace

std::string pngCreationTime(int64_t unixSeconds) {
  const std::time_t t = std::time_t(unixSeconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  // Day and month names in English whatever the locale, as RFC 1123 has them.
  static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char text[40];
  std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[utc.tm_wday], utc.tm_mday, months[utc.tm_mon],
                utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
  return text;
}

Result<std::vector<uint8_t>> encodePng(const RgbaImage& image, const PngTextChunks& text) {
  if (image.width <= 0 || image.height <= 0) return Error{"PNG encoding failed: an empty image"};
  for (const auto& [keyword, value] : text)
    if (keyword.empty() || keyword.size() > 79) return Error{"PNG text: a keyword must have 1 to 79 characters"};
  // Rows with filter type 0 ("none") and libdeflate at level 1: measured on this machine's 4K maps, faster than
  // the Up or Sub filters and higher levels, and about twice as fast as zlib's level 1 (bench/README.md).
  const size_t row = size_t(image.width) * 4, height = size_t(image.height);
  std::vector<uint8_t> filtered(height * (row + 1));
  for (size_t y = 0; y < height; ++y) {
    filtered[y * (row + 1)] = 0;
    std::memcpy(&filtered[y * (row + 1) + 1], &image.pixels[y * row], row);
  }
  const std::unique_ptr<libdeflate_compressor, CompressorDeleter> compressor(libdeflate_alloc_compressor(1));
  if (!compressor) return Error{"PNG encoding failed: out of memory"};
  std::vector<uint8_t> compressed(libdeflate_zlib_compress_bound(compressor.get(), filtered.size()));
  const size_t compressedSize =
      libdeflate_zlib_compress(compressor.get(), filtered.data(), filtered.size(), compressed.data(), compressed.size());
  if (compressedSize == 0) return Error{"PNG encoding failed: the compressor ran out of room"};
  filtered = {};

  std::vector<uint8_t> out;
  out.reserve(compressedSize + 1024);
  static constexpr uint8_t kSignature[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  out.insert(out.end(), std::begin(kSignature), std::end(kSignature));
  std::vector<uint8_t> header;
  putBigEndian(header, uint32_t(image.width));
  putBigEndian(header, uint32_t(image.height));
  header.insert(header.end(), {8, 6, 0, 0, 0});  // 8 bits, RGBA, deflate, adaptive filtering, no interlace
  putChunk(out, "IHDR", header.data(), header.size());
  for (const auto& [keyword, value] : text) {
    // iTXt: UTF-8 text, uncompressed, no language tag or translated keyword.
    std::vector<uint8_t> chunk(keyword.begin(), keyword.end());
    chunk.insert(chunk.end(), {0, 0, 0, 0, 0});
    chunk.insert(chunk.end(), value.begin(), value.end());
    putChunk(out, "iTXt", chunk.data(), chunk.size());
  }
  // IDAT chunks of at most 1 MiB, as encoders usually write them (and far under the 2^31 limit).
  constexpr size_t kIdatBytes = size_t(1) << 20;
  for (size_t at = 0; at < compressedSize; at += kIdatBytes)
    putChunk(out, "IDAT", compressed.data() + at, std::min(kIdatBytes, compressedSize - at));
  putChunk(out, "IEND", nullptr, 0);
  return out;
}

Result<RgbaImage> decodePng(const std::vector<uint8_t>& bytes) {
  Context ctx(spng_ctx_new(0));
  int rc = spng_set_png_buffer(ctx.get(), bytes.data(), bytes.size());
  spng_ihdr header{};
  if (!rc) rc = spng_get_ihdr(ctx.get(), &header);
  if (rc) return spngError("not a readable PNG", rc);
  RgbaImage image(int(header.width), int(header.height));
  rc = spng_decode_image(ctx.get(), image.pixels.data(), image.pixels.size(), SPNG_FMT_RGBA8, 0);
  if (rc) return spngError("not a readable PNG", rc);
  return image;
}

Result<RgbaImage> readPngFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path + ": cannot open"};
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto image = decodePng(bytes);
  if (!image) return Error{path + ": " + image.error()};
  return image;
}

Status writePngFile(const std::string& path, const RgbaImage& image, bool overwrite, const PngTextChunks& text) {
  auto bytes = encodePng(image, text);
  if (!bytes) return Error{path + ": " + bytes.error()};
  return writeFileAtomically(path, *bytes, overwrite);
}

}  // namespace sitmap
