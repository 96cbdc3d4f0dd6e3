// The clock on the map: a convoy and a control point drawn where they are at a time, gone outside validity.
#include <gtest/gtest.h>

#include "core/utc_time.hpp"
#include "app/map_session.hpp"

#include "app/headless_render.hpp"
#include "core/event_style.hpp"
#include "core/symbology.hpp"
#include "core/track.hpp"
#include "core/viewport.hpp"
#include "io/crs.hpp"
#include "io/scene_file.hpp"
#include "support/test_files.hpp"

using namespace sitmap;
using namespace sitmap::test;

namespace {

Scene timeScene(const TempDir& dir, bool withIncident = false) {
  writeText(dir.path("route.geojson"), R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
    "geometry":{"type":"LineString","coordinates":[[1,15],[3,15]]}}]})");
  writeText(dir.path("waypoints.csv"), "time_utc,place,latitude,longitude\n2023-11-01T00:00Z,West,15,1\n2023-11-02T00:00Z,East,15,3\n");
  writeText(dir.path("control.geojson"), R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"name":"Post","actor":"FAMa","status":"control","valid_from":"2023-11-01","valid_to":"2023-11-10"},
     "geometry":{"type":"Point","coordinates":[2,16.5]}},
    {"type":"Feature","properties":{"name":"Zone","actor":"FAMa","status":"influence","valid_from":"2023-11-01","valid_to":"2023-11-10"},
     "geometry":{"type":"Polygon","coordinates":[[[0.5,17.2],[1.5,17.2],[1.5,17.8],[0.5,17.8],[0.5,17.2]]]}}]})");
  // An IED 2 km north of the route at 2.5E, the day the convoy passes (at 18:00).
  writeText(dir.path("events.csv"),
            "event_id_cnty,event_date,event_type,latitude,longitude,fatalities\nX1,2023-11-01,Explosions/Remote violence,15.02,2.5,0\n");
  const std::string incidents = withIncident ? R"(,{"path":"events.csv","kind":"incidents"})" : "";
  auto scene = parseScene(R"({"sitmap_scene":1,"background":"#ffffff",
    "layers":[{"path":"control.geojson","kind":"control"})" + incidents + R"(],
    "convoys":[{"name":"C","route":"route.geojson","waypoints":"waypoints.csv"}]})",
                          dir.root());
  EXPECT_TRUE(scene) << scene.error();
  return *scene;
}

RenderOptions at(const char* time) {
  RenderOptions o;
  o.width = 400;
  o.height = 400;
  o.bboxLonLat = Bbox{0, 14, 4, 18};
  o.furniture = false;
  o.time = *parseUtc(time);
  return o;
}

Vec2 pixelOf(LonLat p) {
  auto toMercator = CrsTransform::fromLonLat("EPSG:3857");
  Bbox box;
  for (Vec2 corner : {Vec2{0, 14}, Vec2{4, 18}}) {
    toMercator->apply(corner);
    box.expand(corner);
  }
  Vec2 v{p.lon, p.lat};
  toMercator->apply(v);
  return Viewport::fitting(box, 400, 400).worldToScreen(v);
}

std::array<int, 3> rgb(const Rgba& c) { return {int(c.r * 255 + 0.5f), int(c.g * 255 + 0.5f), int(c.b * 255 + 0.5f)}; }

}  // namespace

