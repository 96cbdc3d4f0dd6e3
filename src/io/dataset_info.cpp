// Dataset descriptions for `sitmap info`.
#include "io/dataset_info.hpp"

#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/text.hpp"
#include "io/crs.hpp"
#include "io/raster_georef.hpp"
#include "io/raster_source.hpp"
#include "io/source_open.hpp"

namespace sitmap {

namespace {

std::string crsText(const OGRSpatialReference* srs, const Bbox& native = {}) {
  if (!srs && native.valid() && !looksLikeLonLat(native))
    return "none, and the extent (" + describeExtent(native) + ") is not lon/lat: no usable georeferencing";
  if (!srs) return "none (taken as WGS 84 lon/lat)";
  return describeCrs(wktOf(*srs));
}

std::string lonLatText(const Bbox& box) {
  return fmt::format("W {:.5f} S {:.5f} E {:.5f} N {:.5f}", box.minX, box.minY, box.maxX, box.maxY);
}

std::string lonLatExtent(const Bbox& native, const OGRSpatialReference* srs) {
  if (!srs && native.valid() && !looksLikeLonLat(native)) return "unknown";
  const std::string wkt = srs ? wktOf(*srs) : "";
  auto toLonLat = CrsTransform::create(wkt.empty() ? "EPSG:4326" : wkt, "EPSG:4326");
  if (!toLonLat || !native.valid()) return "unknown";
  const Bbox box = toLonLat->applyToBox(native);
  return box.valid() ? lonLatText(box) : "unknown";
}

}  // namespace

Result<std::string> describeDataset(const std::string& path) {
  auto opened = openAnySource(path);
  if (!opened) return Error{opened.error()};
  GDALDataset& dataset = **opened;
  std::string out = fmt::format("{}\n  driver: {}\n", maskCredentials(path), dataset.GetDriver()->GetDescription());
  if (dataset.GetRasterCount() > 0) {
    if (auto readable = probeRasterReadable(dataset, path); !readable) return Error{readable.error()};
    const int w = dataset.GetRasterXSize(), h = dataset.GetRasterYSize();
    out += fmt::format("  raster: {} x {} pixels, {} band(s), {} overview(s)\n", w, h, dataset.GetRasterCount(),
                       dataset.GetRasterBand(1)->GetOverviewCount());
    for (int b = 1; b <= dataset.GetRasterCount(); ++b) {
      GDALRasterBand* band = dataset.GetRasterBand(b);
      int hasNoData = 0;
      const double noData = band->GetNoDataValue(&hasNoData);
      out += fmt::format("    band {}: {} {}{}\n", b, GDALGetDataTypeName(band->GetRasterDataType()),
                         GDALGetColorInterpretationName(band->GetColorInterpretation()),
                         hasNoData ? fmt::format(", nodata {}", noData) : "");
    }
    if (const std::string advice = overviewAdvice(path, w, h, dataset.GetRasterBand(1)->GetOverviewCount()); !advice.empty())
      out += "  note: " + advice + "\n";
    auto placed = placeRaster(dataset, path);
    if (!placed) return Error{placed.error()};
    const OGRSpatialReference* srs = placed->byGcps ? dataset.GetGCPSpatialRef() : dataset.GetSpatialRef();
    out += fmt::format("  crs: {}{}\n", crsText(srs), placed->byGcps ? fmt::format(" ({})", placed->note) : "");
    const auto lonLat = rasterFootprint(dataset, *placed, "EPSG:4326", path);
    out += fmt::format("  extent (lon/lat): {}\n", lonLat ? lonLatText(*lonLat) : "unknown");
  }
  size_t features = 0;
  bool anyGeometry = false;
  for (int i = 0; i < dataset.GetLayerCount(); ++i) {
    OGRLayer* layer = dataset.GetLayer(i);
    // Stop at the first drawable feature: enough to know the layer is usable, cheap on huge files.
    for (auto& feature : *layer) {
      ++features;
      const OGRGeometry* geometry = feature->GetGeometryRef();
      if (geometry && !geometry->IsEmpty()) {
        anyGeometry = true;
        break;
      }
    }
    OGREnvelope envelope;
    Bbox native;
    if (layer->GetExtent(&envelope, TRUE) == OGRERR_NONE)
      native = {envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY};
    // Some drivers (OSM PBF) cannot count without reading everything, and answer -1.
    const GIntBig count = layer->GetFeatureCount();
    out += fmt::format("  layer '{}': {}, {} feature(s)\n    crs: {}\n    extent (lon/lat): {}\n", layer->GetName(),
                       OGRGeometryTypeToName(layer->GetGeomType()), count < 0 ? std::string("an unknown number of") : std::to_string(count),
                       crsText(layer->GetSpatialRef(), native), lonLatExtent(native, layer->GetSpatialRef()));
  }
  if (dataset.GetRasterCount() == 0 && dataset.GetLayerCount() == 0) {
    // A container (NetCDF, HDF, a GeoPackage of rasters): its subdatasets, by the names that open them.
    const auto subdatasets = subdatasetsOf(dataset);
    if (subdatasets.empty()) return Error{path + ": holds no raster or vector data"};
    out += fmt::format("  {} subdataset(s), each opened by its name:\n", subdatasets.size());
    for (const Subdataset& s : subdatasets)
      out += fmt::format("    {}{}\n", s.name, s.description.empty() ? "" : "  (" + s.description + ")");
    return out;
  }
  if (dataset.GetRasterCount() == 0 && !anyGeometry) {
    if (features == 0) return Error{path + ": the layer has no features"};
    return Error{path + ": none of its " + std::to_string(features) + " features has usable coordinates"};
  }
  return out;
}

}  // namespace sitmap
