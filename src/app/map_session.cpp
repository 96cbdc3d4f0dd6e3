// Scene loading and frame building.
#include "app/map_session.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "core/civil_date.hpp"
#include "core/event_style.hpp"
#include "core/geodesy.hpp"
#include "core/symbology.hpp"
#include "core/text.hpp"
#include "io/crs.hpp"
#include "io/time_layers.hpp"
#include "render/map_renderer.hpp"

namespace sitmap {

namespace {

// "31 Oct 07:00Z": a short time for map labels.
std::string shortTime(UtcSeconds t) {
  const UtcSeconds inDay = t - UtcSeconds(dayOf(t)) * 86400;
  char clock[16];
  std::snprintf(clock, sizeof clock, " %02d:%02dZ", int(inDay / 3600), int(inDay / 60 % 60));
  return formatShortDate(dayOf(t), false) + clock;
}

// What the map says of a convoy beside its name: in words, never the track's internal status names.
std::string convoyLabelSuffix(const Track& track, const TrackPosition& p) {
  switch (p.status) {
    case TrackStatus::Moving: return "";
    case TrackStatus::Stopped: return " (halted)";
    case TrackStatus::NotStarted: return " — departs " + shortTime(track.departure());
    case TrackStatus::Arrived: return " — arrived " + shortTime(track.arrival());
  }
  return "";
}

}  // namespace

Result<MapSession> MapSession::create(Scene scene, bool convoysLater) {
  auto toDisplay = CrsTransform::fromLonLat(scene.crs);
  if (!toDisplay) return Error{"display CRS: " + toDisplay.error()};
  auto toLonLat = CrsTransform::create(scene.crs, "EPSG:4326");
  if (!toLonLat) return Error{"display CRS: " + toLonLat.error()};
  return MapSession(std::move(scene), std::move(*toDisplay), std::move(*toLonLat), convoysLater);
}

MapSession::MapSession(Scene scene, CrsTransform toDisplay, CrsTransform toLonLat, bool convoysLater)
    : m_scene(std::move(scene)),
      m_toDisplay(std::make_unique<CrsTransform>(std::move(toDisplay))),
      m_toLonLat(std::make_unique<CrsTransform>(std::move(toLonLat))) {
  // Global projections that cannot reach the poles (Web Mercator: ±85.06°) bound what a view frames; a zone CRS
  // (UTM) is often used beyond its zone, so only world-wide areas of use are applied.
  if (auto area = crsAreaOfUse(m_scene.crs); area && area->minX <= -179.9 && area->maxX >= 179.9 && area->height() < 180) {
    const Bbox display = m_toDisplay->applyToBox(*area);
    if (display.valid()) m_areaOfUse = Bbox{-1e300, display.minY, 1e300, display.maxY};
  }
  if (auto wkt = crsToWkt(m_scene.crs)) m_crsName = describeCrs(*wkt);
  else m_crsName = m_scene.crs;
  for (const LayerSpec& spec : m_scene.layers) addLayer(spec);
  m_clock.setTime(m_scene.clock);
  m_clock.setWindowDays(m_scene.windowDays);
  m_clock.setRiskDays(m_scene.riskDays);
  m_filter = m_scene.filter;
  for (const LayerSpec& layer : m_scene.layers)
    if (layer.sourceLayer == "places") m_placesPath = layer.path;
  for (size_t i = 0; i < m_scene.convoys.size(); ++i) {
    m_pendingConvoys.push_back(i);
    if (!convoysLater) finishConvoy(i, loadConvoy(m_scene.convoys[i], m_placesPath));
  }
  layersChanged();
}

void MapSession::finishConvoy(size_t index, Result<Track> track) {
  if (std::erase(m_pendingConvoys, index) == 0) return;  // not one this session waits for
  if (!track) {
    m_convoyErrors.push_back(track.error());
    return;
  }
  const ConvoySpec& spec = m_scene.convoys[index];
  LoadedConvoy convoy{std::move(*track), {}, {}, spec.alertKm, spec.shownBeforeHours, spec.shownAfterHours, spec.routeSchematic, index};
  // The route's own vertices (a GPX track's corners are where the road turns), and points every ~2 km between
  // them so long legs follow the geodesic in any display CRS. Sampling alone cut corners by up to 850 m.
  auto samples = convoy.track.samples(2000);
  std::stable_sort(samples.begin(), samples.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [metres, point] : samples)
    if (auto v = toDisplay(point)) {
      convoy.routeDisplay.push_back(*v);
      convoy.routeMetres.push_back(metres);
    }
  const auto at = std::find_if(m_convoys.begin(), m_convoys.end(), [&](const LoadedConvoy& c) { return c.specIndex > index; });
  m_convoys.insert(at, std::move(convoy));
  // Incidents near each route were measured without this one (route risk's cache key counts the convoys).
  m_nearRouteTable.reset();
  layersChanged();
}

std::vector<std::vector<uint32_t>> MapSession::routeRisks(int32_t riskDays, UtcSeconds now) const {
  std::vector<int32_t> lookBackEnds;  // per convoy: the day its look-back ends
  for (const LoadedConvoy& c : m_convoys) lookBackEnds.push_back(std::min(dayOf(now), dayOf(c.track.departure())));
  std::vector<const EventTable*> tables;
  for (const SessionLayer& layer : m_layers)
    if (layer.events() && layer.filterEngine && layer.spec.visible) tables.push_back(layer.events()->table.get());
  RiskKey key{m_filter, riskDays, tables, lookBackEnds};
  if (m_riskKey && *m_riskKey == key) return m_riskCache;
  std::vector<std::vector<uint32_t>> risks;
  for (size_t c = 0; c < m_convoys.size(); ++c) {
    const Track& track = m_convoys[c].track;
    const int32_t endDay = lookBackEnds[c];
    std::vector<LonLat> positions;
    for (const SessionLayer& layer : m_layers) {
      if (!layer.events() || !layer.filterEngine || !layer.spec.visible) continue;
      const EventTable& t = *layer.events()->table;
      EventFilterEngine engine(t);
      EventFilter lookBack = m_filter;
      lookBack.fromDay = endDay - riskDays;
      lookBack.toDay = endDay;
      for (uint32_t e : engine.apply(lookBack)) positions.push_back({t.lon[e], t.lat[e]});
    }
    risks.push_back(routeRisk(track, positions, m_convoys[c].alertKm * 1000));
  }
  m_riskKey = std::move(key);
  m_riskCache = risks;
  return risks;
}

const SessionLayer* MapSession::incidentLayer() const {
  const SessionLayer* first = nullptr;
  for (const SessionLayer& layer : m_layers) {
    if (!layer.spec.visible || !layer.events() || !layer.selection) continue;
    if (layer.uid == m_chosenIncidentLayer) return &layer;
    if (!first) first = &layer;
  }
  return first;
}

size_t MapSession::visibleIncidentLayers() const {
  return size_t(std::count_if(m_layers.begin(), m_layers.end(), [](const SessionLayer& layer) {
    return layer.spec.visible && layer.events() && layer.selection;
  }));
}

MapSession::PassedIncidents MapSession::incidentsPassed(size_t convoy, UtcSeconds now) const {
  PassedIncidents passed;
  const SessionLayer* incidents = incidentLayer();
  if (!incidents || convoy >= m_convoys.size()) return passed;
  passed.table = incidents->events()->table;
  const EventTable& t = *passed.table;
  if (m_nearRouteTable != passed.table) {
    // Only incidents dated from the day before departure to arrival can count: that date test first keeps
    // the geodesics to a handful even over a million incidents.
    m_nearRoute.clear();
    m_nearRouteDisplay.clear();
    for (const LoadedConvoy& c : m_convoys) {
      const int32_t from = dayOf(c.track.departure()) - 1, to = dayOf(c.track.arrival());
      std::vector<uint32_t> events;
      std::vector<LonLat> positions;
      // Rings go where an incident happened: not at the point of one known only to a stretch or a region.
      for (uint32_t e = 0; e < t.size(); ++e)
        if (t.day[e] >= from && t.day[e] <= to && t.geoPrecision[e] < 3 && !t.stretches.count(e)) {
          events.push_back(e);
          positions.push_back({t.lon[e], t.lat[e]});
        }
      std::vector<NearRoute> near = nearRoute(c.track, positions, c.alertKm * 1000);
      std::vector<Vec2> display;
      for (NearRoute& n : near) {
        n.index = events[n.index];
        display.push_back(toDisplay({t.lon[n.index], t.lat[n.index]}).value_or(Vec2{NAN, NAN}));
      }
      m_nearRoute.push_back(std::move(near));
      m_nearRouteDisplay.push_back(std::move(display));
    }
    m_nearRouteTable = passed.table;
  }
  const Track& track = m_convoys[convoy].track;
  const TrackPosition p = track.at(now);
  const int32_t today = dayOf(now);
  for (size_t i = 0; i < m_nearRoute[convoy].size(); ++i) {
    const NearRoute& n = m_nearRoute[convoy][i];
    if (t.day[n.index] > today || n.metresAlong > p.metresDone + 1) continue;
    passed.near.push_back(n);
    passed.display.push_back(m_nearRouteDisplay[convoy][i]);
  }
  return passed;
}

Scene MapSession::currentScene(const Viewport& view) const {
  Scene scene = m_scene;
  scene.layers.clear();
  for (const SessionLayer& layer : m_layers) scene.layers.push_back(layer.spec);
  scene.view = sceneViewOf(view);
  scene.clock = m_clock.time();
  scene.windowDays = m_clock.windowDays();
  scene.riskDays = m_clock.riskDays();
  scene.filter = m_filter;
  return scene;
}

Rgba MapSession::colourOfActor(const std::string& actor) const {
  auto it = m_scene.actorColours.find(actor);
  return it != m_scene.actorColours.end() ? it->second : actorColour(actor);
}

void MapSession::layersChanged() {
  m_controlChanges.clear();
  TimeExtent extent;
  for (const SessionLayer& layer : m_layers) {
    if (layer.control()) {
      auto changes = sitmap::controlChanges(layer.control()->load.features);
      m_controlChanges.insert(m_controlChanges.end(), changes.begin(), changes.end());
    }
    if (layer.events() && !layer.events()->table->day.empty()) {
      const auto [first, last] = std::minmax_element(layer.events()->table->day.begin(), layer.events()->table->day.end());
      extent.widen(UtcSeconds(*first) * 86400);
      extent.widen(UtcSeconds(*last) * 86400);
    }
  }
  std::stable_sort(m_controlChanges.begin(), m_controlChanges.end(),
                   [](const ControlChange& a, const ControlChange& b) { return a.time < b.time; });
  for (const ControlChange& change : m_controlChanges) extent.widen(change.time);
  for (const LoadedConvoy& c : m_convoys) {
    extent.widen(c.track.departure());
    extent.widen(c.track.arrival());
  }
  m_clock.setExtent(extent);
}

EventFilter MapSession::effectiveFilter() const {
  EventFilter filter = m_filter;
  // With the clock set, nothing after it shows; with a window, nothing older than the window either.
  if (const auto time = m_clock.time()) {
    const int32_t now = dayOf(*time), window = m_clock.windowDays();
    filter.toDay = std::min(filter.toDay.value_or(now), now);
    if (window > 0) filter.fromDay = std::max(filter.fromDay.value_or(now - window), now - window);
  }
  return filter;
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

bool SessionLayer::lacksRowsFor(const EventFilter& filter) const {
  const EventLayerData* data = spec.filterInDatabase ? events() : nullptr;
  return data && data->readFor && !filterNarrows(filter, *data->readFor);
}

const RasterInfo* SessionLayer::raster() const {
  const RasterLayer* raster = loaded ? std::get_if<RasterLayer>(&*loaded) : nullptr;
  return raster ? &raster->info : nullptr;
}

void MapSession::finishLoad(uint64_t uid, Result<LoadedLayer> result) {
  SessionLayer* layer = find(uid);
  if (!layer) return;  // removed while loading
  if (result) {
    layer->loaded = std::move(*result);
    layer->state = SessionLayer::State::Ready;
    if (const EventLayerData* events = layer->events()) layer->filterEngine = std::make_shared<EventFilterEngine>(*events->table);
  } else {
    layer->error = result.error();
    layer->state = SessionLayer::State::Failed;
  }
  layersChanged();
}

void MapSession::syncRenderer(MapRenderer& renderer) {
  for (SessionLayer& layer : m_layers) {
    if (layer.state != SessionLayer::State::Ready || layer.rendererId != 0 || !layer.loaded) continue;
    std::visit(
        [&](const auto& loaded) {
          using Kind = std::decay_t<decltype(loaded)>;
          if constexpr (std::is_same_v<Kind, VectorLayer>) {
            layer.rendererId = renderer.addVectorLayer(loaded.data);
          } else if constexpr (std::is_same_v<Kind, RasterLayer>) {
            const RasterInfo& info = loaded.info;
            layer.rendererId =
                renderer.addRasterLayer(TileGrid(info.displayExtent, info.displayUnitsPerPixel), info.overviews > 0);
          } else if constexpr (std::is_same_v<Kind, IncidentLayer>) {
            layer.rendererId = renderer.addEventLayer(loaded.data);
            layer.uploadedVersion = 0;
          } else {
            static_assert(std::is_same_v<Kind, ControlLayer>, "a layer kind without a renderer upload");
            // Control is drawn from the frame's control items, not from a renderer layer.
          }
        },
        *layer.loaded);
  }
  updateSelections(renderer);
}

void MapSession::setBackgroundFilter(FilterRunner runner, size_t minEvents) {
  m_filterRunner = std::move(runner);
  m_backgroundMinEvents = minEvents;
}

void MapSession::startBackgroundPass(SessionLayer& layer, const EventFilter& filter) {
  layer.pendingFilter = filter;
  // The pass gets an engine of its own over the immutable table: nothing it touches is shared with the frame.
  std::shared_ptr<const EventTable> table = layer.events()->table;
  m_filterRunner(
      [table, filter] {
        EventFilterEngine engine(*table);
        SessionLayer::FilterPass pass{filter, engine.apply(filter), 0, 0};
        pass.fatalities = engine.matchingFatalities();
        pass.version = engine.version();
        return pass;
      },
      [this, uid = layer.uid, table](SessionLayer::FilterPass pass) {
        SessionLayer* done = find(uid);
        if (!done || !done->events() || done->events()->table != table) return;  // removed or reloaded meanwhile
        if (done->pendingFilter == pass.filter) done->pendingFilter.reset();
        done->backgroundPass = std::make_shared<const SessionLayer::FilterPass>(std::move(pass));
      });
}

void MapSession::updateSelections(bool here) {
  const EventFilter filter = effectiveFilter();
  for (SessionLayer& layer : m_layers) {
    if (!layer.filterEngine) continue;
    if (!here && m_filterRunner && layer.events()->table->size() >= m_backgroundMinEvents) {
      const auto& done = layer.backgroundPass;
      if ((!done || done->filter != filter) && layer.pendingFilter != filter) startBackgroundPass(layer, filter);
      if (done) {
        layer.selection = &done->events;
        layer.selectionVersion = done->version;
        layer.selectionFatalities = done->fatalities;
      }
      continue;
    }
    layer.selection = &layer.filterEngine->apply(filter);
    layer.selectionVersion = layer.filterEngine->version();
    layer.selectionFatalities = layer.filterEngine->matchingFatalities();
  }
  for (SessionLayer& layer : m_layers) {
    if (!layer.selection || layer.splitVersion == layer.selectionVersion) continue;
    const EventLayerData& data = *layer.events();
    layer.pointSelection.clear();
    layer.stretchSelection.clear();
    layer.regionOnlySelection.clear();
    for (uint32_t e : *layer.selection) {
      if (data.stretches.count(e)) layer.stretchSelection.push_back(e);
      else if (data.table->geoPrecision[e] >= 3) layer.regionOnlySelection.push_back(e);
      else layer.pointSelection.push_back(e);
    }
    layer.splitVersion = layer.selectionVersion;
  }
}

void MapSession::updateSelections(MapRenderer& renderer, bool here) {
  updateSelections(here);
  for (SessionLayer& layer : m_layers) {
    if (!layer.rendererId || !layer.selection || layer.selectionVersion == layer.uploadedVersion) continue;
    renderer.setEventSelection(layer.rendererId, layer.pointSelection);
    layer.uploadedVersion = layer.selectionVersion;
  }
}

size_t MapSession::matchingEvents() const {
  const SessionLayer* counted = incidentLayer();
  return counted ? counted->selection->size() : 0;
}

int64_t MapSession::matchingFatalities() const {
  const SessionLayer* counted = incidentLayer();
  return counted ? counted->selectionFatalities : 0;
}

LayerId MapSession::removeLayer(uint64_t uid) {
  auto it = std::find_if(m_layers.begin(), m_layers.end(), [&](const SessionLayer& l) { return l.uid == uid; });
  if (it == m_layers.end()) return 0;
  const LayerId retired = it->rendererId;
  m_layers.erase(it);
  layersChanged();
  return retired;
}

LayerId MapSession::refreshLayer(uint64_t uid, LoadedLayer loaded, int64_t refreshedUtc) {
  SessionLayer* layer = find(uid);
  if (!layer) return 0;  // removed while refreshing
  const LayerId retired = layer->rendererId;
  layer->loaded = std::move(loaded);
  layer->rendererId = 0;
  layer->selection = nullptr;
  layer->backgroundPass.reset();
  layer->pendingFilter.reset();
  layer->splitVersion = 0;
  layer->uploadedVersion = 0;
  layer->filterEngine = layer->events() ? std::make_shared<EventFilterEngine>(*layer->events()->table) : nullptr;
  layer->refreshedUtc = refreshedUtc;
  layersChanged();
  return retired;
}

LayerId MapSession::redrawRaster(SessionLayer& layer) {
  const LayerId retired = layer.rendererId;
  layer.rendererId = 0;
  layersChanged();
  return retired;
}

LayerId MapSession::reloadLayer(SessionLayer& layer) {
  const LayerId retired = layer.rendererId;
  layer.loaded.reset();
  layer.error.clear();
  layer.rendererId = 0;
  layer.filterEngine.reset();
  layer.selection = nullptr;
  layer.backgroundPass.reset();
  layer.pendingFilter.reset();
  layer.state = SessionLayer::State::Loading;
  layersChanged();
  return retired;
}

std::optional<Bbox> MapSession::layerBounds(const SessionLayer& layer) const {
  if (layer.vector() && layer.vector()->bounds.valid()) return withinAreaOfUse(layer.vector()->bounds);
  if (layer.raster()) return withinAreaOfUse(layer.raster()->displayExtent);
  if (layer.events() && layer.events()->bounds.valid()) return withinAreaOfUse(layer.events()->bounds);
  return std::nullopt;
}

std::optional<Viewport> MapSession::viewFor(const SceneView& view, int widthPx, int heightPx) const {
  auto centre = toDisplay(view.centre);
  if (!centre) return std::nullopt;
  // Scale 1:N at 0.28 mm pixels, in display units (metres for projected CRSs).
  return Viewport(*centre, view.scaleDenominator * 0.00028, widthPx, heightPx);
}

SceneView MapSession::sceneViewOf(const Viewport& view) const {
  SceneView out;
  if (auto centre = toLonLat(view.centre())) out.centre = *centre;
  out.scaleDenominator = view.scaleDenominator();
  return out;
}

Bbox MapSession::homeBounds() const {
  if (m_scene.homeLonLat) return m_toDisplay->applyToBox(*m_scene.homeLonLat);
  Bbox all;
  for (const SessionLayer& layer : m_layers)
    if (auto b = layerBounds(layer)) all.expand(*b);
  if (!all.valid()) return m_toDisplay->applyToBox({-10, -10, 10, 10});
  return all;
}

Bbox MapSession::withinAreaOfUse(const Bbox& box) const {
  // A world layer reaching the poles is many times taller than wide in Web Mercator: frame what the CRS is for.
  if (!m_areaOfUse || !box.valid()) return box;
  const Bbox clipped{std::max(box.minX, m_areaOfUse->minX), std::max(box.minY, m_areaOfUse->minY),
                     std::min(box.maxX, m_areaOfUse->maxX), std::min(box.maxY, m_areaOfUse->maxY)};
  return clipped.valid() && clipped.width() > 0 && clipped.height() > 0 ? clipped : box;
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

void MapSession::addVagueIncidents(MapFrame& frame) const {
  // Faded with age as the points are (event.vert): from full on their day to a quarter at the window's end.
  const auto fade = [&](int32_t day) {
    if (!frame.eventWindow || frame.eventWindow->days <= 0) return 1.0f;
    const float age = float(frame.eventWindow->nowDay - day);
    return 1.0f - 0.75f * std::clamp(age / float(frame.eventWindow->days), 0.0f, 1.0f);
  };
  for (const SessionLayer& layer : m_layers) {
    if (!layer.spec.visible || !layer.selection) continue;
    const EventLayerData& data = *layer.events();
    const EventTable& t = *data.table;
    for (uint32_t e : layer.stretchSelection) {
      Rgba colour = categoryColour(EventCategory(t.category[e]));
      colour.a = 0.5f * fade(t.day[e]);
      frame.incidentStretches.push_back({data.stretches.at(e), colour});
    }
    // One tally per region, at the point the source gave them.
    std::map<uint32_t, std::pair<size_t, Vec2>> perRegion;
    for (uint32_t e : layer.regionOnlySelection) {
      auto& [count, anchor] = perRegion[t.admin1[e]];
      if (count++ == 0) anchor = data.positions[e];
    }
    for (const auto& [region, tally] : perRegion) {
      const std::string& name = t.admin1Names.value(region);
      frame.regionTallies.push_back({tally.second, (name.empty() ? std::string("Region unknown") : name + " region") + ": " +
                                                       std::to_string(tally.first) +
                                                       (tally.first == 1 ? " incident" : " incidents") + ", place unreported"});
    }
  }
}

std::vector<GraticuleLine> MapSession::graticuleLines(const Viewport& view) const {
  // The view's extent in degrees from points along all four edges: a projected view's corners alone miss where
  // its edges bulge in longitude or latitude.
  const Bbox visible = view.visibleBounds();
  Bbox degrees;
  for (int i = 0; i <= 32; ++i) {
    const double t = i / 32.0, x = visible.minX + t * visible.width(), y = visible.minY + t * visible.height();
    for (Vec2 edge : {Vec2{x, visible.minY}, Vec2{x, visible.maxY}, Vec2{visible.minX, y}, Vec2{visible.maxX, y}})
      if (auto p = toLonLat(edge)) degrees.expand(Vec2{p->lon, p->lat});
  }
  if (!degrees.valid()) return {};
  const double step = graticuleStep(std::max(degrees.width(), degrees.height()));
  std::vector<GraticuleLine> lines;
  const auto add = [&](bool meridian, double from, double to, double acrossFrom, double acrossTo) {
    for (long k = long(std::ceil(from / step)); double(k) * step <= to; ++k) {
      GraticuleLine line{double(k) * step, meridian, {}};
      for (int i = 0; i <= 96; ++i) {
        const double across = acrossFrom + (acrossTo - acrossFrom) * i / 96;
        if (auto v = toDisplay(meridian ? LonLat{line.degrees, across} : LonLat{across, line.degrees})) line.points.push_back(*v);
      }
      if (line.points.size() >= 2) lines.push_back(std::move(line));
    }
  };
  add(true, degrees.minX, degrees.maxX, std::max(-89.9, degrees.minY), std::min(89.9, degrees.maxY));
  add(false, std::max(-89.9, degrees.minY), std::min(89.9, degrees.maxY), degrees.minX, degrees.maxX);
  return lines;
}

EventDrawing MapSession::eventDrawing(const SessionLayer& layer, const Viewport& view) const {
  // The events the renderer draws as points (pointSelection), counted where the renderer counts them.
  return chooseEventDrawing(layer.spec.incidents.aggregation, layer.events()->positions, layer.pointSelection,
                            view.visibleBounds());
}

MapFrame MapSession::frame(const Viewport& view, float pixelScale, bool furniture) const {
  MapFrame frame;
  frame.view = view;
  frame.pixelScale = pixelScale;
  frame.background = m_scene.background;
  const double scale = view.scaleDenominator() * pixelScale;  // in 1x pixels, so 2x images keep the same layers
  for (const SessionLayer& layer : m_layers) {
    if (!layer.spec.visible || layer.rendererId == 0 || !layer.spec.scales.contains(scale)) continue;
    LayerDraw draw{layer.rendererId, layer.spec.opacity, layer.spec.vector, layer.spec.raster.saturation,
                   layer.spec.raster.lightness};
    if (layer.events()) {
      draw.events = eventDrawing(layer, view);
      draw.maxSymbolPx = layer.spec.incidents.maxSymbolPx;
    }
    frame.layers.push_back(draw);
  }
  if (const auto time = m_clock.time()) {
    const UtcSeconds now = *time;
    if (m_clock.windowDays() > 0) frame.eventWindow = MapFrame::EventWindow{dayOf(now), m_clock.windowDays()};
    for (const SessionLayer& layer : m_layers) {
      if (!layer.spec.visible || !layer.control()) continue;
      const auto& features = layer.control()->load.features;
      for (size_t i = 0; i < features.size(); ++i) {
        const ControlFeature& f = features[i];
        if (!f.validAt(now)) continue;
        if (!f.isPoint) {
          symbology::AreaLook look;
          look.status = f.status;
          look.actorColour = colourOfActor(f.actor);
          if (!f.otherActor.empty()) look.otherColour = colourOfActor(f.otherActor);
          look.lowConfidence = f.lowConfidence();
          look.justChanged = layer.control()->changes[i] && f.beganWithinADayOf(now);
          look.roadStretch = f.rings.empty();
          frame.controlZones.push_back({layer.control()->zones[i], symbology::controlZoneStyle(look)});
          continue;
        }
        ControlMarker marker;
        marker.position = layer.control()->positions[i];
        marker.colour = colourOfActor(f.actor);
        // Bright only for a real change at the place: the first day of the data is no change.
        marker.justChanged = layer.control()->changes[i] && f.beganWithinADayOf(now);
        marker.style = symbology::controlMarkerStyle(f.status);
        frame.controls.push_back(marker);
      }
    }
    const int32_t riskDays = m_clock.riskDays();
    const auto risks = riskDays > 0 ? routeRisks(riskDays, now) : std::vector<std::vector<uint32_t>>{};
    for (size_t c = 0; c < m_convoys.size(); ++c) {
      const LoadedConvoy& convoy = m_convoys[c];
      if (!convoy.shownAt(now)) continue;  // not yet set out, or long arrived: not on the map
      const TrackPosition p = convoy.track.at(now);
      ConvoyOverlay overlay;
      if (c < risks.size() && !risks[c].empty()) {
        const uint32_t highest = *std::max_element(risks[c].begin(), risks[c].end());
        for (size_t segment = 0; segment < risks[c].size(); ++segment) {
          std::vector<Vec2> points;
          for (size_t i = 0; i < convoy.routeDisplay.size(); ++i) {
            const double m = convoy.routeMetres[i];
            if (m >= double(segment) * 10000 - 2000 && m <= double(segment + 1) * 10000) points.push_back(convoy.routeDisplay[i]);
          }
          overlay.riskSegments.push_back({points, highest ? float(risks[c][segment]) / float(highest) : 0.0f});
        }
      }
      // The last reported fix at or before now: the trail beyond it is as estimated as the position.
      overlay.estimated = p.inferred;
      double fixMetres = p.metresDone;
      if (overlay.estimated) {
        fixMetres = 0;
        for (const TimedWaypoint& w : convoy.track.waypoints())
          if (w.time <= now && !w.inferred) fixMetres = w.metresAlong;
      }
      for (size_t i = 0; i < convoy.routeDisplay.size(); ++i) {
        const double m = convoy.routeMetres[i];
        if (m > p.metresDone) overlay.ahead.push_back(convoy.routeDisplay[i]);
        else (m <= fixMetres ? overlay.travelled : overlay.sinceFix).push_back(convoy.routeDisplay[i]);
      }
      const auto here = toDisplay(p.position);
      if (!here) continue;
      overlay.position = *here;
      if (overlay.estimated) {
        if (auto fix = toDisplay(convoy.track.pointAlong(fixMetres).first)) {
          overlay.travelled.push_back(*fix);
          overlay.sinceFix.insert(overlay.sinceFix.begin(), *fix);
        }
        overlay.sinceFix.push_back(*here);
      } else {
        overlay.travelled.push_back(*here);
      }
      overlay.ahead.insert(overlay.ahead.begin(), *here);
      overlay.headingDegrees = p.headingDegrees;
      overlay.moving = p.status == TrackStatus::Moving;
      // Reached in the last day: beyond where the convoy was 24 hours ago.
      const double dayAgo = convoy.track.at(now - 86400).metresDone;
      const PassedIncidents passed = incidentsPassed(c, now);
      for (size_t i = 0; i < passed.near.size(); ++i)
        if (!std::isnan(passed.display[i].x))
          (passed.near[i].metresAlong > dayAgo ? overlay.justReached : overlay.passedIncidents).push_back(passed.display[i]);
      overlay.label = convoy.track.name() + convoyLabelSuffix(convoy.track, p) + (overlay.estimated ? " (estimated position)" : "");
      frame.convoys.push_back(std::move(overlay));
    }
    frame.clockText = formatUtc(now);
  }
  addVagueIncidents(frame);
  for (const RegionShape& region : m_filter.regions) {
    MapFrame::FilterShape shape{region.name, {}};
    for (const auto& ring : region.rings) {
      std::vector<Vec2> display;
      for (const Vec2& p : ring)
        if (auto v = toDisplay({p.x, p.y})) display.push_back(*v);
      if (display.size() >= 3) shape.rings.push_back(std::move(display));
    }
    if (!shape.rings.empty()) frame.filterShapes.push_back(std::move(shape));
  }
  if (furniture) {
    // The legend counts one incident layer (incidentLayer(), the one the panels follow) and names it when
    // others are drawn too, listing those apart: a count never mixes layers the panels do not.
    // One pass over the counted selection: its categories, and its first and last day for the period.
    std::array<size_t, kEventCategoryCount> perCategory{};
    int32_t firstDay = INT32_MAX, lastDay = INT32_MIN;
    const SessionLayer* counted = incidentLayer();
    const bool anyIncidentLayer = counted != nullptr;
    if (counted) {
      const EventTable& table = *counted->events()->table;
      for (uint32_t e : *counted->selection) {
        ++perCategory[table.category[e]];
        firstDay = std::min(firstDay, table.day[e]);
        lastDay = std::max(lastDay, table.day[e]);
      }
    }
    const bool severalIncidentLayers = visibleIncidentLayers() > 1;
    std::vector<std::string> actors;
    std::vector<ControlStatus> statuses;
    bool justChanged = false;  // a control feature began in the last day: its bright edge needs a key
    bool areas = false, lowConfidenceArea = false;
    std::optional<std::pair<Rgba, Rgba>> contested;  // the first contested area's two sides, for its key
    if (const auto time = m_clock.time()) {
      for (const SessionLayer& layer : m_layers) {
        if (!layer.spec.visible || !layer.control()) continue;
        const auto& features = layer.control()->load.features;
        for (size_t i = 0; i < features.size(); ++i) {
          const ControlFeature& f = features[i];
          if (!f.validAt(*time)) continue;
          for (const std::string& actor : {f.actor, f.otherActor})
            if (!actor.empty() && std::find(actors.begin(), actors.end(), actor) == actors.end()) actors.push_back(actor);
          const bool keyedApart = !f.isPoint && f.status == ControlStatus::Contested;  // the stripes have their own key
          if (!keyedApart && std::find(statuses.begin(), statuses.end(), f.status) == statuses.end()) statuses.push_back(f.status);
          if (!f.isPoint) {
            areas = true;
            lowConfidenceArea = lowConfidenceArea || f.lowConfidence();
            if (f.status == ControlStatus::Contested && !f.otherActor.empty() && !contested)
              contested = std::pair{colourOfActor(f.actor), colourOfActor(f.otherActor)};
          }
          justChanged = justChanged || (layer.control()->changes[i] && f.beganWithinADayOf(*time));
        }
      }
    }
    if (anyIncidentLayer) {
      // The period is always stated: what the map's incidents are a sample of.
      // An open end of the filter's range is the shown events' own first or last day.
      EventFilter shown = effectiveFilter();
      if (!counted->selection->empty()) {
        if (!shown.fromDay) shown.fromDay = firstDay;
        if (!shown.toDay) shown.toDay = lastDay;
      }
      const std::string period = formatPeriod(shown.fromDay, shown.toDay);
      const std::string counts = std::to_string(matchingEvents()) + ", " +
                                 countOf(uint64_t(std::max<int64_t>(0, matchingFatalities())), "fatality", "fatalities");
      std::string what = severalIncidentLayers ? "in " + counted->spec.name : "";
      if (!period.empty()) what += (what.empty() ? "" : ", ") + period;
      frame.furniture.legendTitle = "Incidents " + (what.empty() ? std::string() : what + " ") + "(" + counts + ")";
      // The caption under the title says it too, with the filter in words, so a crop without the legend (or a
      // Kidal-only image) says what it shows.
      const std::string criteria = describeFilter(m_filter);
      frame.furniture.subtitle = criteria.empty() ? frame.furniture.legendTitle
                                                  : "Incidents " + (what.empty() ? std::string() : what + ", ") +
                                                        "filtered: " + criteria + " (" + counts + ")";
      // Keyed as the map draws the counted layer in this view: hexagons by count with the types in words, or
      // symbols in the types' colours (numbered circles where they crowd).
      const EventDrawing drawing = eventDrawing(*counted, view);
      if (drawing == EventDrawing::Density) {
        const double across = groundMetresPerPixel(view).value_or(0) * std::sqrt(3.0) * kDensityRadiusPx * pixelScale / 1000;
        for (LegendEntry& entry : symbology::densityEntries(across)) frame.furniture.legend.push_back(std::move(entry));
      }
      for (int c = 0; c < kEventCategoryCount; ++c) {
        if (!perCategory[size_t(c)]) continue;
        LegendEntry entry = symbology::categoryEntry(EventCategory(c), perCategory[size_t(c)]);
        if (drawing == EventDrawing::Density) entry.symbol = LegendEntry::Symbol::Note;  // no colour of its own here
        frame.furniture.legend.push_back(std::move(entry));
      }
      if (drawing == EventDrawing::Bins) frame.furniture.legend.push_back(symbology::binsEntry());
      // Symbols one by one are sized by their deaths: keyed where the map's incidents have any.
      if (drawing == EventDrawing::Points && matchingFatalities() > 0)
        frame.furniture.legend.push_back(symbology::fatalitySizeEntry(counted->spec.incidents.maxSymbolPx));
      if (!frame.filterShapes.empty()) {
        std::vector<std::string> names;
        for (const MapFrame::FilterShape& shape : frame.filterShapes) names.push_back(shape.name);
        frame.furniture.legend.push_back(symbology::filterShapeEntry(names));
      }
      if (severalIncidentLayers)
        for (const SessionLayer& layer : m_layers)
          if (&layer != counted && layer.spec.visible && layer.events() && layer.selection)
            frame.furniture.legend.push_back(
                {symbology::kKeyGrey, "Also drawn, not counted above: " + layer.spec.name + " (" + std::to_string(layer.selection->size()) + ")",
                 LegendEntry::Symbol::Note});
      frame.furniture.legend.push_back(symbology::nearTownEntry());
      if (!frame.incidentStretches.empty()) frame.furniture.legend.push_back(symbology::stretchOnlyEntry());
      if (!frame.regionTallies.empty()) frame.furniture.legend.push_back(symbology::regionOnlyEntry());
    }
    const bool riskDrawn = std::any_of(frame.convoys.begin(), frame.convoys.end(),
                                       [](const ConvoyOverlay& c) { return !c.riskSegments.empty(); });
    // The legend in groups: the first names the box, each later one opens with its heading.
    std::string group = frame.furniture.legendTitle.empty() ? std::string() : "Incidents";
    auto startGroup = [&](const std::string& name) {
      if (group == name) return;
      if (frame.furniture.legendTitle.empty()) frame.furniture.legendTitle = name;
      else frame.furniture.legend.push_back({Rgba{}, name, LegendEntry::Symbol::Heading});
      group = name;
    };
    if (riskDrawn) {
      startGroup("Convoys");
      frame.furniture.legend.push_back(symbology::routeRiskEntry(m_clock.riskDays()));
    }
    const bool schematic = std::any_of(m_convoys.begin(), m_convoys.end(), [&](const LoadedConvoy& c) {
      return c.routeSchematic && m_clock.time() && c.shownAt(*m_clock.time());
    });
    if (schematic) {
      startGroup("Convoys");
      frame.furniture.legend.push_back(symbology::schematicRouteEntry());
    }
    const bool ringed = std::any_of(frame.convoys.begin(), frame.convoys.end(), [](const ConvoyOverlay& c) {
      return !c.passedIncidents.empty() || !c.justReached.empty();
    });
    if (ringed) {
      startGroup("Convoys");
      frame.furniture.legend.push_back(symbology::passedIncidentEntry());
    }
    if (!actors.empty()) {
      startGroup("Control");
      for (const std::string& actor : actors) frame.furniture.legend.push_back(symbology::actorEntry(actor, colourOfActor(actor)));
      if (justChanged) frame.furniture.legend.push_back(symbology::justChangedEntry());
      for (ControlStatus status : statuses)
        if (status != ControlStatus::Control) frame.furniture.legend.push_back(symbology::statusEntry(status));
      if (contested) frame.furniture.legend.push_back(symbology::contestedEntry(contested->first, contested->second));
      if (lowConfidenceArea) frame.furniture.legend.push_back(symbology::lowConfidenceEntry());
      if (areas) frame.furniture.legend.push_back(symbology::areaMethodEntry());
    }
    // Layers the user keyed (those added in the viewer, or "legend": true), as drawn at this scale.
    for (const SessionLayer& layer : m_layers) {
      if (!layer.spec.inLegend || !layer.spec.visible || !layer.spec.scales.contains(scale)) continue;
      std::optional<LegendEntry> entry;
      if (const VectorData* v = layer.vector()) {
        const auto shape = !v->rings.empty() ? symbology::LayerShape::Areas
                           : !v->lines.empty() ? symbology::LayerShape::Lines
                                               : symbology::LayerShape::Points;
        entry = symbology::vectorLayerEntry(layer.spec.name, layer.spec.vector, shape);
      } else if (const RasterInfo* r = layer.raster(); r && r->kind == "Single band") {
        // No ramp of its own: the grey it is drawn in, over the band's range.
        const std::vector<ColourStop> ramp =
            layer.spec.raster.ramp.empty() ? presetRamp(rampPresets()[0], r->minValue, r->maxValue) : layer.spec.raster.ramp;
        entry = symbology::rasterRampEntry(layer.spec.name + (layer.spec.raster.hillshade ? " (hillshade)" : ""),
                                           layer.spec.raster.hillshade ? std::vector<ColourStop>{} : ramp);
        if (layer.spec.raster.hillshade) entry->symbol = LegendEntry::Symbol::Note;
      }
      if (!entry) continue;  // imagery (RGB, paletted) needs no key
      startGroup("Layers");
      frame.furniture.legend.push_back(std::move(*entry));
    }
    // A report's caption opens with the moment the map shows, as briefing maps date themselves.
    if (const auto time = m_clock.time()) {
      std::string& caption = frame.furniture.subtitle;
      if (!caption.empty() && caption.rfind("Incidents", 0) == 0) caption[0] = 'i';
      const std::string clock = formatUtc(*time);  // "2023-11-04 12:00Z"
      caption = "Situation as of " + formatShortDate(dayOf(*time), true) + ", " + clock.substr(clock.find(' ') + 1) +
                (caption.empty() ? "" : "; " + caption);
    }
    if (auto metres = groundMetresPerPixel(view)) frame.furniture.scaleBar = chooseScaleBar(*metres, 150.0 * pixelScale);
    // The credits end with the projection, so a measured distance or area can be judged by what drew it.
    frame.furniture.attribution = attribution();
    frame.furniture.attribution += (frame.furniture.attribution.empty() ? "" : " \u00b7 ") + std::string("Projection: ") + m_crsName;
    if (m_scene.graticule) frame.graticule = graticuleLines(view);
    frame.furniture.title = m_scene.title;
  }
  return frame;
}

}  // namespace sitmap
