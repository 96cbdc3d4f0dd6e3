// An FBO to draw a map into (RGBA8 colour), read back as an image.
#pragma once

#include "core/image.hpp"
#include "core/result.hpp"
#include "render/gl.hpp"

namespace sitmap {

class OffscreenTarget {
public:
  static Result<OffscreenTarget> create(int widthPx, int heightPx);
  OffscreenTarget(OffscreenTarget&& other) noexcept;
  OffscreenTarget& operator=(OffscreenTarget&&) = delete;
  OffscreenTarget(const OffscreenTarget&) = delete;
  ~OffscreenTarget();

  void bind() const;
  int width() const { return m_width; }
  int height() const { return m_height; }
  // Pixels top row first (GL reads bottom up), straight alpha.
  RgbaImage read() const;

private:
  OffscreenTarget() = default;
  GLuint m_framebuffer = 0, m_colour = 0;
  int m_width = 0, m_height = 0;
};

}  // namespace sitmap
