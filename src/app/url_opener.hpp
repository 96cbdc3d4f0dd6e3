// Opens a web address (an incident's source) in the desktop's browser through xdg-open, never through a shell.
#pragma once

#include <string>

#include "core/result.hpp"

namespace sitmap {

// Only http:// and https:// addresses without spaces or control characters; `opener` is the program run with
// the address as its one argument (tests pass their own). Returns once the program has started.
Status openUrl(const std::string& url, const std::string& opener = "xdg-open");

}  // namespace sitmap
