// Plane geometry in the display CRS: points and axis-aligned boxes.
#pragma once

#include <algorithm>
#include <limits>

namespace sitmap {

struct Vec2 {
  double x = 0.0;
  double y = 0.0;

  friend Vec2 operator+(Vec2 a, Vec2 b) { return {a.x + b.x, a.y + b.y}; }
  friend Vec2 operator-(Vec2 a, Vec2 b) { return {a.x - b.x, a.y - b.y}; }
  friend Vec2 operator*(Vec2 a, double s) { return {a.x * s, a.y * s}; }
  friend bool operator==(Vec2 a, Vec2 b) = default;
};

// Longitude/latitude in degrees (WGS 84), kept distinct from projected coordinates.
struct LonLat {
  double lon = 0.0;
  double lat = 0.0;
  friend bool operator==(LonLat a, LonLat b) = default;
};

struct Bbox {
  double minX = std::numeric_limits<double>::infinity();
  double minY = std::numeric_limits<double>::infinity();
  double maxX = -std::numeric_limits<double>::infinity();
  double maxY = -std::numeric_limits<double>::infinity();

  bool valid() const { return minX <= maxX && minY <= maxY; }
  double width() const { return maxX - minX; }
  double height() const { return maxY - minY; }
  Vec2 centre() const { return {(minX + maxX) / 2, (minY + maxY) / 2}; }

  void expand(Vec2 p) {
    minX = std::min(minX, p.x);
    minY = std::min(minY, p.y);
    maxX = std::max(maxX, p.x);
    maxY = std::max(maxY, p.y);
  }
  void expand(const Bbox& b) {
    if (!b.valid()) return;
    expand(Vec2{b.minX, b.minY});
    expand(Vec2{b.maxX, b.maxY});
  }
  bool intersects(const Bbox& b) const {
    return valid() && b.valid() && minX <= b.maxX && b.minX <= maxX && minY <= b.maxY && b.minY <= maxY;
  }
  bool contains(Vec2 p) const { return p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY; }
  friend bool operator==(const Bbox& a, const Bbox& b) = default;
};

}  // namespace sitmap
