// MapFrame: everything one map image shows, as plain data the session builds and the renderer draws (MapLibre's
// style/renderer split): layers to draw, control markers and zones, convoys, furniture and the legend.
// No GL here: the session builds frames without a renderer, and tests can read them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/event_bins.hpp"
#include "core/geometry.hpp"
#include "core/graticule.hpp"
#include "core/scale_bar.hpp"
#include "core/style.hpp"
#include "core/vector_data.hpp"
#include "core/viewport.hpp"

namespace sitmap {

using LayerId = int;

struct LayerDraw {
  LayerId id = 0;
  float opacity = 1;
  VectorStyle vector;  // ignored for raster layers
  float saturation = 1, lightness = 0;  // raster toning (RasterStyle)
  // Incident layers: as settled for this view by chooseEventDrawing, so the legend keys what the map draws.
  EventDrawing events = EventDrawing::Points;
  float maxSymbolPx = 0;  // IncidentStyle's cap (0: none beyond eventDiameter's)
};

struct LegendEntry {
  Rgba colour;
  std::string label;
  // Dot: a filled square; Halo: pale square with a dot; Ring: an outline; Dashed: a broken outline;
  // Stripes: bars of `colour` and `secondColour` (contested areas); Note: text only (a method note); Ramp: the
  // colours of `ramp`, low to high, across the swatch (a raster's values); Heading: a group's name, in bold;
  // Line and DashedLine: a stroke across the swatch, `lineWidth` pixels thick (rivers, roads, routes), so that a
  // line layer never shares the outline square of an area; Sizes: circles of `diameters` side by side, each as
  // large as the map draws the value it stands for (the fatalities' size key), the row as tall as the largest.
  enum class Symbol { Dot, Halo, Ring, Dashed, Stripes, Note, Ramp, Heading, Line, DashedLine, Sizes } symbol = Symbol::Dot;
  Rgba secondColour{0, 0, 0, 0};
  std::vector<Rgba> ramp{};
  float lineWidth = 2;
  std::vector<float> diameters{};  // Sizes: pixels at 1x
};

struct MapFurniture {
  std::string legendTitle;          // empty: no legend
  std::vector<LegendEntry> legend;
  std::optional<ScaleBar> scaleBar;  // pixels already in output pixels
  std::string attribution;
  std::string title;
  std::string subtitle;
  // Space along the edges that other UI covers (the viewer's panels and status bar): the furniture keeps clear.
  double bottomInsetPx = 0, leftInsetPx = 0, topInsetPx = 0;
  bool northArrow = false;
  std::string banner;        // classification / handling text, drawn at the top and bottom edges
  // Lines above the attribution, each wrapped on its own: who made the map and when, a boundary disclaimer.
  std::vector<std::string> notes;
};

// A convoy at the clock's time, in display-CRS coordinates: the route split where the convoy is.
struct ConvoyOverlay {
  // travelled: up to the last reported fix; sinceFix: from there to the position now, when that is estimated.
  std::vector<Vec2> travelled, sinceFix, ahead;
  Vec2 position;
  bool estimated = false;  // interpolated between reported fixes: hollow icon, dashed trail, "estimated" in the label
  double headingDegrees = 0;  // true bearing; the icon points that way (north up)
  std::string label;
  bool moving = true;
  // Route risk: the route cut in segments, each with its share of the highest count (0..1), drawn under the route.
  std::vector<std::pair<std::vector<Vec2>, float>> riskSegments;
  // Incidents near the route that the convoy has passed, ringed; those reached in the last day ring brighter.
  std::vector<Vec2> passedIncidents, justReached;
};

// A held town or camp at the clock's time.
struct ControlMarker {
  Vec2 position;  // display CRS
  Rgba colour;    // the actor's
  enum class Style { Solid, Light, Outline, Dashed } style = Style::Solid;
  bool justChanged = false;  // became valid in the last day before the clock: drawn with a bright ring
};

// A control zone at the clock's time: its shape (display CRS, triangulated) and how to draw it.
struct ControlZoneDraw {
  std::shared_ptr<const VectorData> shape;
  VectorStyle style;
};

// An incident located only to a road stretch: drawn as a broad pale band along it, never at a point.
struct IncidentStretch {
  std::vector<Vec2> points;  // display CRS
  Rgba colour;               // the category's, faded with age within a window
};

// Incidents located only to their region (ACLED geo_precision 3): counted in a tally badge, not drawn at the
// region's reference point as if they happened there.
struct RegionTally {
  Vec2 anchor;  // display CRS: where the source put them (a region's reference point)
  std::string text;  // "Kidal region: 2 incidents, place unreported"
};

struct MapFrame {
  Viewport view;        // in output pixels
  float pixelScale = 1;  // style sizes (line widths, fonts) are multiplied by this: 2 for a 2x image
  Rgba background{1, 1, 1, 1};
  std::vector<LayerDraw> layers;  // drawing order: first at the bottom
  MapFurniture furniture;
  struct Highlight {
    LayerId layer = 0;
    uint32_t event = 0;
  };
  std::optional<Highlight> highlight;  // an incident to ring (the table row under the mouse)
  std::vector<ControlMarker> controls;
  std::vector<ControlZoneDraw> controlZones;
  std::vector<ConvoyOverlay> convoys;
  std::vector<IncidentStretch> incidentStretches;
  std::vector<RegionTally> regionTallies;
  std::vector<GraticuleLine> graticule;  // empty: none drawn
  // The shapes the incident filter keeps to (picked polygons, drawn rectangles), outlined while they filter.
  struct FilterShape {
    std::string name;
    std::vector<std::vector<Vec2>> rings;  // display CRS
  };
  std::vector<FilterShape> filterShapes;
  std::string clockText;  // the clock's date and time, drawn large at the top while the map shows a moment
  // Incidents within a time window: shown from their day until `days` later, fading as they age.
  struct EventWindow {
    int32_t nowDay = 0;
    int32_t days = 0;
  };
  std::optional<EventWindow> eventWindow;
  // For projectors and bright rooms: a white ground, pale fills, black lines and labels.
  bool highContrast = false;
  // The part of the image to draw into the bound framebuffer (output pixels, y down); none: all of it.
  // Images larger than the GPU allows are drawn tile by tile this way.
  std::optional<Bbox> tile;
};

}  // namespace sitmap
