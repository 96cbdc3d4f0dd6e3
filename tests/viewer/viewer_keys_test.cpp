// The real viewer under Xvfb, driven with xdotool as a user (or a presenter's clicker) drives it: keys as instant
// taps, files checked afterwards. Skips, saying why, where Xvfb or xdotool is missing.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "io/acled_reader.hpp"
#include "io/png_file.hpp"
#include "support/test_files.hpp"

using namespace sitmap;
using namespace sitmap::test;

namespace {

bool haveXvfbAndXdotool() {
  return std::system("command -v xvfb-run > /dev/null 2>&1 && command -v xdotool > /dev/null 2>&1") == 0;
}

// Starts the viewer in `dir` on `arguments`, waits for its window and for loading, sends each xdotool command
// (e.g. "key ctrl+s"), then ends it with SIGTERM. Returns the viewer's stderr.
std::string driveViewer(const TempDir& dir, const std::string& arguments, const std::vector<std::string>& actions,
                        const std::string& window = "800x450") {
  // Under LeakSanitizer the viewer's GL driver, unloaded by glfwTerminate, would report its own allocations
  // from a module with no name (nothing a suppression can match): leak checks are for the headless commands.
  std::string script = "cd '" + dir.root() + "'; HOME='" + dir.root() + "' ASAN_OPTIONS=detect_leaks=0 " + sitmapBinary() + " --window " + window + " " +
                       arguments + " 2> viewer.err & pid=\\$!; xdotool search --sync --name sitmap > /dev/null; sleep 3; " +
                       "xdotool mousemove 400 300; sleep 0.3; ";
  for (const std::string& action : actions) script += "xdotool " + action + "; sleep 0.7; ";
  script += "kill \\$pid; wait \\$pid";  // escaped: the outer shell must leave them to bash
  const std::string command = "timeout 120 xvfb-run -a -s '-screen 0 1920x1200x24' bash -c \"" + script + "\"";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  return readText(dir.path("viewer.err"));
}

// The PNG's "Clock" text chunk (an iTXt: keyword, then NUL-separated flags, then the text).
std::string pngClock(const std::string& path) {
  const std::string bytes = readText(path);
  size_t at = bytes.find(std::string("Clock\0", 6));
  if (at == std::string::npos) return {};
  at = bytes.find_first_not_of('\0', at + 5);
  return bytes.substr(at, 17);
}

// The F12 images in the order they were written (names within one second get -2, -3 ..., which sort oddly).
std::vector<std::string> screenshotsInOrder(const TempDir& dir) {
  std::vector<std::filesystem::path> shots;
  for (const auto& entry : std::filesystem::directory_iterator(dir.root()))
    if (entry.path().extension() == ".png") shots.push_back(entry.path());
  std::sort(shots.begin(), shots.end(), [](const auto& a, const auto& b) {
    return std::filesystem::last_write_time(a) < std::filesystem::last_write_time(b);
  });
  return {shots.begin(), shots.end()};
}

}  // namespace

TEST(ViewerKeys, CtrlSOnAGeoJsonNamedJsonLeavesItByteIdentical) {
  if (!haveXvfbAndXdotool()) GTEST_SKIP() << "xvfb-run or xdotool is not installed: no window to drive";
  TempDir dir;
  const std::string geojson = dir.path("places.json");
  const std::string text = R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Kidal"},)"
                           R"("geometry":{"type":"Point","coordinates":[1.41,18.44]}}]})";
  writeText(geojson, text);
  driveViewer(dir, "places.json", {"key ctrl+s"});
  EXPECT_EQ(readText(geojson), text) << "the user's GeoJSON was written over";
  // The same tap on a scene saves it: the key reached the viewer, so the check above means something.
  const std::string scene = dir.path("scene.json");
  writeText(scene, R"({"title": "T", "sitmap_scene": 1, "layers": [{"path": "places.json"}]})");
  driveViewer(dir, "scene.json", {"key ctrl+s"});
  EXPECT_NE(readText(scene).find("\"crs\": \"EPSG:3857\""), std::string::npos) << "Ctrl+S did not save the scene";
}

