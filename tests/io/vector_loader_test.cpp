// Vector loading through OGR: reprojection, polygons with holes, labels, CSV columns, bad input.
#include "io/vector_loader.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "io/crs.hpp"
#include "support/test_files.hpp"

using namespace sitmap;
using namespace sitmap::test;

namespace {

const char* kPolygonWithHole = R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"name":"Zone"},"geometry":{"type":"Polygon","coordinates":[
   [[0,14],[4,14],[4,18],[0,18],[0,14]],[[1,15],[3,15],[3,17],[1,17],[1,15]]]}},
 {"type":"Feature","properties":{"name":"Kidal","pop":11643},"geometry":{"type":"Point","coordinates":[1.40778,18.44111]}},
 {"type":"Feature","properties":{"name":"Gao","pop":87000},"geometry":{"type":"Point","coordinates":[-0.04472,16.27167]}}]})";

Vec2 inCrs(const std::string& crs, LonLat p) {
  Vec2 v{p.lon, p.lat};
  CrsTransform::fromLonLat(crs)->apply(v);
  return v;
}

}  // namespace

TEST(VectorLoader, ReprojectsToTheDisplayCrs) {
  TempDir dir;
  writeText(dir.path("a.geojson"), kPolygonWithHole);
  auto data = loadVector({dir.path("a.geojson"), "", "EPSG:3857", "name", "pop", false, ""});
  ASSERT_TRUE(data) << data.error();
  EXPECT_EQ(data->featureCount, 3u);
  EXPECT_EQ(data->geometryType, "Mixed");
  EXPECT_EQ(data->fieldNames, (std::vector<std::string>{"name", "pop"}));
  ASSERT_EQ(data->points.size(), 2u);
  // Web Mercator: x = R * lon, y = R * ln(tan(pi/4 + lat/2)), angles in radians.
  const double R = 6378137.0, toRadians = 3.14159265358979323846 / 180;
  EXPECT_NEAR(data->points[0].x, R * 1.40778 * toRadians, 0.01);
  EXPECT_NEAR(data->points[0].y, R * std::log(std::tan(3.14159265358979323846 / 4 + 18.44111 * toRadians / 2)), 0.01);
  ASSERT_EQ(data->rings.size(), 2u);  // outer ring and hole
  EXPECT_EQ(data->lines.size(), 2u);  // their outlines
  EXPECT_EQ(data->rings[0].count, 5u);
}

TEST(VectorLoader, ReadsUtmInputsIntoMercator) {
  TempDir dir;
  // A point in EPSG:32631 (UTM 31N): easting 500000 is the central meridian, 3°E.
  writeText(dir.path("utm.geojson"), R"({"type":"FeatureCollection",
    "crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32631"}},
    "features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[500000,1990000]}}]})");
  auto data = loadVector({dir.path("utm.geojson"), "", "EPSG:4326", "", "", true, ""});
  ASSERT_TRUE(data) << data.error();
  ASSERT_EQ(data->points.size(), 1u);
  EXPECT_NEAR(data->points[0].x, 3.0, 1e-9);
  EXPECT_NEAR(data->points[0].y, 18.0, 0.01);
}

TEST(VectorLoader, LabelsCarryPriorityAndAnchors) {
  TempDir dir;
  writeText(dir.path("a.geojson"), kPolygonWithHole);
  auto data = loadVector({dir.path("a.geojson"), "", "EPSG:4326", "name", "pop", false, ""});
  ASSERT_TRUE(data) << data.error();
  ASSERT_EQ(data->labels.size(), 3u);
  EXPECT_FALSE(data->labels[0].onPointSymbol);  // the zone: an area label inside the polygon
  EXPECT_TRUE(Bbox({0, 14, 4, 18}).contains(data->labels[0].position));
  const bool inHole = Bbox({1, 15, 3, 17}).contains(data->labels[0].position);
  EXPECT_FALSE(inHole);
  EXPECT_EQ(data->labels[2].text, "Gao");
  EXPECT_GT(data->labels[2].priority, data->labels[1].priority);  // descending population: Gao first
}

TEST(VectorLoader, AttributeFilterSelectsFeatures) {
  TempDir dir;
  writeText(dir.path("a.geojson"), kPolygonWithHole);
  auto data = loadVector({dir.path("a.geojson"), "", "EPSG:4326", "", "", true, "pop > 20000"});
  ASSERT_TRUE(data) << data.error();
  EXPECT_EQ(data->featureCount, 1u);
  ASSERT_EQ(data->points.size(), 1u);
  EXPECT_NEAR(data->points[0].x, -0.04472, 1e-9);
}

TEST(VectorLoader, CsvWithLonLatColumns) {
  TempDir dir;
  writeText(dir.path("places.csv"), "name,latitude,longitude\nKidal,18.44111,1.40778\nGao,16.27167,-0.04472\n");
  auto data = loadVector({dir.path("places.csv"), "", "EPSG:4326", "name", "", true, ""});
  ASSERT_TRUE(data) << data.error();
  ASSERT_EQ(data->points.size(), 2u);
  EXPECT_NEAR(data->points[1].y, 16.27167, 1e-9);
  EXPECT_EQ(data->labels[0].text, "Kidal");
}

