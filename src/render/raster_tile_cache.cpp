// LRU texture cache.
#include "render/raster_tile_cache.hpp"

namespace sitmap {

RasterTileCache::~RasterTileCache() {
  for (auto& [key, entry] : m_entries) glDeleteTextures(1, &entry.texture);
}

void RasterTileCache::insert(const TileKey& key, const RgbaImage& image) {
  if (auto it = m_entries.find(key); it != m_entries.end()) {
    glDeleteTextures(1, &it->second.texture);
    m_useOrder.erase(it->second.useOrder);
    m_entries.erase(it);
  }
  while (m_entries.size() >= m_capacity && !m_useOrder.empty()) {
    auto oldest = m_entries.find(m_useOrder.back());
    glDeleteTextures(1, &oldest->second.texture);
    m_entries.erase(oldest);
    m_useOrder.pop_back();
  }
  GLuint texture = 0;
  glGenTextures(1, &texture);
  glBindTexture(GL_TEXTURE_2D, texture);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, image.pixels.data());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  m_useOrder.push_front(key);
  m_entries.emplace(key, Entry{texture, m_useOrder.begin()});
}

GLuint RasterTileCache::find(const TileKey& key) {
  auto it = m_entries.find(key);
  if (it == m_entries.end()) return 0;
  m_useOrder.splice(m_useOrder.begin(), m_useOrder, it->second.useOrder);
  return it->second.texture;
}

}  // namespace sitmap
