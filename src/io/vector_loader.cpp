// OGR reading, reprojection and flattening of vector layers.
#include "io/vector_loader.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <memory>
#include <optional>

#include "core/path_simplify.hpp"
#include "io/crs.hpp"
#include "io/gdal_session.hpp"
#include "io/polygon_triangulator.hpp"
#include "io/source_open.hpp"

namespace sitmap {

namespace {

class Flattener {
public:
  Flattener(VectorData& out, const OGRCoordinateTransformation* transform) : m_out(out), m_transform(transform) {}

  // Appends one geometry; false if nothing drawable came out of it.
  bool add(const OGRGeometry* geometry) {
    if (!geometry || geometry->IsEmpty()) return false;
    switch (wkbFlatten(geometry->getGeometryType())) {
      case wkbPoint: {
        auto* p = geometry->toPoint();
        Vec2 v{p->getX(), p->getY()};
        if (!project(v)) return false;
        m_out.points.push_back(v);
        m_out.bounds.expand(v);
        m_sawPoint = true;
        return true;
      }
      case wkbLineString:
        m_sawLine = true;
        return addPath(geometry->toLineString(), m_out.lines);
      case wkbPolygon: {
        const size_t firstRing = m_out.rings.size();
        for (const OGRLinearRing* ring : *geometry->toPolygon()) {
          if (!addPath(ring, m_out.rings)) continue;
          m_out.lines.push_back(m_out.rings.back());  // the outline shares the ring's vertices
        }
        if (m_out.rings.size() == firstRing) return false;
        const std::vector<VectorData::Path> rings(m_out.rings.begin() + long(firstRing), m_out.rings.end());
        fill(rings);
        m_sawPolygon = true;
        return true;
      }
      case wkbMultiPoint:
      case wkbMultiLineString:
      case wkbMultiPolygon:
      case wkbGeometryCollection: {
        bool any = false;
        for (const OGRGeometry* part : *geometry->toGeometryCollection()) any = add(part) || any;
        return any;
      }
      default: {
        // Curves and the like: draw their linear approximation.
        std::unique_ptr<OGRGeometry> linear(geometry->getLinearGeometry());
        return linear && wkbFlatten(linear->getGeometryType()) != wkbFlatten(geometry->getGeometryType()) &&
               add(linear.get());
      }
    }
  }

  size_t untriangulated() const { return m_untriangulated; }
  size_t simplifiedFills() const { return m_simplifiedFills; }

  std::string kind() const {
    const int kinds = int(m_sawPoint) + int(m_sawLine) + int(m_sawPolygon);
    if (kinds > 1) return "Mixed";
    if (m_sawPolygon) return "Polygon";
    if (m_sawLine) return "Line";
    if (m_sawPoint) return "Point";
    return "None";
  }

  bool project(Vec2& v) const {
    if (m_transform) {
      double x = v.x, y = v.y;
      int ok = 0;
      if (!const_cast<OGRCoordinateTransformation*>(m_transform)->Transform(1, &x, &y, nullptr, &ok) || !ok)
        return false;
      v = {x, y};
    }
    return std::isfinite(v.x) && std::isfinite(v.y);
  }

private:
  bool addPath(const OGRSimpleCurve* curve, std::vector<VectorData::Path>& into) {
    const int n = curve->getNumPoints();
    if (n < 2) return false;
    std::vector<double> xs(n), ys(n);
    std::vector<int> ok(n, 1);
    for (int i = 0; i < n; ++i) {
      xs[i] = curve->getX(i);
      ys[i] = curve->getY(i);
    }
    if (m_transform) const_cast<OGRCoordinateTransformation*>(m_transform)->Transform(n, xs.data(), ys.data(), nullptr, ok.data());
    VectorData::Path path{uint32_t(m_out.vertices.size()), 0};
    for (int i = 0; i < n; ++i) {
      if (!ok[i] || !std::isfinite(xs[i]) || !std::isfinite(ys[i])) continue;
      m_out.vertices.push_back({xs[i], ys[i]});
      m_out.bounds.expand(m_out.vertices.back());
      ++path.count;
    }
    if (path.count < 2) {
      m_out.vertices.resize(path.first);
      return false;
    }
    into.push_back(path);
    return true;
  }

