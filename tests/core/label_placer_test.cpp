// Label placement: priority order, no overlaps, alternative positions, obstacles and screen edges.
#include "core/label_placer.hpp"

#include <gtest/gtest.h>

using namespace sitmap;

namespace {
LabelCandidate label(size_t id, double x, double y, double priority, double w = 60, double h = 14) {
  LabelCandidate c;
  c.id = id;
  c.anchor = {x, y};
  c.width = w;
  c.height = h;
  c.priority = priority;
  c.symbolRadius = 3;
  return c;
}
LabelPlacerOptions screen(double w = 800, double h = 600) {
  LabelPlacerOptions o;
  o.screenWidth = w;
  o.screenHeight = h;
  return o;
}
}  // namespace

TEST(LabelPlacer, HigherPriorityWinsACollision) {
  // Two points 5 px apart: only one label fits at each position, so the higher priority gets the first choice.
  auto placed = placeLabels({label(1, 100, 100, 1), label(2, 100, 104, 50)}, screen());
  ASSERT_GE(placed.size(), 1u);
  EXPECT_EQ(placed[0].id, 2u);
  EXPECT_GT(placed[0].box.minX, 100);  // preferred position: right of the point
}

TEST(LabelPlacer, PlacedLabelsNeverOverlap) {
  std::vector<LabelCandidate> candidates;
  for (size_t i = 0; i < 400; ++i) candidates.push_back(label(i, 50 + double(i % 20) * 31, 40 + double(i / 20) * 23, double(i % 7)));
  const auto placed = placeLabels(candidates, screen());
  ASSERT_GT(placed.size(), 20u);
  for (size_t a = 0; a < placed.size(); ++a)
    for (size_t b = a + 1; b < placed.size(); ++b)
      EXPECT_FALSE(placed[a].box.intersects(placed[b].box)) << placed[a].id << " vs " << placed[b].id;
}

TEST(LabelPlacer, PlacedLabelsKeepTheirPaddingApart) {
  // Points 61 px apart with 60 px labels: side by side they would be 1 px apart, closer than the padding.
  std::vector<LabelCandidate> candidates;
  for (size_t i = 0; i < 10; ++i) candidates.push_back(label(i, 20 + double(i) * 61, 300, 1));
  auto options = screen();
  options.padding = 4;
  const auto placed = placeLabels(candidates, options);
  ASSERT_GT(placed.size(), 3u);
  for (size_t a = 0; a < placed.size(); ++a)
    for (size_t b = a + 1; b < placed.size(); ++b) {
      const Bbox& p = placed[a].box;
      const Bbox grown{p.minX - 3.99, p.minY - 3.99, p.maxX + 3.99, p.maxY + 3.99};
      EXPECT_FALSE(grown.intersects(placed[b].box)) << placed[a].id << " and " << placed[b].id << " closer than 4 px";
    }
}

TEST(LabelPlacer, FallsBackToTheLeftWhenTheRightIsTaken) {
  auto placed = placeLabels({label(1, 400, 300, 10), label(2, 330, 300, 1)}, screen());
  ASSERT_EQ(placed.size(), 2u);
  // Label 1 sits right of x=400. Label 2's right-hand box (333..393) is free, so it stays right too.
  EXPECT_GT(placed[1].box.minX, 330);
  auto crowded = placeLabels({label(1, 400, 300, 10, 100), label(2, 380, 300, 1, 60)}, screen());
  ASSERT_EQ(crowded.size(), 2u);
  EXPECT_LT(crowded[1].box.maxX, 380);  // pushed to the left of its point
}

TEST(LabelPlacer, LabelsStayOnScreenAndOffObstacles) {
  auto options = screen(200, 100);
  options.obstacles.push_back({0, 0, 200, 30});
  auto placed = placeLabels({label(1, 190, 50, 1), label(2, 100, 20, 1, 40, 10)}, options);
  ASSERT_EQ(placed.size(), 1u);
  EXPECT_EQ(placed[0].id, 1u);
  EXPECT_LE(placed[0].box.maxX, 200);  // the right-hand spot would leave the screen: placed left
  EXPECT_LT(placed[0].box.maxX, 190);
}

TEST(LabelPlacer, AreaLabelsAreCentred) {
  LabelCandidate c = label(7, 400, 300, 1, 80, 20);
  c.besideSymbol = false;
  auto placed = placeLabels({c}, screen());
  ASSERT_EQ(placed.size(), 1u);
  EXPECT_DOUBLE_EQ(placed[0].box.centre().x, 400);
  EXPECT_DOUBLE_EQ(placed[0].box.centre().y, 300);
}
