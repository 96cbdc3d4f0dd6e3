// UTC parsing, geodesic lengths and convoy interpolation: by distance, across stops, before and after, antimeridian.
#include "core/control.hpp"
#include "core/track.hpp"

#include <GeographicLib/Geodesic.hpp>
#include <gtest/gtest.h>

#include "core/civil_date.hpp"

#include <numeric>

using namespace sitmap;

namespace {
UtcSeconds at(const char* text) { return *parseUtc(text); }
}  // namespace

TEST(UtcTime, ReadsZonesAndDefaultsToUtc) {
  const UtcSeconds eight = UtcSeconds(daysFromCivil(2023, 10, 31)) * 86400 + 8 * 3600;
  EXPECT_EQ(parseUtc("2023-10-31T08:00Z"), eight);
  EXPECT_EQ(parseUtc("2023-10-31 08:00"), eight);
  EXPECT_EQ(parseUtc("2023-10-31T09:00+01:00"), eight);
  EXPECT_EQ(parseUtc("2023-10-31T03:30-0430"), eight);
  EXPECT_EQ(parseUtc("2023-10-31T08:00:00Z"), eight);
  EXPECT_EQ(parseUtc("2023-10-31"), eight - 8 * 3600);
  EXPECT_EQ(formatUtc(eight), "2023-10-31 08:00Z");
  EXPECT_EQ(formatUtc(eight + 5), "2023-10-31 08:00:05Z");
}

TEST(UtcTime, RefusesBrokenTimes) {
  for (const char* text : {"", "2023-10-31T25:00Z", "2023-10-31T08:60", "2023-02-30T08:00", "2023-10-31T08:00+1",
                           "2023-10-31T08:00 CET", "31/10/2023 08:00", "2023-10-31T08"})
    EXPECT_FALSE(parseUtc(text)) << text;
}

TEST(Geodesic, LengthsMatchGeographicLib) {
  const std::vector<LonLat> line = {{1.40778, 18.44111}, {0.60306, 18.04389}, {-0.04472, 16.27167}};
  double a = 0, b = 0;
  GeographicLib::Geodesic::WGS84().Inverse(18.44111, 1.40778, 18.04389, 0.60306, a);
  GeographicLib::Geodesic::WGS84().Inverse(18.04389, 0.60306, 16.27167, -0.04472, b);
  EXPECT_DOUBLE_EQ(geodesicLength(line), a + b);
}

TEST(Geodesic, TheSchematicKidalGaoRouteIsAbout314Km) {
  // Kidal - Anéfis - Tabankort - Tarkint - Gao, straight legs through the sourced towns (places.csv).
  const std::vector<LonLat> route = {{1.40778, 18.44111}, {0.60306, 18.04389}, {0.20611, 17.72944}, {0.11639, 17.47694},
                                     {-0.04472, 16.27167}};
  EXPECT_NEAR(geodesicLength(route) / 1000, 314, 3);
}

namespace {

const std::vector<LonLat> kNorthbound = {{0, 16}, {0, 16.45}, {0, 16.9}};  // ~100 km due north

Track northbound(std::vector<TimedWaypoint> waypoints) {
  auto track = Track::create("test", kNorthbound, std::move(waypoints));
  EXPECT_TRUE(track) << track.error();
  return *track;
}

// The latitude `metres` north of 16N along the meridian, by GeographicLib directly.
double latitudeAfter(double metres) {
  double lat = 0, lon = 0;
  GeographicLib::Geodesic::WGS84().Direct(16, 0, 0, metres, lat, lon);
  return lat;
}

}  // namespace

TEST(Track, InterpolatesByDistanceAlongTheRoute) {
  const double length = geodesicLength(kNorthbound);
  const UtcSeconds t0 = at("2023-11-01T00:00Z");
  const Track track = northbound({{t0, 0, "A"}, {t0 + 10 * 3600, length, "B"}});
  const TrackPosition half = track.at(t0 + 5 * 3600);
  EXPECT_EQ(half.status, TrackStatus::Moving);
  EXPECT_NEAR(half.metresDone, length / 2, 1e-6);
  EXPECT_NEAR(half.position.lat, latitudeAfter(length / 2), 1e-9);
  EXPECT_NEAR(half.position.lon, 0, 1e-9);
  EXPECT_NEAR(half.headingDegrees, 0, 1e-6);
  EXPECT_DOUBLE_EQ(half.metresTotal, length);
}

