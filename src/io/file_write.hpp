// Atomic file writes: the bytes go to a temporary file in the same folder, then take the final name in one step.
// Without `overwrite`, an existing file is never replaced (the write fails with a message instead).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace sitmap {

Status writeFileAtomically(const std::string& path, const std::vector<uint8_t>& bytes, bool overwrite);
// Gives a finished temporary file (same folder) its final name in one step, with the same overwrite rule;
// the temporary file is gone afterwards either way.
Status publishFile(const std::string& temporary, const std::string& path, bool overwrite);
// A temporary name next to `path` for writers that need a file name (GDAL).
std::string temporaryNameFor(const std::string& path);

}  // namespace sitmap
