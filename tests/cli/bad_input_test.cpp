// Malformed input through the command line: every case exits with its code and a message naming the file and
// the reason, within a time and memory bound (a hang or an unbounded read fails the test, not the machine).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "support/silent_server.hpp"
#include "support/test_files.hpp"

using namespace sitmap;
using namespace sitmap::test;

namespace {

struct Bounded {
  int code = -1;
  std::string err;
  double seconds = 0;
};

// AddressSanitizer reserves terabytes of address space for its shadow memory: under it, memory is not bounded here.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

// Runs sitmap with a 30 s wall-clock limit and a 4 GB address-space limit (timeout exits 124 on a hang).
Bounded runBounded(const std::string& arguments, const std::string& shellPrefix = "") {
  TempDir logs;
  const std::string command = std::string(kAddressSanitizer ? "" : "ulimit -v 4000000; ") + shellPrefix + " timeout 30 " + sitmapBinary() + " " + arguments +
                              " > /dev/null 2> " + logs.path("err") + " < /dev/null";
  const auto start = std::chrono::steady_clock::now();
  const int status = std::system(command.c_str());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, readText(logs.path("err")), seconds};
}


void expectBadInput(const Bounded& r, const std::string& path, const std::string& reason) {
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find(path), std::string::npos) << "names the file: " << r.err;
  EXPECT_NE(r.err.find(reason), std::string::npos) << "says why (" << reason << "): " << r.err;
  EXPECT_LT(r.seconds, 20) << "bounded in time";
}

std::string gpxWithSecondPoint(const std::string& lat) {
  return R"(<?xml version="1.0"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
<trkpt lat="18.44" lon="1.41"><time>2023-10-31T07:00:00Z</time></trkpt>
<trkpt lat=")" + lat + R"(" lon="1.0"><time>2023-10-31T12:00:00Z</time></trkpt>
<trkpt lat="16.27" lon="-0.04"><time>2023-11-07T18:00:00Z</time></trkpt></trkseg></trk></gpx>)";
}

}  // namespace

TEST(CliMalformed, AFolderIsNotAFile) {
  TempDir dir;
  expectBadInput(runBounded("events " + quoted(dir.root()) + " --count"), dir.root(), "is a folder");
  expectBadInput(runBounded("info " + quoted(dir.root())), dir.root(), "is a folder");
}

TEST(CliMalformed, AFifoNeverBlocks) {
  TempDir dir;
  const std::string fifo = dir.path("pipe.json");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  expectBadInput(runBounded("events " + quoted(fifo) + " --count"), fifo, "FIFO");
  expectBadInput(runBounded("info " + quoted(fifo)), fifo, "FIFO");
  expectBadInput(runBounded("render " + quoted(fifo) + " -o " + quoted(dir.path("o.png"))), fifo, "FIFO");
  expectBadInput(runBounded("track " + quoted(fifo) + " --route " + quoted(fifo) + " --at 2023-11-01T00:00Z"), fifo, "FIFO");
}

TEST(CliMalformed, AnEndlessDeviceIsRefusedNotRead) {
  TempDir dir;
  expectBadInput(runBounded("render /dev/zero -o " + quoted(dir.path("o.png"))), "/dev/zero", "not a regular file");
  const std::string scene = dir.path("scene.json");
  writeText(scene, R"({"sitmap_scene":1,"convoys":[{"route":")" + sourceDir() +
                       R"(/assets/basemap/northern-mali.gpkg","route_layer":"routes","waypoints":"/dev/zero"}]})");
  expectBadInput(runBounded("render " + quoted(scene) + " -o " + quoted(dir.path("o.png"))), "/dev/zero", "not a regular file");
}

TEST(CliMalformed, ASymlinkLoopSaysSo) {
  TempDir dir;
  const std::string loop = dir.path("loop.csv");
  std::filesystem::create_symlink(loop, loop);
  expectBadInput(runBounded("events " + quoted(loop) + " --count"), loop, "symbolic links");
}

