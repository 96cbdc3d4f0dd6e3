// EGL surfaceless set-up. glad's EGL loader first loads EGL 1.0 entry points; the platform display
// must be initialised before the rest (and the extensions) can be loaded.
#include "render/headless_context.hpp"

#include <glad/egl.h>

#include "render/gl.hpp"

namespace sitmap {

Result<std::unique_ptr<HeadlessContext>> HeadlessContext::create() {
  if (!gladLoaderLoadEGL(EGL_NO_DISPLAY)) return Error{"headless rendering: libEGL not found (install libegl-mesa0)"};
  if (!GLAD_EGL_EXT_platform_base || !GLAD_EGL_MESA_platform_surfaceless)
    return Error{"headless rendering: EGL lacks the surfaceless platform (Mesa's libegl-mesa0 provides it)"};
  EGLDisplay display = eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
  EGLint major = 0, minor = 0;
  if (display == EGL_NO_DISPLAY || !eglInitialize(display, &major, &minor))
    return Error{"headless rendering: cannot initialise an EGL display"};
  if (!gladLoaderLoadEGL(display)) return Error{"headless rendering: cannot load EGL " + std::to_string(major) + "." + std::to_string(minor)};
  if (!eglBindAPI(EGL_OPENGL_API)) return Error{"headless rendering: EGL has no desktop OpenGL"};

  const EGLint configAttributes[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
                                     EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_ALPHA_SIZE, 8, EGL_NONE};
  EGLConfig config = nullptr;
  EGLint count = 0;
  if (!eglChooseConfig(display, configAttributes, &config, 1, &count) || count == 0) config = nullptr;
  const EGLint contextAttributes[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                                      EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
  EGLContext context = eglCreateContext(display, config, EGL_NO_CONTEXT, contextAttributes);
  if (context == EGL_NO_CONTEXT) return Error{"headless rendering: cannot create a GL 3.3 core context"};
  if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context))
    return Error{"headless rendering: cannot make the context current"};
  if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(eglGetProcAddress)))
    return Error{"headless rendering: cannot load OpenGL functions"};

  std::unique_ptr<HeadlessContext> result(new HeadlessContext());
  result->m_display = display;
  result->m_context = context;
  return result;
}

HeadlessContext::~HeadlessContext() {
  auto display = static_cast<EGLDisplay>(m_display);
  eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
  eglDestroyContext(display, static_cast<EGLContext>(m_context));
  // The display stays initialised for the process's life (the next context reuses it): eglTerminate would unload
  // Mesa's driver, and its allocations would then be reported by LeakSanitizer from a module with no name.
}

}  // namespace sitmap
