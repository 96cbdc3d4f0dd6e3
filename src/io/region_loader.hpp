// Regions to filter incidents by, taken from any polygon layer by name (any text field, case and accents ignored).
#pragma once

#include <string>
#include <vector>

#include "core/event_filter.hpp"
#include "core/result.hpp"

namespace sitmap {

// Each name must match at least one feature; the matching features' rings come back in longitude/latitude.
Result<std::vector<RegionShape>> loadRegions(const std::string& path, const std::vector<std::string>& names);

}  // namespace sitmap
