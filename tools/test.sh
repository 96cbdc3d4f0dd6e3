#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite headless (ctest).
source "$(dirname "$0")/setup.sh"
# Headless GL: EGL on Mesa's surfaceless platform, software rasterizer, no X needed.
export EGL_PLATFORM=surfaceless LIBGL_ALWAYS_SOFTWARE=1
ctest --preset release "$@"