  // The tessellator's time grows about with the square of a polygon's vertices (10^5: 6 s, 10^6: past ten
  // minutes). Above this bound the fill is triangulated from a Douglas–Peucker copy of the rings, coarsened until
  // it fits; the outline and picking keep every vertex, so only the fill's edge can be off, by under the
  // tolerance used (a closed ring's first vertex is its last, so each ring keeps at least a triangle's corners).
  static constexpr size_t kFillVertexBound = 20000;

  void fill(const std::vector<VectorData::Path>& rings) {
    size_t vertices = 0;
    for (const auto& ring : rings) vertices += ring.count;
    if (vertices <= kFillVertexBound) {
      if (!m_triangulator.add(m_out, rings)) ++m_untriangulated;
      return;
    }
    Bbox extent;  // (measured only for the rare huge polygon: every vertex of every other one is spared a pass)
    for (const auto& ring : rings)
      for (uint32_t i = 0; i < ring.count; ++i) extent.expand(m_out.vertices[ring.first + i]);
    // From 1/10,000 of the polygon's size (under a pixel even with the polygon filling a 4K screen), doubled.
    double tolerance = std::hypot(extent.width(), extent.height()) * 1e-4;
    std::vector<std::vector<uint32_t>> kept;
    for (size_t total = vertices; total > kFillVertexBound;) {
      kept.clear();
      total = 0;
      for (const auto& ring : rings) {
        kept.push_back(simplifyPath(&m_out.vertices[ring.first], ring.count, tolerance));
        total += kept.back().size();
      }
      tolerance *= 2;
    }
    std::vector<VectorData::Path> coarse;
    for (size_t r = 0; r < rings.size(); ++r) {
      if (kept[r].size() < 4) continue;  // a hole or islet below the tolerance
      VectorData::Path path{uint32_t(m_out.vertices.size()), uint32_t(kept[r].size())};
      for (uint32_t index : kept[r]) {
        const Vec2 vertex = m_out.vertices[rings[r].first + index];  // (a copy: push_back may reallocate)
        m_out.vertices.push_back(vertex);
      }
      coarse.push_back(path);
    }
    if (coarse.empty() || !m_triangulator.add(m_out, coarse)) {
      ++m_untriangulated;
      return;
    }
    ++m_simplifiedFills;
  }

