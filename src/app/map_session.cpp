// Scene loading and frame building.
#include "app/map_session.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "core/geodesy.hpp"
#include "io/source_open.hpp"
#include "io/vector_loader.hpp"

namespace sitmap {

namespace {

// Raster or vector: what the scene says, else what GDAL finds in the file.
Result<LayerKind> detectKind(const LayerSpec& spec, GDALDataset& dataset) {
  if (spec.kind != LayerKind::Auto) return spec.kind;
  if (dataset.GetRasterCount() > 0 && spec.sourceLayer.empty()) return LayerKind::Raster;
  if (dataset.GetLayerCount() > 0) return LayerKind::Vector;
  return Error{spec.path + ": holds no raster or vector data"};
}

}  // namespace

Result<LoadedData> loadLayerData(const LayerSpec& spec, const std::string& displayCrs, DatasetCache* cache) {
  DatasetCache ownCache;
  auto dataset = (cache ? *cache : ownCache).open(spec.path);
  if (!dataset) return Error{dataset.error()};
  auto kind = detectKind(spec, **dataset);
  if (!kind) return Error{kind.error()};
  LoadedData data;
  if (*kind == LayerKind::Raster) {
    auto source = RasterSource::open(spec.path, displayCrs, spec.raster);
    if (!source) return Error{source.error()};
    data.raster = (*source)->info();
    return data;
  }
  VectorLoadRequest request;
  request.path = spec.path;
  request.layerName = spec.sourceLayer;
  request.displayCrs = displayCrs;
  request.labelField = spec.vector.labelField;
  request.priorityField = spec.vector.priorityField;
  request.priorityAscending = spec.vector.priorityAscending;
  request.attributeFilter = spec.vector.filter;
  auto vector = loadVector(request, **dataset);
  if (!vector) return Error{vector.error()};
  data.vector = std::make_shared<const VectorData>(std::move(*vector));
  return data;
}

Result<MapSession> MapSession::create(Scene scene) {
  auto toDisplay = CrsTransform::fromLonLat(scene.crs);
  if (!toDisplay) return Error{"display CRS: " + toDisplay.error()};
  auto toLonLat = CrsTransform::create(scene.crs, "EPSG:4326");
  if (!toLonLat) return Error{"display CRS: " + toLonLat.error()};
  return MapSession(std::move(scene), std::move(*toDisplay), std::move(*toLonLat));
}

MapSession::MapSession(Scene scene, CrsTransform toDisplay, CrsTransform toLonLat)
    : m_scene(std::move(scene)),
      m_toDisplay(std::make_unique<CrsTransform>(std::move(toDisplay))),
      m_toLonLat(std::make_unique<CrsTransform>(std::move(toLonLat))) {
  for (const LayerSpec& spec : m_scene.layers) addLayer(spec);
}

SessionLayer& MapSession::addLayer(LayerSpec spec) {
  SessionLayer layer;
  layer.spec = std::move(spec);
  layer.uid = m_nextUid++;
  m_layers.push_back(std::move(layer));
  return m_layers.back();
}

SessionLayer* MapSession::find(uint64_t uid) {
  auto it = std::find_if(m_layers.begin(), m_layers.end(), [&](const SessionLayer& l) { return l.uid == uid; });
  return it == m_layers.end() ? nullptr : &*it;
}

void MapSession::finishLoad(uint64_t uid, Result<LoadedData> result) {
  SessionLayer* layer = find(uid);
  if (!layer) return;  // removed while loading
  if (result) {
    layer->data = std::move(*result);
    layer->state = SessionLayer::State::Ready;
  } else {
    layer->error = result.error();
    layer->state = SessionLayer::State::Failed;
  }
}

void MapSession::syncRenderer(MapRenderer& renderer) {
  for (SessionLayer& layer : m_layers) {
    if (layer.state != SessionLayer::State::Ready || layer.rendererId != 0) continue;
    if (layer.data.vector) {
      layer.rendererId = renderer.addVectorLayer(layer.data.vector);
    } else if (layer.data.raster) {
      const RasterInfo& info = *layer.data.raster;
      layer.rendererId =
          renderer.addRasterLayer(TileGrid(info.displayExtent, info.displayUnitsPerPixel), info.overviews > 0);
    }
  }
}

void MapSession::removeLayer(uint64_t uid, MapRenderer& renderer) {
  auto it = std::find_if(m_layers.begin(), m_layers.end(), [&](const SessionLayer& l) { return l.uid == uid; });
  if (it == m_layers.end()) return;
  if (it->rendererId) renderer.removeLayer(it->rendererId);
  m_layers.erase(it);
}

std::optional<Bbox> MapSession::layerBounds(const SessionLayer& layer) const {
  if (layer.data.vector && layer.data.vector->bounds.valid()) return layer.data.vector->bounds;
  if (layer.data.raster) return layer.data.raster->displayExtent;
  return std::nullopt;
}

Bbox MapSession::homeBounds() const {
  if (m_scene.homeLonLat) return m_toDisplay->applyToBox(*m_scene.homeLonLat);
  Bbox all;
  for (const SessionLayer& layer : m_layers)
    if (auto b = layerBounds(layer)) all.expand(*b);
  if (!all.valid()) return m_toDisplay->applyToBox({-10, -10, 10, 10});
  return all;
}

std::optional<Vec2> MapSession::toDisplay(LonLat p) const {
  Vec2 v{p.lon, p.lat};
  if (!m_toDisplay->apply(v)) return std::nullopt;
  return v;
}

std::optional<LonLat> MapSession::toLonLat(Vec2 display) const {
  if (!m_toLonLat->apply(display)) return std::nullopt;
  return LonLat{display.x, display.y};
}

std::optional<double> MapSession::groundMetresPerPixel(const Viewport& view) const {
  // Measure across 100 pixels through the centre, horizontally: true ground distance whatever the projection.
  const Vec2 c{view.widthPx() / 2.0, view.heightPx() / 2.0};
  auto a = toLonLat(view.screenToWorld({c.x - 50, c.y}));
  auto b = toLonLat(view.screenToWorld({c.x + 50, c.y}));
  if (!a || !b) return std::nullopt;
  const double metres = geodesicDistanceMetres(*a, *b);
  return metres > 0 ? std::optional(metres / 100.0) : std::nullopt;
}

std::string MapSession::attribution() const {
  std::vector<std::string> parts;
  for (const SessionLayer& layer : m_layers) {
    const std::string& a = layer.spec.attribution;
    if (layer.spec.visible && !a.empty() && std::find(parts.begin(), parts.end(), a) == parts.end()) parts.push_back(a);
  }
  std::string text;
  for (const std::string& part : parts) text += (text.empty() ? "" : " · ") + part;
  return text;
}

MapFrame MapSession::frame(const Viewport& view, float pixelScale, bool furniture) const {
  MapFrame frame;
  frame.view = view;
  frame.pixelScale = pixelScale;
  frame.background = m_scene.background;
  const double scale = view.scaleDenominator() * pixelScale;  // in 1x pixels, so 2x images keep the same layers
  for (const SessionLayer& layer : m_layers) {
    if (!layer.spec.visible || layer.rendererId == 0 || !layer.spec.scales.contains(scale)) continue;
    frame.layers.push_back({layer.rendererId, layer.spec.opacity, layer.spec.vector});
  }
  if (furniture) {
    if (auto metres = groundMetresPerPixel(view)) frame.furniture.scaleBar = chooseScaleBar(*metres, 150.0 * pixelScale);
    frame.furniture.attribution = attribution();
    frame.furniture.title = m_scene.title;
  }
  return frame;
}

}  // namespace sitmap
