// Filter evaluation: each criterion becomes a lookup table over dictionary codes, then one pass over the columns.
#include "core/event_filter.hpp"

#include <algorithm>
#include <cmath>
#include <atomic>
#include <thread>

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

  // The pass over the columns. Everything it reads is hoisted into locals first: with the result vector being
  // written in the loop, the compiler would otherwise reload each column pointer for every event.
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
  const bool civiliansOnly = filter.civilianTargetingOnly, byInter = !filter.interCodes.empty();
  const bool byInteraction = !filter.interactions.empty(), byRegion = !filter.regions.empty();
  const std::vector<int>& interactions = filter.interactions;
  const uint8_t* regionMask = m_regionMask.data();
  const auto pass = [&, codeTests](uint32_t begin, uint32_t end, std::vector<uint32_t>& out, int64_t& fatalities) {
    int64_t sum = 0;
    for (uint32_t i = begin; i < end; ++i) {
      if (days[i] < from || days[i] > to || deaths[i] < minFatalities) continue;
      bool keep = true;
      for (const Test& test : codeTests) keep = keep && test.allowed[test.codes[i]];
      if (!keep) continue;
      if (civiliansOnly && !t.civilianTargeting[i]) continue;
      if (byInter && !interAllowed[t.inter1[i]] && !interAllowed[t.inter2[i]]) continue;
      if (byInteraction && std::find(interactions.begin(), interactions.end(), int(t.interaction[i])) == interactions.end())
        continue;
      if (actors) {
        bool any = false;
        for (uint32_t k = t.actorOffsets[i]; k < t.actorOffsets[i + 1] && !any; ++k) any = (*actors)[t.actorCodes[k]];
        if (!any) continue;
      }
      if (byRegion && !regionMask[i]) continue;
      if (folded && (*folded)[i].find(needle) == std::string_view::npos) continue;
      out.push_back(i);
      sum += deaths[i];
    }
    fatalities += sum;
  };
  const auto n = uint32_t(t.size());
  m_result.clear();
  m_result.reserve(n);
  m_fatalities = 0;
  static std::atomic<uint64_t> s_versions{0};
  m_version = ++s_versions;
  if (n < 200000) {
    pass(0, n, m_result, m_fatalities);
    return m_result;
  }
  std::vector<uint32_t>& upper = m_upperHalf;  // kept between calls: no fresh allocation (and page faults) each time
  upper.clear();
  upper.reserve(n / 2 + 1);
  int64_t upperFatalities = 0;
  std::thread helper([&] { pass(n / 2, n, upper, upperFatalities); });
  pass(0, n / 2, m_result, m_fatalities);
  helper.join();
  m_result.insert(m_result.end(), upper.begin(), upper.end());
  m_fatalities += upperFatalities;
  return m_result;
}

}  // namespace sitmap
