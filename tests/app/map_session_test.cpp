// The map session: scale-bar ground distance (against GeographicLib), home view, attribution, layer loading.
#include "app/map_session.hpp"

#include <GeographicLib/Geodesic.hpp>
#include <gtest/gtest.h>

#include <cmath>

#include "core/event_style.hpp"
#include "core/event_views.hpp"
#include "core/map_pick.hpp"
#include "core/symbology.hpp"
#include "core/utc_time.hpp"
#include "io/acled_reader.hpp"
#include "io/scene_file.hpp"
#include "io/time_layers.hpp"
#include "io/vector_loader.hpp"
#include "support/test_files.hpp"

using namespace sitmap;
using namespace sitmap::test;

namespace {

MapSession session(const std::string& crs) {
  Scene scene;
  scene.crs = crs;
  scene.homeLonLat = Bbox{-6, 14, 5, 22};
  auto created = MapSession::create(scene);
  EXPECT_TRUE(created) << created.error();
  return std::move(*created);
}

}  // namespace

TEST(MapSession, ScaleBarDistanceIsTheGeodesicAcrossTheViewCentre) {
  for (const char* crs : {"EPSG:3857", "EPSG:32631", "EPSG:4326"}) {
    MapSession s = session(crs);
    const Viewport view = Viewport::fitting(s.homeBounds(), 1920, 1080);
    const auto metresPerPixel = s.groundMetresPerPixel(view);
    ASSERT_TRUE(metresPerPixel) << crs;
    // Independently: the lon/lat of two screen points 100 px apart through the centre, measured by GeographicLib.
    const auto a = s.toLonLat(view.screenToWorld({910, 540}));
    const auto b = s.toLonLat(view.screenToWorld({1010, 540}));
    double metres = 0;
    GeographicLib::Geodesic::WGS84().Inverse(a->lat, a->lon, b->lat, b->lon, metres);
    EXPECT_NEAR(*metresPerPixel, metres / 100, 1e-6) << crs;
  }
}

TEST(MapSession, MercatorGroundDistanceShrinksWithLatitude) {
  MapSession s = session("EPSG:3857");
  // The same Mercator resolution shows less ground per pixel at 60°N than at the equator: cos(60°) = 0.5.
  auto at = [&](double lat) {
    const Vec2 centre = *s.toDisplay({0, lat});
    return *s.groundMetresPerPixel(Viewport(centre, 1000, 800, 600));
  };
  EXPECT_NEAR(at(60) / at(0), 0.5, 0.002);
  EXPECT_NEAR(at(0), 1000, 1);
}

TEST(MapSession, HomeViewIsTheSceneBoxInTheDisplayCrs) {
  MapSession s = session("EPSG:3857");
  const Bbox home = s.homeBounds();
  const Vec2 sw = *s.toDisplay({-6, 14});
  const Vec2 ne = *s.toDisplay({5, 22});
  EXPECT_NEAR(home.minX, sw.x, 1e-6);
  EXPECT_NEAR(home.minY, sw.y, 1e-6);
  EXPECT_NEAR(home.maxX, ne.x, 1e-6);
  EXPECT_NEAR(home.maxY, ne.y, 1e-6);
}

TEST(MapSession, DefaultSceneLoadsEveryLayerAndCreditsItsSources) {
  auto scene = loadSceneFile(sourceDir() + "/assets/scenes/default.json");
  ASSERT_TRUE(scene) << scene.error();
  auto s = MapSession::create(*scene);
  ASSERT_TRUE(s) << s.error();
  for (SessionLayer& layer : s->layers()) {
    auto data = openLayer(layer.spec, s->displayCrs());
    ASSERT_TRUE(data) << layer.spec.name << ": " << data.error();
    s->finishLoad(layer.uid, std::move(data));
    EXPECT_EQ(layer.state, SessionLayer::State::Ready);
  }
  const std::string attribution = s->attribution();
  EXPECT_NE(attribution.find("Natural Earth"), std::string::npos);
  EXPECT_NE(attribution.find("GeoNames (CC BY 4.0)"), std::string::npos);
  EXPECT_NE(attribution.find("GSHHG"), std::string::npos);
}

