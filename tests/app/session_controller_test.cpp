// The session controller, driven by commands as the panels send them: layers, filter, clock, display CRS,
// bookmarks, open and save. No window, no GL: the same code the viewer runs.
#include "app/session_controller.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <thread>

#include "app/panel_views.hpp"
#include "core/civil_date.hpp"
#include "io/scene_file.hpp"
#include "support/silent_server.hpp"
#include "support/test_files.hpp"

using namespace sitmap;
using namespace sitmap::test;

namespace {

const std::string kBasemap = sourceDir() + "/assets/basemap/northern-mali.gpkg";

// Ticks (as frames would) until every load is in, at most ten seconds.
void settle(SessionController& c) {
  double now = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while ((c.loading() || c.fitPending()) && std::chrono::steady_clock::now() < deadline) {
    c.tick(now += 0.01);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_FALSE(c.loading());
}

SessionController controllerFor(const std::string& json, const std::string& scenePath = {}) {
  auto scene = parseScene(json, sourceDir() + "/assets/scenes");
  EXPECT_TRUE(scene) << scene.error();
  auto session = MapSession::create(*scene);
  EXPECT_TRUE(session) << session.error();
  return SessionController(std::move(*session), ControllerOptions{scenePath, 800, 450, {}});
}

std::vector<std::string> layerNames(const SessionController& c) {
  std::vector<std::string> names;
  for (const SessionLayer& layer : c.session().layers()) names.push_back(layer.spec.name);
  return names;
}

}  // namespace

TEST(SessionController, AddsReordersHidesAndRemovesLayers) {
  SessionController c = controllerFor(R"({"sitmap_scene": 1, "layers": []})");
  EXPECT_TRUE(c.apply(AddLayerFromPath{kBasemap}));
  EXPECT_EQ(c.session().layers().size(), 8u);  // one per layer of the GeoPackage
  settle(c);
  for (const SessionLayer& layer : c.session().layers()) EXPECT_EQ(layer.state, SessionLayer::State::Ready) << layer.error;
  const std::vector<std::string> before = layerNames(c);
  const uint64_t first = c.session().layers()[0].uid;
  c.apply(MoveLayer{first, 2});
  EXPECT_EQ(layerNames(c)[2], before[0]);
  EXPECT_EQ(layerNames(c)[0], before[1]);
  c.apply(MoveLayer{first, 100});  // clamped to the top
  EXPECT_EQ(layerNames(c).back(), before[0]);
  c.apply(SetLayerVisible{first, false});
  EXPECT_FALSE(c.session().find(first)->spec.visible);
  c.apply(RemoveLayer{first});
  EXPECT_EQ(c.session().find(first), nullptr);
  EXPECT_EQ(c.session().layers().size(), 7u);
}

TEST(SessionController, ChangingTheCrsKeepsClockFilterWindowsAndBookmarks) {
  SessionController c = controllerFor(R"({"sitmap_scene": 1, "clock": "2023-11-01T00:00Z", "window_days": 5,
      "layers": [{"path": "../basemap/northern-mali.gpkg", "layer": "places"}]})");
  settle(c);
  EventFilter filter;
  filter.admin1 = {"Kidal"};
  c.apply(SetEventFilter{filter});
  c.apply(SetClock{1699920000});  // 2023-11-14
  c.apply(SetWindowDays{30});
  c.apply(SetRiskDays{12});
  c.apply(SetPlaybackSpeed{86400});
  c.apply(AddBookmark{});
  c.apply(SetDisplayCrs{"EPSG:32631"});
  EXPECT_EQ(c.session().displayCrs(), "EPSG:32631");
  EXPECT_EQ(c.session().clock().time(), 1699920000);
  EXPECT_EQ(c.session().clock().windowDays(), 30);
  EXPECT_EQ(c.session().clock().riskDays(), 12);
  EXPECT_EQ(c.session().clock().speed(), 86400);
  EXPECT_EQ(c.session().eventFilter().admin1, std::vector<std::string>{"Kidal"});
  EXPECT_EQ(c.session().scene().bookmarks.size(), 1u);
  settle(c);
  EXPECT_EQ(c.session().layers()[0].state, SessionLayer::State::Ready);
  // Still looking at the same place: the view's centre is where it was, in degrees.
  const auto centre = c.session().toLonLat(c.view().centre());
  ASSERT_TRUE(centre);
  EXPECT_NEAR(centre->lat, 18, 4);
}

TEST(SessionController, ABadCrsIsAMessageAndNothingChanges) {
  SessionController c = controllerFor(R"({"sitmap_scene": 1, "layers": []})");
  c.apply(SetDisplayCrs{"EPSG:999999"});
  EXPECT_EQ(c.session().displayCrs(), "EPSG:3857");
  const auto messages = c.takeMessages();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_TRUE(messages[0].isError);
}

TEST(SessionController, ClockCommandsAndPlayback) {
  SessionController c = controllerFor(R"({"sitmap_scene": 1, "clock": "2023-10-31T00:00Z",
      "convoys": [{"route": "../basemap/northern-mali.gpkg", "route_layer": "routes",
                   "waypoints": "../data/convoy_kidal_gao_2023.csv"}], "layers": []})");
  const SceneClock& clock = c.session().clock();
  ASSERT_FALSE(clock.extent().empty()) << "the convoy sets the extent";
  const UtcSeconds start = *clock.time();
  c.apply(StepClock{86400});
  EXPECT_EQ(*clock.time(), start + 86400);
  c.apply(SetPlaybackSpeed{3600});
  c.apply(SetPlaying{true});
  c.tick(10.0);
  c.tick(10.5);  // half a real second at an hour a second
  EXPECT_EQ(*clock.time(), start + 86400 + 1800);
  c.apply(SetPlaying{false});
  c.tick(11.5);
  EXPECT_EQ(*clock.time(), start + 86400 + 1800);
  c.apply(StepClock{-400 * 86400});  // stays within the data
  EXPECT_EQ(*clock.time(), clock.extent().first);
}

