// PNG through libspng.
#include "io/png_file.hpp"

#include <spng.h>

#include <cstring>
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
}  // namespace

Result<std::vector<uint8_t>> encodePng(const RgbaImage& image, const PngTextChunks& text) {
  Context ctx(spng_ctx_new(SPNG_CTX_ENCODER));
  spng_set_option(ctx.get(), SPNG_ENCODE_TO_BUFFER, 1);
  // Level 1 with no row filtering: screenshots are mostly flat colour, which deflates well even at this level.
  spng_set_option(ctx.get(), SPNG_IMG_COMPRESSION_LEVEL, 1);
  spng_set_option(ctx.get(), SPNG_FILTER_CHOICE, SPNG_DISABLE_FILTERING);
  spng_ihdr header{};
  header.width = uint32_t(image.width);
  header.height = uint32_t(image.height);
  header.bit_depth = 8;
  header.color_type = SPNG_COLOR_TYPE_TRUECOLOR_ALPHA;
  spng_set_ihdr(ctx.get(), &header);
  std::vector<spng_text> chunks(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    spng_text& chunk = chunks[i];
    std::memset(&chunk, 0, sizeof chunk);
    std::strncpy(chunk.keyword, text[i].first.c_str(), sizeof chunk.keyword - 1);
    chunk.type = SPNG_ITXT;  // UTF-8 text
    chunk.length = text[i].second.size();
    chunk.text = const_cast<char*>(text[i].second.c_str());
    chunk.language_tag = const_cast<char*>("");
    chunk.translated_keyword = const_cast<char*>("");
  }
  if (!chunks.empty()) {
    if (int rc = spng_set_text(ctx.get(), chunks.data(), uint32_t(chunks.size()))) return spngError("PNG text", rc);
  }
  int rc = spng_encode_image(ctx.get(), image.pixels.data(), image.pixels.size(), SPNG_FMT_PNG, SPNG_ENCODE_FINALIZE);
  if (rc) return spngError("PNG encoding failed", rc);
  size_t size = 0;
  void* buffer = spng_get_png_buffer(ctx.get(), &size, &rc);
  if (!buffer) return spngError("PNG encoding failed", rc);
  std::vector<uint8_t> bytes(static_cast<uint8_t*>(buffer), static_cast<uint8_t*>(buffer) + size);
  free(buffer);
  return bytes;
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
