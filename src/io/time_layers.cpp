// Convoy and control loading.
#include "io/time_layers.hpp"

#include <GeographicLib/Geodesic.hpp>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>

#include "core/civil_date.hpp"
#include "core/text.hpp"
#include "io/csv_reader.hpp"
#include "io/input_file.hpp"
#include "io/source_open.hpp"

namespace sitmap {

namespace {

// The named layer, or the first when no name is given; a file with no layers (a KML with an empty Document) says so.
Result<OGRLayer*> layerOf(GDALDataset& dataset, const std::string& path, const std::string& layerName) {
  if (layerName.empty()) {
    if (OGRLayer* first = dataset.GetLayerCount() > 0 ? dataset.GetLayer(0) : nullptr) return first;
    return Error{path + ": has no layers"};
  }
  if (OGRLayer* named = dataset.GetLayerByName(layerName.c_str())) return named;
  return Error{path + ": no layer named '" + layerName + "'"};
}

// Waypoint tables are a few hundred rows; anything near this size is not one (or is an endless stream).
constexpr uint64_t kMaxWaypointTableBytes = 64ull << 20;

// A time from a text field ("2023-10-31T07:00Z") or a date/datetime field (drivers such as GeoJSON detect those).
std::optional<UtcSeconds> timeField(OGRFeature& feature, int index) {
  if (index < 0 || !feature.IsFieldSetAndNotNull(index)) return std::nullopt;
  const OGRFieldType type = feature.GetFieldDefnRef(index)->GetType();
  if (type != OFTDate && type != OFTDateTime) return parseUtc(feature.GetFieldAsString(index));
  int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
  float ss = 0;
  if (!feature.GetFieldAsDateTime(index, &y, &m, &d, &hh, &mm, &ss, &tz)) return std::nullopt;
  // OGR's zone flag: 100 = UTC, 100 + 4n = UTC + n quarter hours; 0 or 1 (unknown, local) are taken as UTC.
  const int offsetMinutes = tz > 1 ? (tz - 100) * 15 : 0;
  return UtcSeconds(daysFromCivil(y, m, d)) * 86400 + hh * 3600 + mm * 60 + UtcSeconds(ss) - offsetMinutes * 60;
}

Result<std::vector<LonLat>> loadRouteLine(const std::string& path, const std::string& layerName) {
  auto dataset = openVectorSource(path);
  if (!dataset) return Error{dataset.error()};
  auto layer = layerOf(**dataset, path, layerName);
  if (!layer) return Error{layer.error()};
  const auto toLonLat = lonLatTransformFor((*layer)->GetSpatialRef());
  for (auto& feature : **layer) {
    const OGRGeometry* g = feature->GetGeometryRef();
    if (!g) continue;
    const OGRLineString* line = nullptr;
    if (wkbFlatten(g->getGeometryType()) == wkbLineString) line = g->toLineString();
    else if (wkbFlatten(g->getGeometryType()) == wkbMultiLineString && !g->toMultiLineString()->IsEmpty())
      line = g->toMultiLineString()->getGeometryRef(0);
    if (!line) continue;
    std::vector<LonLat> points;
    for (int i = 0; i < line->getNumPoints(); ++i) {
      double x = line->getX(i), y = line->getY(i);
      if (toLonLat && !toLonLat->Transform(1, &x, &y)) continue;
      points.push_back({x, y});
    }
    return points;
  }
  return Error{path + ": no line to use as the route"};
}

std::map<std::string, LonLat> loadPlaceNames(const std::string& path) {
  std::map<std::string, LonLat> places;
  auto dataset = openVectorSource(path);
  if (!dataset) return places;
  for (int l = 0; l < (*dataset)->GetLayerCount(); ++l) {
    OGRLayer* layer = (*dataset)->GetLayer(l);
    const int nameField = layer->GetLayerDefn()->GetFieldIndex("name");
    if (nameField < 0 || wkbFlatten(layer->GetGeomType()) != wkbPoint) continue;
    const auto toLonLat = lonLatTransformFor(layer->GetSpatialRef());
    for (auto& feature : *layer) {
      const OGRGeometry* g = feature->GetGeometryRef();
      if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint) continue;
      double x = g->toPoint()->getX(), y = g->toPoint()->getY();
      if (toLonLat && !toLonLat->Transform(1, &x, &y)) continue;
      places.emplace(foldForMatching(feature->GetFieldAsString(nameField)), LonLat{x, y});
    }
  }
  return places;
}

// A track from loaded points; a file whose points all carry one time (a logger's sentinel such as
// 1901-12-13T20:45:52Z) has no timing to follow and says so.
Result<Track> timedTrack(const std::string& path, const std::string& name, std::vector<LonLat> route,
                         std::vector<TimedWaypoint> waypoints) {
  if (waypoints.size() >= 2 && waypoints.front().time == waypoints.back().time)
    return Error{path + ": every point carries the same time (" + formatUtc(waypoints.front().time) +
                 "), so the track has no timing to follow"};
  return Track::create(name, std::move(route), std::move(waypoints));
}

// Geodesic length of a polyline as points are added, one leg per point (measuring the whole line again for
// each point made a track of n points cost n² geodesics).
class RunningLength {
public:
  double add(LonLat p) {
    if (m_previous) {
      double s = 0;
      GeographicLib::Geodesic::WGS84().Inverse(m_previous->lat, m_previous->lon, p.lat, p.lon, s);
      m_metres += s;
    }
    m_previous = p;
    return m_metres;
  }

private:
  std::optional<LonLat> m_previous;
  double m_metres = 0;
};

// Any OGR line whose vertices carry their times: M values (UTC seconds) or a "times" list field.
Result<Track> loadTimedLine(const ConvoySpec& spec) {
  auto dataset = openVectorSource(spec.gpxPath);
  if (!dataset) return Error{dataset.error()};
  auto layer = layerOf(**dataset, spec.gpxPath, "");
  if (!layer) return Error{layer.error()};
  const auto toLonLat = lonLatTransformFor((*layer)->GetSpatialRef());
  for (auto& feature : **layer) {
    const OGRGeometry* g = feature->GetGeometryRef();
    if (!g || wkbFlatten(g->getGeometryType()) != wkbLineString) continue;
    const OGRLineString* line = g->toLineString();
    const int timesField = feature->GetFieldIndex("times");
    char** times = timesField >= 0 ? feature->GetFieldAsStringList(timesField) : nullptr;
    const int timeCount = times ? CSLCount(times) : 0;
    if (!line->IsMeasured() && timeCount == 0)
      return Error{spec.gpxPath + ": the line's vertices carry no times (M values or a \"times\" list are needed)"};
    if (!line->IsMeasured() && timeCount != line->getNumPoints())
      return Error{spec.gpxPath + ": " + std::to_string(timeCount) + " times for " + std::to_string(line->getNumPoints()) + " vertices"};
    std::vector<LonLat> route;
    std::vector<TimedWaypoint> waypoints;
    RunningLength along;
    for (int i = 0; i < line->getNumPoints(); ++i) {
      double x = line->getX(i), y = line->getY(i);
      if (toLonLat) toLonLat->Transform(1, &x, &y);
      const double m = line->IsMeasured() ? line->getM(i) : 0;
      if (line->IsMeasured() && !(std::abs(m) < 1e11))  // about ±3000 years of UTC seconds
        return Error{spec.gpxPath + ": vertex " + std::to_string(i + 1) + ": M value " + std::to_string(m) + " is not a UTC time"};
      std::optional<UtcSeconds> t = line->IsMeasured() ? std::optional(UtcSeconds(m)) : parseUtc(times[i]);
      if (!t) return Error{spec.gpxPath + ": vertex " + std::to_string(i + 1) + ": cannot read the time '" + times[i] + "'"};
      route.push_back({x, y});
      waypoints.push_back({*t, along.add(route.back()), "vertex " + std::to_string(i + 1), false, ""});
    }
    return timedTrack(spec.gpxPath, spec.name, std::move(route), std::move(waypoints));
  }
  return Error{spec.gpxPath + ": no line"};
}

Result<Track> loadGpx(const ConvoySpec& spec) {
  auto dataset = openVectorSource(spec.gpxPath);
  if (!dataset) return Error{dataset.error()};
  OGRLayer* points = (*dataset)->GetLayerByName("track_points");
  if (!points || points->GetFeatureCount() == 0) return Error{spec.gpxPath + ": no track points (a GPX <trk> is needed)"};
  const int timeIndex = points->GetLayerDefn()->GetFieldIndex("time");
  std::vector<LonLat> route;
  std::vector<TimedWaypoint> waypoints;
  RunningLength along;
  size_t number = 0;
  for (auto& feature : *points) {
    ++number;
    const OGRGeometry* g = feature->GetGeometryRef();
    if (!g) continue;
    const auto t = timeField(*feature, timeIndex);
    if (!t) return Error{spec.gpxPath + ": track point " + std::to_string(number) + " has no time (the track needs times)"};
    route.push_back({g->toPoint()->getX(), g->toPoint()->getY()});
    waypoints.push_back({*t, along.add(route.back()), "track point " + std::to_string(number), false, ""});
  }
  return timedTrack(spec.gpxPath, spec.name, std::move(route), std::move(waypoints));
}

}  // namespace

