// Scene JSON: fields, defaults, relative paths and messages that name the bad field.
#include "io/scene_file.hpp"

#include <gtest/gtest.h>

using namespace sitmap;

TEST(SceneFile, ReadsLayersAndStyles) {
  auto scene = parseScene(R"({"sitmap_scene":1,"title":"T","crs":"EPSG:32631","home_bbox":[-6,14,5,22],
    "background":"#102030","layers":[{"name":"Roads","path":"data/roads.gpkg","layer":"roads","opacity":0.5,
    "max_scale":4000000,"attribution":"Me","style":{"stroke":"#ff0000","stroke_width":2.5,"dashed":true,
    "label_field":"name","priority_field":"pop","priority_order":"descending"}}]})",
                          "/base");
  ASSERT_TRUE(scene) << scene.error();
  EXPECT_EQ(scene->title, "T");
  EXPECT_EQ(scene->crs, "EPSG:32631");
  ASSERT_TRUE(scene->homeLonLat);
  EXPECT_EQ(*scene->homeLonLat, (Bbox{-6, 14, 5, 22}));
  ASSERT_EQ(scene->layers.size(), 1u);
  const LayerSpec& layer = scene->layers[0];
  EXPECT_EQ(layer.path, "/base/data/roads.gpkg");
  EXPECT_EQ(layer.sourceLayer, "roads");
  EXPECT_FLOAT_EQ(layer.opacity, 0.5f);
  EXPECT_DOUBLE_EQ(layer.scales.maxScale, 4e6);
  EXPECT_FALSE(layer.vector.filled);  // no fill given: outlines only
  EXPECT_FLOAT_EQ(layer.vector.strokeWidth, 2.5f);
  EXPECT_TRUE(layer.vector.dashed);
  EXPECT_FALSE(layer.vector.priorityAscending);
  EXPECT_EQ(layer.attribution, "Me");
}

TEST(SceneFile, ErrorsNameTheField) {
  auto bad = parseScene(R"({"sitmap_scene":1,"layers":[{"path":"a.tif","style":{"fill":"blue"}}]})", "/");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error(), "layers[0].style.fill: expected a colour like \"#rrggbb\" or \"#rrggbbaa\"");
  auto noPath = parseScene(R"({"sitmap_scene":1,"layers":[{"name":"x"}]})", "/");
  ASSERT_FALSE(noPath);
  EXPECT_EQ(noPath.error(), "layers[0].path: missing");
  auto box = parseScene(R"({"sitmap_scene":1,"home_bbox":[5,14,-6,22]})", "/");
  ASSERT_FALSE(box);
  EXPECT_NE(box.error().find("home_bbox"), std::string::npos);
}

TEST(SceneFile, RejectsNonScenesAndNewerVersions) {
  EXPECT_FALSE(parseScene("{ not json", "/"));
  EXPECT_NE(parseScene(R"({"type":"FeatureCollection"})", "/").error().find("not a sitmap scene"), std::string::npos);
  EXPECT_NE(parseScene(R"({"sitmap_scene":99})", "/").error().find("newer"), std::string::npos);
}

TEST(SceneFile, DefaultSceneLoads) {
  auto scene = loadSceneFile(std::string(SITMAP_SOURCE_DIR) + "/assets/scenes/default.json");
  ASSERT_TRUE(scene) << scene.error();
  EXPECT_EQ(scene->crs, "EPSG:3857");
  EXPECT_GE(scene->layers.size(), 5u);
}

TEST(SceneFile, AMultiLayerFileBringsEachLayerInDistinctColours) {
  size_t colour = 0;
  const auto specs = layerSpecsForFile(std::string(SITMAP_SOURCE_DIR) + "/assets/basemap/northern-mali.gpkg", colour);
  ASSERT_EQ(specs.size(), 7u);
  EXPECT_EQ(specs[0].sourceLayer, "land");
  EXPECT_EQ(specs[0].name, "northern-mali.gpkg · land");
  EXPECT_NE(specs[0].vector.stroke, specs[1].vector.stroke);
  EXPECT_EQ(colour, 7u);
  size_t again = 0;
  const auto single = layerSpecsForFile("/no/such/file.tif", again);
  ASSERT_EQ(single.size(), 1u);  // unreadable: one layer, whose load will say why
  EXPECT_EQ(single[0].sourceLayer, "");
}