TEST(ViewerKeys, AnInstantTapInPresentationModeReachesTheNextBookmark) {
  if (!haveXvfbAndXdotool()) GTEST_SKIP() << "xvfb-run or xdotool is not installed: no window to drive";
  TempDir dir;
  writeText(dir.path("scene.json"), R"({"sitmap_scene": 1, "clock": "2023-11-01T00:00Z", "layers": [],
      "home_bbox": [-6, 14, 5, 22],
      "bookmarks": [{"name": "One", "view": {"centre": [0, 17], "scale": 4000000}, "clock": "2023-11-02T00:00Z"},
                    {"name": "Two", "view": {"centre": [1, 18], "scale": 2000000}, "clock": "2023-11-14T06:00Z"}]})");
  // F5 presents; each PageDown is a press and release with no delay, as a clicker sends; F12 records the clock.
  const std::string err = driveViewer(dir, "scene.json", {"key F5", "key Next", "key F12", "key Next", "key F12"});
  const std::vector<std::string> shots = screenshotsInOrder(dir);
  ASSERT_EQ(shots.size(), 2u) << err;
  EXPECT_EQ(pngClock(shots[0]), "2023-11-02 00:00Z");
  EXPECT_EQ(pngClock(shots[1]), "2023-11-14 06:00Z");
}

TEST(ViewerIdle, AnIdleViewerUsesNoCpu) {
  if (!haveXvfbAndXdotool()) GTEST_SKIP() << "xvfb-run or xdotool is not installed: no window to drive";
  TempDir dir;
  // The default scene, loaded and settled; then 20 s with nothing to do. CPU time from /proc (user + system).
  const std::string script =
      "cd '" + dir.root() + "'; HOME='" + dir.root() + "' ASAN_OPTIONS=detect_leaks=0 " + sitmapBinary() +
      " --window 800x450 2> viewer.err & pid=\\$!; xdotool search --sync --name sitmap > /dev/null; sleep 6; "
      "a=\\$(awk '{print \\$14 + \\$15}' /proc/\\$pid/stat); sleep 20; b=\\$(awk '{print \\$14 + \\$15}' /proc/\\$pid/stat); "
      "echo \\$((b - a)) > ticks; kill \\$pid; wait \\$pid";
  ASSERT_EQ(std::system(("timeout 120 xvfb-run -a -s '-screen 0 1280x720x24' bash -c \"" + script + "\"").c_str()), 0);
  const long ticks = std::stol(readText(dir.path("ticks")));
  const long perSecond = sysconf(_SC_CLK_TCK);
  EXPECT_LT(double(ticks) / double(perSecond) / 20.0, 0.02) << ticks << " clock ticks of CPU in 20 idle seconds";
}

TEST(ViewerKeys, EscapeLeavesPresentationMode) {
  if (!haveXvfbAndXdotool()) GTEST_SKIP() << "xvfb-run or xdotool is not installed: no window to drive";
  TempDir dir;
  writeText(dir.path("scene.json"), R"({"sitmap_scene": 1, "clock": "2023-11-01T00:00Z", "layers": [],
      "home_bbox": [-6, 14, 5, 22]})");
  // An image before presenting, one while presenting (text for the back of the room: at 1000 px high, 1/60 of the
  // height is larger than the window's own), one after Escape.
  driveViewer(dir, "scene.json", {"key F12", "key F5", "key F12", "key Escape", "key F12"}, "1600x1000");
  const std::vector<std::string> shots = screenshotsInOrder(dir);
  ASSERT_EQ(shots.size(), 3u);
  auto before = readPngFile(shots[0]), presenting = readPngFile(shots[1]), after = readPngFile(shots[2]);
  ASSERT_TRUE(before && presenting && after);
  EXPECT_FALSE(before->pixels == presenting->pixels) << "presentation mode changed nothing";
  EXPECT_TRUE(before->pixels == after->pixels) << "Escape did not leave presentation mode";
}

