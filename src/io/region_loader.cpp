// Region polygons from OGR.
#include "io/region_loader.hpp"

#include <ogrsf_frmts.h>

#include <algorithm>

#include "core/text.hpp"
#include "io/source_open.hpp"

namespace sitmap {

namespace {

void appendRings(const OGRGeometry* geometry, const OGRCoordinateTransformation* toLonLat, RegionShape& region) {
  if (!geometry) return;
  const auto flat = wkbFlatten(geometry->getGeometryType());
  if (flat == wkbPolygon) {
    for (const OGRLinearRing* ring : *geometry->toPolygon()) {
      std::vector<Vec2> points;
      for (int i = 0; i < ring->getNumPoints(); ++i) {
        double x = ring->getX(i), y = ring->getY(i);
        if (toLonLat && !const_cast<OGRCoordinateTransformation*>(toLonLat)->Transform(1, &x, &y)) continue;
        points.push_back({x, y});
      }
      if (points.size() >= 3) region.rings.push_back(std::move(points));
    }
  } else if (flat == wkbMultiPolygon || flat == wkbGeometryCollection) {
    for (const OGRGeometry* part : *geometry->toGeometryCollection()) appendRings(part, toLonLat, region);
  }
}

}  // namespace

Result<std::vector<RegionShape>> loadRegions(const std::string& path, const std::vector<std::string>& names) {
  auto dataset = openVectorSource(path);
  if (!dataset) return Error{dataset.error()};
  std::vector<RegionShape> regions;
  for (const std::string& name : names) regions.push_back({name, {}});
  std::vector<std::string> folded;
  for (const std::string& name : names) folded.push_back(foldForMatching(name));
  for (int l = 0; l < (*dataset)->GetLayerCount(); ++l) {
    OGRLayer* layer = (*dataset)->GetLayer(l);
    const auto toLonLat = lonLatTransformFor(layer->GetSpatialRef());
    for (auto& feature : *layer) {
      for (int f = 0; f < feature->GetFieldCount(); ++f) {
        if (feature->GetFieldDefnRef(f)->GetType() != OFTString || !feature->IsFieldSetAndNotNull(f)) continue;
        const auto it = std::find(folded.begin(), folded.end(), foldForMatching(feature->GetFieldAsString(f)));
        if (it == folded.end()) continue;
        appendRings(feature->GetGeometryRef(), toLonLat.get(), regions[size_t(it - folded.begin())]);
        break;
      }
    }
  }
  for (const RegionShape& region : regions)
    if (region.rings.empty()) return Error{path + ": no polygon named '" + region.name + "'"};
  return regions;
}

}  // namespace sitmap
