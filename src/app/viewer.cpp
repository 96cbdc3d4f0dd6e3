// The viewer shell: a GLFW window with GL 3.3 core, the map drawn first and ImGui panels on top (the GL3 backend
// restores state). It owns only what needs the window: input, the frame loop, the renderer, screenshots and the
// animation export; every change to the session goes through the SessionController as a command.
// One frame: input -> commands -> controller -> render map -> render panels. Idles when nothing changes.
#include "app/viewer.hpp"
#include "app/viewer_shell.hpp"

#include <thread>

#include "core/text.hpp"
#include "core/workspace_layout.hpp"
#include "ui/panel_window.hpp"

namespace sitmap {

namespace {

// Ctrl-C or SIGTERM ends the loop cleanly (the handler only sets this flag).
std::atomic<bool> g_stopRequested{false};

std::filesystem::path recentScenesFile() {
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home ? home : ".") / ".config" / "sitmap" / "recent-scenes";
}

ControllerOptions controllerOptions(const ViewerOptions& options) {
  ControllerOptions c;
  c.scenePath = options.scenePath;
  c.sceneReadOnly = options.sceneReadOnly;
  c.widthPx = options.windowWidth;
  c.heightPx = options.windowHeight;
  // A scripted screenshot leaves no trace in the recent-scenes list.
  if (options.screenshotPath.empty()) c.recentScenesFile = recentScenesFile();
  return c;
}

}  // namespace

Viewer::Viewer(GLFWwindow* window, MapSession session, std::unique_ptr<MapRenderer> renderer, float contentScale,
               const ViewerOptions& options)
    : m_window(window),
      m_controller(std::move(session), controllerOptions(options)),
      m_renderer(std::move(renderer)),
      m_contentScale(contentScale),
      m_screenshotAndQuit(options.screenshotPath) {}


void Viewer::syncWithController() {
  if (m_controller.takeSessionReplaced()) {
    m_views.reset();
    m_tileErrorsShown.clear();
    m_incidentsPassed.clear();
    m_hoveredEvent.reset();
    m_detailsOpen = false;
    const Scene& scene = m_controller.session().scene();
    const std::string name = scene.title.empty() ? m_controller.scenePath() : scene.title;
    glfwSetWindowTitle(m_window, ("sitmap — " + name).c_str());
  }
  for (LayerId id : m_controller.takeRetiredRendererLayers()) m_renderer->removeLayer(id);
  for (const UserMessage& message : m_controller.takeMessages())
    message.isError ? m_notifications.error(message.text) : m_notifications.info(message.text);
  m_controller.session().syncRenderer(*m_renderer);
}

bool Viewer::collectTiles() {
  bool any = false;
  for (TileResult& result : m_tiles.takeResults()) {
    any = true;
    if (result.image) {
      m_renderer->addTile(result.layer, result.key, *result.image);
    } else if (std::find(m_tileErrorsShown.begin(), m_tileErrorsShown.end(), result.layer) == m_tileErrorsShown.end()) {
      m_tileErrorsShown.push_back(result.layer);  // one message per layer, not one per tile
      m_notifications.error(result.image.error());
    }
  }
  return any;
}