TEST(ViewerLayers, ALayerDraggedOntoAnotherTakesItsPlaceInTheDrawingOrder) {
  if (!haveXvfbAndXdotool()) GTEST_SKIP() << "xvfb-run or xdotool is not installed: no window to drive";
  TempDir dir;
  writeText(dir.path("a.geojson"), R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},)"
                                   R"("geometry":{"type":"Point","coordinates":[1.41,18.44]}}]})");
  writeText(dir.path("b.geojson"), readText(dir.path("a.geojson")));
  const std::string scene = dir.path("scene.json");
  writeText(scene, R"({"sitmap_scene": 1, "home_bbox": [0, 17, 3, 20], "layers": [{"name": "Bottom one", "path": "a.geojson"},
      {"name": "Top one", "path": "b.geojson"}]})");
  // The Layers panel lists the top layer first: drag the second row (the bottom layer) onto the first, then save.
  driveViewer(dir, "scene.json",
              {"mousemove 150 94", "mousedown 1", "mousemove 150 90", "mousemove 150 80", "mousemove 150 70",
               "mousemove 150 68", "mouseup 1", "mousemove 600 300", "key ctrl+s"});
  const std::string saved = readText(scene);
  const size_t bottom = saved.find("Bottom one"), top = saved.find("Top one");
  ASSERT_NE(bottom, std::string::npos);
  ASSERT_NE(top, std::string::npos);
  EXPECT_GT(bottom, top) << "the dragged layer is now drawn last, on top:\n" << saved;
}

TEST(ViewerLayers, ARasterAddedInTheLayersPanelLandsBelowEveryVectorLayer) {
  if (!haveXvfbAndXdotool()) GTEST_SKIP() << "xvfb-run or xdotool is not installed: no window to drive";
  TempDir dir;
  writeText(dir.path("places.geojson"), R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},)"
                                        R"("geometry":{"type":"Point","coordinates":[1.41,18.44]}}]})");
  writeFloatGeoTiff(dir.path("dem.tif"), {0, 17, 3, 20}, 4, 4, std::vector<float>(16, 300.0f), -9999);
  const std::string scene = dir.path("scene.json");
  writeText(scene, R"({"sitmap_scene": 1, "home_bbox": [0, 17, 3, 20], "layers": [{"name": "Places", "path": "places.geojson"},
      {"name": "Roads", "path": "places.geojson"}]})");
  // The Add box under the layer list: click, type the file, Enter (held: see ResetAll... below); then save.
  driveViewer(dir, "scene.json", {"mousemove 70 142", "mousedown 1", "mouseup 1", "type --delay 40 dem.tif", "keydown Return", "keyup Return",
                                  "mousemove 500 250", "key ctrl+s"});
  const std::string saved = readText(scene);
  const size_t raster = saved.find("dem.tif"), places = saved.find("Places");
  ASSERT_NE(raster, std::string::npos) << "the raster was added:\n" << saved;
  ASSERT_NE(places, std::string::npos);
  EXPECT_LT(raster, places) << "listed first: drawn at the bottom, under the vectors:\n" << saved;
}

