// Headless rendering: a scene drawn into an offscreen target with no display (EGL surfaceless).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/geometry.hpp"
#include "core/image.hpp"
#include "core/result.hpp"
#include "core/event_filter.hpp"
#include "core/scene.hpp"

namespace sitmap {

struct RenderOptions {
  int width = 1920;   // pixels (times `scale`); past 1920 x 1080 text and lines grow with the size
  int height = 1080;
  double scale = 1;   // output pixels per logical pixel; styles scale with it
  std::optional<Bbox> bboxLonLat;  // default: the scene's home view
  std::optional<std::string> crs;  // overrides the scene's display CRS
  bool furniture = true;
  std::optional<EventFilter> eventFilter;  // incidents drawn: those passing it (default: all)
  std::optional<int64_t> time;             // the clock (UTC seconds); default: the scene's clock
  std::optional<int32_t> windowDays;       // with a time: incidents of the last N days, fading (default: the scene's)
  std::optional<std::string> title;        // replaces the scene's title
  std::string subtitle;
  std::string bookmark;                    // a scene bookmark's view, clock, filter and layers
  std::string banner;                      // classification / handling banner at top and bottom
  bool northArrow = false;
  std::string author;                      // "Map: AUTHOR, 2 Dec 2026" above the attribution
  bool disclaimer = false;                 // the boundary disclaimer above the attribution
  bool graticule = false;                  // meridians and parallels even where the scene has none
  bool highContrast = false;
};

class MapSession;

// A scene loaded once and rendered headless as often as needed (animation frames move its clock).
class HeadlessMap {
public:
  // Loads every layer (failing on the first that cannot load) and sets up the offscreen target.
  static Result<HeadlessMap> open(Scene scene, const RenderOptions& options);
  HeadlessMap(HeadlessMap&&) noexcept;
  ~HeadlessMap();
  MapSession& session();
  // One image with all raster tiles in place.
  Result<RgbaImage> render();
  // The last image's title and caption (the line under the title), for the PNG's Title and Description.
  const std::string& title() const;
  const std::string& caption() const;

private:
  HeadlessMap();
  struct State;
  std::unique_ptr<State> m_state;
};

// `title` and `caption` (optional) receive what the image's title and caption say.
Result<RgbaImage> renderScene(Scene scene, const RenderOptions& options, std::string* title = nullptr,
                              std::string* caption = nullptr);

}  // namespace sitmap