TEST(SessionController, BookmarksRestoreViewClockFilterAndLayers) {
  SessionController c = controllerFor(R"({"sitmap_scene": 1, "clock": "2023-11-01T00:00Z",
      "layers": [{"name": "Places", "path": "../basemap/northern-mali.gpkg", "layer": "places"}]})");
  settle(c);
  const Vec2 home = c.view().centre();
  EventFilter kidal;
  kidal.admin1 = {"Kidal"};
  c.apply(SetEventFilter{kidal});
  c.view().panPixels(200, 0);
  c.apply(AddBookmark{});
  ASSERT_EQ(c.session().scene().bookmarks.size(), 1u);
  // Change everything, then go back.
  c.apply(SetEventFilter{EventFilter{}});
  c.apply(SetClock{1700000000});
  c.apply(SetLayerVisible{c.session().layers()[0].uid, false});
  c.apply(ZoomHome{});
  c.apply(GoToBookmark{0});
  EXPECT_EQ(c.currentBookmark(), 0);
  EXPECT_EQ(c.session().clock().time(), 1698796800);
  EXPECT_EQ(c.session().eventFilter().admin1, std::vector<std::string>{"Kidal"});
  EXPECT_TRUE(c.session().layers()[0].spec.visible);
  c.tick(100);
  c.tick(101);  // the flight (0.8 s) has landed
  EXPECT_GT(std::abs(c.view().centre().x - home.x), 1000) << "the view flew to the bookmark";
  c.takeMessages();
  c.apply(GoToBookmark{5});  // past the end: stays at the last, and says the briefing is over
  EXPECT_EQ(c.currentBookmark(), 0);
  const auto messages = c.takeMessages();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].text, "End of briefing (1 of 1)");
}

TEST(SessionController, SaveNeverWritesOverDataAndOpenOnlyOpensScenes) {
  TempDir dir;
  const std::string geojson = dir.path("places.json");
  const std::string text = R"({"type":"FeatureCollection","features":[]})";
  writeText(geojson, text);
  // Opened from data files: Ctrl+S has nowhere to save, and says so.
  SessionController fromFiles = controllerFor(R"({"sitmap_scene": 1, "layers": []})");
  fromFiles.apply(SaveScene{"", true});
  auto messages = fromFiles.takeMessages();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_TRUE(messages[0].isError);
  // Save as over the GeoJSON, even when told to overwrite: refused, the file as it was.
  fromFiles.apply(SaveScene{geojson, true});
  EXPECT_EQ(readText(geojson), text);
  EXPECT_TRUE(fromFiles.takeMessages().at(0).isError);
  // Open refuses it too; a real scene opens and becomes what Ctrl+S saves.
  fromFiles.apply(OpenScene{geojson});
  EXPECT_TRUE(fromFiles.takeMessages().at(0).isError);
  EXPECT_TRUE(fromFiles.scenePath().empty());
  const std::string scene = dir.path("briefing.json");
  writeText(scene, R"({"sitmap_scene": 1, "title": "Briefing", "layers": []})");
  fromFiles.apply(OpenScene{scene});
  EXPECT_TRUE(fromFiles.takeSessionReplaced());
  EXPECT_EQ(fromFiles.session().scene().title, "Briefing");
  fromFiles.apply(AddBookmark{});
  fromFiles.apply(SaveScene{"", true});
  auto back = loadSceneFile(scene);
  ASSERT_TRUE(back) << back.error();
  EXPECT_EQ(back->bookmarks.size(), 1u);
}

TEST(SessionController, WindowCommandsAreLeftToTheShell) {
  SessionController c = controllerFor(R"({"sitmap_scene": 1, "layers": []})");
  EXPECT_FALSE(c.apply(ToggleFullscreen{}));
  EXPECT_FALSE(c.apply(TakeScreenshot{}));
  EXPECT_TRUE(c.apply(ZoomHome{}));
}

TEST(SessionController, ALoadBlockedOnAHungServerHoldsUpNeitherTheOthersNorCancel) {
  const SilentServer server;  // accepts connections and never answers
  SessionController c = controllerFor(R"({"sitmap_scene": 1, "layers": [
      {"name": "Hung", "path": "/vsicurl/http://127.0.0.1:)" + std::to_string(server.port()) + R"(/cog.tif", "kind": "raster"},
      {"name": "Places", "path": "../basemap/northern-mali.gpkg", "layer": "places"}]})");
  const uint64_t hung = c.session().layers()[0].uid, places = c.session().layers()[1].uid;
  const auto start = std::chrono::steady_clock::now();
  for (double now = 0; c.session().find(places)->state == SessionLayer::State::Loading &&
                       std::chrono::steady_clock::now() - start < std::chrono::seconds(10);
       now += 0.01) {
    c.tick(now);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  EXPECT_EQ(c.session().find(places)->state, SessionLayer::State::Ready) << "the local layer loaded meanwhile";
  EXPECT_EQ(c.session().find(hung)->state, SessionLayer::State::Loading) << "the server is still silent";
  c.apply(CancelLoad{hung});
  EXPECT_EQ(c.session().find(hung)->state, SessionLayer::State::Failed);
  EXPECT_FALSE(c.loading()) << "nothing waits for the cancelled load";
}

