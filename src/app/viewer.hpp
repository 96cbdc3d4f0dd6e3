// The interactive viewer: a GLFW window with the map and ImGui panels.
#pragma once

#include "core/scene.hpp"

namespace sitmap {

// Runs until the window closes; returns the process exit code.
int runViewer(Scene scene);

}  // namespace sitmap