void Viewer::toggleFullscreen() {
  if (glfwGetWindowMonitor(m_window)) {
    glfwSetWindowMonitor(m_window, nullptr, m_windowed[0], m_windowed[1], m_windowed[2], m_windowed[3], 0);
    return;
  }
  glfwGetWindowPos(m_window, &m_windowed[0], &m_windowed[1]);
  glfwGetWindowSize(m_window, &m_windowed[2], &m_windowed[3]);
  GLFWmonitor* monitor = glfwGetPrimaryMonitor();
  if (!monitor) return;
  const GLFWvidmode* mode = glfwGetVideoMode(monitor);
  glfwSetWindowMonitor(m_window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
}

void Viewer::applyWindowCommand(const Command& command) {
  std::visit(
      [&](auto&& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, ToggleFullscreen>) {
          toggleFullscreen();
        } else if constexpr (std::is_same_v<T, ShowEventDetails>) {
          m_detailsEvent = c.event;
          m_detailsOpen = true;
        } else if constexpr (std::is_same_v<T, SetMapTool>) {
          m_tool = c.tool;
        } else if constexpr (std::is_same_v<T, HoverEvent>) {
          m_hoveredEvent = c.event;
        } else if constexpr (std::is_same_v<T, TakeScreenshot>) {
          takeScreenshot(m_shot.scale);
        } else if constexpr (std::is_same_v<T, SetScreenshotOptions>) {
          m_shot = c;
        } else if constexpr (std::is_same_v<T, TogglePresentation>) {
          m_presenting = !m_presenting;
        } else if constexpr (std::is_same_v<T, ExportFrames>) {
          startExport(c);
        } else if constexpr (std::is_same_v<T, CancelExport>) {
          if (m_export) m_export->cancel();
        } else if constexpr (std::is_same_v<T, ToggleHighContrast>) {
          m_highContrast = !m_highContrast;
        } else if constexpr (std::is_same_v<T, ToggleFrameTime>) {
          m_showFrameTime = !m_showFrameTime;
        } else if constexpr (std::is_same_v<T, TogglePanels>) {
          m_panelsHidden = !m_panelsHidden;
        } else if constexpr (std::is_same_v<T, ResetLayout>) {
          m_panelsHidden = false;
          PanelWindow::resetLayout();
        }
      },
      command);
}

bool Viewer::handleInput() {
  bool active = false;
  ImGuiIO& io = ImGui::GetIO();
  Viewport& view = m_controller.view();
  const float fbScale = io.DisplayFramebufferScale.x > 0 ? io.DisplayFramebufferScale.x : 1.0f;
  const Vec2 mouse{io.MousePos.x * fbScale, io.MousePos.y * fbScale};
  if (!io.WantCaptureMouse) {
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f)) {
      view.panPixels(io.MouseDelta.x * fbScale, io.MouseDelta.y * fbScale);
      active = true;
    }
    if (io.MouseWheel != 0) {
      view.zoomAbout(mouse, std::pow(1.25, double(io.MouseWheel)));
      active = true;
    }
  }
  // Keys come from GLFW's callback, every press and repeat in order: ImGui 1.86 polls key state once a frame,
  // so an instant tap (a presenter's clicker) was lost, and held keys repeated once per (slow) frame.
  const std::vector<KeyEvent> keys = std::exchange(m_keyEvents, {});
  if (io.WantCaptureKeyboard) return active || !keys.empty() || ImGui::IsAnyMouseDown();
  const double step = 120 * m_contentScale;
  const Vec2 centre{view.widthPx() / 2.0, view.heightPx() / 2.0};
  for (const KeyEvent& key : keys) {
    const bool shift = key.mods & GLFW_MOD_SHIFT, ctrl = key.mods & GLFW_MOD_CONTROL, repeat = key.action == GLFW_REPEAT;
    // With a clock, left/right step it by a day and space plays; Shift + arrows pan the map.
    const SceneClock& clock = m_controller.session().clock();
    const bool timeKeys = clock.time() && !shift;
    const int bookmark = m_controller.currentBookmark();
    switch (key.key) {
      case GLFW_KEY_LEFT: timeKeys ? m_commands.push_back(StepClock{-86400}) : view.panPixels(step, 0); break;
      case GLFW_KEY_RIGHT: timeKeys ? m_commands.push_back(StepClock{86400}) : view.panPixels(-step, 0); break;
      case GLFW_KEY_UP: view.panPixels(0, step); break;
      case GLFW_KEY_DOWN: view.panPixels(0, -step); break;
      case GLFW_KEY_EQUAL: case GLFW_KEY_KP_ADD: view.zoomAbout(centre, 1.5); break;
      case GLFW_KEY_MINUS: case GLFW_KEY_KP_SUBTRACT: view.zoomAbout(centre, 1 / 1.5); break;
      default: break;
    }
    if (repeat) continue;  // the rest act once per press
    switch (key.key) {
      case GLFW_KEY_SPACE: if (clock.time()) m_commands.push_back(SetPlaying{!clock.playing()}); break;
      case GLFW_KEY_HOME: m_commands.push_back(ZoomHome{}); break;
      case GLFW_KEY_F11: m_commands.push_back(ToggleFullscreen{}); break;
      case GLFW_KEY_F3: m_commands.push_back(ToggleFrameTime{}); break;
      case GLFW_KEY_F5: m_commands.push_back(TogglePresentation{}); break;
      case GLFW_KEY_ESCAPE: if (m_presenting) m_commands.push_back(TogglePresentation{}); break;
      case GLFW_KEY_H: m_commands.push_back(ToggleHighContrast{}); break;
      case GLFW_KEY_TAB: if (!repeat) m_commands.push_back(TogglePanels{}); break;
      case GLFW_KEY_F12: m_commands.push_back(TakeScreenshot{}); break;
      case GLFW_KEY_B: if (!ctrl) m_commands.push_back(AddBookmark{}); break;
      // PageDown/PageUp: what presentation clickers send.
      case GLFW_KEY_PAGE_DOWN: m_commands.push_back(GoToBookmark{bookmark + 1}); break;
      case GLFW_KEY_PAGE_UP: m_commands.push_back(GoToBookmark{std::max(0, bookmark - 1)}); break;
      case GLFW_KEY_S: if (ctrl) m_commands.push_back(SaveScene{"", true}); break;
      default: break;
    }
  }
  active = active || !keys.empty();
  for (int key = 0; key < 512 && !active; ++key) active = io.KeysDown[key];
  return active || io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 || ImGui::IsAnyMouseDown();
}