TEST(SessionController, LargeFilterPassesRunOffTheFrameAndLandWhole) {
  // The threshold lowered to every table, so the bundled incidents stand in for millions.
  auto scene = parseScene(R"({"sitmap_scene": 1, "layers": [{"path": "../data/events.csv", "kind": "incidents"}]})",
                          sourceDir() + "/assets/scenes");
  ASSERT_TRUE(scene) << scene.error();
  auto session = MapSession::create(*scene);
  ASSERT_TRUE(session);
  ControllerOptions options{{}, 800, 450, {}};
  options.backgroundFilterMinEvents = 1;
  SessionController c(std::move(*session), options);
  settle(c);
  auto& s = c.session();
  s.updateSelections();
  double now = 1;  // settle() ticked from 0: the layer was first seen ready well under a second ago
  for (int i = 0; i < 200 && !s.incidentLayer(); ++i, now += 0.01) {  // the first pass, in the background
    c.tick(now);
    s.updateSelections();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_NE(s.incidentLayer(), nullptr);
  const size_t all = s.matchingEvents();
  ASSERT_GT(all, 20u);
  EventFilter kidal;
  kidal.admin1 = {"Kidal"};
  c.apply(SetEventFilter{kidal});
  s.updateSelections();
  EXPECT_EQ(s.matchingEvents(), all) << "until the pass is done, the previous selection stands";
  EXPECT_TRUE(c.busy());
  for (int i = 0; i < 200 && s.matchingEvents() == all; ++i, now += 0.01) {
    c.tick(now);
    s.updateSelections();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  // The same count as a pass run here.
  const size_t background = s.matchingEvents();
  s.updateSelections(true);
  EXPECT_EQ(background, s.matchingEvents());
  EXPECT_LT(background, all);
  EXPECT_GT(background, 0u);
}

TEST(SessionController, ANewRasterGoesUnderTheVectorLayersAboveTheOtherRasters) {
  TempDir dir;
  writeSquaresGeoTiff(dir.path("basemap.tif"), 4326, {0, 14, 4, 18}, 64, {});
  writeSquaresGeoTiff(dir.path("imagery.tif"), 4326, {0, 14, 4, 18}, 64, {});
  SessionController c = controllerFor(R"({"sitmap_scene": 1, "layers": [{"name": "Basemap", "path": ")" + dir.path("basemap.tif") +
                                      R"("}, {"name": "Places", "path": "../basemap/northern-mali.gpkg", "layer": "places"}]})");
  settle(c);
  c.apply(AddLayerFromPath{dir.path("imagery.tif")});
  settle(c);
  EXPECT_EQ(layerNames(c), (std::vector<std::string>{"Basemap", "imagery.tif", "Places"}));
  // A vector file still goes on top.
  c.apply(AddLayerFromPath{sourceDir() + "/assets/data/control_2023.geojson"});
  settle(c);
  EXPECT_EQ(layerNames(c).back(), "control_2023.geojson");
}

TEST(SessionController, TheBundledDefaultSceneIsNeverSavedOver) {
  TempDir dir;
  const std::string scene = dir.path("default.json");
  const std::string text = R"({"sitmap_scene": 1, "title": "Bundled", "layers": []})";
  writeText(scene, text);
  auto parsed = parseScene(text, dir.root());
  ASSERT_TRUE(parsed);
  auto session = MapSession::create(*parsed);
  ASSERT_TRUE(session);
  ControllerOptions options{scene, 800, 450, {}};
  options.sceneReadOnly = true;
  SessionController c(std::move(*session), options);
  c.apply(SaveScene{"", true});  // Ctrl+S
  EXPECT_EQ(readText(scene), text);
  const auto messages = c.takeMessages();
  ASSERT_FALSE(messages.empty());
  EXPECT_NE(messages.back().text.find("Save as"), std::string::npos);
  // Save as a new scene works, and that one is then saved over by Ctrl+S.
  const std::string mine = dir.path("mine.json");
  c.apply(SaveScene{mine, false});
  ASSERT_TRUE(std::filesystem::exists(mine));
  c.apply(AddBookmark{});
  c.apply(SaveScene{"", true});
  auto back = loadSceneFile(mine);
  ASSERT_TRUE(back) << back.error();
  EXPECT_EQ(back->bookmarks.size(), 1u);
}

TEST(SessionController, TheTimelineKeepsItsAxisAndScaleAndFollowsTheClock) {
  SessionController c = controllerFor(R"({"sitmap_scene": 1, "clock": "2023-11-04T12:00Z", "window_days": 30,
      "layers": [{"path": "../data/events.csv", "kind": "incidents"}]})");
  settle(c);
  c.session().updateSelections(true);
  PanelViews views;
  IncidentsView all = views.incidentsView(c.session(), MapTool::Navigate, std::nullopt);
  ASSERT_TRUE(all.timeline && all.timelineAll);
  const Histogram before = *all.timeline;
  ASSERT_GT(before.bins.size(), 10u);
  ASSERT_TRUE(all.clockDay);
  EXPECT_EQ(*all.clockDay, *parseEventDate("2023-11-04"));
  EXPECT_EQ(all.windowDays, 30);
  // Filtering to one region keeps the same bins (axis) and the all-events histogram (scale) as before.
  EventFilter kidal;
  kidal.admin1 = {"Kidal"};
  c.apply(SetEventFilter{kidal});
  c.session().updateSelections(true);
  const IncidentsView some = views.incidentsView(c.session(), MapTool::Navigate, std::nullopt);
  ASSERT_EQ(some.timeline->bins.size(), before.bins.size());
  EXPECT_EQ(some.timeline->bins.front().firstDay, before.bins.front().firstDay);
  EXPECT_EQ(some.timeline->bins.back().lastDay, before.bins.back().lastDay);
  uint32_t filtered = 0, everything = 0;
  for (const HistogramBin& bin : some.timeline->bins) filtered += bin.total();
  for (const HistogramBin& bin : some.timelineAll->bins) everything += bin.total();
  EXPECT_LT(filtered, everything);
  EXPECT_EQ(everything, 57u);
}

