// Tile pyramid arithmetic (see tile_grid.hpp).
#include "core/tile_grid.hpp"

#include <algorithm>
#include <cmath>

namespace sitmap {

TileGrid::TileGrid(const Bbox& extent, double nativeUnitsPerPixel)
    : m_extent(extent), m_nativeUnitsPerPixel(nativeUnitsPerPixel > 0 ? nativeUnitsPerPixel : 1.0) {
  const double largestSidePx = std::max(extent.width(), extent.height()) / m_nativeUnitsPerPixel;
  while (largestSidePx / std::ldexp(1.0, m_maxLevel) > kTileSize && m_maxLevel < 30) ++m_maxLevel;
}

double TileGrid::unitsPerPixel(int level) const { return m_nativeUnitsPerPixel * std::ldexp(1.0, level); }

int TileGrid::levelFor(double viewUnitsPerPixel) const {
  if (!(viewUnitsPerPixel > 0)) return 0;
  // A small tolerance so a view at exactly a level's resolution picks that level despite rounding.
  const double ratio = viewUnitsPerPixel / m_nativeUnitsPerPixel * (1.0 + 1e-9);
  const int level = static_cast<int>(std::floor(std::log2(ratio)));
  return std::clamp(level, 0, m_maxLevel);
}

Bbox TileGrid::tileBounds(const TileKey& key) const {
  const double side = kTileSize * unitsPerPixel(key.level);
  const double minX = m_extent.minX + key.col * side;
  const double maxY = m_extent.maxY - key.row * side;
  return {minX, maxY - side, minX + side, maxY};
}

std::vector<TileKey> TileGrid::tilesCovering(const Bbox& view, int level) const {
  std::vector<TileKey> keys;
  if (!view.intersects(m_extent)) return keys;
  const double side = kTileSize * unitsPerPixel(level);
  const int cols = static_cast<int>(std::ceil(m_extent.width() / side));
  const int rows = static_cast<int>(std::ceil(m_extent.height() / side));
  const int c0 = std::clamp(static_cast<int>(std::floor((view.minX - m_extent.minX) / side)), 0, cols - 1);
  // Half-open: a view whose edge lies exactly on a tile border does not need the tile beyond it.
  const int c1 = std::clamp(static_cast<int>(std::ceil((view.maxX - m_extent.minX) / side)) - 1, 0, cols - 1);
  const int r0 = std::clamp(static_cast<int>(std::floor((m_extent.maxY - view.maxY) / side)), 0, rows - 1);
  const int r1 = std::clamp(static_cast<int>(std::ceil((m_extent.maxY - view.minY) / side)) - 1, 0, rows - 1);
  for (int r = r0; r <= r1; ++r)
    for (int c = c0; c <= c1; ++c) keys.push_back({level, c, r});
  const Vec2 centre = view.centre();
  std::sort(keys.begin(), keys.end(), [&](const TileKey& a, const TileKey& b) {
    const Vec2 ca = tileBounds(a).centre() - centre;
    const Vec2 cb = tileBounds(b).centre() - centre;
    return ca.x * ca.x + ca.y * ca.y < cb.x * cb.x + cb.y * cb.y;
  });
  return keys;
}

std::optional<TileKey> TileGrid::parent(const TileKey& key) const {
  if (key.level >= m_maxLevel) return std::nullopt;
  return TileKey{key.level + 1, key.col / 2, key.row / 2};
}

}  // namespace sitmap
