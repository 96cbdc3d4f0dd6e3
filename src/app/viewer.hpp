// The interactive viewer: a GLFW window with the map and ImGui panels.
#pragma once

#include <string>

#include "core/scene.hpp"

namespace sitmap {

struct ViewerOptions {
  std::string scenePath;       // where Save writes (empty: ask)
  bool sceneReadOnly = false;  // the bundled default scene: opened, shown, never saved over (Save as instead)
  int windowWidth = 1600, windowHeight = 900;
  bool maximised = true;       // open at the monitor's size (the window manager's maximised state); --window: no
  std::string screenshotPath;  // set: once everything is drawn, save this screenshot (F12's) and quit
};

// Runs until the window closes; returns the process exit code.
int runViewer(Scene scene, const ViewerOptions& options);

}  // namespace sitmap
