#!/usr/bin/env bash
# Whole-process time of `sitmap render` on the default scene, start to written PNG: median of N runs.
# Usage: bench/render_cli.sh [RUNS]   (build first: tools/test.sh or cmake --build --preset release)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/build/release/sitmap"
runs=${1:-7}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for size in 1920x1080 3840x2160; do
  times=()
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s.%N)
    "$bin" render -o "$out/map.png" --size "$size" --overwrite
    end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
  printf 'render default scene %-10s median %.3f s over %d runs\n' "$size" "$median" "$runs"
done
