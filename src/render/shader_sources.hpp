// GLSL sources from shaders/, embedded at build time.
#pragma once

#include <string_view>

namespace sitmap {

// Empty when no shader has that file name.
std::string_view shaderSource(std::string_view name);

}  // namespace sitmap
