#!/usr/bin/env python3
"""Writes the main road axes the reporting names as GeoJSON lines through sourced towns (assets/data/places.csv).

No open road network for Mali could be obtained (../shared/basemap-sources/SOURCES.md), so each axis is
schematic: straight legs between the towns it is reported to link, labelled so on the map. The Kidal - Gao
route the convoy used is in the `routes` layer (tools/schematic_route.py); these are the others.
Usage: schematic_axes.py places.csv > axes.geojson
"""
import csv
import json
import sys

AXES = [
    ("Gao – Bourem – Tombouctou (river road)", ["Gao", "Bourem", "Bamba", "Gourma-Rharous", "Tombouctou"]),
    ("Gao – Ansongo – Ménaka", ["Gao", "Ansongo", "Ménaka"]),
    ("Kidal – Aguelhok – Tessalit", ["Kidal", "Aguelhok", "Tessalit"]),
]
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    places = {row["name"]: row for row in csv.DictReader(f)}
features = []
for name, stops in AXES:
    coords = [[float(places[s]["longitude"]), float(places[s]["latitude"])] for s in stops]
    features.append({
        "type": "Feature",
        "properties": {"name": name, "via": " – ".join(stops), "schematic": 1, "label": name + ", schematic",
                       "note": "Schematic: straight legs between sourced towns, not a surveyed road.",
                       "source": "Towns from assets/data/places.csv; axes as named in the reporting (assets/SOURCES.md)"},
        "geometry": {"type": "LineString", "coordinates": coords},
    })
json.dump({"type": "FeatureCollection", "features": features}, sys.stdout, ensure_ascii=False)
