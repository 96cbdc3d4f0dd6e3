// Filter evaluation: each criterion becomes a lookup table over dictionary codes, then one pass over the columns.
#include "core/event_filter.hpp"

#include <algorithm>
#include <cmath>
#include <atomic>

#include "core/text.hpp"

namespace sitmap {

std::string describeFilter(const EventFilter& f) {
  std::vector<std::string> parts;
  auto list = [&](const char* what, const std::vector<std::string>& values) {
    if (values.empty()) return;
    std::string text = what;
    for (size_t i = 0; i < values.size(); ++i) text += (i ? i + 1 == values.size() ? " or " : ", " : " ") + values[i];
    parts.push_back(text);
  };
  list("admin1", f.admin1);
  list("admin2", f.admin2);
  list("admin3", f.admin3);
  list("type", f.eventTypes);
  list("sub-type", f.subEventTypes);
  list("actor", f.actors);
  const auto codes = [](const std::vector<int>& values) {
    std::vector<std::string> texts;
    for (int code : values) texts.push_back(std::to_string(code));
    return texts;
  };
  list("actor type", codes(f.interCodes));
  list("interaction", codes(f.interactions));
  if (f.civilianTargetingOnly) parts.push_back("civilians targeted");
  if (f.minFatalities > 0) parts.push_back("at least " + countOf(uint64_t(f.minFatalities), "fatality", "fatalities"));
  if (!f.text.empty()) parts.push_back("text '" + f.text + "'");
  if (!f.regions.empty()) {
    std::vector<std::string> names;
    for (const RegionShape& r : f.regions) names.push_back(r.name);
    list("in", names);
  }
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "; " : "") + parts[i];
  return out;
}

bool filterNarrows(const EventFilter& narrower, const EventFilter& wider) {
  auto within = [](const std::vector<std::string>& inner, const std::vector<std::string>& outer) {
    if (outer.empty()) return true;
    if (inner.empty()) return false;
    std::vector<std::string> folded;
    for (const std::string& name : outer) folded.push_back(foldForMatching(name));
    return std::all_of(inner.begin(), inner.end(), [&](const std::string& name) {
      return std::find(folded.begin(), folded.end(), foldForMatching(name)) != folded.end();
    });
  };
  auto codesWithin = [](const std::vector<int>& inner, const std::vector<int>& outer) {
    if (outer.empty()) return true;
    return !inner.empty() && std::all_of(inner.begin(), inner.end(), [&](int code) {
      return std::find(outer.begin(), outer.end(), code) != outer.end();
    });
  };
  if (wider.fromDay && (!narrower.fromDay || *narrower.fromDay < *wider.fromDay)) return false;
  if (wider.toDay && (!narrower.toDay || *narrower.toDay > *wider.toDay)) return false;
  return within(narrower.admin1, wider.admin1) && within(narrower.admin2, wider.admin2) &&
         within(narrower.admin3, wider.admin3) && within(narrower.eventTypes, wider.eventTypes) &&
         within(narrower.subEventTypes, wider.subEventTypes) && within(narrower.actors, wider.actors) &&
         codesWithin(narrower.interCodes, wider.interCodes) && codesWithin(narrower.interactions, wider.interactions) &&
         (!wider.civilianTargetingOnly || narrower.civilianTargetingOnly) && narrower.minFatalities >= wider.minFatalities &&
         (wider.text.empty() || foldForMatching(narrower.text).find(foldForMatching(wider.text)) != std::string::npos) &&
         (wider.regions.empty() || narrower.regions == wider.regions);
}

