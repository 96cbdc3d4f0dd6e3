// Event columns and the ACLED category mapping.
#include "core/event_table.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>

#include "core/text.hpp"

namespace sitmap {

void StringColumn::pushOffset(uint64_t absolute) {
  const size_t k = m_offsets.size();
  if (k % kBlockSize == 0) m_blockStarts.push_back(absolute);
  const uint64_t relative = absolute - m_blockStarts.back();
  if (relative > UINT32_MAX) throw std::length_error("over 4 GiB of text in " + std::to_string(kBlockSize) + " values of one column");
  m_offsets.push_back(uint32_t(relative));
}

void StringColumn::push(std::string_view text) {
  m_chars.append(text);
  pushOffset(m_chars.size());
}

uint32_t Dictionary::code(std::string_view text) {
  auto it = m_index.find(text);
  if (it != m_index.end()) return it->second;
  const auto next = uint32_t(m_values.size());
  m_values.emplace_back(text);
  m_index.emplace(m_values.back(), next);
  return next;
}

int64_t Dictionary::find(std::string_view text) const {
  auto it = m_index.find(text);
  return it == m_index.end() ? -1 : int64_t(it->second);
}

EventCategory categoryOf(std::string_view eventType) {
  const std::string t = foldForMatching(eventType);
  if (t.rfind("battle", 0) == 0) return EventCategory::Battles;
  if (t.find("remote violence") != std::string::npos || t.find("explosion") != std::string::npos)
    return EventCategory::ExplosionsRemoteViolence;
  if (t == "violence against civilians") return EventCategory::ViolenceAgainstCivilians;
  if (t == "protests") return EventCategory::Protests;
  if (t == "riots") return EventCategory::Riots;
  if (t == "riots/protests") return EventCategory::RiotsProtests;  // pre-2019: one type for both
  if (t.rfind("strategic development", 0) == 0 || t == "non-violent transfer of territory" ||
      t == "headquarters or base established")
    return EventCategory::StrategicDevelopments;
  return EventCategory::Other;
}

const char* categoryName(EventCategory category) {
  switch (category) {
    case EventCategory::Battles: return "Battles";
    case EventCategory::ExplosionsRemoteViolence: return "Explosions/Remote violence";
    case EventCategory::ViolenceAgainstCivilians: return "Violence against civilians";
    case EventCategory::Protests: return "Protests";
    case EventCategory::Riots: return "Riots";
    case EventCategory::StrategicDevelopments: return "Strategic developments";
    case EventCategory::RiotsProtests: return "Riots/Protests (before 2019)";
    case EventCategory::Other: return "Other";
  }
  return "Other";
}

size_t EventTable::bytes() const {
  auto vec = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
  return id.bytes() + vec(day) + vec(timePrecision) + vec(geoPrecision) + vec(eventType) + vec(subEventType) +
         vec(disorderType) + vec(admin1) + vec(admin2) + vec(admin3) + vec(category) + vec(actor1) + vec(actor2) +
         vec(actorOffsets) + vec(actorCodes) + assocActor1.bytes() + assocActor2.bytes() + vec(inter1) + vec(inter2) +
         vec(interaction) + vec(civilianTargeting) + vec(lon) + vec(lat) + vec(fatalities) + location.bytes() +
         notes.bytes() + source.bytes() + tags.bytes() + vec(sourceRowOffsets) + vec(sourceRows);
}

}  // namespace sitmap
