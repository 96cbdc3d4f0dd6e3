// Viewport transforms: fitting without cropping, round trips, zoom about a fixed point.
#include "core/viewport.hpp"

#include <gtest/gtest.h>

using namespace sitmap;

TEST(Viewport, WorldToScreenPutsCentreInTheMiddleAndNorthUp) {
  Viewport view({1000, 2000}, 10, 200, 100);
  EXPECT_DOUBLE_EQ(view.worldToScreen({1000, 2000}).x, 100);
  EXPECT_DOUBLE_EQ(view.worldToScreen({1000, 2000}).y, 50);
  // 100 units east is 10 px right; 100 units north is 10 px up (screen y down).
  EXPECT_DOUBLE_EQ(view.worldToScreen({1100, 2100}).x, 110);
  EXPECT_DOUBLE_EQ(view.worldToScreen({1100, 2100}).y, 40);
}

TEST(Viewport, ScreenToWorldInvertsWorldToScreen) {
  Viewport view({-123.5, 456.25}, 0.37, 1921, 1079);
  for (Vec2 p : {Vec2{0, 0}, Vec2{1921, 1079}, Vec2{13.5, 900.25}}) {
    const Vec2 back = view.worldToScreen(view.screenToWorld(p));
    EXPECT_NEAR(back.x, p.x, 1e-9);
    EXPECT_NEAR(back.y, p.y, 1e-9);
  }
}

TEST(Viewport, FittingWidensTheShortSideAndNeverCrops) {
  const Bbox box{0, 0, 100, 100};
  const Viewport view = Viewport::fitting(box, 200, 100);  // wider image than box
  const Bbox visible = view.visibleBounds();
  EXPECT_DOUBLE_EQ(view.unitsPerPixel(), 1.0);
  EXPECT_DOUBLE_EQ(visible.minY, 0);
  EXPECT_DOUBLE_EQ(visible.maxY, 100);
  EXPECT_DOUBLE_EQ(visible.minX, -50);
  EXPECT_DOUBLE_EQ(visible.maxX, 150);
  const Viewport tall = Viewport::fitting(box, 100, 400);
  EXPECT_DOUBLE_EQ(tall.visibleBounds().minX, 0);
  EXPECT_DOUBLE_EQ(tall.visibleBounds().maxX, 100);
  EXPECT_DOUBLE_EQ(tall.visibleBounds().minY, -150);
}

TEST(Viewport, ZoomAboutKeepsTheAnchorFixed) {
  Viewport view({0, 0}, 2, 400, 300);
  const Vec2 anchor{300, 60};
  const Vec2 before = view.screenToWorld(anchor);
  view.zoomAbout(anchor, 2.5);
  EXPECT_DOUBLE_EQ(view.unitsPerPixel(), 0.8);
  const Vec2 after = view.screenToWorld(anchor);
  EXPECT_NEAR(after.x, before.x, 1e-9);
  EXPECT_NEAR(after.y, before.y, 1e-9);
}

TEST(Viewport, PanMovesTheMapWithTheCursor) {
  Viewport view({0, 0}, 5, 100, 100);
  const Vec2 world{20, -40};
  const Vec2 before = view.worldToScreen(world);
  view.panPixels(7, -3);
  const Vec2 after = view.worldToScreen(world);
  EXPECT_NEAR(after.x - before.x, 7, 1e-9);
  EXPECT_NEAR(after.y - before.y, -3, 1e-9);
}

TEST(Viewport, ScaledKeepsTheBoundsAndMultipliesPixels) {
  const Viewport view = Viewport::fitting({0, 0, 960, 540}, 960, 540);
  const Viewport doubled = view.scaled(2);
  EXPECT_EQ(doubled.widthPx(), 1920);
  EXPECT_EQ(doubled.heightPx(), 1080);
  EXPECT_EQ(doubled.visibleBounds(), view.visibleBounds());
}

TEST(Viewport, ScaleDenominatorUsesTheStandardPixel) {
  Viewport view({0, 0}, 280, 10, 10);  // 280 m per 0.28 mm pixel
  EXPECT_NEAR(view.scaleDenominator(), 1e6, 1e-6);
}
