// Douglas–Peucker: what is kept and what is dropped, on paths whose answer is known.
#include "core/path_simplify.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace sitmap;

TEST(PathSimplify, CollinearVerticesGoAndCornersStay) {
  // An L with extra vertices along both arms: only the ends and the corner matter.
  const std::vector<Vec2> path = {{0, 0}, {1, 0}, {2, 0}, {3, 0}, {3, 1}, {3, 2}, {3, 3}};
  EXPECT_EQ(simplifyPath(path.data(), path.size(), 0.01), (std::vector<uint32_t>{0, 3, 6}));
}

TEST(PathSimplify, ASpikeBeyondTheToleranceIsKeptOneWithinItIsNot) {
  const std::vector<Vec2> path = {{0, 0}, {1, 0.5}, {2, 0}, {3, 0.05}, {4, 0}};
  EXPECT_EQ(simplifyPath(path.data(), path.size(), 0.1), (std::vector<uint32_t>{0, 1, 2, 4}));
  EXPECT_EQ(simplifyPath(path.data(), path.size(), 1.0), (std::vector<uint32_t>{0, 4}));
}

TEST(PathSimplify, AClosedRingKeepsItsShapeAndNoDroppedVertexStraysBeyondTheTolerance) {
  // A million-vertex circle (closed: the last vertex is the first), simplified at 1/1000 of its radius.
  const size_t n = 1000000;
  std::vector<Vec2> ring(n + 1);
  for (size_t i = 0; i <= n; ++i) {
    const double a = 2 * 3.14159265358979323846 * double(i % n) / n;
    ring[i] = {std::cos(a), std::sin(a)};
  }
  const double tolerance = 1e-3;
  const auto kept = simplifyPath(ring.data(), ring.size(), tolerance);
  ASSERT_GE(kept.size(), 4u);
  EXPECT_LT(kept.size(), 200u);  // a circle needs about pi / sqrt(2 * tolerance) = 70 vertices
  EXPECT_EQ(kept.front(), 0u);
  EXPECT_EQ(kept.back(), n);
  // Every dropped vertex lies within the tolerance of the chord that replaced it.
  for (size_t k = 1; k < kept.size(); ++k) {
    const Vec2 a = ring[kept[k - 1]], b = ring[kept[k]];
    const size_t middle = (kept[k - 1] + kept[k]) / 2;
    const Vec2 p = ring[middle], ab = b - a, ap = p - a;
    const double distance = std::fabs(ab.x * ap.y - ab.y * ap.x) / std::hypot(ab.x, ab.y);
    EXPECT_LE(distance, tolerance * 1.0001) << "between " << kept[k - 1] << " and " << kept[k];
  }
}
