// The incident filter sent to a database as SQL (here GeoPackage's SQLite; PostgreSQL in tests/server): the
// events that pass after a narrowed read are exactly those that pass after a whole read, for every criterion,
// including the matching rules a naive WHERE would get wrong (accents and case, ACLED's category names, an
// actor's leading name, associated-actor lists, "NA", text fatalities), and the read is smaller.
#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <map>
#include <set>

#include "core/civil_date.hpp"
#include "io/gdal_session.hpp"
#include "io/ogr_incidents.hpp"
#include "support/test_files.hpp"

using namespace sitmap;
using sitmap::test::TempDir;

namespace {

// Ids of the events that pass `filter` after reading `path` with `query`.
std::set<std::string> passingIds(const std::string& path, const EventFilter& filter, const IncidentQuery& query, size_t* rowsRead = nullptr) {
  auto import = readIncidentsFromOgr(path, "", {}, {}, query);
  EXPECT_TRUE(import) << (import ? "" : import.error());
  if (!import) return {};
  if (rowsRead) *rowsRead = import->rowsRead;
  EventFilterEngine engine(import->table);
  std::set<std::string> ids;
  for (uint32_t i : engine.apply(filter)) ids.emplace(import->table.id[i]);
  return ids;
}

struct Row {
  const char *id, *date, *type, *admin1, *actor1, *actor2, *assoc1, *fatalities;
  double lon, lat;
};

// A GeoPackage of text columns holding the spellings that trip a plain SQL comparison.
void writeAwkwardGeoPackage(const std::string& path) {
  ensureGdal();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  GDALDatasetUniquePtr dataset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  ASSERT_TRUE(dataset);
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  OGRLayer* layer = dataset->CreateLayer("incidents", &wgs84, wkbPoint, nullptr);
  ASSERT_NE(layer, nullptr);
  const char* names[] = {"event_id_cnty", "event_date", "event_type", "admin1", "actor1", "actor2", "assoc_actor_1", "fatalities"};
  for (const char* name : names) {
    OGRFieldDefn field(name, OFTString);
    ASSERT_EQ(layer->CreateField(&field), OGRERR_NONE);
  }
  OGRFieldDefn sequence("seq", OFTInteger);  // grows with each insert, for incremental reads
  ASSERT_EQ(layer->CreateField(&sequence), OGRERR_NONE);
  int seq = 0;
  const Row rows[] = {
      {"A1", "2023-11-04", "Battles", "Kidal", "JNIM: Group for Support of Islam and Muslims", "", "", "3", 1.4, 18.4},
      {"A2", "04 November 2023", "Battle-No change of territory", "Ménaka", "Military Forces of Mali (2021-)", "NA", "Wagner Group; Dozo", "2 killed", 2.4, 15.9},
      {"A3", "2023-10-01", " Explosions/Remote violence ", "  kidal ", "Unidentified Armed Group (Mali)", "Civilians (Mali)", "", "0", 1.2, 18.1},
      {"A4", "1-Nov-23", "Riots/Protests", "GAO", "Protesters (Mali)", "", "NA", "x", 0.0, 16.3},
      {"A5", "someday", "Battles", "Kidal", "JNIM", "", "", "1", 1.3, 18.3},
      {"A6", "2023-12-31", "Violence against civilians", "Tombouctou", "MINUSMA", "JNIM: Group for Support of Islam and Muslims", "", "12", -3.0, 16.8},
      {"A7", "2023-11-30", "Strategic developments", "Menaka", "Military Forces of Mali", "", "Dozo;Wagner Group", "1e2", 2.2, 15.8},
  };
  for (const Row& r : rows) {
    OGRFeature feature(layer->GetLayerDefn());
    const char* values[] = {r.id, r.date, r.type, r.admin1, r.actor1, r.actor2, r.assoc1, r.fatalities};
    for (int i = 0; i < 8; ++i) feature.SetField(i, values[i]);
    feature.SetField(8, ++seq);
    OGRPoint point(r.lon, r.lat);
    feature.SetGeometry(&point);
    ASSERT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
  }
}

std::vector<std::pair<std::string, EventFilter>> filters() {
  std::vector<std::pair<std::string, EventFilter>> all;
  auto add = [&](const std::string& name, auto set) {
    EventFilter f;
    set(f);
    all.emplace_back(name, f);
  };
  add("November", [](EventFilter& f) { f.fromDay = daysFromCivil(2023, 11, 1), f.toDay = daysFromCivil(2023, 11, 30); });
  add("up to 4 Nov", [](EventFilter& f) { f.toDay = daysFromCivil(2023, 11, 4); });
  add("from 5 Nov", [](EventFilter& f) { f.fromDay = daysFromCivil(2023, 11, 5); });
  add("admin1 menaka", [](EventFilter& f) { f.admin1 = {"menaka"}; });
  add("admin1 KIDAL, Gao", [](EventFilter& f) { f.admin1 = {"KIDAL", "Gao"}; });
  add("type Battles (category)", [](EventFilter& f) { f.eventTypes = {"Battles"}; });
  add("type Protests (old Riots/Protests)", [](EventFilter& f) { f.eventTypes = {"Protests"}; });
  add("type Explosions", [](EventFilter& f) { f.eventTypes = {"explosions/remote violence"}; });
  add("actor JNIM (leading name)", [](EventFilter& f) { f.actors = {"JNIM"}; });
  add("actor Military Forces of Mali", [](EventFilter& f) { f.actors = {"Military Forces of Mali"}; });
  add("actor Wagner (associated)", [](EventFilter& f) { f.actors = {"Wagner Group"}; });
  add("actor NA (nobody)", [](EventFilter& f) { f.actors = {"NA"}; });
  add("at least 2 fatalities", [](EventFilter& f) { f.minFatalities = 2; });
  add("nothing matches", [](EventFilter& f) { f.admin1 = {"Bamako"}; });
  add("Kidal box", [](EventFilter& f) { f.regions = {{"box", {{{1.0, 18.0}, {1.5, 18.0}, {1.5, 18.5}, {1.0, 18.5}}}}}; });
  add("everything at once", [](EventFilter& f) {
    f.fromDay = daysFromCivil(2023, 10, 1), f.admin1 = {"kidal"}, f.eventTypes = {"Battles", "Explosions/Remote violence"};
    f.minFatalities = 1;
  });
  return all;
}

void expectNarrowedReadsAgree(const std::string& path, size_t wholeRows) {
  for (const auto& [name, filter] : filters()) {
    SCOPED_TRACE(name);
    size_t narrowedRows = 0;
    const auto whole = passingIds(path, filter, {});
    const auto narrowed = passingIds(path, filter, IncidentQuery{filter, {}, {}}, &narrowedRows);
    EXPECT_EQ(narrowed, whole);
    EXPECT_LE(narrowedRows, wholeRows);
  }
}

}  // namespace

