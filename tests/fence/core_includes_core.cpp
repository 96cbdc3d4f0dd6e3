// Fence control: a core file that includes core headers compiles, so the failing cases fail for the fence alone.
#include "core/track.hpp"
#include "core/utc_time.hpp"

int fenceControl() { return int(sitmap::parseUtc("2023-11-01T00:00Z").has_value()); }
