// Convoys (route + waypoint table, GPX with times) and control layers, with their bad inputs.
#include "io/time_layers.hpp"

#include <gtest/gtest.h>

#include "support/test_files.hpp"

using namespace sitmap;
using namespace sitmap::test;

namespace {

const char* kRoute = R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
  "geometry":{"type":"LineString","coordinates":[[1.40778,18.44111],[0.60306,18.04389],[-0.04472,16.27167]]}}]})";

ConvoySpec convoy(const TempDir& dir, const std::string& waypoints) {
  writeText(dir.path("route.geojson"), kRoute);
  writeText(dir.path("waypoints.csv"), waypoints);
  ConvoySpec spec;
  spec.name = "test convoy";
  spec.routePath = dir.path("route.geojson");
  spec.waypointsPath = dir.path("waypoints.csv");
  return spec;
}

}  // namespace

TEST(ConvoyLoader, RouteAndWaypointTable) {
  TempDir dir;
  auto track = loadConvoy(convoy(dir,
                                 "time_utc,place,latitude,longitude,basis\n"
                                 "2023-10-31T07:00Z,Kidal,18.44111,1.40778,reported\n"
                                 "2023-11-04T13:00+01:00,Anefis,18.04389,0.60306,reported\n"  // 12:00Z
                                 "2023-11-07 18:00,Gao,16.27167,-0.04472,inferred\n"));        // no zone: UTC
  ASSERT_TRUE(track) << track.error();
  ASSERT_EQ(track->waypoints().size(), 3u);
  EXPECT_EQ(track->waypoints()[1].time, *parseUtc("2023-11-04T12:00Z"));
  EXPECT_EQ(track->waypoints()[2].time, *parseUtc("2023-11-07T18:00Z"));
  EXPECT_TRUE(track->waypoints()[2].inferred);
  EXPECT_NEAR(track->waypoints()[1].metresAlong, geodesicLength({{1.40778, 18.44111}, {0.60306, 18.04389}}), 1.0);
  const TrackPosition p = track->at(*parseUtc("2023-11-04T12:00Z"));
  EXPECT_NEAR(p.position.lat, 18.04389, 1e-6);
  EXPECT_EQ(p.status, TrackStatus::Moving);
}

TEST(ConvoyLoader, WaypointsByPlaceName) {
  TempDir dir;
  ConvoySpec spec = convoy(dir, "time_utc,place\n2023-10-31T07:00Z,Kidal\n2023-11-07T18:00Z,Gao\n");
  auto track = loadConvoy(spec, sourceDir() + "/assets/basemap/northern-mali.gpkg");
  ASSERT_TRUE(track) << track.error();
  EXPECT_NEAR(track->waypoints()[1].metresAlong, track->lengthMetres(), 1.0);
}

TEST(ConvoyLoader, BadInputsNameTheRow) {
  TempDir dir;
  auto backwards = loadConvoy(convoy(dir, "time_utc,place,latitude,longitude\n2023-11-04T12:00Z,A,18.44111,1.40778\n"
                                          "2023-11-01T12:00Z,B,16.27167,-0.04472\n"));
  ASSERT_FALSE(backwards);
  EXPECT_NE(backwards.error().find("time goes backwards at waypoint 2 (B"), std::string::npos) << backwards.error();
  auto badTime = loadConvoy(convoy(dir, "time_utc,place,latitude,longitude\n2023-11-04T12:00 CET,A,18.44111,1.40778\n"));
  ASSERT_FALSE(badTime);
  EXPECT_NE(badTime.error().find("row 2: cannot read the time '2023-11-04T12:00 CET'"), std::string::npos) << badTime.error();
  auto off = loadConvoy(convoy(dir, "time_utc,place,latitude,longitude\n2023-11-01T00:00Z,Kidal,18.44111,1.40778\n"
                                    "2023-11-02T00:00Z,Tombouctou,16.77348,-3.00742\n"));
  ASSERT_FALSE(off);
  EXPECT_NE(off.error().find("row 3 (Tombouctou) is"), std::string::npos) << off.error();
  EXPECT_NE(off.error().find("km off the route"), std::string::npos);
  auto single = loadConvoy(convoy(dir, "time_utc,place,latitude,longitude\n2023-11-01T00:00Z,Kidal,18.44111,1.40778\n"));
  ASSERT_FALSE(single);
  EXPECT_NE(single.error().find("at least two timed points"), std::string::npos);
  auto unknownPlace = loadConvoy(convoy(dir, "time_utc,place\n2023-11-01T00:00Z,Atlantis\n"));
  ASSERT_FALSE(unknownPlace);
  EXPECT_NE(unknownPlace.error().find("'Atlantis' is not a known place"), std::string::npos);
}

