// MapSession: a scene's layers as loaded data, the display CRS, and the frame description the renderer draws.
// Shared by the viewer and headless `sitmap render`, so both draw the same picture for the same scene.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <tuple>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/scene_clock.hpp"
#include "core/scene.hpp"
#include "core/tile_grid.hpp"
#include "core/track.hpp"
#include "core/event_filter.hpp"
#include "core/event_layer.hpp"
#include "core/vector_data.hpp"
#include "core/viewport.hpp"
#include "io/crs.hpp"
#include "io/layer_source.hpp"
#include "core/map_frame.hpp"

namespace sitmap {

class MapRenderer;

struct LoadedConvoy {
  Track track;
  std::vector<Vec2> routeDisplay;  // the route in the display CRS, densified along the geodesic
  std::vector<double> routeMetres; // distance along the route at each of those points
  double alertKm = 5;              // the scene's: incidents this close to the route are flagged
  double shownBeforeHours = 24, shownAfterHours = 24;  // on the map from/until then (the scene's)
  bool routeSchematic = false;
  size_t specIndex = 0;  // its place in the scene's convoys (the order they are listed and followed in)
  bool shownAt(UtcSeconds t) const {
    return t >= track.departure() - UtcSeconds(shownBeforeHours * 3600) && t <= track.arrival() + UtcSeconds(shownAfterHours * 3600);
  }
};

struct SessionLayer {
  LayerSpec spec;
  enum class State { Loading, Ready, Failed } state = State::Loading;
  std::string error;
  std::optional<LoadedLayer> loaded;  // once Ready
  // The loaded data of one kind, or null (not loaded, or another kind).
  const VectorData* vector() const { return dataOf<VectorLayer, VectorData>(); }
  const RasterInfo* raster() const;
  const EventLayerData* events() const { return dataOf<IncidentLayer, EventLayerData>(); }
  const ControlLayerData* control() const { return dataOf<ControlLayer, ControlLayerData>(); }
  // A layer filtered in its database (LayerSpec::filterInDatabase) read for criteria `filter` widens: it lacks
  // rows `filter` keeps until it is read again.
  bool lacksRowsFor(const EventFilter& filter) const;
  LayerId rendererId = 0;  // 0 until uploaded to the renderer
  uint64_t uid = 0;        // stable identity while the list is reordered
  std::shared_ptr<EventFilterEngine> filterEngine;  // incident layers: the filter applied to this layer
  const std::vector<uint32_t>* selection = nullptr;  // incident layers: the events passing the filter
  uint64_t selectionVersion = 0;   // changes whenever the selection does (unique across layers)
  int64_t selectionFatalities = 0;
  uint64_t uploadedVersion = 0;  // the filter result the renderer has
  // The selection split by how its events are drawn: as points, or, where only a road stretch or the region
  // is known (ACLED geo_precision 3), along the stretch or counted in a regional tally.
  std::vector<uint32_t> pointSelection, stretchSelection, regionOnlySelection;
  uint64_t splitVersion = 0;
  // A filter pass run in the background (large tables): its result, and the filter still being computed.
  struct FilterPass {
    EventFilter filter;
    std::vector<uint32_t> events;
    int64_t fatalities = 0;
    uint64_t version = 0;
  };
  std::shared_ptr<const FilterPass> backgroundPass;
  std::optional<EventFilter> pendingFilter;
  std::optional<int64_t> refreshedUtc;  // live layers: when the data on the map was last read (UTC seconds)

private:
  template <typename Kind, typename Data>
  const Data* dataOf() const {
    const Kind* kind = loaded ? std::get_if<Kind>(&*loaded) : nullptr;
    return kind ? kind->data.get() : nullptr;
  }
};

class MapSession {
public:
  // convoysLater: the convoys' tracks are not read here; pendingConvoys() lists them and finishConvoy() takes
  // each once read (the viewer reads them on its task system: a day-long GPX never stalls a frame).
  static Result<MapSession> create(Scene scene, bool convoysLater = false);

