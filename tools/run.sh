#!/usr/bin/env bash
# Sets up, builds and opens the viewer on the default northern-Mali scene (or on the arguments given).
# With no display it renders the default view to sitmap-default.png instead.
source "$(dirname "$0")/setup.sh"
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  exec "$SITMAP_BIN" "$@"
fi
echo "run: no display found; rendering the default view headless to sitmap-default.png"
"$SITMAP_BIN" render "${@:-assets/scenes/default.json}" -o sitmap-default.png --size 1920x1080 --overwrite
echo "run: wrote $PWD/sitmap-default.png"