TEST(ConvoyLoader, GpxWithAndWithoutTimes) {
  TempDir dir;
  writeText(dir.path("timed.gpx"), R"(<?xml version="1.0"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
    <trk><trkseg><trkpt lat="16.0" lon="0.0"><time>2023-11-01T00:00:00Z</time></trkpt>
    <trkpt lat="16.5" lon="0.0"><time>2023-11-01T10:00:00Z</time></trkpt></trkseg></trk></gpx>)");
  ConvoySpec spec;
  spec.name = "gpx";
  spec.gpxPath = dir.path("timed.gpx");
  auto track = loadConvoy(spec);
  ASSERT_TRUE(track) << track.error();
  EXPECT_NEAR(track->at(*parseUtc("2023-11-01T05:00Z")).position.lat, 16.25, 0.001);
  writeText(dir.path("untimed.gpx"), R"(<?xml version="1.0"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
    <trk><trkseg><trkpt lat="16.0" lon="0.0"/><trkpt lat="16.5" lon="0.0"/></trkseg></trk></gpx>)");
  spec.gpxPath = dir.path("untimed.gpx");
  auto untimed = loadConvoy(spec);
  ASSERT_FALSE(untimed);
  EXPECT_NE(untimed.error().find("track point 1 has no time"), std::string::npos) << untimed.error();
}

// A file is read by the drivers its extension names: OSM XML named .gpx used to reach GDAL's OSM driver (which
// builds a temporary SQLite database for it, up to 26 s under the fuzzer), and a KML named .geojson was read as
// KML. Each is now "not a readable vector file", and a real KML still reads as KML.
TEST(ConvoyLoader, AFileIsReadByTheDriversItsExtensionNames) {
  TempDir dir;
  writeText(dir.path("osm.gpx"), R"(<osm version="0.6"><node id="1" lat="16.0" lon="0.0"/></osm>)");
  ConvoySpec spec;
  spec.name = "osm";
  spec.gpxPath = dir.path("osm.gpx");
  auto osm = loadConvoy(spec);
  ASSERT_FALSE(osm);
  EXPECT_NE(osm.error().find("not a readable vector file"), std::string::npos) << osm.error();
  const char* kml = R"(<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark>
    <name>Anefis</name><ExtendedData><Data name="actor"><value>CSP</value></Data><Data name="status"><value>control</value></Data>
    <Data name="valid_from"><value>2023-10-01</value></Data></ExtendedData><Point><coordinates>0.93,18.05</coordinates></Point>
    </Placemark></Document></kml>)";
  writeText(dir.path("control.geojson"), kml);
  auto misnamed = loadControl(dir.path("control.geojson"), "", {});
  ASSERT_FALSE(misnamed);
  EXPECT_NE(misnamed.error().find("not a readable vector file"), std::string::npos) << misnamed.error();
  writeText(dir.path("control.kml"), kml);
  auto control = loadControl(dir.path("control.kml"), "", {});
  ASSERT_TRUE(control) << control.error();
  EXPECT_EQ(control->features.size(), 1u) << (control->problems.empty() ? "" : control->problems.front());
}

TEST(ControlLoader, ValidityIsInclusiveFromExclusiveTo) {
  TempDir dir;
  writeText(dir.path("control.geojson"), R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"name":"Kidal","actor":"CSP-PSD","status":"control","valid_from":"2023-06-01","valid_to":"2023-11-14"},
     "geometry":{"type":"Point","coordinates":[1.40778,18.44111]}},
    {"type":"Feature","properties":{"name":"Kidal","actor":"FAMa","status":"control","valid_from":"2023-11-14","valid_to":""},
     "geometry":{"type":"Point","coordinates":[1.40778,18.44111]}},
    {"type":"Feature","properties":{"name":"Broken","actor":"X","status":"control","valid_from":"2023-11-14","valid_to":"2023-11-01"},
     "geometry":{"type":"Point","coordinates":[0,16]}},
    {"type":"Feature","properties":{"name":"Odd","actor":"X","status":"occupied","valid_from":"2023-11-14","valid_to":""},
     "geometry":{"type":"Point","coordinates":[0,16]}}]})");
  auto load = loadControl(dir.path("control.geojson"), "", {});
  ASSERT_TRUE(load) << load.error();
  ASSERT_EQ(load->features.size(), 2u);
  ASSERT_EQ(load->problems.size(), 2u);
  EXPECT_NE(load->problems[0].find("Broken: valid_to 2023-11-01 00:00Z is before valid_from 2023-11-14 00:00Z"), std::string::npos)
      << load->problems[0];
  EXPECT_NE(load->problems[1].find("Odd: unknown status 'occupied'"), std::string::npos);
  const UtcSeconds handover = *parseUtc("2023-11-14");
  EXPECT_TRUE(load->features[0].validAt(handover - 1));
  EXPECT_FALSE(load->features[0].validAt(handover));  // exclusive end
  EXPECT_TRUE(load->features[1].validAt(handover));   // inclusive start
  EXPECT_FALSE(load->features[1].validTo);             // empty: still valid
  EXPECT_TRUE(load->features[1].beganWithinADayOf(handover + 86399));
  EXPECT_FALSE(load->features[1].beganWithinADayOf(handover + 86400));
}

