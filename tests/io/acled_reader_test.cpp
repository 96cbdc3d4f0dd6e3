// ACLED import: the three layouts, every date spelling, BOM, quoting, monadic merges and bad rows.
#include "io/acled_reader.hpp"
#include "io/ogr_incidents.hpp"

#include <gdal_utils.h>
#include <gtest/gtest.h>

#include "core/civil_date.hpp"
#include "core/event_filter.hpp"
#include "io/acled_fields.hpp"
#include "io/gdal_session.hpp"
#include "support/test_files.hpp"

using namespace sitmap;

namespace {

const std::string kCurrentHeader =
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,"
    "actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,"
    "latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n";

std::string currentRow(const std::string& id, const std::string& date, const std::string& actor1,
                       const std::string& lat = "18.44111", const std::string& lon = "1.40778",
                       const std::string& notes = "Quiet day") {
  return id + "," + date + ",2023,1,Political violence,Battles,Armed clash," + actor1 +
         ",,1,CSP-PSD,,2,12,,466,Western Africa,Mali,Kidal,Kidal,,Kidal," + lat + "," + lon +
         ",1,RFI,International,\"" + notes + "\",3,,1700000000\n";
}

}  // namespace

TEST(AcledReader, CurrentLayout) {
  auto import = parseAcledCsv(kCurrentHeader + currentRow("MLI1", "2023-11-01", "JNIM") +
                                  currentRow("MLI2", "2023-11-02", "Military Forces of Mali (2021-)"),
                              "t.csv");
  ASSERT_TRUE(import) << import.error();
  const EventTable& t = import->table;
  EXPECT_EQ(t.layout, AcledLayout::Current);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t.id[1], "MLI2");
  EXPECT_EQ(t.day[0], daysFromCivil(2023, 11, 1));
  EXPECT_EQ(t.actorNames.value(t.actor1[0]), "JNIM");
  EXPECT_EQ(t.actorNames.value(t.actor2[0]), "CSP-PSD");
  EXPECT_EQ(t.admin1Names.value(t.admin1[0]), "Kidal");
  EXPECT_DOUBLE_EQ(t.lat[0], 18.44111);
  EXPECT_EQ(t.fatalities[0], 3);
  EXPECT_EQ(t.inter1[0], 1);
  EXPECT_EQ(t.interaction[0], 12);
  EXPECT_EQ(t.timePrecision[0], 1);
  EXPECT_EQ(t.header.size(), 31u);
  EXPECT_EQ(import->rowsSkipped, 0u);
}

TEST(AcledReader, Layout2019To2023InAnyColumnOrder) {
  const std::string csv =
      "data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,"
      "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,location,"
      "latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3\n"
      "1,466,MLI9,9,07 November 2023,2023,1,Battles,Armed clash,A,,1,B,,2,12,Western Africa,Mali,Gao,Gao,,Gao,"
      "16.27167,-0.04472,1,X,National,n,0,1,MLI\n";
  auto import = parseAcledCsv(csv, "t.csv");
  ASSERT_TRUE(import) << import.error();
  EXPECT_EQ(import->table.layout, AcledLayout::Legacy2019To2023);
  ASSERT_EQ(import->table.size(), 1u);
  EXPECT_EQ(import->table.day[0], daysFromCivil(2023, 11, 7));
  EXPECT_DOUBLE_EQ(import->table.lon[0], -0.04472);
}

TEST(AcledReader, Pre2019Taxonomy) {
  const std::string csv =
      "GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR,TIME_PRECISION,EVENT_TYPE,ACTOR1,ALLY_ACTOR_1,INTER1,ACTOR2,"
      "ALLY_ACTOR_2,INTER2,INTERACTION,COUNTRY,ADMIN1,ADMIN2,ADMIN3,LOCATION,LATITUDE,LONGITUDE,GEO_PRECISION,SOURCE,"
      "NOTES,FATALITIES\n"
      "432,1MLI,1,17-Jan-12,2012,1,Battle-No change of territory,MNLA,,2,Military Forces of Mali,,1,12,Mali,Gao,"
      "Menaka,,Menaka,15.9182,2.4022,1,AFP,Attack,5\n"
      "432,2MLI,2,18/01/2012,2012,1,Remote violence,Unidentified,,3,,,0,30,Mali,Gao,,,Gao,16.27,-0.04,1,AFP,Mine,0\n";
  auto import = parseAcledCsv(csv, "old.csv");
  ASSERT_TRUE(import) << import.error();
  const EventTable& t = import->table;
  EXPECT_EQ(t.layout, AcledLayout::Pre2019);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t.day[0], daysFromCivil(2012, 1, 17));
  EXPECT_EQ(t.day[1], daysFromCivil(2012, 1, 18));
  EXPECT_EQ(EventCategory(t.category[0]), EventCategory::Battles);
  EXPECT_EQ(EventCategory(t.category[1]), EventCategory::ExplosionsRemoteViolence);
  EXPECT_EQ(t.eventTypes.value(t.eventType[0]), "Battle-No change of territory");
}

