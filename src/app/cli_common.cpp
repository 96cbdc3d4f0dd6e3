// Scene resolution for the command line.
#include "app/cli_common.hpp"

#include <cstdio>
#include <filesystem>

#include "core/text.hpp"
#include "io/scene_file.hpp"

namespace sitmap {

int fail(int code, const std::string& message) {
  std::fprintf(stderr, "sitmap: %s\n", maskCredentials(message).c_str());
  return code;
}

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

Result<Scene> loadSceneReportingWarnings(const std::string& path) {
  std::vector<std::string> warnings;
  auto scene = loadSceneFile(path, &warnings);
  for (const std::string& warning : warnings) std::fprintf(stderr, "sitmap: warning: %s\n", maskCredentials(warning).c_str());
  return scene;
}

Result<OpenedScene> sceneFromArguments(const std::vector<std::string>& inputs) {
  const std::string single = inputs.empty() ? defaultScenePath() : inputs.size() == 1 ? inputs[0] : std::string();
  if (!single.empty() && (inputs.empty() || isSceneFile(single))) {
    auto scene = loadSceneReportingWarnings(single);
    if (!scene) return Error{scene.error()};
    return OpenedScene{std::move(*scene), single};
  }
  for (const std::string& input : inputs)
    if (isSceneFile(input)) return Error{input + ": a scene cannot be combined with other files"};
  std::vector<std::string> notes;
  Scene scene = sceneForFiles(inputs, &notes);
  for (const std::string& note : notes) std::fprintf(stderr, "sitmap: %s\n", maskCredentials(note).c_str());
  return OpenedScene{std::move(scene), {}};
}

}  // namespace sitmap
