// The viewer's first layout is map-first at the sizes a briefing room uses: no panel over a fifth of the map,
// panels inside the window and clear of each other, and the unobscured map most of the window.
#include "core/workspace_layout.hpp"

#include <gtest/gtest.h>

#include <vector>

using namespace sitmap;

TEST(WorkspaceLayout, MapFirstAtLaptopHdAnd4kSizes) {
  struct Size {
    double width, height, unit;
  };
  for (const Size& size : {Size{1600, 900, 15}, Size{1920, 1080, 15}, Size{3840, 2160, 30}, Size{1280, 720, 15}}) {
    const WorkspaceLayout l = workspaceLayout(size.width, size.height, size.unit, 2 * size.unit);
    const double window = size.width * size.height;
    const std::vector<std::pair<const char*, Bbox>> open = {{"layers", l.layers}, {"filters", l.filters}, {"convoy", l.convoy},
                                                            {"clock", l.clock},   {"timeline", l.timeline}};
    for (const auto& [name, box] : open) {
      EXPECT_LE(box.width() * box.height(), window / 5) << name << " at " << size.width;
      EXPECT_GE(box.minX, 0) << name;
      EXPECT_LE(box.maxX, size.width) << name;
      EXPECT_LE(box.maxY, size.height) << name;
      const Bbox inner{l.unobscured.minX + 1, l.unobscured.minY + 1, l.unobscured.maxX - 1, l.unobscured.maxY - 1};
      EXPECT_FALSE(box.intersects(inner)) << name << " covers the free map";
    }
    for (size_t i = 0; i < open.size(); ++i)
      for (size_t j = i + 1; j < open.size(); ++j) {
        const Bbox& a = open[i].second;
        const Bbox& b = open[j].second;
        EXPECT_FALSE(a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY) << open[i].first << " / " << open[j].first;
      }
    EXPECT_GE(l.unobscured.width() * l.unobscured.height(), window * 0.5) << "the map keeps most of the window";
    // The on-demand headers share the top row within the window.
    EXPECT_LE(l.summary.maxX, size.width) << size.width;
    EXPECT_LE(l.table.maxX, l.summary.minX);
  }
}