MapPickView Viewer::pickView() const {
  const MapSession& session = m_controller.session();
  MapPickView pick;
  pick.view = m_controller.view();
  pick.clock = session.clock().time();
  pick.pixelScale = m_contentScale;
  const auto& layers = session.layers();
  for (auto it = layers.rbegin(); it != layers.rend(); ++it)  // topmost first
    if (it->spec.visible && it->control())
      pick.control.push_back({&it->control()->load.features, &it->control()->positions, &it->control()->zones});
  if (const SessionLayer* incidents = session.incidentLayer()) {
    pick.incidents = incidents->events()->table.get();
    pick.incidentPositions = &incidents->events()->positions;
    pick.selection = &incidents->pointSelection;  // what is drawn as points: stretches and tallies are not
    pick.drawing = session.eventDrawing(*incidents, pick.view);
    pick.mapPixelScale = mapPixelScale();
  }
  return pick;
}

void Viewer::hideIdleCursor() {
  // Presenting, the pointer goes once it has rested for three seconds, and comes back when it moves.
  double x = 0, y = 0;
  glfwGetCursorPos(m_window, &x, &y);
  const double now = glfwGetTime();
  if (x != m_cursorAt[0] || y != m_cursorAt[1]) {
    m_cursorAt[0] = x;
    m_cursorAt[1] = y;
    m_cursorMovedAt = now;
  }
  const bool hide = m_presenting && now - m_cursorMovedAt > 3;
  if (hide == m_cursorHidden) return;
  glfwSetInputMode(m_window, GLFW_CURSOR, hide ? GLFW_CURSOR_HIDDEN : GLFW_CURSOR_NORMAL);
  m_cursorHidden = hide;
}

float Viewer::mapPixelScale() const {
  if (!m_presenting) return m_contentScale;
  // Readable from the back of the room: label text at least 1/60 of the screen height.
  return std::max(m_contentScale, float(m_controller.view().heightPx()) / (60.0f * 13.0f));
}

