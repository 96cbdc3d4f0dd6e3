// Scene JSON reading.
#include "io/scene_file.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/civil_date.hpp"
#include "core/text.hpp"
#include "core/utc_time.hpp"
#include "io/file_write.hpp"
#include "io/input_file.hpp"

#include <ogrsf_frmts.h>

#include "io/source_open.hpp"

namespace sitmap {

namespace {

using nlohmann::json;

// Scenes are small (the default is a few KB): a bigger file is data, or a mistake.
constexpr uint64_t kMaxSceneBytes = 64ull << 20;

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
    if (!v->is_number() || !std::isfinite(v->get<double>())) fail(key, "expected a number");
    return v->get<double>();
  }
  // A whole number in [min, max]: checked before it is converted, so 1e300 is a message, not undefined behaviour.
  int32_t integer(const char* key, int32_t fallback, int32_t min, int32_t max) const {
    const double value = number(key, fallback);
    if (!(value >= min && value <= max) || value != std::floor(value))
      fail(key, "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max));
    return int32_t(value);
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

constexpr float kMaxSizePx = 1000;

// [SECTION] Known keys: one pass over the parsed JSON warns of keys the reader would ignore (a misspelt
// "stlye" silently dropping a layer's style), naming the nearest known key.

// The keys an object may have, and for those holding objects (or lists of objects), what those may have.
// Objects of free keys (actor colours, field maps, layer visibility) have no schema and are not checked.
struct KeySchema {
  std::vector<std::string> keys;
  std::map<std::string, const KeySchema*> children;
};

const KeySchema& sceneKeySchema() {
  static const KeySchema view{{"centre", "scale"}, {}};
  static const KeySchema region{{"name", "rings"}, {}};
  static const KeySchema filter{{"from", "to", "admin1", "admin2", "admin3", "types", "sub_types", "actors", "inter_codes",
                                 "interactions", "civilian_targeting_only", "min_fatalities", "text", "regions"},
                                {{"regions", &region}}};
  static const KeySchema style{{"fill", "filled", "stroke", "stroke_width", "dashed", "point_fill", "point_size",
                                "label_field", "priority_field", "priority_order", "label_colour", "halo_colour",
                                "label_size", "label_uppercase", "filter", "hillshade", "resampling", "ramp",
                                "saturation", "lightness", "nodata"},
                               {}};
  static const KeySchema layer{{"path", "name", "layer", "kind", "visible", "opacity", "attribution", "fields",
                                "min_scale", "max_scale", "style", "refresh_s", "listen", "incremental_column", "legend", "filter_in_database", "aggregation", "max_symbol_px"},
                               {{"style", &style}}};
  static const KeySchema convoy{{"name", "route", "route_layer", "waypoints", "gpx", "alert_km", "shown_before_hours",
                                 "shown_after_hours", "route_schematic"},
                                {}};
  static const KeySchema bookmark{{"name", "view", "clock", "filter", "layers_visible"},
                                  {{"view", &view}, {"filter", &filter}}};
  static const KeySchema root{{"sitmap_scene", "title", "crs", "background", "home_bbox", "clock", "window_days",
                               "selected_convoy", "risk_days", "graticule", "actor_colours", "convoys", "view", "filter",
                               "bookmarks", "layers"},
                              {{"convoys", &convoy}, {"view", &view}, {"filter", &filter}, {"bookmarks", &bookmark},
                               {"layers", &layer}}};
  return root;
}

// Edit distance with adjacent transpositions counted as one edit ("stlye" is one from "style").
size_t editDistance(const std::string& a, const std::string& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

void warnUnknownKeys(const json& node, const KeySchema& schema, const std::string& where, std::vector<std::string>& warnings) {
  if (!node.is_object()) return;
  for (const auto& [key, value] : node.items()) {
    if (std::find(schema.keys.begin(), schema.keys.end(), key) == schema.keys.end()) {
      std::string message = where + key + ": unknown key";
      const std::string* nearest = nullptr;
      size_t best = std::max<size_t>(2, key.size() / 3) + 1;  // only suggest what is plausibly a typing slip
      for (const std::string& known : schema.keys)
        if (size_t d = editDistance(key, known); d < best) best = d, nearest = &known;
      if (nearest) message += " (did you mean \"" + *nearest + "\"?)";
      warnings.push_back(message + ", ignored");
      continue;
    }
    auto child = schema.children.find(key);
    if (child == schema.children.end()) continue;
    if (value.is_array()) {
      for (size_t i = 0; i < value.size(); ++i)
        warnUnknownKeys(value[i], *child->second, where + key + "[" + std::to_string(i) + "].", warnings);
    } else {
      warnUnknownKeys(value, *child->second, where + key + ".", warnings);
    }
  }
}

// Whether a JSON text is an object with `key` at its top level, wherever it sits, without building the tree.
bool hasTopLevelKey(const std::string& text, const std::string& wanted) {
  struct Finder : nlohmann::json_sax<json> {
    const std::string& wanted;
    int depth = 0;
    bool found = false;
    explicit Finder(const std::string& w) : wanted(w) {}
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return ++depth, true; }
    bool end_object() override { return --depth, true; }
    bool start_array(std::size_t) override { return depth == 0 ? false : (++depth, true); }  // a list is no scene
    bool end_array() override { return --depth, true; }
    bool key(string_t& k) override {
      found = found || (depth == 1 && k == wanted);
      return !found;  // stop reading as soon as it is found
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
  } finder(wanted);
  try {
    json::sax_parse(text, &finder);
  } catch (const std::exception&) {  // numbers beyond double range and the like: not for this question
  }
  return finder.found;
}

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
  // Sizes are pixels: beyond a few hundred they are typing errors (and beyond float range they would not survive
  // a save and reload).
  for (auto [key, size] : {std::pair{"stroke_width", s.strokeWidth}, {"point_size", s.pointSize}, {"label_size", s.labelSize}})
    if (!(size >= 0 && size <= kMaxSizePx)) r.fail(key, "expected a size from 0 to " + std::to_string(int(kMaxSizePx)) + " px");
  if (s.labelSize <= 0) r.fail("label_size", "expected a positive size");
  return s;
}

RasterStyle readRasterStyle(const Reader& r, const json& node) {
  RasterStyle s;
  s.hillshade = r.boolean("hillshade", false);
  s.saturation = float(r.number("saturation", 1));
  s.lightness = float(r.number("lightness", 0));
  if (!(s.saturation >= 0 && s.saturation <= 1)) r.fail("saturation", "expected 0 (grey) to 1 (as is)");
  if (!(s.lightness >= 0 && s.lightness <= 1)) r.fail("lightness", "expected 0 (as is) to 1 (white)");
  s.resampling = r.string("resampling", s.resampling);
  if (s.resampling != "near" && s.resampling != "bilinear" && s.resampling != "cubic")
    r.fail("resampling", "expected \"near\", \"bilinear\" or \"cubic\"");
  if (const json* nodata = r.find("nodata")) {
    if (!nodata->is_number() || !std::isfinite(nodata->get<double>())) r.fail("nodata", "expected a number");
    s.nodata = nodata->get<double>();
  }
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
      if (!v.is_number_integer() || v.get<int64_t>() < 0 || v.get<int64_t>() > 99) r.fail(key, "expected a list of codes from 0 to 99");
      (std::string(key) == "inter_codes" ? f.interCodes : f.interactions).push_back(int(v.get<int64_t>()));
    }
  }
  f.civilianTargetingOnly = r.boolean("civilian_targeting_only", false);
  f.minFatalities = r.integer("min_fatalities", 0, 0, std::numeric_limits<int32_t>::max());
  f.text = r.string("text");
  if (auto it = node.find("regions"); it != node.end()) {
    if (!it->is_array()) r.fail("regions", "expected a list");
    for (size_t i = 0; i < it->size(); ++i) {
      const json& region = (*it)[i];
      const std::string regionWhere = where + ".regions[" + std::to_string(i) + "]";
      if (!region.is_object()) throw SceneError{regionWhere + ": expected an object with \"name\" and \"rings\""};
      Reader regionReader(region, regionWhere + ".");
      RegionShape shape;
      shape.name = regionReader.string("name", "region");
      const json* rings = regionReader.find("rings");
      if (rings && !rings->is_array()) regionReader.fail("rings", "expected a list of rings of [lon, lat]");
      for (const json& ring : rings ? *rings : json::array()) {
        std::vector<Vec2> points;
        if (!ring.is_array()) regionReader.fail("rings", "expected a list of rings of [lon, lat]");
        for (const json& p : ring) {
          if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number() ||
              !std::isfinite(p[0].get<double>()) || !std::isfinite(p[1].get<double>()))
            regionReader.fail("rings", "rings are lists of [lon, lat]");
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
  if (!centre || !centre->is_array() || centre->size() != 2 || !(*centre)[0].is_number() || !(*centre)[1].is_number() ||
      !(std::abs((*centre)[0].get<double>()) <= 360) || !(std::abs((*centre)[1].get<double>()) <= 90))
    r.fail("centre", "expected [lon, lat] in degrees");
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
  if (isLocalFilePath(layer.path) && std::filesystem::path(layer.path).is_relative())
    layer.path = (baseDir / layer.path).lexically_normal().string();
  layer.name = r.string("name", isConnectionString(layer.path) ? withoutCredentials(layer.path)
                                                               : std::filesystem::path(layer.path).stem().string());
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
  const std::string aggregation = r.string("aggregation", "auto");
  if (auto parsed = parseEventAggregation(aggregation)) layer.incidents.aggregation = *parsed;
  else r.fail("aggregation", "expected \"auto\", \"bins\", \"density\" or \"points\"");
  layer.incidents.maxSymbolPx = float(r.number("max_symbol_px", 0));
  if (!(layer.incidents.maxSymbolPx == 0 || (layer.incidents.maxSymbolPx >= 2 && layer.incidents.maxSymbolPx <= 100)))
    r.fail("max_symbol_px", "expected pixels from 2 to 100 (0: no cap)");
  layer.refreshSeconds = r.number("refresh_s", 0);
  if (!(layer.refreshSeconds == 0 || (layer.refreshSeconds >= 1 && layer.refreshSeconds <= 86400)))
    r.fail("refresh_s", "expected seconds from 1 to 86400 (0: no refresh)");
  layer.listenChannel = r.string("listen");
  if (!layer.listenChannel.empty() &&
      (layer.listenChannel.size() > 63 || !std::all_of(layer.listenChannel.begin(), layer.listenChannel.end(), [](unsigned char c) {
         return std::isalnum(c) || c == '_';
       })))
    r.fail("listen", "expected a PostgreSQL channel name (letters, digits, _; at most 63)");
  if (!layer.listenChannel.empty() && layer.path.rfind("PG:", 0) != 0) r.fail("listen", "only a PG: source can be listened to");
  layer.incrementalColumn = r.string("incremental_column");
  if (!layer.incrementalColumn.empty() && layer.kind != LayerKind::Incidents)
    r.fail("incremental_column", "only an incident layer (\"kind\": \"incidents\") reads new rows by a column");
  layer.filterInDatabase = r.boolean("filter_in_database", false);
  layer.inLegend = r.boolean("legend", false);
  if (layer.filterInDatabase && layer.kind != LayerKind::Incidents)
    r.fail("filter_in_database", "only an incident layer (\"kind\": \"incidents\") is filtered in its database");
  if (layer.filterInDatabase && !layer.incrementalColumn.empty())
    r.fail("filter_in_database", "a layer read by new rows (incremental_column) is read for every filter; choose one");
  layer.scales.minScale = r.number("min_scale", 0);
  if (layer.scales.minScale < 0 || r.number("max_scale", 0) < 0) r.fail("min_scale", "scales are positive denominators (1:N)");
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

Result<Scene> parseScene(const std::string& jsonText, const std::string& baseDir, std::vector<std::string>* warnings) {
  json root;
  try {
    root = json::parse(jsonText);
  } catch (const json::exception& e) {  // parse errors, and numbers beyond double range (out_of_range)
    return Error{std::string("not valid JSON: ") + e.what()};
  }
  if (!root.is_object()) return Error{"not a scene: expected a JSON object"};
  try {
    if (warnings) warnUnknownKeys(root, sceneKeySchema(), "", *warnings);
    Reader r(root, "");
    Scene scene;
    const double version = r.number("sitmap_scene", 0);
    if (version < 1) return Error{"not a sitmap scene (missing \"sitmap_scene\": 1)"};
    if (version > Scene::kFormatVersion)
      return Error{"scene format " + json(version).dump() + " is newer than this sitmap understands (" +
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
    constexpr int32_t kMaxDays = 366 * 100;
    scene.windowDays = r.integer("window_days", 0, 0, kMaxDays);
    scene.selectedConvoy = r.string("selected_convoy");
    scene.riskDays = r.integer("risk_days", 0, 0, kMaxDays);
    scene.graticule = r.boolean("graticule", false);
    if (const json* colours = r.find("actor_colours")) {
      if (!colours->is_object()) r.fail("actor_colours", "expected an object like {\"FAMa\": \"#004488\"}");
      for (const auto& [actor, value] : colours->items()) {
        auto colour = value.is_string() ? parseColour(value.get<std::string>()) : std::nullopt;
        if (!colour) r.fail("actor_colours." + actor, "expected a colour like \"#rrggbb\"");
        scene.actorColours[actor] = *colour;
      }
    }
    if (const json* convoys = r.find("convoys")) {
      if (!convoys->is_array()) r.fail("convoys", "expected a list");
      for (size_t i = 0; i < convoys->size(); ++i) {
        const json& node = (*convoys)[i];
        const std::string where = "convoys[" + std::to_string(i) + "]";
        if (!node.is_object()) throw SceneError{where + ": expected an object"};
        Reader c(node, where + ".");
        ConvoySpec convoy;
        auto resolve = [&](const std::string& path) {
          return !isLocalFilePath(path) || std::filesystem::path(path).is_absolute()
                     ? path
                     : (std::filesystem::path(baseDir) / path).lexically_normal().string();
        };
        convoy.name = c.string("name", "Convoy " + std::to_string(i + 1));
        convoy.routePath = resolve(c.string("route"));
        convoy.routeLayer = c.string("route_layer");
        convoy.waypointsPath = resolve(c.string("waypoints"));
        convoy.gpxPath = resolve(c.string("gpx"));
        convoy.alertKm = c.number("alert_km", convoy.alertKm);
        convoy.routeSchematic = c.boolean("route_schematic", false);
        if (!(convoy.alertKm >= 0 && convoy.alertKm <= 1000)) c.fail("alert_km", "expected a distance from 0 to 1000 km");
        for (auto [key, hours] : {std::pair{"shown_before_hours", &convoy.shownBeforeHours},
                                  std::pair{"shown_after_hours", &convoy.shownAfterHours}}) {
          *hours = c.number(key, *hours);
          if (!(*hours >= 0 && *hours <= 24 * 366)) c.fail(key, "expected hours from 0 to a year");
        }
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
  } catch (const std::exception& e) {  // a JSON type error the checks above missed: still a message, never an abort
    return Error{std::string("unreadable scene: ") + e.what()};
  }
}

Result<Scene> loadSceneFile(const std::string& path, std::vector<std::string>* warnings) {
  auto text = readInputFile(path, kMaxSceneBytes);
  if (!text) return Error{text.error()};
  auto baseDir = std::filesystem::absolute(path).parent_path();
  std::vector<std::string> found;
  auto scene = parseScene(*text, baseDir.string(), &found);
  if (!scene) return Error{path + ": " + scene.error()};
  if (warnings)
    for (const std::string& warning : found) warnings->push_back(path + ": " + warning);
  return scene;
}

bool isSceneFile(const std::string& path) {
  if (!isLocalFilePath(path) || !checkInputFile(path)) return false;
  std::error_code ec;
  if (std::filesystem::file_size(path, ec) > kMaxSceneBytes || ec) return false;
  auto text = readInputFile(path, kMaxSceneBytes);
  return text && hasTopLevelKey(*text, "sitmap_scene");
}

namespace {

// A local path relative to the scene's folder; a URL or connection string as it is, without any password: a
// scene names a PostgreSQL service or takes the password from the environment (PGPASSWORD, ~/.pgpass).
std::string relativeTo(const std::string& path, const std::string& baseDir) {
  if (!isLocalFilePath(path)) return withoutCredentials(path);
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
  if (scene.graticule) root["graticule"] = true;
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
    if (layer.refreshSeconds > 0) l["refresh_s"] = layer.refreshSeconds;
    if (!layer.listenChannel.empty()) l["listen"] = layer.listenChannel;
    if (!layer.incrementalColumn.empty()) l["incremental_column"] = layer.incrementalColumn;
    if (layer.filterInDatabase) l["filter_in_database"] = true;
    if (layer.inLegend) l["legend"] = true;
    if (layer.scales.maxScale > 0) l["max_scale"] = layer.scales.maxScale;
    if (!layer.attribution.empty()) l["attribution"] = layer.attribution;
    if (!layer.incidentFields.empty()) l["fields"] = layer.incidentFields;
    if (layer.incidents.aggregation != EventAggregation::Auto) l["aggregation"] = eventAggregationName(layer.incidents.aggregation);
    if (layer.incidents.maxSymbolPx > 0) l["max_symbol_px"] = layer.incidents.maxSymbolPx;
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
    if (raster.saturation != 1) style["saturation"] = raster.saturation;
    if (raster.lightness != 0) style["lightness"] = raster.lightness;
    if (raster.nodata) style["nodata"] = *raster.nodata;
    for (const ColourStop& stop : raster.ramp) style["ramp"].push_back({stop.value, formatColour(stop.colour)});
    l["style"] = style;
    layers.push_back(l);
  }
  root["layers"] = layers;
  for (const ConvoySpec& c : scene.convoys) {
    json convoy = {{"name", c.name}, {"alert_km", c.alertKm}};
    if (c.shownBeforeHours != ConvoySpec{}.shownBeforeHours) convoy["shown_before_hours"] = c.shownBeforeHours;
    if (c.shownAfterHours != ConvoySpec{}.shownAfterHours) convoy["shown_after_hours"] = c.shownAfterHours;
    if (c.routeSchematic) convoy["route_schematic"] = true;
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
  // Replacing a file is for scenes only: a GeoJSON, a CSV or anything else the user owns is never written over.
  std::error_code ec;
  if (overwrite && std::filesystem::exists(path, ec) && !isSceneFile(path))
    return Error{path + ": exists and is not a sitmap scene; not overwritten (save under another name)"};
  const std::string text = sceneToJson(scene, std::filesystem::absolute(path).parent_path().string());
  return writeFileAtomically(path, std::vector<uint8_t>(text.begin(), text.end()), overwrite);
}

std::vector<LayerSpec> layerSpecsForFile(const std::string& path, size_t& colourIndex, std::vector<std::string>* notes) {
  // Muted, distinguishable defaults (Okabe-Ito hues): translucent fills, solid outlines and symbols.
  static const Rgba palette[] = {{0.00f, 0.45f, 0.70f, 1}, {0.90f, 0.62f, 0.00f, 1}, {0.00f, 0.62f, 0.45f, 1},
                                 {0.80f, 0.47f, 0.65f, 1}, {0.34f, 0.71f, 0.91f, 1}, {0.84f, 0.37f, 0.00f, 1}};
  // A connection string is named without its password; a file or URL by its file name.
  const std::string fileName = isConnectionString(path) ? withoutCredentials(path) : std::filesystem::path(path).filename().string();
  std::vector<std::string> sourceLayers;
  if (auto dataset = openVectorSource(path); dataset && (*dataset)->GetLayerCount() > 1 && (*dataset)->GetRasterCount() == 0) {
    // The layers that draw: attribute tables (a GeoPackage's layer_styles) and empty layers (a GPX's waypoints
    // and routes, a KML's empty folder) are left out, and said so.
    std::vector<std::string> skipped;
    for (int i = 0; i < (*dataset)->GetLayerCount(); ++i) {
      OGRLayer* layer = (*dataset)->GetLayer(i);
      const std::string name = layer->GetName();
      if (layer->GetGeomType() == wkbNone) skipped.push_back(name + " (a table without geometry)");
      else if (layer->GetFeatureCount(TRUE) == 0) skipped.push_back(name + " (empty)");
      else sourceLayers.push_back(name);
    }
    if (notes && !skipped.empty()) {
      std::string text = maskCredentials(path) + ": skipped ";
      for (size_t i = 0; i < skipped.size(); ++i) text += (i ? ", " : "") + skipped[i];
      notes->push_back(text);
    }
  }
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
    layer.inLegend = true;  // a file the user brought is keyed (an incident or control layer keys itself)
    specs.push_back(layer);
  }
  return specs;
}

Scene sceneForFiles(const std::vector<std::string>& paths, std::vector<std::string>* notes) {
  Scene scene;
  scene.background = {1, 1, 1, 1};
  size_t colourIndex = 0;
  for (const std::string& path : paths)
    for (LayerSpec& layer : layerSpecsForFile(path, colourIndex, notes)) scene.layers.push_back(std::move(layer));
  return scene;
}

}  // namespace sitmap
