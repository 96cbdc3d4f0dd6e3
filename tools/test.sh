#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite headless (ctest), then each fuzz harness over a fixed seed and
# number of inputs when clang is installed (tools/fuzz.sh --check; SITMAP_FUZZ=0 skips it).
# tools/test.sh --sanitize: the same suite built with clang's ASan + UBSan instead (preset "sanitize").
# tools/test.sh --tsan: the threaded parts (core, app and io tests: tasks, filter passes, loads, listeners) built
# with clang's ThreadSanitizer (preset "tsan"); GDAL's own lock-order reports are in tools/tsan-suppressions.txt.
if [[ ${1:-} == --tsan ]]; then
  shift
  export SITMAP_PRESET=tsan
  source "$(dirname "$0")/setup.sh"
  export EGL_PLATFORM=surfaceless TSAN_OPTIONS="halt_on_error=1 suppressions=$PWD/tools/tsan-suppressions.txt"
  for suite in core_tests app_tests io_tests; do build/tsan/tests/$suite "$@"; done
  exit 0
fi
if [[ ${1:-} == --sanitize ]]; then
  shift
  export SITMAP_PRESET=sanitize
fi
source "$(dirname "$0")/setup.sh"
# Headless GL: EGL on Mesa's surfaceless platform, software rasterizer, no X needed.
export EGL_PLATFORM=surfaceless
# (Mesa picks llvmpipe here anyway; forcing it under LeakSanitizer makes LSan's tracer crash in one render test.)
[[ ${SITMAP_PRESET:-release} == sanitize ]] || export LIBGL_ALWAYS_SOFTWARE=1
ctest --preset "${SITMAP_PRESET:-release}" "$@"
if [[ ${SITMAP_PRESET:-release} == release && ${SITMAP_FUZZ:-1} != 0 ]]; then
  if command -v clang++ >/dev/null 2>&1; then
    tools/fuzz.sh --check
  else
    echo "fuzz: skipped (clang is not installed)"
  fi
fi
