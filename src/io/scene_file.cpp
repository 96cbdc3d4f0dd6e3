// Scene JSON reading.
#include "io/scene_file.hpp"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/civil_date.hpp"
#include "core/utc_time.hpp"
#include "io/file_write.hpp"

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

std::vector<std::string> stringList(const Reader& r, const json& node, const char* key) {
  std::vector<std::string> out;
  auto it = node.find(key);
  if (it == node.end()) return out;
  if (!it->is_array()) r.fail(key, "expected a list of names");
  for (const json& v : *it) {
    if (!v.is_string()) r.fail(key, "expected a list of names");
    out.push_back(v.get<std::string>());
  }
  return out;
}

EventFilter readFilter(const json& node, const std::string& where) {
  if (!node.is_object()) throw SceneError{where + ": expected an object"};
  Reader r(node, where + ".");
  EventFilter f;
  for (auto [key, slot] : {std::pair{"from", &f.fromDay}, std::pair{"to", &f.toDay}}) {
    const std::string text = r.string(key);
    if (text.empty()) continue;
    auto day = parseEventDate(text);
    if (!day) r.fail(key, "expected a date like 2023-11-01");
    *slot = *day;
  }
  f.admin1 = stringList(r, node, "admin1");
  f.admin2 = stringList(r, node, "admin2");
  f.admin3 = stringList(r, node, "admin3");
  f.eventTypes = stringList(r, node, "types");
  f.subEventTypes = stringList(r, node, "sub_types");
  f.actors = stringList(r, node, "actors");
  for (const char* key : {"inter_codes", "interactions"}) {
    auto it = node.find(key);
    if (it == node.end()) continue;
    if (!it->is_array()) r.fail(key, "expected a list of numbers");
    for (const json& v : *it) {
      if (!v.is_number_integer()) r.fail(key, "expected a list of numbers");
      (std::string(key) == "inter_codes" ? f.interCodes : f.interactions).push_back(v.get<int>());
    }
  }
  f.civilianTargetingOnly = r.boolean("civilian_targeting_only", false);
  f.minFatalities = int(r.number("min_fatalities", 0));
  f.text = r.string("text");
  if (auto it = node.find("regions"); it != node.end()) {
    if (!it->is_array()) r.fail("regions", "expected a list");
    for (const json& region : *it) {
      RegionShape shape;
      shape.name = region.value("name", "region");
      for (const json& ring : region.value("rings", json::array())) {
        std::vector<Vec2> points;
        for (const json& p : ring) {
          if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number()) r.fail("regions", "rings are lists of [lon, lat]");
          points.push_back({p[0].get<double>(), p[1].get<double>()});
        }
        shape.rings.push_back(std::move(points));
      }
      f.regions.push_back(std::move(shape));
    }
  }
  return f;
}