TEST(AcledReader, EveryDateSpellingGivesTheSameDay) {
  std::string csv = kCurrentHeader;
  int n = 0;
  for (const char* date : {"2023-11-01", "01 November 2023", "1-November-23", "01-Nov-23"})
    csv += currentRow("E" + std::to_string(n++), std::string("\"") + date + "\"", "A");
  auto import = parseAcledCsv(csv, "dates.csv");
  ASSERT_TRUE(import) << import.error();
  ASSERT_EQ(import->table.size(), 4u);
  for (int32_t day : import->table.day) EXPECT_EQ(day, daysFromCivil(2023, 11, 1));
}

TEST(AcledReader, NumericDatesTakeTheOrderTheirFileShows) {
  auto file = [](std::initializer_list<const char*> dates) {
    std::string csv = kCurrentHeader;
    int n = 0;
    for (const char* date : dates) csv += currentRow("E" + std::to_string(n++), date, "A");
    return csv;
  };
  // An en-US spreadsheet round trip: 12/31/2020 settles it, and 03/04/2020 is the 4th of March.
  auto us = parseAcledCsv(file({"03/04/2020", "12/31/2020"}), "us.csv");
  ASSERT_TRUE(us) << us.error();
  EXPECT_EQ(us->table.day[0], daysFromCivil(2020, 3, 4));
  EXPECT_EQ(us->table.day[1], daysFromCivil(2020, 12, 31));
  EXPECT_EQ(us->rowsSkipped, 0u);
  EXPECT_NE(us->summary().find("month/day"), std::string::npos) << us->summary();
  // en-GB: 31/12/2020 settles it the other way.
  auto gb = parseAcledCsv(file({"03/04/2020", "31/12/2020"}), "gb.csv");
  ASSERT_TRUE(gb) << gb.error();
  EXPECT_EQ(gb->table.day[0], daysFromCivil(2020, 4, 3));
  // Nothing tells: refused, not guessed.
  auto unsure = parseAcledCsv(file({"03/04/2020", "05/06/2020"}), "unsure.csv");
  ASSERT_FALSE(unsure);
  EXPECT_NE(unsure.error().find("could be day/month or month/day"), std::string::npos) << unsure.error();
  // Both orders in one file: refused, naming a row of each.
  auto mixed = parseAcledCsv(file({"31/12/2020", "12/31/2020"}), "mixed.csv");
  ASSERT_FALSE(mixed);
  EXPECT_NE(mixed.error().find("row 2 is day/month, row 3 month/day"), std::string::npos) << mixed.error();
  // Where both readings agree (05/05/2020), there is nothing to decide.
  EXPECT_TRUE(parseAcledCsv(file({"05/05/2020"}), "same.csv"));
}

TEST(AcledReader, ByteOrderMarkAndQuotedNotesWithCommasAndNewlines) {
  const std::string csv = "\xEF\xBB\xBF" + kCurrentHeader +
                          currentRow("MLI1", "2023-11-01", "\"JNIM, Katiba Macina\"", "18.4", "1.4",
                                     "First line, with a comma\nsecond line with \"\"quotes\"\"") +
                          currentRow("MLI2", "2023-11-02", "A");
  auto import = parseAcledCsv(csv, "bom.csv");
  ASSERT_TRUE(import) << import.error();
  const EventTable& t = import->table;
  ASSERT_EQ(t.size(), 2u) << import->summary();
  EXPECT_EQ(t.id[0], "MLI1");  // the BOM is not part of the first column's name or value
  EXPECT_EQ(t.actorNames.value(t.actor1[0]), "JNIM, Katiba Macina");
  EXPECT_EQ(t.notes[0], "First line, with a comma\nsecond line with \"quotes\"");
}

