// Rendering checked by rendering: features at known lon/lat must land on the expected pixels (±1 px),
// in EPSG:3857 and EPSG:32631 display CRSs, for rasters and vectors. Headless (EGL surfaceless).
#include <gtest/gtest.h>

#include <cmath>

#include "app/headless_render.hpp"
#include "core/viewport.hpp"
#include "io/crs.hpp"
#include "io/scene_file.hpp"
#include "support/test_files.hpp"

using namespace sitmap;
using namespace sitmap::test;

namespace {

constexpr int kSize = 400;
const Bbox kArea{0, 14, 4, 18};

// Where `p` must appear: the same fitting rule as `sitmap render --bbox`, computed independently of GL.
Vec2 expectedPixel(LonLat p, const std::string& crs, double scale = 1) {
  auto toDisplay = CrsTransform::fromLonLat(crs);
  Bbox box;
  for (double lon : {kArea.minX, kArea.maxX})
    for (double lat : {kArea.minY, kArea.maxY}) {
      Vec2 corner{lon, lat};
      toDisplay->apply(corner);
      box.expand(corner);
    }
  const Viewport view = Viewport::fitting(box, kSize, kSize).scaled(scale);
  Vec2 world{p.lon, p.lat};
  toDisplay->apply(world);
  return view.worldToScreen(world);
}

RenderOptions options(const std::string& crs, double scale = 1) {
  RenderOptions o;
  o.width = kSize;
  o.height = kSize;
  o.scale = scale;
  o.bboxLonLat = kArea;
  o.crs = crs;
  o.furniture = false;
  return o;
}

// Scans right from `from` along its row while the colour stays `rgb`; returns the x of the last matching pixel.
int lastMatchingX(const RgbaImage& image, Vec2 from, std::array<int, 3> rgb) {
  int x = int(from.x), y = int(from.y);
  while (x + 1 < image.width && near(pixel(image, x + 1, y), rgb, 40)) ++x;
  return x;
}

class RasterPlacement : public ::testing::TestWithParam<std::pair<int, const char*>> {};

}  // namespace

TEST_P(RasterPlacement, SquaresLandOnTheirLonLat) {
  const auto [rasterEpsg, displayCrs] = GetParam();
  TempDir dir;
  const std::vector<ColouredSquare> squares = {{{1, 15}, 0.25, {230, 30, 30}},
                                               {{3, 17}, 0.25, {30, 200, 30}},
                                               {{2, 16}, 0.25, {30, 30, 230}}};
  writeSquaresGeoTiff(dir.path("squares.tif"), rasterEpsg, {-0.5, 13.5, 4.5, 18.5}, 800, squares);
  auto image = renderScene(sceneForFiles({dir.path("squares.tif")}), options(displayCrs));
  ASSERT_TRUE(image) << image.error();
  for (const ColouredSquare& square : squares) {
    const Vec2 centre = expectedPixel(square.centre, displayCrs);
    const std::array<int, 3> rgb{square.rgb[0], square.rgb[1], square.rgb[2]};
    EXPECT_TRUE(near(pixel(*image, int(centre.x), int(centre.y)), rgb))
        << "square at " << square.centre.lon << "," << square.centre.lat << " not at pixel " << centre.x << "," << centre.y;
    // The east edge of the square, on the centre's row.
    const Vec2 edge = expectedPixel({square.centre.lon + square.halfSizeDegrees, square.centre.lat}, displayCrs);
    EXPECT_NEAR(lastMatchingX(*image, centre, rgb) + 1, edge.x, 1.5) << "east edge of the square";
  }
}

INSTANTIATE_TEST_SUITE_P(Crs, RasterPlacement,
                         ::testing::Values(std::pair{4326, "EPSG:3857"}, std::pair{4326, "EPSG:32631"},
                                           std::pair{32631, "EPSG:3857"}, std::pair{32631, "EPSG:32631"}));

