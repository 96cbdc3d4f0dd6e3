// The viewer's images: screenshots (F12, --screenshot) and the in-process animation export, drawn offscreen with
// the window's own renderer.
#include "app/viewer_shell.hpp"

#include <ctime>

namespace sitmap {

Result<RgbaImage> Viewer::capture(const Viewport& view, double scale, bool withShotText) {
  // The same frame as the window (without the status bar), drawn offscreen at `scale`: what `sitmap render`
  // draws for the same scene, view and size.
  MapFrame frame = currentFrame(view.scaled(scale), float(scale) * mapPixelScale());
  frame.furniture.northArrow = true;  // an exported map carries one, as `sitmap render`'s do by default
  if (withShotText) {
    frame.furniture.banner = m_shot.banner;
    if (!m_shot.subtitle.empty()) frame.furniture.subtitle = m_shot.subtitle;
  }
  TileReader reader;
  auto captured = ImageCapture().render(*m_renderer, m_controller.session(), reader, frame);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  return captured;
}

void Viewer::takeScreenshot(double scale, const std::string& requestedPath) {
  // At a chosen size, the image shows what the window shows (widened to the size's shape, never cropped).
  const Viewport& window = m_controller.view();
  const bool chosenSize = m_shot.width > 0 && m_shot.height > 0;
  const Viewport view = chosenSize ? Viewport::fitting(window.visibleBounds(), m_shot.width, m_shot.height) : window;
  auto captured = capture(view, scale, true);
  if (!captured) {
    m_notifications.error("Screenshot: " + captured.error());
    m_screenshotFailed = true;
    return;
  }
  // sitmap-YYYYMMDD-HHMMSS.png in the current folder; -2, -3 ... rather than replacing anything.
  const std::time_t now = std::time(nullptr);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::gmtime(&now));
  std::string path = requestedPath.empty() ? std::string("sitmap-") + stamp + ".png" : requestedPath;
  for (int n = 2; requestedPath.empty() && std::filesystem::exists(path); ++n)
    path = std::string("sitmap-") + stamp + "-" + std::to_string(n) + ".png";
  // Provenance: the scene exactly as it stands (layers, filter, clock, view) travels inside the image.
  const MapSession& session = m_controller.session();
  PngTextChunks provenance = {{"Software", "sitmap (viewer screenshot)"},
                              {"Creation Time", pngCreationTime(std::time(nullptr))},
                              {"Source", m_controller.scenePath()},
                              {"Scene", sceneToJson(session.currentScene(window), std::filesystem::current_path().string())}};
  if (auto clock = session.clock().time()) provenance.push_back({"Clock", formatUtc(*clock)});
  const std::string absolute = std::filesystem::absolute(path).string();
  // Encoding runs off the main thread so the map keeps moving; a notification says where the file went.
  m_encodes.run<Done>(
      "saving " + absolute,
      [image = std::move(*captured), absolute, provenance](TaskContext&) -> Result<Done> {
        Status written = writePngFile(absolute, image, false, provenance);
        if (!written) return Error{written.error()};
        return Done{};
      },
      [this, absolute](Result<Done> written) {
        if (written) {
          m_notifications.info("Screenshot saved: " + absolute);
        } else {
          m_notifications.error(written.error());
          m_screenshotFailed = true;
        }
      });
  m_notifications.info("Saving screenshot " + absolute + " ...");
}

void Viewer::startExport(const ExportFrames& command) {
  if (m_export) return;
  const Viewport& view = m_controller.view();
  auto job = AnimationExport::start({command.from, command.to, command.step}, command.output, m_controller.scenePath(),
                                    view.widthPx(), view.heightPx());
  if (!job) {
    m_notifications.error("Export: " + job.error());
    return;
  }
  m_export = std::move(*job);
  m_notifications.info("Exporting to " + m_export->output());
}

void Viewer::stepExport() {
  if (!m_export) return;
  SceneClock& clock = m_controller.session().clock();
  const auto drawAt = [&](UtcSeconds t) {
    // The export's time for one offscreen frame; the window keeps its own clock.
    const SceneClock saved = clock;
    clock.setTime(t);
    m_controller.session().updateSelections(*m_renderer, true);
    auto image = capture(m_controller.view(), 1, true);
    clock = saved;
    m_controller.session().updateSelections(*m_renderer);
    return image;
  };
  bool failed = false;
  if (auto ended = m_export->step(drawAt, failed)) {
    failed ? m_notifications.error(*ended) : m_notifications.info(*ended);
    m_export.reset();
  }
}

}  // namespace sitmap
