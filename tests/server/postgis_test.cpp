// sitmap against a real PostgreSQL + PostGIS (started by tools/test-servers): PG: connection strings open as
// vector sources, give libpq's own reasons without ever showing a password, and incidents read from a table give
// the same counts and the same picture as from the CSV the table was loaded from.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <thread>

#include "app/panel_views.hpp"
#include "app/session_controller.hpp"
#include "core/civil_date.hpp"
#include "io/ogr_incidents.hpp"
#include "io/time_layers.hpp"
#include "io/png_file.hpp"
#include "io/scene_file.hpp"
#include "support/test_files.hpp"
#include "support/test_servers.hpp"

using namespace sitmap::test;

namespace {

const std::string kEvents = sourceDir() + "/assets/data/events.csv";

#define REQUIRE_POSTGIS(pg) \
  if (!(pg).unavailable.empty()) GTEST_SKIP() << "PostgreSQL: " << (pg).unavailable

// The bundled events as a PostGIS table of text columns plus a point geometry, as `ogr2ogr` or a team's loader
// would leave them. Each test loads its own table: tests run in parallel processes.
void loadEvents(const TestServer& pg, const std::string& table) {
  std::ifstream in(kEvents);
  std::string header;
  std::getline(in, header);
  if (!header.empty() && header.back() == '\r') header.pop_back();
  std::string columns;
  for (size_t start = 0; start <= header.size();) {
    const size_t comma = std::min(header.find(',', start), header.size());
    columns += (columns.empty() ? "" : ", ") + header.substr(start, comma - start) + " text";
    start = comma + 1;
  }
  std::string error;
  ASSERT_TRUE(runSql(pg, "DROP TABLE IF EXISTS " + table + ";\nCREATE TABLE " + table + " (" + columns + ");\n\\copy " +
                             table + " FROM '" + kEvents + "' CSV HEADER\nALTER TABLE " + table +
                             " ADD COLUMN geom geometry(Point, 4326);\nUPDATE " + table +
                             " SET geom = ST_SetSRID(ST_MakePoint(longitude::float8, latitude::float8), 4326);",
                     &error))
      << error;
}

// `sitmap ARGS` with the test database's password in the environment, as a team's scene expects it.
CommandRun withPassword(const TestServer& pg, const std::string& args) {
  return run(args, "PGPASSWORD='" + pg["password"] + "'");
}

// A controller over a scene of the test database, the password in the environment as a team's scene expects it.
sitmap::SessionController controllerFor(const TestServer& pg, const std::string& json) {
  setenv("PGPASSWORD", pg["password"].c_str(), 1);
  auto scene = sitmap::parseScene(json, "/");
  EXPECT_TRUE(scene) << scene.error();
  auto session = sitmap::MapSession::create(*scene);
  EXPECT_TRUE(session) << session.error();
  return sitmap::SessionController(std::move(*session), sitmap::ControllerOptions{"", 800, 450, {}});
}

// Ticks a controller as the viewer's frames do, until `done` holds or `seconds` pass; says whether it held.
class Ticker {
public:
  explicit Ticker(sitmap::SessionController& controller) : m_controller(controller) {}
  bool until(const std::function<bool()>& done, double seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (!done() && std::chrono::steady_clock::now() < deadline) {
      m_controller.tick(m_now += 0.01);
      m_controller.session().updateSelections(true);
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return done();
  }

private:
  sitmap::SessionController& m_controller;
  double m_now = 0;
};

}  // namespace

TEST(PostGis, IncidentCountsFromATableEqualThoseFromItsCsv) {
  const TestServer pg = postgresServer();
  REQUIRE_POSTGIS(pg);
  loadEvents(pg, "incidents_counts");
  const std::string table = quoted(postgresConnection(pg, "tables=incidents_counts"));
  const std::vector<std::string> filters = {"", "--admin1 Kidal", "--from 2023-10-01 --to 2023-11-30", "--type Battles", "--actor JNIM",
                             "--min-fatalities 1", "--admin2 Tessalit", "--inter 2", "--text Anefis", "--admin1 MENAKA",
                             "--type Protests", "--actor 'Wagner Group'", "--actor 'Military Forces of Mali'",
                             "--from 2023-11-01 --to 2023-11-30 --admin1 kidal --min-fatalities 1", "--region-layer " +
                             quoted(sourceDir() + "/assets/basemap/northern-mali.gpkg") + " --region Gao"};
  for (const std::string& filter : filters) {
    const CommandRun fromCsv = run("events " + quoted(kEvents) + " --count " + filter);
    const CommandRun fromPg = withPassword(pg, "events " + table + " --count " + filter);
    ASSERT_EQ(fromCsv.code, 0) << fromCsv.err;
    ASSERT_EQ(fromPg.code, 0) << fromPg.err;
    EXPECT_EQ(fromPg.out, fromCsv.out) << "filter: " << filter;
  }
}

TEST(PostGis, ASceneWithAPostgisIncidentLayerDrawsTheSameMapAsFromCsv) {
  const TestServer pg = postgresServer();
  REQUIRE_POSTGIS(pg);
  loadEvents(pg, "incidents_render");
  TempDir dir;
  auto scene = [&](const std::string& layer) {
    return R"({"sitmap_scene": 1, "background": "#ffffff", "clock": "2023-11-04T12:00Z", "window_days": 60,
               "layers": [)" + layer + "]}";
  };
  writeText(dir.path("csv.json"), scene(R"({"path": ")" + kEvents + R"(", "kind": "incidents"})"));
  // No password in the scene: it comes from the environment.
  writeText(dir.path("pg.json"), scene(R"({"path": ")" + postgresConnection(pg) + R"(", "layer": "incidents_render", "kind": "incidents"})"));
  // Both scenes rendered with `options`: the CSV's image, then the database's.
  auto renderBoth = [&](const std::string& options, const std::string& stem) {
    const CommandRun a = run("render " + quoted(dir.path("csv.json")) + options + " -o " + quoted(dir.path(stem + "-csv.png")));
    const CommandRun b = withPassword(pg, "render " + quoted(dir.path("pg.json")) + options + " -o " + quoted(dir.path(stem + "-pg.png")));
    EXPECT_EQ(a.code, 0) << a.err;
    EXPECT_EQ(b.code, 0) << b.err;
    return std::pair{sitmap::readPngFile(dir.path(stem + "-csv.png")), sitmap::readPngFile(dir.path(stem + "-pg.png"))};
  };
  auto [fromCsv, fromPg] = renderBoth(" --size 480x320 --bbox -6,14,5,21 --no-furniture", "whole");
  ASSERT_TRUE(fromCsv && fromPg);
  EXPECT_LT(compareImages(*fromPg, *fromCsv, 8).differingFraction, 0.0005);
  // And something was drawn at all: not two empty maps.
  sitmap::RgbaImage white(480, 320);
  std::fill(white.pixels.begin(), white.pixels.end(), uint8_t(255));
  EXPECT_GT(compareImages(*fromCsv, white, 8).differingFraction, 0.0005);
  // Filtered, the database sends only what may pass, and the map, legend and caption are still the CSV's.
  auto [battlesFromCsv, battlesFromPg] = renderBoth(" --type Battles --from 2023-10-01 --size 480x320 --bbox -6,14,5,21", "battles");
  ASSERT_TRUE(battlesFromCsv && battlesFromPg);
  EXPECT_LT(compareImages(*battlesFromPg, *battlesFromCsv, 8).differingFraction, 0.0005);
  EXPECT_GT(compareImages(*battlesFromPg, *fromPg, 8).differingFraction, 0.0005) << "the filter changed the map";
}

