// Scenes saved and read back: the same state, written atomically, never replacing a file silently.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "core/civil_date.hpp"
#include "core/utc_time.hpp"
#include "io/file_write.hpp"
#include "io/scene_file.hpp"
#include "support/test_files.hpp"

using namespace sitmap;
using namespace sitmap::test;

TEST(SceneRoundTrip, SaveThenLoadGivesTheSameScene) {
  auto scene = loadSceneFile(sourceDir() + "/assets/scenes/default.json");
  ASSERT_TRUE(scene) << scene.error();
  // Everything a briefing adds: a view, a filter with a region, bookmarks.
  scene->view = SceneView{{0.6, 18.0}, 2e6};
  scene->filter.fromDay = daysFromCivil(2023, 10, 1);
  scene->filter.actors = {"JNIM"};
  scene->filter.regions = {RegionShape{"Box", {{{0, 17}, {1, 17}, {1, 18}, {0, 18}}}}};
  Bookmark bookmark;
  bookmark.name = "Anéfis, 4 Nov";
  bookmark.view = SceneView{{0.60306, 18.04389}, 5e5};
  bookmark.clock = *parseUtc("2023-11-04T12:00Z");
  bookmark.filter.minFatalities = 1;
  bookmark.layerVisible = {{"Rivers", false}};
  scene->bookmarks = {bookmark};

  TempDir dir;
  const std::string path = dir.path("briefing.json");
  ASSERT_TRUE(saveSceneFile(path, *scene, false));
  auto back = loadSceneFile(path);
  ASSERT_TRUE(back) << back.error();
  EXPECT_EQ(back->layers.size(), scene->layers.size());
  EXPECT_EQ(back->layers[0].path, scene->layers[0].path) << "relative paths resolve to the same files";
  EXPECT_EQ(back->view, scene->view);
  EXPECT_EQ(back->filter, scene->filter);
  ASSERT_EQ(back->bookmarks.size(), 1u);
  EXPECT_EQ(back->bookmarks[0], bookmark);
  EXPECT_EQ(back->clock, scene->clock);
  EXPECT_EQ(back->convoys.size(), 1u);
  // Written again from what was read, the file is the same: nothing was lost or changed on the way.
  EXPECT_EQ(sceneToJson(*back, dir.root()), readText(path));
}

TEST(SceneRoundTrip, SavingNeverReplacesAFileUnlessAsked) {
  TempDir dir;
  const std::string path = dir.path("scene.json");
  writeText(path, "precious");
  Scene scene;
  auto refused = saveSceneFile(path, scene, false);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().find("already exists"), std::string::npos);
  EXPECT_EQ(readText(path), "precious");
  // Asked to overwrite, it still refuses a file that is not a scene: the user's data is never written over.
  auto notAScene = saveSceneFile(path, scene, true);
  ASSERT_FALSE(notAScene);
  EXPECT_NE(notAScene.error().find("not a sitmap scene"), std::string::npos) << notAScene.error();
  EXPECT_EQ(readText(path), "precious");
  // A scene is replaced when asked.
  writeText(path, R"({"title": "old", "sitmap_scene": 1})");
  ASSERT_TRUE(saveSceneFile(path, scene, true));
  EXPECT_NE(readText(path).find("\"sitmap_scene\": 1"), std::string::npos);
  EXPECT_EQ(readText(path).find("old"), std::string::npos);
}

TEST(SceneRoundTrip, AGeoJsonNamedJsonIsNeverTakenForAScene) {
  TempDir dir;
  const std::string geojson = dir.path("places.json");
  const std::string text = R"({"type": "FeatureCollection", "features": []})";
  writeText(geojson, text);
  EXPECT_FALSE(isSceneFile(geojson));
  EXPECT_FALSE(saveSceneFile(geojson, Scene{}, true));
  EXPECT_EQ(readText(geojson), text);
  // A scene is a scene wherever its key sits, after 4 KB of other keys too, and whatever its extension.
  const std::string late = dir.path("late.scene");
  writeText(late, "{\"title\": \"" + std::string(8000, 'x') + "\", \"sitmap_scene\": 1}");
  EXPECT_TRUE(isSceneFile(late));
  EXPECT_TRUE(loadSceneFile(late));
  EXPECT_FALSE(isSceneFile(dir.root()));  // a folder is not a scene (and reading it does not abort)
}

