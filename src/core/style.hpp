// Layer styling: colours, widths and label rules, shared by the scene file, the renderer and the layers panel.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap {

struct Rgba {
  float r = 0, g = 0, b = 0, a = 1;
  friend bool operator==(const Rgba&, const Rgba&) = default;
};

// "#rrggbb" or "#rrggbbaa"; nullopt for anything else.
std::optional<Rgba> parseColour(std::string_view text);
std::string formatColour(const Rgba& colour);

struct VectorStyle {
  Rgba fill{0.85f, 0.82f, 0.74f, 1.0f};
  bool filled = true;
  Rgba stroke{0.35f, 0.33f, 0.30f, 1.0f};
  float strokeWidth = 1.0f;  // pixels at 1x
  bool dashed = false;
  bool hatched = false;  // fill drawn as diagonal stripes (contested areas)
  Rgba hatchColour{0, 0, 0, 0};  // the other stripes: a contested area's second side; transparent leaves them clear
  Rgba pointFill{0.20f, 0.20f, 0.20f, 1.0f};
  float pointSize = 6.0f;  // diameter in pixels at 1x
  std::string labelField;  // empty: no labels
  std::string priorityField;  // higher-priority labels are placed first
  bool priorityAscending = true;  // true: smaller values are more important (a rank); false: larger (population)
  Rgba labelColour{0.10f, 0.10f, 0.10f, 1.0f};
  Rgba haloColour{1.0f, 1.0f, 1.0f, 0.85f};
  float labelSize = 13.0f;  // pixels at 1x
  bool labelUppercase = false;
  std::string filter;  // OGR attribute filter (SQL WHERE), applied at load
  friend bool operator==(const VectorStyle&, const VectorStyle&) = default;
};

struct ColourStop {
  double value = 0;
  Rgba colour;
  friend bool operator==(const ColourStop&, const ColourStop&) = default;
};

struct RasterStyle {
  std::vector<ColourStop> ramp;  // single-band rasters; empty: grey from the band's min to max
  bool hillshade = false;        // single-band elevation shown as shaded relief
  std::string resampling = "bilinear";
  // Toning for imagery under a briefing map: 1 keeps the colours, 0 is grey; 0 keeps the brightness, 1 is white.
  float saturation = 1.0f;
  float lightness = 0.0f;
  // A value drawn transparent, besides (or where the file declares none, instead of) the file's own nodata.
  std::optional<double> nodata;
  friend bool operator==(const RasterStyle&, const RasterStyle&) = default;
};

// Layer visibility by map scale denominator (0 = unbounded).
struct ScaleRange {
  double minScale = 0;  // hidden when zoomed in beyond this (scale denominator below it)
  double maxScale = 0;  // hidden when zoomed out beyond this (scale denominator above it)
  bool contains(double scaleDenominator) const {
    return (minScale <= 0 || scaleDenominator >= minScale) && (maxScale <= 0 || scaleDenominator <= maxScale);
  }
  friend bool operator==(const ScaleRange&, const ScaleRange&) = default;
};

// Colour along a ramp, clamped at the ends.
Rgba rampColour(const std::vector<ColourStop>& ramp, double value);

// Colour ramps to choose from for a single-band raster (the Layers panel), each spread evenly over a stretch.
struct RampPreset {
  const char* name;
  std::vector<Rgba> colours;  // from the low end to the high
};
const std::vector<RampPreset>& rampPresets();
std::vector<ColourStop> presetRamp(const RampPreset& preset, double low, double high);
// The preset whose colours `ramp` has, in order (whatever its stretch); nullopt for a ramp of its own.
std::optional<size_t> presetOf(const std::vector<ColourStop>& ramp);
// The same colours stretched linearly onto [low, high] (a ramp's stops keep their relative places).
std::vector<ColourStop> stretchRamp(const std::vector<ColourStop>& ramp, double low, double high);

}  // namespace sitmap
