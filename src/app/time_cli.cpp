// Track and control subcommands.
#include "app/time_cli.hpp"

#include <cstdio>
#include <filesystem>

#include "app/cli_common.hpp"
#include "core/text.hpp"
#include "io/scene_file.hpp"
#include "io/time_layers.hpp"

namespace sitmap {

namespace {

// The places layer of a scene (for waypoints given by name): its first layer that reads a "places" layer.
std::string placesOf(const Scene& scene) {
  for (const LayerSpec& layer : scene.layers)
    if (layer.sourceLayer == "places") return layer.path;
  return {};
}

}  // namespace

int runTrack(const std::string& input, const std::string& route, const std::string& convoy, const std::string& at) {
  const auto t = parseUtc(at);
  if (!t) return fail(kExitUsage, "--at: cannot read the time '" + at + "' (use e.g. 2023-11-04T12:00Z)");
  ConvoySpec spec;
  std::string places;
  if (isSceneFile(input)) {
    auto loaded = loadSceneReportingWarnings(input);
    if (!loaded) return fail(kExitBadInput, loaded.error());
    const Scene& scene = *loaded;
    if (scene.convoys.empty()) return fail(kExitBadInput, input + ": the scene has no convoy");
    const ConvoySpec* chosen = &scene.convoys.front();
    if (!convoy.empty()) {
      chosen = nullptr;
      for (const ConvoySpec& c : scene.convoys)
        if (c.name == convoy) chosen = &c;
      if (!chosen) return fail(kExitUsage, "--convoy: no convoy named '" + convoy + "' in " + input);
    }
    spec = *chosen;
    places = placesOf(scene);
  } else if (hasGpxExtension(input)) {
    spec.name = input;
    spec.gpxPath = input;
  } else {
    if (route.empty()) return fail(kExitUsage, "a waypoint table needs --route FILE (a line layer)");
    spec.name = input;
    spec.waypointsPath = input;
    spec.routePath = route;
  }
  auto track = loadConvoy(spec, places);
  if (!track) return fail(kExitBadInput, track.error());
  const TrackPosition p = track->at(*t);
  // estimated=yes: no source gives the position at this moment (interpolated between fixes, or an inferred point).
  std::printf("lat=%.5f lon=%.5f km_done=%.1f km_total=%.1f heading_deg=%.1f status=%s estimated=%s\n", p.position.lat,
              p.position.lon, p.metresDone / 1000, p.metresTotal / 1000, p.headingDegrees, trackStatusName(p.status),
              p.inferred ? "yes" : "no");
  return kExitOk;
}

int runControl(const std::string& input, const std::string& at) {
  const auto t = parseUtc(at);
  if (!t) return fail(kExitUsage, "--at: cannot read the time '" + at + "' (use e.g. 2023-11-04T12:00Z)");
  std::vector<LayerSpec> sources;
  if (isSceneFile(input)) {
    auto loaded = loadSceneReportingWarnings(input);
    if (!loaded) return fail(kExitBadInput, loaded.error());
    const Scene& scene = *loaded;
    for (const LayerSpec& layer : scene.layers)
      if (layer.kind == LayerKind::Control) sources.push_back(layer);
    if (sources.empty()) return fail(kExitBadInput, input + ": the scene has no control layer");
  } else {
    LayerSpec layer;
    layer.path = input;
    sources.push_back(layer);
  }
  // Towns and camps, areas (cercle assessments) and road stretches, one tab-separated row each, with what
  // each rests on; a contested area names both sides.
  std::printf("kind\tname\tactor\tstatus\tconfidence\tvalid_from\tvalid_to\tbasis\n");
  for (const LayerSpec& source : sources) {
    auto load = loadControl(source.path, source.sourceLayer, source.incidentFields);
    if (!load) return fail(kExitBadInput, load.error());
    for (const std::string& problem : load->problems) std::fprintf(stderr, "sitmap: %s: skipped %s\n", maskCredentials(source.path).c_str(), problem.c_str());
    for (const ControlFeature& f : load->features) {
      if (!f.validAt(*t)) continue;
      const char* kind = f.isPoint ? "town" : f.rings.empty() ? "road" : "area";
      const std::string actor = f.otherActor.empty() ? f.actor : f.actor + " + " + f.otherActor;
      std::printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", kind, f.name.c_str(), actor.c_str(), controlStatusName(f.status),
                  f.confidence.c_str(), formatUtc(f.validFrom).c_str(), f.validTo ? formatUtc(*f.validTo).c_str() : "",
                  f.source.c_str());
    }
  }
  return kExitOk;
}

}  // namespace sitmap