namespace {

Scene vectorScene(const std::string& dir) {
  writeText(dir + "/zones.geojson", R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[
      [[0.5,14.5],[2.5,14.5],[2.5,16.5],[0.5,16.5],[0.5,14.5]],[[1,15],[2,15],[2,16],[1,16],[1,15]]]}},
    {"type":"Feature","properties":{},"geometry":{"type":"MultiPolygon","coordinates":[
      [[[3,14.5],[3.5,14.5],[3.5,15],[3,15],[3,14.5]]],[[[3,17],[3.5,17],[3.5,17.5],[3,17.5],[3,17]]]]}}]})");
  writeText(dir + "/points.geojson", R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1.40778,18.0]}},
    {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[0.5,17.5]}}]})");
  auto scene = parseScene(R"({"sitmap_scene":1,"background":"#ffffff","layers":[
    {"path":"zones.geojson","style":{"fill":"#e01e1e","stroke_width":0}},
    {"path":"points.geojson","style":{"point_fill":"#1e1ee0","stroke":"#1e1ee0","point_size":12}}]})",
                          dir);
  EXPECT_TRUE(scene) << scene.error();
  return *scene;
}

class VectorPlacement : public ::testing::TestWithParam<const char*> {};

}  // namespace

TEST_P(VectorPlacement, PolygonsWithHolesAndPointsLandOnTheirLonLat) {
  const char* crs = GetParam();
  TempDir dir;
  auto image = renderScene(vectorScene(dir.root()), options(crs));
  ASSERT_TRUE(image) << image.error();
  const auto at = [&](double lon, double lat) {
    const Vec2 p = expectedPixel({lon, lat}, crs);
    return pixel(*image, int(p.x), int(p.y));
  };
  EXPECT_TRUE(near(at(0.75, 14.75), {224, 30, 30})) << "inside the outer ring";
  EXPECT_TRUE(near(at(1.5, 15.5), {255, 255, 255})) << "inside the hole";
  EXPECT_TRUE(near(at(3.25, 14.75), {224, 30, 30})) << "first part of the multipolygon";
  EXPECT_TRUE(near(at(3.25, 17.25), {224, 30, 30})) << "second part of the multipolygon";
  EXPECT_TRUE(near(at(3.25, 16), {255, 255, 255})) << "between the parts";
  EXPECT_TRUE(near(at(1.40778, 18.0), {30, 30, 224})) << "point symbol";
  EXPECT_TRUE(near(at(0.5, 17.5), {30, 30, 224})) << "point symbol";
  // The hole's west edge, on its middle row: red up to the edge, white from there (±1 px).
  const Vec2 edge = expectedPixel({1.0, 15.5}, crs);
  const Vec2 start = expectedPixel({0.75, 15.5}, crs);
  EXPECT_NEAR(lastMatchingX(*image, start, {224, 30, 30}) + 1, edge.x, 1.5);
}

INSTANTIATE_TEST_SUITE_P(Crs, VectorPlacement, ::testing::Values("EPSG:3857", "EPSG:32631"));

TEST(RenderScale, TwiceTheScaleKeepsPositionsAndDoublesSymbols) {
  TempDir dir;
  auto image = renderScene(vectorScene(dir.root()), options("EPSG:3857", 2));
  ASSERT_TRUE(image) << image.error();
  ASSERT_EQ(image->width, 2 * kSize);
  const Vec2 point = expectedPixel({0.5, 17.5}, "EPSG:3857", 2);
  // The 12 px symbol is 24 px wide at 2x: 10 px from its centre is still inside.
  EXPECT_TRUE(near(pixel(*image, int(point.x) + 10, int(point.y)), {30, 30, 224}));
  EXPECT_TRUE(near(pixel(*image, int(point.x) + 15, int(point.y)), {255, 255, 255}));
}

