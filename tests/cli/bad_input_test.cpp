// Malformed input through the command line: every case exits with its code and a message naming the file and
// the reason, within a time and memory bound (a hang or an unbounded read fails the test, not the machine).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

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

TEST(CliMalformed, AFullDiskNeverPublishesATruncatedFileFromAnyWriter) {
  const std::string events = quoted(sourceDir() + "/assets/data/events.csv");
  const std::string scene = quoted(sourceDir() + "/assets/scenes/default.json");
  // Each writer: its command (OUT is replaced by the output path) and the output's name.
  const std::vector<std::pair<std::string, std::string>> writers = {
      {"events " + events + " --geojson OUT", "out.geojson"},
      {"events " + events + " --csv OUT", "out.csv"},
      {"render " + scene + " --size 800x600 -o OUT", "out.png"},
      {"frames " + scene + " --from 2023-11-01T00:00Z --to 2023-11-01T12:00Z --step 6h --size 400x300 -o OUT", "frames"},
  };
  for (const auto& [command, name] : writers) {
    TempDir dir;
    const std::string out = dir.path(name);
    std::string line = command;
    line.replace(line.find("OUT"), 3, quoted(out));
    // A file-size limit makes writes fail as a full disk would (SIGXFSZ ignored, so write(2) returns EFBIG).
    const Bounded r = runBounded(line, "trap '' XFSZ; ulimit -f 4;");
    EXPECT_EQ(r.code, 2) << line << ": " << r.err;
    EXPECT_NE(r.err.find(out), std::string::npos) << r.err;
    if (name == "frames") {
      // The folder may exist; no frame in it is partial (each PNG is whole or absent).
      if (std::filesystem::exists(out))
        for (const auto& entry : std::filesystem::directory_iterator(out))
          ADD_FAILURE() << line << ": left behind: " << entry.path();
      continue;
    }
    EXPECT_FALSE(std::filesystem::exists(out)) << line << ": no partial file under the final name";
    for (const auto& entry : std::filesystem::directory_iterator(dir.root()))
      ADD_FAILURE() << line << ": left behind: " << entry.path();
  }
}

namespace {
bool hasTemporary(const std::string& folder) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
    if (entry.path().filename().string()[0] == '.') return true;
  return false;
}

// sitmap with `arguments`, killed with SIGKILL the moment a temporary file shows in `folder`: mid-write. True
// when it was killed so (false: it finished first).
bool killMidWrite(const std::vector<std::string>& arguments, const std::string& folder) {
  const std::string binary = sitmapBinary();
  const pid_t child = fork();
  if (child == 0) {
    std::vector<char*> argv{const_cast<char*>(binary.c_str())};
    for (const auto& a : arguments) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    freopen("/dev/null", "w", stdout);
    freopen("/dev/null", "w", stderr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  bool killed = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    if (hasTemporary(folder)) {
      kill(child, SIGKILL);
      killed = true;
      break;
    }
    if (waitpid(child, nullptr, WNOHANG) == child) return false;
  }
  if (!killed) kill(child, SIGKILL);
  waitpid(child, nullptr, 0);
  return killed;
}

bool isWholePng(const std::string& path) {
  const std::string bytes = readText(path);
  static const std::string iend("IEND\xae\x42\x60\x82", 8);
  return bytes.rfind("\x89PNG", 0) == 0 && bytes.size() > 8 && bytes.compare(bytes.size() - 8, 8, iend) == 0;
}
}  // namespace

TEST(CliMalformed, AKilledRenderOrExportLeavesThePreviousFileWholeAndItsTemporaryIsCleanedNextTime) {
  TempDir dir;
  // An export big enough to be killed half-way: 60,000 rows.
  const std::string csv = dir.path("many.csv");
  {
    const std::string text = readText(sourceDir() + "/assets/data/events.csv");
    const size_t headerEnd = text.find('\n') + 1, rowEnd = text.find('\n', headerEnd) + 1;
    std::string row = text.substr(headerEnd, rowEnd - headerEnd), out = text.substr(0, headerEnd);
    row.erase(0, row.find(','));  // a fresh id for each copy
    for (int i = 0; i < 60000; ++i) out += "T-" + std::to_string(i) + row;
    writeText(csv, out);
  }
  const std::string png = dir.path("map.png"), geojson = dir.path("events.geojson");
  writeText(png, "previous map");
  writeText(geojson, "previous export");
  const std::string scene = quoted(sourceDir() + "/assets/scenes/default.json");
  const std::string scenePath = sourceDir() + "/assets/scenes/default.json";
  EXPECT_TRUE(killMidWrite({"render", scenePath, "--size", "4000x3000", "--overwrite", "-o", png}, dir.root()));
  EXPECT_TRUE(killMidWrite({"events", csv, "--overwrite", "--geojson", geojson}, dir.root()));
  // The previous files are whole; the killed writers' temporaries are all that is left of them.
  EXPECT_EQ(readText(png), "previous map");
  EXPECT_EQ(readText(geojson), "previous export");
  EXPECT_TRUE(hasTemporary(dir.root()));
  // The next write into the folder removes the temporaries the killed writers left behind.
  ASSERT_EQ(run("events " + quoted(csv) + " --overwrite --geojson " + quoted(geojson)).code, 0);
  ASSERT_EQ(run("render " + scene + " --size 200x150 --overwrite -o " + quoted(png)).code, 0);
  EXPECT_TRUE(isWholePng(png));
  for (const auto& entry : std::filesystem::directory_iterator(dir.root()))
    EXPECT_NE(entry.path().filename().string()[0], '.') << "stale temporary: " << entry.path();
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

TEST(CliMalformed, AHungDatabaseTimesOutWithLibpqsReasonNamingHostAndPort) {
  const SilentServer server;  // accepts the connection, never answers libpq's start-up
  const std::string connection = "PG:host=127.0.0.1 port=" + std::to_string(server.port()) + " dbname=ops user=me password=s3cret";
  TempDir dir;
  // PGCONNECT_TIMEOUT shortened for the test; sitmap's own default is 10 s.
  for (const std::string& command : {"info " + quoted(connection), "events " + quoted(connection) + " --count"}) {
    const Bounded r = runBounded(command, "PGCONNECT_TIMEOUT=2");
    EXPECT_EQ(r.code, 2) << command << ": " << r.err;
    EXPECT_NE(r.err.find("port " + std::to_string(server.port()) + " failed: timeout expired"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("password=***: connection to server at \"127.0.0.1\""), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("s3cret"), std::string::npos) << r.err;
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
