// Raster tiles as GL textures, least recently used evicted first: GPU memory stays bounded however far one pans.
#pragma once

#include <cstdint>
#include <list>
#include <unordered_map>

#include "core/image.hpp"
#include "core/tile_grid.hpp"
#include "render/gl.hpp"

namespace sitmap {

class RasterTileCache {
public:
  explicit RasterTileCache(size_t capacity) : m_capacity(capacity) {}
  ~RasterTileCache();
  RasterTileCache(const RasterTileCache&) = delete;
  RasterTileCache& operator=(const RasterTileCache&) = delete;

  void insert(const TileKey& key, const RgbaImage& image);
  // The texture, marked as recently used; 0 when not cached.
  GLuint find(const TileKey& key);
  bool contains(const TileKey& key) const { return m_entries.count(key) > 0; }
  size_t size() const { return m_entries.size(); }
  size_t capacity() const { return m_capacity; }

private:
  struct Entry {
    GLuint texture;
    std::list<TileKey>::iterator useOrder;
  };
  size_t m_capacity;
  std::list<TileKey> m_useOrder;  // front: most recent
  std::unordered_map<TileKey, Entry, TileKeyHash> m_entries;
};

}  // namespace sitmap
