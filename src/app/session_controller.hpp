// The session controller: applies the panels' commands to the session, its clock, the view and the bookmarks,
// and runs layer loads on the task system. No GLFW, no ImGui, no GL: the viewer shell feeds it commands and input,
// draws what it holds, and hands it the time; tests drive it the same way.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <vector>

#include "app/map_session.hpp"
#include "app/task_system.hpp"
#include "io/pg_listener.hpp"
#include "core/commands.hpp"
#include "core/scene_clock.hpp"
#include "core/text.hpp"
#include "core/viewport.hpp"

namespace sitmap {

struct ControllerOptions {
  std::string scenePath;  // the scene file the session came from; empty: it came from data files (no Ctrl+S)
  int widthPx = 1600, heightPx = 900;
  // Where the recent-scenes list lives (ten, most recent first); empty: not kept (tests, scripted screenshots).
  std::filesystem::path recentScenesFile;
  // Incident tables at least this large are filtered on the task system, off the frame.
  size_t backgroundFilterMinEvents = 200000;
  bool sceneReadOnly = false;  // the scene file is not saved over (the bundled default): Save as only
  std::string urlOpener = "xdg-open";  // the program that opens an incident's source address
};

// A message for the user (the viewer shows it as a notification).
struct UserMessage {
  std::string text;
  bool isError = false;
};

class SessionController {
public:
  SessionController(MapSession session, ControllerOptions options);

  // Applies one command. Commands that belong to the window (fullscreen, screenshots, presentation, export,
  // map tools, hover and details) return false and are left to the shell. Nothing thrown escapes: an exception
  // becomes an error message and the session stays as it was.
  bool apply(const Command& command);
  // Per frame: collects finished loads, moves the clock (real seconds since the last tick) and a flight.
  // True while anything moved or is still moving.
  bool tick(double nowSeconds);

  MapSession& session() { return m_session; }
  const MapSession& session() const { return m_session; }
  Viewport& view() { return m_view; }
  const Viewport& view() const { return m_view; }
  void resize(int widthPx, int heightPx);
  // A new flight from the current view (0.8 s, eased, zoom in log space).
  void flyTo(Vec2 centre, double unitsPerPixel);

  const std::string& scenePath() const { return m_scenePath; }
  int currentBookmark() const { return m_bookmark; }
  bool followingConvoy() const { return m_follow; }
  const std::vector<std::string>& recentScenes() const { return m_recentScenes; }
  // Loads: whether any runs, and how far one layer's is (0..1, or -1 where unknown).
  bool loading() const { return !m_loads.empty() || !m_session.pendingConvoys().empty(); }
  // Any background work (loads, filter passes) still running: the frame loop keeps polling.
  // Work under way (tasks), or a read due once the filter settles: the viewer keeps ticking.
  bool busy() const { return !m_tasks.idle() || filterAwaitingRead(); }
  float loadProgress(uint64_t layer) const;
  bool buildingOverviews(uint64_t layer) const { return m_overviewBuilds.count(layer) > 0; }
  bool fitPending() const { return m_fitPending; }
  // The part of the window panels cover, in pixels from each edge: Home, zoom-to and fly-to frame into the rest.
  void setMapInsets(double left, double top, double right, double bottom) { m_insets = {left, top, right, bottom}; }

  std::vector<UserMessage> takeMessages();
  // Renderer layers that no longer belong to any session layer: the shell removes them (it holds the GL context).
  std::vector<LayerId> takeRetiredRendererLayers();
  // Set when the session was replaced (open scene, CRS change): the shell drops per-session caches.
  bool takeSessionReplaced();

private:
  void startLoads();
  // Live layers: reload those whose interval has passed or whose channel was notified.
  void refreshLiveLayers();
  // Layers filtered in their database: read again once a changed filter settles and asks for rows the last
  // read left out.
  void rereadForFilter();
  // A layer filtered in its database lacks rows the filter asks for (and its read has not failed).
  bool filterAwaitingRead() const;
  // A layer's data read again (a refresh, a wider filter) replaces what the map has; a failure keeps it.
  // `why` names it in the task list and in a failure ("refresh", "reading for the filter").
  void startReread(const SessionLayer& layer, const std::string& why, std::optional<EventFilter> filter);
  // A big raster's overviews, into FILE.ovr on a task; the layer is read again once they are in.
  void buildOverviews(const SessionLayer& layer);
  // The session's convoys not read yet, each on a task (a long GPX track never stalls a frame).
  void startConvoyLoads();
  // The filtered incidents to a CSV or GeoJSON file, on a task.
  void exportFilteredEvents(const std::string& path);
  void fitTo(const Bbox& box);
  void replaceSession(MapSession next);
  void useTasksForLargeFilters();
  void changeCrs(const std::string& crs);
  void openScene(const std::string& path);
  void saveScene(const SaveScene& command);
  void addBookmark();
  void goToBookmark(int index);
  void rememberScene(const std::string& path);
  void pickRegionAt(Vec2 screen);
  void placeAddedLayer(uint64_t uid);
  // A shape drawn on screen (its corners in order) joins the filter's regions as "KIND N".
  void addDrawnRegion(const std::vector<Vec2>& corners, const std::string& kind);
  void retire(LayerId id);
  // Notifications never show a password (a connection string in a path or in libpq's message).
  void info(std::string text) { m_messages.push_back({maskCredentials(text), false}); }
  void error(std::string text) { m_messages.push_back({maskCredentials(text), true}); }

  MapSession m_session;
  Viewport m_view;
  std::string m_scenePath;
  bool m_sceneReadOnly;
  std::filesystem::path m_recentScenesFile;
  std::vector<std::string> m_recentScenes;
  TaskSystem m_tasks;
  std::map<uint64_t, TaskId> m_overviewBuilds;  // layer: the task building its overviews
  std::set<std::string> m_exports;              // files being written by an export task
  std::vector<TaskId> m_convoyLoads;
  struct Load {
    uint64_t layer;
    TaskId task;
  };
  std::vector<Load> m_loads;
  struct LiveLayer {
    double lastRead = -1;  // controller time of the last (re)load, once the layer is first seen ready
    std::unique_ptr<PgListener> listener;
    bool listenTried = false;
    std::optional<TaskId> refreshing;
    std::optional<EventFilter> failedFor;  // the filter whose read last failed
  };
  std::map<uint64_t, LiveLayer> m_live;  // live layers, and layers filtered in their database
  EventFilter m_filterSeen;             // the filter as last seen by rereadForFilter, and since when
  double m_filterSeenSince = 0;
  std::vector<TaskId> m_filterPasses;
  std::vector<uint64_t> m_addedByUser;  // layers added by path or drop, placed by kind once loaded
  size_t m_backgroundFilterMinEvents;
  std::string m_urlOpener;
  bool m_fitPending = true;  // fit the home view once the first layers are in
  bool m_follow = false;
  int m_bookmark = -1;  // the bookmark last gone to
  size_t m_colourIndex = 0;  // default colours of layers added by path or drop
  double m_lastTick = -1;
  struct Flight {
    Vec2 fromCentre, toCentre;
    double fromUnits = 1, toUnits = 1;
    double start = -1;  // set by the first tick after the flight begins
  };
  std::optional<Flight> m_flight;
  double m_now = 0;
  Bbox m_insets{0, 0, 0, 0};  // minX: left, minY: top, maxX: right, maxY: bottom
  std::vector<UserMessage> m_messages;
  std::vector<LayerId> m_retired;
  bool m_sessionReplaced = false;
};

}  // namespace sitmap