TEST(SessionController, WithTwoIncidentLayersTheLegendCountsAndPanelsFollowTheSameOneAndSaySo) {
  TempDir dir;
  const std::string header =
      "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,"
      "actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,"
      "latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n";
  auto row = [](const std::string& id, int dead) {
    return id + ",2023-11-01,2023,1,Political violence,Battles,Armed clash,A,,1,B,,2,12,,466,Western Africa,Mali,Gao,,,,16.2,0.0,1,s,s,n," +
           std::to_string(dead) + ",,1\n";
  };
  writeText(dir.path("ours.csv"), header + row("O1", 1) + row("O2", 2) + row("O3", 3));
  writeText(dir.path("theirs.csv"), header + row("T1", 10));
  SessionController c = controllerFor(R"({"sitmap_scene": 1, "layers": [
      {"name": "Ours", "path": ")" + dir.path("ours.csv") + R"(", "kind": "incidents"},
      {"name": "Theirs", "path": ")" + dir.path("theirs.csv") + R"(", "kind": "incidents"}]})");
  settle(c);
  c.session().updateSelections(true);
  PanelViews views;
  const Viewport view = Viewport::fitting(c.session().homeBounds(), 800, 450);
  auto legendSays = [&](const std::string& text) {
    const MapFrame frame = c.session().frame(view, 1, true);
    if (frame.furniture.legendTitle.find(text) != std::string::npos) return true;
    return std::any_of(frame.furniture.legend.begin(), frame.furniture.legend.end(),
                       [&](const LegendEntry& e) { return e.label.find(text) != std::string::npos; });
  };
  // The first visible one is counted everywhere, and named; the other is listed as drawn, not counted.
  IncidentsView panels = views.incidentsView(c.session(), MapTool::Navigate, std::nullopt);
  EXPECT_EQ(panels.layerName, "Ours");
  EXPECT_EQ(panels.incidentLayersShown, 2u);
  EXPECT_EQ(panels.matching, 3u);
  EXPECT_EQ(panels.fatalities, 6);
  EXPECT_EQ(panels.selection->size(), panels.matching) << "the table lists what the count says";
  EXPECT_EQ(c.session().frame(view, 1, true).furniture.legendTitle, "Incidents in Ours, 1 Nov 2023 (3, 6 fatalities)");
  EXPECT_TRUE(legendSays("Also drawn, not counted above: Theirs (1)"));
  std::vector<LayerRow> rows = views.layerRows(c);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].countedIncidents, std::optional(true)) << "the Layers panel marks the counted one";
  EXPECT_EQ(rows[1].countedIncidents, std::optional(false));
  // Choosing the other moves every count and panel to it together.
  c.apply(ChooseIncidentLayer{c.session().layers()[1].uid});
  panels = views.incidentsView(c.session(), MapTool::Navigate, std::nullopt);
  EXPECT_EQ(panels.layerName, "Theirs");
  EXPECT_EQ(panels.matching, 1u);
  EXPECT_EQ(panels.fatalities, 10);
  EXPECT_EQ(panels.selection->size(), 1u);
  EXPECT_TRUE(legendSays("Incidents in Theirs"));
  EXPECT_TRUE(legendSays("Also drawn, not counted above: Ours (3)"));
  // With one shown, nothing needs saying.
  c.apply(SetLayerVisible{c.session().layers()[0].uid, false});
  c.session().updateSelections(true);
  EXPECT_FALSE(legendSays("Also drawn"));
  EXPECT_FALSE(legendSays("Incidents in"));
  EXPECT_FALSE(views.layerRows(c)[1].countedIncidents) << "no choice to offer";
}

TEST(SessionController, APasswordTypedIntoAConnectionStringIsShownNowhere) {
  SessionController c = controllerFor(R"({"sitmap_scene": 1, "layers": []})");
  // Nothing listens on port 1: the load fails with libpq's reason, which must not carry the password either.
  c.apply(AddLayerFromPath{"PG:host=127.0.0.1 port=1 dbname=ops user=analyst password=hunter2"});
  settle(c);
  std::string shown;
  for (const UserMessage& m : c.takeMessages()) shown += m.text + "\n";
  PanelViews views;
  for (const LayerRow& row : views.layerRows(c)) shown += row.name + "\n" + row.path + "\n" + row.error + "\n";
  for (const SessionLayer& layer : c.session().layers()) shown += layer.spec.name + "\n";
  EXPECT_EQ(shown.find("hunter2"), std::string::npos) << shown;
  EXPECT_NE(shown.find("password=***"), std::string::npos) << shown;
  EXPECT_NE(shown.find("Connection refused"), std::string::npos) << "the real reason: " << shown;
}

