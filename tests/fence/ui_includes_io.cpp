// Fence case: a ui panel that includes an io header. Must not compile (panels emit commands; app does the I/O).
#include "io/scene_file.hpp"
