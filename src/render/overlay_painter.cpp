// Batched screen-space text and rectangles.
#include "render/overlay_painter.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include "core/text.hpp"

namespace sitmap {

namespace {

void premultiplied(const Rgba& c, float out[4]) {
  out[0] = c.r * c.a;
  out[1] = c.g * c.a;
  out[2] = c.b * c.a;
  out[3] = c.a;
}

}  // namespace

Result<std::unique_ptr<OverlayPainter>> OverlayPainter::create() {
  std::unique_ptr<OverlayPainter> painter(new OverlayPainter());
  auto regular = FontAtlas::loadDefault(false);
  if (!regular) return Error{regular.error()};
  auto bold = FontAtlas::loadDefault(true);
  if (!bold) return Error{bold.error()};
  painter->m_regular = std::move(*regular);
  painter->m_bold = std::move(*bold);
  auto text = ShaderProgram::build("text.vert", "text.frag");
  if (!text) return Error{text.error()};
  auto rect = ShaderProgram::build("screen.vert", "screen.frag");
  if (!rect) return Error{rect.error()};
  painter->m_textProgram = std::move(*text);
  painter->m_rectProgram = std::move(*rect);

  glGenVertexArrays(1, &painter->m_textVao);
  glGenBuffers(1, &painter->m_textVbo);
  glBindVertexArray(painter->m_textVao);
  glBindBuffer(GL_ARRAY_BUFFER, painter->m_textVbo);
  const GLsizei textStride = sizeof(TextVertex);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, textStride, reinterpret_cast<void*>(offsetof(TextVertex, x)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, textStride, reinterpret_cast<void*>(offsetof(TextVertex, u)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 4, GL_FLOAT, GL_FALSE, textStride, reinterpret_cast<void*>(offsetof(TextVertex, colour)));
  glEnableVertexAttribArray(3);
  glVertexAttribPointer(3, 4, GL_FLOAT, GL_FALSE, textStride, reinterpret_cast<void*>(offsetof(TextVertex, halo)));
  glEnableVertexAttribArray(4);
  glVertexAttribPointer(4, 2, GL_FLOAT, GL_FALSE, textStride, reinterpret_cast<void*>(offsetof(TextVertex, edges)));

  glGenVertexArrays(1, &painter->m_rectVao);
  glGenBuffers(1, &painter->m_rectVbo);
  glBindVertexArray(painter->m_rectVao);
  glBindBuffer(GL_ARRAY_BUFFER, painter->m_rectVbo);
  const GLsizei rectStride = sizeof(ColourVertex);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, rectStride, reinterpret_cast<void*>(offsetof(ColourVertex, x)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, rectStride, reinterpret_cast<void*>(offsetof(ColourVertex, colour)));
  glBindVertexArray(0);
  return painter;
}

OverlayPainter::~OverlayPainter() {
  glDeleteVertexArrays(1, &m_textVao);
  glDeleteBuffers(1, &m_textVbo);
  glDeleteVertexArrays(1, &m_rectVao);
  glDeleteBuffers(1, &m_rectVbo);
}

Vec2 OverlayPainter::measure(std::string_view utf8, const TextStyle& style) {
  FontAtlas& atlas = font(style.bold);
  const float scale = style.size / (atlas.ascent() + atlas.descent());
  float width = 0;
  uint32_t previous = 0;
  for (uint32_t cp : decodeUtf8(utf8)) {
    if (previous) width += atlas.kerning(previous, cp);
    width += atlas.glyph(cp).advance;
    previous = cp;
  }
  return {width * scale, style.size};
}

void OverlayPainter::text(std::string_view utf8, Vec2 topLeft, const TextStyle& style) {
  FontAtlas& atlas = font(style.bold);
  std::vector<TextVertex>& out = style.bold ? m_boldText : m_regularText;
  const float scale = style.size / (atlas.ascent() + atlas.descent());
  // Smoothing: half a screen pixel expressed in field units; halo edge: the halo width below the outline.
  const float unitsPerScreenPixel = FontAtlas::kDistancePerPixel / scale;
  const float smoothing = 0.5f * unitsPerScreenPixel;
  const float haloEdge = std::max(0.02f, 0.5f - style.haloWidth * unitsPerScreenPixel);
  TextVertex base{};
  premultiplied(style.colour, base.colour);
  premultiplied(style.halo, base.halo);
  base.edges[0] = style.halo.a > 0 ? haloEdge : 0.5f;
  base.edges[1] = smoothing;
  float penX = float(topLeft.x);
  const float baseline = float(topLeft.y) + atlas.ascent() * scale;
  uint32_t previous = 0;
  for (uint32_t cp : decodeUtf8(utf8)) {
    if (previous) penX += atlas.kerning(previous, cp) * scale;
    const Glyph& g = atlas.glyph(cp);
    if (g.width > 0) {
      const float x0 = penX + g.left * scale, y0 = baseline + g.top * scale;
      const float x1 = x0 + g.width * scale, y1 = y0 + g.height * scale;
      const TextVertex corners[4] = {
          {x0, y0, g.u0, g.v0, {}, {}, {}}, {x1, y0, g.u1, g.v0, {}, {}, {}},
          {x1, y1, g.u1, g.v1, {}, {}, {}}, {x0, y1, g.u0, g.v1, {}, {}, {}}};
      for (int index : {0, 1, 2, 0, 2, 3}) {
        TextVertex v = base;
        v.x = corners[index].x, v.y = corners[index].y, v.u = corners[index].u, v.v = corners[index].v;
        out.push_back(v);
      }
    }
    penX += g.advance * scale;
    previous = cp;
  }
}

void OverlayPainter::rect(const Bbox& box, const Rgba& colour) {
  ColourVertex v{};
  premultiplied(colour, v.colour);
  const float x0 = float(box.minX), y0 = float(box.minY), x1 = float(box.maxX), y1 = float(box.maxY);
  const float corners[4][2] = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
  for (int index : {0, 1, 2, 0, 2, 3}) {
    v.x = corners[index][0];
    v.y = corners[index][1];
    m_rects.push_back(v);
  }
}

void OverlayPainter::frame(const Bbox& box, double thickness, const Rgba& colour, double gap) {
  rect({box.minX + gap, box.minY, box.maxX - gap, box.minY + thickness}, colour);
  rect({box.minX + gap, box.maxY - thickness, box.maxX - gap, box.maxY}, colour);
  rect({box.minX, box.minY + gap, box.minX + thickness, box.maxY - gap}, colour);
  rect({box.maxX - thickness, box.minY + gap, box.maxX, box.maxY - gap}, colour);
}

void OverlayPainter::triangle(Vec2 a, Vec2 b, Vec2 c, const Rgba& colour) {
  ColourVertex v{};
  premultiplied(colour, v.colour);
  for (Vec2 p : {a, b, c}) {
    v.x = float(p.x);
    v.y = float(p.y);
    m_rects.push_back(v);
  }
}

void OverlayPainter::line(Vec2 a, Vec2 b, double width, const Rgba& colour) {
  const Vec2 d = b - a;
  const double length = std::hypot(d.x, d.y);
  if (length <= 0) return;
  const Vec2 n{-d.y / length * width / 2, d.x / length * width / 2};
  triangle(a + n, b + n, b - n, colour);
  triangle(a + n, b - n, a - n, colour);
}

void OverlayPainter::flush(const Bbox& tile) {
  glEnable(GL_BLEND);
  glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  if (!m_rects.empty()) {
    m_rectProgram.use();
    glUniform4f(m_rectProgram.uniform("u_tile"), float(tile.minX), float(tile.minY), float(tile.width()), float(tile.height()));
    glBindVertexArray(m_rectVao);
    glBindBuffer(GL_ARRAY_BUFFER, m_rectVbo);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(m_rects.size() * sizeof(ColourVertex)), m_rects.data(), GL_STREAM_DRAW);
    glDrawArrays(GL_TRIANGLES, 0, GLsizei(m_rects.size()));
    m_rects.clear();
  }
  m_textProgram.use();
  glUniform4f(m_textProgram.uniform("u_tile"), float(tile.minX), float(tile.minY), float(tile.width()), float(tile.height()));
  glUniform1i(m_textProgram.uniform("u_atlas"), 0);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(m_textVao);
  glBindBuffer(GL_ARRAY_BUFFER, m_textVbo);
  // Every halo first, then every letter: in one pass a glyph's halo would paint over the strokes of the glyph
  // before it wherever their quads overlap (at small sizes with a wide halo, "Tabankort" read "Tabankoıt").
  for (int layer : {0, 1}) {
    glUniform1i(m_textProgram.uniform("u_layer"), layer);
    for (bool bold : {false, true}) {
      const std::vector<TextVertex>& batch = bold ? m_boldText : m_regularText;
      if (batch.empty()) continue;
      glBindTexture(GL_TEXTURE_2D, font(bold).texture());
      glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(batch.size() * sizeof(TextVertex)), batch.data(), GL_STREAM_DRAW);
      glDrawArrays(GL_TRIANGLES, 0, GLsizei(batch.size()));
    }
  }
  m_regularText.clear();
  m_boldText.clear();
  glBindVertexArray(0);
}

}  // namespace sitmap