TEST(TimeRender, ConvoyAndControlAppearWhereTheyAreAtTheClock) {
  TempDir dir;
  const Scene scene = timeScene(dir);
  auto image = renderScene(scene, at("2023-11-01T12:00Z"));
  ASSERT_TRUE(image) << image.error();
  // Halfway in time is halfway along the route; the arrowhead points east (heading ~90°).
  auto track = Track::create("C", {{1, 15}, {3, 15}}, {{*parseUtc("2023-11-01T00:00Z"), 0, "W"}, {*parseUtc("2023-11-02T00:00Z"), geodesicLength({{1, 15}, {3, 15}}), "E"}});
  const TrackPosition expected = track->at(*parseUtc("2023-11-01T12:00Z"));
  const Vec2 convoy = pixelOf(expected.position);
  // Between two fixes the position is estimated: a hollow arrowhead (pale inside, blue edge toward the tip).
  EXPECT_TRUE(near(pixel(*image, int(convoy.x) + 4, int(convoy.y)), {255, 255, 255}, 10)) << "hollow icon";
  EXPECT_TRUE(near(pixel(*image, int(convoy.x) + 10, int(convoy.y)), {26, 51, 153}, 30)) << "convoy icon";
  // At a reported fix (the departure time) the arrowhead is filled.
  auto atFix = renderScene(scene, at("2023-11-01T00:00Z"));
  ASSERT_TRUE(atFix) << atFix.error();
  const Vec2 start = pixelOf({1, 15});
  EXPECT_TRUE(near(pixel(*atFix, int(start.x) + 4, int(start.y)), {26, 51, 153}, 30)) << "filled icon at a fix";
  const Vec2 post = pixelOf({2, 16.5});
  EXPECT_TRUE(near(pixel(*image, int(post.x) + 9, int(post.y)), rgb(actorColour("FAMa")), 30)) << "control frame";
  // The influence zone: a light tint of the holder's colour over the white background, inside its polygon only.
  const Rgba fama = actorColour("FAMa");
  const float a = symbology::controlZoneStyle({ControlStatus::Influence, fama}).fill.a;
  ASSERT_GT(a, 0.1f);  // visible at all
  const std::array<int, 3> tint{int(255 * (1 - a + a * fama.r)), int(255 * (1 - a + a * fama.g)), int(255 * (1 - a + a * fama.b))};
  const Vec2 inside = pixelOf({1.0, 17.5}), outside = pixelOf({1.8, 17.5});
  EXPECT_TRUE(near(pixel(*image, int(inside.x), int(inside.y)), tint, 8)) << pixel(*image, int(inside.x), int(inside.y))[2];
  EXPECT_TRUE(near(pixel(*image, int(outside.x), int(outside.y)), {255, 255, 255}, 2));
}

TEST(TimeRender, OutsideTheirTimesTheyAreGone) {
  TempDir dir;
  const Scene scene = timeScene(dir);
  auto image = renderScene(scene, at("2023-11-11T00:00Z"));  // control ended 10 Nov; convoy arrived at the east end
  ASSERT_TRUE(image) << image.error();
  const Vec2 post = pixelOf({2, 16.5});
  EXPECT_TRUE(near(pixel(*image, int(post.x) + 9, int(post.y)), {255, 255, 255}, 2)) << "control no longer valid";
  const Vec2 zone = pixelOf({1.0, 17.5});
  EXPECT_TRUE(near(pixel(*image, int(zone.x), int(zone.y)), {255, 255, 255}, 2)) << "zone no longer valid";
  const Vec2 middle = pixelOf({2, 15.0});
  EXPECT_FALSE(near(pixel(*image, int(middle.x) + 4, int(middle.y) - 6), {26, 51, 153}, 30)) << "no convoy icon mid-route";
  const Vec2 east = pixelOf({3, 15});
  EXPECT_FALSE(near(pixel(*image, int(east.x) - 3, int(east.y)), {26, 51, 153}, 40)) << "nine days after arrival: gone";
}

TEST(TimeRender, AConvoyShowsFromADayBeforeDepartureToADayAfterArrival) {
  TempDir dir;
  const Scene scene = timeScene(dir);  // departs West 1 Nov 00:00Z, arrives East 2 Nov 00:00Z
  const Vec2 west = pixelOf({1, 15});
  const auto icon = [&](const RgbaImage& image, Vec2 p) { return near(pixel(image, int(p.x) + 3, int(p.y)), {26, 51, 153}, 40); };
  auto early = renderScene(scene, at("2023-10-30T12:00Z"));
  ASSERT_TRUE(early) << early.error();
  EXPECT_FALSE(icon(*early, west)) << "a day and a half before departure: not on the map";
  auto waiting = renderScene(scene, at("2023-10-31T12:00Z"));
  ASSERT_TRUE(waiting) << waiting.error();
  EXPECT_TRUE(icon(*waiting, west)) << "within the day before departure: at its start";
  auto arrived = renderScene(scene, at("2023-11-02T12:00Z"));
  ASSERT_TRUE(arrived) << arrived.error();
  const Vec2 end = pixelOf({3, 15});
  EXPECT_TRUE(near(pixel(*arrived, int(end.x) - 3, int(end.y)), {26, 51, 153}, 40)) << "within the day after arrival";
}

TEST(TimeRender, RouteRiskCountsOnlyIncidentsThatHadHappened) {
  TempDir dir;
  Scene scene = timeScene(dir, true);  // an IED beside the route on 1 Nov
  scene.riskDays = 30;
  scene.convoys[0].shownBeforeHours = 24 * 40;  // on the map well before, so its route risk shows
  auto session = MapSession::create(scene);
  ASSERT_TRUE(session) << session.error();
  for (SessionLayer& layer : session->layers()) session->finishLoad(layer.uid, openLayer(layer.spec, session->displayCrs()));
  session->updateSelections(true);
  auto total = [&](const char* time) {
    uint32_t n = 0;
    for (const auto& risk : session->routeRisks(30, *parseUtc(time)))
      for (uint32_t count : risk) n += count;
    return n;
  };
  EXPECT_EQ(total("2023-10-25T00:00Z"), 0u) << "before the IED, it does not count";
  EXPECT_EQ(total("2023-11-01T12:00Z"), 1u) << "once it happened, it does";
}