  const Scene& scene() const { return m_scene; }
  std::vector<Bookmark>& bookmarks() { return m_scene.bookmarks; }
  // The session as a scene: its layers as they stand now, the filter, clock, windows and `view`.
  Scene currentScene(const Viewport& view) const;
  const std::string& displayCrs() const { return m_scene.crs; }
  std::vector<SessionLayer>& layers() { return m_layers; }
  const std::vector<SessionLayer>& layers() const { return m_layers; }

  SessionLayer& addLayer(LayerSpec spec);
  void finishLoad(uint64_t uid, Result<LoadedLayer> result);
  SessionLayer* find(uint64_t uid);

  // Uploads ready layers the renderer does not have yet.
  void syncRenderer(MapRenderer& renderer);
  // Each returns the renderer layer the caller must now remove from the renderer (0: none), so the session needs
  // no GL context to change.
  LayerId removeLayer(uint64_t uid);
  // The layer goes back to loading (a new field mapping, label field or kind): its data and selection are dropped.
  LayerId reloadLayer(SessionLayer& layer);
  // A live layer's new data in place of its old (which stayed on the map meanwhile); returns the renderer layer
  // to retire.
  LayerId refreshLayer(uint64_t uid, LoadedLayer loaded, int64_t refreshedUtc);
  // A raster whose style changed: uploaded again under a new renderer id, so every tile is read with the new
  // style (tiles are cached per renderer layer). Returns the retired renderer id.
  LayerId redrawRaster(SessionLayer& layer);

  // Between a scene's saved view (centre in degrees, scale) and a viewport of the given size.
  std::optional<Viewport> viewFor(const SceneView& view, int widthPx, int heightPx) const;
  SceneView sceneViewOf(const Viewport& view) const;
  // The scene's home box (or all layers) in the display CRS.
  Bbox homeBounds() const;
  std::optional<Bbox> layerBounds(const SessionLayer& layer) const;
  // Degrees to display CRS; nullopt where the point has no image.
  std::optional<Vec2> toDisplay(LonLat p) const;
  std::optional<LonLat> toLonLat(Vec2 display) const;

  MapFrame frame(const Viewport& view, float pixelScale, bool furniture) const;

  // The one clock: time, playback, incident window and route-risk look-back. Its extent follows the layers.
  SceneClock& clock() { return m_clock; }
  const SceneClock& clock() const { return m_clock; }
  // Convoys in the scene's order; failures are kept as messages.
  const std::vector<LoadedConvoy>& convoys() const { return m_convoys; }
  const std::vector<std::string>& convoyErrors() const { return m_convoyErrors; }
  const std::vector<size_t>& pendingConvoys() const { return m_pendingConvoys; }  // indices into scene().convoys
  const std::string& convoyPlacesPath() const { return m_placesPath; }  // where loadConvoy finds waypoint towns
  void finishConvoy(size_t index, Result<Track> track);
  // Route risk per 10 km segment of each convoy's route: incidents (of every incident layer, current filter)
  // within the convoy's alert distance during the `riskDays` before its departure. Recounted when asked.
  // Only incidents that had happened by `now` count: the look-back ends at the earlier of `now` and departure.
  std::vector<std::vector<uint32_t>> routeRisks(int32_t riskDays, UtcSeconds now) const;
  // The incident layer the legend, counts, panels and convoy rings follow: the chosen one while it is visible,
  // else the first visible one with a filter result. With several shown, the legend and panels name it and the
  // legend lists the others as also drawn.
  const SessionLayer* incidentLayer() const;
  void chooseIncidentLayer(uint64_t uid) { m_chosenIncidentLayer = uid; }
  size_t visibleIncidentLayers() const;
  // Incidents (of incidentLayer(), unfiltered) within the convoy's alert distance that it
  // has passed by `now`, from the day before its departure: the panel lists them and the map rings them.
  struct PassedIncidents {
    std::shared_ptr<const EventTable> table;  // the layer's: `near` indexes it
    std::vector<NearRoute> near;
    std::vector<Vec2> display;  // each one's position in the display CRS
  };
  PassedIncidents incidentsPassed(size_t convoy, UtcSeconds now) const;
  // The scene's colour for an actor, else the default colour-blind-safe palette's.
  Rgba colourOfActor(const std::string& actor) const;
  // Every control change of the loaded control layers, in time order (kept up to date as layers load).
  const std::vector<ControlChange>& controlChanges() const { return m_controlChanges; }

