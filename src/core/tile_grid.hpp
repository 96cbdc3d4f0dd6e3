// Raster tile pyramid in the display CRS: which level and which tiles a view needs.
// Level 0 is the raster's native resolution; each level up halves it, until one tile holds the whole extent.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "core/geometry.hpp"

namespace sitmap {

struct TileKey {
  int level = 0;
  int col = 0;
  int row = 0;
  friend bool operator==(const TileKey&, const TileKey&) = default;
};

struct TileKeyHash {
  size_t operator()(const TileKey& k) const {
    return std::hash<uint64_t>{}((uint64_t(uint32_t(k.level)) << 48) ^ (uint64_t(uint32_t(k.col)) << 24) ^
                                 uint64_t(uint32_t(k.row)));
  }
};

class TileGrid {
public:
  static constexpr int kTileSize = 256;

  TileGrid(const Bbox& extent, double nativeUnitsPerPixel);

  int maxLevel() const { return m_maxLevel; }
  double unitsPerPixel(int level) const;
  // The level whose pixels are as fine as, or finer than, the view's (never blurrier than the screen).
  int levelFor(double viewUnitsPerPixel) const;
  Bbox tileBounds(const TileKey& key) const;
  // Tiles of `level` that intersect both the view and the raster extent, nearest the view centre first.
  std::vector<TileKey> tilesCovering(const Bbox& view, int level) const;
  std::optional<TileKey> parent(const TileKey& key) const;
  const Bbox& extent() const { return m_extent; }

private:
  Bbox m_extent;
  double m_nativeUnitsPerPixel;
  int m_maxLevel = 0;
};

}  // namespace sitmap
