// Shared pieces of the command-line subcommands: exit codes and scene/file argument handling.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/scene.hpp"

namespace sitmap {

enum ExitCode { kExitOk = 0, kExitUsage = 1, kExitBadInput = 2 };

// Prints "sitmap: <message>" to stderr, any password in it masked, and returns `code`.
int fail(int code, const std::string& message);

// What the arguments opened: a scene and the scene file it was read from (empty when it was made from data
// files). Only a scene file may later be saved over (the viewer's Ctrl+S).
struct OpenedScene {
  Scene scene;
  std::string scenePath;
};

// One scene file (by content, see isSceneFile), or data files drawn in order; none: the bundled default scene.
// Warnings of the scene reader (unknown keys) go to stderr.
Result<OpenedScene> sceneFromArguments(const std::vector<std::string>& inputs);
// A scene file with its reader's warnings printed to stderr.
Result<Scene> loadSceneReportingWarnings(const std::string& path);
// The bundled default scene next to the executable's source tree or install prefix.
std::string defaultScenePath();

}  // namespace sitmap