TEST(MapSession, AFailedLoadIsKeptWithItsReasonAndTheRestLoads) {
  Scene scene;
  LayerSpec missing;
  missing.path = "/no/such.gpkg";
  scene.layers.push_back(missing);
  auto s = MapSession::create(scene);
  ASSERT_TRUE(s);
  SessionLayer& layer = s->layers()[0];
  s->finishLoad(layer.uid, openLayer(layer.spec, s->displayCrs()));
  EXPECT_EQ(layer.state, SessionLayer::State::Failed);
  EXPECT_EQ(layer.error, "/no/such.gpkg: file not found");
}

TEST(MapSession, ScaleRangesHideLayersOutsideThem) {
  auto scene = parseScene(R"({"sitmap_scene":1,"layers":[{"path":"x.geojson","max_scale":1000000}]})", "/");
  ASSERT_TRUE(scene);
  EXPECT_TRUE(scene->layers[0].scales.contains(500000));
  EXPECT_FALSE(scene->layers[0].scales.contains(2000000));
}

TEST(MapSession, TheLegendKeysEverySymbolTheFrameDraws) {
  auto scene = loadSceneFile(sourceDir() + "/assets/scenes/default.json");
  ASSERT_TRUE(scene) << scene.error();
  auto s = MapSession::create(*scene);
  ASSERT_TRUE(s) << s.error();
  for (SessionLayer& layer : s->layers()) s->finishLoad(layer.uid, openLayer(layer.spec, s->displayCrs()));
  for (SessionLayer& layer : s->layers())
    if (layer.events()) layer.filterEngine = std::make_shared<EventFilterEngine>(*layer.events()->table);
  const Viewport view = Viewport::fitting(s->homeBounds(), 1600, 900);
  auto keyed = [](const MapFrame& frame, const std::string& label) {
    return std::any_of(frame.furniture.legend.begin(), frame.furniture.legend.end(),
                       [&](const LegendEntry& e) { return e.label == label; });
  };
  size_t marked = 0, contested = 0, lowConfidence = 0, stretches = 0, tallies = 0;
  for (const char* at : {"2023-08-13T12:00Z", "2023-10-01T00:00Z", "2023-11-02T12:00Z", "2023-11-04T12:00Z",
                         "2023-11-14T12:00Z", "2023-12-21T12:00Z"}) {
    s->clock().setTime(*parseUtc(at));
    s->updateSelections(true);
    const MapFrame frame = s->frame(view, 1, true);
    if (!frame.controlZones.empty()) {
      EXPECT_TRUE(keyed(frame, symbology::areaMethodEntry().label)) << at;
    }
    // In groups: control's entries follow a "Control" heading, never sitting under the incidents' title.
    if (frame.furniture.legendTitle.rfind("Incidents", 0) == 0 && !frame.controlZones.empty()) {
      const auto& legend = frame.furniture.legend;
      const auto heading = std::find_if(legend.begin(), legend.end(), [](const LegendEntry& e) {
        return e.symbol == LegendEntry::Symbol::Heading && e.label == "Control";
      });
      const auto method = std::find_if(legend.begin(), legend.end(),
                                       [](const LegendEntry& e) { return e.label == symbology::areaMethodEntry().label; });
      EXPECT_TRUE(heading != legend.end() && heading < method) << at;
    }
    if (!frame.incidentStretches.empty()) {
      ++stretches;
      EXPECT_TRUE(keyed(frame, symbology::stretchOnlyEntry().label)) << at;
    }
    if (!frame.regionTallies.empty()) {
      ++tallies;
      EXPECT_TRUE(keyed(frame, symbology::regionOnlyEntry().label)) << at;
    }
    if (!frame.convoys.empty()) {
      EXPECT_TRUE(keyed(frame, symbology::schematicRouteEntry().label)) << at;
    }
    for (const ControlMarker& marker : frame.controls) {
      ++marked;
      EXPECT_TRUE(std::any_of(frame.furniture.legend.begin(), frame.furniture.legend.end(),
                              [&](const LegendEntry& e) { return e.colour == marker.colour; }))
          << at << ": a held place in a colour the legend does not key";
      if (marker.justChanged) {
        EXPECT_TRUE(keyed(frame, symbology::justChangedEntry().label)) << at;
      }
    }
    for (const ControlZoneDraw& zone : frame.controlZones) {
      if (zone.style.stroke == symbology::kJustChanged) {
        EXPECT_TRUE(keyed(frame, symbology::justChangedEntry().label)) << at;
      }
      if (zone.style.hatched) {
        ++contested;
        EXPECT_TRUE(std::any_of(frame.furniture.legend.begin(), frame.furniture.legend.end(), [](const LegendEntry& e) {
          return e.symbol == LegendEntry::Symbol::Stripes;
        })) << at;
      }
      if (zone.style.dashed && zone.style.filled) {  // a dashed area: low confidence (claimed areas are none here)
        ++lowConfidence;
        EXPECT_TRUE(keyed(frame, symbology::lowConfidenceEntry().label)) << at;
      }
    }
    for (const ConvoyOverlay& convoy : frame.convoys) {
      if (!convoy.passedIncidents.empty() || !convoy.justReached.empty()) {
        EXPECT_TRUE(keyed(frame, symbology::passedIncidentEntry().label)) << at;
      }
    }
  }
  EXPECT_GT(marked, 10u) << "the test saw the default scene's held places";
  EXPECT_GT(contested, 0u);
  EXPECT_GT(lowConfidence, 0u);
  EXPECT_GT(stretches, 0u);
  EXPECT_GT(tallies, 0u);
}