SceneView readView(const json& node, const std::string& where) {
  if (!node.is_object()) throw SceneError{where + ": expected an object"};
  Reader r(node, where + ".");
  SceneView view;
  const json* centre = r.find("centre");
  if (!centre || !centre->is_array() || centre->size() != 2 || !(*centre)[0].is_number() || !(*centre)[1].is_number())
    r.fail("centre", "expected [lon, lat]");
  view.centre = {(*centre)[0].get<double>(), (*centre)[1].get<double>()};
  view.scaleDenominator = r.number("scale", 1e6);
  if (!(view.scaleDenominator > 0)) r.fail("scale", "expected a positive scale denominator");
  return view;
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
    scene.selectedConvoy = r.string("selected_convoy");
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
    if (const json* view = r.find("view")) scene.view = readView(*view, "view");
    if (const json* filter = r.find("filter")) scene.filter = readFilter(*filter, "filter");
    if (const json* bookmarks = r.find("bookmarks")) {
      if (!bookmarks->is_array()) r.fail("bookmarks", "expected a list");
      for (size_t i = 0; i < bookmarks->size(); ++i) {
        const std::string where = "bookmarks[" + std::to_string(i) + "]";
        const json& node = (*bookmarks)[i];
        if (!node.is_object()) throw SceneError{where + ": expected an object"};
        Reader b(node, where + ".");
        Bookmark bookmark;
        bookmark.name = b.string("name", "Bookmark " + std::to_string(i + 1));
        const json* view = b.find("view");
        if (!view) b.fail("view", "missing");
        bookmark.view = readView(*view, where + ".view");
        if (const json* clock = b.find("clock")) {
          auto t = clock->is_string() ? parseUtc(clock->get<std::string>()) : std::nullopt;
          if (!t) b.fail("clock", "expected a UTC time");
          bookmark.clock = *t;
        }
        if (const json* filter = b.find("filter")) bookmark.filter = readFilter(*filter, where + ".filter");
        if (const json* visible = b.find("layers_visible")) {
          if (!visible->is_object()) b.fail("layers_visible", "expected {\"layer name\": true}");
          for (const auto& [name, on] : visible->items()) bookmark.layerVisible[name] = on.is_boolean() && on.get<bool>();
        }
        scene.bookmarks.push_back(std::move(bookmark));
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

namespace {

std::string relativeTo(const std::string& path, const std::string& baseDir) {
  if (path.empty() || path.rfind("/vsi", 0) == 0) return path;
  std::error_code ec;
  const auto relative = std::filesystem::relative(path, baseDir, ec);
  return ec || relative.empty() ? path : relative.generic_string();
}

json filterJson(const EventFilter& f) {
  json out = json::object();
  if (f.fromDay) out["from"] = formatIsoDate(*f.fromDay);
  if (f.toDay) out["to"] = formatIsoDate(*f.toDay);
  for (auto [key, list] : {std::pair{"admin1", &f.admin1}, {"admin2", &f.admin2}, {"admin3", &f.admin3},
                           {"types", &f.eventTypes}, {"sub_types", &f.subEventTypes}, {"actors", &f.actors}})
    if (!list->empty()) out[key] = *list;
  if (!f.interCodes.empty()) out["inter_codes"] = f.interCodes;
  if (!f.interactions.empty()) out["interactions"] = f.interactions;
  if (f.civilianTargetingOnly) out["civilian_targeting_only"] = true;
  if (f.minFatalities) out["min_fatalities"] = f.minFatalities;
  if (!f.text.empty()) out["text"] = f.text;
  for (const RegionShape& region : f.regions) {
    json rings = json::array();
    for (const auto& ring : region.rings) {
      json points = json::array();
      for (const Vec2& p : ring) points.push_back({p.x, p.y});
      rings.push_back(points);
    }
    out["regions"].push_back({{"name", region.name}, {"rings", rings}});
  }
  return out;
}

json viewJson(const SceneView& view) { return {{"centre", {view.centre.lon, view.centre.lat}}, {"scale", view.scaleDenominator}}; }

}  // namespace

std::string sceneToJson(const Scene& scene, const std::string& baseDir) {
  json root = json::object();
  root["sitmap_scene"] = Scene::kFormatVersion;
  if (!scene.title.empty()) root["title"] = scene.title;
  root["crs"] = scene.crs;
  if (scene.homeLonLat) root["home_bbox"] = {scene.homeLonLat->minX, scene.homeLonLat->minY, scene.homeLonLat->maxX, scene.homeLonLat->maxY};
  if (!(scene.background == Scene{}.background)) root["background"] = formatColour(scene.background);
  if (scene.view) root["view"] = viewJson(*scene.view);
  if (scene.clock) root["clock"] = formatUtc(*scene.clock);
  if (scene.windowDays) root["window_days"] = scene.windowDays;
  if (scene.riskDays) root["risk_days"] = scene.riskDays;
  if (!scene.selectedConvoy.empty()) root["selected_convoy"] = scene.selectedConvoy;
  for (const auto& [actor, colour] : scene.actorColours) root["actor_colours"][actor] = formatColour(colour);
  const json filter = filterJson(scene.filter);
  if (!filter.empty()) root["filter"] = filter;
  json layers = json::array();
  const VectorStyle defaults;
  for (const LayerSpec& layer : scene.layers) {
    json l = {{"name", layer.name}, {"path", relativeTo(layer.path, baseDir)}};
    if (!layer.sourceLayer.empty()) l["layer"] = layer.sourceLayer;
    static const char* kinds[] = {"auto", "vector", "raster", "incidents", "control"};
    if (layer.kind != LayerKind::Auto) l["kind"] = kinds[int(layer.kind)];
    if (!layer.visible) l["visible"] = false;
    if (layer.opacity != 1.0f) l["opacity"] = layer.opacity;
    if (layer.scales.minScale > 0) l["min_scale"] = layer.scales.minScale;
    if (layer.scales.maxScale > 0) l["max_scale"] = layer.scales.maxScale;
    if (!layer.attribution.empty()) l["attribution"] = layer.attribution;
    if (!layer.incidentFields.empty()) l["fields"] = layer.incidentFields;
    // Only what differs from the defaults: a default read back is the default itself, bit for bit.
    const VectorStyle& v = layer.vector;
    json style = json::object();
    if (v.filled) style["fill"] = formatColour(v.fill);
    if (!(v.stroke == defaults.stroke)) style["stroke"] = formatColour(v.stroke);
    if (v.strokeWidth != defaults.strokeWidth) style["stroke_width"] = v.strokeWidth;
    if (v.dashed) style["dashed"] = true;
    if (!(v.pointFill == defaults.pointFill)) style["point_fill"] = formatColour(v.pointFill);
    if (v.pointSize != defaults.pointSize) style["point_size"] = v.pointSize;
    if (!v.labelField.empty()) style["label_field"] = v.labelField;
    if (!(v.labelColour == defaults.labelColour)) style["label_colour"] = formatColour(v.labelColour);
    if (!(v.haloColour == defaults.haloColour)) style["halo_colour"] = formatColour(v.haloColour);
    if (v.labelSize != defaults.labelSize) style["label_size"] = v.labelSize;
    if (v.labelUppercase) style["label_uppercase"] = true;
    if (!v.priorityField.empty()) {
      style["priority_field"] = v.priorityField;
      style["priority_order"] = v.priorityAscending ? "ascending" : "descending";
    }
    if (!v.filter.empty()) style["filter"] = v.filter;
    const RasterStyle& raster = layer.raster;
    if (raster.hillshade) style["hillshade"] = true;
    if (raster.resampling != "bilinear") style["resampling"] = raster.resampling;
    for (const ColourStop& stop : raster.ramp) style["ramp"].push_back({stop.value, formatColour(stop.colour)});
    l["style"] = style;
    layers.push_back(l);
  }
  root["layers"] = layers;
  for (const ConvoySpec& c : scene.convoys) {
    json convoy = {{"name", c.name}, {"alert_km", c.alertKm}};
    if (!c.gpxPath.empty()) convoy["gpx"] = relativeTo(c.gpxPath, baseDir);
    if (!c.routePath.empty()) convoy["route"] = relativeTo(c.routePath, baseDir);
    if (!c.routeLayer.empty()) convoy["route_layer"] = c.routeLayer;
    if (!c.waypointsPath.empty()) convoy["waypoints"] = relativeTo(c.waypointsPath, baseDir);
    root["convoys"].push_back(convoy);
  }
  for (const Bookmark& b : scene.bookmarks) {
    json bookmark = {{"name", b.name}, {"view", viewJson(b.view)}};
    if (b.clock) bookmark["clock"] = formatUtc(*b.clock);
    const json bookmarkFilter = filterJson(b.filter);
    if (!bookmarkFilter.empty()) bookmark["filter"] = bookmarkFilter;
    if (!b.layerVisible.empty()) bookmark["layers_visible"] = b.layerVisible;
    root["bookmarks"].push_back(bookmark);
  }
  return root.dump(2) + "\n";
}

Status saveSceneFile(const std::string& path, const Scene& scene, bool overwrite) {
  const std::string text = sceneToJson(scene, std::filesystem::absolute(path).parent_path().string());
  return writeFileAtomically(path, std::vector<uint8_t>(text.begin(), text.end()), overwrite);
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