TEST(TimeRender, IncidentsNearTheRouteAreRingedOnceTheConvoyPassesThem) {
  TempDir dir;
  const Scene scene = timeScene(dir, true);
  const Vec2 ied = pixelOf({2.5, 15.02});  // the rings are read below it: the convoy's label sits above the route
  const std::array<int, 3> bright{230, 26, 13}, dark{140, 13, 13};
  auto before = renderScene(scene, at("2023-11-01T12:00Z"));  // the convoy is at 2E
  ASSERT_TRUE(before) << before.error();
  EXPECT_TRUE(near(pixel(*before, int(ied.x), int(ied.y) + 15), {255, 255, 255}, 2)) << "not reached: no ring";
  auto reached = renderScene(scene, at("2023-11-01T20:00Z"));  // just past it
  ASSERT_TRUE(reached) << reached.error();
  EXPECT_TRUE(near(pixel(*reached, int(ied.x), int(ied.y) + 15), bright, 30)) << "reached in the last day: bright ring";
  auto later = renderScene(scene, at("2023-11-03T00:00Z"));  // a day and more after
  ASSERT_TRUE(later) << later.error();
  EXPECT_TRUE(near(pixel(*later, int(ied.x), int(ied.y) + 11), dark, 30)) << "passed earlier: dark ring";
  EXPECT_TRUE(near(pixel(*later, int(ied.x), int(ied.y) + 15), {255, 255, 255}, 2)) << "no longer bright";
}

TEST(TimeRender, AZoneThatJustChangedHasABrightEdgeForADay) {
  TempDir dir;
  const Scene scene = timeScene(dir);
  // "Zone" passes from CSP-PSD to FAMa on 1 Nov: a change. "Other" first appears on 1 Nov, where the data starts:
  // "since before", no change.
  writeText(dir.path("control.geojson"), R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"name":"Zone","actor":"CSP-PSD","status":"influence","valid_from":"2023-10-20","valid_to":"2023-11-01"},
     "geometry":{"type":"Polygon","coordinates":[[[0.5,17.2],[1.5,17.2],[1.5,17.8],[0.5,17.8],[0.5,17.2]]]}},
    {"type":"Feature","properties":{"name":"Zone","actor":"FAMa","status":"influence","valid_from":"2023-11-01","valid_to":"2023-11-10"},
     "geometry":{"type":"Polygon","coordinates":[[[0.5,17.2],[1.5,17.2],[1.5,17.8],[0.5,17.8],[0.5,17.2]]]}},
    {"type":"Feature","properties":{"name":"Other","actor":"FAMa","status":"influence","valid_from":"2023-11-01","valid_to":"2023-11-10"},
     "geometry":{"type":"Polygon","coordinates":[[[2.5,17.2],[3.5,17.2],[3.5,17.8],[2.5,17.8],[2.5,17.2]]]}}]})");
  const Vec2 edge = pixelOf({0.5, 17.5});        // Zone's west edge
  const Vec2 otherEdge = pixelOf({2.5, 17.5});   // Other's west edge
  auto fresh = renderScene(scene, at("2023-11-01T12:00Z"));
  ASSERT_TRUE(fresh) << fresh.error();
  EXPECT_TRUE(near(pixel(*fresh, int(edge.x), int(edge.y)), {255, 217, 0}, 30)) << "changed in the last day";
  EXPECT_FALSE(near(pixel(*fresh, int(otherEdge.x), int(otherEdge.y)), {255, 217, 0}, 60)) << "the start of the data is no change";
  auto settled = renderScene(scene, at("2023-11-03T12:00Z"));
  ASSERT_TRUE(settled) << settled.error();
  EXPECT_FALSE(near(pixel(*settled, int(edge.x), int(edge.y)), {255, 217, 0}, 60)) << "two days on: the actor's edge";
}