TEST(MapSession, AWorldLayerToThePolesIsFramedWithinWebMercatorsLatitudes) {
  TempDir dir;
  writeText(dir.path("world.geojson"), R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
      "geometry":{"type":"Polygon","coordinates":[[[-180,-90],[180,-90],[180,90],[-180,90],[-180,-90]]]}}]})");
  Scene scene;
  LayerSpec world;
  world.path = dir.path("world.geojson");
  scene.layers.push_back(world);
  auto s = MapSession::create(scene);
  ASSERT_TRUE(s) << s.error();
  s->finishLoad(s->layers()[0].uid, openLayer(s->layers()[0].spec, s->displayCrs()));
  ASSERT_EQ(s->layers()[0].state, SessionLayer::State::Ready) << s->layers()[0].error;
  const Bbox home = s->homeBounds();
  const auto north = s->toLonLat({0, home.maxY});
  ASSERT_TRUE(north);
  EXPECT_NEAR(north->lat, 85.06, 0.1);
  EXPECT_LT(home.height() / home.width(), 1.05) << "a square world, not a postage stamp over Antarctica";
  // A zone CRS keeps the layer's own extent.
  scene.crs = "EPSG:32631";
  auto utm = MapSession::create(scene);
  ASSERT_TRUE(utm);
  utm->finishLoad(utm->layers()[0].uid, openLayer(utm->layers()[0].spec, utm->displayCrs()));
  EXPECT_TRUE(utm->homeBounds().valid());
}