TEST(SessionController, ALiveLayerRereadsOnItsIntervalAndKeepsItsDataWhenARereadFails) {
  TempDir dir;
  const std::string header = "event_id_cnty,event_date,event_type,latitude,longitude,fatalities\n";
  writeText(dir.path("live.csv"), header + "A,2023-11-01,Battles,16.2,0.0,1\nB,2023-11-02,Battles,16.3,0.1,2\n");
  SessionController c = controllerFor(R"({"sitmap_scene": 1, "layers": [{"name": "Live", "path": ")" + dir.path("live.csv") +
                                      R"(", "kind": "incidents", "refresh_s": 5}]})");
  settle(c);
  double now = 1;  // settle() ticked from 0: the layer was first seen ready well under a second ago
  // Advances the controller's clock by `simulated` seconds, then waits (real time, clock still) for `done`.
  auto tickFor = [&](double simulated, const std::function<bool()>& done) {
    for (const double end = now + simulated; now < end;) {
      c.tick(now += 0.05);
      c.session().updateSelections(true);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(1500);
    while (!done() && std::chrono::steady_clock::now() < deadline) {
      c.tick(now);
      c.session().updateSelections(true);
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return done();
  };
  tickFor(0.1, [] { return true; });
  EXPECT_EQ(c.session().matchingEvents(), 2u);
  writeText(dir.path("live.csv"), header + "A,2023-11-01,Battles,16.2,0.0,1\nB,2023-11-02,Battles,16.3,0.1,2\nC,2023-11-03,Battles,16.4,0.2,3\n");
  EXPECT_FALSE(tickFor(2, [&] { return c.session().matchingEvents() == 3; })) << "not before its interval";
  EXPECT_TRUE(tickFor(4, [&] { return c.session().matchingEvents() == 3; })) << "reread after 5 s";
  ASSERT_NE(c.session().layers()[0].refreshedUtc, std::nullopt);
  // A reread that fails leaves the last good data on the map, and says so.
  c.takeMessages();
  writeText(dir.path("live.csv"), "this is no longer an incident file\n");
  std::string said;
  tickFor(6, [&] {
    for (const UserMessage& m : c.takeMessages()) said += m.text;
    return !said.empty();
  });
  EXPECT_EQ(c.session().matchingEvents(), 3u);
  EXPECT_NE(said.find("Live: refresh failed"), std::string::npos) << said;
  EXPECT_NE(said.find("the map keeps the data of"), std::string::npos) << said;
}

TEST(SessionController, HomeFramesIntoTheMapThePanelsLeave) {
  SessionController c = controllerFor(R"({"sitmap_scene": 1, "home_bbox": [-6, 14, 5, 22], "layers": []})");
  settle(c);
  c.setMapInsets(300, 30, 0, 200);  // a sidebar, a top row and a bottom strip over an 800 x 450 window
  c.apply(ZoomHome{});
  const Viewport& view = c.view();
  const Bbox home = c.session().homeBounds();
  // The home box fits inside the free part and is centred in it.
  const Vec2 topLeft = view.worldToScreen({home.minX, home.maxY}), bottomRight = view.worldToScreen({home.maxX, home.minY});
  EXPECT_GE(topLeft.x, 300 - 1);
  EXPECT_GE(topLeft.y, 30 - 1);
  EXPECT_LE(bottomRight.x, 800 + 1);
  EXPECT_LE(bottomRight.y, 450 - 200 + 1);
  EXPECT_NEAR((topLeft.x + bottomRight.x) / 2, (300 + 800) / 2.0, 2);
  EXPECT_NEAR((topLeft.y + bottomRight.y) / 2, (30 + 250) / 2.0, 2);
}

TEST(SessionController, BuildsOverviewsForABigRasterOnATaskAndReadsItAgain) {
  TempDir dir;
  writeSparseGeoTiff(dir.path("big.tif"), 17000);
  SessionController c = controllerFor(R"({"sitmap_scene": 1, "layers": []})");
  c.apply(AddLayerFromPath{dir.path("big.tif")});
  settle(c);
  PanelViews views;
  const uint64_t uid = c.session().layers()[0].uid;
  ASSERT_TRUE(views.layerRows(c)[0].canBuildOverviews) << views.layerRows(c)[0].details;
  EXPECT_NE(views.layerRows(c)[0].details.find("no overviews"), std::string::npos);
  c.takeMessages();
  ASSERT_TRUE(c.apply(BuildOverviews{uid}));
  EXPECT_TRUE(c.buildingOverviews(uid));
  EXPECT_TRUE(views.layerRows(c)[0].buildingOverviews);
  double now = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while ((c.buildingOverviews(uid) || c.loading()) && std::chrono::steady_clock::now() < deadline) {
    c.tick(now += 0.01);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_FALSE(c.buildingOverviews(uid));
  settle(c);
  EXPECT_TRUE(std::filesystem::exists(dir.path("big.tif.ovr")));
  const SessionLayer* layer = c.session().find(uid);
  ASSERT_TRUE(layer && layer->raster()) << (layer ? layer->error : "gone");
  EXPECT_GT(layer->raster()->overviews, 0) << "read again, through its new overviews";
  EXPECT_FALSE(views.layerRows(c)[0].canBuildOverviews);
  bool said = false;
  for (const UserMessage& m : c.takeMessages()) said = said || m.text.find("Overviews built: " + dir.path("big.tif.ovr")) != std::string::npos;
  EXPECT_TRUE(said);
}

TEST(SessionController, TheFilterPanelSaysHowManyMatchingEventsTheClockKeepsOffTheMap) {
  // The issue's case: 1–7 Nov matches six events, but at 4 Nov 12:00Z those after the clock are not drawn.
  SessionController c = controllerFor(R"({"sitmap_scene": 1, "clock": "2023-11-04T12:00Z", "window_days": 30,
      "layers": [{"path": "../data/events.csv", "kind": "incidents"}]})");
  settle(c);
  EventFilter week;
  week.fromDay = *parseEventDate("2023-11-01");
  week.toDay = *parseEventDate("2023-11-07");
  c.apply(SetEventFilter{week});
  c.session().updateSelections(true);
  PanelViews views;
  const IncidentsView view = views.incidentsView(c.session(), MapTool::Navigate, std::nullopt);
  EXPECT_EQ(view.matching, 5u) << "what the map shows at the clock";
  EXPECT_EQ(view.hiddenByClock.afterClock, 1u) << "the sixth is dated after 4 Nov";
  EXPECT_EQ(view.hiddenByClock.beforeWindow, 0u);
  // Moving the clock to the end of the week shows them all.
  c.apply(SetClock{*parseUtc("2023-11-07T23:00Z")});
  c.session().updateSelections(true);
  EXPECT_EQ(views.incidentsView(c.session(), MapTool::Navigate, std::nullopt).hiddenByClock.total(), 0u);
}

TEST(SessionController, AnIncidentLayerIsDrawnAsTheLayersPanelChoosesAndSavedSo) {
  TempDir dir;
  writeText(dir.path("events.csv"), "event_id_cnty,event_date,event_type,latitude,longitude,fatalities\nA,2023-11-01,Battles,16,1,0\n");
  SessionController c = controllerFor(R"({"sitmap_scene": 1, "layers": [
      {"name": "Events", "path": ")" + dir.path("events.csv") + R"(", "kind": "incidents"}]})");
  settle(c);
  c.session().updateSelections(true);
  PanelViews views;
  const uint64_t id = c.session().layers()[0].uid;
  EXPECT_EQ(views.layerRows(c)[0].incidentStyle, IncidentStyle{});
  c.apply(SetIncidentStyle{id, {EventAggregation::Density, 500}});
  EXPECT_EQ(views.layerRows(c)[0].incidentStyle, (IncidentStyle{EventAggregation::Density, 100})) << "the cap is bounded";
  const Viewport view = Viewport::fitting(c.session().homeBounds(), 800, 450);
  const auto legend = c.session().frame(view, 1, true).furniture.legend;
  EXPECT_TRUE(std::any_of(legend.begin(), legend.end(), [](const LegendEntry& e) { return e.label == "500 or more"; }));
  c.apply(SaveScene{dir.path("saved.json"), false});
  EXPECT_NE(readText(dir.path("saved.json")).find(R"("aggregation": "density")"), std::string::npos);
}