  VectorData& m_out;
  const OGRCoordinateTransformation* m_transform;
  PolygonTriangulator m_triangulator;
  size_t m_untriangulated = 0;  // polygons whose interior could not be filled (outlines still drawn)
  size_t m_simplifiedFills = 0;  // polygons filled from a simplified copy (kFillVertexBound)
  bool m_sawPoint = false, m_sawLine = false, m_sawPolygon = false;
};

// Data on both sides of the antimeridian, in a display CRS that repeats every world width, is moved into one piece
// east of 180° (a Pacific island group split at 180° opened as the whole world, drawn at both edges). Edges are
// straight in such a CRS, so no edge crosses the gap that is cut, and triangles stay valid as their vertices move.
void joinAcrossTheAntimeridian(VectorData& data, const std::string& displayCrs) {
  if (!data.bounds.valid()) return;
  const auto world = repeatingWorld(displayCrs);
  if (!world || data.bounds.width() < world->width * 0.9) return;
  std::vector<XRange> covered;
  covered.reserve(data.vertices.size() + data.points.size());
  for (const VectorData::Path& line : data.lines)  // lines include every ring's outline
    for (uint32_t i = 1; i < line.count; ++i)
      covered.push_back({data.vertices[line.first + i - 1].x, data.vertices[line.first + i].x});
  for (const Vec2& p : data.points) covered.push_back({p.x, p.x});
  const auto cut = antimeridianCut(covered, *world);
  if (!cut) return;
  const auto move = [&](Vec2& p) {
    if (p.x < *cut) p.x += world->width;
  };
  for (Vec2& v : data.vertices) move(v);
  for (Vec2& p : data.points) move(p);
  for (LabelPoint& label : data.labels) move(label.position);
  data.bounds = {};
  for (const Vec2& v : data.vertices) data.bounds.expand(v);
  for (const Vec2& p : data.points) data.bounds.expand(p);
}

OGRLayer* pickLayer(GDALDataset& dataset, const std::string& name) {
  if (!name.empty()) return dataset.GetLayerByName(name.c_str());
  for (int i = 0; i < dataset.GetLayerCount(); ++i) {
    OGRLayer* layer = dataset.GetLayer(i);
    if (layer->GetFeatureCount() != 0) return layer;
  }
  return dataset.GetLayerCount() > 0 ? dataset.GetLayer(0) : nullptr;
}

// The label's anchor: the point itself, or a point guaranteed inside an area.
std::optional<Vec2> labelAnchor(const OGRGeometry* geometry) {
  const auto flat = wkbFlatten(geometry->getGeometryType());
  if (flat == wkbPoint) return Vec2{geometry->toPoint()->getX(), geometry->toPoint()->getY()};
  if (flat == wkbPolygon || flat == wkbMultiPolygon) {
    OGRGeometryH inside = OGR_G_PointOnSurface(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(geometry)));
    if (inside) {
      const Vec2 anchor{OGR_G_GetX(inside, 0), OGR_G_GetY(inside, 0)};
      OGR_G_DestroyGeometry(inside);
      return anchor;
    }
  }
  // Lines: the middle of their longest segment, which lies on the line (a bent line's centroid need not)
  // and has the most room beside it, away from the towns at the vertices.
  if (flat == wkbLineString || flat == wkbMultiLineString) {
    std::optional<Vec2> best;
    double longest = -1;
    const auto consider = [&](const OGRLineString* line) {
      for (int i = 1; i < line->getNumPoints(); ++i) {
        const double dx = line->getX(i) - line->getX(i - 1), dy = line->getY(i) - line->getY(i - 1);
        if (dx * dx + dy * dy <= longest) continue;
        longest = dx * dx + dy * dy;
        best = Vec2{(line->getX(i) + line->getX(i - 1)) / 2, (line->getY(i) + line->getY(i - 1)) / 2};
      }
    };
    if (flat == wkbLineString) consider(geometry->toLineString());
    else
      for (const OGRLineString* part : *geometry->toMultiLineString()) consider(part);
    if (best) return best;
  }
  OGRPoint centroid;
  if (geometry->Centroid(&centroid) == OGRERR_NONE) return Vec2{centroid.getX(), centroid.getY()};
  return std::nullopt;
}

}  // namespace

Result<VectorData> loadVector(const VectorLoadRequest& request) {
  auto dataset = openVectorSource(request.path);
  if (!dataset) return Error{dataset.error()};
  return loadVector(request, **dataset);
}

