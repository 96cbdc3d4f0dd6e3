// `sitmap track` and `sitmap control`: what the clock-driven layers show at a given time, printed.
#pragma once

#include <string>

namespace sitmap {

int runTrack(const std::string& input, const std::string& route, const std::string& convoy, const std::string& at);
int runControl(const std::string& input, const std::string& at);

}  // namespace sitmap