TEST(PostGis, TheFilterGoesToSqlAndTheEventsThatPassAreThoseOfAWholeRead) {
  const TestServer pg = postgresServer();
  REQUIRE_POSTGIS(pg);
  loadEvents(pg, "incidents_pushdown");
  setenv("PGPASSWORD", pg["password"].c_str(), 1);
  const std::string connection = postgresConnection(pg);
  auto read = [&](const std::optional<sitmap::EventFilter>& prefilter) {
    auto import = sitmap::readIncidentsFromOgr(connection, "incidents_pushdown", {}, {}, sitmap::IncidentQuery{prefilter, {}, {}});
    EXPECT_TRUE(import) << (import ? "" : import.error());
    return import;
  };
  auto whole = read(std::nullopt);
  ASSERT_TRUE(whole);
  ASSERT_EQ(whole->rowsRead, 57u);
  sitmap::EventFilter month;
  month.fromDay = sitmap::daysFromCivil(2023, 11, 1), month.toDay = sitmap::daysFromCivil(2023, 11, 30);
  sitmap::EventFilter several = month;
  several.admin1 = {"KIDAL"}, several.eventTypes = {"Battles", "Explosions/Remote violence"}, several.actors = {"JNIM"};
  for (const sitmap::EventFilter& filter : {month, several}) {
    auto narrowed = read(filter);
    ASSERT_TRUE(narrowed);
    EXPECT_LT(narrowed->rowsRead, 20u) << "only the month's rows travel: " << narrowed->databaseFilter;
    EXPECT_NE(narrowed->databaseFilter.find("event_date"), std::string::npos);
    auto ids = [&](const sitmap::EventTable& table) {
      sitmap::EventFilterEngine engine(table);
      std::vector<std::string> out;
      for (uint32_t i : engine.apply(filter)) out.emplace_back(table.id[i]);
      return out;
    };
    EXPECT_EQ(ids(narrowed->table), ids(whole->table));
    EXPECT_FALSE(ids(narrowed->table).empty());
  }
}

