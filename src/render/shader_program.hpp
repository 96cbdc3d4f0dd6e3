// A linked GLSL program with cached uniform locations.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.hpp"
#include "render/gl.hpp"

namespace sitmap {

class ShaderProgram {
public:
  // Names are file names under shaders/ (e.g. "line.vert").
  static Result<ShaderProgram> build(std::string_view vertexName, std::string_view fragmentName);

  ShaderProgram() = default;
  ShaderProgram(ShaderProgram&& other) noexcept;
  ShaderProgram& operator=(ShaderProgram&& other) noexcept;
  ShaderProgram(const ShaderProgram&) = delete;
  ShaderProgram& operator=(const ShaderProgram&) = delete;
  ~ShaderProgram();

  void use() const { glUseProgram(m_program); }
  GLint uniform(const char* name);

private:
  GLuint m_program = 0;
  std::unordered_map<std::string, GLint> m_uniforms;
};

}  // namespace sitmap