MapFrame Viewer::currentFrame(const Viewport& view, float pixelScale) const {
  const MapSession& session = m_controller.session();
  MapFrame frame = session.frame(view, pixelScale, true);
  if (m_presenting) frame.furniture.northArrow = true;
  frame.highContrast = m_highContrast;
  const int bookmark = m_controller.currentBookmark();
  const auto& bookmarks = session.scene().bookmarks;
  if (bookmark >= 0 && size_t(bookmark) < bookmarks.size())
    frame.furniture.title = (frame.furniture.title.empty() ? "" : frame.furniture.title + " — ") + bookmarks[size_t(bookmark)].name;
  if (const SessionLayer* layer = session.incidentLayer(); layer && (m_hoveredEvent || (m_detailsOpen && m_detailsEvent)))
    frame.highlight = MapFrame::Highlight{layer->rendererId, m_hoveredEvent ? *m_hoveredEvent : *m_detailsEvent};
  return frame;
}

void Viewer::arrangePanels(float statusHeight) {
  // Map first: a sidebar and a bottom strip, in ImGui's units (points), and the map framed into what they leave.
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const WorkspaceLayout layout = workspaceLayout(viewport->Size.x, viewport->Size.y, ImGui::GetFontSize(), statusHeight);
  const auto place = [&](const char* title, const Bbox& box) {
    PanelWindow::arrange(title, ImVec2(viewport->Pos.x + float(box.minX), viewport->Pos.y + float(box.minY)),
                         ImVec2(float(box.width()), float(box.height())));
  };
  place("Map", {layout.mapMenu.minX, layout.mapMenu.minY, layout.mapMenu.minX + 22 * ImGui::GetFontSize(), layout.mapMenu.minY});
  place("Layers", layout.layers);
  place("Incident filters", layout.filters);
  place("Convoy", layout.convoy);
  place("Clock", layout.clock);
  place("Timeline", layout.timeline);
  place("Incidents table", layout.table);
  place("Summary", layout.summary);
  const ImGuiIO& io = ImGui::GetIO();
  const double scale = io.DisplayFramebufferScale.x > 0 ? io.DisplayFramebufferScale.x : 1.0;
  m_mapInsets = m_presenting || m_panelsHidden
                    ? Bbox{0, 0, 0, statusHeight * scale}
                    : Bbox{layout.unobscured.minX * scale, layout.unobscured.minY * scale,
                           (viewport->Size.x - layout.unobscured.maxX) * scale, (viewport->Size.y - layout.unobscured.maxY) * scale};
  m_controller.setMapInsets(m_mapInsets.minX, m_mapInsets.minY, m_mapInsets.maxX, m_mapInsets.maxY);
}

void Viewer::drawPanels(float statusHeight, const IncidentsView& incidents, const std::string& crsName) {
  if (m_panelsHidden) {
    StatusInfo status;
    status.scaleDenominator = m_controller.view().scaleDenominator() * m_contentScale;
    status.crsName = crsName;
    drawStatusBar(status, statusHeight);
    return;
  }
  std::vector<std::pair<std::string, std::string>> bookmarkNames;
  for (const Bookmark& b : m_controller.session().scene().bookmarks)
    bookmarkNames.emplace_back(b.name, b.clock ? formatUtc(*b.clock) : std::string());
  m_layersPanel.draw(m_views.layerRows(m_controller), m_commands);
  m_mapPanel.draw(m_controller.session().displayCrs(), crsName, bookmarkNames, m_controller.recentScenes(),
                  m_controller.session().scene().graticule, m_commands);
  StatusInfo status;
  const ImGuiIO& io = ImGui::GetIO();
  const float fbScale = io.DisplayFramebufferScale.x > 0 ? io.DisplayFramebufferScale.x : 1.0f;
  const Viewport& view = m_controller.view();
  if (!io.WantCaptureMouse && ImGui::IsMousePosValid()) {
    if (auto p = m_controller.session().toLonLat(view.screenToWorld({io.MousePos.x * fbScale, io.MousePos.y * fbScale}))) {
      status.cursorDegrees = formatDecimalDegrees(*p);
      status.cursorMgrs = formatMgrs(*p);
    }
  }
  status.scaleDenominator = view.scaleDenominator() * m_contentScale;
  status.crsName = crsName;
  if (m_showFrameTime) status.frameTime = m_frameTimes.summary();
  drawStatusBar(status, statusHeight);
  m_filtersPanel.draw(incidents, m_commands);
  m_timelinePanel.draw(incidents, statusHeight, m_commands);
  m_tablePanel.draw(incidents, m_commands);
  m_summaryPanel.draw(incidents, m_commands);
  const TimeView time =
      m_views.timeView(m_controller, m_export ? std::optional<float>(m_export->progress()) : std::nullopt);
  m_clockPanel.draw(time, m_commands);
  drawConvoyPanel(time, m_commands);
  // Flag each incident near the route as the convoy reaches it.
  m_incidentsPassed.resize(time.convoys.size(), SIZE_MAX);
  for (size_t c = 0; c < time.convoys.size(); ++c) {
    const auto& passed = time.convoys[c].incidentsSoFar;
    if (m_incidentsPassed[c] != SIZE_MAX && time.playing)
      for (size_t k = m_incidentsPassed[c]; k < passed.size(); ++k)
        m_notifications.info(time.convoys[c].name + " reaches: " + passed[k]);
    m_incidentsPassed[c] = passed.size();
  }
}

