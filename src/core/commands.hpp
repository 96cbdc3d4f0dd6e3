// Commands the panels emit and the app applies, and the read-only rows panels draw from.
// Panels never change state themselves: they return commands, so every change goes through one place.
#pragma once

#include <cstdint>
#include <string>
#include <map>
#include <optional>
#include <variant>
#include <vector>

#include "core/control.hpp"
#include "core/event_filter.hpp"
#include "core/event_style.hpp"
#include "core/event_views.hpp"
#include "core/style.hpp"

namespace sitmap {

struct SetLayerVisible { uint64_t layer; bool visible; };
struct SetLayerOpacity { uint64_t layer; float opacity; };
struct MoveLayer { uint64_t layer; int steps; };  // positive: towards the top of the drawing order
struct ZoomToLayer { uint64_t layer; };
struct RemoveLayer { uint64_t layer; };
struct SetLayerStyle { uint64_t layer; VectorStyle style; };  // a new label or priority field reloads the layer
struct SetRasterStyle { uint64_t layer; RasterStyle style; };
struct SetLayerInLegend { uint64_t layer; bool keyed; };  // tiles are read again, unless only toning changed
struct SetLayerScales { uint64_t layer; ScaleRange scales; };
struct SetIncidentStyle { uint64_t layer; IncidentStyle style; };  // bins, density or every event; symbol cap
struct AddLayerFromPath { std::string path; };
struct ZoomHome {};
struct SetDisplayCrs { std::string crs; };
struct ToggleFullscreen {};
struct SetEventFilter { EventFilter filter; };
struct FlyToEvent { uint32_t event; };       // in the incident layer the panels show
struct ShowEventDetails { uint32_t event; };
enum class MapTool { Navigate, PickRegion, DrawRectangle, DrawPolygon };
struct SetMapTool { MapTool tool; };
struct PickRegionAt { Vec2 screen; };           // the polygon there joins the filter's regions (or leaves it)
struct AddRectangleRegion { Vec2 a, b; };       // screen corners of a drawn rectangle
struct AddPolygonRegion { std::vector<Vec2> corners; };  // screen corners of a drawn polygon or lasso, in order
struct HoverEvent { std::optional<uint32_t> event; };  // highlights an incident on the map
struct CancelLoad { uint64_t layer; };
struct UseAsIncidents { uint64_t layer; };  // a point layer becomes an incident layer (then map its fields)
struct SetClock { int64_t time; };           // UTC seconds
struct StepClock { int64_t seconds; };       // forward (positive) or back, within the data's extent
struct SetPlaying { bool playing; };
struct SetPlaybackSpeed { double secondsPerSecond; };
struct SetLoop { bool loop; };
struct SetWindowDays { int32_t days; };       // 0: every incident up to the clock
struct SetFollowConvoy { bool follow; };
struct SetRiskDays { int32_t days; };         // route risk look-back before departure; 0 hides it
struct SaveScene { std::string path; bool overwrite; };  // empty path: save over the scene it was opened from
struct AddBookmark {};
struct GoToBookmark { int index; };
struct RenameBookmark { int index; std::string name; };
struct MoveBookmark { int index; int steps; };  // positive: later in the briefing
struct DeleteBookmark { int index; };
struct TakeScreenshot {};  // with the current screenshot options
struct SetScreenshotOptions { double scale; std::string banner, subtitle; int width = 0, height = 0; };  // 0: window size
struct TogglePresentation {};
struct ExportFrames { int64_t from, to, step; std::string output; };  // runs `sitmap frames` in the background
struct CancelExport {};
struct ToggleHighContrast {};
struct OpenScene { std::string path; };
struct SetIncidentFields { uint64_t layer; std::map<std::string, std::string> fields; };  // reloads the layer
struct ChooseIncidentLayer { uint64_t layer; };
struct TogglePanels {};   // Tab: every panel hidden or shown (the map alone, without presenting)
struct BuildOverviews { uint64_t layer; };  // a big raster without them: FILE.ovr beside it, then reloaded
struct ResetLayout {};    // every panel back to its first place
// The counted incident layer's events passing the filter, to PATH: .csv (the source's own rows; needs a CSV
// source) or .geojson; never over an existing file.
struct ExportFilteredEvents { std::string path; };
struct OpenUrl { std::string url; };  // an incident's source, in the desktop's browser
struct ToggleFrameTime {};            // F3: the frame-time readout in the status bar
struct SetGraticule { bool shown; };  // meridians and parallels on the map (saved with the scene)

using Command = std::variant<SetLayerVisible, SetLayerOpacity, MoveLayer, ZoomToLayer, RemoveLayer, SetLayerStyle, SetRasterStyle, SetLayerInLegend,
                             SetLayerScales, SetIncidentStyle, AddLayerFromPath, ZoomHome, SetDisplayCrs, ToggleFullscreen, SetEventFilter,
                             FlyToEvent, ShowEventDetails, SetMapTool, PickRegionAt, AddRectangleRegion, AddPolygonRegion, HoverEvent, CancelLoad, SetIncidentFields,
                             UseAsIncidents, SetClock, StepClock, SetPlaying, SetPlaybackSpeed, SetLoop, SetWindowDays,
                             SetFollowConvoy, SetRiskDays, SaveScene, AddBookmark, GoToBookmark, TakeScreenshot, SetScreenshotOptions,
                             TogglePresentation, ExportFrames, CancelExport, ToggleHighContrast, OpenScene,
                             ChooseIncidentLayer, TogglePanels, ResetLayout, BuildOverviews, ExportFilteredEvents, OpenUrl, ToggleFrameTime, SetGraticule, RenameBookmark, MoveBookmark, DeleteBookmark>;

// One row of the layers panel.
struct LayerRow {
  uint64_t id = 0;
  std::string name;
  std::string path;
  std::string kind;      // "Polygon", "Line", "Point", "Raster (RGB)", ...
  std::string details;   // "79 features", "20000 x 20000 px, 5 overviews"
  std::string error;     // non-empty: failed to load
  bool loading = false;
  bool visible = true;
  bool isVector = false;
  float opacity = 1;
  VectorStyle style;
  ScaleRange scales;
  std::vector<std::string> fields;  // attribute fields of a vector layer, or columns of an incident source
  float progress = -1;              // while loading: 0..1 where known
  bool isIncidents = false;
  // With several incident layers shown: whether this is the one the legend, counts and panels follow.
  std::optional<bool> countedIncidents;
  bool incidentsFromCsv = false;
  bool canBuildOverviews = false;  // a big local raster without overviews: drawn small, it reads every pixel
  bool buildingOverviews = false;
  std::map<std::string, std::string> incidentFields;
  IncidentStyle incidentStyle;
  // Raster layers: their style, and for a single band the range of its values (for "from data").
  bool inLegend = false;
  bool isRaster = false, rasterSingleBand = false;
  RasterStyle rasterStyle;
  double rasterMin = 0, rasterMax = 0;
};

}  // namespace sitmap

