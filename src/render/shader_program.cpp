// Shader compilation with the driver's log in the error.
#include "render/shader_program.hpp"

#include <utility>
#include <vector>

#include "render/shader_sources.hpp"

namespace sitmap {

namespace {

Result<GLuint> compile(GLenum stage, std::string_view name) {
  const std::string_view source = shaderSource(name);
  if (source.empty()) return Error{"missing shader " + std::string(name)};
  // Vertex shaders get the shared tile mapping (toClip) right after their #version line.
  std::vector<std::string_view> parts{source};
  if (stage == GL_VERTEX_SHADER) {
    const size_t firstLineEnd = source.find('\n') + 1;
    parts = {source.substr(0, firstLineEnd), shaderSource("tile_clip.glsl"), source.substr(firstLineEnd)};
  }
  std::vector<const char*> texts;
  std::vector<GLint> lengths;
  for (std::string_view part : parts) {
    texts.push_back(part.data());
    lengths.push_back(GLint(part.size()));
  }
  GLuint shader = glCreateShader(stage);
  glShaderSource(shader, GLsizei(parts.size()), texts.data(), lengths.data());
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[2048] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    glDeleteShader(shader);
    return Error{std::string(name) + ": " + log};
  }
  return shader;
}

}  // namespace

Result<ShaderProgram> ShaderProgram::build(std::string_view vertexName, std::string_view fragmentName) {
  auto vertex = compile(GL_VERTEX_SHADER, vertexName);
  if (!vertex) return Error{vertex.error()};
  auto fragment = compile(GL_FRAGMENT_SHADER, fragmentName);
  if (!fragment) {
    glDeleteShader(*vertex);
    return Error{fragment.error()};
  }
  ShaderProgram program;
  program.m_program = glCreateProgram();
  glAttachShader(program.m_program, *vertex);
  glAttachShader(program.m_program, *fragment);
  glLinkProgram(program.m_program);
  glDeleteShader(*vertex);
  glDeleteShader(*fragment);
  GLint ok = 0;
  glGetProgramiv(program.m_program, GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[2048] = {};
    glGetProgramInfoLog(program.m_program, sizeof log, nullptr, log);
    return Error{std::string(vertexName) + " + " + std::string(fragmentName) + ": " + log};
  }
  return program;
}

ShaderProgram::ShaderProgram(ShaderProgram&& other) noexcept
    : m_program(std::exchange(other.m_program, 0)), m_uniforms(std::move(other.m_uniforms)) {}

ShaderProgram& ShaderProgram::operator=(ShaderProgram&& other) noexcept {
  if (this != &other) {
    if (m_program) glDeleteProgram(m_program);
    m_program = std::exchange(other.m_program, 0);
    m_uniforms = std::move(other.m_uniforms);
  }
  return *this;
}

ShaderProgram::~ShaderProgram() {
  if (m_program) glDeleteProgram(m_program);
}

GLint ShaderProgram::uniform(const char* name) {
  auto it = m_uniforms.find(name);
  if (it != m_uniforms.end()) return it->second;
  const GLint location = glGetUniformLocation(m_program, name);
  m_uniforms.emplace(name, location);
  return location;
}

}  // namespace sitmap
