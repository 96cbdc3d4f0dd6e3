#!/usr/bin/env bash
# Soak: the real viewer plays the default scene under Xvfb for MINUTES (default 10) while the clock runs, the map
# is panned and zoomed and presentation mode is toggled each half minute; then `sitmap frames` renders FRAMES
# frames (default 1000). Reports resident memory after a one-minute warm-up and at the end, and its growth
# (target: under 1 %). Needs xvfb and xdotool (in tools/debian-packages.txt).
# Usage: bench/soak.sh [MINUTES] [FRAMES]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
minutes=${1:-10}
frames=${2:-1000}
sitmap="$root/build/release/sitmap"
scene="$root/assets/scenes/default.json"
growth() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.2f %%", (b - a) * 100 / a }'; }

xvfb-run -a -s "-screen 0 1600x900x24" bash -c '
  sitmap=$0 scene=$1 minutes=$2
  rss() { awk "/^VmRSS/ {print \$2}" "/proc/$1/status"; }
  "$sitmap" --window 1600x900 "$scene" >/dev/null 2>&1 & pid=$!
  sleep 8
  xdotool mousemove 800 450 click 1 key space     # the clock plays (and loops)
  end=$(( $(date +%s) + minutes * 60 ))
  warm=$(( $(date +%s) + 60 ))
  first=""
  while (( $(date +%s) < end )); do
    for i in $(seq 1 10); do xdotool mousedown 1 mousemove_relative -- 5 2 mouseup 1; done
    xdotool click 4 click 5 key F5; sleep 1; xdotool key Escape
    sleep 25
    if [[ -z $first && $(date +%s) -ge $warm ]]; then first=$(rss $pid); fi
  done
  last=$(rss $pid)
  kill -TERM $pid; wait $pid || true
  echo "viewer $minutes min: RSS $first kB after warm-up, $last kB at the end"
' "$sitmap" "$scene" "$minutes" | tee /tmp/soak-viewer.txt
read -r _ _ _ _ first _ _ last _ < <(sed 's/ kB//g' /tmp/soak-viewer.txt) || true
echo "viewer growth: $(growth "$first" "$last")"

# sitmap frames: peak memory for a tenth of the frames and for all of them; a leak per frame shows as growth.
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for count in $(( frames / 10 )) "$frames"; do
  /usr/bin/time -f "%M" -o "$out/peak-$count" "$sitmap" frames "$scene" --from 2023-10-31T00:00Z --to 2023-11-08T00:00Z \
    --step "$(( 8 * 24 * 3600 / count ))s" --size 640x360 -o "$out/frames-$count" >/dev/null
  echo "frames: $(ls "$out/frames-$count" | wc -l) rendered, peak RSS $(cat "$out/peak-$count") kB"
done
echo "frames growth: $(growth "$(cat "$out/peak-$(( frames / 10 ))")" "$(cat "$out/peak-$frames")")"