TEST(Track, StopsAreStopsAndLegsKeepTheirOwnPace) {
  const double length = geodesicLength(kNorthbound);
  const UtcSeconds t0 = at("2023-11-01T00:00Z");
  const Track track = northbound({{t0, 0, "A"}, {t0 + 5 * 3600, length / 2, "B"}, {t0 + 10 * 3600, length / 2, "B", true},
                                  {t0 + 15 * 3600, length, "C"}});
  const TrackPosition stopped = track.at(t0 + 7 * 3600);
  EXPECT_EQ(stopped.status, TrackStatus::Stopped);
  EXPECT_NEAR(stopped.metresDone, length / 2, 1e-6);
  EXPECT_TRUE(stopped.inferred);
  EXPECT_EQ(stopped.leg, 1u);
  const TrackPosition after = track.at(t0 + 12 * 3600 + 1800);
  EXPECT_EQ(after.status, TrackStatus::Moving);
  EXPECT_NEAR(after.metresDone, length * 0.75, 1e-6);
  EXPECT_EQ(after.leg, 2u);
}

TEST(Track, BeforeDepartureAndAfterArrival) {
  const double length = geodesicLength(kNorthbound);
  const UtcSeconds t0 = at("2023-11-01T00:00Z");
  const Track track = northbound({{t0, 0, "A"}, {t0 + 3600, length, "B"}});
  const TrackPosition before = track.at(t0 - 1);
  EXPECT_EQ(before.status, TrackStatus::NotStarted);
  EXPECT_NEAR(before.position.lat, 16, 1e-9);
  EXPECT_EQ(before.metresDone, 0);
  const TrackPosition done = track.at(t0 + 3600);
  EXPECT_EQ(done.status, TrackStatus::Arrived);
  EXPECT_NEAR(done.position.lat, 16.9, 1e-9);
  EXPECT_DOUBLE_EQ(done.metresDone, length);
}

TEST(Track, AcrossTheAntimeridian) {
  const UtcSeconds t0 = at("2023-11-01T00:00Z");
  auto track = Track::create("pacific", {{179.5, 0}, {-179.5, 0}}, {{t0, 0, "W"}, {t0 + 3600, 0, "W"}});
  ASSERT_TRUE(track);
  EXPECT_NEAR(track->lengthMetres() / 1000, 111.3, 0.2);  // one degree of the equator, not 359
  auto crossing = Track::create("pacific", track->route(), {{t0, 0, "W"}, {t0 + 3600, track->lengthMetres(), "E"}});
  ASSERT_TRUE(crossing);
  const TrackPosition middle = crossing->at(t0 + 1800);
  EXPECT_NEAR(std::fabs(middle.position.lon), 180, 1e-6);
  EXPECT_NEAR(middle.headingDegrees, 90, 1e-6);
}

TEST(Track, BadInputNamesTheWaypoint) {
  const UtcSeconds t0 = at("2023-11-01T00:00Z");
  auto backwards = Track::create("convoy", kNorthbound, {{t0, 0, "Kidal"}, {t0 - 60, 1000, "Anéfis"}});
  ASSERT_FALSE(backwards);
  EXPECT_NE(backwards.error().find("time goes backwards at waypoint 2 (Anéfis"), std::string::npos) << backwards.error();
  auto off = Track::create("convoy", kNorthbound, {{t0, 0, "Kidal"}, {t0 + 60, 1e7, "Paris"}});
  ASSERT_FALSE(off);
  EXPECT_NE(off.error().find("waypoint 2 (Paris) is off the route"), std::string::npos);
  EXPECT_FALSE(Track::create("convoy", {{0, 16}}, {{t0, 0, "A"}, {t0 + 1, 0, "A"}}));
  EXPECT_FALSE(Track::create("convoy", kNorthbound, {{t0, 0, "A"}}));
}

TEST(Track, WaypointsGivenAsCoordinatesLandOnTheRoute) {
  const UtcSeconds t0 = at("2023-11-01T00:00Z");
  const Track track = northbound({{t0, 0, "A"}, {t0 + 1, 0, "A"}});
  // A point 2 km east of the road at 16.45N projects to the road's 16.45N.
  EXPECT_NEAR(track.metresAlongNearest({0.019, 16.45}), geodesicLength({{0, 16}, {0, 16.45}}), 500);
}

