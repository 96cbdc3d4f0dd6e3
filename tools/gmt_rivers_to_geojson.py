#!/usr/bin/env python3
"""Turns `gmt coast -Ir -M` / `-Ii -M` multisegment text (stdin) into a GeoJSON FeatureCollection of river lines
(stdout), each with its WDBII level: 0 river-lakes, 1 permanent major rivers, 2-4 additional and minor permanent
rivers, 5-7 intermittent rivers (wadis)."""
import json
import re
import sys

features = []
level = None
coords = []


def flush():
    if len(coords) >= 2:
        features.append({
            "type": "Feature",
            "properties": {"wdbii_level": level, "source": "GSHHG/WDBII (LGPL)"},
            "geometry": {"type": "LineString", "coordinates": coords},
        })


for line in sys.stdin:
    if line.startswith(">"):
        flush()
        coords = []
        match = re.search(r"Level (\d+)", line)
        level = int(match.group(1)) if match else None
        continue
    parts = line.split()
    if len(parts) >= 2:
        coords.append([round(float(parts[0]), 5), round(float(parts[1]), 5)])
flush()
json.dump({"type": "FeatureCollection", "features": features}, sys.stdout)
