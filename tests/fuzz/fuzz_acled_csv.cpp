// Fuzz harness: the ACLED CSV reader (tokenizer, layouts, dates, numbers, monadic merges) on any bytes.
// Property: it returns a table or an error, never crashes; a table's columns all have one value per event.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

#include "io/acled_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto import = sitmap::parseAcledCsv(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.csv");
  if (import) {
    const sitmap::EventTable& t = import->table;
    if (t.lat.size() != t.size() || t.actorOffsets.size() != t.size() + 1 || t.sourceRowOffsets.size() != t.size() + 1)
      throw std::logic_error("column lengths differ");
    for (size_t e = 0; e < t.size(); ++e)
      if (t.fatalities[e] < 0 || !(t.lat[e] >= -90 && t.lat[e] <= 90)) throw std::logic_error("a value out of range");
  }
  return 0;
}