TEST(TimeRender, ContestedAreasShowBothSidesAndLowConfidenceIsPaler) {
  TempDir dir;
  writeText(dir.path("areas.geojson"), R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"name":"Both","actor":"FAMa","other_actor":"CSP-PSD","status":"contested",
     "valid_from":"2023-11-01","confidence":"medium","source":"test"},
     "geometry":{"type":"Polygon","coordinates":[[[0.5,15],[1.5,15],[1.5,16],[0.5,16],[0.5,15]]]}},
    {"type":"Feature","properties":{"name":"Sure","actor":"FAMa","status":"control","valid_from":"2023-11-01","confidence":"high"},
     "geometry":{"type":"Polygon","coordinates":[[[2.5,15],[3.5,15],[3.5,16],[2.5,16],[2.5,15]]]}},
    {"type":"Feature","properties":{"name":"Unsure","actor":"FAMa","status":"control","valid_from":"2023-11-01","confidence":"low"},
     "geometry":{"type":"Polygon","coordinates":[[[2.5,16.5],[3.5,16.5],[3.5,17.5],[2.5,17.5],[2.5,16.5]]]}},
    {"type":"Feature","properties":{"name":"Axis","actor":"CSP-PSD","status":"claimed","valid_from":"2023-11-01","confidence":"low"},
     "geometry":{"type":"LineString","coordinates":[[0.2,17.5],[1.8,17.5]]}}]})");
  auto scene = parseScene(R"({"sitmap_scene":1,"background":"#ffffff","layers":[{"path":"areas.geojson","kind":"control"}]})",
                          dir.root());
  ASSERT_TRUE(scene) << scene.error();
  auto image = renderScene(*scene, at("2023-11-05T00:00Z"));
  ASSERT_TRUE(image) << image.error();
  // Inside the contested square both sides' tints appear as stripes, and nothing else but their edges.
  const float a = symbology::controlZoneStyle({ControlStatus::Contested, actorColour("FAMa")}).fill.a;
  const auto tint = [&](const Rgba& c) {
    return std::array<int, 3>{int(255 * (1 - a + a * c.r)), int(255 * (1 - a + a * c.g)), int(255 * (1 - a + a * c.b))};
  };
  const Vec2 centre = pixelOf({1.0, 15.5});
  int fama = 0, csp = 0;
  for (int dx = -10; dx < 10; ++dx) {
    const auto p = pixel(*image, int(centre.x) + dx, int(centre.y));
    fama += near(p, tint(actorColour("FAMa")), 8);
    csp += near(p, tint(actorColour("CSP-PSD")), 8);
  }
  EXPECT_GE(fama, 6) << "FAMa stripes";
  EXPECT_GE(csp, 6) << "CSP-PSD stripes";
  // The low-confidence area is visibly paler than the sure one of the same actor and status.
  const auto sure = pixel(*image, int(pixelOf({3.0, 15.5}).x), int(pixelOf({3.0, 15.5}).y));
  const auto unsure = pixel(*image, int(pixelOf({3.0, 17.0}).x), int(pixelOf({3.0, 17.0}).y));
  EXPECT_GT(unsure[0] + unsure[1] + unsure[2], sure[0] + sure[1] + sure[2] + 60);
  EXPECT_FALSE(near(unsure, {255, 255, 255}, 4)) << "paler, not gone";
  // The claimed road stretch is drawn in its actor's colour (dashed, so look along it).
  int onLine = 0;
  for (double lon = 0.3; lon < 1.7; lon += 0.02) {
    const Vec2 p = pixelOf({lon, 17.5});
    onLine += near(pixel(*image, int(p.x), int(p.y)), rgb(actorColour("CSP-PSD")), 40);
  }
  EXPECT_GE(onLine, 20);
}

TEST(RasterRender, ImageryIsTonedAsItsStyleSays) {
  TempDir dir;
  // A red square on grey (128), drawn as is, greyed (saturation 0) and greyed then lightened halfway.
  writeSquaresGeoTiff(dir.path("red.tif"), 4326, {0, 14, 4, 18}, 200, {{{2, 16}, 0.5, {255, 0, 0}}});
  auto toned = [&](const std::string& style) {
    auto scene = parseScene(R"({"sitmap_scene":1,"background":"#000000","layers":[{"path":"red.tif","style":{)" + style + "}}]}",
                            dir.root());
    EXPECT_TRUE(scene) << scene.error();
    RenderOptions o = at("2023-11-01T00:00Z");
    o.time.reset();
    auto image = renderScene(*scene, o);
    EXPECT_TRUE(image) << image.error();
    const Vec2 p = pixelOf({2, 16});
    return pixel(*image, int(p.x), int(p.y));
  };
  EXPECT_TRUE(near(toned(""), {255, 0, 0}, 6));
  const int luma = int(0.2126 * 255 + 0.5);  // Rec. 709 weights, as the shader's
  EXPECT_TRUE(near(toned(R"("saturation":0)"), {luma, luma, luma}, 6)) << toned(R"("saturation":0)")[0];
  const int half = luma + (255 - luma) / 2;
  EXPECT_TRUE(near(toned(R"("saturation":0,"lightness":0.5)"), {half, half, half}, 6));
}