TEST(SceneRoundTrip, AKilledWriteLeavesThePreviousFileIntact) {
  TempDir dir;
  const std::string path = dir.path("scene.json");
  writeText(path, "the previous version");
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // A write large enough to be interrupted half-way.
    const std::vector<uint8_t> huge(size_t(400) << 20, 'x');
    (void)writeFileAtomically(path, huge, true);
    _exit(0);
  }
  usleep(150 * 1000);
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  const std::string after = readText(path);
  // Either the old file, whole, or (had the write finished first) the new one, whole: never a mix.
  EXPECT_TRUE(after == "the previous version" || after.size() == (size_t(400) << 20)) << after.size();
}

TEST(SceneRoundTrip, EveryKeyTheFormatHasSurvivesASaveAndLoad) {
  // Every field away from its default, so a writer that drops any key (even one the default scene never uses)
  // reads back a default and the comparison fails.
  TempDir dir;
  const std::string base = std::filesystem::path(dir.root()).lexically_normal().string();
  auto colour = [](const char* hex) { return *parseColour(hex); };
  Scene scene;
  scene.title = "Every key";
  scene.crs = "EPSG:32631";
  scene.homeLonLat = Bbox{-6, 14, 5, 22};
  scene.background = colour("#102030");
  scene.view = SceneView{{0.5, 17.25}, 2500000};
  scene.clock = 1699000000;
  scene.windowDays = 30;
  scene.riskDays = 12;
  scene.graticule = true;
  scene.selectedConvoy = "Second";
  scene.actorColours = {{"CSP-PSD", colour("#aa5500")}, {"FAMa", colour("#004488")}};
  EventFilter filter;
  filter.fromDay = 19600;
  filter.toDay = 19700;
  filter.admin1 = {"Kidal"};
  filter.admin2 = {"Tessalit"};
  filter.admin3 = {"Aguelhok"};
  filter.eventTypes = {"Battles"};
  filter.subEventTypes = {"Armed clash"};
  filter.actors = {"JNIM"};
  filter.interCodes = {2};
  filter.interactions = {27};
  filter.civilianTargetingOnly = true;
  filter.minFatalities = 3;
  filter.text = "convoy";
  filter.regions = {RegionShape{"Box", {{{0, 15}, {1, 15}, {1, 16}, {0, 16}}}}};
  scene.filter = filter;
  LayerSpec layer;
  layer.name = "Layer";
  layer.path = base + "/data/a.gpkg";
  layer.sourceLayer = "places";
  layer.kind = LayerKind::Incidents;
  layer.visible = false;
  layer.opacity = 0.5f;
  layer.attribution = "Someone";
  layer.incidentFields = {{"date", "when"}, {"type", "what"}};
  layer.incidents = {EventAggregation::Density, 18};
  layer.scales = {10000, 5000000};
  VectorStyle& v = layer.vector;
  v.fill = colour("#11223344");
  v.filled = true;
  v.stroke = colour("#556677");
  v.strokeWidth = 2.5f;
  v.dashed = true;
  v.pointFill = colour("#8899aa");
  v.pointSize = 9;
  v.labelField = "name";
  v.priorityField = "rank";
  v.priorityAscending = false;
  v.labelColour = colour("#010203");
  v.haloColour = colour("#fefdfc80");
  v.labelSize = 15;
  v.labelUppercase = true;
  v.filter = "rank < 3";
  layer.raster.hillshade = true;
  layer.raster.resampling = "cubic";
  layer.raster.nodata = -32768;
  layer.raster.ramp = {{0, colour("#000000")}, {100, colour("#ffffff")}};
  layer.refreshSeconds = 30;
  LayerSpec live;
  live.name = "Live";
  live.path = "PG:service=ops tables=incidents";
  live.kind = LayerKind::Incidents;
  live.listenChannel = "sitmap_changes";
  live.incrementalColumn = "updated_at";
  live.vector = layer.vector;
  LayerSpec filtered = live;
  filtered.name = "Filtered in the database";
  filtered.listenChannel.clear();
  filtered.incrementalColumn.clear();
  filtered.filterInDatabase = true;
  scene.layers = {layer, live, filtered};
  ConvoySpec timed;
  timed.name = "First";
  timed.routePath = base + "/route.gpkg";
  timed.routeLayer = "routes";
  timed.waypointsPath = base + "/waypoints.csv";
  timed.alertKm = 7.5;
  timed.shownBeforeHours = 48;
  timed.shownAfterHours = 6;
  timed.routeSchematic = true;
  ConvoySpec gpx;
  gpx.name = "Second";
  gpx.gpxPath = base + "/track.gpx";
  scene.convoys = {timed, gpx};
  Bookmark bookmark;
  bookmark.name = "Kidal retaken";
  bookmark.view = {{1.4, 18.4}, 500000};
  bookmark.clock = 1699920000;
  bookmark.filter = filter;
  bookmark.layerVisible = {{"Layer", true}};
  scene.bookmarks = {bookmark};

  const std::string path = dir.path("every.json");
  ASSERT_TRUE(saveSceneFile(path, scene, false));
  std::vector<std::string> warnings;
  auto back = loadSceneFile(path, &warnings);
  ASSERT_TRUE(back) << back.error();
  EXPECT_TRUE(warnings.empty()) << "the writer wrote a key the reader does not know: " << warnings.front();
  EXPECT_EQ(back->layers[0].vector, scene.layers[0].vector);
  EXPECT_EQ(back->layers[0].raster, scene.layers[0].raster);
  EXPECT_EQ(back->layers[0], scene.layers[0]);
  EXPECT_EQ(back->layers[1], scene.layers[1]);
  EXPECT_EQ(back->convoys, scene.convoys);
  EXPECT_EQ(back->bookmarks, scene.bookmarks);
  EXPECT_EQ(back->filter, scene.filter);
  EXPECT_TRUE(*back == scene) << "some other key was lost";
}

