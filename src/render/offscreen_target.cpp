// FBO creation and read-back.
#include "render/offscreen_target.hpp"

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>

namespace sitmap {

Result<OffscreenTarget> OffscreenTarget::create(int widthPx, int heightPx) {
  GLint maxSize = 0;
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxSize);
  if (widthPx <= 0 || heightPx <= 0 || widthPx > maxSize || heightPx > maxSize)
    return Error{"image size " + std::to_string(widthPx) + "x" + std::to_string(heightPx) + " is outside 1.." +
                 std::to_string(maxSize) + " pixels per side"};
  OffscreenTarget target;
  target.m_width = widthPx;
  target.m_height = heightPx;
  glGenFramebuffers(1, &target.m_framebuffer);
  glBindFramebuffer(GL_FRAMEBUFFER, target.m_framebuffer);
  glGenRenderbuffers(1, &target.m_colour);
  glBindRenderbuffer(GL_RENDERBUFFER, target.m_colour);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, widthPx, heightPx);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, target.m_colour);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    return Error{"cannot create a " + std::to_string(widthPx) + "x" + std::to_string(heightPx) + " render target"};
  return target;
}

OffscreenTarget::OffscreenTarget(OffscreenTarget&& other) noexcept
    : m_framebuffer(std::exchange(other.m_framebuffer, 0)),
      m_colour(std::exchange(other.m_colour, 0)),
      m_width(other.m_width),
      m_height(other.m_height) {}

OffscreenTarget::~OffscreenTarget() {
  if (m_framebuffer) glDeleteFramebuffers(1, &m_framebuffer);
  if (m_colour) glDeleteRenderbuffers(1, &m_colour);
}

void OffscreenTarget::bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, m_framebuffer);
  glViewport(0, 0, m_width, m_height);
}

RgbaImage OffscreenTarget::read() const {
  RgbaImage image(m_width, m_height);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, m_framebuffer);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, m_width, m_height, GL_RGBA, GL_UNSIGNED_BYTE, image.pixels.data());
  const size_t row = size_t(m_width) * 4;
  std::vector<uint8_t> swap(row);
  for (int y = 0; y < m_height / 2; ++y) {
    uint8_t* top = image.pixels.data() + size_t(y) * row;
    uint8_t* bottom = image.pixels.data() + size_t(m_height - 1 - y) * row;
    std::memcpy(swap.data(), top, row);
    std::memcpy(top, bottom, row);
    std::memcpy(bottom, swap.data(), row);
  }
  // The framebuffer holds premultiplied colour; PNGs want straight alpha.
  for (size_t i = 0; i < image.pixels.size(); i += 4) {
    const uint8_t a = image.pixels[i + 3];
    if (a == 0 || a == 255) continue;
    for (int c = 0; c < 3; ++c) image.pixels[i + c] = uint8_t(std::min(255, image.pixels[i + c] * 255 / a));
  }
  return image;
}

}  // namespace sitmap
