// SYNTHETIC ACLED-layout incidents for benchmarks: fixed seed, ids "SYN-...", notes that say they are synthetic.
// Never shipped as data and never the default scene.
#pragma once

#include <cstddef>
#include <string>

namespace sitmap::bench {

// Writes `count` events over northern Mali (6W-5E, 14N-22N) and 2018-2023 to `path` (current 31-column layout).
void writeSyntheticEvents(const std::string& path, size_t count);
// The file for `count` events under $TMPDIR/sitmap-bench, written on first use.
std::string syntheticEventsFile(size_t count);

}  // namespace sitmap::bench
