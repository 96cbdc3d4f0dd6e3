// Coordinate reference systems: parsing user CRS strings and transforming points and boxes (GDAL/OSR).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/antimeridian.hpp"
#include "core/geometry.hpp"
#include "core/result.hpp"

class OGRCoordinateTransformation;
class OGRSpatialReference;

namespace sitmap {

// Validates "EPSG:32631", "32631", a WKT or PROJ string; returns the CRS as WKT.
Result<std::string> crsToWkt(const std::string& userCrs);
// The CRS as WKT (what crsToWkt and GDAL's own CRS objects are compared and passed around as).
std::string wktOf(const OGRSpatialReference& srs);
// Short human name, e.g. "WGS 84 / Pseudo-Mercator (EPSG:3857)".
std::string describeCrs(const std::string& wkt);
// Where the CRS is meant to be used, in lon/lat (EPSG:3857: ±180°, ±85.06°); nullopt where the CRS says nothing.
std::optional<Bbox> crsAreaOfUse(const std::string& userCrs);

// For a display CRS whose x grows evenly with longitude at every latitude (EPSG:4326, EPSG:3857 and other
// cylindrical world CRSs): where one turn of the world begins (x of 180°W) and its width; nullopt otherwise.
std::optional<WorldSpan> repeatingWorld(const std::string& displayCrs);

// Could this extent, in a file that declares no CRS, be longitudes and latitudes? (Longitudes up to 360 are common
// in global grids.) Where not, the file has no usable georeferencing: a pixel grid, or projected coordinates
// whose CRS was lost.
bool looksLikeLonLat(const Bbox& extent);
// "x 100 to 600, y 100 to 500": an extent in a CRS that is not known, for messages.
std::string describeExtent(const Bbox& extent);
// For a file that declares no CRS: an error where `extent` cannot be lon/lat ("PATH: declares no CRS and its
// extent (x ..., y ...) is not longitude/latitude: it has no usable georeferencing"; `whose` names what the extent
// is of, "its extent" or "its GCPs' extent").
Status lonLatWithoutCrs(const std::string& path, const Bbox& extent, const std::string& whose = "its extent");

struct TransformationDeleter {
  void operator()(OGRCoordinateTransformation* t) const;
};
using Transformation = std::unique_ptr<OGRCoordinateTransformation, TransformationDeleter>;
// The one factory of coordinate transformations: both CRSs in traditional GIS axis order (x = longitude or
// easting), and a message naming both when PROJ has no transformation between them.
Result<Transformation> makeTransformation(const OGRSpatialReference& from, const OGRSpatialReference& to);

// Longitude/latitude order on both sides (OAMS_TRADITIONAL_GIS_ORDER). Not thread-safe: one per thread.
class CrsTransform {
public:
  static Result<CrsTransform> create(const std::string& fromCrs, const std::string& toCrs);
  static Result<CrsTransform> fromLonLat(const std::string& toCrs) { return create("EPSG:4326", toCrs); }

  CrsTransform(CrsTransform&&) noexcept;
  CrsTransform& operator=(CrsTransform&&) noexcept;
  ~CrsTransform();

  // False (and the point left as NaN) where the point cannot be transformed.
  bool apply(Vec2& point) const;
  // Transforms in place; returns how many points failed (set to NaN).
  size_t apply(std::vector<Vec2>& points) const;
  // The box that holds the whole transformed box: GDAL's TransformBounds, which densifies the edges (a box's
  // edges curve in most projections, so its corners alone miss the extremes) and handles poles and the
  // antimeridian; edge sampling where it fails.
  Bbox applyToBox(const Bbox& box) const;

private:
  explicit CrsTransform(Transformation transform);
  Transformation m_transform;
};

}  // namespace sitmap
