// Raster placement: CRS and GCP handling, and footprints sampled over the whole raster.
#include "io/raster_georef.hpp"

#include <gdal_priv.h>
#include <gdal_alg.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "io/crs.hpp"
#include "io/gdal_session.hpp"

namespace sitmap {

namespace {

constexpr double kPi = 3.14159265358979323846;

Bbox nativeCorners(GDALDataset& dataset, const double gt[6]) {
  Bbox box;
  for (double px : {0.0, double(dataset.GetRasterXSize())})
    for (double py : {0.0, double(dataset.GetRasterYSize())})
      box.expand(Vec2{gt[0] + px * gt[1] + py * gt[2], gt[3] + px * gt[4] + py * gt[5]});
  return box;
}

// Angle between two lon/lat points on the sphere, in degrees.
double centralAngleDegrees(LonLat a, LonLat b) {
  const double r = kPi / 180;
  const double c = std::sin(a.lat * r) * std::sin(b.lat * r) + std::cos(a.lat * r) * std::cos(b.lat * r) * std::cos((a.lon - b.lon) * r);
  return std::acos(std::clamp(c, -1.0, 1.0)) / r;
}

// Pixel positions in the raster's CRS, through its geotransform or its GCPs (points GCPs cannot place are NaN).
Result<std::vector<Vec2>> toNative(GDALDataset& file, const PlacedRaster& raster, const std::vector<Vec2>& pixels) {
  std::vector<Vec2> native;
  native.reserve(pixels.size());
  if (!raster.byGcps) {
    double gt[6];
    file.GetGeoTransform(gt);
    for (const Vec2& p : pixels) native.push_back({gt[0] + p.x * gt[1] + p.y * gt[2], gt[3] + p.x * gt[4] + p.y * gt[5]});
    return native;
  }
  void* fit = GDALCreateGCPTransformer(file.GetGCPCount(), file.GetGCPs(), 0, FALSE);
  if (!fit) return Error{"its " + std::to_string(file.GetGCPCount()) + " GCPs cannot place it: " +
                         lastGdalError("no polynomial fits them")};
  std::vector<double> xs, ys, zs(pixels.size(), 0);
  for (const Vec2& p : pixels) xs.push_back(p.x), ys.push_back(p.y);
  std::vector<int> ok(pixels.size(), 0);
  GDALGCPTransform(fit, FALSE, int(pixels.size()), xs.data(), ys.data(), zs.data(), ok.data());
  GDALDestroyGCPTransformer(fit);
  const double nan = std::nan("");
  for (size_t i = 0; i < pixels.size(); ++i) native.push_back(ok[i] ? Vec2{xs[i], ys[i]} : Vec2{nan, nan});
  return native;
}

}  // namespace

Result<PlacedRaster> placeRaster(GDALDataset& file, const std::string& path) {
  PlacedRaster placed;
  double gt[6];
  const bool hasTransform = file.GetGeoTransform(gt) == CE_None;
  if (!hasTransform && file.GetGCPCount() == 0) {
    if (char** rpc = file.GetMetadata("RPC"); rpc && *rpc)
      return Error{path + ": is georeferenced only by RPCs (rational polynomial coefficients), which sitmap does not "
                          "support; orthorectify it first (gdalwarp -rpc)"};
    return Error{path + ": has no georeferencing (no geotransform, world file or GCPs)"};
  }
  // No CRS in the file: lon/lat, where the extent (of the pixels or of the GCPs) can be that.
  const auto assumeLonLat = [&](const Bbox& extent, const std::string& whose) -> Result<PlacedRaster> {
    if (Status usable = lonLatWithoutCrs(path, extent, whose); !usable) return Error{usable.error()};
    placed.crsWkt = *crsToWkt("EPSG:4326");
    placed.crsAssumed = true;
    return placed;
  };
  if (hasTransform) {
    if (const OGRSpatialReference* srs = file.GetSpatialRef()) {
      placed.crsWkt = wktOf(*srs);
      return placed;
    }
    return assumeLonLat(nativeCorners(file, gt), "its extent");
  }

  placed.byGcps = true;
  placed.note = "placed by " + std::to_string(file.GetGCPCount()) + " GCPs";
  if (const OGRSpatialReference* gcpSrs = file.GetGCPSpatialRef()) {
    placed.crsWkt = wktOf(*gcpSrs);
    return placed;
  }
  Bbox gcpBox;
  const GDAL_GCP* gcps = file.GetGCPs();
  for (int i = 0; i < file.GetGCPCount(); ++i) gcpBox.expand(Vec2{gcps[i].dfGCPX, gcps[i].dfGCPY});
  return assumeLonLat(gcpBox, "its GCPs' extent");
}

Result<Bbox> rasterFootprint(GDALDataset& file, const PlacedRaster& raster, const std::string& displayCrs,
                             const std::string& path) {
  auto toDisplay = CrsTransform::create(raster.crsWkt, displayCrs);
  if (!toDisplay) return Error{path + ": " + toDisplay.error()};
  auto toLonLat = CrsTransform::create(raster.crsWkt, "EPSG:4326");
  if (!toLonLat) return Error{path + ": " + toLonLat.error()};
  struct Sample {
    Vec2 native, lonLat;
  };
  const auto place = [&](const std::vector<Vec2>& pixels) -> Result<std::vector<Sample>> {
    auto native = toNative(file, raster, pixels);
    if (!native) return Error{path + ": " + native.error()};
    std::vector<Vec2> lonLat = *native;
    toLonLat->apply(lonLat);
    std::vector<Sample> samples;
    for (size_t i = 0; i < lonLat.size(); ++i) samples.push_back({(*native)[i], lonLat[i]});
    return samples;
  };
  const auto onEarth = [](const Sample& s) { return std::isfinite(s.lonLat.x) && std::isfinite(s.lonLat.y); };

  // A 129 x 129 grid of pixel positions, edges included; where a row or column leaves the Earth (a geostationary
  // disk's limb), the crossing is found by bisection, so the footprint reaches the limb itself.
  const double w = file.GetRasterXSize(), h = file.GetRasterYSize();
  constexpr int kSteps = 128;
  std::vector<Vec2> pixels;
  for (int j = 0; j <= kSteps; ++j)
    for (int i = 0; i <= kSteps; ++i) pixels.push_back({w * i / kSteps, h * j / kSteps});
  auto grid = place(pixels);
  if (!grid) return Error{grid.error()};
  std::vector<Sample> samples = *grid;
  const auto bisect = [&](size_t a, size_t b) -> Status {  // a on the Earth, b off it
    Vec2 in = pixels[a], out = pixels[b];
    for (int step = 0; step < 16; ++step) {
      const Vec2 mid{(in.x + out.x) / 2, (in.y + out.y) / 2};
      auto probe = place({mid});
      if (!probe) return Error{probe.error()};
      if (onEarth(probe->front())) {
        in = mid;
        samples.push_back(probe->front());
      } else {
        out = mid;
      }
    }
    return success();
  };
  const auto index = [](int i, int j) { return size_t(j) * (kSteps + 1) + size_t(i); };
  for (int j = 0; j <= kSteps; ++j)
    for (int i = 0; i < kSteps; ++i)
      for (auto [a, b] : {std::pair{index(i, j), index(i + 1, j)}, std::pair{index(j, i), index(j, i + 1)}}) {
        if (onEarth((*grid)[a]) == onEarth((*grid)[b])) continue;
        if (!onEarth((*grid)[a])) std::swap(a, b);
        if (auto ok = bisect(a, b); !ok) return Error{ok.error()};
      }

  std::vector<Vec2> direct;
  for (const Sample& s : samples) direct.push_back(s.native);
  toDisplay->apply(direct);
  const std::optional<Bbox> area = crsAreaOfUse(displayCrs);
  const bool worldWide = area && area->width() >= 359;
  const LonLat areaCentre = area ? LonLat{(area->minX + area->maxX) / 2, (area->minY + area->maxY) / 2} : LonLat{};
  constexpr double kZoneReachDegrees = 80;
  // A point inside the display's area goes straight from the raster's CRS, one transformation as the tiles are
  // warped; one beyond a world-wide CRS's latitudes is clamped to them and goes from its lon/lat.
  std::vector<Vec2> shown;  // display points of the samples the display CRS can show
  std::vector<Vec2> clamped;
  for (size_t i = 0; i < samples.size(); ++i) {
    const Vec2 p = samples[i].lonLat;
    if (!onEarth(samples[i])) continue;
    if (worldWide && (p.y < area->minY || p.y > area->maxY)) {
      clamped.push_back({p.x, std::clamp(p.y, area->minY, area->maxY)});
      continue;
    }
    if (area && !worldWide && centralAngleDegrees({p.x, p.y}, areaCentre) > kZoneReachDegrees) continue;
    if (std::isfinite(direct[i].x) && std::isfinite(direct[i].y)) shown.push_back(direct[i]);
  }
  if (!clamped.empty()) {
    auto lonLatToDisplay = CrsTransform::create("EPSG:4326", displayCrs);
    if (!lonLatToDisplay) return Error{path + ": " + lonLatToDisplay.error()};
    lonLatToDisplay->apply(clamped);
    for (const Vec2& p : clamped)
      if (std::isfinite(p.x) && std::isfinite(p.y)) shown.push_back(p);
  }
  // A raster across the antimeridian reaches both edges of a world that repeats: it is placed in one piece
  // east of 180° (tiles there are warped from longitudes past 180°, which PROJ takes round the world).
  if (const auto world = repeatingWorld(displayCrs)) {
    std::vector<XRange> xs;  // grid samples 1/128 of the raster apart: as points
    for (const Vec2& p : shown) xs.push_back({p.x, p.x});
    if (const auto cut = antimeridianCut(xs, *world))
      for (Vec2& p : shown)
        if (p.x < *cut) p.x += world->width;
  }
  Bbox footprint;
  for (const Vec2& p : shown) footprint.expand(p);
  if (!footprint.valid())
    return Error{path + ": lies wholly outside the area " + describeCrs(displayCrs) + " can show"};
  return footprint;
}

}  // namespace sitmap