TEST(MapSession, AConvoyRouteKeepsItsOwnCorners) {
  TempDir dir;
  // A corner at (2.003, 15.4): 2 km samples alone would cut it.
  writeText(dir.path("route.geojson"), R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
    "geometry":{"type":"LineString","coordinates":[[1,15],[2.003,15.4],[3,15]]}}]})");
  writeText(dir.path("waypoints.csv"), "time_utc,place,latitude,longitude\n2023-11-01T00:00Z,West,15,1\n2023-11-02T00:00Z,East,15,3\n");
  auto scene = parseScene(R"({"sitmap_scene":1,"convoys":[{"route":"route.geojson","waypoints":"waypoints.csv"}]})", dir.root());
  ASSERT_TRUE(scene) << scene.error();
  auto s = MapSession::create(*scene);
  ASSERT_TRUE(s) << s.error();
  ASSERT_EQ(s->convoys().size(), 1u) << (s->convoyErrors().empty() ? "" : s->convoyErrors()[0]);
  const auto corner = s->toDisplay({2.003, 15.4});
  const auto& route = s->convoys()[0].routeDisplay;
  EXPECT_TRUE(std::any_of(route.begin(), route.end(), [&](Vec2 p) { return std::abs(p.x - corner->x) < 1e-6 && std::abs(p.y - corner->y) < 1e-6; }))
      << "the drawn route passes through the route's own vertex";
  EXPECT_TRUE(std::is_sorted(s->convoys()[0].routeMetres.begin(), s->convoys()[0].routeMetres.end()));
}

TEST(MapSession, RouteRiskFollowsWhichIncidentLayersAreShownNotHowMany) {
  TempDir dir;
  writeText(dir.path("route.geojson"), R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
    "geometry":{"type":"LineString","coordinates":[[1,15],[3,15]]}}]})");
  writeText(dir.path("waypoints.csv"), "time_utc,place,latitude,longitude\n2023-11-01T00:00Z,West,15,1\n2023-11-02T00:00Z,East,15,3\n");
  const std::string header = "event_id_cnty,event_date,event_type,latitude,longitude,fatalities\n";
  writeText(dir.path("near.csv"), header + "N1,2023-10-25,Battles,15.01,2,0\n");  // beside the route
  writeText(dir.path("far.csv"), header + "F1,2023-10-25,Battles,18,2,0\n");     // 330 km away
  auto scene = parseScene(R"({"sitmap_scene":1,"layers":[{"path":"near.csv","kind":"incidents"},{"path":"far.csv","kind":"incidents"}],
      "convoys":[{"route":"route.geojson","waypoints":"waypoints.csv"}]})", dir.root());
  ASSERT_TRUE(scene) << scene.error();
  auto s = MapSession::create(*scene);
  ASSERT_TRUE(s) << s.error();
  for (SessionLayer& layer : s->layers()) s->finishLoad(layer.uid, openLayer(layer.spec, s->displayCrs()));
  auto total = [&] {
    uint32_t n = 0;
    for (const auto& risk : s->routeRisks(30, *parseUtc("2023-11-01T00:00Z")))
      for (uint32_t count : risk) n += count;
    return n;
  };
  s->layers()[1].spec.visible = false;
  EXPECT_EQ(total(), 1u);
  s->layers()[0].spec.visible = false;  // one incident layer shown, as before, but the other one
  s->layers()[1].spec.visible = true;
  EXPECT_EQ(total(), 0u) << "a cache keyed on the count of layers would still say 1";
}

TEST(MapSession, APickedRegionSaysWhereItDisagreesWithTheAdminNames) {
  // The basemap's Kidal polygon (Natural Earth) against the reference events' admin1 "Kidal".
  VectorLoadRequest request;
  request.path = sourceDir() + "/assets/basemap/northern-mali.gpkg";
  request.layerName = "admin1";
  request.displayCrs = "EPSG:4326";
  request.attributeFilter = "name_fr = 'Kidal'";
  auto kidal = loadVector(request);
  ASSERT_TRUE(kidal) << kidal.error();
  ASSERT_EQ(kidal->polygonFeatures.size(), 1u);
  const RegionShape region = regionOf(*kidal, kidal->polygonFeatures[0].firstRing, kidal->polygonFeatures[0].ringCount, "Kidal");
  auto events = readAcledCsv(sourceDir() + "/assets/data/events.csv");
  ASSERT_TRUE(events) << events.error();
  const RegionNameCheck check = checkRegionNames(events->table, region);
  EXPECT_EQ(check.level, "admin1");
  EXPECT_EQ(check.named, 23u);
  EXPECT_EQ(check.inside, 18u);
  EXPECT_FALSE(check.agrees());
  EXPECT_EQ(check.named - check.namedOutside + check.insideOtherName, check.inside);
  const std::string text = check.text();
  EXPECT_NE(text.find("18 events inside the polygon, 23 carry admin1 'Kidal'"), std::string::npos) << text;
  EXPECT_NE(text.find("lie outside it"), std::string::npos) << text;
  // A polygon no admin name matches says so.
  RegionShape nowhere = region;
  nowhere.name = "Drawn rectangle";
  EXPECT_NE(checkRegionNames(events->table, nowhere).text().find("no event names it"), std::string::npos);
}

