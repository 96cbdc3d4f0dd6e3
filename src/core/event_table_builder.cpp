// Event table building: one push per column per event, merges applied in event order at the end.
#include "core/event_table_builder.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <unordered_set>

namespace sitmap {

uint32_t EventTableBuilder::add(const EventRow& r) {
  EventTable& t = m_table;
  const auto index = uint32_t(t.size());
  t.id.push(r.id);
  t.day.push_back(r.day);
  t.timePrecision.push_back(r.timePrecision);
  t.geoPrecision.push_back(r.geoPrecision);
  const uint32_t type = t.eventTypes.code(r.eventType);
  t.eventType.push_back(type);
  // The category is worked out once per distinct type (categoryOf folds the text, which allocates).
  if (type >= m_categoryOfType.size()) m_categoryOfType.resize(type + 1, -1);
  if (m_categoryOfType[type] < 0) m_categoryOfType[type] = int8_t(categoryOf(r.eventType));
  t.category.push_back(uint8_t(m_categoryOfType[type]));
  t.subEventType.push_back(t.subEventTypes.code(r.subEventType));
  t.disorderType.push_back(t.disorderTypes.code(r.disorderType));
  t.admin1.push_back(t.admin1Names.code(r.admin1));
  t.admin2.push_back(t.admin2Names.code(r.admin2));
  t.admin3.push_back(t.admin3Names.code(r.admin3));
  const uint32_t actor1 = t.actorNames.code(r.actor1), actor2 = t.actorNames.code(r.actor2);
  t.actor1.push_back(actor1);
  t.actor2.push_back(actor2);
  const size_t first = t.actorCodes.size();
  auto list = [&](uint32_t code) {
    if (code && std::find(t.actorCodes.begin() + long(first), t.actorCodes.end(), code) == t.actorCodes.end())
      t.actorCodes.push_back(code);
  };
  list(actor1);
  list(actor2);
  for (std::string_view associate : r.associated) list(t.actorNames.code(associate));
  t.actorOffsets.push_back(uint32_t(t.actorCodes.size()));
  t.assocActor1.push(r.assocActor1);
  t.assocActor2.push(r.assocActor2);
  t.inter1.push_back(r.inter1);
  t.inter2.push_back(r.inter2);
  t.interaction.push_back(r.interaction);
  t.civilianTargeting.push_back(r.civilianTargeting);
  t.lon.push_back(r.lon);
  t.lat.push_back(r.lat);
  t.fatalities.push_back(r.fatalities);
  t.location.push(r.location);
  t.notes.push(r.notes);
  t.source.push(r.source);
  t.tags.push(r.tags);
  t.sourceRows.push_back(r.sourceRow);
  t.sourceRowOffsets.push_back(uint32_t(t.sourceRows.size()));
  if (!r.stretch.empty()) t.stretches.emplace(index, std::vector<LonLat>(r.stretch.begin(), r.stretch.end()));
  return index;
}

void EventTableBuilder::mergeRepeat(uint32_t event, std::string_view actor, uint8_t inter,
                                    std::span<const std::string_view> associated, uint32_t sourceRow) {
  EventTable& t = m_table;
  const uint32_t code = t.actorNames.code(actor);
  if (code && code != t.actor1[event] && code != t.actor2[event]) {
    if (t.actor2[event] == 0) {
      t.actor2[event] = code;
      t.inter2[event] = inter;
    }
    m_extraActors.emplace_back(event, code);
  }
  for (std::string_view associate : associated) m_extraActors.emplace_back(event, t.actorNames.code(associate));
  m_extraRows.emplace_back(event, sourceRow);
}

void EventTableBuilder::finish() {
  EventTable& t = m_table;
  // Merged rows add actors and source rows to earlier events: rebuild those two lists once, in event order,
  // keeping each value once per event.
  auto rebuild = [&](std::vector<uint32_t>& offsets, std::vector<uint32_t>& values, std::vector<std::pair<uint32_t, uint32_t>>& extras) {
    if (extras.empty()) return;
    std::stable_sort(extras.begin(), extras.end(), [](auto& a, auto& b) { return a.first < b.first; });
    std::vector<uint32_t> newOffsets{0}, newValues;
    newOffsets.reserve(offsets.size());
    newValues.reserve(values.size() + extras.size());
    size_t k = 0;
    for (uint32_t e = 0; e + 1 < offsets.size(); ++e) {
      newValues.insert(newValues.end(), values.begin() + offsets[e], values.begin() + offsets[e + 1]);
      for (; k < extras.size() && extras[k].first == e; ++k)
        if (std::find(newValues.begin() + newOffsets.back(), newValues.end(), extras[k].second) == newValues.end())
          newValues.push_back(extras[k].second);
      newOffsets.push_back(uint32_t(newValues.size()));
    }
    offsets.swap(newOffsets);
    values.swap(newValues);
    extras.clear();
  };
  rebuild(t.actorOffsets, t.actorCodes, m_extraActors);
  rebuild(t.sourceRowOffsets, t.sourceRows, m_extraRows);

  const size_t n = t.size();
  const std::pair<const char*, size_t> lengths[] = {
      {"id", t.id.size()}, {"time_precision", t.timePrecision.size()}, {"geo_precision", t.geoPrecision.size()},
      {"event_type", t.eventType.size()}, {"category", t.category.size()}, {"sub_event_type", t.subEventType.size()},
      {"disorder_type", t.disorderType.size()}, {"admin1", t.admin1.size()}, {"admin2", t.admin2.size()},
      {"admin3", t.admin3.size()}, {"actor1", t.actor1.size()}, {"actor2", t.actor2.size()},
      {"actor lists", t.actorOffsets.size() - 1}, {"assoc_actor_1", t.assocActor1.size()},
      {"assoc_actor_2", t.assocActor2.size()}, {"inter1", t.inter1.size()}, {"inter2", t.inter2.size()},
      {"interaction", t.interaction.size()}, {"civilian_targeting", t.civilianTargeting.size()}, {"longitude", t.lon.size()},
      {"latitude", t.lat.size()}, {"fatalities", t.fatalities.size()}, {"location", t.location.size()},
      {"notes", t.notes.size()}, {"source", t.source.size()}, {"tags", t.tags.size()},
      {"source rows", t.sourceRowOffsets.size() - 1}};
  for (const auto& [column, length] : lengths)
    if (length != n)
      throw std::logic_error(std::string("event table: column ") + column + " has " + std::to_string(length) + " values for " +
                             std::to_string(n) + " events");
}

EventRow eventRow(const EventTable& t, uint32_t i, std::vector<std::string_view>& associated) {
  EventRow r;
  r.id = t.id[i];
  r.day = t.day[i];
  r.timePrecision = t.timePrecision[i];
  r.geoPrecision = t.geoPrecision[i];
  r.eventType = t.eventTypes.value(t.eventType[i]);
  r.subEventType = t.subEventTypes.value(t.subEventType[i]);
  r.disorderType = t.disorderTypes.value(t.disorderType[i]);
  r.admin1 = t.admin1Names.value(t.admin1[i]);
  r.admin2 = t.admin2Names.value(t.admin2[i]);
  r.admin3 = t.admin3Names.value(t.admin3[i]);
  r.actor1 = t.actorNames.value(t.actor1[i]);
  r.actor2 = t.actorNames.value(t.actor2[i]);
  r.assocActor1 = t.assocActor1[i];
  r.assocActor2 = t.assocActor2[i];
  associated.clear();
  for (uint32_t a = t.actorOffsets[i]; a < t.actorOffsets[i + 1]; ++a)
    if (t.actorCodes[a] != t.actor1[i] && t.actorCodes[a] != t.actor2[i]) associated.push_back(t.actorNames.value(t.actorCodes[a]));
  r.associated = associated;
  r.inter1 = t.inter1[i];
  r.inter2 = t.inter2[i];
  r.interaction = t.interaction[i];
  r.civilianTargeting = t.civilianTargeting[i];
  r.lon = t.lon[i];
  r.lat = t.lat[i];
  r.fatalities = t.fatalities[i];
  r.location = t.location[i];
  r.notes = t.notes[i];
  r.source = t.source[i];
  r.tags = t.tags[i];
  if (auto stretch = t.stretches.find(i); stretch != t.stretches.end()) r.stretch = stretch->second;
  r.sourceRow = t.sourceRows[t.sourceRowOffsets[i]];
  return r;
}

EventTable mergeEvents(const EventTable& kept, const EventTable& newer) {
  EventTable merged;
  merged.layout = newer.layout;
  merged.header = newer.header.empty() ? kept.header : newer.header;
  std::unordered_set<std::string_view> replaced;
  for (size_t i = 0; i < newer.size(); ++i) replaced.insert(newer.id[i]);
  EventTableBuilder builder(merged);
  std::vector<std::string_view> associated;
  for (uint32_t i = 0; i < kept.size(); ++i)
    if (!replaced.count(kept.id[i])) builder.add(eventRow(kept, i, associated));
  for (uint32_t i = 0; i < newer.size(); ++i) builder.add(eventRow(newer, i, associated));
  builder.finish();
  return merged;
}

}  // namespace sitmap