TEST(CliMalformed, ABadGpxPointIsRefusedNamingItAndNothingHangs) {
  for (const std::string lat : {"100", "nan"}) {
    TempDir dir;
    const std::string gpx = dir.path("track.GPX");  // upper case: still a GPX
    writeText(gpx, gpxWithSecondPoint(lat));
    expectBadInput(runBounded("track " + quoted(gpx) + " --at 2023-11-01T00:00Z"), "point 2", "no valid position");
    const std::string scene = dir.path("scene.json");
    writeText(scene, R"({"sitmap_scene":1,"convoys":[{"gpx":"track.GPX"}]})");
    expectBadInput(runBounded("render " + quoted(scene) + " -o " + quoted(dir.path("o.png")) + " --size 64x64"), "point 2",
                   "no valid position");
  }
}

TEST(CliMalformed, AGoodUpperCaseGpxIsATrack) {
  TempDir dir;
  const std::string gpx = dir.path("track.GPX");
  writeText(gpx, gpxWithSecondPoint("17.5"));
  const Bounded r = runBounded("track " + quoted(gpx) + " --at 2023-11-01T00:00Z");
  EXPECT_EQ(r.code, 0) << r.err;
}

TEST(CliMalformed, AFileWithNoLayersSaysSo) {
  TempDir dir;
  const std::string kml = dir.path("empty.kml");
  writeText(kml, R"(<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document></Document></kml>)");
  const Bounded control = runBounded("control " + quoted(kml) + " --at 2023-11-01T00:00Z");
  EXPECT_EQ(control.code, 2) << control.err;
  EXPECT_EQ(control.err.find("named ''"), std::string::npos) << control.err;
  const std::string scene = dir.path("scene.json");
  writeText(scene, R"({"sitmap_scene":1,"convoys":[{"gpx":"empty.kml"}]})");
  const Bounded render = runBounded("render " + quoted(scene) + " -o " + quoted(dir.path("o.png")) + " --size 64x64");
  EXPECT_EQ(render.code, 2) << "no crash: " << render.err;
  EXPECT_NE(render.err.find("empty.kml"), std::string::npos) << render.err;
}

TEST(CliMalformed, SceneValuesOfTheWrongTypeExitTwoNamingThePath) {
  TempDir dir;
  const std::pair<const char*, const char*> cases[] = {
      {R"({"sitmap_scene":1,"filter":{"regions":[{"name":5}]}})", "filter.regions[0].name: expected text"},
      {R"({"sitmap_scene":1,"nothing":1e400})", "not valid JSON"},
      {R"({"sitmap_scene":1,"window_days":1e300})", "window_days"},
  };
  for (const auto& [json, reason] : cases) {
    const std::string scene = dir.path("bad.json");
    writeText(scene, json);
    expectBadInput(runBounded("render " + quoted(scene) + " -o " + quoted(dir.path("o.png"))), scene, reason);
    expectBadInput(runBounded("frames " + quoted(scene) + " --from 2023-11-01 --to 2023-11-02 --step 1d -o " + quoted(dir.path("f"))),
                   scene, reason);
  }
}

TEST(CliMalformed, AMisspeltSceneKeyWarnsAndTheSceneStillRenders) {
  TempDir dir;
  const std::string scene = dir.path("typo.json");
  writeText(scene, R"({"sitmap_scene":1,"background":"#ffffff","layers":[{"path":")" + sourceDir() +
                       R"(/assets/basemap/northern-mali.gpkg","layer":"places","stlye":{"point_size":9}}]})");
  const Bounded r = runBounded("render " + quoted(scene) + " -o " + quoted(dir.path("o.png")) + " --size 64x64");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("layers[0].stlye: unknown key (did you mean \"style\"?)"), std::string::npos) << r.err;
}

TEST(CliMalformed, AWaypointRowWithoutAValidPositionIsRefused) {
  TempDir dir;
  const std::string waypoints = dir.path("w.csv");
  writeText(waypoints, "time_utc,place,latitude,longitude\n2023-10-31T07:00Z,Kidal,nan,nan\n2023-11-07T18:00Z,Gao,16.27,-0.04\n");
  const std::string route = dir.path("route.geojson");
  writeText(route, R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
      "geometry":{"type":"LineString","coordinates":[[1.41,18.44],[-0.04,16.27]]}}]})");
  const Bounded r = runBounded("track " + quoted(waypoints) + " --route " + quoted(route) + " --at 2023-11-01T00:00Z");
  expectBadInput(r, waypoints + ": row 2", "no valid position");
}