TEST(MapSession, TheLegendKeysIncidentsAsTheyAreDrawnPointsBinsOrHexagons) {
  TempDir dir;
  std::string csv = "event_id_cnty,event_date,event_type,latitude,longitude,fatalities\n";
  for (int i = 0; i < 3100; ++i) csv += "E" + std::to_string(i) + ",2023-10-25," + (i % 2 ? "Battles" : "Riots") + ",16,2,0\n";
  writeText(dir.path("events.csv"), csv);
  auto legendOf = [&](const std::string& aggregation) {
    auto scene = parseScene(R"({"sitmap_scene":1,"home_bbox":[0,14,4,18],"layers":[{"path":"events.csv","kind":"incidents",
        "aggregation":")" + aggregation + R"("}]})", dir.root());
    EXPECT_TRUE(scene) << scene.error();
    auto s = MapSession::create(*scene);
    EXPECT_TRUE(s) << s.error();
    for (SessionLayer& layer : s->layers()) s->finishLoad(layer.uid, openLayer(layer.spec, s->displayCrs()));
    s->updateSelections(true);
    return s->frame(Viewport::fitting(s->homeBounds(), 800, 800), 1, true).furniture.legend;
  };
  auto has = [](const std::vector<LegendEntry>& legend, const std::string& start, LegendEntry::Symbol symbol) {
    return std::any_of(legend.begin(), legend.end(),
                       [&](const LegendEntry& e) { return e.label.rfind(start, 0) == 0 && e.symbol == symbol; });
  };
  const auto points = legendOf("points"), bins = legendOf("bins"), automatic = legendOf("auto"), density = legendOf("density");
  EXPECT_TRUE(has(points, "Battles (1550)", LegendEntry::Symbol::Dot));
  EXPECT_FALSE(has(points, "Numbered circle", LegendEntry::Symbol::Note));
  EXPECT_TRUE(has(bins, "Battles (1550)", LegendEntry::Symbol::Dot));
  EXPECT_TRUE(has(bins, "Numbered circle", LegendEntry::Symbol::Note));
  EXPECT_TRUE(has(automatic, "Numbered circle", LegendEntry::Symbol::Note)) << "3100 in view: binned";
  // Hexagons: a swatch per class and what a hexagon covers; the types in words, with no colour that is not drawn.
  EXPECT_TRUE(has(density, "Battles (1550)", LegendEntry::Symbol::Note));
  EXPECT_FALSE(has(density, "Battles", LegendEntry::Symbol::Dot));
  EXPECT_TRUE(has(density, "500 or more", LegendEntry::Symbol::Dot));
  // 16 px from centre to corner at 557 m a pixel (Mercator at 16°N): sqrt(3) x 16 x 0.557 = 15.4 km across.
  EXPECT_TRUE(has(density, "Incidents per hexagon, each about 15 km across", LegendEntry::Symbol::Note));
}