TEST(PostGis, ConnectionFailuresSayLibpqsReasonAndNeverThePassword) {
  const TestServer pg = postgresServer();
  REQUIRE_POSTGIS(pg);
  const CommandRun badPassword = run("info " + quoted(postgresConnection(pg, "password=not-the-s3cret")));
  EXPECT_EQ(badPassword.code, 2);
  EXPECT_NE(badPassword.err.find("password authentication failed for user \"sitmap\""), std::string::npos) << badPassword.err;
  EXPECT_NE(badPassword.err.find("port " + pg["port"]), std::string::npos) << "names host and port: " << badPassword.err;
  EXPECT_EQ(badPassword.err.find("not-the-s3cret"), std::string::npos) << badPassword.err;
  EXPECT_NE(badPassword.err.find("password=***"), std::string::npos) << badPassword.err;

  TestServer nowhere = pg;
  nowhere.info["port"] = "1";
  const CommandRun refused = run("info " + quoted(postgresConnection(nowhere)));
  EXPECT_EQ(refused.code, 2);
  EXPECT_NE(refused.err.find("Connection refused"), std::string::npos) << refused.err;

  TestServer noDatabase = pg;
  noDatabase.info["dbname"] = "no_such_db";
  const CommandRun missing = withPassword(pg, "info " + quoted(postgresConnection(noDatabase)));
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("database \"no_such_db\" does not exist"), std::string::npos) << missing.err;
}

TEST(PostGis, InfoListsTheVectorTablesOfADatabaseWithoutRasters) {
  const TestServer pg = postgresServer();
  REQUIRE_POSTGIS(pg);
  loadEvents(pg, "incidents_info");
  const CommandRun info = run("info " + quoted(postgresConnection(pg, "password=" + pg["password"])));
  ASSERT_EQ(info.code, 0) << info.err;
  EXPECT_NE(info.out.find("layer 'incidents_info': Point, 57 feature(s)"), std::string::npos) << info.out;
  EXPECT_EQ(info.out.find(pg["password"]), std::string::npos) << "the header line masks it: " << info.out;
}

