// MapRenderer: draws one map frame (raster tiles, vector layers, labels, furniture) into the bound framebuffer.
// Owns every GPU resource of the map. GL only: call from the thread that holds the context.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/event_layer.hpp"
#include "core/image.hpp"
#include "core/map_frame.hpp"
#include "core/result.hpp"
#include "core/tile_grid.hpp"
#include "core/vector_data.hpp"

namespace sitmap {

class EventLayerGpu;
class OverlayPainter;
class RasterTileCache;
class ShaderProgram;
class VectorLayerGpu;

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
  void drawBinCounts(const MapFrame& frame, const std::vector<Bbox>& obstacles);
  void drawFurniture(const FurnitureLayout& layout);
  void drawControlMarkers(const MapFrame& frame);
  void drawRouteRisk(const MapFrame& frame);
  // Stretches and regional tallies; returns the tallies' boxes (screen pixels), for labels to keep clear of.
  std::vector<Bbox> drawVagueIncidents(const MapFrame& frame, const std::vector<Bbox>& obstacles);
  // Meridians and parallels, labelled where they leave the image (bottom and left edges) clear of the furniture;
  // returns the labels' boxes, for place labels to keep clear of.
  std::vector<Bbox> drawGraticule(const MapFrame& frame, const std::vector<Bbox>& obstacles);
  void drawFilterShapes(const MapFrame& frame);  // the incident filter's shapes, outlined
  void drawConvoys(const MapFrame& frame, const std::vector<Bbox>& obstacles);  // labels keep clear of obstacles

  std::unique_ptr<ShaderProgram> m_fill, m_line, m_point, m_raster, m_event;
  std::unique_ptr<OverlayPainter> m_overlay;
  std::map<LayerId, std::unique_ptr<VectorEntry>> m_vectors;
  std::map<LayerId, std::unique_ptr<RasterEntry>> m_rasters;
  std::map<LayerId, std::unique_ptr<EventLayerGpu>> m_events;
  // Control zones on the GPU, by shape; a frame's zones replace the cache, so it never outgrows one scene.
  std::map<const VectorData*, std::pair<std::shared_ptr<const VectorData>, std::unique_ptr<VectorEntry>>> m_zones;
  std::vector<std::pair<Vec2, uint32_t>> m_binLabels;  // counts to write on aggregated bins this frame
  LayerId m_nextId = 1;
  unsigned m_quadVao = 0, m_quadVbo = 0;
};

}  // namespace sitmap
