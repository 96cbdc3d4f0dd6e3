// Scene files (JSON, versioned; see docs/scene-format.md): reading with messages that name the bad field.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/scene.hpp"

namespace sitmap {

// Relative layer paths come back resolved against the scene file's folder (local paths only: connection strings,
// URLs and /vsi… paths are kept as written). Keys the reader does not know are not errors: each becomes a
// warning in `warnings` (when given) naming the key and the nearest known one.
Result<Scene> loadSceneFile(const std::string& path, std::vector<std::string>* warnings = nullptr);
Result<Scene> parseScene(const std::string& jsonText, const std::string& baseDir,
                         std::vector<std::string>* warnings = nullptr);
// The one rule for "is this file a scene": a regular file of JSON whose top-level object has "sitmap_scene",
// wherever the key sits. The command line and the viewer both use it; the extension does not matter.
bool isSceneFile(const std::string& path);
// The scene as JSON (format version 1); layer and data paths become relative to `baseDir` where they can.
std::string sceneToJson(const Scene& scene, const std::string& baseDir);
// Writes atomically; never replaces an existing file unless `overwrite` (Save as asks first), and never
// replaces a file that is not a scene, whatever `overwrite` says.
Status saveSceneFile(const std::string& path, const Scene& scene, bool overwrite);

// A scene that draws the given files in order (first at the bottom) with default styles.
Scene sceneForFiles(const std::vector<std::string>& paths, std::vector<std::string>* notes = nullptr);
// The layers a plain file brings: one per vector layer that draws in a multi-layer source (a GeoPackage, a GPX),
// else one; empty layers and tables without geometry are skipped, each named in `notes` (when given).
// `colourIndex` picks distinct default colours; it advances by the number of layers returned.
std::vector<LayerSpec> layerSpecsForFile(const std::string& path, size_t& colourIndex, std::vector<std::string>* notes = nullptr);

}  // namespace sitmap
