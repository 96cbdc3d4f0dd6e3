// Images larger than the GPU's render targets are drawn in tiles and stitched: the result must match the
// image drawn in one piece, seams included (markers and labels straddle them).
#include <gtest/gtest.h>

#include <cstdlib>

#include "app/headless_render.hpp"
#include "app/image_capture.hpp"
#include "io/scene_file.hpp"
#include "support/test_files.hpp"

using namespace sitmap;
using namespace sitmap::test;

namespace {

// Lowers the render-target limit for one scope, so the tiled path runs on any GPU.
class RenderTargetLimit {
public:
  explicit RenderTargetLimit(int side) { setenv("SITMAP_MAX_RENDER_TARGET", std::to_string(side).c_str(), 1); }
  ~RenderTargetLimit() { unsetenv("SITMAP_MAX_RENDER_TARGET"); }
};

Result<RgbaImage> renderDefault(int width, int height, double scale) {
  auto scene = loadSceneFile(sourceDir() + "/assets/scenes/default.json");
  if (!scene) return Error{scene.error()};
  RenderOptions options;
  options.width = width, options.height = height, options.scale = scale;
  return renderScene(std::move(*scene), options);
}

}  // namespace

TEST(TiledCapture, MatchesTheImageDrawnInOnePiece) {
  for (double scale : {1.0, 2.0}) {
    auto whole = renderDefault(700, 450, scale);
    ASSERT_TRUE(whole) << whole.error();
    Result<RgbaImage> tiled = Error{""};
    {
      // 400 px targets leave a 272 px core at 1x and 144 px at 2x: many seams across the map.
      RenderTargetLimit limit(400);
      tiled = renderDefault(700, 450, scale);
    }
    ASSERT_TRUE(tiled) << tiled.error();
    ASSERT_EQ(tiled->width, whole->width);
    ASSERT_EQ(tiled->height, whole->height);
    // Markers cut at a seam show as a few dozen pixels here; rounding alone differs in a handful at most.
    EXPECT_LT(compareImages(*tiled, *whole, 24).differingFraction, 0.00005) << "scale " << scale;
  }
}

TEST(TiledCapture, RefusesImagesBeyondTheMemoryBound) {
  auto huge = renderDefault(ImageCapture::kMaxSide + 1, 100, 1.0);
  ASSERT_FALSE(huge);
  EXPECT_NE(huge.error().find("at most 32768x32768"), std::string::npos) << huge.error();
}
