#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, ASan + UBSan; preset "fuzz") and runs each for SECONDS (default 20),
# from its seed corpus and regression inputs, with its dictionary. New interesting inputs go to a scratch folder
# (the repository's corpus is only read); a crash leaves its input under build/fuzz/artifacts/ and fails the run:
# copy it into tests/fuzz/regressions/<harness>/ with the fix, so the ordinary suite replays it for ever.
# Usage: tools/fuzz.sh [SECONDS] [HARNESS ...]      explore: random seed, for SECONDS each
#        tools/fuzz.sh --check [HARNESS ...]        the suite's run: a fixed seed and a fixed number of inputs
#                                                   per harness, so the same tree always gives the same verdict
set -euo pipefail
cd "$(dirname "$0")/.."
check=false
if [[ ${1:-} == --check ]]; then
  check=true
  shift
  seconds=0
else
  seconds=${1:-20}
  shift || true
fi
harnesses=("$@")
((${#harnesses[@]})) || harnesses=(acled_csv dates scene gpx control waypoints options)
declare -A dictionary=([acled_csv]=acled [scene]=scene [gpx]=gpx [control]=geojson [waypoints]=waypoints)
# --check: inputs per harness, about 10-20 s each on this 2-core machine.
declare -A checkRuns=([acled_csv]=20000 [dates]=2000000 [scene]=100000 [gpx]=30000 [control]=30000 [waypoints]=50000 [options]=500000)

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
mkdir -p build/fuzz/artifacts
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
for harness in "${harnesses[@]}"; do
  mkdir -p "$scratch/$harness"
  options=(-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="build/fuzz/artifacts/$harness-")
  if $check; then options+=(-seed=1 -runs="${checkRuns[$harness]}"); else options+=(-max_total_time="$seconds"); fi
  [[ -n ${dictionary[$harness]:-} ]] && options+=(-dict="tests/fuzz/dict/${dictionary[$harness]}.dict")
  log="build/fuzz/$harness.log"
  if ASAN_OPTIONS=detect_leaks=0 build/fuzz/tests/fuzz/fuzz_"$harness" "${options[@]}" "$scratch/$harness" \
       "tests/fuzz/corpus/$harness" "tests/fuzz/regressions/$harness" >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    echo "fuzz: $harness: $runs executions, no crash"
  else
    echo "fuzz: $harness FAILED (log: $log; input under build/fuzz/artifacts/)" >&2
    tail -30 "$log" >&2
    status=1
  fi
done
exit $status