TEST(AcledReader, MonadicRowsMergeIntoOneEvent) {
  // ACLED's actor-based export: one row per actor, same event_id_cnty.
  const std::string csv = kCurrentHeader + currentRow("MLI7", "2023-11-04", "JNIM") +
                          currentRow("MLI7", "2023-11-04", "MINUSMA") + currentRow("MLI8", "2023-11-05", "JNIM");
  auto import = parseAcledCsv(csv, "monadic.csv");
  ASSERT_TRUE(import) << import.error();
  const EventTable& t = import->table;
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(import->rowsMerged, 1u);
  EXPECT_EQ(t.fatalities[0], 3);  // not doubled
  std::vector<std::string> actors;
  for (uint32_t k = t.actorOffsets[0]; k < t.actorOffsets[1]; ++k) actors.push_back(t.actorNames.value(t.actorCodes[k]));
  EXPECT_NE(std::find(actors.begin(), actors.end(), "JNIM"), actors.end());
  EXPECT_NE(std::find(actors.begin(), actors.end(), "MINUSMA"), actors.end());
  EXPECT_EQ(std::vector<uint32_t>(t.sourceRows.begin() + t.sourceRowOffsets[0], t.sourceRows.begin() + t.sourceRowOffsets[1]),
            (std::vector<uint32_t>{2, 3}));
  EXPECT_EQ(t.sourceRows[t.sourceRowOffsets[1]], 4u);
}

TEST(AcledReader, RepeatsMergeIntoTheirOwnEventWhereverTheyAreAndEachActorOnce) {
  // Rows of one event need not be adjacent; a repeated actor is listed once.
  const std::string csv = kCurrentHeader + currentRow("MLI7", "2023-11-04", "JNIM") + currentRow("MLI8", "2023-11-05", "Wagner") +
                          currentRow("MLI7", "2023-11-04", "MINUSMA") + currentRow("MLI7", "2023-11-04", "JNIM") +
                          currentRow("MLI8", "2023-11-05", "FAMa");
  auto import = parseAcledCsv(csv, "monadic.csv");
  ASSERT_TRUE(import) << import.error();
  const EventTable& t = import->table;
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(import->rowsMerged, 3u);
  auto actorsOf = [&](uint32_t e) {
    std::vector<std::string> actors;
    for (uint32_t k = t.actorOffsets[e]; k < t.actorOffsets[e + 1]; ++k) actors.push_back(t.actorNames.value(t.actorCodes[k]));
    std::sort(actors.begin(), actors.end());
    return actors;
  };
  EXPECT_EQ(actorsOf(0), (std::vector<std::string>{"CSP-PSD", "JNIM", "MINUSMA"}));
  EXPECT_EQ(actorsOf(1), (std::vector<std::string>{"CSP-PSD", "FAMa", "Wagner"}));
  auto rowsOf = [&](uint32_t e) {
    return std::vector<uint32_t>(t.sourceRows.begin() + t.sourceRowOffsets[e], t.sourceRows.begin() + t.sourceRowOffsets[e + 1]);
  };
  EXPECT_EQ(rowsOf(0), (std::vector<uint32_t>{2, 4, 5}));
  EXPECT_EQ(rowsOf(1), (std::vector<uint32_t>{3, 6}));
}

// The id index grows many times over 6,000 events; every repeat, in the reverse order, still finds its event.
TEST(AcledReader, RepeatsFindTheirEventAmongThousands) {
  std::string csv = kCurrentHeader;
  const int events = 6000;
  for (int i = 0; i < events; ++i) csv += currentRow("MLI" + std::to_string(i), "2023-11-04", "JNIM");
  for (int i = events - 1; i >= 0; --i) csv += currentRow("MLI" + std::to_string(i), "2023-11-04", "Actor " + std::to_string(i));
  auto import = parseAcledCsv(csv, "monadic.csv");
  ASSERT_TRUE(import) << import.error();
  const EventTable& t = import->table;
  ASSERT_EQ(t.size(), size_t(events));
  EXPECT_EQ(import->rowsMerged, size_t(events));
  for (uint32_t e = 0; e < t.size(); e += 997) {
    ASSERT_EQ(t.id[e], "MLI" + std::to_string(e));
    std::vector<std::string> actors;
    for (uint32_t k = t.actorOffsets[e]; k < t.actorOffsets[e + 1]; ++k) actors.push_back(t.actorNames.value(t.actorCodes[k]));
    EXPECT_NE(std::find(actors.begin(), actors.end(), "Actor " + std::to_string(e)), actors.end()) << "event " << e;
  }
}