TEST(ViewerFilters, ResetAllClearsATypedDateSoItCannotComeBack) {
  if (!haveXvfbAndXdotool()) GTEST_SKIP() << "xvfb-run or xdotool is not installed: no window to drive";
  TempDir dir;
  std::filesystem::copy_file(sourceDir() + "/assets/data/events.csv", dir.path("events.csv"));
  const std::string scene = dir.path("scene.json");
  writeText(scene, R"({"sitmap_scene": 1, "clock": "2023-11-04T12:00Z", "home_bbox": [0, 17, 3, 20],
      "layers": [{"name": "Incidents", "path": "events.csv", "kind": "incidents"}]})");
  // At 1600 x 900 and the first launch's layout: type a From date (Enter applies it) and take an F12 of it; Reset
  // all; then Enter in the From field again, which would apply whatever text it still holds; save. Enter is held
  // for a moment: ImGui 1.86 reads text fields' keys once a frame and can miss an instant tap on a loaded machine.
  driveViewer(dir, "scene.json",
              {"mousemove 60 501", "mousedown 1", "mouseup 1", "type --delay 40 2023-11-01", "keydown Return", "keyup Return",
               "mousemove 800 300", "key F12", "mousemove 207 396", "mousedown 1", "mouseup 1", "mousemove 60 501", "mousedown 1",
               "mouseup 1", "keydown Return", "keyup Return", "mousemove 800 300", "key ctrl+s"},
              "1600x900");
  const std::vector<std::string> shots = screenshotsInOrder(dir);
  ASSERT_EQ(shots.size(), 1u);
  EXPECT_NE(readText(shots[0]).find(R"("from": "2023-11-01")"), std::string::npos) << "the typed date filtered before the reset";
  const std::string saved = readText(scene);
  EXPECT_EQ(saved.find("2023-11-01"), std::string::npos) << "the reset cleared the field too:\n" << saved;
  EXPECT_NE(saved.find("\"crs\""), std::string::npos) << "the scene was saved";
}

TEST(ViewerPicking, AClickOnAnIncidentInsideAControlZoneOpensItsDetails) {
  if (!haveXvfbAndXdotool()) GTEST_SKIP() << "xvfb-run or xdotool is not installed: no window to drive";
  TempDir dir;
  // One incident in the middle of a zone of control, the view centred on it: the incident is at the window's
  // centre (400, 225 at 800 x 450).
  const std::string events = readText(sourceDir() + "/assets/data/events.csv");
  const std::string header = events.substr(0, events.find('\n') + 1);
  std::string row = events.substr(header.size(), events.find('\n', header.size()) - header.size() + 1);
  writeText(dir.path("one.csv"), header + row);
  writeText(dir.path("zone.geojson"), R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Zone",)"
                                      R"("actor":"CSP-PSD","status":"control","valid_from":"2023-01-01T00:00Z"},"geometry":{"type":"Polygon",)"
                                      R"("coordinates":[[[-5,10],[5,10],[5,25],[-5,25],[-5,10]]]}}]})");
  auto incident = parseAcledCsv(header + row, "one.csv");
  ASSERT_TRUE(incident) << incident.error();
  const double lon = incident->table.lon[0], lat = incident->table.lat[0];
  writeText(dir.path("scene.json"), R"({"sitmap_scene": 1, "clock": "2023-12-31T00:00Z", "window_days": 0, "background": "#ffffff",
      "view": {"centre": [)" + std::to_string(lon) + ", " + std::to_string(lat) + R"(], "scale": 4000000},
      "layers": [{"name": "Zone", "path": "zone.geojson", "kind": "control"}, {"name": "Incidents", "path": "one.csv", "kind": "incidents"}]})");
  // F12 before and after the click: the incident whose details are open is boxed on the map.
  driveViewer(dir, "scene.json", {"mousemove 790 440", "key F12", "mousemove 400 225", "mousedown 1", "mouseup 1",
                                  "mousemove 790 440", "key F12"});
  const std::vector<std::string> shots = screenshotsInOrder(dir);
  ASSERT_EQ(shots.size(), 2u);
  auto before = readPngFile(shots[0]);
  auto after = readPngFile(shots[1]);
  ASSERT_TRUE(before && after);
  int near = 0, far = 0;
  for (int y = 0; y < before->height; ++y)
    for (int x = 0; x < before->width; ++x) {
      const size_t i = (size_t(y) * size_t(before->width) + size_t(x)) * 4;
      if (!std::equal(&before->pixels[i], &before->pixels[i] + 3, &after->pixels[i])) (std::abs(x - 400) < 40 && std::abs(y - 225) < 40 ? near : far)++;
    }
  EXPECT_GT(near, 60) << "the clicked incident is boxed: its details opened, not the zone's tooltip";
  EXPECT_EQ(far, 0) << "nothing else changed";
}