namespace {

// Per dictionary code: 1 where the value is one of `names` (folded comparison). Empty `names`: nullopt (no test).
std::optional<std::vector<uint8_t>> allowedCodes(const Dictionary& dictionary, const std::vector<std::string>& names) {
  if (names.empty()) return std::nullopt;
  std::vector<std::string> wanted;
  for (const std::string& name : names) wanted.push_back(foldForMatching(name));
  std::vector<uint8_t> allowed(dictionary.size(), 0);
  for (size_t code = 1; code < dictionary.size(); ++code)
    allowed[code] = std::find(wanted.begin(), wanted.end(), foldForMatching(dictionary.value(uint32_t(code)))) != wanted.end();
  return allowed;
}

// Event types: a name matches a type itself, or every type of the category it names, so "Battles" finds the
// pre-2019 "Battle-No change of territory" as the map colours it; "Protests" and "Riots" each find the pre-2019
// "Riots/Protests", which may be either.
std::optional<std::vector<uint8_t>> allowedTypes(const Dictionary& dictionary, const std::vector<std::string>& names) {
  auto allowed = allowedCodes(dictionary, names);
  if (!allowed) return allowed;
  std::vector<std::string> wanted;
  for (const std::string& name : names) wanted.push_back(foldForMatching(name));
  auto named = [&](EventCategory category) {
    return std::find(wanted.begin(), wanted.end(), foldForMatching(categoryName(category))) != wanted.end();
  };
  for (size_t code = 1; code < dictionary.size(); ++code) {
    const EventCategory category = categoryOf(dictionary.value(uint32_t(code)));
    if (category != EventCategory::Other && named(category)) (*allowed)[code] = 1;
    if (category == EventCategory::RiotsProtests && (named(EventCategory::Riots) || named(EventCategory::Protests)))
      (*allowed)[code] = 1;
  }
  return allowed;
}

// ACLED names actors "NAME: description" or "NAME (years)": a term matches the whole name or that leading NAME,
// so "MINUSMA" finds "MINUSMA: United Nations ..." and "Military Forces of Mali" finds every period's forces.
std::optional<std::vector<uint8_t>> allowedActors(const Dictionary& dictionary, const std::vector<std::string>& names) {
  if (names.empty()) return std::nullopt;
  std::vector<std::string> wanted;
  for (const std::string& name : names) wanted.push_back(foldForMatching(name));
  std::vector<uint8_t> allowed(dictionary.size(), 0);
  for (size_t code = 1; code < dictionary.size(); ++code) {
    const std::string actor = foldForMatching(dictionary.value(uint32_t(code)));
    for (const std::string& term : wanted) {
      const bool whole = actor == term;
      const bool leading = actor.size() > term.size() + 1 && actor.compare(0, term.size(), term) == 0 &&
                           (actor.compare(term.size(), 1, ":") == 0 || actor.compare(term.size(), 2, " (") == 0);
      if (whole || leading) allowed[code] = 1;
    }
  }
  return allowed;
}

}  // namespace

RegionIndex::RegionIndex(const std::vector<RegionShape>& regions) : m_regionCount(regions.size()) {
  std::vector<Edge> edges;
  for (size_t r = 0; r < regions.size(); ++r)
    for (const auto& ring : regions[r].rings)
      for (size_t i = 0; i < ring.size(); ++i) {
        const Vec2 a = ring[i], b = ring[(i + 1) % ring.size()];
        if (a.y == b.y) continue;  // horizontal edges never cross a horizontal ray
        edges.push_back({a.x, a.y, b.x, b.y, uint32_t(r)});
        m_bounds.expand(a);
      }
  if (edges.empty()) return;
  const size_t bandCount = std::clamp<size_t>(edges.size() / 4, 1, 4096);
  m_bandHeight = std::max(m_bounds.height() / double(bandCount), 1e-12);
  m_bands.resize(bandCount);
  for (const Edge& e : edges) {
    const auto band = [&](double y) {
      return std::clamp<long>(long(std::floor((y - m_bounds.minY) / m_bandHeight)), 0, long(bandCount) - 1);
    };
    for (long b = band(std::min(e.y0, e.y1)); b <= band(std::max(e.y0, e.y1)); ++b) m_bands[size_t(b)].push_back(e);
  }
}

bool RegionIndex::containsAny(Vec2 p) const {
  if (m_bands.empty() || !m_bounds.contains(p)) return false;
  const size_t band = std::min(m_bands.size() - 1, size_t((p.y - m_bounds.minY) / m_bandHeight));
  // Even-odd ray casting to the east, one parity bit per region.
  std::vector<uint8_t> inside(m_regionCount, 0);
  for (const Edge& e : m_bands[band]) {
    if ((e.y0 > p.y) == (e.y1 > p.y)) continue;  // half-open: a vertex exactly on the ray counts once
    const double x = e.x0 + (p.y - e.y0) * (e.x1 - e.x0) / (e.y1 - e.y0);
    if (x > p.x) inside[e.region] ^= 1;
  }
  return std::find(inside.begin(), inside.end(), 1) != inside.end();
}

EventFilterEngine::EventFilterEngine(const EventTable& table) : m_table(table) {}
EventFilterEngine::~EventFilterEngine() = default;

void EventFilterEngine::rebuildRegionMask(const std::vector<RegionShape>& regions) {
  if (regions == m_maskRegions && m_regionMask.size() == m_table.size()) return;
  m_maskRegions = regions;
  const RegionIndex index(regions);
  m_regionMask.assign(m_table.size(), 0);
  for (size_t i = 0; i < m_table.size(); ++i) m_regionMask[i] = index.containsAny({m_table.lon[i], m_table.lat[i]});
}

const StringColumn& EventFilterEngine::foldedTexts() {
  if (!m_folded) {
    m_folded = std::make_unique<StringColumn>();
    for (size_t i = 0; i < m_table.size(); ++i) {
      std::string text(m_table.location[i]);
      text += '\n';
      text += m_table.notes[i];
      m_folded->push(foldForMatching(text));
    }
  }
  return *m_folded;
}