TEST(SessionController, TheFilteredIncidentsAreExportedFromTheViewerAndNothingIsOverwritten) {
  TempDir dir;
  const std::string header = "event_id_cnty,event_date,event_type,latitude,longitude,fatalities,admin1\n";
  writeText(dir.path("events.csv"), header + "A,2023-11-01,Battles,16,1,2,Gao\nB,2023-11-02,Riots,17,2,0,Kidal\nC,2023-11-03,Battles,18,3,1,Kidal\n");
  SessionController c = controllerFor(R"({"sitmap_scene": 1, "layers": [
      {"name": "Events", "path": ")" + dir.path("events.csv") + R"(", "kind": "incidents"}]})");
  settle(c);
  EventFilter battles;
  battles.eventTypes = {"Battles"};
  c.apply(SetEventFilter{battles});
  c.session().updateSelections(true);
  auto finish = [&] {
    double now = 0;
    for (int i = 0; i < 2000 && c.busy(); ++i) {
      c.tick(now += 0.01);
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    c.tick(now + 0.01);
    std::string said;
    for (const UserMessage& m : c.takeMessages()) said += m.text + "\n";
    return said;
  };
  c.apply(ExportFilteredEvents{dir.path("battles.csv")});
  EXPECT_NE(finish().find("Exported 2 incidents to " + dir.path("battles.csv")), std::string::npos);
  EXPECT_EQ(readText(dir.path("battles.csv")), header + "A,2023-11-01,Battles,16,1,2,Gao\nC,2023-11-03,Battles,18,3,1,Kidal\n");
  c.apply(ExportFilteredEvents{dir.path("battles.geojson")});
  finish();
  const std::string geojson = readText(dir.path("battles.geojson"));
  EXPECT_NE(geojson.find("\"FeatureCollection\""), std::string::npos);
  size_t features = 0;
  for (size_t at = geojson.find("\"Feature\""); at != std::string::npos; at = geojson.find("\"Feature\"", at + 1)) ++features;
  EXPECT_EQ(features, 2u);
  EXPECT_EQ(geojson.find("Riots"), std::string::npos);
  // Never over an existing file, and a name that says no format is refused before anything is written.
  writeText(dir.path("mine.csv"), "my own work");
  c.apply(ExportFilteredEvents{dir.path("mine.csv")});
  const std::string refused = finish();
  EXPECT_NE(refused.find("Export failed"), std::string::npos);
  EXPECT_NE(refused.find("exists"), std::string::npos) << refused;
  EXPECT_EQ(readText(dir.path("mine.csv")), "my own work");
  c.apply(ExportFilteredEvents{dir.path("out.txt")});
  EXPECT_NE(finish().find("name it .csv or .geojson"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir.path("out.txt")));
}

