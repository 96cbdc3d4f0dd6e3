#!/usr/bin/env bash
# Shared set-up for tools/run.sh and tools/test.sh: installs missing Debian packages, configures and builds.
# Sourced, not run: leaves $SITMAP_ROOT and $SITMAP_BIN set for the caller.
set -euo pipefail
SITMAP_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$SITMAP_ROOT"

mapfile -t wanted < <(grep -v '^\s*#' tools/debian-packages.txt | grep -v '^\s*$')
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: missing Debian packages. Run once:" >&2
    echo "  sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

preset=${SITMAP_PRESET:-release}
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
SITMAP_BIN="$SITMAP_ROOT/build/$preset/sitmap"
