// EventTable: incidents (ACLED-style conflict events) as immutable columns. Repeated texts (types, actors,
// admin names) are dictionary codes; free texts sit in packed string columns. Filters produce index lists over it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/geometry.hpp"

namespace sitmap {

// Many strings in one buffer: about 4 bytes of overhead per string instead of 32 for std::string.
class StringColumn {
public:
  // Throws std::length_error where one block of kBlockSize strings would pass 4 GiB (1 MB a string on average).
  void push(std::string_view text);
  std::string_view operator[](size_t i) const {
    const uint64_t begin = offset(i);
    return std::string_view(m_chars).substr(begin, offset(i + 1) - begin);
  }
  size_t size() const { return m_offsets.size() - 1; }
  size_t bytes() const {
    return m_chars.capacity() + m_offsets.capacity() * sizeof(uint32_t) + m_blockStarts.capacity() * sizeof(uint64_t);
  }

private:
  // Offsets are 32-bit, from the start of their block of strings (one 64-bit start per block): half the memory
  // of 64-bit offsets, with no limit on the column's total size.
  static constexpr unsigned kBlockBits = 12;
  static constexpr size_t kBlockSize = size_t(1) << kBlockBits;
  uint64_t offset(size_t k) const { return m_blockStarts[k >> kBlockBits] + m_offsets[k]; }
  void pushOffset(uint64_t absolute);
  std::string m_chars;
  std::vector<uint32_t> m_offsets{0};      // string k begins at offset(k), ends at offset(k + 1)
  std::vector<uint64_t> m_blockStarts{0};  // for offsets kBlockSize * b ...
};

// Distinct strings with stable codes; code 0 is always the empty string.
class Dictionary {
public:
  Dictionary() { code(""); }
  uint32_t code(std::string_view text);
  const std::string& value(uint32_t code) const { return m_values[code]; }
  size_t size() const { return m_values.size(); }
  const std::vector<std::string>& values() const { return m_values; }
  // The code of `text` if present, else -1 (no insertion).
  int64_t find(std::string_view text) const;

private:
  // Looked up by string_view without building a std::string (ten lookups a row while a file loads).
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
  };
  std::vector<std::string> m_values;
  std::unordered_map<std::string, uint32_t, TextHash, std::equal_to<>> m_index;
};

// ACLED's event types, old and new taxonomies mapped onto today's six, for colours and the legend.
// Before 2019 ACLED had one type for riots and protests: it keeps a category of its own rather than passing for
// either.
enum class EventCategory {
  Battles, ExplosionsRemoteViolence, ViolenceAgainstCivilians, Protests, Riots, StrategicDevelopments, RiotsProtests, Other
};
EventCategory categoryOf(std::string_view eventType);
const char* categoryName(EventCategory category);
constexpr int kEventCategoryCount = 8;

enum class AcledLayout { Current, Legacy2019To2023, Pre2019 };

struct EventTable {
  AcledLayout layout = AcledLayout::Current;
  std::vector<std::string> header;  // the source's column names, in its order

  StringColumn id;  // event_id_cnty
  std::vector<int32_t> day;  // UTC day number (days since 1970-01-01)
  std::vector<uint8_t> timePrecision, geoPrecision;  // ACLED's 1 (exact) .. 3 (vague); 0 = not given
  Dictionary eventTypes, subEventTypes, disorderTypes, admin1Names, admin2Names, admin3Names, actorNames;
  std::vector<uint32_t> eventType, subEventType, disorderType, admin1, admin2, admin3;
  std::vector<uint8_t> category;  // EventCategory of eventType
  std::vector<uint32_t> actor1, actor2;  // codes into actorNames (0: none)
  std::vector<uint32_t> actorOffsets{0};  // per event, [offsets[i], offsets[i+1]) in actorCodes: every actor involved
  std::vector<uint32_t> actorCodes;       // actor1, actor2 and each associated actor
  StringColumn assocActor1, assocActor2;
  std::vector<uint8_t> inter1, inter2;
  std::vector<uint16_t> interaction;
  std::vector<uint8_t> civilianTargeting;  // 1 when ACLED marks the event "Civilian targeting"
  std::vector<double> lon, lat;
  std::vector<int32_t> fatalities;
  StringColumn location, notes, source, tags;
  std::vector<uint32_t> sourceRowOffsets{0};  // per event, the data rows (1-based) it came from (monadic: several)
  std::vector<uint32_t> sourceRows;
  // Events located only to a road stretch (sitmap's optional `stretch_wkt` column): drawn along it, not at
  // their point. Few events have one, so it is kept sparse.
  std::unordered_map<uint32_t, std::vector<LonLat>> stretches;

  size_t size() const { return day.size(); }
  size_t bytes() const;  // memory held by the columns
};

}  // namespace sitmap