// Incidents drawn one by one are sized by their deaths, and the legend gives the key at the sizes drawn (capped
// as the layer caps them); with no deaths among them, or counted into bins, there is no size to key.
TEST(MapSession, TheLegendHasAFatalitySizeKeyWhereSymbolsAreSizedByDeaths) {
  TempDir dir;
  auto legendOf = [&](const std::string& fatalities, const std::string& keys) {
    writeText(dir.path("events.csv"), "event_id_cnty,event_date,event_type,latitude,longitude,fatalities\n"
                                      "E1,2023-10-25,Battles,16,2,0\nE2,2023-10-25,Battles,16.5,2.5," + fatalities + "\n");
    auto scene = parseScene(R"({"sitmap_scene":1,"home_bbox":[0,14,4,18],"layers":[{"path":"events.csv","kind":"incidents")" +
                                keys + "}]}", dir.root());
    EXPECT_TRUE(scene) << scene.error();
    auto s = MapSession::create(*scene);
    EXPECT_TRUE(s) << s.error();
    for (SessionLayer& layer : s->layers()) s->finishLoad(layer.uid, openLayer(layer.spec, s->displayCrs()));
    s->updateSelections(true);
    return s->frame(Viewport::fitting(s->homeBounds(), 800, 800), 1, true).furniture.legend;
  };
  auto sizeKey = [](const std::vector<LegendEntry>& legend) -> std::optional<LegendEntry> {
    for (const LegendEntry& e : legend)
      if (e.symbol == LegendEntry::Symbol::Sizes) return e;
    return std::nullopt;
  };
  const auto key = sizeKey(legendOf("12", R"(,"aggregation":"points")"));
  ASSERT_TRUE(key);
  EXPECT_EQ(key->label, "Size: 0, 10, 50 fatalities");
  EXPECT_EQ(key->diameters, (std::vector<float>{eventDiameter(0), eventDiameter(10), eventDiameter(50)}));
  const auto capped = sizeKey(legendOf("12", R"(,"aggregation":"points","max_symbol_px":14)"));
  ASSERT_TRUE(capped);
  EXPECT_EQ(capped->diameters, (std::vector<float>{eventDiameter(0), 14, 14})) << "as the map caps them";
  const auto oneSize = sizeKey(legendOf("12", R"(,"aggregation":"points","max_symbol_px":6)"));
  ASSERT_TRUE(oneSize);
  EXPECT_EQ(oneSize->diameters.size(), 1u);
  EXPECT_EQ(oneSize->label, "One size (capped): fatalities not shown by size");
  EXPECT_FALSE(sizeKey(legendOf("0", R"(,"aggregation":"points")"))) << "no deaths: no size to key";
  EXPECT_FALSE(sizeKey(legendOf("12", R"(,"aggregation":"bins")"))) << "bins are not sized by deaths";
}

