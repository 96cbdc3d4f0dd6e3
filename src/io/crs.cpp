// CRS parsing and transformation through OSR.
#include "io/crs.hpp"

#include <fmt/format.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <limits>

#include "io/gdal_session.hpp"

namespace sitmap {

namespace {

Result<OGRSpatialReference> parseCrs(const std::string& userCrs) {
  ensureGdal();
  OGRSpatialReference srs;
  std::string text = userCrs;
  if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos) text = "EPSG:" + text;
  if (text.empty() || srs.SetFromUserInput(text.c_str()) != OGRERR_NONE)
    return Error{"unknown CRS '" + userCrs + "' (expected e.g. EPSG:3857 or EPSG:32631)"};
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

}  // namespace

std::string wktOf(const OGRSpatialReference& srs) {
  char* wkt = nullptr;
  srs.exportToWkt(&wkt);
  std::string text = wkt ? wkt : "";
  CPLFree(wkt);
  return text;
}

Result<std::string> crsToWkt(const std::string& userCrs) {
  auto srs = parseCrs(userCrs);
  if (!srs) return Error{srs.error()};
  return wktOf(*srs);
}

std::string describeCrs(const std::string& wkt) {
  auto srs = parseCrs(wkt);
  if (!srs) return "unknown CRS";
  std::string name = srs->GetName() ? srs->GetName() : "unnamed CRS";
  const char* authority = srs->GetAuthorityName(nullptr);
  const char* code = srs->GetAuthorityCode(nullptr);
  if (authority && code) name += std::string(" (") + authority + ":" + code + ")";
  return name;
}

std::optional<Bbox> crsAreaOfUse(const std::string& userCrs) {
  auto srs = parseCrs(userCrs);
  if (!srs) return std::nullopt;
  double west = 0, south = 0, east = 0, north = 0;
  const char* name = nullptr;
  if (!srs->GetAreaOfUse(&west, &south, &east, &north, &name) || west == -1000) return std::nullopt;
  if (west > east) return Bbox{-180, south, 180, north};  // an area across the antimeridian: its latitudes bound it
  return Bbox{west, south, east, north};
}

std::optional<WorldSpan> repeatingWorld(const std::string& displayCrs) {
  const auto area = crsAreaOfUse(displayCrs);
  if (!area || area->width() < 359) return std::nullopt;
  auto toDisplay = CrsTransform::fromLonLat(displayCrs);
  if (!toDisplay) return std::nullopt;
  std::vector<Vec2> edges = {{-180, 0}, {180, 0}, {-180, 60}, {180, 60}, {0, 0}, {90, 30}};
  if (toDisplay->apply(edges) != 0) return std::nullopt;
  const double west = edges[0].x, width = edges[1].x - edges[0].x;
  const double slack = std::fabs(width) * 1e-9;
  const bool cylindrical = width > 0 && std::fabs(edges[2].x - west) <= slack && std::fabs(edges[3].x - edges[1].x) <= slack &&
                           std::fabs(edges[4].x - (west + width / 2)) <= slack &&
                           std::fabs(edges[5].x - (west + width * 0.75)) <= slack;
  if (!cylindrical) return std::nullopt;
  return WorldSpan{west, width};
}

bool looksLikeLonLat(const Bbox& extent) {
  constexpr double kSlack = 1e-6;
  return extent.valid() && extent.minX >= -180 - kSlack && extent.maxX <= 360 + kSlack && extent.minY >= -90 - kSlack &&
         extent.maxY <= 90 + kSlack;
}

std::string describeExtent(const Bbox& extent) {
  return fmt::format("x {:.6g} to {:.6g}, y {:.6g} to {:.6g}", extent.minX, extent.maxX, extent.minY, extent.maxY);
}

Status lonLatWithoutCrs(const std::string& path, const Bbox& extent, const std::string& whose) {
  if (looksLikeLonLat(extent)) return success();
  return Error{path + ": declares no CRS and " + whose + " (" + describeExtent(extent) +
               ") is not longitude/latitude: it has no usable georeferencing"};
}

void TransformationDeleter::operator()(OGRCoordinateTransformation* t) const { OGRCoordinateTransformation::DestroyCT(t); }

Result<Transformation> makeTransformation(const OGRSpatialReference& from, const OGRSpatialReference& to) {
  ensureGdal();
  OGRSpatialReference source(from), target(to);
  source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  Transformation transform(OGRCreateCoordinateTransformation(&source, &target));
  if (!transform) {
    const char* a = source.GetName();
    const char* b = target.GetName();
    const std::string what = std::string("no transformation from ") + (a ? a : "the source CRS") + " to " +
                             (b ? b : "the target CRS") + ": ";
    // A body other than the Earth (Mars, the Moon) is said in words; PROJ's own message quotes both CRSs' WKT.
    for (const OGRSpatialReference* srs : {&source, &target}) {
      constexpr double kEarthRadius = 6378137, kTolerance = 0.01;
      const double radius = srs->GetSemiMajor();
      if (std::fabs(radius - kEarthRadius) > kEarthRadius * kTolerance) {
        const char* ellipsoid = srs->GetAttrValue("SPHEROID");
        const char* name = srs->GetName();
        return Error{what + (name ? name : "that CRS") + " is not on the Earth (its ellipsoid" +
                     (ellipsoid ? std::string(" '") + ellipsoid + "'" : std::string()) + " has a radius of " +
                     fmt::format("{:.0f}", radius / 1000) + " km)"};
      }
    }
    std::string reason = lastGdalError("PROJ found none");
    constexpr size_t kLongest = 160;
    if (reason.size() > kLongest) reason = reason.substr(0, kLongest) + "...";
    return Error{what + reason};
  }
  return transform;
}

CrsTransform::CrsTransform(Transformation transform) : m_transform(std::move(transform)) {}
CrsTransform::CrsTransform(CrsTransform&&) noexcept = default;
CrsTransform& CrsTransform::operator=(CrsTransform&&) noexcept = default;
CrsTransform::~CrsTransform() = default;

Result<CrsTransform> CrsTransform::create(const std::string& fromCrs, const std::string& toCrs) {
  auto from = parseCrs(fromCrs);
  if (!from) return Error{from.error()};
  auto to = parseCrs(toCrs);
  if (!to) return Error{to.error()};
  auto transform = makeTransformation(*from, *to);
  if (!transform) return Error{transform.error()};
  return CrsTransform(std::move(*transform));
}

bool CrsTransform::apply(Vec2& point) const {
  double x = point.x, y = point.y;
  int ok = 0;
  if (!m_transform->Transform(1, &x, &y, nullptr, &ok) || !ok || !std::isfinite(x) || !std::isfinite(y)) {
    point = {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
    return false;
  }
  point = {x, y};
  return true;
}

size_t CrsTransform::apply(std::vector<Vec2>& points) const {
  if (points.empty()) return 0;
  std::vector<double> xs(points.size()), ys(points.size());
  std::vector<int> ok(points.size(), 0);
  for (size_t i = 0; i < points.size(); ++i) {
    xs[i] = points[i].x;
    ys[i] = points[i].y;
  }
  m_transform->Transform(int(points.size()), xs.data(), ys.data(), nullptr, ok.data());
  size_t failed = 0;
  for (size_t i = 0; i < points.size(); ++i) {
    if (ok[i] && std::isfinite(xs[i]) && std::isfinite(ys[i])) {
      points[i] = {xs[i], ys[i]};
    } else {
      points[i] = {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
      ++failed;
    }
  }
  return failed;
}

Bbox CrsTransform::applyToBox(const Bbox& box) const {
  constexpr int kSteps = 20;
  double minX = 0, minY = 0, maxX = 0, maxY = 0;
  // 100 points an edge: 21 (GDAL's usual) misses a West Africa box's southern extreme by 12 m in UTM.
  if (m_transform->TransformBounds(box.minX, box.minY, box.maxX, box.maxY, &minX, &minY, &maxX, &maxY, 100) &&
      std::isfinite(minX) && std::isfinite(minY) && std::isfinite(maxX) && std::isfinite(maxY) && minX <= maxX)
    return {minX, minY, maxX, maxY};
  std::vector<Vec2> edge;
  for (int i = 0; i <= kSteps; ++i) {
    const double t = double(i) / kSteps;
    const double x = box.minX + t * box.width(), y = box.minY + t * box.height();
    edge.push_back({x, box.minY});
    edge.push_back({x, box.maxY});
    edge.push_back({box.minX, y});
    edge.push_back({box.maxX, y});
  }
  apply(edge);
  Bbox out;
  for (const Vec2& p : edge)
    if (std::isfinite(p.x)) out.expand(p);
  return out;
}

}  // namespace sitmap