TEST(CliMalformed, FatalitiesBeyondRangeAreSkippedRowsNotZero) {
  TempDir dir;
  const std::string csv = dir.path("acled.csv");
  writeText(csv, "event_id_cnty,event_date,event_type,actor1,latitude,longitude,fatalities,civilian_targeting\n"
                 "A1,2023-11-01,Battles,X,18,1,1e300,\nA2,2023-11-01,Battles,X,18,1,2147483648,\n"
                 "A3,2023-11-01,Battles,NA,18,1,3,NA\nA4,2023-11-01,Battles,Y,18,1,NA,Civilian targeting\n");
  TempDir logs;
  const std::string out = logs.path("out");
  ASSERT_EQ(std::system((sitmapBinary() + " events " + quoted(csv) + " --count > " + out + " 2> " + logs.path("err")).c_str()), 0)
      << readText(logs.path("err"));
  EXPECT_EQ(readText(out), "events=2 fatalities=3\n");
  EXPECT_NE(readText(logs.path("err")).find("fatalities '1e300' is not a count"), std::string::npos) << readText(logs.path("err"));
  // "NA" is no actor and no civilian-targeting mark.
  ASSERT_EQ(std::system((sitmapBinary() + " events " + quoted(csv) + " --count --actor NA > " + out + " 2>/dev/null").c_str()), 0);
  EXPECT_EQ(readText(out), "events=0 fatalities=0\n");
  ASSERT_EQ(std::system((sitmapBinary() + " events " + quoted(csv) + " --count --civilian-targeting > " + out + " 2>/dev/null").c_str()), 0);
  EXPECT_EQ(readText(out), "events=1 fatalities=0\n");
}

TEST(CliMalformed, AFullDiskNeverPublishesATruncatedGeoJson) {
  TempDir dir;
  const std::string out = dir.path("out.geojson");
  // A file-size limit makes writes fail as a full disk would (SIGXFSZ ignored, so write(2) returns EFBIG).
  const Bounded r = runBounded("events " + quoted(sourceDir() + "/assets/data/events.csv") + " --geojson " + quoted(out),
                               "trap '' XFSZ; ulimit -f 4;");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find(out), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out)) << "no partial file under the final name";
  for (const auto& entry : std::filesystem::directory_iterator(dir.root()))
    ADD_FAILURE() << "left behind: " << entry.path();
}

TEST(CliMalformed, AHungServerTimesOutWithAMessageNamingIt) {
  const SilentServer server;
  const std::string url = "/vsicurl/http://127.0.0.1:" + std::to_string(server.port()) + "/cog.tif";
  TempDir dir;
  // GDAL_HTTP_TIMEOUT shortened for the test; sitmap's own default is 30 s.
  for (const std::string& command : {"info " + quoted(url), "render " + quoted(url) + " -o " + quoted(dir.path("o.png"))}) {
    const Bounded r = runBounded(command, "GDAL_HTTP_TIMEOUT=2 GDAL_HTTP_CONNECTTIMEOUT=2");
    EXPECT_EQ(r.code, 2) << command << ": " << r.err;
    EXPECT_NE(r.err.find("127.0.0.1:" + std::to_string(server.port())), std::string::npos) << r.err;
    EXPECT_LT(r.seconds, 15) << r.err;
  }
}

TEST(CliMalformed, AGpxWithEmptyLayersDrawsItsTrackAndSaysWhatWasSkipped) {
  TempDir dir;
  const std::string gpx = dir.path("walk.gpx");
  writeText(gpx, gpxWithSecondPoint("17.5"));
  const Bounded r = runBounded("render " + quoted(gpx) + " -o " + quoted(dir.path("o.png")) + " --size 64x64");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("skipped waypoints (empty)"), std::string::npos) << r.err;
  EXPECT_TRUE(std::filesystem::exists(dir.path("o.png")));
}