TEST(MapSession, ConvoysReadLaterJoinInTheScenesOrderAndRouteRiskCountsThemOnArrival) {
  TempDir dir;
  writeText(dir.path("route.geojson"), R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
    "geometry":{"type":"LineString","coordinates":[[1,15],[3,15]]}}]})");
  writeText(dir.path("first.csv"), "time_utc,place,latitude,longitude\n2023-11-01T00:00Z,West,15,1\n2023-11-02T00:00Z,East,15,3\n");
  writeText(dir.path("second.csv"), "time_utc,place,latitude,longitude\n2023-11-05T00:00Z,West,15,1\n2023-11-09T00:00Z,East,15,3\n");
  // Beside the route on the day the first convoy passes it (the second sets out four days later).
  writeText(dir.path("near.csv"), "event_id_cnty,event_date,event_type,latitude,longitude,fatalities\nN1,2023-11-01,Battles,15.01,2,0\n");
  auto scene = parseScene(R"({"sitmap_scene":1,"layers":[{"path":"near.csv","kind":"incidents"}],
      "convoys":[{"name":"First","route":"route.geojson","waypoints":"first.csv"},
                 {"name":"Second","route":"route.geojson","waypoints":"second.csv"},
                 {"name":"Broken","route":"route.geojson","waypoints":"missing.csv"}]})", dir.root());
  ASSERT_TRUE(scene) << scene.error();
  auto s = MapSession::create(*scene, true);
  ASSERT_TRUE(s) << s.error();
  EXPECT_TRUE(s->convoys().empty()) << "nothing read while the session is made";
  EXPECT_EQ(s->pendingConvoys(), (std::vector<size_t>{0, 1, 2}));
  for (SessionLayer& layer : s->layers()) s->finishLoad(layer.uid, openLayer(layer.spec, s->displayCrs()));
  s->updateSelections(true);
  const UtcSeconds now = *parseUtc("2023-11-10T00:00Z");
  // The second arrives first: it is measured alone, then the first joins ahead of it and is measured too.
  s->finishConvoy(1, loadConvoy(scene->convoys[1], s->convoyPlacesPath()));
  ASSERT_EQ(s->routeRisks(30, now).size(), 1u);
  EXPECT_TRUE(s->incidentsPassed(0, now).near.empty()) << "the second convoy set out after the incident";
  s->finishConvoy(0, loadConvoy(scene->convoys[0], s->convoyPlacesPath()));
  ASSERT_EQ(s->convoys().size(), 2u);
  EXPECT_EQ(s->convoys()[0].track.name(), "First");
  EXPECT_EQ(s->convoys()[1].track.name(), "Second");
  EXPECT_EQ(s->routeRisks(30, now).size(), 2u);
  EXPECT_EQ(s->incidentsPassed(0, now).near.size(), 1u) << "measured for the first convoy, not the cached second";
  EXPECT_TRUE(s->incidentsPassed(1, now).near.empty());
  EXPECT_EQ(s->clock().extent().first, *parseUtc("2023-11-01T00:00Z")) << "the clock spans the first departure";
  EXPECT_EQ(s->clock().extent().last, *parseUtc("2023-11-09T00:00Z")) << "and the last arrival";
  s->finishConvoy(2, loadConvoy(scene->convoys[2], s->convoyPlacesPath()));
  EXPECT_TRUE(s->pendingConvoys().empty());
  ASSERT_EQ(s->convoyErrors().size(), 1u);
  EXPECT_NE(s->convoyErrors()[0].find("missing.csv"), std::string::npos);
  s->finishConvoy(0, loadConvoy(scene->convoys[0], s->convoyPlacesPath()));
  EXPECT_EQ(s->convoys().size(), 2u) << "a convoy it no longer waits for is not added twice";
}

TEST(MapSession, TheCreditsNameTheProjectionTheMapIsDrawnIn) {
  for (const auto& [crs, name] : {std::pair{"EPSG:32631", "Projection: WGS 84 / UTM zone 31N"}, {"EPSG:3857", "Projection: WGS 84 / Pseudo-Mercator"}}) {
    MapSession s = session(crs);
    const std::string credits = s.frame(Viewport::fitting(s.homeBounds(), 800, 450), 1, true).furniture.attribution;
    EXPECT_NE(credits.find(name), std::string::npos) << credits;
  }
}

TEST(MapSession, TheShapesTheFilterKeepsToAreOutlinedAndKeyed) {
  TempDir dir;
  writeText(dir.path("events.csv"), "event_id_cnty,event_date,event_type,latitude,longitude,fatalities\nA,2023-10-25,Battles,16,2,0\n");
  auto scene = parseScene(R"({"sitmap_scene":1,"home_bbox":[0,14,4,18],"layers":[{"path":"events.csv","kind":"incidents"}]})", dir.root());
  ASSERT_TRUE(scene);
  auto s = MapSession::create(*scene);
  ASSERT_TRUE(s);
  for (SessionLayer& layer : s->layers()) s->finishLoad(layer.uid, openLayer(layer.spec, s->displayCrs()));
  EventFilter f;
  f.regions = {RegionShape{"Box 1", {{{1, 15}, {3, 15}, {3, 17}, {1, 17}}}}, RegionShape{"Kidal (polygon)", {{{0, 17}, {1, 17}, {1, 18}}}}};
  s->setEventFilter(f);
  s->updateSelections(true);
  const MapFrame frame = s->frame(Viewport::fitting(s->homeBounds(), 800, 800), 1, true);
  ASSERT_EQ(frame.filterShapes.size(), 2u);
  EXPECT_EQ(frame.filterShapes[0].rings[0].size(), 4u);
  EXPECT_NEAR(frame.filterShapes[0].rings[0][1].x, s->toDisplay({3, 15})->x, 1e-6);
  EXPECT_TRUE(std::any_of(frame.furniture.legend.begin(), frame.furniture.legend.end(), [](const LegendEntry& e) {
    return e.label == "Incidents counted inside: Box 1, Kidal (polygon)" && e.symbol == LegendEntry::Symbol::Ring;
  }));
}