TEST(SceneRoundTrip, TemporariesOfAKilledWriterAreRemovedByTheNextWrite) {
  TempDir dir;
  const std::string path = dir.path("scene.json");
  // A writer that no longer runs (no process has this pid) left a temporary; a living one (this test) has one too.
  const std::string stale = dir.path(".scene.json.99999999.a1b2c3"), staleTmp = dir.path(".scene.99999999.tmp.json");
  const std::string alive = dir.path(".scene.json." + std::to_string(getpid()) + ".d4e5f6");
  const std::string other = dir.path(".other.json.99999999.a1b2c3");
  for (const std::string& file : {stale, staleTmp, alive, other}) writeText(file, "partial");
  ASSERT_TRUE(saveSceneFile(path, Scene{}, false));
  EXPECT_FALSE(std::filesystem::exists(stale));
  EXPECT_FALSE(std::filesystem::exists(staleTmp));
  EXPECT_TRUE(std::filesystem::exists(alive)) << "a write in progress is left alone";
  EXPECT_TRUE(std::filesystem::exists(other)) << "another file's temporaries are not this write's business";
}

TEST(SceneRoundTrip, APasswordInAConnectionStringIsNeverSaved) {
  TempDir dir;
  Scene scene;
  LayerSpec layer;
  layer.name = "Shared incidents";
  layer.path = "PG:host=db.example.org dbname=ops user=analyst password=s3cret-Pw tables=incidents";
  layer.kind = LayerKind::Incidents;
  scene.layers = {layer};
  LayerSpec imagery;
  imagery.name = "Imagery";
  imagery.path = "https://analyst:t0ken@tiles.example.org/relief.tif";
  scene.layers.push_back(imagery);
  const std::string path = dir.path("team.json");
  ASSERT_TRUE(saveSceneFile(path, scene, false));
  const std::string text = readText(path);
  EXPECT_EQ(text.find("s3cret-Pw"), std::string::npos) << text;
  EXPECT_EQ(text.find("t0ken"), std::string::npos) << text;
  EXPECT_NE(text.find("PG:host=db.example.org dbname=ops user=analyst tables=incidents"), std::string::npos) << text;
  auto back = loadSceneFile(path);
  ASSERT_TRUE(back) << back.error();
  EXPECT_EQ(back->layers[0].path, "PG:host=db.example.org dbname=ops user=analyst tables=incidents");
  EXPECT_EQ(back->layers[1].path, "https://analyst@tiles.example.org/relief.tif") << "not joined to the scene's folder";
}