TEST(RouteRisk, CountsIncidentsNearTheRoutePerTenKilometres) {
  const UtcSeconds t0 = at("2023-11-01T00:00Z");
  const Track track = northbound({{t0, 0, "A"}, {t0 + 3600, geodesicLength(kNorthbound), "B"}});
  // ~100 km route: 10 segments. Two incidents by km 5 (one 3 km east of the road), one by km 55, one 20 km off.
  const auto risk = routeRisk(track, {{0.0, 16.045}, {0.028, 16.045}, {0.0, 16.5}, {0.19, 16.5}}, 5000);
  ASSERT_EQ(risk.size(), 10u);
  EXPECT_EQ(risk[0], 2u);
  EXPECT_EQ(risk[5], 1u);
  EXPECT_EQ(std::accumulate(risk.begin(), risk.end(), 0u), 3u) << "the incident 20 km away is not counted";
}

TEST(NearRoute, KeepsPositionsWithinTheBufferWithWhereAlongTheRoute) {
  const UtcSeconds t0 = at("2023-11-01T00:00Z");
  const Track track = northbound({{t0, 0, "A"}, {t0 + 3600, geodesicLength(kNorthbound), "B"}});
  // 3 km east of km ~50 (kept), 8 km east of it (beyond 5 km: dropped), on the road at km ~5 (kept).
  const auto near = nearRoute(track, {{0.028, 16.45}, {0.075, 16.45}, {0.0, 16.045}}, 5000);
  ASSERT_EQ(near.size(), 2u);
  EXPECT_EQ(near[0].index, 0u);
  EXPECT_NEAR(near[0].metresAlong, geodesicLength({{0, 16}, {0, 16.45}}), 500);
  EXPECT_EQ(near[1].index, 2u);
  EXPECT_NEAR(near[1].metresAlong, geodesicLength({{0, 16}, {0, 16.045}}), 500);
}

TEST(ControlChanges, AChangeIsANewHolderOrStatusAtThePlaceNotTheStartOfTheData) {
  auto feature = [](const char* name, const char* actor, ControlStatus status, UtcSeconds from, std::optional<UtcSeconds> to) {
    ControlFeature f;
    f.name = name;
    f.actor = actor;
    f.status = status;
    f.validFrom = from;
    f.validTo = to;
    return f;
  };
  const UtcSeconds d = 86400, t0 = 19600 * d;
  const std::vector<ControlFeature> features = {
      feature("Kidal", "CSP-PSD", ControlStatus::Control, t0, t0 + 10 * d),          // start of the data
      feature("Kidal", "FAMa", ControlStatus::Control, t0 + 10 * d, std::nullopt),   // a new holder
      feature("Gao", "FAMa", ControlStatus::Control, t0, t0 + 5 * d),
      feature("Gao", "FAMa", ControlStatus::Control, t0 + 5 * d, std::nullopt),      // the same again: a new snapshot
      feature("Ber", "JNIM", ControlStatus::Influence, t0, t0 + 5 * d),
      feature("Ber", "JNIM", ControlStatus::Control, t0 + 5 * d, std::nullopt)};     // a new status
  EXPECT_EQ(changesAtTheirPlace(features), (std::vector<uint8_t>{0, 1, 0, 0, 0, 1}));
  // The first known state at a place was held "since before" its date; a raid is an event that begins.
  std::vector<ControlFeature> marked = features;
  marked.push_back(feature("Dioura", "CSP-PSD", ControlStatus::Raid, t0 + 3 * d, t0 + 4 * d));
  marked.push_back(feature("Tombouctou area", "JNIM", ControlStatus::Influence, t0 + 2 * d, std::nullopt));  // a dated start
  markFirstStates(marked);
  EXPECT_FALSE(marked[marked.size() - 1].sinceBefore) << "a first state after the data's start begins on its date";
  EXPECT_TRUE(marked[0].sinceBefore);
  EXPECT_FALSE(marked[1].sinceBefore);
  EXPECT_TRUE(marked[2].sinceBefore);
  EXPECT_FALSE(marked[3].sinceBefore);
  EXPECT_FALSE(marked[marked.size() - 2].sinceBefore);
  const auto changes = controlChanges(marked);
  auto listed = [&](const std::string& text) {
    return std::any_of(changes.begin(), changes.end(), [&](const ControlChange& c) { return c.text == text; });
  };
  EXPECT_TRUE(listed("Kidal: CSP-PSD control since before " + formatShortDate(dayOf(t0), true)));
  EXPECT_TRUE(listed("Kidal: FAMa control begins"));
  EXPECT_TRUE(listed("Dioura: CSP-PSD raid begins"));
  EXPECT_FALSE(listed("Kidal: CSP-PSD control begins"));
}
