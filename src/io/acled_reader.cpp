// ACLED CSV reading: the file mapped and parsed in one pass (RFC 4180 quoting: commas, quotes and newlines inside
// quoted fields), each row going into the event table through the builder.
#include "io/acled_reader.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <charconv>
#include <cmath>
#include <fstream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <unordered_map>

#include "core/civil_date.hpp"
#include "core/event_table_builder.hpp"
#include "core/text.hpp"
#include "io/acled_fields.hpp"
#include "io/csv_reader.hpp"
#include "io/input_file.hpp"

namespace sitmap {

namespace {

using namespace acled;

constexpr size_t kProblemsKept = 10;

struct Columns {
  int id = -1, date = -1, timePrecision = -1, disorder = -1, type = -1, subType = -1, actor1 = -1, assoc1 = -1,
      inter1 = -1, actor2 = -1, assoc2 = -1, inter2 = -1, interaction = -1, civilian = -1, admin1 = -1, admin2 = -1,
      admin3 = -1, location = -1, lat = -1, lon = -1, geoPrecision = -1, source = -1, notes = -1, fatalities = -1,
      tags = -1, dataId = -1, stretch = -1;
};

Columns findColumns(const std::vector<std::string>& header) {
  // Each header cell is folded once, not once per column looked for (a header of many columns made this the
  // reader's slowest step).
  std::vector<std::string> folded;
  folded.reserve(header.size());
  for (const std::string& cell : header) folded.push_back(foldForMatching(trim(cell)));
  auto at = [&](const char* name) {
    auto found = std::find(folded.begin(), folded.end(), name);
    return found == folded.end() ? -1 : int(found - folded.begin());
  };
  Columns c;
  c.id = at("event_id_cnty"), c.date = at("event_date"), c.timePrecision = at("time_precision");
  c.disorder = at("disorder_type"), c.type = at("event_type"), c.subType = at("sub_event_type");
  c.actor1 = at("actor1"), c.assoc1 = at("assoc_actor_1"), c.inter1 = at("inter1");
  c.actor2 = at("actor2"), c.assoc2 = at("assoc_actor_2"), c.inter2 = at("inter2");
  // Before 2019 the associated actors were ALLY_ACTOR_1 and ALLY_ACTOR_2.
  if (c.assoc1 < 0) c.assoc1 = at("ally_actor_1");
  if (c.assoc2 < 0) c.assoc2 = at("ally_actor_2");
  c.interaction = at("interaction"), c.civilian = at("civilian_targeting");
  c.admin1 = at("admin1"), c.admin2 = at("admin2"), c.admin3 = at("admin3"), c.location = at("location");
  c.lat = at("latitude"), c.lon = at("longitude"), c.geoPrecision = at("geo_precision");
  c.source = at("source"), c.notes = at("notes"), c.fatalities = at("fatalities"), c.tags = at("tags");
  c.dataId = at("data_id");
  c.stretch = at("stretch_wkt");
  return c;
}

std::string formatNumericDate(const NumericDate& d) {
  return std::to_string(d.first) + "/" + std::to_string(d.second) + "/" + std::to_string(d.year);
}

// Event ids seen so far, for the monadic merge: an open-addressing table of 8-byte slots (32 bits of the id's
// hash as a tag, and the event index), each tag match verified against the stored id. No string or node is
// allocated per row, which the 1M-row load once spent most of its time on.
class EventIdIndex {
public:
  explicit EventIdIndex(const EventTable& table) : m_table(table), m_slots(1024) {}
  std::optional<uint32_t> find(std::string_view id) const {
    const uint64_t h = hash(id);
    for (size_t i = h & (m_slots.size() - 1);; i = (i + 1) & (m_slots.size() - 1)) {
      const Slot& slot = m_slots[i];
      if (slot.tag == 0) return std::nullopt;
      if (slot.tag == tagOf(h) && m_table.id[slot.event] == id) return slot.event;
    }
  }
  // For an id not already in the index.
  void insert(std::string_view id, uint32_t event) {
    if ((m_used + 1) * 2 > m_slots.size()) grow();
    place(hash(id), event);
  }

private:
  struct Slot {
    uint32_t tag = 0;  // the hash's upper half, never 0; 0: empty
    uint32_t event = 0;
  };
  static uint64_t hash(std::string_view id) {
    uint64_t h = 1469598103934665603ull;  // FNV-1a 64
    for (unsigned char c : id) h = (h ^ c) * 1099511628211ull;
    return h;
  }
  static uint32_t tagOf(uint64_t h) { return uint32_t(h >> 32) | 1u; }
  void place(uint64_t h, uint32_t event) {
    size_t i = h & (m_slots.size() - 1);
    while (m_slots[i].tag != 0) i = (i + 1) & (m_slots.size() - 1);
    m_slots[i] = {tagOf(h), event};
    ++m_used;
  }
  // Rehashes from the ids themselves: every event indexed so far is already in the table (an id is inserted just
  // before its event is added, and grow runs at the next insert).
  void grow() {
    std::vector<Slot> old(m_slots.size() * 2);
    old.swap(m_slots);
    m_used = 0;
    for (const Slot& slot : old)
      if (slot.tag) place(hash(m_table.id[slot.event]), slot.event);
  }
  const EventTable& m_table;
  std::vector<Slot> m_slots;  // a power of two in size, at most half full
  size_t m_used = 0;
};

}  // namespace

std::string EventImport::summary() const {
  std::string text = countOf(table.size(), "event", "events");
  if (!dateOrder.empty()) text += " (" + dateOrder + ")";
  if (!databaseFilter.empty()) text += " (filtered in the database)";
  if (rowsMerged) text += " (" + std::to_string(rowsMerged) + " actor rows merged into their events)";
  if (rowsSkipped) {
    text += "; " + std::to_string(rowsSkipped) + " " + recordName + "s skipped (";
    for (size_t i = 0; i < problems.size() && i < 3; ++i)
      text += (i ? "; " : "") + std::string(recordName) + " " + std::to_string(problems[i].row) + ": " + problems[i].reason;
    if (rowsSkipped > 3) text += "; ...";
    text += ")";
  }
  return text;
}

namespace {

Result<EventImport> parseAcledRows(std::string_view text, const std::string& name, const ImportProgress& progress) {
  CsvReader reader(text);
  std::vector<std::string_view> fields;
  if (!reader.next(fields) || fields.empty()) return Error{name + ": empty file (no header row)"};
  EventImport import;
  EventTable& t = import.table;
  for (auto f : fields) t.header.emplace_back(trim(f));
  const Columns c = findColumns(t.header);
  std::string missing;
  for (auto [index, column] : {std::pair{c.date, "event_date"}, {c.lat, "latitude"}, {c.lon, "longitude"}, {c.type, "event_type"}})
    if (index < 0) missing += std::string(missing.empty() ? "" : ", ") + column;
  if (!missing.empty()) return Error{name + ": not an ACLED export: no " + missing + " column"};
  t.layout = c.disorder >= 0 || c.civilian >= 0 ? AcledLayout::Current
             : c.subType >= 0                   ? AcledLayout::Legacy2019To2023
                                                : AcledLayout::Pre2019;

  EventTableBuilder builder(t);
  EventIdIndex eventById(t);
  struct NumericDateRow {
    uint32_t event;
    NumericDate date;
    size_t row;
  };
  std::vector<NumericDateRow> numericDates;
  std::optional<size_t> dayFirstRow, monthFirstRow;  // the first row whose numeric date only reads that way
  std::vector<std::string_view> associated;
  auto field = [&](int index) -> std::string_view { return index >= 0 && size_t(index) < fields.size() ? fields[size_t(index)] : std::string_view(); };
  auto skip = [&](size_t row, std::string reason) {
    ++import.rowsSkipped;
    if (import.problems.size() < kProblemsKept) import.problems.push_back({row, std::move(reason)});
  };

  size_t row = 1;
  while (reader.next(fields)) {
    ++row;
    if (fields.size() == 1 && trim(fields[0]).empty()) continue;  // blank line
    ++import.rowsRead;
    if ((row & 0xFFFF) == 0 && progress && !progress(double(reader.position()) / double(text.size())))
      return Error{name + ": import cancelled"};
    if (fields.size() != t.header.size()) {
      skip(row, "expected " + std::to_string(t.header.size()) + " fields, found " + std::to_string(fields.size()));
      continue;
    }
    // All-numeric dates are read day first for now and put right at the end, once the file has said its order.
    const auto numericDate = parseNumericDate(field(c.date));
    if (numericDate) {
      const bool dayFirst = numericDate->validDayFirst(), monthFirst = numericDate->validMonthFirst();
      if (dayFirst && !monthFirst && numericDate->first > 12 && !dayFirstRow) dayFirstRow = row;
      if (monthFirst && !dayFirst && numericDate->second > 12 && !monthFirstRow) monthFirstRow = row;
    }
    const auto day = numericDate ? (numericDate->validDayFirst()    ? std::optional(numericDate->days(true))
                                    : numericDate->validMonthFirst() ? std::optional(numericDate->days(false))
                                                                     : std::nullopt)
                                 : parseEventDate(field(c.date));
    if (!day) {
      skip(row, "cannot read the date '" + std::string(field(c.date)) + "'");
      continue;
    }
    const auto lat = parseNumber(field(c.lat)), lon = parseNumber(field(c.lon));
    if (!lat || !lon) {
      skip(row, field(c.lat).empty() || field(c.lon).empty() ? std::string("no coordinates")
                                                             : "coordinates '" + std::string(field(c.lat)) + ", " +
                                                                   std::string(field(c.lon)) + "' are not numbers");
      continue;
    }
    if (std::fabs(*lat) > 90 || std::fabs(*lon) > 180) {
      skip(row, "coordinates " + std::string(field(c.lat)) + ", " + std::string(field(c.lon)) + " are out of range");
      continue;
    }
    const std::string_view deathsText = optionalText(field(c.fatalities));
    const std::optional<int> deaths = deathsText.empty() ? std::optional(0) : parseFatalities(deathsText);
    if (!deaths) {
      skip(row, "fatalities '" + std::string(deathsText) + "' is not a count (a whole number from 0 to 1000000)");
      continue;
    }
    // Every check that can skip the row comes before its id is indexed (a skipped row must not be merged into).
    const std::string_view stretchText = optionalText(field(c.stretch));
    const auto stretch = stretchText.empty() ? std::optional<std::vector<LonLat>>() : parseStretch(stretchText);
    if (!stretchText.empty() && !stretch) {
      skip(row, "stretch_wkt '" + std::string(stretchText.substr(0, 60)) + "' is not a LINESTRING of longitude latitude pairs");
      continue;
    }
    const std::string_view idText = trim(c.id >= 0 ? field(c.id) : field(c.dataId));
    if (!idText.empty()) {
      // Monadic exports repeat an event once per actor: fold the repeat into the first row's event.
      if (const auto first = eventById.find(idText)) {
        ++import.rowsMerged;
        builder.mergeRepeat(*first, optionalText(field(c.actor1)), uint8_t(interCode(field(c.inter1))),
                            splitActors(field(c.assoc1)), uint32_t(row));
        continue;
      }
      eventById.insert(idText, uint32_t(t.size()));
    }
    associated.clear();
    for (int assocColumn : {c.assoc1, c.assoc2}) appendActors(field(assocColumn), associated);
    EventRow event;
    event.id = idText;
    event.day = *day;
    event.timePrecision = uint8_t(parseSmallInt(field(c.timePrecision)));
    event.geoPrecision = uint8_t(parseSmallInt(field(c.geoPrecision)));
    event.eventType = trim(field(c.type));
    event.subEventType = optionalText(field(c.subType));
    event.disorderType = trim(field(c.disorder));
    event.admin1 = optionalText(field(c.admin1));
    event.admin2 = optionalText(field(c.admin2));
    event.admin3 = optionalText(field(c.admin3));
    event.actor1 = optionalText(field(c.actor1));
    event.actor2 = optionalText(field(c.actor2));
    event.assocActor1 = optionalText(field(c.assoc1));
    event.assocActor2 = optionalText(field(c.assoc2));
    event.associated = associated;
    event.inter1 = uint8_t(interCode(field(c.inter1)));
    event.inter2 = uint8_t(interCode(field(c.inter2)));
    event.interaction = uint16_t(interactionCode(field(c.interaction)));
    event.civilianTargeting = !optionalText(field(c.civilian)).empty();
    event.lat = *lat;
    event.lon = *lon;
    event.fatalities = *deaths;
    event.location = optionalText(field(c.location));
    event.notes = field(c.notes);
    event.source = trim(field(c.source));
    event.tags = optionalText(field(c.tags));
    event.sourceRow = uint32_t(row);
    if (stretch) event.stretch = *stretch;
    const uint32_t added = builder.add(event);
    if (numericDate) numericDates.push_back({added, *numericDate, row});
  }
  builder.finish();
  if (!numericDates.empty()) {
    auto quote = [](size_t at) { return "row " + std::to_string(at); };
    if (dayFirstRow && monthFirstRow)
      return Error{name + ": its dates are written in both orders (" + quote(*dayFirstRow) + " is day/month, " +
                   quote(*monthFirstRow) + " month/day); re-save them as 2020-12-31"};
    const auto ambiguous = std::find_if(numericDates.begin(), numericDates.end(),
                                        [](const NumericDateRow& d) { return d.date.first != d.date.second; });
    if (!dayFirstRow && !monthFirstRow && ambiguous != numericDates.end())
      return Error{name + ": dates like '" + formatNumericDate(ambiguous->date) + "' (" + quote(ambiguous->row) +
                   ") could be day/month or month/day, and no date in the file has a part above 12 to tell which; "
                   "re-save the dates as 2020-12-31 (or with month names)"};
    if (monthFirstRow) {
      for (const NumericDateRow& d : numericDates) t.day[d.event] = d.date.days(false);
      import.dateOrder = "dates read month/day (US order), as " + quote(*monthFirstRow) + " shows";
    }
  }
  if (t.size() == 0 && import.rowsRead > 0)
    return Error{name + ": none of its " + std::to_string(import.rowsRead) + " rows could be read (" +
                 (import.problems.empty() ? std::string("?") : "row " + std::to_string(import.problems[0].row) + ": " + import.problems[0].reason) + ")"};
  if (t.size() == 0) return Error{name + ": no events (only a header row)"};
  if (progress) progress(1.0);
  return import;
}

}  // namespace

Result<EventImport> parseAcledCsv(std::string_view text, const std::string& name, const ImportProgress& progress) {
  try {
    return parseAcledRows(text, name, progress);
  } catch (const std::length_error& e) {  // text beyond what a column holds (gigabytes of it): a message, not an abort
    return Error{name + ": " + e.what()};
  }
}

Result<EventImport> readAcledCsv(const std::string& path, const ImportProgress& progress) {
  if (Status usable = checkInputFile(path); !usable) return Error{usable.error()};
  // The file is mapped, not read into a buffer, and the pages already parsed are given back as the parse moves
  // on: peak memory is the table, not the table plus the whole file (a 1M-row export is 300 MB of text).
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error{path + ": cannot open: " + std::strerror(errno)};
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    ::close(fd);
    return Error{path + ": cannot read: " + std::strerror(errno)};
  }
  const auto size = size_t(info.st_size);
  if (size == 0) {
    ::close(fd);
    return parseAcledCsv({}, path, progress);
  }
  void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (mapped == MAP_FAILED) return Error{path + ": cannot read: " + std::strerror(errno)};
  ::madvise(mapped, size, MADV_SEQUENTIAL);
  const auto page = size_t(::sysconf(_SC_PAGESIZE));
  size_t released = 0;
  auto releasing = [&](double fraction) {
    // Unmodified private pages come back from the file if touched again: releasing is safe, never wrong.
    const size_t done = size_t(fraction * double(size));
    const size_t upTo = done > (1u << 20) ? (done - (1u << 20)) / page * page : 0;
    if (upTo > released) {
      ::madvise(static_cast<char*>(mapped) + released, upTo - released, MADV_DONTNEED);
      released = upTo;
    }
    return !progress || progress(fraction);
  };
  auto import = parseAcledCsv(std::string_view(static_cast<const char*>(mapped), size), path, releasing);
  ::munmap(mapped, size);
  return import;
}

}  // namespace sitmap