namespace sitmap {

// What the incident panels read: one incident layer (the first visible one), the filter, and derived views.
struct IncidentsView {
  const EventTable* table = nullptr;               // null: no incident layer loaded
  const std::vector<uint32_t>* selection = nullptr;  // events passing the filter
  uint64_t selectionVersion = 0;                      // changes whenever the selection does
  const EventFilter* filter = nullptr;
  const Histogram* timeline = nullptr;              // events passing every criterion but the dates
  const Histogram* timelineAll = nullptr;           // every event, same bins: the fixed axis and count scale
  std::optional<int32_t> clockDay;                  // the clock's day: later bars are the future
  int32_t windowDays = 0;                           // the clock's incident window (0: none): what the map shows
  const std::vector<RegionNameCheck>* regionChecks = nullptr;  // each picked polygon against the admin names
  std::string layerName;       // the incident layer counted and listed
  size_t incidentLayersShown = 0;  // visible incident layers: above one, the panels say which one they follow
  std::string importSummary;
  size_t matching = 0;
  int64_t fatalities = 0;
  HiddenByClock hiddenByClock;  // matching the filter but kept off the map (and out of `matching`) by the clock
  bool filteredInDatabase = false;   // the layer holds only the rows its database sent for the filter
  bool readingFromDatabase = false;  // the filter asks for rows the layer's database has not sent yet
  MapTool tool = MapTool::Navigate;
  std::optional<uint32_t> hovered;  // table row under the mouse
};

}  // namespace sitmap

namespace sitmap {

// What the clock bar, the changes list and the convoy panel read.
struct ConvoyStatusView {
  std::string name;
  int64_t departure = 0, arrival = 0;
  double kmDone = 0, kmTotal = 0;
  std::string status;    // in words: not yet departed, moving, halted, arrived
  std::string leg;       // "Kidal (MINUSMA camp) → Anéfis (near)"
  bool inferred = false; // the position is interpolated, not reported
  std::string legNote;   // the source note of the leg's start
  std::vector<std::string> incidentsSoFar;  // incidents near the route that the convoy has passed, as text
  double alertKm = 5;
  std::vector<uint32_t> risk;  // incidents per 10 km segment in the look-back before departure
};

struct TimeView {
  std::optional<int64_t> clock;
  int64_t first = 0, last = 0;  // the span of everything time-aware in the scene
  bool playing = false, loop = false;
  double secondsPerSecond = 3600;
  int32_t windowDays = 0;
  int32_t riskDays = 0;
  bool follow = false;
  const std::vector<ControlChange>* changes = nullptr;
  std::vector<ConvoyStatusView> convoys;
  std::optional<float> exportProgress;  // an animation export running: 0..1
};

}  // namespace sitmap