TEST(IncidentSql, AwkwardSpellingsPassTheSameAfterANarrowedRead) {
  TempDir dir;
  writeAwkwardGeoPackage(dir.path("awkward.gpkg"));
  expectNarrowedReadsAgree(dir.path("awkward.gpkg"), 7);
  // And the database did narrow: Ménaka's two spellings and nothing else came back.
  EventFilter menaka;
  menaka.admin1 = {"menaka"};
  auto import = readIncidentsFromOgr(dir.path("awkward.gpkg"), "", {}, {}, IncidentQuery{menaka, {}, {}});
  ASSERT_TRUE(import) << import.error();
  EXPECT_EQ(import->rowsRead, 2u);
  EXPECT_NE(import->databaseFilter.find("admin1"), std::string::npos) << import->databaseFilter;
  EXPECT_NE(import->summary().find("filtered in the database"), std::string::npos);
  EventFilter bamako;
  bamako.admin1 = {"Bamako"};
  auto none = readIncidentsFromOgr(dir.path("awkward.gpkg"), "", {}, {}, IncidentQuery{bamako, {}, {}});
  ASSERT_TRUE(none) << "a filter that keeps nothing is an empty read, not a broken layer";
  EXPECT_EQ(none->table.size(), 0u);
}

TEST(IncidentSql, TypedAndTextGeoPackagesOfTheBundledEventsAgreeWithTheirWholeReads) {
  TempDir dir;
  const std::string csv = sitmap::test::sourceDir() + "/assets/data/events.csv";
  for (bool typed : {true, false}) {
    SCOPED_TRACE(typed ? "typed columns" : "text columns");
    const std::string gpkg = dir.path(typed ? "typed.gpkg" : "text.gpkg");
    sitmap::test::writeCsvAsGeoPackage(csv, gpkg, "incidents", typed);
    expectNarrowedReadsAgree(gpkg, 57);
    EventFilter november;
    november.fromDay = daysFromCivil(2023, 11, 1), november.toDay = daysFromCivil(2023, 11, 30);
    size_t rows = 0;
    passingIds(gpkg, november, IncidentQuery{november, {}, {}}, &rows);
    EXPECT_LT(rows, 57u) << "the month's rows only (typed dates are compared with a day's margin)";
  }
}