Result<VectorData> loadVector(const VectorLoadRequest& request, GDALDataset& dataset) {
  OGRLayer* layer = pickLayer(dataset, request.layerName);
  if (!layer) {
    if (!request.layerName.empty()) return Error{request.path + ": no layer named '" + request.layerName + "'"};
    return Error{request.path + ": contains no vector layer"};
  }
  if (!request.attributeFilter.empty() && layer->SetAttributeFilter(request.attributeFilter.c_str()) != OGRERR_NONE)
    return Error{request.path + ": bad filter '" + request.attributeFilter + "': " + lastGdalError("invalid")};

  // Sources without a CRS (plain CSV, some GeoJSON) are taken as WGS 84 longitude/latitude where their extent
  // can be that; pre-projected coordinates (a TopoJSON made for one screen) cannot be placed.
  OGRSpatialReference sourceSrs;
  if (const OGRSpatialReference* declared = layer->GetSpatialRef()) {
    sourceSrs = *declared;
  } else {
    sourceSrs.SetWellKnownGeogCS("WGS84");
    OGREnvelope envelope;
    if (layer->GetExtent(&envelope, TRUE) == OGRERR_NONE)
      if (Status usable = lonLatWithoutCrs(request.path, {envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY});
          !usable)
        return Error{usable.error()};
  }
  sourceSrs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  auto targetWkt = crsToWkt(request.displayCrs);
  if (!targetWkt) return Error{targetWkt.error()};
  OGRSpatialReference targetSrs;
  targetSrs.importFromWkt(targetWkt->c_str());
  targetSrs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  Transformation transform;
  if (!sourceSrs.IsSame(&targetSrs)) {
    auto made = makeTransformation(sourceSrs, targetSrs);
    if (!made) return Error{request.path + ": cannot reproject to " + request.displayCrs + ": " + made.error()};
    transform = std::move(*made);
  }
  if (request.lonLatInterest && request.lonLatInterest->valid()) {
    // The box's outline, densified so it stays a fair outline in a projected source CRS.
    const Bbox& b = *request.lonLatInterest;
    OGRLinearRing ring;
    constexpr int kSteps = 16;
    for (int i = 0; i < 4 * kSteps; ++i) {
      const double t = double(i % kSteps) / kSteps;
      const int side = i / kSteps;
      const double x = side == 0 ? b.minX + t * b.width() : side == 1 ? b.maxX : side == 2 ? b.maxX - t * b.width() : b.minX;
      const double y = side == 0 ? b.minY : side == 1 ? b.minY + t * b.height() : side == 2 ? b.maxY : b.maxY - t * b.height();
      ring.addPoint(x, y);
    }
    ring.closeRings();
    OGRPolygon area;
    area.addRing(&ring);
    OGRSpatialReference lonLat;
    lonLat.SetWellKnownGeogCS("WGS84");
    lonLat.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    // Where the box cannot be expressed in the source's CRS, read everything: a slower render, never a wrong one.
    bool expressed = sourceSrs.IsSame(&lonLat);
    if (!expressed)
      if (auto toSource = makeTransformation(lonLat, sourceSrs); toSource && *toSource)
        expressed = area.transform(toSource->get()) == OGRERR_NONE;
    if (expressed) layer->SetSpatialFilter(&area);
  }

  OGRFeatureDefn* definition = layer->GetLayerDefn();
  const int labelIndex = request.labelField.empty() ? -1 : definition->GetFieldIndex(request.labelField.c_str());
  const int priorityIndex = request.priorityField.empty() ? -1 : definition->GetFieldIndex(request.priorityField.c_str());
  if (!request.labelField.empty() && labelIndex < 0)
    return Error{request.path + ": no field '" + request.labelField + "' to label with"};

  VectorData data;
  for (int i = 0; i < definition->GetFieldCount(); ++i) data.fieldNames.push_back(definition->GetFieldDefn(i)->GetNameRef());
  Flattener flattener(data, transform.get());
  layer->ResetReading();
  int nameIndex = labelIndex;
  for (int i = 0; i < definition->GetFieldCount() && nameIndex < 0; ++i)
    if (definition->GetFieldDefn(i)->GetType() == OFTString) nameIndex = i;
  for (auto& feature : *layer) {
    ++data.featureCount;
    const OGRGeometry* geometry = feature->GetGeometryRef();
    const auto firstRing = uint32_t(data.rings.size());
    if (!flattener.add(geometry)) {
      ++data.skippedFeatures;
      continue;
    }
    if (data.rings.size() > firstRing)
      data.polygonFeatures.push_back({firstRing, uint32_t(data.rings.size()) - firstRing,
                                      nameIndex >= 0 ? feature->GetFieldAsString(nameIndex) : "polygon " + std::to_string(data.featureCount)});
    if (labelIndex < 0 || !feature->IsFieldSetAndNotNull(labelIndex)) continue;
    std::optional<Vec2> anchor = labelAnchor(geometry);
    if (!anchor || !flattener.project(*anchor)) continue;
    double priority = 0;
    if (priorityIndex >= 0 && feature->IsFieldSetAndNotNull(priorityIndex)) {
      priority = feature->GetFieldAsDouble(priorityIndex);
      if (request.priorityAscending) priority = -priority;
    }
    const auto flat = wkbFlatten(geometry->getGeometryType());
    data.labels.push_back({*anchor, feature->GetFieldAsString(labelIndex), priority,
                           flat == wkbPoint || flat == wkbMultiPoint});
  }
  joinAcrossTheAntimeridian(data, request.displayCrs);
  data.geometryType = flattener.kind();
  data.unfilledPolygons = flattener.untriangulated();
  data.simplifiedFills = flattener.simplifiedFills();
  // Nothing in the area of interest is no error: the layer simply has nothing to draw there.
  const bool areaFiltered = layer->GetSpatialFilter() != nullptr;
  if (data.featureCount == 0 && !areaFiltered) return Error{request.path + ": the layer has no features"};
  if (data.featureCount > 0 && data.featureCount == data.skippedFeatures)
    return Error{request.path + ": none of its " + std::to_string(data.featureCount) +
                 " features has usable coordinates"};
  return data;
}

}  // namespace sitmap