TEST(VectorLoader, MultiLayerSourcesPickTheNamedLayer) {
  auto data = loadVector({sourceDir() + "/assets/basemap/northern-mali.gpkg", "routes", "EPSG:4326", "", "", true, ""});
  ASSERT_TRUE(data) << data.error();
  EXPECT_EQ(data->geometryType, "Line");
  ASSERT_EQ(data->lines.size(), 1u);
  EXPECT_EQ(data->lines[0].count, 5u);  // Kidal, Anéfis, Tabankort, Tarkint, Gao
  auto missing = loadVector({sourceDir() + "/assets/basemap/northern-mali.gpkg", "nope", "EPSG:4326", "", "", true, ""});
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().find("no layer named 'nope'"), std::string::npos);
}

TEST(VectorLoaderBadInput, MissingFile) {
  auto data = loadVector({"/no/such/file.geojson", "", "EPSG:3857", "", "", true, ""});
  ASSERT_FALSE(data);
  EXPECT_EQ(data.error(), "/no/such/file.geojson: file not found");
}

TEST(VectorLoaderBadInput, EmptyGeoJson) {
  TempDir dir;
  writeText(dir.path("empty.geojson"), R"({"type":"FeatureCollection","features":[]})");
  auto data = loadVector({dir.path("empty.geojson"), "", "EPSG:3857", "", "", true, ""});
  ASSERT_FALSE(data);
  EXPECT_NE(data.error().find("empty.geojson: the layer has no features"), std::string::npos) << data.error();
}

TEST(VectorLoaderBadInput, CsvWithoutUsableCoordinates) {
  TempDir dir;
  writeText(dir.path("bad.csv"), "name,latitude,longitude\nA,north,east\nB,,\n");
  auto data = loadVector({dir.path("bad.csv"), "", "EPSG:3857", "", "", true, ""});
  ASSERT_FALSE(data);
  EXPECT_NE(data.error().find("none of its 2 features has usable coordinates"), std::string::npos) << data.error();
}

TEST(VectorLoaderBadInput, UnknownLabelField) {
  TempDir dir;
  writeText(dir.path("a.geojson"), kPolygonWithHole);
  auto data = loadVector({dir.path("a.geojson"), "", "EPSG:3857", "nom", "", true, ""});
  ASSERT_FALSE(data);
  EXPECT_NE(data.error().find("no field 'nom'"), std::string::npos);
}

TEST(VectorLoader, AnAreaOfInterestReadsOnlyTheFeaturesTouchingIt) {
  VectorLoadRequest request;
  request.path = sourceDir() + "/assets/basemap/mali-admin.gpkg";
  request.layerName = "cercles";
  request.displayCrs = "EPSG:3857";
  auto all = loadVector(request);
  ASSERT_TRUE(all) << all.error();
  EXPECT_EQ(all->featureCount, 50u);
  request.lonLatInterest = Bbox{1.0, 18.0, 1.6, 18.6};  // around Kidal: the Kidal cercle and its neighbours only
  auto near = loadVector(request);
  ASSERT_TRUE(near) << near.error();
  EXPECT_GE(near->featureCount, 1u);
  EXPECT_LE(near->featureCount, 5u);
  request.lonLatInterest = Bbox{100, 10, 101, 11};  // nowhere near Mali: nothing to draw, and no error
  auto none = loadVector(request);
  ASSERT_TRUE(none) << none.error();
  EXPECT_EQ(none->featureCount, 0u);
}

TEST(VectorLoaderBadInput, PreProjectedCoordinatesWithoutACrsAreRefusedNotDrawnAsDegrees) {
  TempDir dir;
  // A TopoJSON projected for one screen (us-atlas style): pixel coordinates and no CRS.
  writeText(dir.path("screen.topojson"),
            R"({"type":"Topology","objects":{"states":{"type":"GeometryCollection","geometries":[
               {"type":"Polygon","arcs":[[0]],"properties":{"name":"A"}}]}},
               "arcs":[[[100,100],[600,100],[600,500],[100,500],[100,100]]]})");
  auto data = loadVector({dir.path("screen.topojson"), "", "EPSG:3857", "", "", false, ""});
  ASSERT_FALSE(data);
  EXPECT_NE(data.error().find("screen.topojson: declares no CRS and its extent (x 100 to 600, y 100 to 500) is not "
                              "longitude/latitude"),
            std::string::npos)
      << data.error();
  const auto info = run("info " + quoted(dir.path("screen.topojson")));
  EXPECT_NE(info.out.find("no usable georeferencing"), std::string::npos) << info.out;
  EXPECT_EQ(info.out.find("S 100.00000"), std::string::npos) << "no latitude of 100 is claimed:\n" << info.out;
  // The same shape in degrees, also without a CRS, is taken as lon/lat.
  writeText(dir.path("degrees.topojson"),
            R"({"type":"Topology","objects":{"states":{"type":"GeometryCollection","geometries":[
               {"type":"Polygon","arcs":[[0]],"properties":{"name":"A"}}]}},
               "arcs":[[[0,14],[4,14],[4,18],[0,18],[0,14]]]})");
  EXPECT_TRUE(loadVector({dir.path("degrees.topojson"), "", "EPSG:3857", "", "", false, ""}));
}

