// Scene resolution for the command line.
#include "app/cli_common.hpp"

#include <filesystem>
#include <fstream>

#include "io/scene_file.hpp"

namespace sitmap {

namespace {
// A scene is JSON with a "sitmap_scene" version key near the top; other .json files (GeoJSON) are data.
bool isScene(const std::string& path) {
  if (std::filesystem::path(path).extension() != ".json") return false;
  std::ifstream in(path);
  std::string head(4096, '\0');
  in.read(head.data(), std::streamsize(head.size()));
  head.resize(size_t(in.gcount()));
  return head.find("\"sitmap_scene\"") != std::string::npos;
}
}  // namespace

std::string defaultScenePath() {
  // Next to the build tree (build/release/sitmap -> assets/), then the current folder.
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  for (auto dir = exe.parent_path(); !ec && !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
    const auto candidate = dir / "assets/scenes/default.json";
    if (std::filesystem::exists(candidate)) return candidate.string();
  }
  return "assets/scenes/default.json";
}

Result<Scene> sceneFromArguments(const std::vector<std::string>& inputs) {
  if (inputs.empty()) return loadSceneFile(defaultScenePath());
  if (inputs.size() == 1 && isScene(inputs[0])) return loadSceneFile(inputs[0]);
  for (const std::string& input : inputs)
    if (isScene(input)) return Error{input + ": a scene cannot be combined with other files"};
  return sceneForFiles(inputs);
}

}  // namespace sitmap
