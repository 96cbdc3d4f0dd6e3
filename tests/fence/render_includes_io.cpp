// Fence case: a render file that includes an io header. Must not compile (render gets data, never files).
#include "io/vector_loader.hpp"
