// Incidents on the map: coloured by category at their lon/lat, gone when the filter excludes them,
// aggregated into counted bins when they crowd.
#include <gtest/gtest.h>

#include "core/utc_time.hpp"

#include "app/headless_render.hpp"
#include "core/civil_date.hpp"
#include "core/event_style.hpp"
#include "core/viewport.hpp"
#include "io/crs.hpp"
#include "io/scene_file.hpp"
#include "support/test_files.hpp"

using namespace sitmap;
using namespace sitmap::test;

namespace {

const char* kHeader =
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,"
    "actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,"
    "latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n";

std::string row(const std::string& id, const std::string& type, double lat, double lon, int geoPrecision = 1,
                const std::string& admin1 = "Gao") {
  return id + ",2023-11-01,2023,1,Political violence," + type + ",x,A,,1,B,,2,12,,466,Western Africa,Mali," + admin1 + ",,,," +
         std::to_string(lat) + "," + std::to_string(lon) + "," + std::to_string(geoPrecision) + ",s,s,n,0,,1\n";
}

std::array<int, 3> rgbOf(EventCategory category) {
  const Rgba c = categoryColour(category);
  return {int(c.r * 255 + 0.5f), int(c.g * 255 + 0.5f), int(c.b * 255 + 0.5f)};
}

Scene incidentScene(const TempDir& dir, const std::string& csv) {
  writeText(dir.path("events.csv"), csv);
  auto scene = parseScene(R"({"sitmap_scene":1,"background":"#ffffff","layers":[{"path":"events.csv","kind":"incidents"}]})",
                          dir.root());
  EXPECT_TRUE(scene) << scene.error();
  return *scene;
}

RenderOptions options() {
  RenderOptions o;
  o.width = 400;
  o.height = 400;
  o.bboxLonLat = Bbox{0, 14, 4, 18};
  o.furniture = false;
  return o;
}

Vec2 pixelOf(double lon, double lat) {
  auto toMercator = CrsTransform::fromLonLat("EPSG:3857");
  Bbox box;
  for (Vec2 corner : {Vec2{0, 14}, Vec2{4, 18}}) {
    toMercator->apply(corner);
    box.expand(corner);
  }
  Vec2 p{lon, lat};
  toMercator->apply(p);
  return Viewport::fitting(box, 400, 400).worldToScreen(p);
}

}  // namespace

TEST(IncidentRender, EventsAppearInTheirCategoryColourAndVanishWhenFilteredOut) {
  TempDir dir;
  const Scene scene = incidentScene(dir, std::string(kHeader) + row("A", "Battles", 15, 1) + row("B", "Violence against civilians", 17, 3));
  const Vec2 a = pixelOf(1, 15), b = pixelOf(3, 17);

  auto all = renderScene(scene, options());
  ASSERT_TRUE(all) << all.error();
  EXPECT_TRUE(near(pixel(*all, int(a.x), int(a.y)), rgbOf(EventCategory::Battles), 20));
  EXPECT_TRUE(near(pixel(*all, int(b.x), int(b.y)), rgbOf(EventCategory::ViolenceAgainstCivilians), 20));

  RenderOptions filtered = options();
  filtered.eventFilter = EventFilter{};
  filtered.eventFilter->eventTypes = {"Battles"};
  auto some = renderScene(scene, filtered);
  ASSERT_TRUE(some) << some.error();
  EXPECT_TRUE(near(pixel(*some, int(a.x), int(a.y)), rgbOf(EventCategory::Battles), 20));
  EXPECT_TRUE(near(pixel(*some, int(b.x), int(b.y)), {255, 255, 255}, 2)) << "the filtered-out event is gone";
}

TEST(IncidentRender, AnIncidentShowsFromItsOwnDayNeverBefore) {
  TempDir dir;
  const Scene scene = incidentScene(dir, std::string(kHeader) + row("A", "Battles", 15, 1));  // dated 2023-11-01
  const Vec2 a = pixelOf(1, 15);
  for (const char* clock : {"2023-11-01T00:00Z", "2023-11-01T23:00Z"}) {
    RenderOptions at = options();
    at.time = parseUtc(clock);
    at.windowDays = 5;
    auto image = renderScene(scene, at);
    ASSERT_TRUE(image) << image.error();
    EXPECT_TRUE(near(pixel(*image, int(a.x), int(a.y)), rgbOf(EventCategory::Battles), 30)) << "the clock's own day, at " << clock;
  }
  RenderOptions before = options();
  before.time = parseUtc("2023-10-31T23:59Z");
  auto image = renderScene(scene, before);
  ASSERT_TRUE(image) << image.error();
  EXPECT_TRUE(near(pixel(*image, int(a.x), int(a.y)), {255, 255, 255}, 2)) << "not before it happened";
}

