#!/usr/bin/env python3
"""Classes settlements by administrative status, not by provenance, into one GeoJSON point layer (stdout).

Inputs (GeoJSON, exported from ../shared/basemap-sources by tools/build-settlements): OSM places, GeoNames
populated places, the 2017 cercles and communes, and assets/data/places.csv (the sourced reference places,
which the default scene draws itself and which are therefore left out here).
status:
  cercle seat   a settlement bearing its cercle's name, inside that cercle (the 2017 cercles are named after
                their seats);
  commune seat  likewise for a commune: found only where the names agree (about half of the communes; the
                others are named for an area or spelled otherwise, and their seats are not guessed);
  village       every other OSM town or village and GeoNames populated place (OSM hamlets are left out).
basis says which rule placed it; source names the OSM node or GeoNames id.
Usage: build_settlements.py osm_places.geojson geonames.geojson cercles.geojson communes.geojson places.csv
"""
import csv
import json
import math
import re
import sys
import unicodedata


def key(name):
    name = unicodedata.normalize("NFD", (name or "").lower())
    return re.sub(r"[^a-z]", "", "".join(c for c in name if unicodedata.category(c) != "Mn"))


def km_between(a, b):
    x = math.radians(b[0] - a[0]) * math.cos(math.radians((a[1] + b[1]) / 2))
    return 6371.0 * math.hypot(x, math.radians(b[1] - a[1]))


def inside(point, geometry):
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    x, y = point
    for polygon in polygons:
        crossings = False
        for ring in polygon:
            for i in range(len(ring)):
                (x1, y1), (x2, y2) = ring[i - 1][:2], ring[i][:2]
                if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                    crossings = not crossings
        if crossings:
            return True
    return False


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["features"]


osm_path, geonames_path, cercles_path, communes_path, places_path = sys.argv[1:6]
candidates = []  # (name, lon/lat, population, source)
for f in load(osm_path):
    p = f["properties"]
    if p["value"] in ("city", "town", "village") and p["name"]:
        candidates.append((p["name"], f["geometry"]["coordinates"], p.get("population"),
                           "OpenStreetMap node %d (place=%s, 2019)" % (p["osm_node_id"], p["value"])))
osm_keys = [(key(c[0]), c[1]) for c in candidates]
for f in load(geonames_path):
    p = f["properties"]
    if not p["name"] or not (p["fcode"] or "").startswith("PPL"):
        continue
    point = f["geometry"]["coordinates"]
    if any(k == key(p["name"]) and km_between(point, at) < 10 for k, at in osm_keys):
        continue  # the same place in OSM
    candidates.append((p["name"], point, p.get("population") or None, "GeoNames %d (%s)" % (p["geonameid"], p["fcode"])))

reference = []
with open(places_path, newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        if row["latitude"] and row["longitude"]:
            reference.append((key(row["name"]), (float(row["longitude"]), float(row["latitude"]))))

by_key = {}
for index, c in enumerate(candidates):
    by_key.setdefault(key(c[0]), []).append(index)
status = {}
for level, path, field in (("cercle seat", cercles_path, "cercle"), ("commune seat", communes_path, "commune")):
    for unit in load(path):
        within = [i for i in by_key.get(key(unit["properties"][field]), []) if inside(candidates[i][1], unit["geometry"])]
        # The largest of the namesakes inside (OSM lists a town before its quarters of the same name).
        within.sort(key=lambda i: -(candidates[i][2] or 0))
        if within and within[0] not in status:
            status[within[0]] = (level, "bears the name of its %s (%s, 2017 boundaries)" % (field, unit["properties"][field]))

features = []
for index, (name, point, population, source) in enumerate(candidates):
    # Drawn by the reference places. 30 km: the sources disagree by up to about 27 km on a desert place's
    # position (OSM's Abeïbara against GeoNames'), and one name twice so close would read as two places.
    if any(k == key(name) and km_between(point, at) < 30 for k, at in reference):
        continue
    level, basis = status.get(index, ("village", "a settlement that is neither a cercle nor a commune seat by name"))
    features.append({"type": "Feature",
                     "properties": {"name": name, "status": level, "population": population, "basis": basis,
                                    "source": source},
                     "geometry": {"type": "Point", "coordinates": [round(point[0], 5), round(point[1], 5)]}})
json.dump({"type": "FeatureCollection", "features": features}, sys.stdout, ensure_ascii=False)
