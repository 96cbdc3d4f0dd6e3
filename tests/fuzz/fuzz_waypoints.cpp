// Fuzz harness: a convoy's waypoint table (CSV: times, place names or coordinates, basis, notes) along a fixed
// route, with a fixed list of place names. Property: a track or an error; a track has a finite length, its
// waypoints in time order, and a position at any time of the journey.
#include <cpl_vsi.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>

#include "io/time_layers.hpp"

namespace {

const char* kRoute = R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
  "geometry":{"type":"LineString","coordinates":[[1.40778,18.44111],[0.60306,18.04389],[-0.04472,16.27167]]}}]})";
const char* kPlaces = R"({"type":"FeatureCollection","features":[
  {"type":"Feature","properties":{"name":"Kidal"},"geometry":{"type":"Point","coordinates":[1.40778,18.44111]}},
  {"type":"Feature","properties":{"name":"Anéfis"},"geometry":{"type":"Point","coordinates":[0.60306,18.04389]}},
  {"type":"Feature","properties":{"name":"Gao"},"geometry":{"type":"Point","coordinates":[-0.04472,16.27167]}}]})";

void writeMemoryFile(const char* path, const char* text) {
  VSIFCloseL(VSIFileFromMemBuffer(path, reinterpret_cast<GByte*>(VSIStrdup(text)), vsi_l_offset(std::strlen(text)), TRUE));
}

// The waypoint table is read with POSIX calls (readInputFile), so it goes to a real file in a folder of its own,
// removed when the process ends.
class WaypointsFile {
public:
  WaypointsFile() {
    char folder[] = "/tmp/sitmap-fuzz-waypoints-XXXXXX";
    if (!::mkdtemp(folder)) throw std::runtime_error("mkdtemp failed");
    m_folder = folder;
    writeMemoryFile("/vsimem/fuzz-route.geojson", kRoute);
    writeMemoryFile("/vsimem/fuzz-places.geojson", kPlaces);
  }
  ~WaypointsFile() {
    ::unlink(path().c_str());
    ::rmdir(m_folder.c_str());
  }
  std::string path() const { return m_folder + "/waypoints.csv"; }

private:
  std::string m_folder;
};

const std::string& waypointsPath() {
  static const WaypointsFile file;
  static const std::string path = file.path();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = waypointsPath();
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), std::streamsize(size));
  }
  sitmap::ConvoySpec spec;
  spec.name = "fuzz";
  spec.routePath = "/vsimem/fuzz-route.geojson";
  spec.waypointsPath = path;
  auto track = sitmap::loadConvoy(spec, "/vsimem/fuzz-places.geojson");
  if (track) {
    const double length = track->lengthMetres();
    if (!(length >= 0 && length < 1e8)) throw std::logic_error("a track with no finite length");
    if (track->arrival() < track->departure()) throw std::logic_error("a track that arrives before it departs");
    (void)track->at(track->departure() + (track->arrival() - track->departure()) / 2);
  }
  return 0;
}