TEST(PostGis, ANotifyAfterAnInsertShowsTheNewRowsWithinASecond) {
  const TestServer pg = postgresServer();
  REQUIRE_POSTGIS(pg);
  loadEvents(pg, "incidents_live");
  // The trigger docs/team.md gives: one NOTIFY per changing statement.
  std::string error;
  ASSERT_TRUE(runSql(pg, R"(CREATE OR REPLACE FUNCTION sitmap_notify_live() RETURNS trigger AS $$
    BEGIN PERFORM pg_notify('sitmap_live', TG_TABLE_NAME); RETURN NULL; END $$ LANGUAGE plpgsql;
    CREATE TRIGGER incidents_live_changed AFTER INSERT OR UPDATE OR DELETE ON incidents_live
      FOR EACH STATEMENT EXECUTE FUNCTION sitmap_notify_live();)", &error)) << error;
  sitmap::SessionController c = controllerFor(pg, R"({"sitmap_scene": 1, "layers": [{"path": ")" + postgresConnection(pg) +
                                      R"(", "layer": "incidents_live", "kind": "incidents", "listen": "sitmap_live"}]})");
  Ticker ticker(c);
  ASSERT_TRUE(ticker.until([&] { return c.session().matchingEvents() == 57; }, 10)) << c.session().matchingEvents();
  ticker.until([] { return false; }, 0.3);  // the listener is up
  ASSERT_TRUE(runSql(pg, "INSERT INTO incidents_live (event_id_cnty, event_date, event_type, latitude, longitude, fatalities, geom) "
                         "VALUES ('LIVE-1', '2023-11-05', 'Battles', '18.4', '1.4', '2', ST_SetSRID(ST_MakePoint(1.4, 18.4), 4326));",
                     &error)) << error;
  const auto inserted = std::chrono::steady_clock::now();
  EXPECT_TRUE(ticker.until([&] { return c.session().matchingEvents() == 58; }, 1.0)) << "within a second of the insert";
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - inserted).count(), 1.0);
  EXPECT_EQ(c.session().matchingFatalities(), 118 + 2);
  bool saysWhenRead = false;
  for (const sitmap::LayerRow& row : sitmap::PanelViews().layerRows(c)) saysWhenRead |= row.details.find("on NOTIFY sitmap_live") != std::string::npos;
  EXPECT_TRUE(saysWhenRead);
}

TEST(PostGis, ALayerReadByNewRowsFetchesOnlyTheInsertedAndUpdatedRowsOnNotify) {
  const TestServer pg = postgresServer();
  REQUIRE_POSTGIS(pg);
  loadEvents(pg, "incidents_incremental");
  std::string error;
  ASSERT_TRUE(runSql(pg, R"(ALTER TABLE incidents_incremental ADD COLUMN seq bigserial;
    CREATE OR REPLACE FUNCTION sitmap_notify_incremental() RETURNS trigger AS $$
    BEGIN PERFORM pg_notify('sitmap_incremental', TG_TABLE_NAME); RETURN NULL; END $$ LANGUAGE plpgsql;
    CREATE TRIGGER incidents_incremental_changed AFTER INSERT OR UPDATE OR DELETE ON incidents_incremental
      FOR EACH STATEMENT EXECUTE FUNCTION sitmap_notify_incremental();)", &error)) << error;
  sitmap::SessionController c = controllerFor(pg, R"({"sitmap_scene": 1, "layers": [{"path": ")" + postgresConnection(pg) +
                                      R"(", "layer": "incidents_incremental", "kind": "incidents", "listen": "sitmap_incremental",
                                      "incremental_column": "seq"}]})");
  Ticker ticker(c);
  auto details = [&] { return sitmap::PanelViews().layerRows(c).at(0).details; };
  ASSERT_TRUE(ticker.until([&] { return c.session().matchingEvents() == 57; }, 10)) << c.session().matchingEvents();
  ticker.until([] { return false; }, 0.3);  // the listener is up
  ASSERT_TRUE(runSql(pg, "INSERT INTO incidents_incremental (event_id_cnty, event_date, event_type, latitude, longitude, fatalities, geom) "
                         "VALUES ('LIVE-2', '2023-11-05', 'Battles', '18.4', '1.4', '2', ST_SetSRID(ST_MakePoint(1.4, 18.4), 4326));",
                     &error)) << error;
  EXPECT_TRUE(ticker.until([&] { return c.session().matchingEvents() == 58; }, 1.0)) << "within a second of the insert";
  EXPECT_NE(details().find("last read 1 row (new by seq)"), std::string::npos) << details();
  EXPECT_EQ(c.session().matchingFatalities(), 118 + 2);
  // An edit bumps the row's seq: the row is read again and replaces its event, which is not counted twice.
  ASSERT_TRUE(runSql(pg, "UPDATE incidents_incremental SET fatalities = '7', seq = nextval(pg_get_serial_sequence('incidents_incremental', 'seq')) "
                         "WHERE event_id_cnty = 'LIVE-2';", &error)) << error;
  EXPECT_TRUE(ticker.until([&] { return c.session().matchingFatalities() == 118 + 7; }, 1.0)) << c.session().matchingFatalities();
  EXPECT_EQ(c.session().matchingEvents(), 58u);
  EXPECT_NE(details().find("last read 1 row"), std::string::npos) << details();
}

