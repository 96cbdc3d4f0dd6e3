// Convoy tracks: a route line and timed waypoints along it. Positions between waypoints are interpolated by
// distance along the route (geodesic, WGS 84), so a convoy follows the road; two waypoints at the same place
// are a stop.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "core/result.hpp"
#include "core/utc_time.hpp"

namespace sitmap {

struct TimedWaypoint {
  UtcSeconds time = 0;
  double metresAlong = 0;  // distance from the route's start
  std::string place;
  bool inferred = false;   // the sources give no position for this time: it is our inference
  std::string note;
};

enum class TrackStatus { NotStarted, Moving, Stopped, Arrived };
const char* trackStatusName(TrackStatus status);

struct TrackPosition {
  LonLat position;
  double metresDone = 0;
  double metresTotal = 0;
  double headingDegrees = 0;  // true bearing of travel, 0 = north, clockwise
  TrackStatus status = TrackStatus::NotStarted;
  size_t leg = 0;             // index of the waypoint the current leg starts from
  // Not a reported position: interpolated between timed points, or an inferred point. False before departure:
  // the convoy waits at its starting point.
  bool inferred = false;
};

class Track {
public:
  // Validates: at least two route points and two waypoints, times not going backwards, distances within the route.
  static Result<Track> create(std::string name, std::vector<LonLat> route, std::vector<TimedWaypoint> waypoints);

  TrackPosition at(UtcSeconds t) const;
  const std::string& name() const { return m_name; }
  const std::vector<LonLat>& route() const { return m_route; }
  const std::vector<TimedWaypoint>& waypoints() const { return m_waypoints; }
  double lengthMetres() const { return m_cumulative.back(); }
  UtcSeconds departure() const { return m_waypoints.front().time; }
  UtcSeconds arrival() const { return m_waypoints.back().time; }
  // The point and bearing `metres` along the route.
  std::pair<LonLat, double> pointAlong(double metres) const;
  // Distance along the route of the route point nearest `p` (for placing waypoints given as coordinates).
  double metresAlongNearest(LonLat p) const;
  // Points every `stepMetres` along the route plus every vertex (so towns on the route are found exactly),
  // each with its distance from the start.
  std::vector<std::pair<double, LonLat>> samples(double stepMetres) const;

private:
  std::string m_name;
  std::vector<LonLat> m_route;
  std::vector<double> m_cumulative;  // metres from the start at each route point
  std::vector<TimedWaypoint> m_waypoints;
};

// A position within a route's buffer: its index in the list given, and where along the route it lies.
struct NearRoute {
  uint32_t index = 0;
  double metresAlong = 0;
};

// The positions within `bufferMetres` (geodesic) of the track's route, in the order given.
std::vector<NearRoute> nearRoute(const Track& track, const std::vector<LonLat>& positions, double bufferMetres);

// Route risk: incidents within `bufferMetres` of the route, counted per `segmentMetres` of route, for the
// events given (already narrowed to the look-back window). One count per segment, from the route's start.
std::vector<uint32_t> routeRisk(const Track& track, const std::vector<LonLat>& eventPositions, double bufferMetres,
                                double segmentMetres = 10000);

// Geodesic length of a polyline in metres.
double geodesicLength(const std::vector<LonLat>& line);

}  // namespace sitmap
