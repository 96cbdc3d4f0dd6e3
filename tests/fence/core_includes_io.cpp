// Fence case: a core file that includes an io header. Must not compile (core has no GDAL and no io headers).
#include "io/crs.hpp"
