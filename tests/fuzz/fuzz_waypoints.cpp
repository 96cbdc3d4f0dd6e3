// Fuzz harness: a convoy's waypoint table (CSV: times, place names or coordinates, basis, notes) along a fixed
// route, with a fixed list of place names. Property: a track or an error; a track has a finite length, its
// waypoints in time order, and a position at any time of the journey.
// The route and the places are fixed, so they are built once and the table's text goes straight to the parse
// (trackFromWaypointTable, what loadConvoy calls once its files are read): re-opening two GeoJSON files through
// GDAL for every input made this harness the slowest by far.
#include <cstddef>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"
#include "io/time_layers.hpp"

namespace {

const std::vector<sitmap::LonLat> kRoute = {{1.40778, 18.44111}, {0.60306, 18.04389}, {-0.04472, 16.27167}};

const std::map<std::string, sitmap::LonLat>& places() {
  static const std::map<std::string, sitmap::LonLat> folded = {
      {sitmap::foldForMatching("Kidal"), {1.40778, 18.44111}},
      {sitmap::foldForMatching("Anéfis"), {0.60306, 18.04389}},
      {sitmap::foldForMatching("Gao"), {-0.04472, 16.27167}}};
  return folded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto track = sitmap::trackFromWaypointTable(text, "fuzz-waypoints.csv", "fuzz", kRoute, places());
  if (track) {
    const double length = track->lengthMetres();
    if (!(length >= 0 && length < 1e8)) throw std::logic_error("a track with no finite length");
    if (track->arrival() < track->departure()) throw std::logic_error("a track that arrives before it departs");
    (void)track->at(track->departure() + (track->arrival() - track->departure()) / 2);
  }
  return 0;
}