TEST(AcledReader, BadRowsAreSkippedCountedAndExplained) {
  const std::string csv = kCurrentHeader + currentRow("A", "2023-11-01", "X") +
                          currentRow("B", "2023-13-45", "X") +                 // row 3: bad date
                          currentRow("C", "2023-11-01", "X", "", "") +         // row 4: no coordinates
                          currentRow("D", "2023-11-01", "X", "95.0", "1.0") +  // row 5: out of range
                          "E,2023-11-01,2023,1\n" +                            // row 6: too few fields
                          currentRow("F", "2023-11-01", "X", "north", "1.0") +  // row 7: not a number
                          currentRow("G", "2023-11-02", "X");
  auto import = parseAcledCsv(csv, "bad.csv");
  ASSERT_TRUE(import) << import.error();
  EXPECT_EQ(import->table.size(), 2u);
  EXPECT_EQ(import->rowsRead, 7u);
  EXPECT_EQ(import->rowsSkipped, 5u);
  ASSERT_EQ(import->problems.size(), 5u);
  EXPECT_EQ(import->problems[0].row, 3u);
  EXPECT_EQ(import->problems[0].reason, "cannot read the date '2023-13-45'");
  EXPECT_EQ(import->problems[1].reason, "no coordinates");
  EXPECT_EQ(import->problems[2].reason, "coordinates 95.0, 1.0 are out of range");
  EXPECT_EQ(import->problems[3].row, 6u);
  EXPECT_EQ(import->problems[3].reason, "expected 31 fields, found 4");
  EXPECT_EQ(import->problems[4].reason, "coordinates 'north, 1.0' are not numbers");
  EXPECT_NE(import->summary().find("5 rows skipped (row 3: cannot read the date"), std::string::npos) << import->summary();
}

TEST(AcledReader, ARoadStretchInWktLocatesAnEventAlongIt) {
  std::string header = kCurrentHeader;
  header.insert(header.size() - 1, ",stretch_wkt");
  auto withStretch = [](std::string row, const std::string& wkt) {
    row.insert(row.size() - 1, ",\"" + wkt + "\"");
    return row;
  };
  const std::string csv = header + withStretch(currentRow("A", "2023-11-01", "X"), "LINESTRING (1.40778 18.44111, 0.60306 18.04389)") +
                          withStretch(currentRow("B", "2023-11-01", "X"), "") +
                          withStretch(currentRow("C", "2023-11-01", "X"), "POINT (1 18)") +                 // row 4
                          withStretch(currentRow("D", "2023-11-01", "X"), "LINESTRING (1 18, 200 18)") +  // row 5
                          withStretch(currentRow("C", "2023-11-02", "Y"), "");  // the skipped row's id again: its own event
  auto import = parseAcledCsv(csv, "roads.csv");
  ASSERT_TRUE(import) << import.error();
  const EventTable& t = import->table;
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t.id[2], "C");
  ASSERT_EQ(t.stretches.size(), 1u);
  const auto& stretch = t.stretches.at(0);
  ASSERT_EQ(stretch.size(), 2u);
  EXPECT_DOUBLE_EQ(stretch[1].lon, 0.60306);
  EXPECT_DOUBLE_EQ(stretch[1].lat, 18.04389);
  EXPECT_FALSE(t.stretches.count(1)) << "an empty stretch_wkt is no stretch";
  ASSERT_EQ(import->problems.size(), 2u);
  EXPECT_EQ(import->problems[0].row, 4u);
  EXPECT_NE(import->problems[0].reason.find("stretch_wkt 'POINT (1 18)' is not a LINESTRING"), std::string::npos);
  EXPECT_EQ(import->problems[1].row, 5u);
}

TEST(AcledReader, NotAnAcledFile) {
  auto import = parseAcledCsv("name,lat,lon\nA,1,2\n", "places.csv");
  ASSERT_FALSE(import);
  EXPECT_EQ(import.error(), "places.csv: not an ACLED export: no event_date, latitude, longitude, event_type column");
  EXPECT_FALSE(parseAcledCsv("", "empty.csv"));
  auto allBad = parseAcledCsv(kCurrentHeader + currentRow("A", "never", "X"), "bad.csv");
  ASSERT_FALSE(allBad);
  EXPECT_NE(allBad.error().find("none of its 1 rows could be read"), std::string::npos);
}

