// A GL 3.3 core context with no display at all: EGL on Mesa's surfaceless platform. Drawing goes to an FBO.
#pragma once

#include <memory>

#include "core/result.hpp"

namespace sitmap {

class HeadlessContext {
public:
  // Creates the context, makes it current on this thread and loads GL.
  static Result<std::unique_ptr<HeadlessContext>> create();
  ~HeadlessContext();
  HeadlessContext(const HeadlessContext&) = delete;
  HeadlessContext& operator=(const HeadlessContext&) = delete;

private:
  HeadlessContext() = default;
  void* m_display = nullptr;
  void* m_context = nullptr;
};

}  // namespace sitmap
