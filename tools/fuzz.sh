#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, ASan + UBSan; preset "fuzz") and runs each for SECONDS (default 20),
# from its seed corpus and regression inputs, with its dictionary. New interesting inputs go to a scratch folder
# (the repository's corpus is only read); a crash leaves its input under build/fuzz/artifacts/ and fails the run:
# copy it into tests/fuzz/regressions/<harness>/ with the fix, so the ordinary suite replays it for ever.
# Usage: tools/fuzz.sh [SECONDS] [HARNESS ...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
shift || true
harnesses=("$@")
((${#harnesses[@]})) || harnesses=(acled_csv dates scene gpx control)
declare -A dictionary=([acled_csv]=acled [scene]=scene [gpx]=gpx [control]=geojson)

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
mkdir -p build/fuzz/artifacts
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
for harness in "${harnesses[@]}"; do
  mkdir -p "$scratch/$harness"
  options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
           -artifact_prefix="build/fuzz/artifacts/$harness-")
  [[ -n ${dictionary[$harness]:-} ]] && options+=(-dict="tests/fuzz/dict/${dictionary[$harness]}.dict")
  log="build/fuzz/$harness.log"
  if ASAN_OPTIONS=detect_leaks=0 build/fuzz/tests/fuzz/fuzz_"$harness" "${options[@]}" "$scratch/$harness" \
       "tests/fuzz/corpus/$harness" "tests/fuzz/regressions/$harness" >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    echo "fuzz: $harness: $runs executions in ${seconds}s, no crash"
  else
    echo "fuzz: $harness FAILED (log: $log; input under build/fuzz/artifacts/)" >&2
    tail -30 "$log" >&2
    status=1
  fi
done
exit $status