TEST(AcledReader, TheBundledReferenceEvents) {
  auto import = readAcledCsv(sitmap::test::sourceDir() + "/assets/data/events.csv");
  ASSERT_TRUE(import) << import.error();
  EXPECT_EQ(import->table.size(), 57u);
  EXPECT_EQ(import->rowsSkipped, 0u) << import->summary();
  EXPECT_EQ(import->table.layout, AcledLayout::Current);
  EXPECT_EQ(import->table.stretches.size(), 5u) << "the IEDs known only to a road stretch";
}

TEST(OgrIncidents, AnyPointLayerWithAFieldMapping) {
  sitmap::test::TempDir dir;
  sitmap::test::writeText(dir.path("inc.geojson"), R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"when":"01/11/2023","what":"Battles","who":"JNIM","dead":4,"desc":"near Anéfis"},
     "geometry":{"type":"Point","coordinates":[0.60306,18.04389]}},
    {"type":"Feature","properties":{"when":"someday","what":"Battles","who":"JNIM","dead":1,"desc":"bad date"},
     "geometry":{"type":"Point","coordinates":[0.6,18.0]}},
    {"type":"Feature","properties":{"when":"2023-11-04","what":"Explosions/Remote violence","who":"JNIM","dead":0},
     "geometry":null}]})");
  auto import = readIncidentsFromOgr(dir.path("inc.geojson"), "",
                                     {{"date", "when"}, {"type", "what"}, {"actor1", "who"}, {"fatalities", "dead"}, {"notes", "desc"}});
  ASSERT_TRUE(import) << import.error();
  const EventTable& t = import->table;
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t.day[0], daysFromCivil(2023, 11, 1));
  EXPECT_EQ(t.actorNames.value(t.actor1[0]), "JNIM");
  EXPECT_EQ(t.fatalities[0], 4);
  EXPECT_EQ(t.notes[0], "near Anéfis");
  EXPECT_DOUBLE_EQ(t.lon[0], 0.60306);
  EXPECT_EQ(import->rowsSkipped, 2u);
  EXPECT_NE(import->summary().find("2 features skipped (feature 2: cannot read the date 'someday'"), std::string::npos)
      << import->summary();
  auto unmapped = readIncidentsFromOgr(dir.path("inc.geojson"), "", {});
  ASSERT_FALSE(unmapped);
  EXPECT_NE(unmapped.error().find("no date field"), std::string::npos);
}

TEST(AcledReader, Pre2019AlliesAndOldTypesAreFoundByTodaysFilters) {
  const std::string csv =
      "GWNO,EVENT_ID_CNTY,EVENT_DATE,YEAR,EVENT_TYPE,ACTOR1,ALLY_ACTOR_1,INTER1,ACTOR2,ALLY_ACTOR_2,INTER2,INTERACTION,"
      "COUNTRY,ADMIN1,LOCATION,LATITUDE,LONGITUDE,SOURCE,NOTES,FATALITIES\n"
      "432,1MLI,17-Jan-12,2012,Battle-No change of territory,MNLA,Ansar Dine,2,Military Forces of Mali,,1,12,Mali,Gao,"
      "Menaka,15.9182,2.4022,AFP,Attack,5\n"
      "432,2MLI,18-Jan-12,2012,Riots/Protests,Protesters (Mali),,6,,,0,60,Mali,Bamako,Bamako,12.65,-8.0,AFP,March,0\n";
  auto import = parseAcledCsv(csv, "old.csv");
  ASSERT_TRUE(import) << import.error();
  EventFilterEngine engine(import->table);
  EventFilter ally;
  ally.actors = {"Ansar Dine"};
  EXPECT_EQ(engine.apply(ally), (std::vector<uint32_t>{0})) << "ALLY_ACTOR_1 counts as an associated actor";
  EventFilter battles;
  battles.eventTypes = {"Battles"};
  EXPECT_EQ(engine.apply(battles), (std::vector<uint32_t>{0})) << "the old Battle-... types are Battles";
  for (const char* type : {"Protests", "Riots"}) {
    EventFilter protests;
    protests.eventTypes = {type};
    EXPECT_EQ(engine.apply(protests), (std::vector<uint32_t>{1})) << type << " finds the old Riots/Protests";
  }
  EXPECT_EQ(EventCategory(import->table.category[1]), EventCategory::RiotsProtests);
}