int Viewer::run() {
  int activeFrames = 2;
  while (!glfwWindowShouldClose(m_window) && !g_stopRequested) {
    // Tiles that failed stay missing; they must not keep the loop spinning, so only pending work counts.
    const bool busy = m_controller.busy() || !m_tiles.idle() || activeFrames > 0 ||
                      m_controller.session().clock().playing() || m_export || !m_encodes.idle();
    // Busy: full rate, paced by vsync. Idle: sleep until input (a second at most, so Ctrl-C and SIGTERM are
    // heard), and draw nothing when none came: an idle viewer costs no CPU.
    m_inputSeen = false;
    if (busy) {
      glfwPollEvents();
    } else {
      glfwWaitEventsTimeout(1.0);
      hideIdleCursor();
      if (!m_inputSeen && !g_stopRequested && !glfwWindowShouldClose(m_window)) continue;
    }
    hideIdleCursor();
    const auto frameStart = std::chrono::steady_clock::now();

    int fbw = 0, fbh = 0;
    glfwGetFramebufferSize(m_window, &fbw, &fbh);
    bool active = fbw != m_controller.view().widthPx() || fbh != m_controller.view().heightPx();
    m_controller.resize(fbw, fbh);
    active = m_controller.tick(glfwGetTime()) || active;
    syncWithController();
    active = collectTiles() || active;
    active = m_encodes.poll() || active;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    // Drawing a shape, the mouse draws: it does not pan the map.
    const bool drawing = m_tool == MapTool::DrawRectangle || m_tool == MapTool::DrawPolygon;
    bool interacting = drawing ? false : handleInput();
    // While a shape is drawn its keys (Enter, Backspace, Esc) go to the tool, from GLFW's queue: ImGui 1.86 loses
    // an instant tap, and these keys must not act on the map afterwards.
    std::vector<int> toolKeys;
    if (drawing)
      for (const KeyEvent& key : std::exchange(m_keyEvents, {}))
        if (key.action != GLFW_RELEASE) toolKeys.push_back(key.key);
    // Presenting, the map's tooltips are for nobody: the audience sees the map alone.
    if (!m_presenting) interacting = m_mapTools.draw(pickView(), m_tool, toolKeys, m_commands) || interacting;
    active = active || interacting;
    if (m_crsNameFor != m_controller.session().displayCrs()) {  // describing a CRS parses it: once per change
      m_crsNameFor = m_controller.session().displayCrs();
      m_crsName = describeCrs(*crsToWkt(m_crsNameFor));
    }
    const float statusHeight = m_presenting ? 0.0f : ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y * 2;
    arrangePanels(statusHeight);
    const IncidentsView incidents = m_views.incidentsView(m_controller.session(), m_tool, m_hoveredEvent);
    if (!m_presenting) drawPanels(statusHeight, incidents, m_crsName);  // presentation: the map alone
    if (!m_presenting && m_detailsOpen && m_detailsEvent && incidents.table) drawEventDetails(*incidents.table, *m_detailsEvent, m_detailsOpen, m_commands);
    active = m_notifications.draw(ImGui::GetTime(), m_presenting) || active;
    std::vector<Command> commands;
    commands.swap(m_commands);
    for (const Command& command : commands) {
      // The controller turns its own exceptions into messages; the window's commands get the same boundary,
      // so nothing thrown ends the viewer (and takes the user's unsaved bookmarks with it).
      try {
        if (!m_controller.apply(command)) applyWindowCommand(command);
      } catch (const std::exception& e) {
        m_notifications.error(std::string("That did not work: ") + e.what());
      }
      active = true;
    }
    syncWithController();
    ImGui::Render();

    if (fbw > 0 && fbh > 0) {
      stepExport();
      glBindFramebuffer(GL_FRAMEBUFFER, 0);
      m_controller.session().updateSelections(*m_renderer);
      MapFrame frame = currentFrame(m_controller.view(), mapPixelScale());
      const float fbScale = ImGui::GetIO().DisplayFramebufferScale.x > 0 ? ImGui::GetIO().DisplayFramebufferScale.x : 1.0f;
      frame.furniture.bottomInsetPx = std::max<double>(statusHeight * fbScale, m_mapInsets.maxY);
      frame.furniture.leftInsetPx = m_mapInsets.minX;
      frame.furniture.topInsetPx = m_mapInsets.minY;
      const RenderReport report = m_renderer->render(frame);
      const bool missingChanged = report.missingTiles.size() != m_lastMissing.size() ||
                                  !std::equal(report.missingTiles.begin(), report.missingTiles.end(), m_lastMissing.begin(),
                                              [](const MissingTile& a, const MissingTile& b) { return a.layer == b.layer && a.key == b.key; });
      if (missingChanged) m_tiles.request(tileRequests(m_controller.session(), report.missingTiles));
      m_lastMissing = report.missingTiles;
    }
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(m_window);
    const double frameMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - frameStart).count();
    if (interacting) m_frameStats.add(frameMs);
    m_frameTimes.add(frameMs);
    activeFrames = active ? 3 : std::max(0, activeFrames - 1);
    // --screenshot: once nothing is loading and the frame has settled, save it, wait for the file and quit.
    if (!m_screenshotAndQuit.empty() && !m_controller.busy() && !m_controller.fitPending() && m_tiles.idle() &&
        m_lastMissing.empty() && activeFrames == 0) {
      takeScreenshot(1, m_screenshotAndQuit);
      m_screenshotAndQuit.clear();
      while (!m_encodes.idle()) {
        m_encodes.poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
      return m_screenshotFailed ? 2 : 0;
    }
  }
  if (m_export) m_export->cancel();  // closing the viewer ends an unfinished export (its frames are kept)
  return 0;
}