TEST(SessionController, AnIncidentsSourceOpensInTheBrowserAsOneArgumentNeverThroughAShell) {
  TempDir dir;
  // A stand-in for xdg-open that writes down the arguments it was given.
  const std::string opener = dir.path("opener.sh"), said = dir.path("arguments.txt");
  writeText(opener, "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" > " + said + ".part && mv " + said + ".part " + said + "\n");
  std::filesystem::permissions(opener, std::filesystem::perms::owner_all);
  auto scene = parseScene(R"({"sitmap_scene": 1})", dir.root());
  ASSERT_TRUE(scene);
  auto session = MapSession::create(*scene);
  ASSERT_TRUE(session);
  ControllerOptions options{"", 800, 450, {}};
  options.urlOpener = opener;
  SessionController c(std::move(*session), options);
  const std::string url = "https://www.voaafrique.com/a/x;touch${IFS}" + dir.path("pwned") + "&q=$(id)";
  c.apply(OpenUrl{url});
  for (int i = 0; i < 500 && !std::filesystem::exists(said); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(readText(said), "1\n" + url + "\n");
  EXPECT_FALSE(std::filesystem::exists(dir.path("pwned")));
  std::filesystem::remove(said);
  // Not a web address (or one with a space in it): refused, the opener never started.
  for (const char* refused : {"file:///etc/passwd", "https://a.org/x y", "javascript:alert(1)"}) {
    c.apply(OpenUrl{refused});
    const auto messages = c.takeMessages();
    ASSERT_FALSE(messages.empty());
    EXPECT_TRUE(messages.back().isError) << refused;
    EXPECT_NE(messages.back().text.find("not a web address"), std::string::npos);
  }
  options.urlOpener = dir.path("no-such-opener");
  auto other = MapSession::create(*scene);
  SessionController missing(std::move(*other), options);
  missing.apply(OpenUrl{"https://example.org/"});
  const auto messages = missing.takeMessages();
  ASSERT_FALSE(messages.empty());
  EXPECT_NE(messages.back().text.find("is not installed"), std::string::npos) << messages.back().text;
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_FALSE(std::filesystem::exists(said));
}

TEST(SessionController, ConvoysAreReadOnTasksAndOnlyForTheSessionThatAskedForThem) {
  TempDir dir;
  writeText(dir.path("route.geojson"), R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
    "geometry":{"type":"LineString","coordinates":[[1,15],[3,15]]}}]})");
  writeText(dir.path("waypoints.csv"), "time_utc,place,latitude,longitude\n2023-11-01T00:00Z,West,15,1\n2023-11-02T00:00Z,East,15,3\n");
  const std::string withConvoy = R"({"sitmap_scene":1,"convoys":[{"name":"Convoy","route":"route.geojson","waypoints":"waypoints.csv"}]})";
  auto start = [&] {
    auto scene = parseScene(withConvoy, dir.root());
    EXPECT_TRUE(scene) << scene.error();
    auto session = MapSession::create(*scene, true);
    EXPECT_TRUE(session) << session.error();
    return SessionController(std::move(*session), ControllerOptions{"", 800, 450, {}});
  };
  SessionController c = start();
  EXPECT_TRUE(c.session().convoys().empty()) << "made without reading the track";
  EXPECT_TRUE(c.loading());
  settle(c);
  ASSERT_EQ(c.session().convoys().size(), 1u);
  EXPECT_EQ(c.session().convoys()[0].track.name(), "Convoy");
  // Another scene opened before the first one's track is in: that track never joins the new session, which
  // has a convoy of its own in the same place of its list.
  writeText(dir.path("other.csv"), "time_utc,place,latitude,longitude\n2023-12-01T00:00Z,West,15,1\n2023-12-02T00:00Z,East,15,3\n");
  writeText(dir.path("other.json"), R"({"sitmap_scene":1,"title":"Other","convoys":[{"name":"Other","route":"route.geojson","waypoints":"other.csv"}]})");
  SessionController d = start();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the first track is read by now, not yet handed over
  d.apply(OpenScene{dir.path("other.json")});
  settle(d);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  d.tick(100);
  EXPECT_EQ(d.session().scene().title, "Other");
  ASSERT_EQ(d.session().convoys().size(), 1u);
  EXPECT_EQ(d.session().convoys()[0].track.name(), "Other");
}

TEST(SessionController, BookmarksAreRenamedReorderedAndDeletedAndTheBriefingKeepsItsPlace) {
  SessionController c = controllerFor(R"({"sitmap_scene": 1, "clock": "2023-11-01T00:00Z"})");
  for (int i = 0; i < 3; ++i) c.apply(AddBookmark{});
  auto names = [&] {
    std::vector<std::string> out;
    for (const Bookmark& b : c.session().scene().bookmarks) out.push_back(b.name);
    return out;
  };
  EXPECT_EQ(names(), (std::vector<std::string>{"Bookmark 1", "Bookmark 2", "Bookmark 3"})) << "no clock in the name: the map shows it";
  c.apply(RenameBookmark{0, "Kidal\nretaken "});
  c.apply(RenameBookmark{1, "   "});  // an empty name is refused
  c.apply(RenameBookmark{7, "Nowhere"});
  EXPECT_EQ(names(), (std::vector<std::string>{"Kidal retaken", "Bookmark 2", "Bookmark 3"}));
  c.apply(GoToBookmark{0});
  c.apply(MoveBookmark{0, +5});  // clamped to the end; the briefing is still on it
  EXPECT_EQ(names(), (std::vector<std::string>{"Bookmark 2", "Bookmark 3", "Kidal retaken"}));
  EXPECT_EQ(c.currentBookmark(), 2);
  c.apply(MoveBookmark{1, -1});
  EXPECT_EQ(names(), (std::vector<std::string>{"Bookmark 3", "Bookmark 2", "Kidal retaken"}));
  EXPECT_EQ(c.currentBookmark(), 2);
  c.apply(GoToBookmark{0});
  c.apply(MoveBookmark{2, -2});  // moved ahead of the current one, which shifts back by one
  EXPECT_EQ(names(), (std::vector<std::string>{"Kidal retaken", "Bookmark 3", "Bookmark 2"}));
  EXPECT_EQ(c.currentBookmark(), 1);
  c.apply(MoveBookmark{0, +2});
  EXPECT_EQ(names(), (std::vector<std::string>{"Bookmark 3", "Bookmark 2", "Kidal retaken"}));
  EXPECT_EQ(c.currentBookmark(), 0);
  c.apply(GoToBookmark{1});
  c.apply(DeleteBookmark{0});  // one before the current: PageDown still goes on from "Bookmark 2"
  EXPECT_EQ(names(), (std::vector<std::string>{"Bookmark 2", "Kidal retaken"}));
  EXPECT_EQ(c.currentBookmark(), 0);
  c.apply(GoToBookmark{1});
  EXPECT_EQ(c.currentBookmark(), 1);
  c.apply(DeleteBookmark{1});
  EXPECT_EQ(c.currentBookmark(), -1) << "the current one deleted: the briefing starts again";
  EXPECT_EQ(names(), std::vector<std::string>{"Bookmark 2"});
}

