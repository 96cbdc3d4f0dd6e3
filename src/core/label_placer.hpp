// Label placement: most important labels first, each at the first free spot around its anchor, never overlapping.
#pragma once

#include <cstddef>
#include <vector>

#include "core/geometry.hpp"

namespace sitmap {

struct LabelCandidate {
  size_t id = 0;          // caller's index, returned with the placement
  Vec2 anchor;            // screen pixels
  double width = 0;       // text box size in pixels
  double height = 0;
  double priority = 0;    // higher is placed first (e.g. -rank, or population)
  bool besideSymbol = true;  // point labels sit beside their symbol; area labels centre on the anchor
  double symbolRadius = 0;   // gap kept between a point symbol and its label
};

struct PlacedLabel {
  size_t id = 0;
  Bbox box;  // screen pixels, y down (minY is the top)
};

struct LabelPlacerOptions {
  double screenWidth = 0;
  double screenHeight = 0;
  double padding = 2;  // extra clearance around each label
  std::vector<Bbox> obstacles;  // areas no label may cover (map furniture)
};

std::vector<PlacedLabel> placeLabels(std::vector<LabelCandidate> candidates, const LabelPlacerOptions& options);

}  // namespace sitmap
