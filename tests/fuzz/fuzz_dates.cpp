// Fuzz harness: the date and time parsers. Properties: no crash; a parsed UTC time formats and parses back to
// itself; a parsed event date is a real calendar day.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "core/civil_date.hpp"
#include "core/utc_time.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto t = sitmap::parseUtc(text)) {
    const auto back = sitmap::parseUtc(sitmap::formatUtc(*t));
    if (!back || *back != *t) throw std::logic_error("formatUtc does not read back");
  }
  if (auto day = sitmap::parseEventDate(text)) {
    if (sitmap::parseEventDate(sitmap::formatIsoDate(*day)) != day) throw std::logic_error("formatIsoDate does not read back");
  }
  return 0;
}
