// Lazy SDF glyph baking into a shelf-packed atlas.
#include "render/font_atlas.hpp"

#include <stb_truetype.h>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace sitmap {

struct FontAtlas::Impl {
  std::vector<unsigned char> fontData;
  stbtt_fontinfo info{};
  float scale = 1;
};

Result<std::unique_ptr<FontAtlas>> FontAtlas::loadDefault(bool bold) {
  const char* candidates[] = {
      bold ? "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf" : "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
      bold ? "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf" : "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"};
  for (const char* path : candidates)
    if (std::filesystem::exists(path)) return load(path);
  return Error{"no font found: install fonts-dejavu-core (or fonts-noto-core)"};
}

Result<std::unique_ptr<FontAtlas>> FontAtlas::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path + ": cannot open font"};
  std::unique_ptr<FontAtlas> atlas(new FontAtlas());
  atlas->m_impl = std::make_unique<Impl>();
  Impl& impl = *atlas->m_impl;
  impl.fontData.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (!stbtt_InitFont(&impl.info, impl.fontData.data(), stbtt_GetFontOffsetForIndex(impl.fontData.data(), 0)))
    return Error{path + ": not a TrueType font"};
  impl.scale = stbtt_ScaleForPixelHeight(&impl.info, kBakeSize);
  int ascent = 0, descent = 0, gap = 0;
  stbtt_GetFontVMetrics(&impl.info, &ascent, &descent, &gap);
  atlas->m_ascent = float(ascent) * impl.scale;
  atlas->m_descent = float(-descent) * impl.scale;

  glGenTextures(1, &atlas->m_texture);
  glBindTexture(GL_TEXTURE_2D, atlas->m_texture);
  std::vector<uint8_t> empty(size_t(atlas->m_atlasSize) * atlas->m_atlasSize, 0);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, atlas->m_atlasSize, atlas->m_atlasSize, 0, GL_RED, GL_UNSIGNED_BYTE, empty.data());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  return atlas;
}

FontAtlas::~FontAtlas() {
  if (m_texture) glDeleteTextures(1, &m_texture);
}

const Glyph& FontAtlas::glyph(uint32_t codepoint) {
  if (auto it = m_glyphs.find(codepoint); it != m_glyphs.end()) return it->second;
  Impl& impl = *m_impl;
  int glyphIndex = stbtt_FindGlyphIndex(&impl.info, int(codepoint));
  if (glyphIndex == 0 && codepoint != '?') return m_glyphs[codepoint] = glyph('?');  // missing: show '?'
  Glyph g;
  int advance = 0, bearing = 0;
  stbtt_GetGlyphHMetrics(&impl.info, glyphIndex, &advance, &bearing);
  g.advance = float(advance) * impl.scale;
  int w = 0, h = 0, xoff = 0, yoff = 0;
  unsigned char* field = stbtt_GetGlyphSDF(&impl.info, impl.scale, glyphIndex, kPadding, 128,
                                           128.0f / kPadding, &w, &h, &xoff, &yoff);
  if (field) {
    if (m_shelfX + w > m_atlasSize) {  // next shelf
      m_shelfX = 0;
      m_shelfY += m_shelfHeight + 1;
      m_shelfHeight = 0;
    }
    if (m_shelfY + h <= m_atlasSize) {
      glBindTexture(GL_TEXTURE_2D, m_texture);
      glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
      glTexSubImage2D(GL_TEXTURE_2D, 0, m_shelfX, m_shelfY, w, h, GL_RED, GL_UNSIGNED_BYTE, field);
      const float size = float(m_atlasSize);
      g.u0 = float(m_shelfX) / size;
      g.v0 = float(m_shelfY) / size;
      g.u1 = float(m_shelfX + w) / size;
      g.v1 = float(m_shelfY + h) / size;
      g.left = float(xoff);
      g.top = float(yoff);
      g.width = float(w);
      g.height = float(h);
      m_shelfX += w + 1;
      m_shelfHeight = std::max(m_shelfHeight, h);
    }
    stbtt_FreeSDF(field, nullptr);
  }
  return m_glyphs[codepoint] = g;
}

float FontAtlas::kerning(uint32_t left, uint32_t right) const {
  return float(stbtt_GetCodepointKernAdvance(&m_impl->info, int(left), int(right))) * m_impl->scale;
}

}  // namespace sitmap
