// Track interpolation on the WGS 84 ellipsoid (GeographicLib): geodesic legs between route points.
#include "core/track.hpp"

#include <GeographicLib/Geodesic.hpp>
#include <GeographicLib/GeodesicLine.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <tuple>

namespace sitmap {

const char* trackStatusName(TrackStatus status) {
  switch (status) {
    case TrackStatus::NotStarted: return "not-started";
    case TrackStatus::Moving: return "moving";
    case TrackStatus::Stopped: return "stopped";
    case TrackStatus::Arrived: return "arrived";
  }
  return "?";
}

double geodesicLength(const std::vector<LonLat>& line) {
  const auto& g = GeographicLib::Geodesic::WGS84();
  double total = 0;
  for (size_t i = 1; i < line.size(); ++i) {
    double s = 0;
    g.Inverse(line[i - 1].lat, line[i - 1].lon, line[i].lat, line[i].lon, s);
    total += s;
  }
  return total;
}

Result<Track> Track::create(std::string name, std::vector<LonLat> route, std::vector<TimedWaypoint> waypoints) {
  if (route.size() < 2) return Error{name + ": the route needs at least two points"};
  if (waypoints.size() < 2) return Error{name + ": needs at least two timed points (a departure and an arrival)"};
  // A NaN or out-of-range point would make the route's length NaN and every walk along it endless.
  for (size_t i = 0; i < route.size(); ++i)
    if (!(std::abs(route[i].lat) <= 90 && std::abs(route[i].lon) <= 180))
      return Error{name + ": point " + std::to_string(i + 1) + " has no valid position (lat " + std::to_string(route[i].lat) +
                   ", lon " + std::to_string(route[i].lon) + "; latitude must be within ±90 and longitude within ±180)"};

  Track track;
  track.m_name = std::move(name);
  track.m_route = std::move(route);
  track.m_cumulative.push_back(0);
  const auto& g = GeographicLib::Geodesic::WGS84();
  for (size_t i = 1; i < track.m_route.size(); ++i) {
    double s = 0;
    g.Inverse(track.m_route[i - 1].lat, track.m_route[i - 1].lon, track.m_route[i].lat, track.m_route[i].lon, s);
    track.m_cumulative.push_back(track.m_cumulative.back() + s);
  }
  for (size_t i = 1; i < waypoints.size(); ++i) {
    if (waypoints[i].time < waypoints[i - 1].time)
      return Error{track.m_name + ": time goes backwards at waypoint " + std::to_string(i + 1) + " (" + waypoints[i].place +
                   ", " + formatUtc(waypoints[i].time) + " is before " + formatUtc(waypoints[i - 1].time) + ")"};
  }
  for (size_t i = 0; i < waypoints.size(); ++i) {
    if (!(waypoints[i].metresAlong >= -1 && waypoints[i].metresAlong <= track.m_cumulative.back() + 1))
      return Error{track.m_name + ": waypoint " + std::to_string(i + 1) + " (" + waypoints[i].place + ") is off the route"};
  }
  track.m_waypoints = std::move(waypoints);
  return track;
}

std::pair<LonLat, double> Track::pointAlong(double metres) const {
  metres = std::clamp(metres, 0.0, m_cumulative.back());
  size_t leg = size_t(std::upper_bound(m_cumulative.begin(), m_cumulative.end(), metres) - m_cumulative.begin());
  leg = std::clamp<size_t>(leg, 1, m_route.size() - 1) - 1;
  const LonLat a = m_route[leg], b = m_route[leg + 1];
  const GeographicLib::GeodesicLine line = GeographicLib::Geodesic::WGS84().InverseLine(a.lat, a.lon, b.lat, b.lon);
  double lat = 0, lon = 0, azimuth = 0;
  line.Position(metres - m_cumulative[leg], lat, lon, azimuth);
  return {{lon, lat}, std::fmod(azimuth + 360.0, 360.0)};
}

std::vector<std::pair<double, LonLat>> Track::samples(double stepMetres) const {
  std::vector<std::pair<double, LonLat>> out;
  for (size_t i = 0; i < m_route.size(); ++i) out.push_back({m_cumulative[i], m_route[i]});
  for (double m = 0; m < m_cumulative.back(); m += stepMetres) out.push_back({m, pointAlong(m).first});
  return out;
}

double Track::metresAlongNearest(LonLat p) const {
  // Every ~500 m: the accuracy the sources have.
  double best = 0, bestDistance = INFINITY;
  const auto& g = GeographicLib::Geodesic::WGS84();
  for (const auto& [m, q] : samples(500)) {
    double d = 0;
    g.Inverse(p.lat, p.lon, q.lat, q.lon, d);
    if (d < bestDistance) {
      bestDistance = d;
      best = m;
    }
  }
  return best;
}

std::vector<NearRoute> nearRoute(const Track& track, const std::vector<LonLat>& positions, double bufferMetres) {
  std::vector<NearRoute> near;
  // A box test, then the nearest route sample by a local flat-earth distance (under 1% off at these
  // distances; geodesics for every sample made a million incidents take minutes), then one geodesic.
  Bbox area;
  for (const LonLat& p : track.route()) area.expand(Vec2{p.lon, p.lat});
  const double margin = bufferMetres / 100000.0 + 0.01;
  area = {area.minX - margin * 1.2, area.minY - margin, area.maxX + margin * 1.2, area.maxY + margin};
  const auto samples = track.samples(500);
  const auto& g = GeographicLib::Geodesic::WGS84();
  constexpr double kMetresPerDegree = 111195;  // mean Earth radius
  for (size_t i = 0; i < positions.size(); ++i) {
    const LonLat& e = positions[i];
    if (!area.contains({e.lon, e.lat})) continue;
    const double cosLat = std::cos(e.lat * std::numbers::pi / 180);
    double bestSquared = INFINITY;
    const std::pair<double, LonLat>* best = nullptr;
    for (const auto& sample : samples) {
      const double dx = (e.lon - sample.second.lon) * cosLat, dy = e.lat - sample.second.lat;
      const double squared = dx * dx + dy * dy;
      if (squared < bestSquared) bestSquared = squared, best = &sample;
    }
    if (!best || std::sqrt(bestSquared) * kMetresPerDegree > bufferMetres * 1.02 + 100) continue;
    double distance = 0;
    g.Inverse(e.lat, e.lon, best->second.lat, best->second.lon, distance);
    if (distance <= bufferMetres) near.push_back({uint32_t(i), best->first});
  }
  return near;
}

std::vector<uint32_t> routeRisk(const Track& track, const std::vector<LonLat>& eventPositions, double bufferMetres,
                                double segmentMetres) {
  std::vector<uint32_t> counts(size_t(std::ceil(track.lengthMetres() / segmentMetres)), 0);
  if (counts.empty()) return counts;
  for (const NearRoute& n : nearRoute(track, eventPositions, bufferMetres))
    ++counts[std::min(counts.size() - 1, size_t(n.metresAlong / segmentMetres))];
  return counts;
}

TrackPosition Track::at(UtcSeconds t) const {
  TrackPosition out;
  out.metresTotal = m_cumulative.back();
  const TimedWaypoint& first = m_waypoints.front();
  const TimedWaypoint& last = m_waypoints.back();
  if (t < first.time) {
    std::tie(out.position, out.headingDegrees) = pointAlong(first.metresAlong);
    out.metresDone = first.metresAlong;
    out.status = TrackStatus::NotStarted;
    return out;
  }
  if (t >= last.time) {
    std::tie(out.position, out.headingDegrees) = pointAlong(last.metresAlong);
    out.metresDone = last.metresAlong;
    out.status = TrackStatus::Arrived;
    out.leg = m_waypoints.size() - 1;
    out.inferred = last.inferred;
    return out;
  }
  // The leg holding t: the last waypoint at or before it.
  size_t leg = size_t(std::upper_bound(m_waypoints.begin(), m_waypoints.end(), t,
                                       [](UtcSeconds time, const TimedWaypoint& w) { return time < w.time; }) -
                      m_waypoints.begin()) - 1;
  const TimedWaypoint& a = m_waypoints[leg];
  const TimedWaypoint& b = m_waypoints[leg + 1];
  const double fraction = b.time > a.time ? double(t - a.time) / double(b.time - a.time) : 1.0;
  out.metresDone = a.metresAlong + (b.metresAlong - a.metresAlong) * fraction;
  std::tie(out.position, out.headingDegrees) = pointAlong(out.metresDone);
  out.status = std::fabs(b.metresAlong - a.metresAlong) < 1.0 ? TrackStatus::Stopped : TrackStatus::Moving;
  if (b.metresAlong < a.metresAlong) out.headingDegrees = std::fmod(out.headingDegrees + 180.0, 360.0);
  out.leg = leg;
  // Between two timed points the position is interpolated: no source gives it for this moment.
  out.inferred = a.inferred || b.inferred || t != a.time;
  return out;
}

}  // namespace sitmap
