// A font's glyphs as signed distance fields in one GL texture, baked on first use (stb_truetype).
// One distance field serves every size: labels stay crisp at 1x, 2x and on a 4K wall.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"
#include "render/gl.hpp"

namespace sitmap {

struct Glyph {
  float u0 = 0, v0 = 0, u1 = 0, v1 = 0;  // atlas texture coordinates
  float left = 0, top = 0;              // quad offset from the pen position, baked pixels (top is negative above the baseline)
  float width = 0, height = 0;          // quad size, baked pixels
  float advance = 0;                    // baked pixels
};

class FontAtlas {
public:
  static constexpr float kBakeSize = 32.0f;  // pixel height the fields are computed at
  static constexpr int kPadding = 6;         // field reach beyond the outline, baked pixels (limits halo width)
  static constexpr float kDistancePerPixel = 128.0f / kPadding / 255.0f;  // field units per baked pixel

  // Finds DejaVu Sans (fonts-dejavu-core) or Noto Sans (fonts-noto-core).
  static Result<std::unique_ptr<FontAtlas>> loadDefault(bool bold);
  static Result<std::unique_ptr<FontAtlas>> load(const std::string& path);
  ~FontAtlas();

  const Glyph& glyph(uint32_t codepoint);
  float kerning(uint32_t left, uint32_t right) const;  // baked pixels
  float ascent() const { return m_ascent; }            // baked pixels above the baseline
  float descent() const { return m_descent; }          // baked pixels below the baseline (positive)
  GLuint texture() const { return m_texture; }

private:
  FontAtlas() = default;
  struct Impl;
  std::unique_ptr<Impl> m_impl;
  std::unordered_map<uint32_t, Glyph> m_glyphs;
  GLuint m_texture = 0;
  int m_atlasSize = 1024;
  int m_shelfX = 0, m_shelfY = 0, m_shelfHeight = 0;
  float m_ascent = 0, m_descent = 0;
};

}  // namespace sitmap
