// Fuzz harness: the scene reader. Properties: no exception escapes (the reader returns an error instead); a scene
// that reads is written, read again and written again to the same text (nothing lost on a save and load).
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "io/scene_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> warnings;
  auto scene = sitmap::parseScene(text, "/fuzz", &warnings);
  if (!scene) return 0;
  const std::string once = sitmap::sceneToJson(*scene, "/fuzz");
  auto again = sitmap::parseScene(once, "/fuzz");
  if (!again) throw std::logic_error("a written scene does not read back: " + again.error());
  if (sitmap::sceneToJson(*again, "/fuzz") != once) throw std::logic_error("a save and load changed the scene");
  return 0;
}