bool hasGpxExtension(const std::string& path) { return lowerExtension(path) == ".gpx"; }

Result<Track> trackFromWaypointTable(std::string_view text, const std::string& path, const std::string& name,
                                     std::vector<LonLat> route, const std::map<std::string, LonLat>& places) {
  CsvReader reader(text);
  std::vector<std::string_view> fields;
  if (!reader.next(fields)) return Error{path + ": empty file"};
  // Each header cell folded once, not once per name looked for.
  std::vector<std::string> header;
  for (std::string_view cell : fields) header.push_back(foldForMatching(cell));
  auto column = [&](std::initializer_list<const char*> names) {
    for (size_t i = 0; i < header.size(); ++i)
      for (const char* name : names)
        if (header[i] == name) return int(i);
    return -1;
  };
  const int time = column({"time_utc", "time"}), place = column({"place", "place_or_position", "name"});
  const int lat = column({"latitude", "lat"}), lon = column({"longitude", "lon"}), basis = column({"basis"});
  const int note = column({"note", "what_happened"});
  if (time < 0) return Error{path + ": no time_utc column"};

  // A provisional track (times not yet known) to measure distances along the route.
  auto measure = Track::create(name, route, {{0, 0, "", false, ""}, {0, 0, "", false, ""}});
  if (!measure) return Error{measure.error()};
  std::vector<TimedWaypoint> waypoints;
  size_t row = 1;
  auto get = [&](int index) { return index >= 0 && size_t(index) < fields.size() ? std::string(fields[size_t(index)]) : std::string(); };
  while (reader.next(fields)) {
    ++row;
    const std::string where = path + ": row " + std::to_string(row);
    const auto t = parseUtc(get(time));
    if (!t) return Error{where + ": cannot read the time '" + get(time) + "' (use e.g. 2023-10-31T07:00Z)"};
    std::optional<LonLat> position;
    char* end = nullptr;
    const std::string latText = get(lat), lonText = get(lon);
    if (!latText.empty() && !lonText.empty()) {
      const double y = std::strtod(latText.c_str(), &end);
      const bool latRead = *end == '\0';
      const double x = std::strtod(lonText.c_str(), &end);
      if (!latRead || *end != '\0' || !(std::abs(y) <= 90 && std::abs(x) <= 180))
        return Error{where + ": no valid position (latitude '" + latText + "', longitude '" + lonText + "')"};
      position = LonLat{x, y};
    } else if (auto it = places.find(foldForMatching(get(place))); it != places.end()) {
      position = it->second;
    }
    if (!position) return Error{where + ": no coordinates, and '" + get(place) + "' is not a known place"};
    const double along = measure->metresAlongNearest(*position);
    const LonLat onRoute = measure->pointAlong(along).first;
    double offRoute = 0;
    GeographicLib::Geodesic::WGS84().Inverse(position->lat, position->lon, onRoute.lat, onRoute.lon, offRoute);
    if (offRoute > 5000)
      return Error{where + " (" + get(place) + ") is " + std::to_string(int(offRoute / 1000)) + " km off the route"};
    waypoints.push_back({*t, along, get(place), foldForMatching(get(basis)) == "inferred", get(note)});
  }
  return timedTrack(path, name, std::move(route), std::move(waypoints));
}

