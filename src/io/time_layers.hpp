// Time-aware sources: convoy tracks (route + timed waypoint CSV, or GPX with times) and control layers
// (any OGR layer with actor, status, valid_from, valid_to, confidence, source fields, names mappable).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/control.hpp"
#include "core/result.hpp"
#include "core/scene.hpp"
#include "core/track.hpp"

namespace sitmap {

// ".gpx" in any case (a GPS unit writes TRACK.GPX): read as a GPX track rather than as a timed line.
bool hasGpxExtension(const std::string& path);

// The waypoints may give coordinates or only a place name found in `placesPath` (any point layer, by a
// "name" field); a waypoint farther than 5 km from the route is refused, naming its row. Points without a
// valid position (NaN, beyond ±90/±180) and tracks whose points all carry one time are refused, naming them.
Result<Track> loadConvoy(const ConvoySpec& spec, const std::string& placesPath = {});

// The waypoint table's text placed along `route` (what loadConvoy does once the files are read): `path` only
// names the table in messages, and `places` maps folded place names to positions.
Result<Track> trackFromWaypointTable(std::string_view text, const std::string& path, const std::string& name,
                                     std::vector<LonLat> route, const std::map<std::string, LonLat>& places);

struct ControlLoad {
  std::vector<ControlFeature> features;
  bool sinceBeforeGiven = false;  // the data says which states were held since before their valid_from
  std::vector<std::string> problems;  // features skipped, with the reason (valid_to before valid_from, ...)
};

Result<ControlLoad> loadControl(const std::string& path, const std::string& layerName,
                                const std::map<std::string, std::string>& fields);

}  // namespace sitmap