TEST(VectorLoader, APolygonTooDetailedToTriangulateWholeIsFilledFromASimplifiedCopyAndOutlinedExactly) {
  TempDir dir;
  // 200,000 vertices on a jagged circle around (2°E, 16°N): whole, the tessellator would take about half a
  // minute (its time grows with the square of the vertices).
  const size_t n = 200000;
  std::string coordinates;
  for (size_t i = 0; i <= n; ++i) {
    const double a = 2 * 3.14159265358979323846 * double(i % n) / n, r = 1 + 0.02 * double(i % 7) / 7;
    coordinates += (i ? "," : "") + std::string("[") + std::to_string(2 + r * std::cos(a)) + "," +
                   std::to_string(16 + r * std::sin(a)) + "]";
  }
  writeText(dir.path("detailed.geojson"),
            R"({"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[)" + coordinates + "]]}}");
  auto data = loadVector({dir.path("detailed.geojson"), "", "EPSG:4326", "", "", false, ""});
  ASSERT_TRUE(data) << data.error();
  EXPECT_EQ(data->simplifiedFills, 1u);
  EXPECT_EQ(data->unfilledPolygons, 0u);
  ASSERT_EQ(data->lines.size(), 1u);
  EXPECT_EQ(data->lines[0].count, n + 1) << "the outline keeps every vertex";
  ASSERT_FALSE(data->fillIndices.empty());
  // The fill covers the centre: some triangle holds (2, 16).
  bool centreFilled = false;
  for (size_t t = 0; t + 2 < data->fillIndices.size() && !centreFilled; t += 3) {
    const Vec2 a = data->vertices[data->fillIndices[t]], b = data->vertices[data->fillIndices[t + 1]],
               c = data->vertices[data->fillIndices[t + 2]], p{2, 16};
    const auto side = [](Vec2 u, Vec2 v, Vec2 w) { return (v.x - u.x) * (w.y - u.y) - (v.y - u.y) * (w.x - u.x); };
    const double s1 = side(a, b, p), s2 = side(b, c, p), s3 = side(c, a, p);
    centreFilled = (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  }
  EXPECT_TRUE(centreFilled);
}

TEST(VectorLoader, DataSplitAtTheAntimeridianIsDrawnInOnePieceEastOf180) {
  TempDir dir;
  // Fiji as RFC 7946 writes it (split at 180°), and a rectangle split the same way.
  writeText(dir.path("fiji.geojson"), R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"name":"Fiji"},"geometry":{"type":"MultiPolygon","coordinates":[
      [[[177,-19],[180,-19],[180,-16],[177,-16],[177,-19]]],[[[-180,-19],[-178,-19],[-178,-16],[-180,-16],[-180,-19]]]]}},
    {"type":"Feature","properties":{"name":"Across"},"geometry":{"type":"MultiPolygon","coordinates":[
      [[[178,-22],[180,-22],[180,-21],[178,-21],[178,-22]]],[[[-180,-22],[-179,-22],[-179,-21],[-180,-21],[-180,-22]]]]}},
    {"type":"Feature","properties":{"name":"Suva"},"geometry":{"type":"Point","coordinates":[178.44,-18.14]}}]})");
  for (const std::string crs : {"EPSG:3857", "EPSG:4326"}) {
    auto data = loadVector({dir.path("fiji.geojson"), "", crs, "name", "", false, ""});
    ASSERT_TRUE(data) << data.error();
    // 177°E to 178°W is 5° of longitude, not the whole world.
    const double degree = inCrs(crs, {1, 0}).x - inCrs(crs, {0, 0}).x;
    EXPECT_NEAR(data->bounds.width(), 5 * degree, 0.01 * degree) << crs;
    EXPECT_NEAR(data->bounds.minX, inCrs(crs, {177, 0}).x, 0.01 * degree) << crs;
    // The rectangle is filled in one piece: 180.5° (179.5°W moved east) lies in a fill triangle; 0°, half a
    // world away, in none.
    const auto filled = [&](Vec2 p) {
      for (size_t t = 0; t + 2 < data->fillIndices.size(); t += 3) {
        const Vec2 a = data->vertices[data->fillIndices[t]], b = data->vertices[data->fillIndices[t + 1]],
                   c = data->vertices[data->fillIndices[t + 2]];
        const auto side = [](Vec2 u, Vec2 v, Vec2 w) { return (v.x - u.x) * (w.y - u.y) - (v.y - u.y) * (w.x - u.x); };
        const double s1 = side(a, b, p), s2 = side(b, c, p), s3 = side(c, a, p);
        if ((s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0)) return true;
      }
      return false;
    };
    const Vec2 middle{inCrs(crs, {180, -21.5}).x + 0.5 * degree, inCrs(crs, {180, -21.5}).y};
    EXPECT_TRUE(filled(middle)) << crs;
    EXPECT_FALSE(filled(inCrs(crs, {0, -21.5}))) << crs;
  }
}
