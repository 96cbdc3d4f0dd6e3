# Writes a C++ source holding every GLSL file of shaders/ as a string, so the binary needs no shader files at run time.
# Run as: cmake -DSHADER_DIR=... -DOUTPUT=... -P embed_shaders.cmake
file(GLOB shader_files "${SHADER_DIR}/*.vert" "${SHADER_DIR}/*.frag" "${SHADER_DIR}/*.glsl")
list(SORT shader_files)
set(body "// Generated from shaders/ by embed_shaders.cmake; do not edit.\n#include \"render/shader_sources.hpp\"\n\nnamespace sitmap {\n\nstd::string_view shaderSource(std::string_view name) {\n")
foreach(path IN LISTS shader_files)
  get_filename_component(name "${path}" NAME)
  file(READ "${path}" text)
  string(APPEND body "  if (name == \"${name}\") return R\"glsl(${text})glsl\";\n")
endforeach()
string(APPEND body "  return {};\n}\n\n}  // namespace sitmap\n")
file(WRITE "${OUTPUT}.tmp" "${body}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