TEST(MapSession, LayersAUserBringsAreKeyedInTheLegendByTheirOwnStyleAndScenesOptIn) {
  TempDir dir;
  writeFloatGeoTiff(dir.path("dem.tif"), {0, 14, 4, 18}, 2, 1, {120.0f, 900.0f}, -9999);
  Scene scene = sceneForFiles({dir.path("dem.tif"), sourceDir() + "/assets/basemap/northern-mali.gpkg"});
  LayerSpec quiet;
  quiet.name = "Scene layer";
  quiet.path = sourceDir() + "/assets/basemap/northern-mali.gpkg";
  quiet.sourceLayer = "rivers";
  scene.layers.push_back(quiet);  // from a scene, without "legend": not keyed
  auto s = MapSession::create(scene);
  ASSERT_TRUE(s) << s.error();
  for (SessionLayer& layer : s->layers()) s->finishLoad(layer.uid, openLayer(layer.spec, s->displayCrs()));
  const MapFrame frame = s->frame(Viewport({0, 0}, 5000, 800, 450), 1, true);
  auto find = [&](const std::string& label) -> const LegendEntry* {
    for (const LegendEntry& e : frame.furniture.legend)
      if (e.label == label) return &e;
    return nullptr;
  };
  const LegendEntry* dem = find("dem.tif: 120 to 900");
  ASSERT_NE(dem, nullptr) << "a raster is keyed by its values, grey over the band's range";
  EXPECT_EQ(dem->symbol, LegendEntry::Symbol::Ramp);
  EXPECT_EQ(dem->ramp.front(), (Rgba{0, 0, 0, 1}));
  const LegendEntry* rivers = find("northern-mali.gpkg \u00b7 rivers");
  ASSERT_NE(rivers, nullptr);
  EXPECT_EQ(rivers->symbol, LegendEntry::Symbol::Line) << "lines by a line, never an area's outline square";
  for (const SessionLayer& layer : s->layers()) {
    if (layer.spec.sourceLayer == "rivers" && layer.spec.name != "Scene layer") {
      EXPECT_EQ(rivers->colour, layer.spec.vector.stroke) << "by the line's own colour";
    }
  }
  const LegendEntry* land = find("northern-mali.gpkg \u00b7 land");
  ASSERT_NE(land, nullptr);
  EXPECT_EQ(land->symbol, LegendEntry::Symbol::Dot);
  EXPECT_EQ(land->colour, s->layers()[1].spec.vector.fill) << "areas by their fill";
  EXPECT_EQ(find("Scene layer"), nullptr);
  EXPECT_EQ(frame.furniture.legendTitle, "Layers");
  // Restyled, the key follows.
  s->layers()[0].spec.raster.ramp = presetRamp(rampPresets()[2], 0, 500);
  const MapFrame restyled = s->frame(Viewport({0, 0}, 5000, 800, 450), 1, true);
  bool heat = false;
  for (const LegendEntry& e : restyled.furniture.legend) heat |= e.label == "dem.tif: 0 to 500" && e.ramp == rampPresets()[2].colours;
  EXPECT_TRUE(heat);
}