TEST(IncidentSql, AnIncrementalReadTakesOnlyTheRowsAboveTheNewestSeen) {
  TempDir dir;
  const std::string path = dir.path("awkward.gpkg");
  writeAwkwardGeoPackage(path);
  auto first = readIncidentsFromOgr(path, "", {}, {}, IncidentQuery{std::nullopt, "seq", ""});
  ASSERT_TRUE(first) << first.error();
  EXPECT_EQ(first->rowsRead, 7u);
  EXPECT_EQ(first->newest, "7");
  {
    GDALDatasetUniquePtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    ASSERT_TRUE(dataset);
    OGRLayer* layer = dataset->GetLayer(0);
    OGRFeature feature(layer->GetLayerDefn());
    feature.SetField("event_id_cnty", "A8");
    feature.SetField("event_date", "2023-11-05");
    feature.SetField("event_type", "Battles");
    feature.SetField("seq", 8);
    OGRPoint point(1.0, 18.0);
    feature.SetGeometry(&point);
    ASSERT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
  }
  auto next = readIncidentsFromOgr(path, "", {}, {}, IncidentQuery{std::nullopt, "seq", first->newest});
  ASSERT_TRUE(next) << next.error();
  ASSERT_EQ(next->rowsRead, 1u);
  EXPECT_EQ(next->table.id[0], "A8");
  EXPECT_EQ(next->newest, "8");
  auto nothingNew = readIncidentsFromOgr(path, "", {}, {}, IncidentQuery{std::nullopt, "seq", "8"});
  ASSERT_TRUE(nothingNew) << "nothing new is an empty read: " << nothingNew.error();
  EXPECT_EQ(nothingNew->table.size(), 0u);
  EXPECT_EQ(nothingNew->newest, "8");
  // With a filter too (a render of a scene whose layer reads by new rows): both narrow the read.
  EventFilter menaka;
  menaka.admin1 = {"menaka"};
  auto filtered = readIncidentsFromOgr(path, "", {}, {}, IncidentQuery{menaka, "seq", "1"});
  ASSERT_TRUE(filtered) << filtered.error();
  EXPECT_EQ(filtered->rowsRead, 2u) << "Ménaka's two rows above seq 1: " << filtered->databaseFilter;
  auto noSuchColumn = readIncidentsFromOgr(path, "", {}, {}, IncidentQuery{std::nullopt, "updated_at", ""});
  ASSERT_FALSE(noSuchColumn);
  EXPECT_NE(noSuchColumn.error().find("no field 'updated_at'"), std::string::npos) << noSuchColumn.error();
}
