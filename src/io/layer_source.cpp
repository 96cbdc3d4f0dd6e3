// Layer sources: kind detection and loading of vector, raster, incident and control layers into the display CRS.
#include "io/layer_source.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/event_table_builder.hpp"
#include "core/text.hpp"
#include "io/crs.hpp"
#include "io/incident_sql.hpp"
#include "io/input_file.hpp"
#include "io/ogr_incidents.hpp"
#include "io/polygon_triangulator.hpp"
#include "io/source_open.hpp"
#include "io/vector_loader.hpp"

namespace sitmap {

namespace {

// Raster or vector: what the scene says, else what GDAL finds in the file.
Result<LayerKind> detectKind(const LayerSpec& spec, GDALDataset& dataset) {
  if (spec.kind != LayerKind::Auto) return spec.kind;
  if (dataset.GetRasterCount() > 0 && spec.sourceLayer.empty()) return LayerKind::Raster;
  if (dataset.GetLayerCount() > 0) return LayerKind::Vector;
  if (const auto subdatasets = subdatasetsOf(dataset); !subdatasets.empty())
    return Error{spec.path + ": " + subdatasetAdvice(subdatasets)};
  return Error{spec.path + ": holds no raster or vector data"};
}

bool isCsv(const std::string& path) { return lowerExtension(path) == ".csv"; }

// Incidents from an ACLED CSV or an OGR point layer, placed in the display CRS.
Result<LoadedLayer> loadIncidents(const LayerSpec& spec, const std::string& displayCrs, const ImportProgress& progress,
                                  const ReadScope& scope) {
  if (isCsv(spec.path) && (!spec.incrementalColumn.empty() || spec.filterInDatabase))
    return Error{spec.path + ": a CSV file is read whole; " +
                 (spec.filterInDatabase ? "filter_in_database" : "incremental_column") + " needs a database table"};
  const EventLayerData* previous = spec.incrementalColumn.empty() ? nullptr : scope.previousIncidents.get();
  IncidentQuery query{scope.eventFilter, spec.incrementalColumn, previous ? previous->newestRead : std::string()};
  auto import = isCsv(spec.path) ? readAcledCsv(spec.path, progress)
                                 : readIncidentsFromOgr(spec.path, spec.sourceLayer, spec.incidentFields, progress, query);
  if (!import) return Error{import.error()};
  auto toDisplay = CrsTransform::fromLonLat(displayCrs);
  if (!toDisplay) return Error{toDisplay.error()};
  auto layer = std::make_shared<EventLayerData>();
  layer->importSummary = import->summary();
  layer->newestRead = import->newest;
  layer->rowsLastRead = import->rowsRead;
  if (!import->readWhole && scope.eventFilter) layer->readFor = databaseCriteria(*scope.eventFilter);
  if (previous && previous->table) {
    // New and updated rows on top of what the map has; the summary counts the whole.
    import->table = mergeEvents(*previous->table, import->table);
    layer->importSummary = countOf(import->table.size(), "event", "events") + " (" +
                           countOf(import->rowsRead, "new row", "new rows") + " read)";
  }
  const EventTable& t = import->table;
  layer->positions.resize(t.size());
  for (size_t i = 0; i < t.size(); ++i) layer->positions[i] = {t.lon[i], t.lat[i]};
  toDisplay->apply(layer->positions);
  for (const Vec2& p : layer->positions)
    if (std::isfinite(p.x)) layer->bounds.expand(p);
  for (const auto& [event, stretch] : t.stretches) {
    std::vector<Vec2> points;
    for (const LonLat& p : stretch) points.push_back({p.lon, p.lat});
    toDisplay->apply(points);
    std::erase_if(points, [](const Vec2& p) { return !std::isfinite(p.x) || !std::isfinite(p.y); });
    if (points.size() >= 2) layer->stretches.emplace(event, std::move(points));
  }
  layer->table = std::make_shared<const EventTable>(std::move(import->table));
  return LoadedLayer{IncidentLayer{std::move(layer)}};
}


// A CSV whose header names ACLED's columns is an incident file, whatever the scene says.
bool looksLikeAcled(const std::string& path) {
  if (!isCsv(path)) return false;
  std::ifstream in(path);
  std::string header;
  std::getline(in, header);
  return header.find("event_date") != std::string::npos && header.find("event_type") != std::string::npos;
}

}  // namespace

Result<LoadedLayer> openLayer(const LayerSpec& spec, const std::string& displayCrs, DatasetCache* cache,
                              const ImportProgress& progress, const ReadScope& scope) {
  if (spec.kind == LayerKind::Control) {
    auto load = loadControl(spec.path, spec.sourceLayer, spec.incidentFields);
    if (!load) return Error{load.error()};
    auto toDisplay = CrsTransform::fromLonLat(displayCrs);
    if (!toDisplay) return Error{toDisplay.error()};
    auto control = std::make_shared<ControlLayerData>();
    for (const ControlFeature& f : load->features) control->positions.push_back({f.point.lon, f.point.lat});
    toDisplay->apply(control->positions);
    PolygonTriangulator triangulator;
    for (const ControlFeature& f : load->features) {
      if (f.isPoint) {
        control->zones.push_back(nullptr);
        continue;
      }
      auto zone = std::make_shared<VectorData>();
      // A path's points in the display CRS (those that project), appended to the zone's vertices.
      const auto addPath = [&](const std::vector<LonLat>& points) {
        VectorData::Path path{uint32_t(zone->vertices.size()), 0};
        for (const LonLat& p : points) {
          Vec2 v{p.lon, p.lat};
          if (!toDisplay->apply(v)) continue;
          zone->vertices.push_back(v);
          zone->bounds.expand(v);
          ++path.count;
        }
        return path;
      };
      for (const auto& ring : f.rings) {
        const VectorData::Path path = addPath(ring);
        if (path.count < 3) continue;
        zone->rings.push_back(path);
        zone->lines.push_back(path);
      }
      for (const auto& line : f.lines)
        if (const VectorData::Path path = addPath(line); path.count >= 2) zone->lines.push_back(path);
      triangulator.add(*zone, zone->rings);
      control->zones.push_back(std::move(zone));
    }
    control->changes = changesAtTheirPlace(load->features);
    if (!load->sinceBeforeGiven) markFirstStates(load->features);
    control->load = std::move(*load);
    return LoadedLayer{ControlLayer{std::move(control)}};
  }
  if (spec.kind == LayerKind::Incidents || (spec.kind == LayerKind::Auto && looksLikeAcled(spec.path)))
    return loadIncidents(spec, displayCrs, progress, scope);
  DatasetCache ownCache;
  auto dataset = (cache ? *cache : ownCache).open(spec.path);
  if (!dataset) return Error{dataset.error()};
  auto kind = detectKind(spec, **dataset);
  if (!kind) return Error{kind.error()};
  if (*kind == LayerKind::Raster) {
    auto source = RasterSource::open(spec.path, displayCrs, spec.raster);
    if (!source) return Error{source.error()};
    return LoadedLayer{RasterLayer{(*source)->info()}};
  }
  VectorLoadRequest request;
  request.path = spec.path;
  request.layerName = spec.sourceLayer;
  request.displayCrs = displayCrs;
  request.labelField = spec.vector.labelField;
  request.priorityField = spec.vector.priorityField;
  request.priorityAscending = spec.vector.priorityAscending;
  request.attributeFilter = spec.vector.filter;
  request.lonLatInterest = scope.lonLatInterest;
  auto vector = loadVector(request, **dataset);
  if (!vector) return Error{vector.error()};
  return LoadedLayer{VectorLayer{std::make_shared<const VectorData>(std::move(*vector))}};
}

}  // namespace sitmap
