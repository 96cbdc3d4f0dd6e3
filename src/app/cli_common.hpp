// Shared pieces of the command-line subcommands: exit codes and scene/file argument handling.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/scene.hpp"

namespace sitmap {

enum ExitCode { kExitOk = 0, kExitUsage = 1, kExitBadInput = 2 };

// One SCENE.json, or data files drawn in order; none: the bundled default scene.
Result<Scene> sceneFromArguments(const std::vector<std::string>& inputs);
// The bundled default scene next to the executable's source tree or install prefix.
std::string defaultScenePath();

}  // namespace sitmap
