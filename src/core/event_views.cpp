// Panel computations over event columns.
#include "core/event_views.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "core/civil_date.hpp"
#include "core/text.hpp"

namespace sitmap {

uint32_t HistogramBin::total() const { return std::accumulate(perCategory.begin(), perCategory.end(), 0u); }

TimeUnit unitForSpan(int32_t days) {
  if (days <= 120) return TimeUnit::Day;
  if (days <= 730) return TimeUnit::Week;
  return TimeUnit::Month;
}

namespace {

// The first day of the bin holding `day`.
int32_t binStart(int32_t day, TimeUnit unit) {
  switch (unit) {
    case TimeUnit::Day: return day;
    case TimeUnit::Week: {
      const int32_t weekday = ((day % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday: Monday = 0
      return day - weekday;
    }
    case TimeUnit::Month: {
      int y = 0, m = 0, d = 0;
      civilFromDays(day, y, m, d);
      return daysFromCivil(y, m, 1);
    }
  }
  return day;
}

int32_t nextBinStart(int32_t start, TimeUnit unit) {
  if (unit == TimeUnit::Day) return start + 1;
  if (unit == TimeUnit::Week) return start + 7;
  int y = 0, m = 0, d = 0;
  civilFromDays(start, y, m, d);
  return m == 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1);
}

}  // namespace

Histogram buildHistogram(const EventTable& table, const std::vector<uint32_t>& events) {
  if (events.empty()) return {};
  int32_t first = INT32_MAX, last = INT32_MIN;
  for (uint32_t e : events) {
    first = std::min(first, table.day[e]);
    last = std::max(last, table.day[e]);
  }
  return buildHistogram(table, events, first, last);
}

Histogram buildHistogram(const EventTable& table, const std::vector<uint32_t>& events, int32_t first, int32_t last) {
  Histogram histogram;
  if (last < first) return histogram;
  histogram.unit = unitForSpan(last - first + 1);
  for (int32_t start = binStart(first, histogram.unit); start <= last; start = nextBinStart(start, histogram.unit)) {
    HistogramBin bin;
    bin.firstDay = start;
    bin.lastDay = nextBinStart(start, histogram.unit) - 1;
    histogram.bins.push_back(bin);
  }
  // Bins are consecutive: find each event's by binary search on the first days.
  for (uint32_t e : events) {
    const int32_t day = table.day[e];
    if (day < histogram.bins.front().firstDay || day > histogram.bins.back().lastDay) continue;
    auto it = std::upper_bound(histogram.bins.begin(), histogram.bins.end(), day,
                               [](int32_t d, const HistogramBin& b) { return d < b.firstDay; });
    HistogramBin& bin = *(it - 1);
    ++bin.perCategory[table.category[e]];
    bin.fatalities += table.fatalities[e];
  }
  return histogram;
}

RegionNameCheck checkRegionNames(const EventTable& t, const RegionShape& region) {
  RegionNameCheck check;
  check.name = region.name;
  const RegionIndex index({region});
  std::vector<uint8_t> inside(t.size());
  for (size_t e = 0; e < t.size(); ++e) check.inside += inside[e] = index.containsAny({t.lon[e], t.lat[e]});
  // The admin level whose names include the polygon's (accents and case ignored), most specific last.
  const std::string wanted = foldForMatching(region.name);
  const std::pair<const char*, std::pair<const Dictionary*, const std::vector<uint32_t>*>> levels[] = {
      {"admin1", {&t.admin1Names, &t.admin1}}, {"admin2", {&t.admin2Names, &t.admin2}}, {"admin3", {&t.admin3Names, &t.admin3}}};
  for (const auto& [level, columns] : levels) {
    const auto& [names, codes] = columns;
    std::vector<uint8_t> matches(names->size());
    bool any = false;
    for (size_t c = 1; c < names->size(); ++c) any |= matches[c] = foldForMatching(names->value(uint32_t(c))) == wanted;
    if (!any) continue;
    check.level = level;
    for (size_t e = 0; e < t.size(); ++e) {
      const bool named = matches[(*codes)[e]];
      check.named += named;
      check.namedOutside += named && !inside[e];
      check.insideOtherName += !named && inside[e];
    }
    break;
  }
  return check;
}

std::string RegionNameCheck::text() const {
  std::string out = name + ": " + countOf(inside, "event", "events") + " inside the polygon";
  if (level.empty()) return out + "; no event names it in admin1, admin2 or admin3";
  out += ", " + std::to_string(named) + " carry " + level + " '" + name + "'";
  if (agrees()) return out + " (the same events)";
  std::vector<std::string> why;
  if (namedOutside)
    why.push_back(std::to_string(namedOutside) +
                  " of those lie outside it (placed on a boundary that differs from the source's, or at a point beyond it)");
  if (insideOtherName) why.push_back(std::to_string(insideOtherName) + " inside it carry another " + level + " name");
  out += ": ";
  for (size_t i = 0; i < why.size(); ++i) out += (i ? "; " : "") + why[i];
  return out;
}

std::vector<AxisTick> dateAxisTicks(int32_t firstDay, int32_t lastDay, size_t maxTicks) {
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::vector<AxisTick> ticks;
  if (lastDay < firstDay || maxTicks == 0) return ticks;
  const int32_t span = lastDay - firstDay + 1;
  if (span < 60) {  // days: every 1, 2, 7 or 14 days, labelled "4 Nov"
    int32_t step = 1;
    for (int32_t s : {1, 2, 7, 14, 28})
      if (step = s; span / s + 1 <= int32_t(maxTicks)) break;
    for (int32_t day = firstDay; day <= lastDay; day += step) {
      int y = 0, m = 0, d = 0;
      civilFromDays(day, y, m, d);
      ticks.push_back({day, std::to_string(d) + " " + kMonths[m - 1]});
    }
    return ticks;
  }
  int y = 0, m = 0, d = 0;
  civilFromDays(firstDay, y, m, d);
  int months = 1;  // every 1, 2, 3, 6 or 12 months, or whole years beyond
  const int spanMonths = span / 30 + 1;
  for (int s : {1, 2, 3, 6, 12, 24, 60, 120})
    if (months = s; spanMonths / s + 1 <= int(maxTicks)) break;
  // The first month start on or after firstDay that falls on the step (January-aligned).
  int year = y, month = d == 1 ? m : m + 1;
  if (month > 12) month = 1, ++year;
  while ((year * 12 + month - 1) % months) {
    if (++month > 12) month = 1, ++year;
  }
  for (;;) {
    const int32_t day = daysFromCivil(year, month, 1);
    if (day > lastDay) break;
    ticks.push_back({day, month == 1 || months >= 12 ? std::to_string(year) : kMonths[month - 1]});
    month += months;
    while (month > 12) month -= 12, ++year;
  }
  return ticks;
}

void sortEvents(const EventTable& t, std::vector<uint32_t>& events, EventColumn column, bool ascending) {
  std::stable_sort(events.begin(), events.end(), [&](uint32_t a, uint32_t b) { return t.day[a] < t.day[b]; });
  auto by = [&](auto key) {
    std::stable_sort(events.begin(), events.end(), [&](uint32_t a, uint32_t b) {
      return ascending ? key(a) < key(b) : key(b) < key(a);
    });
  };
  switch (column) {
    case EventColumn::Date: by([&](uint32_t e) { return t.day[e]; }); break;
    case EventColumn::Type: by([&](uint32_t e) { return std::string_view(t.eventTypes.value(t.eventType[e])); }); break;
    case EventColumn::SubType: by([&](uint32_t e) { return std::string_view(t.subEventTypes.value(t.subEventType[e])); }); break;
    case EventColumn::Actor1: by([&](uint32_t e) { return std::string_view(t.actorNames.value(t.actor1[e])); }); break;
    case EventColumn::Actor2: by([&](uint32_t e) { return std::string_view(t.actorNames.value(t.actor2[e])); }); break;
    case EventColumn::Admin1: by([&](uint32_t e) { return std::string_view(t.admin1Names.value(t.admin1[e])); }); break;
    case EventColumn::Location: by([&](uint32_t e) { return t.location[e]; }); break;
    case EventColumn::Fatalities: by([&](uint32_t e) { return t.fatalities[e]; }); break;
  }
}

std::vector<CountRow> summarise(const EventTable& t, const std::vector<uint32_t>& events, SummaryBy by, size_t limit) {
  // Grouped by the name as the filter matches it (case and accents ignored), so "Gao" and "GAO" are one row
  // and clicking it filters on exactly what it counts. The row keeps the first spelling met.
  const Dictionary& names = by == SummaryBy::Admin1 ? t.admin1Names : by == SummaryBy::EventType ? t.eventTypes : t.actorNames;
  std::vector<uint32_t> groupOf(names.size());
  std::unordered_map<std::string, uint32_t> firstCodeOf;
  for (uint32_t code = 0; code < names.size(); ++code)
    groupOf[code] = firstCodeOf.emplace(foldForMatching(names.value(code)), code).first->second;
  std::unordered_map<uint32_t, CountRow> groups;
  auto add = [&](uint32_t code, uint32_t e) {
    CountRow& row = groups[groupOf[code]];
    row.value = names.value(groupOf[code]);
    ++row.events;
    row.fatalities += t.fatalities[e];
  };
  for (uint32_t e : events) {
    switch (by) {
      case SummaryBy::Admin1: add(t.admin1[e], e); break;
      case SummaryBy::EventType: add(t.eventType[e], e); break;
      case SummaryBy::Actor:
        for (uint32_t k = t.actorOffsets[e]; k < t.actorOffsets[e + 1]; ++k) add(t.actorCodes[k], e);
        break;
    }
  }
  std::vector<CountRow> rows;
  for (auto& [code, row] : groups) rows.push_back(std::move(row));
  std::sort(rows.begin(), rows.end(), [](const CountRow& a, const CountRow& b) {
    return a.events != b.events ? a.events > b.events : a.value < b.value;
  });
  if (rows.size() > limit) rows.resize(limit);
  for (CountRow& row : rows) row.name = row.value.empty() ? "(not given)" : row.value;
  return rows;
}

namespace {

// The filter's list for a grouping (const or not, as the filter is).
template <typename Filter>
auto& criterionOf(Filter& filter, SummaryBy by) {
  switch (by) {
    case SummaryBy::Admin1: return filter.admin1;
    case SummaryBy::EventType: return filter.eventTypes;
    case SummaryBy::Actor: break;
  }
  return filter.actors;
}

}  // namespace

bool filtersOnSummaryRow(const EventFilter& filter, SummaryBy by, const CountRow& row) {
  const std::vector<std::string>& values = criterionOf(filter, by);
  return !row.value.empty() && std::find(values.begin(), values.end(), row.value) != values.end();
}

EventFilter toggledBySummaryRow(EventFilter filter, SummaryBy by, const CountRow& row) {
  if (row.value.empty()) return filter;
  std::vector<std::string>& values = criterionOf(filter, by);
  if (auto it = std::find(values.begin(), values.end(), row.value); it != values.end()) values.erase(it);
  else values.push_back(row.value);
  return filter;
}

std::vector<uint32_t> eventsNear(const std::vector<Vec2>& positions, const std::vector<uint32_t>& events,
                                 const Viewport& view, Vec2 screen, double maxPx) {
  const Vec2 world = view.screenToWorld(screen);
  const double reach = maxPx * view.unitsPerPixel();
  std::vector<std::pair<double, uint32_t>> hits;
  for (uint32_t e : events) {
    const double dx = positions[e].x - world.x, dy = positions[e].y - world.y;
    if (const double d = dx * dx + dy * dy; d <= reach * reach) hits.push_back({d, e});
  }
  std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<uint32_t> near;
  for (const auto& hit : hits) near.push_back(hit.second);
  return near;
}

std::string summariseEvents(const EventTable& table, const std::vector<uint32_t>& events) {
  if (events.empty()) return "no incidents";
  int32_t first = table.day[events.front()], last = first;
  int64_t fatalities = 0;
  for (uint32_t e : events) {
    first = std::min(first, table.day[e]);
    last = std::max(last, table.day[e]);
    fatalities += table.fatalities[e];
  }
  const std::string when = first == last ? formatShortDate(first, true) : formatPeriod(first, last);
  std::string text = countOf(events.size(), "incident", "incidents") + ", " + when + ", " +
                     countOf(uint64_t(std::max<int64_t>(0, fatalities)), "fatality", "fatalities");
  const std::vector<CountRow> types = summarise(table, events, SummaryBy::EventType, 6);
  std::string kinds;
  for (const CountRow& row : types) kinds += (kinds.empty() ? "" : ", ") + row.name + " " + std::to_string(row.events);
  return kinds.empty() ? text : text + "\n" + kinds;
}

std::vector<DetailField> eventDetails(const EventTable& t, uint32_t e) {
  std::vector<DetailField> fields;
  const auto field = [&](const char* name, std::string_view value) {
    if (!value.empty()) fields.push_back({name, std::string(value)});
  };
  field("Event", t.id[e]);
  field("Date", eventDateText(t, e, false));
  field("Type", t.eventTypes.value(t.eventType[e]));
  field("Sub-type", t.subEventTypes.value(t.subEventType[e]));
  field("Disorder", t.disorderTypes.value(t.disorderType[e]));
  field("Actor 1", t.actorNames.value(t.actor1[e]));
  field("  with", t.assocActor1[e]);
  field("Actor 2", t.actorNames.value(t.actor2[e]));
  field("  with", t.assocActor2[e]);
  field("Interaction", std::to_string(t.interaction[e]));
  if (t.civilianTargeting[e]) field("Civilians", "targeted");
  field("Place", std::string(t.location[e]) + ", " + t.admin2Names.value(t.admin2[e]) + ", " + t.admin1Names.value(t.admin1[e]));
  field("Coordinates", std::to_string(t.lat[e]) + ", " + std::to_string(t.lon[e]));
  field("Precision", precisionText(t, e));
  field("Fatalities", std::to_string(t.fatalities[e]));
  field("Source", t.source[e]);
  field("Tags", t.tags[e]);
  return fields;
}

std::string eventDetailsText(const EventTable& t, uint32_t e) {
  std::string text;
  for (const DetailField& f : eventDetails(t, e)) {
    const size_t start = f.name.find_first_not_of(' ');
    text += f.name.substr(start == std::string::npos ? 0 : start) + ": " + f.value + "\n";
  }
  const std::string_view notes = t.notes[e];
  if (!notes.empty()) text += "\n" + std::string(notes) + "\n";
  return text;
}

std::string precisionText(const EventTable& table, uint32_t event) {
  const uint8_t geoPrecision = table.geoPrecision[event], timePrecision = table.timePrecision[event];
  std::string where = table.stretches.count(event) ? "location known only to a road stretch (drawn along it)"
                      : geoPrecision == 1          ? "location exact (town or site)"
                      : geoPrecision == 2          ? "location near the town shown"
                      : geoPrecision == 3 ? "location known only to the region (counted in its tally, not drawn at a point)"
                                          : "location precision not given";
  std::string when = timePrecision == 1   ? "date exact"
                     : timePrecision == 2 ? "date within the week"
                     : timePrecision == 3 ? "date within the month"
                                          : "date precision not given";
  return where + "; " + when;
}

std::string eventDateText(const EventTable& table, uint32_t event, bool brief) {
  const std::string date = formatIsoDate(table.day[event]);
  switch (table.timePrecision[event]) {
    case 2: return date + (brief ? " ~week" : " (approximate: within the week)");
    case 3: return date + (brief ? " ~month" : " (approximate: within the month)");
    default: return date;
  }
}

HiddenByClock hiddenByClock(const EventTable& table, const std::vector<uint32_t>& undated, std::optional<int32_t> fromDay,
                            std::optional<int32_t> toDay, int32_t clockDay, int32_t windowDays) {
  HiddenByClock hidden;
  for (uint32_t e : undated) {
    const int32_t day = table.day[e];
    if ((fromDay && day < *fromDay) || (toDay && day > *toDay)) continue;  // not the filter's
    if (day > clockDay) ++hidden.afterClock;
    else if (windowDays > 0 && clockDay - day > windowDays) ++hidden.beforeWindow;
  }
  return hidden;
}

}  // namespace sitmap
