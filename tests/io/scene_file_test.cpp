// Scene JSON: fields, defaults, relative paths and messages that name the bad field.
#include "io/scene_file.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include "support/test_files.hpp"

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

TEST(SceneFile, ValuesOfTheWrongTypeOrRangeAreMessagesNamingThePath) {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"sitmap_scene":1,"filter":{"regions":[{"name":5}]}})", "filter.regions[0].name: expected text"},
      {R"({"sitmap_scene":1,"filter":{"regions":[7]}})", "filter.regions[0]: expected an object"},
      {R"({"sitmap_scene":1,"filter":{"regions":[{"rings":5}]}})", "filter.regions[0].rings:"},
      {R"({"sitmap_scene":1,"filter":{"min_fatalities":1e300}})", "filter.min_fatalities: expected a whole number"},
      {R"({"sitmap_scene":1,"window_days":2147483648})", "window_days: expected a whole number"},
      {R"({"sitmap_scene":1,"risk_days":-1})", "risk_days: expected a whole number"},
      {R"({"sitmap_scene":1e300})", "newer than this sitmap"},
      {R"({"sitmap_scene":1,"layers":[{"path":"a","style":{"point_size":1e39}}]})", "layers[0].style.point_size: expected a size"},
      {R"({"sitmap_scene":1,"filter":{"inter_codes":[99999999999]}})", "filter.inter_codes: expected a list of codes"},
      {R"({"sitmap_scene":1,"ignored":1e400})", "not valid JSON"},
      {R"({"sitmap_scene":1,"layers":[{"path":"a.csv","refresh_s":0.5}]})", "layers[0].refresh_s: expected seconds from 1 to 86400"},
      {R"({"sitmap_scene":1,"layers":[{"path":"PG:service=ops","listen":"x; DROP TABLE y"}]})", "layers[0].listen: expected a PostgreSQL channel"},
      {R"({"sitmap_scene":1,"layers":[{"path":"a.csv","listen":"changes"}]})", "layers[0].listen: only a PG: source"},
      {R"({"sitmap_scene":1,"layers":[{"path":"PG:service=ops","incremental_column":"seq"}]})", "layers[0].incremental_column: only an incident layer"},
      {R"({"sitmap_scene":1,"layers":[{"path":"PG:service=ops","filter_in_database":true}]})", "layers[0].filter_in_database: only an incident layer"},
      {R"({"sitmap_scene":1,"layers":[{"path":"PG:service=ops","kind":"incidents","filter_in_database":true,"incremental_column":"seq"}]})", "choose one"},
      {R"({"sitmap_scene":1,"layers":[{"path":"a.csv","aggregation":"heat"}]})", "layers[0].aggregation: expected \"auto\", \"bins\""},
      {R"({"sitmap_scene":1,"layers":[{"path":"a.csv","max_symbol_px":1e39}]})", "layers[0].max_symbol_px: expected pixels from 2 to 100"},
  };
  for (const auto& [json, expected] : cases) {
    auto scene = parseScene(json, "/");
    ASSERT_FALSE(scene) << json;
    EXPECT_NE(scene.error().find(expected), std::string::npos) << json << " gave: " << scene.error();
  }
}

TEST(SceneFile, UnknownKeysAreWarningsWithTheNearestKnownKey) {
  std::vector<std::string> warnings;
  auto scene = parseScene(R"({"sitmap_scene":1,"layers":[{"path":"a.gpkg","stlye":{},"opactiy":0.5,
      "style":{"fil":"#ff0000"}}],"bookmarks":[{"name":"b","view":{"centre":[0,0],"scael":1e6}}],"zzz":1,
      "actor_colours":{"Anyone":"#000000"}})", "/", &warnings);
  ASSERT_TRUE(scene) << scene.error();  // the scene still loads
  ASSERT_EQ(warnings.size(), 5u);
  EXPECT_EQ(warnings[0], "bookmarks[0].view.scael: unknown key (did you mean \"scale\"?), ignored");
  EXPECT_EQ(warnings[1], "layers[0].opactiy: unknown key (did you mean \"opacity\"?), ignored");
  EXPECT_EQ(warnings[2], "layers[0].stlye: unknown key (did you mean \"style\"?), ignored");
  EXPECT_EQ(warnings[3], "layers[0].style.fil: unknown key (did you mean \"fill\"?), ignored");
  EXPECT_EQ(warnings[4], "zzz: unknown key, ignored");
}

TEST(SceneFile, ConnectionStringsAndUrlsAreNotJoinedToTheScenesFolder) {
  auto scene = parseScene(R"({"sitmap_scene":1,"layers":[{"path":"PG:dbname=ops tables=incidents"},
      {"path":"https://example.org/cog.tif"},{"path":"/vsizip/a.zip/b.shp"},{"path":"data/b.gpkg"}],
      "convoys":[{"gpx":"PG:service=ops","route":"r.gpkg","waypoints":"w.csv"}]})", "/scenes");
  ASSERT_TRUE(scene) << scene.error();
  EXPECT_EQ(scene->layers[0].path, "PG:dbname=ops tables=incidents");
  EXPECT_EQ(scene->layers[1].path, "https://example.org/cog.tif");
  EXPECT_EQ(scene->layers[2].path, "/vsizip/a.zip/b.shp");
  EXPECT_EQ(scene->layers[3].path, "/scenes/data/b.gpkg");
  EXPECT_EQ(scene->convoys[0].gpxPath, "PG:service=ops");
  EXPECT_EQ(scene->convoys[0].routePath, "/scenes/r.gpkg");
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
  ASSERT_EQ(specs.size(), 8u);
  EXPECT_EQ(specs[0].sourceLayer, "land");
  EXPECT_EQ(specs[0].name, "northern-mali.gpkg · land");
  EXPECT_NE(specs[0].vector.stroke, specs[1].vector.stroke);
  EXPECT_EQ(colour, 8u);
  size_t again = 0;
  const auto single = layerSpecsForFile("/no/such/file.tif", again);
  ASSERT_EQ(single.size(), 1u);  // unreadable: one layer, whose load will say why
  EXPECT_EQ(single[0].sourceLayer, "");
}

TEST(SceneFile, EmptyLayersAndTablesWithoutGeometryAreSkippedAndSaidSo) {
  sitmap::test::TempDir dir;
  const std::string path = dir.path("mixed.gpkg");
  {
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr dataset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    ASSERT_TRUE(dataset);
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    OGRLayer* places = dataset->CreateLayer("places", &wgs84, wkbPoint, nullptr);
    OGRFeature feature(places->GetLayerDefn());
    OGRPoint point(1.4, 18.4);
    feature.SetGeometry(&point);
    ASSERT_EQ(places->CreateFeature(&feature), OGRERR_NONE);
    dataset->CreateLayer("empty_roads", &wgs84, wkbLineString, nullptr);
    OGRLayer* styles = dataset->CreateLayer("layer_styles", nullptr, wkbNone, nullptr);
    OGRFieldDefn name("name", OFTString);
    styles->CreateField(&name);
    OGRFeature row(styles->GetLayerDefn());
    row.SetField("name", "a style");
    ASSERT_EQ(styles->CreateFeature(&row), OGRERR_NONE);
  }
  size_t colour = 0;
  std::vector<std::string> notes;
  const auto specs = layerSpecsForFile(path, colour, &notes);
  ASSERT_EQ(specs.size(), 1u);
  EXPECT_EQ(specs[0].sourceLayer, "places");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("empty_roads (empty)"), std::string::npos) << notes[0];
  EXPECT_NE(notes[0].find("layer_styles (a table without geometry)"), std::string::npos) << notes[0];
}
