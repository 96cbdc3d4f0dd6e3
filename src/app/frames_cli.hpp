// `sitmap frames`: an animation of the clock as numbered PNGs (or an MP4 through ffmpeg when installed).
#pragma once

#include <optional>
#include <string>

#include "app/headless_render.hpp"

namespace sitmap {

struct FramesRequest {
  std::string scene, from, to, step, speed, output;
  double fps = 0;
  bool overwrite = false;
  RenderOptions render;
};

int runFrames(const FramesRequest& request);

}  // namespace sitmap