TEST(IncidentRender, RegionOnlyIncidentsAreTalliedNotDrawnAtTheirPoint) {
  TempDir dir;
  const Scene scene = incidentScene(dir, std::string(kHeader) + row("A", "Battles", 16, 2, 3) + row("B", "Battles", 16, 2, 3) +
                                             row("C", "Battles", 15, 1, 1));
  RenderOptions o = options();
  auto image = renderScene(scene, o);
  ASSERT_TRUE(image) << image.error();
  // Nothing in the Battles colour at the region's reference point: no symbol says "it happened here".
  const Vec2 p = pixelOf(2, 16);
  for (int dx = -4; dx <= 4; dx += 2)
    EXPECT_FALSE(near(pixel(*image, int(p.x) + dx, int(p.y)), rgbOf(EventCategory::Battles), 60)) << dx;
  // The exact one is drawn; the two vague ones are one tally for their region, hanging below the point.
  const Vec2 c = pixelOf(1, 15);
  EXPECT_TRUE(near(pixel(*image, int(c.x), int(c.y)), rgbOf(EventCategory::Battles), 20));
  int ink = 0;
  for (int y = int(p.y) + 24; y < int(p.y) + 40; ++y)
    for (int x = int(p.x) - 40; x < int(p.x) + 40; ++x) ink += pixel(*image, x, y)[0] < 120;
  EXPECT_GT(ink, 30) << "the tally's text";
}

TEST(IncidentRender, TalliesOfNeighbouringRegionsNeverCoverEachOther) {
  TempDir dir;
  // Two regions whose reference points are 5 px apart: hanging both below would stack one box on the other.
  const Scene scene = incidentScene(dir, std::string(kHeader) + row("A", "Battles", 16, 2, 3, "Gao") +
                                             row("B", "Battles", 16.05, 2, 3, "Kidal"));
  auto image = renderScene(scene, options());
  ASSERT_TRUE(image) << image.error();
  const Vec2 p = pixelOf(2, 16.025);
  const auto inkIn = [&](int x0, int x1, int y0, int y1) {
    int ink = 0;
    for (int y = y0; y < y1; ++y)
      for (int x = x0; x < x1; ++x) ink += pixel(*image, x, y)[0] < 120;
    return ink;
  };
  EXPECT_GT(inkIn(int(p.x) - 40, int(p.x) + 40, int(p.y) + 24, int(p.y) + 44), 30) << "one tally below";
  EXPECT_GT(inkIn(int(p.x) + 26, int(p.x) + 120, int(p.y) - 12, int(p.y) + 12), 30) << "the other beside it";
}

TEST(IncidentRender, IncidentsKnownOnlyToARoadStretchAreDrawnAlongIt) {
  TempDir dir;
  // Located only to the road from 1E to 3E along 17N; its point (at 1E) is the stretch's start.
  std::string csv = std::string(kHeader);
  csv.insert(csv.size() - 1, ",stretch_wkt");
  std::string event = row("S", "Explosions/Remote violence", 17, 1, 3);
  event.insert(event.size() - 1, ",\"LINESTRING (1 17, 3 17)\"");
  const Scene scene = incidentScene(dir, csv + event);
  auto image = renderScene(scene, options());
  ASSERT_TRUE(image) << image.error();
  const auto tint = [&](int x, int y) {
    const auto px = pixel(*image, x, y);
    return px[2] < 200 && px[0] > 200;  // orange over white
  };
  int along = 0;
  for (double lon = 1.2; lon < 2.8; lon += 0.1) along += tint(int(pixelOf(lon, 17).x), int(pixelOf(lon, 17).y));
  EXPECT_EQ(along, 16) << "a band all along the stretch";
  EXPECT_FALSE(tint(int(pixelOf(2, 17.3).x), int(pixelOf(2, 17.3).y))) << "and only along it";
}

TEST(IncidentRender, CrowdedEventsAreAggregatedIntoCountedBins) {
  TempDir dir;
  std::string csv = kHeader;
  // 4000 events in a 0.2 degree square around (2E, 16N): far more than can be told apart.
  for (int i = 0; i < 4000; ++i)
    csv += row("E" + std::to_string(i), "Battles", 15.9 + (i % 63) * 0.2 / 63, 1.9 + (i / 63) * 0.2 / 64);
  const Scene scene = incidentScene(dir, csv);
  auto image = renderScene(scene, options());
  ASSERT_TRUE(image) << image.error();
  const Vec2 p = pixelOf(2, 16);
  // One bin symbol (Battles colour) with its count written in white near the centre: some pixels there are white.
  int white = 0, battles = 0;
  for (int dy = -20; dy <= 20; ++dy)
    for (int dx = -20; dx <= 20; ++dx) {
      const auto px = pixel(*image, int(p.x) + dx, int(p.y) + dy);
      white += near(px, {255, 255, 255}, 10);
      battles += near(px, rgbOf(EventCategory::Battles), 40);
    }
  EXPECT_GT(battles, 200);
  EXPECT_GT(white, 5) << "the count is written on the bin";
}