int runViewer(Scene scene, const ViewerOptions& options) {
  std::signal(SIGINT, [](int) { g_stopRequested = true; });
  std::signal(SIGTERM, [](int) { g_stopRequested = true; });
  glfwSetErrorCallback([](int, const char* message) { std::fprintf(stderr, "sitmap: window system: %s\n", message); });
  if (!glfwInit()) {
    std::fprintf(stderr, "sitmap: no display available; use `sitmap render ... -o map.png` to render headless\n");
    return 2;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  glfwWindowHint(GLFW_MAXIMIZED, options.maximised ? GLFW_TRUE : GLFW_FALSE);  // a 4K wall gets the whole wall
  const std::string title = scene.title.empty() ? "sitmap" : "sitmap — " + scene.title;
  GLFWwindow* window = glfwCreateWindow(options.windowWidth, options.windowHeight, title.c_str(), nullptr, nullptr);
  if (!window) {
    glfwTerminate();
    std::fprintf(stderr, "sitmap: cannot open a GL 3.3 window; use `sitmap render` to render headless\n");
    return 2;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(glfwGetProcAddress))) {
    std::fprintf(stderr, "sitmap: cannot load OpenGL 3.3\n");
    return 2;
  }
  float xscale = 1, yscale = 1;
  glfwGetWindowContentScale(window, &xscale, &yscale);
  const float contentScale = std::max(1.0f, xscale);

  int status = 0;
  {
    auto session = MapSession::create(std::move(scene), true);  // convoys read on the task system
    auto renderer = MapRenderer::create();
    if (!session || !renderer) {
      std::fprintf(stderr, "sitmap: %s\n", maskCredentials(!session ? session.error() : renderer.error()).c_str());
      status = 2;
    } else {
      IMGUI_CHECKVERSION();
      ImGui::CreateContext();
      ImGuiIO& io = ImGui::GetIO();
      // The panel layout persists between runs (not for a scripted screenshot, which leaves no trace).
      static std::string iniPath;
      if (options.screenshotPath.empty()) {
        const std::filesystem::path file = recentScenesFile().parent_path() / "imgui.ini";
        std::error_code ec;
        std::filesystem::create_directories(file.parent_path(), ec);
        iniPath = file.string();
      }
      io.IniFilename = iniPath.empty() ? nullptr : iniPath.c_str();
      static const ImWchar latinRanges[] = {0x0020, 0x017F, 0x2010, 0x2027, 0x2190, 0x2193, 0};  // Latin, dashes, arrows
      const float fontSize = 15.0f * contentScale;
      const char* font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
      if (std::filesystem::exists(font)) io.Fonts->AddFontFromFileTTF(font, fontSize, nullptr, latinRanges);
      ImGui::StyleColorsDark();
      ImGui::GetStyle().ScaleAllSizes(contentScale);
      // Opaque panels: map labels never bleed through the text over them.
      ImGui::GetStyle().Colors[ImGuiCol_WindowBg].w = 1.0f;
      // Installed before ImGui's, which calls them after its own: the viewer sees every key event, and knows
      // when any input or exposure came (an idle viewer draws only then).
      glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int, int action, int mods) {
        if (auto* viewer = static_cast<Viewer*>(glfwGetWindowUserPointer(w))) viewer->keyEvent(key, action, mods);
      });
      auto seen = [](GLFWwindow* w) {
        if (auto* viewer = static_cast<Viewer*>(glfwGetWindowUserPointer(w))) viewer->inputSeen();
      };
      static decltype(seen) s_seen = seen;
      glfwSetCursorPosCallback(window, [](GLFWwindow* w, double, double) { s_seen(w); });
      glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int, int, int) { s_seen(w); });
      glfwSetScrollCallback(window, [](GLFWwindow* w, double, double) { s_seen(w); });
      glfwSetCharCallback(window, [](GLFWwindow* w, unsigned int) { s_seen(w); });
      glfwSetWindowFocusCallback(window, [](GLFWwindow* w, int) { s_seen(w); });
      glfwSetCursorEnterCallback(window, [](GLFWwindow* w, int) { s_seen(w); });
      glfwSetWindowRefreshCallback(window, [](GLFWwindow* w) { s_seen(w); });
      glfwSetFramebufferSizeCallback(window, [](GLFWwindow* w, int, int) { s_seen(w); });
      glfwSetDropCallback(window, [](GLFWwindow* w, int count, const char** paths) {
        if (auto* viewer = static_cast<Viewer*>(glfwGetWindowUserPointer(w))) viewer->dropFiles(count, paths);
      });
      ImGui_ImplGlfw_InitForOpenGL(window, true);
      ImGui_ImplOpenGL3_Init("#version 330");
      {
        Viewer viewer(window, std::move(*session), std::move(*renderer), contentScale, options);
        glfwSetWindowUserPointer(window, &viewer);
        status = viewer.run();
        glfwSetWindowUserPointer(window, nullptr);
      }
      ImGui_ImplOpenGL3_Shutdown();
      ImGui_ImplGlfw_Shutdown();
      ImGui::DestroyContext();
    }
  }
  glfwDestroyWindow(window);
  glfwTerminate();
  return status;
}

}  // namespace sitmap