TEST(PostGis, AVrtOverADatabaseThatIsDownSaysWhyAndOneThatIsUpReadsAsTheTable) {
  const TestServer pg = postgresServer();
  REQUIRE_POSTGIS(pg);
  loadEvents(pg, "incidents_vrt");
  TempDir dir;
  auto vrt = [&](const std::string& connection) {
    return "<OGRVRTDataSource><OGRVRTLayer name=\"incidents\"><SrcDataSource>" + connection +
           "</SrcDataSource><SrcLayer>incidents_vrt</SrcLayer></OGRVRTLayer></OGRVRTDataSource>";
  };
  TestServer down = pg;
  down.info["port"] = "1";
  writeText(dir.path("down.vrt"), vrt(postgresConnection(down, "password=s3cret-in-vrt")));
  writeText(dir.path("up.vrt"), vrt(postgresConnection(pg, "password=" + pg["password"])));
  for (const char* command : {"events ", "info ", "render "}) {
    SCOPED_TRACE(command);
    const std::string output = std::string(command) == "render " ? " -o " + quoted(dir.path("down.png")) : std::string(command) == "events " ? " --count" : "";
    const CommandRun r = run(std::string(command) + quoted(dir.path("down.vrt")) + output);
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("Connection refused"), std::string::npos) << "the reason, not 'no features': " << r.err;
    EXPECT_EQ(r.err.find("s3cret-in-vrt"), std::string::npos) << r.err;
  }
  const CommandRun up = run("events " + quoted(dir.path("up.vrt")) + " --count");
  EXPECT_EQ(up.code, 0) << up.err;
  EXPECT_EQ(up.out, "events=57 fatalities=118\n");
}

TEST(PostGis, AViewerLayerFilteredInTheDatabaseReadsWhatTheFilterKeepsAndReadsMoreOnlyWhenItWidens) {
  const TestServer pg = postgresServer();
  REQUIRE_POSTGIS(pg);
  loadEvents(pg, "incidents_viewer_filter");
  sitmap::SessionController c = controllerFor(pg, R"({"sitmap_scene": 1, "filter": {"from": "2023-11-01", "to": "2023-11-30"},
      "layers": [{"path": ")" + postgresConnection(pg) + R"(", "layer": "incidents_viewer_filter", "kind": "incidents",
                  "filter_in_database": true}]})");
  Ticker ticker(c);
  auto layer = [&]() -> const sitmap::EventLayerData* { return c.session().layers().at(0).events(); };
  auto reading = [&] {
    sitmap::PanelViews views;
    return views.incidentsView(c.session(), sitmap::MapTool::Navigate, std::nullopt).readingFromDatabase;
  };
  // The month's events as the CSV gives them, from a read of the month's rows only.
  const CommandRun month = run("events " + quoted(kEvents) + " --count --from 2023-11-01 --to 2023-11-30");
  ASSERT_TRUE(ticker.until([&] { return layer() != nullptr; }, 10));
  ticker.until([] { return false; }, 0.05);
  EXPECT_EQ("events=" + std::to_string(c.session().matchingEvents()) + " fatalities=" + std::to_string(c.session().matchingFatalities()) + "\n", month.out);
  EXPECT_LT(layer()->rowsLastRead, 20u);
  EXPECT_FALSE(reading());
  // Narrower (Kidal only): no read, the rows are all there.
  const sitmap::EventLayerData* before = layer();
  sitmap::EventFilter kidal = c.session().eventFilter();
  kidal.admin1 = {"Kidal"};
  c.apply(sitmap::SetEventFilter{kidal});
  EXPECT_FALSE(reading());
  ticker.until([] { return false; }, 0.6);
  EXPECT_EQ(layer(), before) << "a narrower filter reads nothing";
  // Wider (no dates): the panel says the count is waiting, then all 57 come.
  c.apply(sitmap::SetEventFilter{sitmap::EventFilter{}});
  EXPECT_TRUE(reading()) << "the Filters panel says more is being read";
  EXPECT_TRUE(c.busy()) << "an idle viewer keeps ticking until the read is in";
  EXPECT_TRUE(ticker.until([&] { return c.session().matchingEvents() == 57; }, 3)) << c.session().matchingEvents();
  EXPECT_FALSE(reading());
  EXPECT_TRUE(ticker.until([&] { return !c.busy(); }, 1));
  EXPECT_EQ(c.session().matchingFatalities(), 118);
}

