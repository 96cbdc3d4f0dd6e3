#!/usr/bin/env bash
# Whole-process `sitmap render` of N SYNTHETIC incidents from a CSV, a GeoPackage and a PostGIS table, unfiltered
# and with a one-month filter (sent to SQL for the two databases), interleaved run by run: medians per case.
# Usage: bench/postgis_side_by_side.sh [EVENTS] [RUNS]   (build first; needs postgresql-15-postgis-3 and gdal-bin)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/build/release/sitmap"
events=${1:-100000}
runs=${2:-5}
work=$(mktemp -d)
trap '"$root/tools/test-servers" stop "$work/servers" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

"$root/build/release/bench/sitmap-generate-events" "$events" "$work/events.csv" >/dev/null
ogr2ogr -f GPKG "$work/events.gpkg" "$work/events.csv" -oo X_POSSIBLE_NAMES=longitude -oo Y_POSSIBLE_NAMES=latitude \
  -oo AUTODETECT_TYPE=YES -a_srs EPSG:4326 -nln incidents
"$root/tools/test-servers" start "$work/servers" >/dev/null
declare -A pg
while IFS='=' read -r key value; do pg[$key]=$value; done < "$work/servers/pg.info"
[[ -n "${pg[port]:-}" ]] || { echo "PostgreSQL unavailable: ${pg[unavailable]:-?}" >&2; exit 1; }
export PGPASSWORD=${pg[password]}
# The schema docs/team.md gives: the export's columns as text, a point, and indexes for the filter.
columns=$(head -1 "$work/events.csv" | sed 's/,/ text, /g; s/$/ text/')
psql -X -q -v ON_ERROR_STOP=1 -h "${pg[host]}" -p "${pg[port]}" -U "${pg[user]}" -d "${pg[dbname]}" <<SQL
CREATE TABLE incidents ($columns);
\copy incidents FROM '$work/events.csv' CSV HEADER
ALTER TABLE incidents ADD COLUMN geom geometry(Point, 4326);
UPDATE incidents SET geom = ST_SetSRID(ST_MakePoint(longitude::float8, latitude::float8), 4326);
CREATE INDEX ON incidents USING gist (geom);
CREATE INDEX ON incidents (event_date);
VACUUM ANALYZE incidents;
SQL
connection="PG:host=${pg[host]} port=${pg[port]} dbname=${pg[dbname]} user=${pg[user]}"
scene() { printf '{"sitmap_scene": 1, "layers": [{"path": "%s", "layer": "incidents", "kind": "incidents"}]}\n' "$1" > "$work/$2.json"; }
scene "$work/events.csv" csv
scene "$work/events.gpkg" gpkg
scene "$connection" postgis

declare -A times
filters=("whole:" "one month:--from 2021-03-01 --to 2021-03-31")
for ((i = 0; i < runs; i++)); do
  for source in csv gpkg postgis; do
    for entry in "${filters[@]}"; do
      name=${entry%%:*}
      start=$(date +%s.%N)
      # shellcheck disable=SC2086  # the filter is words on purpose
      "$bin" render "$work/$source.json" ${entry#*:} --size 1920x1080 -o "$work/map.png" --overwrite
      end=$(date +%s.%N)
      times[$source/$name]+="$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }') "
    done
  done
done
for source in csv gpkg postgis; do
  for entry in "${filters[@]}"; do
    name=${entry%%:*}
    median=$(printf '%s\n' ${times[$source/$name]} | sort -n | sed -n "$(((runs + 1) / 2))p")
    printf '%-8s %-10s %d events  median %.2f s over %d runs\n' "$source" "$name" "$events" "$median" "$runs"
  done
done
