// Fuzz harness: control layers (GeoJSON through GDAL's in-memory files): statuses, validity dates, geometry.
// Property: features or an error; every feature read has a known status and valid_to after valid_from.
#include <cpl_vsi.h>

#include <cstddef>
#include <cstdint>
#include <stdexcept>

#include "io/time_layers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const char* path = "/vsimem/fuzz.geojson";
  VSIFCloseL(VSIFileFromMemBuffer(path, const_cast<GByte*>(data), vsi_l_offset(size), FALSE));
  auto load = sitmap::loadControl(path, "", {});
  if (load)
    for (const sitmap::ControlFeature& f : load->features)
      if (f.validTo && *f.validTo < f.validFrom) throw std::logic_error("a feature that ends before it begins");
  VSIUnlink(path);
  return 0;
}
