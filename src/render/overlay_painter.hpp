// 2-D drawing in screen pixels (y down) on top of the map: text with halos, filled rectangles.
// Used for labels and map furniture (scale bar, attribution, title). Calls are batched until flush().
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "core/geometry.hpp"
#include "core/result.hpp"
#include "core/style.hpp"
#include "render/font_atlas.hpp"
#include "render/shader_program.hpp"

namespace sitmap {

struct TextStyle {
  float size = 13;          // pixel height of the font's line (ascent + descent)
  Rgba colour{0, 0, 0, 1};
  Rgba halo{1, 1, 1, 0};    // alpha 0: no halo
  float haloWidth = 2;      // pixels
  bool bold = false;
};

class OverlayPainter {
public:
  static Result<std::unique_ptr<OverlayPainter>> create();
  ~OverlayPainter();

  // Width and height in pixels of one line of text.
  Vec2 measure(std::string_view utf8, const TextStyle& style);
  // `topLeft` is the top-left corner of the text's box as measure() gives it.
  void text(std::string_view utf8, Vec2 topLeft, const TextStyle& style);
  void rect(const Bbox& box, const Rgba& colour);
  // The outline of `box`, `thickness` wide, inside it; `gap` > 0 keeps only each side's middle (a dashed frame).
  void frame(const Bbox& box, double thickness, const Rgba& colour, double gap = 0);
  void triangle(Vec2 a, Vec2 b, Vec2 c, const Rgba& colour);
  // A thick line segment in pixels (square ends).
  void line(Vec2 a, Vec2 b, double width, const Rgba& colour);
  // Draws everything batched into the part `tile` (output pixels) of the image, which the framebuffer holds.
  void flush(const Bbox& tile);

private:
  OverlayPainter() = default;
  struct TextVertex {
    float x, y, u, v;
    float colour[4];
    float halo[4];
    float edges[2];
  };
  struct ColourVertex {
    float x, y;
    float colour[4];
  };
  FontAtlas& font(bool bold) { return bold ? *m_bold : *m_regular; }

  std::unique_ptr<FontAtlas> m_regular, m_bold;
  ShaderProgram m_textProgram, m_rectProgram;
  GLuint m_textVao = 0, m_textVbo = 0, m_rectVao = 0, m_rectVbo = 0;
  std::vector<TextVertex> m_regularText, m_boldText;
  std::vector<ColourVertex> m_rects;
};

}  // namespace sitmap