TEST(ControlLoader, FieldNamesCanBeMapped) {
  TempDir dir;
  writeText(dir.path("c.geojson"), R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"who":"FAMa","what":"influence","since":"2023-10-07"},"geometry":{"type":"Point","coordinates":[0.6,18.0]}}]})");
  EXPECT_FALSE(loadControl(dir.path("c.geojson"), "", {}));
  auto load = loadControl(dir.path("c.geojson"), "", {{"actor", "who"}, {"status", "what"}, {"valid_from", "since"}});
  ASSERT_TRUE(load) << load.error();
  EXPECT_EQ(load->features[0].status, ControlStatus::Influence);
}

TEST(ConvoyLoader, LinesWhoseVerticesCarryTimes) {
  TempDir dir;
  // A "times" list, one UTC time per vertex (GeoJSON arrays become OGR string lists).
  writeText(dir.path("timed.geojson"), R"({"type":"FeatureCollection","features":[{"type":"Feature",
    "properties":{"times":["2023-11-01T00:00Z","2023-11-01T10:00+01:00"]},
    "geometry":{"type":"LineString","coordinates":[[0,16],[0,16.5]]}}]})");
  ConvoySpec spec;
  spec.name = "line";
  spec.gpxPath = dir.path("timed.geojson");
  auto track = loadConvoy(spec);
  ASSERT_TRUE(track) << track.error();
  EXPECT_EQ(track->arrival(), *parseUtc("2023-11-01T09:00Z"));
  EXPECT_NEAR(track->at(*parseUtc("2023-11-01T04:30Z")).position.lat, 16.25, 0.001);
  // M values as UTC seconds, through a WKT line with measures in a CSV.
  const UtcSeconds t0 = *parseUtc("2023-11-01T00:00Z");
  writeText(dir.path("measured.csv"),
            "name,WKT\nconvoy,\"LINESTRING M (0 16 " + std::to_string(t0) + ", 0 16.5 " + std::to_string(t0 + 3600) + ")\"\n");
  spec.gpxPath = dir.path("measured.csv");
  auto measured = loadConvoy(spec);
  ASSERT_TRUE(measured) << measured.error();
  EXPECT_EQ(measured->arrival(), t0 + 3600);
  writeText(dir.path("untimed.geojson"), R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
    "geometry":{"type":"LineString","coordinates":[[0,16],[0,16.5]]}}]})");
  spec.gpxPath = dir.path("untimed.geojson");
  auto untimed = loadConvoy(spec);
  ASSERT_FALSE(untimed);
  EXPECT_NE(untimed.error().find("carry no times"), std::string::npos) << untimed.error();
}

TEST(ControlLoader, AreasRoadStretchesBothSidesAndSinceBeforeAreRead) {
  TempDir dir;
  writeText(dir.path("areas.geojson"), R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"name":"Cercle","actor":"CSP-PSD","other_actor":"FAMa","status":"contested",
     "valid_from":"2023-06-01","since_before":1},
     "geometry":{"type":"Polygon","coordinates":[[[0,17],[1,17],[1,18],[0,18],[0,17]]]}},
    {"type":"Feature","properties":{"name":"Axis","actor":"CSP-PSD","status":"claimed","valid_from":"2023-12-20","since_before":0},
     "geometry":{"type":"MultiLineString","coordinates":[[[0,16],[1,16.5]],[[1,16.5],[2,17]]]}}]})");
  auto load = loadControl(dir.path("areas.geojson"), "", {});
  ASSERT_TRUE(load) << load.error();
  ASSERT_EQ(load->features.size(), 2u);
  EXPECT_TRUE(load->sinceBeforeGiven);
  const ControlFeature& area = load->features[0];
  EXPECT_FALSE(area.isPoint);
  EXPECT_EQ(area.otherActor, "FAMa");
  EXPECT_TRUE(area.sinceBefore);
  EXPECT_EQ(area.rings.size(), 1u);
  const ControlFeature& axis = load->features[1];
  EXPECT_FALSE(axis.isPoint);
  EXPECT_TRUE(axis.rings.empty());
  EXPECT_EQ(axis.lines.size(), 2u);
  EXPECT_FALSE(axis.sinceBefore);
}
