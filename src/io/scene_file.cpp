// Scene JSON reading.
#include "io/scene_file.hpp"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/utc_time.hpp"

#include <ogrsf_frmts.h>

#include "io/source_open.hpp"

namespace sitmap {

namespace {

using nlohmann::json;

struct SceneError {
  std::string message;
};

class Reader {
public:
  Reader(const json& node, std::string where) : m_node(node), m_where(std::move(where)) {}

  std::string string(const char* key, const std::string& fallback = {}) const {
    const json* v = find(key);
    if (!v) return fallback;
    if (!v->is_string()) fail(key, "expected text");
    return v->get<std::string>();
  }
  double number(const char* key, double fallback) const {
    const json* v = find(key);
    if (!v) return fallback;
    if (!v->is_number()) fail(key, "expected a number");
    return v->get<double>();
  }
  bool boolean(const char* key, bool fallback) const {
    const json* v = find(key);
    if (!v) return fallback;
    if (!v->is_boolean()) fail(key, "expected true or false");
    return v->get<bool>();
  }
  Rgba colour(const char* key, const Rgba& fallback) const {
    const json* v = find(key);
    if (!v) return fallback;
    auto parsed = v->is_string() ? parseColour(v->get<std::string>()) : std::nullopt;
    if (!parsed) fail(key, "expected a colour like \"#rrggbb\" or \"#rrggbbaa\"");
    return *parsed;
  }
  const json* find(const char* key) const {
    auto it = m_node.find(key);
    return it == m_node.end() || it->is_null() ? nullptr : &*it;
  }
  [[noreturn]] void fail(const std::string& key, const std::string& what) const {
    throw SceneError{m_where + key + ": " + what};
  }
  std::string where(const std::string& key) const { return m_where + key + "."; }

private:
  const json& m_node;
  std::string m_where;
};

VectorStyle readVectorStyle(const Reader& r) {
  VectorStyle s;
  s.fill = r.colour("fill", s.fill);
  s.filled = r.find("fill") != nullptr || r.boolean("filled", false);
  s.stroke = r.colour("stroke", s.stroke);
  s.strokeWidth = float(r.number("stroke_width", s.strokeWidth));
  s.dashed = r.boolean("dashed", s.dashed);
  s.pointFill = r.colour("point_fill", s.pointFill);
  s.pointSize = float(r.number("point_size", s.pointSize));
  s.labelField = r.string("label_field");
  s.priorityField = r.string("priority_field");
  const std::string order = r.string("priority_order", "ascending");
  if (order != "ascending" && order != "descending") r.fail("priority_order", "expected \"ascending\" or \"descending\"");
  s.priorityAscending = order == "ascending";
  s.labelColour = r.colour("label_colour", s.labelColour);
  s.haloColour = r.colour("halo_colour", s.haloColour);
  s.labelSize = float(r.number("label_size", s.labelSize));
  s.labelUppercase = r.boolean("label_uppercase", s.labelUppercase);
  s.filter = r.string("filter");
  if (s.strokeWidth < 0 || s.pointSize < 0 || s.labelSize <= 0) r.fail("", "sizes must be positive");
  return s;
}

RasterStyle readRasterStyle(const Reader& r, const json& node) {
  RasterStyle s;
  s.hillshade = r.boolean("hillshade", false);
  s.resampling = r.string("resampling", s.resampling);
  if (s.resampling != "near" && s.resampling != "bilinear" && s.resampling != "cubic")
    r.fail("resampling", "expected \"near\", \"bilinear\" or \"cubic\"");
  if (auto it = node.find("ramp"); it != node.end()) {
    if (!it->is_array()) r.fail("ramp", "expected a list of [value, \"#colour\"] pairs");
    for (const json& stop : *it) {
      if (!stop.is_array() || stop.size() != 2 || !stop[0].is_number() || !stop[1].is_string())
        r.fail("ramp", "expected a list of [value, \"#colour\"] pairs");
      auto colour = parseColour(stop[1].get<std::string>());
      if (!colour) r.fail("ramp", "bad colour " + stop[1].get<std::string>());
      s.ramp.push_back({stop[0].get<double>(), *colour});
    }
  }
  return s;
}

LayerSpec readLayer(const json& node, const std::string& where, const std::filesystem::path& baseDir) {
  if (!node.is_object()) throw SceneError{where + ": expected an object"};
  Reader r(node, where + ".");
  LayerSpec layer;
  layer.path = r.string("path");
  if (layer.path.empty()) r.fail("path", "missing");
  if (std::filesystem::path(layer.path).is_relative() && layer.path.rfind("/vsi", 0) != 0)
    layer.path = (baseDir / layer.path).lexically_normal().string();
  layer.name = r.string("name", std::filesystem::path(layer.path).stem().string());
  layer.sourceLayer = r.string("layer");
  const std::string kind = r.string("kind", "auto");
  if (kind == "vector") layer.kind = LayerKind::Vector;
  else if (kind == "raster") layer.kind = LayerKind::Raster;
  else if (kind == "incidents") layer.kind = LayerKind::Incidents;
  else if (kind == "control") layer.kind = LayerKind::Control;
  else if (kind != "auto") r.fail("kind", "expected \"auto\", \"vector\", \"raster\", \"incidents\" or \"control\"");
  layer.visible = r.boolean("visible", true);
  layer.opacity = float(r.number("opacity", 1.0));
  if (layer.opacity < 0 || layer.opacity > 1) r.fail("opacity", "expected a number from 0 to 1");
  layer.attribution = r.string("attribution");
  if (const json* fields = r.find("fields")) {
    if (!fields->is_object()) r.fail("fields", "expected an object like {\"date\": \"evt_date\", \"type\": \"category\"}");
    for (const auto& [role, field] : fields->items()) {
      static const char* roles[] = {"date",  "type",     "sub_type", "actor1",     "actor2",   "fatalities", "notes",
                                    "location", "admin1", "source", "name", "actor", "status", "valid_from",
                                    "valid_to", "confidence"};
      if (std::find(std::begin(roles), std::end(roles), role) == std::end(roles)) r.fail("fields." + role, "unknown role");
      if (!field.is_string()) r.fail("fields." + role, "expected a field name");
      layer.incidentFields[role] = field.get<std::string>();
    }
  }
  layer.scales.minScale = r.number("min_scale", 0);
  layer.scales.maxScale = r.number("max_scale", 0);
  const json empty = json::object();
  const json* style = r.find("style");
  if (style && !style->is_object()) r.fail("style", "expected an object");
  const json& styleNode = style ? *style : empty;
  Reader styleReader(styleNode, r.where("style"));
  layer.vector = readVectorStyle(styleReader);
  layer.raster = readRasterStyle(styleReader, styleNode);
  return layer;
}

}  // namespace

Result<Scene> parseScene(const std::string& jsonText, const std::string& baseDir) {
  json root;
  try {
    root = json::parse(jsonText);
  } catch (const json::parse_error& e) {
    return Error{std::string("not valid JSON: ") + e.what()};
  }
  if (!root.is_object()) return Error{"not a scene: expected a JSON object"};
  try {
    Reader r(root, "");
    Scene scene;
    const double version = r.number("sitmap_scene", 0);
    if (version < 1) return Error{"not a sitmap scene (missing \"sitmap_scene\": 1)"};
    if (version > Scene::kFormatVersion)
      return Error{"scene format " + std::to_string(int(version)) + " is newer than this sitmap understands (" +
                   std::to_string(Scene::kFormatVersion) + ")"};
    scene.title = r.string("title");
    scene.crs = r.string("crs", scene.crs);
    scene.background = r.colour("background", scene.background);
    if (const json* home = r.find("home_bbox")) {
      if (!home->is_array() || home->size() != 4 || !std::all_of(home->begin(), home->end(), [](const json& v) { return v.is_number(); }))
        r.fail("home_bbox", "expected [west, south, east, north] in degrees");
      Bbox box{(*home)[0].get<double>(), (*home)[1].get<double>(), (*home)[2].get<double>(), (*home)[3].get<double>()};
      if (!box.valid() || box.width() == 0 || box.height() == 0)
        r.fail("home_bbox", "west must be below east and south below north");
      scene.homeLonLat = box;
    }
    if (const json* clock = r.find("clock")) {
      auto t = clock->is_string() ? parseUtc(clock->get<std::string>()) : std::nullopt;
      if (!t) r.fail("clock", "expected a UTC time like \"2023-11-04T12:00Z\"");
      scene.clock = *t;
    }
    scene.windowDays = int32_t(r.number("window_days", 0));
    scene.riskDays = int32_t(r.number("risk_days", 0));
    if (scene.riskDays < 0) r.fail("risk_days", "expected 0 (no route risk) or more days");
    if (const json* colours = r.find("actor_colours")) {
      if (!colours->is_object()) r.fail("actor_colours", "expected an object like {\"FAMa\": \"#004488\"}");
      for (const auto& [actor, value] : colours->items()) {
        auto colour = value.is_string() ? parseColour(value.get<std::string>()) : std::nullopt;
        if (!colour) r.fail("actor_colours." + actor, "expected a colour like \"#rrggbb\"");
        scene.actorColours[actor] = *colour;
      }
    }
    if (scene.windowDays < 0) r.fail("window_days", "expected 0 (all incidents up to the clock) or more days");
    if (const json* convoys = r.find("convoys")) {
      if (!convoys->is_array()) r.fail("convoys", "expected a list");
      for (size_t i = 0; i < convoys->size(); ++i) {
        const json& node = (*convoys)[i];
        const std::string where = "convoys[" + std::to_string(i) + "]";
        if (!node.is_object()) throw SceneError{where + ": expected an object"};
        Reader c(node, where + ".");
        ConvoySpec convoy;
        auto resolve = [&](const std::string& path) {
          return path.empty() || std::filesystem::path(path).is_absolute() ? path
                                                                           : (std::filesystem::path(baseDir) / path).lexically_normal().string();
        };
        convoy.name = c.string("name", "Convoy " + std::to_string(i + 1));
        convoy.routePath = resolve(c.string("route"));
        convoy.routeLayer = c.string("route_layer");
        convoy.waypointsPath = resolve(c.string("waypoints"));
        convoy.gpxPath = resolve(c.string("gpx"));
        convoy.alertKm = c.number("alert_km", convoy.alertKm);
        if (convoy.gpxPath.empty() && (convoy.routePath.empty() || convoy.waypointsPath.empty()))
          c.fail("", "needs \"route\" and \"waypoints\", or \"gpx\"");
        scene.convoys.push_back(convoy);
      }
    }
    const json* layers = r.find("layers");
    if (layers && !layers->is_array()) r.fail("layers", "expected a list");
    if (layers)
      for (size_t i = 0; i < layers->size(); ++i)
        scene.layers.push_back(readLayer((*layers)[i], "layers[" + std::to_string(i) + "]", baseDir));
    return scene;
  } catch (const SceneError& e) {
    return Error{e.message};
  }
}

Result<Scene> loadSceneFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path + ": cannot open scene file"};
  std::stringstream text;
  text << in.rdbuf();
  auto baseDir = std::filesystem::absolute(path).parent_path();
  auto scene = parseScene(text.str(), baseDir.string());
  if (!scene) return Error{path + ": " + scene.error()};
  return scene;
}

