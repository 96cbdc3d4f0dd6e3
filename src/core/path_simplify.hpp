// Douglas–Peucker simplification of a path: which vertices to keep so that no dropped vertex lies farther than a
// tolerance from the kept line. Used to bound the work of filling polygons with huge rings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/geometry.hpp"

namespace sitmap {

// Indices of the vertices of `path` (n points) to keep, in order; the first and last are always kept. Iterative
// (no recursion depth on a million vertices).
std::vector<uint32_t> simplifyPath(const Vec2* path, size_t n, double tolerance);

}  // namespace sitmap
