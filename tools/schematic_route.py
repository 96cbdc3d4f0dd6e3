#!/usr/bin/env python3
"""Writes the Kidal - Anefis - Tabankort - Tarkint - Gao main route as a GeoJSON line through the sourced towns.

The line is schematic: straight legs between towns (~314 km) against ~350 km reported by road.
Usage: schematic_route.py places.csv > routes.geojson
"""
import csv
import json
import sys

STOPS = ["Kidal", "Anéfis", "Tabankort", "Tarkint", "Gao"]
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    places = {row["name"]: row for row in csv.DictReader(f)}
coords = [[float(places[name]["longitude"]), float(places[name]["latitude"])] for name in STOPS]
feature = {
    "type": "Feature",
    "properties": {
        "name": "Kidal – Gao (Tilemsi axis)",
        "via": " – ".join(STOPS),
        "schematic": 1,
        "label": "schematic route",  # what the map writes on the line, so it never passes for a surveyed road
        "note": "Schematic: straight legs between sourced towns; the road is about 350 km (RFI, AFP).",
        "source": "Towns from assets/data/places.csv; route per RFI reporting (see assets/SOURCES.md)",
    },
    "geometry": {"type": "LineString", "coordinates": coords},
}
json.dump({"type": "FeatureCollection", "features": [feature]}, sys.stdout, ensure_ascii=False)
