// Scene: everything needed to reproduce a map view (layers, styles, display CRS, home view, title).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/event_filter.hpp"
#include "core/event_style.hpp"
#include "core/geometry.hpp"
#include "core/style.hpp"

namespace sitmap {

enum class LayerKind { Auto, Vector, Raster, Incidents, Control };

struct LayerSpec {
  std::string name;         // shown in the layers panel and legend
  std::string path;         // file path (relative paths are resolved against the scene file)
  std::string sourceLayer;  // OGR layer name inside a multi-layer source; empty: the first
  LayerKind kind = LayerKind::Auto;
  bool visible = true;
  float opacity = 1.0f;
  VectorStyle vector;
  RasterStyle raster;
  ScaleRange scales;
  std::string attribution;  // credited in the map's attribution line
  bool inLegend = false;    // a vector or raster layer keyed in the legend (layers a user adds are)
  // Incident layers read from any OGR point layer: which field holds what. Keys: date, type, sub_type, actor1,
  // actor2, fatalities, notes, location, admin1, source. Unmapped keys fall back to ACLED's column names.
  std::map<std::string, std::string> incidentFields;
  IncidentStyle incidents;  // incident layers: bins, density or every event, and the symbol-size cap
  // Live layers (a shared database): reloaded every this many seconds (0: never), and, for a PostgreSQL
  // source, whenever a NOTIFY arrives on this channel. The old data stays on the map until the new is in.
  double refreshSeconds = 0;
  std::string listenChannel;
  // Incident layers in a database: a refresh reads only rows whose value in this column (an id or a timestamp
  // that grows with each insert or update) is above the highest read so far; a row read again replaces the
  // event of the same id. Empty: each refresh reads the whole table.
  std::string incrementalColumn;
  // Incident layers in a database: the viewer reads only the rows the filter may keep, and reads again when the
  // filter widens (a narrower filter needs no read). `sitmap render` and `events` always do so.
  bool filterInDatabase = false;
  friend bool operator==(const LayerSpec&, const LayerSpec&) = default;
};

// A convoy: a route line plus a timed waypoint table, or a GPX track with timestamps.
struct ConvoySpec {
  std::string name;
  std::string routePath, routeLayer;  // a line layer (its first line is the route)
  std::string waypointsPath;          // CSV: time_utc, place, latitude, longitude[, basis, note, source]
  std::string gpxPath;                // alternatively a timed line: a GPX track whose points carry times, or any
                                      // OGR line whose vertices carry times (M values as UTC seconds, or a
                                      // "times" list of one UTC time per vertex)
  double alertKm = 5;                 // incidents within this distance of the route are flagged
  // On the map from this long before departure (drawn "departs ...") until this long after arrival; not before,
  // not after: a convoy that has not set out, or long arrived, is not on the map.
  double shownBeforeHours = 24, shownAfterHours = 24;
  bool routeSchematic = false;  // the route is drawn, not surveyed (straight legs between towns): the legend says so
  friend bool operator==(const ConvoySpec&, const ConvoySpec&) = default;
};

// Where the map looks: the centre in degrees and the scale (1:N at 0.28 mm pixels).
struct SceneView {
  LonLat centre;
  double scaleDenominator = 1e6;
  friend bool operator==(const SceneView&, const SceneView&) = default;
};

// A briefing step: view, clock, filter and which layers show. A briefing is a scene's bookmark list.
struct Bookmark {
  std::string name;
  SceneView view;
  std::optional<int64_t> clock;
  EventFilter filter;
  std::map<std::string, bool> layerVisible;  // by layer name
  friend bool operator==(const Bookmark&, const Bookmark&) = default;
};

struct Scene {
  static constexpr int kFormatVersion = 1;
  std::string title;
  std::string crs = "EPSG:3857";
  std::optional<Bbox> homeLonLat;  // W,S,E,N in degrees; none: fit all layers
  Rgba background{0.80f, 0.86f, 0.90f, 1.0f};
  std::vector<LayerSpec> layers;  // drawing order: first at the bottom
  std::vector<ConvoySpec> convoys;
  std::optional<int64_t> clock;   // UTC seconds the scene opens at
  int32_t windowDays = 0;         // with a clock: incidents of the last N days (0: all up to the clock)
  int32_t riskDays = 0;           // route risk look-back before each convoy's departure (0: not shown)
  bool graticule = false;         // meridians and parallels, labelled at the edges
  std::map<std::string, Rgba> actorColours;  // overrides of the default actor palette, by actor name
  std::optional<SceneView> view;  // the view it was saved at; none: the home view
  EventFilter filter;             // the incident filter
  std::vector<Bookmark> bookmarks;
  std::string selectedConvoy;  // shown first in the convoy panel and followed; empty: the first
  friend bool operator==(const Scene&, const Scene&) = default;
};

}  // namespace sitmap
