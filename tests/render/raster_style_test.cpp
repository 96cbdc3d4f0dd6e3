// A raster restyled after it was drawn (the Layers panel's ramp, stretch, nodata): the next image reads its
// tiles with the new style, not the cached ones.
#include <gtest/gtest.h>

#include "app/headless_render.hpp"
#include "app/map_session.hpp"
#include "io/scene_file.hpp"
#include "support/test_files.hpp"

using namespace sitmap;
using namespace sitmap::test;

TEST(RasterStyle, ARestyledRasterIsDrawnWithItsNewRampAndStretch) {
  TempDir dir;
  // 0..100 west to east over 0-4E, 14-18N.
  std::vector<float> values(64 * 64);
  for (int y = 0; y < 64; ++y)
    for (int x = 0; x < 64; ++x) values[size_t(y * 64 + x)] = float(x) * 100.0f / 63.0f;
  writeFloatGeoTiff(dir.path("ramp.tif"), {0, 14, 4, 18}, 64, 64, values, -9999);
  auto scene = parseScene(R"({"sitmap_scene": 1, "background": "#ffffff", "crs": "EPSG:4326",
                              "layers": [{"path": "ramp.tif", "style": {"resampling": "near"}}]})", dir.root());
  ASSERT_TRUE(scene) << scene.error();
  RenderOptions options;
  options.width = 200, options.height = 200, options.furniture = false, options.bboxLonLat = Bbox{0, 14, 4, 18};
  auto map = HeadlessMap::open(*scene, options);
  ASSERT_TRUE(map) << map.error();
  auto grey = map->render();
  ASSERT_TRUE(grey) << grey.error();
  const auto middle = pixel(*grey, 100, 100);
  EXPECT_NEAR(middle[0], 128, 12) << "the default grey stretch";
  EXPECT_EQ(middle[0], middle[2]);
  // Heat over 0..50: the middle (50) is the ramp's red end.
  SessionLayer& layer = map->session().layers().at(0);
  layer.spec.raster.ramp = presetRamp(rampPresets()[2], 0, 50);
  map->session().redrawRaster(layer);
  auto heat = map->render();
  ASSERT_TRUE(heat) << heat.error();
  EXPECT_TRUE(near(pixel(*heat, 100, 100), {0xbd, 0x00, 0x26}, 16)) << "tiles read again with the new ramp";
  EXPECT_TRUE(near(pixel(*heat, 3, 100), {0xff, 0xff, 0xb2}, 16));
  // A nodata value: that column of the raster is left out (the white background shows).
  layer.spec.raster.nodata = 0;
  map->session().redrawRaster(layer);
  auto holed = map->render();
  ASSERT_TRUE(holed) << holed.error();
  EXPECT_TRUE(near(pixel(*holed, 1, 100), {255, 255, 255}, 8));
  EXPECT_TRUE(near(pixel(*holed, 100, 100), {0xbd, 0x00, 0x26}, 16));
}

TEST(RasterStyle, TheLegendKeysARasterWithItsRampLowToHigh) {
  TempDir dir;
  writeFloatGeoTiff(dir.path("dem.tif"), {0, 14, 4, 18}, 2, 1, {0.0f, 100.0f}, -9999);
  // The view is away from the raster: any red or blue in the image is the legend's swatch.
  auto scene = parseScene(R"({"sitmap_scene": 1, "background": "#ffffff", "crs": "EPSG:4326",
                              "layers": [{"path": "dem.tif", "legend": true,
                                          "style": {"ramp": [[0, "#0000ff"], [100, "#ff0000"]]}}]})", dir.root());
  ASSERT_TRUE(scene) << scene.error();
  RenderOptions options;
  options.width = 400, options.height = 300, options.bboxLonLat = Bbox{20, 14, 24, 18};
  auto image = renderScene(*scene, options);
  ASSERT_TRUE(image) << image.error();
  int blueX = -1, redX = -1;
  for (int y = 0; y < image->height; ++y)
    for (int x = 0; x < image->width; ++x) {
      if (near(pixel(*image, x, y), {0, 0, 255}, 40) && blueX < 0) blueX = x;
      if (near(pixel(*image, x, y), {255, 0, 0}, 40)) redX = std::max(redX, x);
    }
  ASSERT_GE(blueX, 0) << "the low end of the ramp is in the legend";
  ASSERT_GE(redX, 0) << "and the high end";
  EXPECT_GT(blueX, image->width / 2) << "in the legend, top right";
  EXPECT_LT(blueX, redX) << "low on the left, high on the right";
}

// A line layer is keyed by a stroke, not by the outline square an area gets: its swatch's colour spans the
// swatch's width in a band about as thick as the map's line, and a dashed layer's swatch is broken.
TEST(LayerLegend, LinesAreKeyedByAStrokeAndDashedOnesByABrokenStroke) {
  TempDir dir;
  writeText(dir.path("rivers.geojson"), R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
    "geometry":{"type":"LineString","coordinates":[[20.2,14.2],[20.8,14.6]]}}]})");
  auto scene = parseScene(R"({"sitmap_scene": 1, "background": "#ffffff", "crs": "EPSG:4326", "layers": [
      {"name": "Main rivers", "path": "rivers.geojson", "legend": true, "style": {"stroke": "#0000ff", "stroke_width": 2}},
      {"name": "Wadis", "path": "rivers.geojson", "legend": true, "style": {"stroke": "#ff0000", "stroke_width": 2, "dashed": true}}]})",
                          dir.root());
  ASSERT_TRUE(scene) << scene.error();
  RenderOptions options;
  options.width = 1200, options.height = 900, options.bboxLonLat = Bbox{20, 14, 24, 18};  // furniture at 1x
  auto image = renderScene(*scene, options);
  ASSERT_TRUE(image) << image.error();
  // Rows and columns of the legend's quarter (top right; the lines lie bottom left) holding the swatch's
  // colour, and the runs it makes along its middle row.
  auto extent = [&](std::array<int, 3> colour) {
    int minX = image->width, maxX = -1, minY = image->height, maxY = -1;
    for (int y = 0; y < image->height / 2; ++y)
      for (int x = image->width / 2; x < image->width; ++x)
        if (near(pixel(*image, x, y), colour, 60)) {
          minX = std::min(minX, x), maxX = std::max(maxX, x), minY = std::min(minY, y), maxY = std::max(maxY, y);
        }
    int runs = 0;
    bool inside = false;
    for (int x = minX; x <= maxX && maxY >= 0; ++x) {
      const bool on = near(pixel(*image, x, (minY + maxY) / 2), colour, 60);
      runs += on && !inside;
      inside = on;
    }
    return std::array<int, 5>{minX, maxX, minY, maxY, runs};
  };
  const auto solid = extent({0, 0, 255}), dashed = extent({255, 0, 0});
  ASSERT_GE(solid[1], 0) << "the solid line is keyed";
  ASSERT_GE(dashed[1], 0) << "the dashed line is keyed";
  EXPECT_GE(solid[1] - solid[0], 8) << "across the swatch";
  EXPECT_LE(solid[3] - solid[2], 3) << "a stroke, not an 11 px square";
  EXPECT_EQ(solid[4], 1) << "unbroken";
  EXPECT_LE(dashed[3] - dashed[2], 3);
  EXPECT_GE(dashed[4], 3) << "broken into dashes";
}
