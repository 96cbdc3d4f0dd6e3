// MapRenderer: draws one map frame (raster tiles, vector layers, labels, furniture) into the bound framebuffer.
// Owns every GPU resource of the map. GL only: call from the thread that holds the context.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/image.hpp"
#include "core/result.hpp"
#include "core/scale_bar.hpp"
#include "core/style.hpp"
#include "core/tile_grid.hpp"
#include "core/event_layer.hpp"
#include "core/viewport.hpp"
#include "core/vector_data.hpp"

namespace sitmap {

class EventLayerGpu;
class OverlayPainter;
class RasterTileCache;
class ShaderProgram;
class VectorLayerGpu;

using LayerId = int;

struct LayerDraw {
  LayerId id = 0;
  float opacity = 1;
  VectorStyle vector;  // ignored for raster layers
};

struct LegendEntry {
  Rgba colour;
  std::string label;
  enum class Symbol { Dot, Halo, Ring } symbol = Symbol::Dot;
};

struct MapFurniture {
  std::string legendTitle;          // empty: no legend
  std::vector<LegendEntry> legend;
  std::optional<ScaleBar> scaleBar;  // pixels already in output pixels
  std::string attribution;
  std::string title;
  std::string subtitle;
  double bottomInsetPx = 0;  // space along the bottom edge that other UI covers (the viewer's status bar)
  bool northArrow = false;
  std::string banner;        // classification / handling text, drawn at the top and bottom edges
};

// A convoy at the clock's time, in display-CRS coordinates: the route split where the convoy is.
struct ConvoyOverlay {
  std::vector<Vec2> travelled, ahead;
  Vec2 position;
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

struct MissingTile {
  LayerId layer = 0;
  TileKey key;
};

struct RenderReport {
  std::vector<MissingTile> missingTiles;  // wanted at the right resolution but not loaded yet
  size_t labelsPlaced = 0;
  bool eventsAggregated = false;  // incidents drawn as counted bins because they crowd the view
};

class MapRenderer {
public:
  static Result<std::unique_ptr<MapRenderer>> create();
  ~MapRenderer();

  LayerId addVectorLayer(std::shared_ptr<const VectorData> data);
  // overviewFirst: when nothing cached can stand in, ask for the whole-raster tile before the sharp ones.
  // Worth it only where the source has overviews (that tile is then cheap to read).
  LayerId addRasterLayer(const TileGrid& grid, bool overviewFirst, size_t tileCapacity = 256);
  LayerId addEventLayer(std::shared_ptr<const EventLayerData> data);
  // The events to draw (a filter's result).
  void setEventSelection(LayerId layer, const std::vector<uint32_t>& events);
  void removeLayer(LayerId id);
  void addTile(LayerId layer, const TileKey& key, const RgbaImage& image);

  RenderReport render(const MapFrame& frame);

private:
  MapRenderer();
  struct VectorEntry;
  struct RasterEntry;
  void drawVector(VectorEntry& layer, const LayerDraw& draw, const MapFrame& frame);
  void drawRaster(RasterEntry& layer, const LayerDraw& draw, const MapFrame& frame, RenderReport& report);
  void drawEvents(EventLayerGpu& layer, const LayerDraw& draw, const MapFrame& frame, RenderReport& report);
  struct FurnitureLayout;
  FurnitureLayout layoutFurniture(const MapFrame& frame);
  size_t drawLabels(const MapFrame& frame, const std::vector<Bbox>& obstacles);
  void drawFurniture(const FurnitureLayout& layout);
  void drawControlMarkers(const MapFrame& frame);
  void drawConvoys(const MapFrame& frame);

  std::unique_ptr<ShaderProgram> m_fill, m_line, m_point, m_raster, m_event;
  std::unique_ptr<OverlayPainter> m_overlay;
  std::map<LayerId, std::unique_ptr<VectorEntry>> m_vectors;
  std::map<LayerId, std::unique_ptr<RasterEntry>> m_rasters;
  std::map<LayerId, std::unique_ptr<EventLayerGpu>> m_events;
  // Control zones on the GPU, by shape; a frame's zones replace the cache, so it never outgrows one scene.
  std::map<const VectorData*, std::pair<std::shared_ptr<const VectorData>, std::unique_ptr<VectorEntry>>> m_zones;
  std::vector<std::pair<Vec2, std::string>> m_binLabels;  // counts to write on aggregated bins this frame
  LayerId m_nextId = 1;
  unsigned m_quadVao = 0, m_quadVbo = 0;
};

}  // namespace sitmap
