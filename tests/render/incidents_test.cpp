// Incidents on the map: coloured by category at their lon/lat, gone when the filter excludes them,
// aggregated into counted bins when they crowd.
#include <gtest/gtest.h>

#include <cmath>

#include "core/utc_time.hpp"

#include "app/headless_render.hpp"
#include "core/civil_date.hpp"
#include "core/event_style.hpp"
#include "core/symbology.hpp"
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
                const std::string& admin1 = "Gao", int fatalities = 0) {
  return id + ",2023-11-01,2023,1,Political violence," + type + ",x,A,,1,B,,2,12,,466,Western Africa,Mali," + admin1 + ",,,," +
         std::to_string(lat) + "," + std::to_string(lon) + "," + std::to_string(geoPrecision) + ",s,s,n," +
         std::to_string(fatalities) + ",,1\n";
}

std::array<int, 3> rgbOf(EventCategory category) {
  const Rgba c = categoryColour(category);
  return {int(c.r * 255 + 0.5f), int(c.g * 255 + 0.5f), int(c.b * 255 + 0.5f)};
}

// layerKeys: more keys of the incident layer, e.g. R"(,"aggregation":"points")".
Scene incidentScene(const TempDir& dir, const std::string& csv, const std::string& layerKeys = "") {
  writeText(dir.path("events.csv"), csv);
  auto scene = parseScene(R"({"sitmap_scene":1,"background":"#ffffff","layers":[{"path":"events.csv","kind":"incidents")" +
                              layerKeys + "}]}",
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

Vec2 mercator(double lon, double lat) {
  Vec2 p{lon, lat};
  CrsTransform::fromLonLat("EPSG:3857")->apply(p);
  return p;
}

// The view options() renders.
Viewport viewOf() {
  Bbox box;
  box.expand(mercator(0, 14));
  box.expand(mercator(4, 18));
  return Viewport::fitting(box, 400, 400);
}

Vec2 pixelOf(double lon, double lat) { return viewOf().worldToScreen(mercator(lon, lat)); }

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

namespace {

// 4000 events of `type` in a 0.2 degree square around (lon, lat): far more than can be told apart.
std::string crowd(const std::string& type, double lon, double lat, const std::string& idPrefix) {
  std::string csv;
  for (int i = 0; i < 4000; ++i)
    csv += row(idPrefix + std::to_string(i), type, lat - 0.1 + (i % 63) * 0.2 / 63, lon - 0.1 + (i / 63) * 0.2 / 64);
  return csv;
}

}  // namespace

TEST(IncidentRender, ACountedBinIsSlicedByTheTypesItHolds) {
  TempDir dir;
  // Half Battles, half Riots in one spot: the bin's right half (clockwise from the top) is Battles, the left Riots.
  const Scene scene = incidentScene(dir, std::string(kHeader) + crowd("Battles", 2, 16, "B") + crowd("Riots", 2, 16, "R"));
  auto image = renderScene(scene, options());
  ASSERT_TRUE(image) << image.error();
  const Vec2 p = pixelOf(2, 16);
  // Count pixels of each colour on each side, away from the white count in the middle.
  int battlesRight = 0, riotsLeft = 0, wrongSide = 0;
  for (int dy = -12; dy <= 12; ++dy)
    for (int dx = 6; dx <= 16; ++dx) {
      battlesRight += near(pixel(*image, int(p.x) + dx, int(p.y) + dy), rgbOf(EventCategory::Battles), 30);
      riotsLeft += near(pixel(*image, int(p.x) - dx, int(p.y) + dy), rgbOf(EventCategory::Riots), 30);
      wrongSide += near(pixel(*image, int(p.x) - dx, int(p.y) + dy), rgbOf(EventCategory::Battles), 30);
    }
  EXPECT_GT(battlesRight, 40);
  EXPECT_GT(riotsLeft, 40);
  EXPECT_EQ(wrongSide, 0) << "one colour for the whole bin";
}

TEST(IncidentRender, EveryIncidentIsDrawnWhereTheLayerAsksForPoints) {
  TempDir dir;
  // A crowd that Auto would aggregate, and two incidents of different types 24 px apart inside one 48 px cell
  // of the bin grid: as points each shows in its own colour at its own place; binned, one symbol between them.
  const Vec2 a = pixelOf(1.0, 17.0), b = pixelOf(1.24, 17.0);
  ASSERT_EQ(int(a.x / 48), int(b.x / 48));
  ASSERT_EQ(int(a.y / 48), int(b.y / 48));
  const std::string csv = std::string(kHeader) + crowd("Battles", 3, 15, "B") + row("P", "Protests", 17.0, 1.0) +
                          row("R", "Riots", 17.0, 1.24);
  auto binned = renderScene(incidentScene(dir, csv), options());
  ASSERT_TRUE(binned) << binned.error();
  EXPECT_FALSE(near(pixel(*binned, int(a.x), int(a.y)), rgbOf(EventCategory::Protests), 30)) << "auto: aggregated";
  TempDir other;
  auto points = renderScene(incidentScene(other, csv, R"(,"aggregation":"points")"), options());
  ASSERT_TRUE(points) << points.error();
  EXPECT_TRUE(near(pixel(*points, int(a.x), int(a.y)), rgbOf(EventCategory::Protests), 30));
  EXPECT_TRUE(near(pixel(*points, int(b.x), int(b.y)), rgbOf(EventCategory::Riots), 30));
}

TEST(IncidentRender, TheSymbolSizeCapKeepsADeadlyIncidentSmall) {
  const std::string csv = std::string(kHeader) + row("A", "Battles", 16, 2, 1, "Gao", 400);  // 40 px at full size
  const Vec2 p = pixelOf(2, 16);
  TempDir dir, capped;
  auto full = renderScene(incidentScene(dir, csv, R"(,"aggregation":"points")"), options());
  auto small = renderScene(incidentScene(capped, csv, R"(,"aggregation":"points","max_symbol_px":10)"), options());
  ASSERT_TRUE(full && small);
  EXPECT_TRUE(near(pixel(*full, int(p.x) + 12, int(p.y)), rgbOf(EventCategory::Battles), 30));
  EXPECT_TRUE(near(pixel(*small, int(p.x) + 12, int(p.y)), {255, 255, 255}, 10)) << "12 px out is past a 10 px symbol";
  EXPECT_TRUE(near(pixel(*small, int(p.x), int(p.y)), rgbOf(EventCategory::Battles), 30));
}

TEST(IncidentRender, TheDensityViewShadesHexagonsByTheirCount) {
  TempDir dir;
  // 4000 events in one spot (the darkest class) and one alone (the lightest), no counts written.
  const std::string csv = std::string(kHeader) + crowd("Battles", 2, 16, "B") + row("L", "Riots", 17.5, 1.0);
  auto image = renderScene(incidentScene(dir, csv, R"(,"aggregation":"density")"), options());
  ASSERT_TRUE(image) << image.error();
  const auto overWhite = [](Rgba c) {
    return std::array<int, 3>{int((c.r * c.a + 1 - c.a) * 255 + 0.5f), int((c.g * c.a + 1 - c.a) * 255 + 0.5f),
                              int((c.b * c.a + 1 - c.a) * 255 + 0.5f)};
  };
  const Vec2 crowdAt = pixelOf(2, 16), alone = pixelOf(1.0, 17.5);
  int dark = 0, white = 0;
  for (int dy = -6; dy <= 6; ++dy)
    for (int dx = -6; dx <= 6; ++dx) {
      const auto px = pixel(*image, int(crowdAt.x) + dx, int(crowdAt.y) + dy);
      dark += near(px, overWhite(symbology::densityColour(5)), 12);
      white += near(px, {255, 255, 255}, 10);
    }
  EXPECT_GT(dark, 100);
  EXPECT_LT(white, 5) << "no count written on a hexagon (a few pixels: the hairline between two hexagons)";
  EXPECT_TRUE(near(pixel(*image, int(alone.x), int(alone.y)), overWhite(symbology::densityColour(0)), 12));
  // A hexagon, not a disc: 14.5 px right of its centre is past its side (13.9 px), inside its corners' circle.
  const auto cells = hexbinEvents({mercator(1.0, 17.5)}, {0}, viewOf(), kDensityRadiusPx);
  ASSERT_EQ(cells.size(), 1u);
  const Vec2 c = cells[0].centre;
  EXPECT_TRUE(near(pixel(*image, int(c.x + 11.5), int(c.y)), overWhite(symbology::densityColour(0)), 12));
  EXPECT_TRUE(near(pixel(*image, int(c.x + 14.5), int(c.y)), {255, 255, 255}, 10));
  EXPECT_FALSE(near(pixel(*image, int(alone.x), int(alone.y)), rgbOf(EventCategory::Riots), 40)) << "not drawn as a symbol";
}

TEST(IncidentRender, AShapeTheFilterKeepsToIsOutlinedOnTheMap) {
  TempDir dir;
  const Scene scene = incidentScene(dir, std::string(kHeader) + row("A", "Battles", 16, 2) + row("B", "Battles", 17.5, 3.5));
  RenderOptions o = options();
  o.eventFilter = EventFilter{};
  o.eventFilter->regions = {RegionShape{"Box", {{{1, 15}, {3, 15}, {3, 17}, {1, 17}}}}};
  auto image = renderScene(scene, o);
  ASSERT_TRUE(image) << image.error();
  const Rgba c = symbology::kFilterShape;
  const std::array<int, 3> magenta{int(c.r * 255 + 0.5f), int(c.g * 255 + 0.5f), int(c.b * 255 + 0.5f)};
  const Vec2 west = pixelOf(1, 16), north = pixelOf(2.5, 17);
  EXPECT_TRUE(near(pixel(*image, int(std::lround(west.x)), int(west.y)), magenta, 40)) << "its west side";
  EXPECT_TRUE(near(pixel(*image, int(north.x), int(std::lround(north.y))), magenta, 40)) << "its north side";
  const Vec2 inside = pixelOf(1.5, 15.5);
  EXPECT_FALSE(near(pixel(*image, int(inside.x), int(inside.y)), magenta, 40)) << "outlined, not filled";
  EXPECT_TRUE(near(pixel(*image, int(pixelOf(3.5, 17.5).x), int(pixelOf(3.5, 17.5).y)), {255, 255, 255}, 10)) << "B is outside: filtered out";
}

// The legend's fatality key is drawn as discs side by side, each as wide as the symbol it stands for: inside
// their 1.5 px rims, 28 px for 50 deaths against 7 px for none.
TEST(IncidentRender, TheLegendsSizeKeyDrawsDiscsAsLargeAsTheSymbols) {
  TempDir dir;
  const std::string csv = std::string(kHeader) + row("A", "Battles", 14.5, 0.5, 1, "Gao", 50);  // bottom left
  RenderOptions o = options();
  o.width = 1920, o.height = 1080, o.furniture = true;  // furniture at 1x
  auto image = renderScene(incidentScene(dir, csv, R"(,"aggregation":"points")"), o);
  ASSERT_TRUE(image) << image.error();
  const std::array<int, 3> pale{219, 219, 219};  // the key's disc fill (0.86 grey)
  auto paleRuns = [&](int y) {
    std::vector<int> runs;
    int length = 0;
    for (int x = image->width / 2; x <= image->width; ++x) {
      if (x < image->width && near(pixel(*image, x, y), pale, 5)) {
        ++length;
      } else {
        if (length >= 3) runs.push_back(length);
        length = 0;
      }
    }
    return runs;
  };
  std::vector<int> widest;
  for (int y = 0; y < image->height / 2; ++y)
    if (auto runs = paleRuns(y); runs.size() >= 3 && (widest.empty() || runs[2] > widest[2])) widest = runs;
  ASSERT_GE(widest.size(), 3u) << "three discs in a row";
  EXPECT_LT(widest[0], widest[1]);
  EXPECT_LT(widest[1], widest[2]);
  const double ratio = double(widest[2]) / widest[0];
  EXPECT_GT(ratio, 3.2) << "50 deaths against none: " << widest[2] << " px against " << widest[0];
  EXPECT_LT(ratio, 5.0) << "50 deaths against none: " << widest[2] << " px against " << widest[0];
}