Result<Track> loadConvoy(const ConvoySpec& spec, const std::string& placesPath) {
  if (!spec.gpxPath.empty())
    return hasGpxExtension(spec.gpxPath) ? loadGpx(spec) : loadTimedLine(spec);
  auto route = loadRouteLine(spec.routePath, spec.routeLayer);
  if (!route) return Error{route.error()};
  auto text = readInputFile(spec.waypointsPath, kMaxWaypointTableBytes);
  if (!text) return Error{text.error()};
  const std::map<std::string, LonLat> places = placesPath.empty() ? std::map<std::string, LonLat>{} : loadPlaceNames(placesPath);
  return trackFromWaypointTable(*text, spec.waypointsPath, spec.name, std::move(*route), places);
}

Result<ControlLoad> loadControl(const std::string& path, const std::string& layerName,
                                const std::map<std::string, std::string>& fields) {
  auto dataset = openVectorSource(path);
  if (!dataset) return Error{dataset.error()};
  auto found = layerOf(**dataset, path, layerName);
  if (!found) return Error{found.error()};
  OGRLayer* layer = *found;
  OGRFeatureDefn* definition = layer->GetLayerDefn();
  auto column = [&](const char* role) {
    auto it = fields.find(role);
    return definition->GetFieldIndex(it != fields.end() ? it->second.c_str() : role);
  };
  const int name = column("name"), actor = column("actor"), status = column("status"), from = column("valid_from");
  const int to = column("valid_to"), confidence = column("confidence"), source = column("source");
  const int otherActor = column("other_actor"), sinceBefore = column("since_before");
  for (auto [index, role] : {std::pair{actor, "actor"}, {status, "status"}, {from, "valid_from"}})
    if (index < 0) return Error{path + ": no " + std::string(role) + " field (map one in the scene's \"fields\")"};
  const auto toLonLat = lonLatTransformFor(layer->GetSpatialRef());
  ControlLoad load;
  load.sinceBeforeGiven = sinceBefore >= 0;
  size_t index = 0;
  for (auto& feature : *layer) {
    const size_t position = index++;
    const std::string label = name >= 0 ? feature->GetFieldAsString(name) : "feature " + std::to_string(position + 1);
    ControlFeature f;
    f.name = label;
    f.actor = feature->GetFieldAsString(actor);
    f.otherActor = otherActor >= 0 ? feature->GetFieldAsString(otherActor) : "";
    if (sinceBefore >= 0) f.sinceBefore = feature->IsFieldSetAndNotNull(sinceBefore) && feature->GetFieldAsInteger(sinceBefore) == 1;
    const auto parsedStatus = parseControlStatus(feature->GetFieldAsString(status));
    const auto validFrom = timeField(*feature, from);
    const std::string toText = to >= 0 && feature->IsFieldSetAndNotNull(to) ? feature->GetFieldAsString(to) : "";
    const auto validTo = toText.empty() ? std::nullopt : timeField(*feature, to);
    if (!parsedStatus) {
      load.problems.push_back(label + ": unknown status '" + std::string(feature->GetFieldAsString(status)) + "'");
      continue;
    }
    if (!validFrom) {
      load.problems.push_back(label + ": cannot read valid_from '" + std::string(feature->GetFieldAsString(from)) + "'");
      continue;
    }
    if (!toText.empty() && !validTo) {
      load.problems.push_back(label + ": cannot read valid_to '" + toText + "'");
      continue;
    }
    if (validTo && *validTo < *validFrom) {
      load.problems.push_back(label + ": valid_to " + formatUtc(*validTo) + " is before valid_from " + formatUtc(*validFrom));
      continue;
    }
    f.status = *parsedStatus;
    f.validFrom = *validFrom;
    f.validTo = validTo;
    f.confidence = confidence >= 0 ? feature->GetFieldAsString(confidence) : "";
    f.source = source >= 0 ? feature->GetFieldAsString(source) : "";
    f.index = position;
    const OGRGeometry* g = feature->GetGeometryRef();
    f.isPoint = g && wkbFlatten(g->getGeometryType()) == wkbPoint;
    if (f.isPoint) {
      double x = g->toPoint()->getX(), y = g->toPoint()->getY();
      if (toLonLat) toLonLat->Transform(1, &x, &y);
      f.point = {x, y};
    } else if (g) {
      std::unique_ptr<OGRGeometry> lonLat(g->clone());
      if (toLonLat) lonLat->transform(toLonLat.get());
      const auto addPolygon = [&](const OGRPolygon* polygon) {
        for (const OGRLinearRing* ring : *polygon) {
          std::vector<LonLat> points;
          for (int i = 0; i < ring->getNumPoints(); ++i) points.push_back({ring->getX(i), ring->getY(i)});
          f.rings.push_back(std::move(points));
        }
      };
      const auto addLine = [&](const OGRLineString* line) {
        std::vector<LonLat> points;
        for (int i = 0; i < line->getNumPoints(); ++i) points.push_back({line->getX(i), line->getY(i)});
        if (points.size() >= 2) f.lines.push_back(std::move(points));
      };
      const auto flat = wkbFlatten(lonLat->getGeometryType());
      if (flat == wkbPolygon) addPolygon(lonLat->toPolygon());
      if (flat == wkbMultiPolygon)
        for (const OGRPolygon* part : *lonLat->toMultiPolygon()) addPolygon(part);
      if (flat == wkbLineString) addLine(lonLat->toLineString());
      if (flat == wkbMultiLineString)
        for (const OGRLineString* part : *lonLat->toMultiLineString()) addLine(part);
      if (f.rings.empty() && f.lines.empty()) {
        load.problems.push_back(label + ": neither a point, a line nor a polygon");
        continue;
      }
    }
    load.features.push_back(std::move(f));
  }
  return load;
}

}  // namespace sitmap