std::vector<LayerSpec> layerSpecsForFile(const std::string& path, size_t& colourIndex) {
  // Muted, distinguishable defaults (Okabe-Ito hues): translucent fills, solid outlines and symbols.
  static const Rgba palette[] = {{0.00f, 0.45f, 0.70f, 1}, {0.90f, 0.62f, 0.00f, 1}, {0.00f, 0.62f, 0.45f, 1},
                                 {0.80f, 0.47f, 0.65f, 1}, {0.34f, 0.71f, 0.91f, 1}, {0.84f, 0.37f, 0.00f, 1}};
  const std::string fileName = std::filesystem::path(path).filename().string();
  std::vector<std::string> sourceLayers;
  if (auto dataset = openVectorSource(path); dataset && (*dataset)->GetLayerCount() > 1 && (*dataset)->GetRasterCount() == 0)
    for (int i = 0; i < (*dataset)->GetLayerCount(); ++i) sourceLayers.push_back((*dataset)->GetLayer(i)->GetName());
  if (sourceLayers.empty()) sourceLayers.push_back("");
  std::vector<LayerSpec> specs;
  for (const std::string& sourceLayer : sourceLayers) {
    const Rgba colour = palette[colourIndex++ % std::size(palette)];
    LayerSpec layer;
    layer.path = path;
    layer.sourceLayer = sourceLayer;
    layer.name = sourceLayer.empty() ? fileName : fileName + " · " + sourceLayer;
    layer.vector.fill = {colour.r, colour.g, colour.b, 0.35f};
    layer.vector.stroke = colour;
    layer.vector.pointFill = colour;
    specs.push_back(layer);
  }
  return specs;
}

Scene sceneForFiles(const std::vector<std::string>& paths) {
  Scene scene;
  scene.background = {1, 1, 1, 1};
  size_t colourIndex = 0;
  for (const std::string& path : paths)
    for (LayerSpec& layer : layerSpecsForFile(path, colourIndex)) scene.layers.push_back(std::move(layer));
  return scene;
}

}  // namespace sitmap