TEST(RenderBadInput, AFailingLayerFailsTheRenderWithItsReason) {
  auto image = renderScene(sceneForFiles({"/no/such/layer.gpkg"}), options("EPSG:3857"));
  ASSERT_FALSE(image);
  EXPECT_EQ(image.error(), "/no/such/layer.gpkg: file not found");
}

TEST(GraticulePlacement, MeridiansAndParallelsLieOnTheirDegreesAndAreLabelledAtTheEdges) {
  // A blank white scene; the graticule at 0.5° over 0–4°E, 14–18°N, in Mercator and UTM 31N (where meridians
  // other than 3°E lean).
  for (const char* crs : {"EPSG:3857", "EPSG:32631"}) {
    SCOPED_TRACE(crs);
    auto scene = parseScene(R"({"sitmap_scene":1,"background":"#ffffff","layers":[]})", "/");
    ASSERT_TRUE(scene);
    RenderOptions o = options(crs);
    o.furniture = true;
    o.graticule = true;
    o.northArrow = false;
    auto with = renderScene(*scene, o);
    o.graticule = false;
    auto without = renderScene(*scene, o);
    ASSERT_TRUE(with && without) << (with ? without.error() : with.error());
    const auto darker = [&](Vec2 p) {
      int hits = 0;  // within a pixel of the expected place (the line is one pixel wide)
      for (int dx = -1; dx <= 1; ++dx)
        for (int dy = -1; dy <= 1; ++dy)
          hits += pixel(*with, int(p.x) + dx, int(p.y) + dy)[0] < pixel(*without, int(p.x) + dx, int(p.y) + dy)[0] - 20;
      return hits > 0;
    };
    EXPECT_TRUE(darker(expectedPixel({2.0, 16.3}, crs))) << "the 2°E meridian";
    EXPECT_TRUE(darker(expectedPixel({1.3, 15.0}, crs))) << "the 15°N parallel";
    EXPECT_FALSE(darker(expectedPixel({2.25, 16.3}, crs))) << "nothing between the lines";
    // "2°E" under its meridian at the bottom edge: dark text pixels there, none in the blank map above.
    const Vec2 foot = expectedPixel({2.0, 14.0}, crs);
    int text = 0;
    for (int y = kSize - 16; y < kSize - 2; ++y)
      for (int x = int(foot.x) - 12; x <= int(foot.x) + 12; ++x) text += pixel(*with, x, y)[0] < 100;
    EXPECT_GT(text, 10);
  }
}

TEST(LabelRendering, AHaloNeverEatsIntoTheLettersBesideIt) {
  // One town name in black 11 px type on white: with the high-contrast halo (2.5 px) its letters keep every dark
  // pixel they have with no halo at all. Drawn in one pass, each glyph's halo painted over its neighbour's
  // strokes ("Tabankort" read "Tabankoıt").
  TempDir dir;
  writeText(dir.path("town.geojson"), R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Tabankort Bourem"},
    "geometry":{"type":"Point","coordinates":[2,16]}}]})");
  const auto darkPixels = [&](bool highContrast) {
    auto scene = parseScene(R"({"sitmap_scene":1,"background":"#ffffff","layers":[{"path":"town.geojson","style":{"label_field":"name",
        "label_size":11,"label_colour":"#000000","halo_colour":"#ffffff00","point_size":0}}]})", dir.root());
    EXPECT_TRUE(scene) << scene.error();
    RenderOptions o = options("EPSG:3857");
    o.highContrast = highContrast;
    auto image = renderScene(*scene, o);
    EXPECT_TRUE(image) << image.error();
    int dark = 0;
    for (int y = 0; y < image->height; ++y)
      for (int x = 0; x < image->width; ++x) dark += pixel(*image, x, y)[0] < 96;
    return dark;
  };
  const int plain = darkPixels(false), haloed = darkPixels(true);
  EXPECT_GT(plain, 60);
  EXPECT_GE(haloed, plain * 97 / 100) << "plain " << plain << ", haloed " << haloed;
}