TEST(OgrIncidents, AGeoPackageOfAnAcledExportReadsAsTheCsvDoes) {
  // The bundled reference CSV through GDAL into a GeoPackage (typed columns, as ogr2ogr makes them), then both
  // read: every column sitmap keeps must agree, so no field the map, filters or details use is left unread.
  sitmap::test::TempDir dir;
  const std::string csv = sitmap::test::sourceDir() + "/assets/data/events.csv";
  sitmap::test::writeCsvAsGeoPackage(csv, dir.path("events.gpkg"), "incidents", true);
  auto fromCsv = readAcledCsv(csv);
  auto fromGpkg = readIncidentsFromOgr(dir.path("events.gpkg"), "", {});
  ASSERT_TRUE(fromCsv && fromGpkg) << (fromGpkg ? "" : fromGpkg.error());
  const EventTable &a = fromCsv->table, &b = fromGpkg->table;
  ASSERT_EQ(a.size(), b.size());
  EXPECT_GT(a.size(), 50u);
  for (size_t e = 0; e < a.size(); ++e) {
    SCOPED_TRACE(std::string(a.id[e]));
    EXPECT_EQ(a.id[e], b.id[e]);
    EXPECT_EQ(a.day[e], b.day[e]);
    EXPECT_EQ(a.timePrecision[e], b.timePrecision[e]);
    EXPECT_EQ(a.geoPrecision[e], b.geoPrecision[e]);
    EXPECT_EQ(a.eventTypes.value(a.eventType[e]), b.eventTypes.value(b.eventType[e]));
    EXPECT_EQ(a.subEventTypes.value(a.subEventType[e]), b.subEventTypes.value(b.subEventType[e]));
    EXPECT_EQ(a.disorderTypes.value(a.disorderType[e]), b.disorderTypes.value(b.disorderType[e]));
    EXPECT_EQ(a.admin1Names.value(a.admin1[e]), b.admin1Names.value(b.admin1[e]));
    EXPECT_EQ(a.admin2Names.value(a.admin2[e]), b.admin2Names.value(b.admin2[e]));
    EXPECT_EQ(a.admin3Names.value(a.admin3[e]), b.admin3Names.value(b.admin3[e]));
    EXPECT_EQ(a.actorNames.value(a.actor1[e]), b.actorNames.value(b.actor1[e]));
    EXPECT_EQ(a.actorNames.value(a.actor2[e]), b.actorNames.value(b.actor2[e]));
    EXPECT_EQ(a.assocActor1[e], b.assocActor1[e]);
    EXPECT_EQ(a.assocActor2[e], b.assocActor2[e]);
    EXPECT_EQ(a.inter1[e], b.inter1[e]);
    EXPECT_EQ(a.inter2[e], b.inter2[e]);
    EXPECT_EQ(a.interaction[e], b.interaction[e]);
    EXPECT_EQ(a.civilianTargeting[e], b.civilianTargeting[e]);
    EXPECT_NEAR(a.lon[e], b.lon[e], 1e-9);
    EXPECT_NEAR(a.lat[e], b.lat[e], 1e-9);
    EXPECT_EQ(a.fatalities[e], b.fatalities[e]);
    EXPECT_EQ(a.location[e], b.location[e]);
    EXPECT_EQ(a.notes[e], b.notes[e]);
    EXPECT_EQ(a.source[e], b.source[e]);
    EXPECT_EQ(a.tags[e], b.tags[e]);
    EXPECT_EQ(a.stretches.count(uint32_t(e)), b.stretches.count(uint32_t(e)));
  }
}

// Actor-type codes are 0 to 8 (ACLED's inter1/inter2): a number beyond any code reads as none, never converted
// out of range (int(1e300) is undefined behaviour); the type's name reads as its code.
TEST(AcledFields, InterCodesOutOfRangeReadAsNone) {
  EXPECT_EQ(acled::interCode("2"), 2);
  EXPECT_EQ(acled::interCode("Rebel group"), 2);
  EXPECT_EQ(acled::interCode("300"), 0);
  EXPECT_EQ(acled::interCode("1e300"), 0);
  EXPECT_EQ(acled::interCode("-3"), 0);
}
