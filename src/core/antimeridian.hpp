// Data across the antimeridian in a display CRS that repeats every world width (EPSG:4326, EPSG:3857): where to
// cut so that it is drawn in one piece, east of 180°, instead of at both edges of the world.
#pragma once

#include <optional>
#include <vector>

#include "core/geometry.hpp"

namespace sitmap {

// One turn of the world in display x: from `west` (x of 180°W) over `width`.
struct WorldSpan {
  double west = 0, width = 0;
};

// Where the x-ranges data covers (an edge from x0 to x1 covers both and all between, as lines are straight in a
// cylindrical CRS; a point covers its x) lie on both sides of the antimeridian with a wide gap inside the world
// between them (a quarter of the world or more, as for a Pacific island group split at 180°), the x below which
// they belong east of 180° (move them by world.width); nullopt for data that is contiguous already, or spans the
// world (a world polygon's edges run from 180°W to 180°E).
struct XRange {
  double from = 0, to = 0;
};
std::optional<double> antimeridianCut(const std::vector<XRange>& covered, const WorldSpan& world);

}  // namespace sitmap