const std::vector<uint32_t>& EventFilterEngine::apply(const EventFilter& filter) {
  if (m_last && *m_last == filter) return m_result;
  m_last = filter;
  const EventTable& t = m_table;
  const auto types = allowedTypes(t.eventTypes, filter.eventTypes);
  const auto subTypes = allowedCodes(t.subEventTypes, filter.subEventTypes);
  const auto admin1 = allowedCodes(t.admin1Names, filter.admin1);
  const auto admin2 = allowedCodes(t.admin2Names, filter.admin2);
  const auto admin3 = allowedCodes(t.admin3Names, filter.admin3);
  const auto actors = allowedActors(t.actorNames, filter.actors);
  std::vector<uint8_t> interAllowed(256, 0);
  for (int code : filter.interCodes)
    if (code >= 0 && code < 256) interAllowed[size_t(code)] = 1;
  if (!filter.regions.empty()) rebuildRegionMask(filter.regions);
  const std::string needle = foldForMatching(filter.text);
  const StringColumn* folded = needle.empty() ? nullptr : &foldedTexts();
  const int32_t from = filter.fromDay.value_or(INT32_MIN), to = filter.toDay.value_or(INT32_MAX);

  // Two passes. The first tests the criteria every filter has (dates, fatalities) and the coded ones (types,
  // admin names) without a branch: each event's index is written and the count advances by 0 or 1, so the loop
  // never mispredicts on a filter that keeps events at random. The second narrows the survivors by the rarer
  // criteria (civilian targeting, inter codes, interactions, actors, regions, text), branching over survivors only.
  struct Test {
    const uint8_t* allowed;
    const uint32_t* codes;
  };
  std::vector<Test> codeTests;
  for (auto [allowed, codes] : {std::pair{&types, &t.eventType}, {&subTypes, &t.subEventType}, {&admin1, &t.admin1},
                                {&admin2, &t.admin2}, {&admin3, &t.admin3}})
    if (*allowed) codeTests.push_back({(*allowed)->data(), codes->data()});
  const int32_t* days = t.day.data();
  const int32_t* deaths = t.fatalities.data();
  const int32_t minFatalities = filter.minFatalities;
  // from <= day <= to as one unsigned comparison: day - from, computed unsigned, wraps past `span` below the range.
  const uint32_t first = uint32_t(from), span = uint32_t(to) - uint32_t(from);
  const auto n = uint32_t(t.size());
  if (m_scratch.size() < n) m_scratch.resize(n);  // sized once: no zero-filling on each pass
  uint32_t* out = m_scratch.data();
  uint32_t count = 0;
  if (from <= to && codeTests.empty()) {
    for (uint32_t i = 0; i < n; ++i) {
      out[count] = i;
      count += uint32_t(uint32_t(days[i]) - first <= span) & uint32_t(deaths[i] >= minFatalities);
    }
  } else if (from <= to) {
    for (uint32_t i = 0; i < n; ++i) {
      uint32_t keep = uint32_t(uint32_t(days[i]) - first <= span) & uint32_t(deaths[i] >= minFatalities);
      for (const Test& test : codeTests) keep &= test.allowed[test.codes[i]];
      out[count] = i;
      count += keep;
    }
  }
  const bool civiliansOnly = filter.civilianTargetingOnly, byInter = !filter.interCodes.empty();
  const bool byInteraction = !filter.interactions.empty(), byRegion = !filter.regions.empty();
  if (civiliansOnly || byInter || byInteraction || actors || byRegion || folded) {
    const std::vector<int>& interactions = filter.interactions;
    uint32_t kept = 0;
    for (uint32_t k = 0; k < count; ++k) {
      const uint32_t i = out[k];
      if (civiliansOnly && !t.civilianTargeting[i]) continue;
      if (byInter && !interAllowed[t.inter1[i]] && !interAllowed[t.inter2[i]]) continue;
      if (byInteraction && std::find(interactions.begin(), interactions.end(), int(t.interaction[i])) == interactions.end())
        continue;
      if (actors) {
        bool any = false;
        for (uint32_t a = t.actorOffsets[i]; a < t.actorOffsets[i + 1] && !any; ++a) any = (*actors)[t.actorCodes[a]];
        if (!any) continue;
      }
      if (byRegion && !m_regionMask[i]) continue;
      if (folded && (*folded)[i].find(needle) == std::string_view::npos) continue;
      out[kept++] = i;
    }
    count = kept;
  }
  int64_t fatalities = 0;
  for (uint32_t k = 0; k < count; ++k) fatalities += deaths[out[k]];
  m_result.assign(out, out + count);
  m_fatalities = fatalities;
  static std::atomic<uint64_t> s_versions{0};
  m_version = ++s_versions;
  return m_result;
}

}  // namespace sitmap
