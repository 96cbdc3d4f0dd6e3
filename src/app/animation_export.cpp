// Animation export in the viewer's own process: no child process, so progress, cancel and errors are real.
#include "app/animation_export.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "io/file_write.hpp"
#include "io/png_file.hpp"

namespace sitmap {

namespace {
bool ffmpegAvailable() { return std::system("command -v ffmpeg > /dev/null 2>&1") == 0; }
}  // namespace

Result<std::unique_ptr<AnimationExport>> AnimationExport::start(FrameSequence frames, std::string output, std::string source,
                                                                 int widthPx, int heightPx) {
  if (frames.frameCount() <= 0) return Error{"nothing to export: the end is before the start"};
  if (frames.frameCount() > 100000) return Error{"that would be " + std::to_string(frames.frameCount()) + " frames; use a longer step"};
  std::unique_ptr<AnimationExport> job(new AnimationExport);
  job->m_frames = frames;
  job->m_output = std::filesystem::absolute(output).string();
  job->m_source = std::move(source);
  job->m_width = widthPx;
  job->m_height = heightPx;
  if (std::filesystem::path(output).extension() == ".mp4") {
    if (!ffmpegAvailable()) return Error{"an MP4 needs ffmpeg (apt-get install ffmpeg); or give a folder for PNG frames"};
    if (std::filesystem::exists(job->m_output)) return Error{job->m_output + ": already exists (not overwritten)"};
    job->m_temporary = temporaryNameFor(job->m_output);
    const std::string command = "ffmpeg -loglevel error -y -f rawvideo -pix_fmt rgba -s " + std::to_string(widthPx) + "x" +
                                std::to_string(heightPx) + " -r 10 -i - -c:v libx264 -pix_fmt yuv420p " +
                                "-vf 'pad=ceil(iw/2)*2:ceil(ih/2)*2' -f mp4 '" + job->m_temporary + "'";
    job->m_ffmpeg = popen(command.c_str(), "w");
    if (!job->m_ffmpeg) return Error{"cannot start ffmpeg"};
  } else {
    std::error_code ec;
    std::filesystem::create_directories(job->m_output, ec);
    if (ec) return Error{job->m_output + ": cannot create the folder: " + ec.message()};
  }
  return job;
}

AnimationExport::~AnimationExport() {
  if (m_ffmpeg) {
    pclose(m_ffmpeg);
    std::filesystem::remove(m_temporary);
  }
}

std::optional<std::string> AnimationExport::step(const DrawFrame& draw, bool& failed) {
  m_encodes.poll();
  if (m_cancelled || m_error) return finish(failed);
  if (m_next >= m_frames.frameCount()) {
    if (!m_encodes.idle()) return std::nullopt;  // the last encodes are still running
    return finish(failed);
  }
  if (!m_ffmpeg && !m_encodes.idle() && m_next - m_written >= 2) return std::nullopt;  // bounds the images held
  const UtcSeconds t = m_frames.timeOfFrame(m_next);
  auto image = draw(t);
  if (!image) {
    m_error = image.error();
    return finish(failed);
  }
  const int64_t index = m_next++;
  if (m_ffmpeg) {
    if (fwrite(image->pixels.data(), 1, image->pixels.size(), m_ffmpeg) != image->pixels.size()) m_error = "ffmpeg stopped reading";
    ++m_written;
    return std::nullopt;
  }
  char name[32];
  std::snprintf(name, sizeof name, "frame-%05lld.png", static_cast<long long>(index + 1));
  const std::string path = (std::filesystem::path(m_output) / name).string();
  const PngTextChunks provenance = {{"Software", "sitmap (viewer export)"}, {"Source", m_source}, {"Clock", formatUtc(t)}};
  m_encodes.run<Done>(
      "writing " + path,
      [path, image = std::move(*image), provenance](TaskContext&) -> Result<Done> {
        Status written = writePngFile(path, image, false, provenance);
        if (!written) return Error{written.error()};
        return Done{};
      },
      [this](Result<Done> written) {
        if (!written) m_error = written.error();
        else ++m_written;
      });
  return std::nullopt;
}

std::string AnimationExport::finish(bool& failed) {
  failed = m_error.has_value();
  if (m_ffmpeg) {
    const int status = pclose(m_ffmpeg);
    m_ffmpeg = nullptr;
    if (!m_error && !m_cancelled && status != 0) m_error = "ffmpeg failed to encode " + m_output;
    if (m_error || m_cancelled) {
      std::filesystem::remove(m_temporary);
      failed = m_error.has_value();
      return m_error ? "Export failed: " + *m_error : "Export cancelled; no video written";
    }
    if (Status published = publishFile(m_temporary, m_output, false); !published) {
      failed = true;
      return "Export failed: " + published.error();
    }
    return "Animation written to " + m_output;
  }
  if (m_error) return "Export failed after " + std::to_string(m_written) + " frames: " + *m_error;
  if (m_cancelled)
    return "Export cancelled: the " + std::to_string(m_written) + " frames written are kept in " + m_output;
  return std::to_string(m_written) + " frames written to " + m_output;
}

}  // namespace sitmap
