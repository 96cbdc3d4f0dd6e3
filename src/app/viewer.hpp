// The interactive viewer: a GLFW window with the map and ImGui panels.
#pragma once

#include <string>

#include "core/scene.hpp"

namespace sitmap {

// Runs until the window closes; returns the process exit code. `scenePath`: where Save writes (empty: ask).
int runViewer(Scene scene, const std::string& scenePath);

}  // namespace sitmap
