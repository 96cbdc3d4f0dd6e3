// Animation export: one fully rendered frame per clock step, the date drawn on each.
#include "app/frames_cli.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "app/cli_common.hpp"
#include "app/map_session.hpp"
#include "core/option_values.hpp"
#include "core/scene_clock.hpp"
#include "core/utc_time.hpp"
#include "io/file_write.hpp"
#include "io/png_file.hpp"
#include "io/scene_file.hpp"

namespace sitmap {

namespace {

bool ffmpegAvailable() { return std::system("command -v ffmpeg > /dev/null 2>&1") == 0; }

}  // namespace

int runFrames(const FramesRequest& request) {
  const auto from = parseUtc(request.from), to = parseUtc(request.to);
  if (!from) return fail(kExitUsage, "--from: cannot read the time '" + request.from + "'");
  if (!to) return fail(kExitUsage, "--to: cannot read the time '" + request.to + "'");
  if (*to < *from) return fail(kExitUsage, "--to is before --from");
  std::optional<int64_t> step;
  double fps = 10;
  if (!request.step.empty()) {
    step = parseDuration(request.step);
    if (!step) return fail(kExitUsage, "--step: expected a duration like 6h or 1d");
  } else if (request.fps > 0 && !request.speed.empty()) {
    const auto speed = parseDuration(request.speed);  // clock time per second of video
    if (!speed) return fail(kExitUsage, "--speed: expected clock time per second, like 1d");
    fps = request.fps;
    step = std::max<int64_t>(1, int64_t(double(*speed) / request.fps));
  } else {
    return fail(kExitUsage, "give --step DURATION, or --fps N with --speed DURATION");
  }
  if (request.fps > 0) fps = request.fps;
  const FrameSequence frames{*from, *to, *step};
  const int64_t count = frames.frameCount();
  if (count > 100000) return fail(kExitUsage, "that would be " + std::to_string(count) + " frames; use a longer --step");

  const bool mp4 = std::filesystem::path(request.output).extension() == ".mp4";
  if (mp4 && !ffmpegAvailable()) return fail(kExitBadInput, "MP4 needs ffmpeg (apt-get install ffmpeg); or give a folder for PNG frames");
  if (mp4 && !request.overwrite && std::filesystem::exists(request.output))
    return fail(kExitUsage, request.output + ": already exists (add --overwrite to replace it)");
  if (!mp4) {
    std::error_code ec;
    std::filesystem::create_directories(request.output, ec);
    if (ec) return fail(kExitBadInput, request.output + ": cannot create the folder: " + ec.message());
  }

  auto scene = loadSceneReportingWarnings(request.scene);
  if (!scene) return fail(kExitBadInput, scene.error());
  RenderOptions options = request.render;
  options.time = *from;
  auto map = HeadlessMap::open(std::move(*scene), options);
  if (!map) return fail(kExitBadInput, map.error());

  FILE* pipe = nullptr;
  std::string temporary;
  if (mp4) {
    temporary = temporaryNameFor(request.output);
    const auto w = long(std::lround(options.width * options.scale)), h = long(std::lround(options.height * options.scale));
    const std::string command = "ffmpeg -loglevel error -y -f rawvideo -pix_fmt rgba -s " + std::to_string(w) + "x" +
                                std::to_string(h) + " -r " + std::to_string(fps) + " -i - -c:v libx264 -pix_fmt yuv420p " +
                                "-vf 'pad=ceil(iw/2)*2:ceil(ih/2)*2' -f mp4 '" + temporary + "'";
    pipe = popen(command.c_str(), "w");
    if (!pipe) return fail(kExitBadInput, "cannot start ffmpeg");
  }
  for (int64_t i = 0; i < count; ++i) {
    const UtcSeconds t = frames.timeOfFrame(i);
    map->session().clock().setTime(t);
    auto image = map->render();
    if (!image) {
      if (pipe) pclose(pipe);
      return fail(kExitBadInput, image.error());
    }
    if (pipe) {
      fwrite(image->pixels.data(), 1, image->pixels.size(), pipe);
      continue;
    }
    char name[32];
    std::snprintf(name, sizeof name, "frame-%05lld.png", static_cast<long long>(i + 1));
    const std::string path = (std::filesystem::path(request.output) / name).string();
    auto written = writePngFile(path, *image, request.overwrite,
                                {{"Software", "sitmap " SITMAP_VERSION}, {"Source", request.scene}, {"Clock", formatUtc(t)}});
    if (!written) return fail(kExitBadInput, written.error());
  }
  if (pipe) {
    if (pclose(pipe) != 0) return fail(kExitBadInput, "ffmpeg failed to encode " + request.output);
    if (auto published = publishFile(temporary, request.output, request.overwrite); !published)
      return fail(kExitBadInput, published.error());
  }
  std::fprintf(stderr, "sitmap: wrote %lld frames to %s\n", static_cast<long long>(count), request.output.c_str());
  return kExitOk;
}

}  // namespace sitmap
