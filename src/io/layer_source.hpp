// Sources behind one interface (Mapnik's datasource registry is the model): a layer spec in, one loaded layer out,
// as a variant of the kinds sitmap draws, so each consumer visits it and the compiler names a forgotten kind.
// Kind detection lives here: what the scene says, else what the file is (an ACLED CSV, a raster, a vector).
// How to add a kind: a struct below, a case in openLayer, and the compiler lists the visitors to extend.
#pragma once

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "core/control.hpp"
#include "core/event_layer.hpp"
#include "core/result.hpp"
#include "core/scene.hpp"
#include "core/vector_data.hpp"
#include "io/acled_reader.hpp"
#include "io/raster_source.hpp"
#include "io/time_layers.hpp"

namespace sitmap {

// Control features with their geometry in the display CRS: a position per feature (points), and a triangulated
// zone per feature (areas; null for points).
struct ControlLayerData {
  ControlLoad load;
  std::vector<uint8_t> changes;  // per feature: its start is a real change at its place (changesAtTheirPlace)
  std::vector<Vec2> positions;
  std::vector<std::shared_ptr<const VectorData>> zones;
};

struct VectorLayer {
  std::shared_ptr<const VectorData> data;
};
struct RasterLayer {
  RasterInfo info;  // tiles are read later, per view, by the tile loader
};
struct IncidentLayer {
  std::shared_ptr<const EventLayerData> data;
};
struct ControlLayer {
  std::shared_ptr<const ControlLayerData> data;
};
using LoadedLayer = std::variant<VectorLayer, RasterLayer, IncidentLayer, ControlLayer>;

class DatasetCache;

// What a read may leave out: what a one-shot render will not show, or what a refresh already has.
struct ReadScope {
  std::optional<Bbox> lonLatInterest;  // vector layers read only the features touching it
  // Incident layers in a database fetch only the rows this filter may keep (the session still applies it).
  std::optional<EventFilter> eventFilter;
  // A refresh of an incident layer read by new rows (LayerSpec::incrementalColumn): the layer on the map, which
  // the rows above its newest value are merged into.
  std::shared_ptr<const EventLayerData> previousIncidents;
};

// Made on any thread, handed to the main thread whole. `cache` (optional) shares open files between layers
// loaded on one thread; `progress` hears how far a long import is and cancels it by returning false.
Result<LoadedLayer> openLayer(const LayerSpec& spec, const std::string& displayCrs, DatasetCache* cache = nullptr,
                              const ImportProgress& progress = {}, const ReadScope& scope = {});

}  // namespace sitmap