TEST(PostGis, ControlAssessmentsAndConvoyTracksReadFromTablesAsTeamsKeepThem) {
  const TestServer pg = postgresServer();
  REQUIRE_POSTGIS(pg);
  std::string error;
  // docs/team.md's schema: control with a timestamptz (one table) or text times (the other), and a track whose
  // vertices carry UTC seconds as M values.
  ASSERT_TRUE(runSql(pg, R"(DROP TABLE IF EXISTS control_typed, control_text, tracks_m;
    CREATE TABLE control_typed (name text, actor text, status text, valid_from timestamptz, valid_to timestamptz,
                                confidence text, source text, geom geometry(Point, 4326));
    INSERT INTO control_typed VALUES
      ('Kidal', 'CSP-PSD', 'control', '2023-06-01 00:00Z', '2023-11-14 12:00Z', 'high', 'test', ST_SetSRID(ST_MakePoint(1.41, 18.44), 4326)),
      ('Kidal', 'FAMa', 'control', '2023-11-14 12:00Z', NULL, 'high', 'test', ST_SetSRID(ST_MakePoint(1.41, 18.44), 4326));
    CREATE TABLE control_text AS SELECT name, actor, status, to_char(valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') AS valid_from,
      to_char(valid_to AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') AS valid_to, confidence, source, geom FROM control_typed;
    CREATE TABLE tracks_m (name text, geom geometry(LineStringM, 4326));
    INSERT INTO tracks_m VALUES ('Kidal - Gao', ST_SetSRID(ST_GeomFromText(
      'LINESTRING M (1.41 18.44 1698735600, 1.0 17.6 1698908400, 0.0 16.27 1699380000)'), 4326));)", &error)) << error;
  setenv("PGPASSWORD", pg["password"].c_str(), 1);
  for (const char* table : {"control_typed", "control_text"}) {
    SCOPED_TRACE(table);
    auto control = sitmap::loadControl(postgresConnection(pg, std::string("tables=") + table), "", {});
    ASSERT_TRUE(control) << control.error();
    ASSERT_EQ(control->features.size(), 2u);
    EXPECT_TRUE(control->problems.empty()) << control->problems.front();
    EXPECT_EQ(control->features[1].actor, "FAMa");
    EXPECT_EQ(sitmap::formatUtc(control->features[1].validFrom), "2023-11-14 12:00Z");
  }
  sitmap::ConvoySpec convoy;
  convoy.name = "Kidal - Gao";
  convoy.gpxPath = postgresConnection(pg, "tables=tracks_m");
  auto track = sitmap::loadConvoy(convoy);
  ASSERT_TRUE(track) << track.error();
  const auto midway = sitmap::parseUtc("2023-11-02 07:00Z");
  ASSERT_TRUE(midway);
  const sitmap::LonLat at = track->at(*midway).position;
  EXPECT_NEAR(at.lon, 1.0, 1e-6) << "the second vertex's time puts the convoy on it";
  EXPECT_NEAR(at.lat, 17.6, 1e-6);
}