TEST(SessionController, DrawnPolygonsAndRectanglesFilterOnWhatTheyEncloseAndAreNamedInTurn) {
  SessionController c = controllerFor(R"({"sitmap_scene": 1, "layers": [{"path": "../data/events.csv", "kind": "incidents"}]})");
  settle(c);
  c.session().updateSelections(true);
  const EventTable& t = *c.session().incidentLayer()->events()->table;
  auto toScreen = [&](LonLat p) { return c.view().worldToScreen(*c.session().toDisplay(p)); };
  // An L around Kidal and the Adrar: concave, so a convex hull or a bounding box would take more.
  const std::vector<LonLat> shape = {{0.0, 17.0}, {2.0, 17.0}, {2.0, 18.0}, {1.0, 18.0}, {1.0, 19.5}, {0.0, 19.5}};
  std::vector<Vec2> corners;
  for (const LonLat& p : shape) corners.push_back(toScreen(p));
  auto inside = [&](double lon, double lat) {  // even-odd, on the lon/lat corners themselves
    bool in = false;
    for (size_t i = 0, j = shape.size() - 1; i < shape.size(); j = i++)
      if ((shape[i].lat > lat) != (shape[j].lat > lat) &&
          lon < shape[j].lon + (lat - shape[j].lat) * (shape[i].lon - shape[j].lon) / (shape[i].lat - shape[j].lat))
        in = !in;
    return in;
  };
  size_t expected = 0, inBox = 0;
  for (size_t e = 0; e < t.size(); ++e) {
    expected += inside(t.lon[e], t.lat[e]);
    inBox += t.lon[e] >= 0 && t.lon[e] <= 2 && t.lat[e] >= 17 && t.lat[e] <= 19.5;
  }
  ASSERT_GT(expected, 3u);
  ASSERT_LT(expected, inBox) << "the L must leave out some of its bounding box's events";
  c.apply(AddPolygonRegion{{corners[0], corners[1]}});
  EXPECT_TRUE(c.session().eventFilter().regions.empty()) << "two corners are no polygon";
  c.apply(AddPolygonRegion{corners});
  c.session().updateSelections(true);
  ASSERT_EQ(c.session().eventFilter().regions.size(), 1u);
  EXPECT_EQ(c.session().eventFilter().regions[0].name, "Polygon 1");
  EXPECT_EQ(c.session().matchingEvents(), expected);
  c.apply(AddPolygonRegion{corners});
  EXPECT_EQ(c.session().eventFilter().regions.back().name, "Polygon 2");
  c.apply(SetEventFilter{EventFilter{}});
  c.apply(AddRectangleRegion{toScreen({0.0, 19.5}), toScreen({2.0, 17.0})});
  c.session().updateSelections(true);
  EXPECT_EQ(c.session().eventFilter().regions.at(0).name, "Rectangle 1");
  EXPECT_EQ(c.session().matchingEvents(), inBox);
}

TEST(SessionController, ARasterStyleChangeReadsTilesAgainUnlessOnlyItsToningChanged) {
  TempDir dir;
  writeFloatGeoTiff(dir.path("dem.tif"), {0, 14, 4, 18}, 16, 16, std::vector<float>(256, 7.0f), -9999);
  SessionController c = controllerFor(R"({"sitmap_scene": 1, "layers": []})");
  c.apply(AddLayerFromPath{dir.path("dem.tif")});
  settle(c);
  SessionLayer& layer = c.session().layers().at(0);
  ASSERT_TRUE(layer.raster());
  layer.rendererId = 42;  // as if drawn (no renderer here)
  PanelViews views;
  const LayerRow row = views.layerRows(c).at(0);
  EXPECT_TRUE(row.isRaster && row.rasterSingleBand);
  RasterStyle toned = row.rasterStyle;
  toned.saturation = 0.5f;
  c.apply(SetRasterStyle{layer.uid, toned});
  EXPECT_EQ(c.session().layers()[0].spec.raster.saturation, 0.5f);
  EXPECT_TRUE(c.takeRetiredRendererLayers().empty()) << "toning is drawn, not read";
  RasterStyle ramped = toned;
  ramped.ramp = presetRamp(rampPresets()[1], 0, 10);
  c.apply(SetRasterStyle{layer.uid, ramped});
  EXPECT_EQ(c.takeRetiredRendererLayers(), std::vector<LayerId>{42}) << "a new ramp reads the tiles again";
  EXPECT_EQ(c.session().layers()[0].rendererId, 0u);
  EXPECT_EQ(views.layerRows(c).at(0).rasterStyle.ramp, ramped.ramp);
  // A file the user adds is keyed in the legend; the Layers panel can take it out.
  EXPECT_TRUE(views.layerRows(c).at(0).inLegend);
  c.apply(SetLayerInLegend{layer.uid, false});
  EXPECT_FALSE(views.layerRows(c).at(0).inLegend);
  EXPECT_FALSE(c.session().layers()[0].spec.inLegend);
}
