// The viewer's animation export: the frames `sitmap frames` makes, drawn by the viewer's own renderer one per
// viewer frame (the window stays live), encoded as PNGs on the task system or piped to ffmpeg for an MP4.
// Progress is frames done; Cancel stops it (not an error) and says what was kept; errors are real messages.
#pragma once

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "app/task_system.hpp"
#include "core/image.hpp"
#include "core/result.hpp"
#include "core/scene_clock.hpp"

namespace sitmap {

class AnimationExport {
public:
  // `output`: a folder for frame-00001.png ..., or a path ending in .mp4 (needs ffmpeg). `source` is the
  // provenance written into each PNG (the scene it came from).
  static Result<std::unique_ptr<AnimationExport>> start(FrameSequence frames, std::string output, std::string source,
                                                        int widthPx, int heightPx);
  ~AnimationExport();

  // Draws the next frame with `draw` and hands it on; returns a message when the export has ended (done,
  // failed or cancelled), nullopt while it runs.
  using DrawFrame = std::function<Result<RgbaImage>(UtcSeconds)>;
  std::optional<std::string> step(const DrawFrame& draw, bool& failed);
  void cancel() { m_cancelled = true; }
  float progress() const { return float(m_written) / float(std::max<int64_t>(1, m_frames.frameCount())); }
  const std::string& output() const { return m_output; }

private:
  AnimationExport() = default;
  std::string finish(bool& failed);
  FrameSequence m_frames;
  std::string m_output, m_source, m_temporary;
  int m_width = 0, m_height = 0;
  int64_t m_next = 0, m_written = 0;
  bool m_cancelled = false;
  std::optional<std::string> m_error;
  FILE* m_ffmpeg = nullptr;
  TaskSystem m_encodes;  // PNG encodes, at most two in flight
};

}  // namespace sitmap
