// Fence case: a core file that includes Dear ImGui. Must not compile (core draws nothing).
#include <imgui.h>