  // The one incident filter, applied to every incident layer (map, counts, exports alike).
  const EventFilter& eventFilter() const { return m_filter; }
  void setEventFilter(EventFilter filter) { m_filter = std::move(filter); }
  // Runs the filter where it (or the clock's window, or the layers) changed. Tables of at least `minEvents`
  // go to the background runner when one is set (the viewer's task system): such a layer keeps its previous
  // selection until its pass is done, so a slow pass (a first text search over millions of notes) never
  // stalls a frame. Without a runner (sitmap render) every pass runs here.
  // `here`: every pass runs now whatever its size (an exported frame must show its own time's incidents).
  void updateSelections(bool here = false);
  // The same, then hands changed selections to the renderer.
  void updateSelections(MapRenderer& renderer, bool here = false);
  using FilterWork = std::function<SessionLayer::FilterPass()>;
  using FilterRunner = std::function<void(FilterWork work, std::function<void(SessionLayer::FilterPass)> done)>;
  void setBackgroundFilter(FilterRunner runner, size_t minEvents);
  // Totals of incidentLayer() for the current filter.
  size_t matchingEvents() const;
  int64_t matchingFatalities() const;
  std::string attribution() const;
  // True ground metres per output pixel at the view centre (geodesic), for the scale bar.
  std::optional<double> groundMetresPerPixel(const Viewport& view) const;
  // Meridians and parallels across the view at a round step (the scene's `graticule`), in the display CRS.
  std::vector<GraticuleLine> graticuleLines(const Viewport& view) const;
  void setGraticule(bool shown) { m_scene.graticule = shown; }
  // How an incident layer's events are drawn in this view (its aggregation, Auto settled by the count in view).
  EventDrawing eventDrawing(const SessionLayer& layer, const Viewport& view) const;

private:
  uint64_t m_chosenIncidentLayer = 0;
  // Incidents known only to a road stretch or a region, as the frame's bands and tallies.
  void addVagueIncidents(MapFrame& frame) const;
  MapSession(Scene scene, CrsTransform toDisplay, CrsTransform toLonLat, bool convoysLater);
  Scene m_scene;
  std::vector<SessionLayer> m_layers;
  std::unique_ptr<CrsTransform> m_toDisplay, m_toLonLat;
  uint64_t m_nextUid = 1;
  EventFilter m_filter;
  SceneClock m_clock;
  std::optional<Bbox> m_areaOfUse;  // the latitudes a world-wide display CRS can show, in its own coordinates
  Bbox withinAreaOfUse(const Bbox& box) const;
  std::vector<ControlChange> m_controlChanges;
  FilterRunner m_filterRunner;
  size_t m_backgroundMinEvents = 0;
  void startBackgroundPass(SessionLayer& layer, const EventFilter& filter);
  // The clock's extent and the change list, from the loaded layers and convoys: redone when layers come and go.
  void layersChanged();
  // routeRisks() is costly (geodesics per incident): kept until the filter, the look-back or the incident tables
  // in use (which ones, not how many) change.
  using RiskKey = std::tuple<EventFilter, int32_t, std::vector<const EventTable*>, std::vector<int32_t>>;
  mutable std::optional<RiskKey> m_riskKey;
  mutable std::vector<std::vector<uint32_t>> m_riskCache;
  // Incidents near each route: geodesics per incident, so measured once per incident table.
  mutable std::shared_ptr<const EventTable> m_nearRouteTable;
  mutable std::vector<std::vector<NearRoute>> m_nearRoute;
  mutable std::vector<std::vector<Vec2>> m_nearRouteDisplay;
  std::vector<LoadedConvoy> m_convoys;
  std::vector<std::string> m_convoyErrors;
  std::vector<size_t> m_pendingConvoys;
  std::string m_crsName;  // the display CRS in words ("WGS 84 / UTM zone 31N (EPSG:32631)")
  std::string m_placesPath;
  EventFilter effectiveFilter() const;  // the user's filter narrowed to the clock's window
};

}  // namespace sitmap
