// Event columns and the ACLED category mapping.
#include "core/event_table.hpp"

#include "core/text.hpp"

namespace sitmap {

void StringColumn::push(std::string_view text) {
  m_chars.append(text);
  m_offsets.push_back(m_chars.size());
}

void StringColumn::set(size_t i, std::string_view text) {
  const uint64_t begin = m_offsets[i], end = m_offsets[i + 1];
  m_chars.replace(begin, end - begin, text);
  const int64_t shift = int64_t(text.size()) - int64_t(end - begin);
  for (size_t k = i + 1; k < m_offsets.size(); ++k) m_offsets[k] = uint64_t(int64_t(m_offsets[k]) + shift);
}

uint32_t Dictionary::code(std::string_view text) {
  auto it = m_index.find(std::string(text));
  if (it != m_index.end()) return it->second;
  const auto next = uint32_t(m_values.size());
  m_values.emplace_back(text);
  m_index.emplace(m_values.back(), next);
  return next;
}

int64_t Dictionary::find(std::string_view text) const {
  auto it = m_index.find(std::string(text));
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
