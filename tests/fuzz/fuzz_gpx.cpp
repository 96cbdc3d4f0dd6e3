// Fuzz harness: convoy tracks from GPX (through GDAL's in-memory files). Property: a track or an error, in bounded
// time (a NaN or out-of-range point once made the route's length NaN and every walk along it endless).
#include <cpl_vsi.h>

#include <cstddef>
#include <cstdint>
#include <stdexcept>

#include "io/time_layers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const char* path = "/vsimem/fuzz.gpx";
  VSIFCloseL(VSIFileFromMemBuffer(path, const_cast<GByte*>(data), vsi_l_offset(size), FALSE));
  sitmap::ConvoySpec spec;
  spec.name = "fuzz";
  spec.gpxPath = path;
  auto track = sitmap::loadConvoy(spec);
  if (track) {
    const double length = track->lengthMetres();
    if (!(length >= 0 && length < 1e8)) throw std::logic_error("a track with no finite length");
    (void)track->at(track->departure() + (track->arrival() - track->departure()) / 2);
  }
  VSIUnlink(path);
  return 0;
}
