#!/usr/bin/env bash
# Frame times of the real viewer (GLFW window, ImGui panels) while the mouse drags and wheels over the default
# scene, under Xvfb on Mesa llvmpipe. Needs xvfb and xdotool (apt-get install xvfb xdotool).
# Usage: bench/viewer_pan.sh [WIDTHxHEIGHT]   prints: N frames, median, p95, max (ms)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
size=${1:-1920x1080}
export SITMAP_FRAME_STATS=1
xvfb-run -a -s "-screen 0 ${size}x24" bash -c '
  "$0" "$1" & pid=$!
  sleep 4                                   # start-up and first load, not measured by the drag
  xdotool mousemove 900 500
  for round in 1 2 3; do
    xdotool mousedown 1
    for i in $(seq 1 40); do xdotool mousemove_relative -- 6 3; done
    xdotool mouseup 1
    for i in 1 2 3; do xdotool click 4; done
    for i in 1 2 3; do xdotool click 5; done
  done
  kill -TERM $pid; wait $pid' "$root/build/release/sitmap" "$root/assets/scenes/default.json" 2>&1 | grep "frames,"
