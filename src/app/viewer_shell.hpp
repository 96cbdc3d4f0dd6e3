// The viewer shell's class, shared by its two source files: viewer.cpp (frame loop, input, window) and
// viewer_capture.cpp (screenshots and the animation export). Internal to src/app.
#pragma once

// glad's header must come before GLFW's, which would otherwise pull in the system GL header.
#include "render/gl.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include "app/animation_export.hpp"
#include "app/viewer.hpp"
#include "app/image_capture.hpp"
#include "app/panel_views.hpp"
#include "app/session_controller.hpp"
#include "app/task_system.hpp"
#include "app/tile_loading.hpp"
#include "core/frame_times.hpp"
#include "core/geodesy.hpp"
#include "io/crs.hpp"
#include "io/png_file.hpp"
#include "io/scene_file.hpp"
#include "render/map_renderer.hpp"
#include "ui/clock_panel.hpp"
#include "ui/events_table_panel.hpp"
#include "ui/filters_panel.hpp"
#include "ui/layers_panel.hpp"
#include "ui/map_panel.hpp"
#include "ui/map_tools.hpp"
#include "ui/notifications.hpp"
#include "ui/status_bar.hpp"
#include "ui/summary_panel.hpp"
#include "ui/timeline_panel.hpp"

namespace sitmap {

// SITMAP_FRAME_STATS=1: times of the frames drawn while the user interacts, summarised on exit;
// bench/viewer_pan.sh reads it.
class FrameStats {
public:
  FrameStats() : m_enabled(std::getenv("SITMAP_FRAME_STATS") != nullptr) {}
  void add(double ms) {
    if (m_enabled) m_ms.push_back(ms);
  }
  ~FrameStats() {
    if (!m_enabled || m_ms.empty()) return;
    std::sort(m_ms.begin(), m_ms.end());
    auto at = [&](double q) { return m_ms[std::min(m_ms.size() - 1, size_t(q * double(m_ms.size())))]; };
    std::fprintf(stderr, "sitmap: %zu frames, median %.1f ms, p95 %.1f ms, max %.1f ms\n", m_ms.size(), at(0.5),
                 at(0.95), m_ms.back());
  }

private:
  bool m_enabled;
  std::vector<double> m_ms;
};

class Viewer {
public:
  Viewer(GLFWwindow* window, MapSession session, std::unique_ptr<MapRenderer> renderer, float contentScale,
         const ViewerOptions& options);

  int run();
  void keyEvent(int key, int action, int mods) {
    m_inputSeen = true;
    if (action == GLFW_PRESS || action == GLFW_REPEAT) m_keyEvents.push_back({key, action, mods});
  }
  void dropFiles(int count, const char** paths) {
    m_inputSeen = true;
    for (int i = 0; i < count; ++i) m_commands.push_back(AddLayerFromPath{paths[i]});
  }
  void inputSeen() { m_inputSeen = true; }

private:
  // Hands the controller's results to the window: messages, renderer layers to drop and to add.
  void syncWithController();
  bool collectTiles();
  // True while the user is interacting (dragging, wheeling, holding a key).
  bool handleInput();
  // The commands the controller leaves to the window.
  void applyWindowCommand(const Command& command);
  void toggleFullscreen();
  MapPickView pickView() const;
  void hideIdleCursor();       // presenting: the pointer hidden once it has rested a few seconds
  float mapPixelScale() const;  // presentation mode scales the map's text for the back of the room
  MapFrame currentFrame(const Viewport& view, float pixelScale) const;
  Result<RgbaImage> capture(const Viewport& view, double scale, bool withShotText);
  // Draws the frame offscreen at `scale`; the PNG goes to `path` (empty: a new sitmap-YYYYMMDD-HHMMSS.png).
  void takeScreenshot(double scale, const std::string& path = {});
  void startExport(const ExportFrames& command);
  void stepExport();
  void drawPanels(float statusHeight, const IncidentsView& incidents, const std::string& crsName);

  GLFWwindow* m_window;
  SessionController m_controller;
  std::unique_ptr<MapRenderer> m_renderer;
  float m_contentScale;
  TileLoader m_tiles;
  std::vector<MissingTile> m_lastMissing;
  std::vector<LayerId> m_tileErrorsShown;
  std::vector<Command> m_commands;
  struct KeyEvent {
    int key, action, mods;
  };
  std::vector<KeyEvent> m_keyEvents;  // since the last frame, from GLFW's key callback
  bool m_inputSeen = false;           // any input or exposure since the last wait
  LayersPanel m_layersPanel;
  MapPanel m_mapPanel;
  FiltersPanel m_filtersPanel;
  TimelinePanel m_timelinePanel;
  EventsTablePanel m_tablePanel;
  SummaryPanel m_summaryPanel;
  ClockPanel m_clockPanel;
  MapTools m_mapTools;
  PanelViews m_views;
  Notifications m_notifications;
  int m_windowed[4] = {100, 100, 1600, 900};
  std::string m_crsNameFor, m_crsName;
  FrameStats m_frameStats;
  FrameTimes m_frameTimes;      // every drawn frame, for the F3 readout
  bool m_showFrameTime = false;
  MapTool m_tool = MapTool::Navigate;
  std::optional<uint32_t> m_hoveredEvent;  // from the table
  std::optional<uint32_t> m_detailsEvent;
  bool m_detailsOpen = false;
  // Per convoy: how many nearby incidents it had passed, to flag new ones.
  std::vector<size_t> m_incidentsPassed;
  std::string m_screenshotAndQuit;  // --screenshot: the PNG to write once everything is drawn
  bool m_screenshotFailed = false;
  bool m_presenting = false;
  double m_cursorAt[2] = {-1, -1};  // where the pointer was last seen, and when it last moved
  double m_cursorMovedAt = 0;
  bool m_cursorHidden = false;
  bool m_panelsHidden = false;  // Tab: the map alone, the status bar kept
  void arrangePanels(float statusHeight);
  Bbox m_mapInsets{0, 0, 0, 0};  // what the panels cover, px from each edge (minX left, minY top, maxX right, maxY bottom)
  bool m_highContrast = false;
  SetScreenshotOptions m_shot{1, "", ""};  // scale, banner and subtitle of F12's images
  TaskSystem m_encodes;                    // screenshot PNG encodes, off the main thread
  std::unique_ptr<AnimationExport> m_export;
};

}  // namespace sitmap
