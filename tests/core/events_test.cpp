// Dates, name folding and the event filter: each criterion, their combination, regions with holes, boundaries.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/civil_date.hpp"
#include "core/event_bins.hpp"
#include "core/event_filter.hpp"
#include "core/event_table_builder.hpp"
#include "core/event_views.hpp"
#include "core/map_pick.hpp"
#include "core/text.hpp"

using namespace sitmap;

TEST(CivilDate, DayNumbersRoundTrip) {
  EXPECT_EQ(daysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(daysFromCivil(2023, 11, 1), 19662);
  EXPECT_EQ(formatIsoDate(19662), "2023-11-01");
  EXPECT_EQ(formatIsoDate(daysFromCivil(2024, 2, 29)), "2024-02-29");
}

TEST(CivilDate, ReadsEveryAcledSpelling) {
  const int32_t nov1 = daysFromCivil(2023, 11, 1);
  for (const char* text : {"2023-11-01", "01 November 2023", "1-November-23", "01-Nov-23", "01/11/2023", " 2023-11-01 ", "1 nov 2023"})
    EXPECT_EQ(parseEventDate(text), nov1) << text;
  EXPECT_EQ(parseEventDate("31-Dec-99"), daysFromCivil(1999, 12, 31));
}

TEST(CivilDate, RefusesImpossibleOrAmbiguousDates) {
  for (const char* text : {"", "2023-13-01", "2023-02-30", "31/11/2023", "Nov 1 2023", "2023/11", "yesterday", "01-Foo-23", "1-11-2023x"})
    EXPECT_FALSE(parseEventDate(text)) << text;
}

TEST(Folding, IgnoresCaseAndAccents) {
  EXPECT_EQ(foldForMatching("Ménaka"), "menaka");
  EXPECT_EQ(foldForMatching("MENAKA"), "menaka");
  EXPECT_EQ(foldForMatching("TOMBOUCTOU"), foldForMatching("Tombouctou"));
  EXPECT_EQ(foldForMatching("Anéfis"), foldForMatching("ANEFIS"));
  EXPECT_EQ(foldForMatching("Abeïbara"), "abeibara");
  EXPECT_EQ(foldForMatching("Œuvre"), "oeuvre");
}

namespace {

// A small table built by hand: five events with known attributes.
EventTable sampleTable() {
  EventTable t;
  struct Row {
    const char* date;
    const char* type;
    const char* subType;
    const char* actor1;
    const char* actor2;
    const char* assoc;
    int inter1, inter2;
    bool civilian;
    const char* admin1;
    double lon, lat;
    int fatalities;
    const char* notes;
  };
  const Row rows[] = {
      {"2023-10-31", "Explosions/Remote violence", "Remote explosive/landmine/IED", "JNIM", "MINUSMA", "", 2, 8, false, "Kidal", 1.2, 18.3, 0, "IED on the convoy"},
      {"2023-11-01", "Battles", "Armed clash", "Military Forces of Mali (2021-)", "CSP-PSD", "Wagner Group", 1, 2, false, "Gao", 0.2, 17.7, 5, "Clash near Tabankort"},
      {"2023-11-04", "Explosions/Remote violence", "Remote explosive/landmine/IED", "JNIM", "MINUSMA", "", 2, 8, false, "Kidal", 0.6, 18.0, 0, "Two IEDs near Anéfis"},
      {"2023-11-07", "Violence against civilians", "Attack", "Military Forces of Mali (2021-)", "Civilians (Mali)", "", 1, 7, true, "Ménaka", 2.4, 15.9, 12, "Drone strike"},
      {"2023-11-08", "Strategic developments", "Headquarters or base established", "MINUSMA", "", "", 8, 0, false, "GAO", -0.04, 16.27, 0, "Convoy arrives"},
  };
  EventTableBuilder builder(t);
  uint32_t row = 1;
  for (const Row& r : rows) {
    const std::string_view associated[] = {r.assoc};
    EventRow event;
    event.id = "X";
    event.day = *parseEventDate(r.date);
    event.timePrecision = event.geoPrecision = 1;
    event.eventType = r.type;
    event.subEventType = r.subType;
    event.admin1 = r.admin1;
    event.actor1 = r.actor1;
    event.actor2 = r.actor2;
    event.assocActor1 = r.assoc;
    event.associated = std::span(associated, *r.assoc ? 1 : 0);
    event.inter1 = uint8_t(r.inter1);
    event.inter2 = uint8_t(r.inter2);
    event.interaction = uint16_t(r.inter1 * 10 + r.inter2);
    event.civilianTargeting = r.civilian;
    event.lon = r.lon;
    event.lat = r.lat;
    event.fatalities = r.fatalities;
    event.notes = r.notes;
    event.sourceRow = ++row;
    builder.add(event);
  }
  builder.finish();
  return t;
}

std::vector<uint32_t> run(const EventTable& t, const EventFilter& f) {
  EventFilterEngine engine(t);
  return engine.apply(f);
}

}  // namespace

TEST(EventFilter, NoCriterionKeepsEverything) {
  const EventTable t = sampleTable();
  EXPECT_EQ(run(t, {}), (std::vector<uint32_t>{0, 1, 2, 3, 4}));
}

TEST(EventFilter, DateRangeIsInclusiveAtBothEnds) {
  const EventTable t = sampleTable();
  EventFilter f;
  f.fromDay = *parseEventDate("2023-11-01");
  f.toDay = *parseEventDate("2023-11-07");
  EXPECT_EQ(run(t, f), (std::vector<uint32_t>{1, 2, 3}));
}

TEST(EventFilter, TypesSubTypesAndAdminNamesIgnoreCaseAndAccents) {
  const EventTable t = sampleTable();
  EventFilter f;
  f.eventTypes = {"explosions/remote violence"};
  EXPECT_EQ(run(t, f), (std::vector<uint32_t>{0, 2}));
  f = {};
  f.subEventTypes = {"ARMED CLASH"};
  EXPECT_EQ(run(t, f), (std::vector<uint32_t>{1}));
  f = {};
  f.admin1 = {"Menaka"};
  EXPECT_EQ(run(t, f), (std::vector<uint32_t>{3}));
  f.admin1 = {"gao"};  // matches "Gao" and "GAO"
  EXPECT_EQ(run(t, f), (std::vector<uint32_t>{1, 4}));
}

TEST(EventFilter, ActorsMatchEitherSideAndAssociates) {
  const EventTable t = sampleTable();
  EventFilter f;
  f.actors = {"MINUSMA"};
  EXPECT_EQ(run(t, f), (std::vector<uint32_t>{0, 2, 4}));
  f.actors = {"Wagner Group"};
  EXPECT_EQ(run(t, f), (std::vector<uint32_t>{1}));
  // ACLED's long names: the leading name before ":" or " (" is enough.
  f.actors = {"military forces of mali"};
  EXPECT_EQ(run(t, f), (std::vector<uint32_t>{1, 3}));
  f.actors = {"Military Forces"};  // but not any prefix
  EXPECT_TRUE(run(t, f).empty());
}

TEST(EventFilter, InterCodesInteractionCiviliansFatalitiesAndText) {
  const EventTable t = sampleTable();
  EventFilter f;
  f.interCodes = {7};
  EXPECT_EQ(run(t, f), (std::vector<uint32_t>{3}));
  f = {};
  f.interactions = {28};
  EXPECT_EQ(run(t, f), (std::vector<uint32_t>{0, 2}));
  f = {};
  f.civilianTargetingOnly = true;
  EXPECT_EQ(run(t, f), (std::vector<uint32_t>{3}));
  f = {};
  f.minFatalities = 5;
  EXPECT_EQ(run(t, f), (std::vector<uint32_t>{1, 3}));
  f = {};
  f.text = "ANEFIS";  // accents and case ignored: "Anéfis" in the notes
  EXPECT_EQ(run(t, f), (std::vector<uint32_t>{2}));
}

TEST(EventFilter, CriteriaCombineAndFatalitiesAreCounted) {
  const EventTable t = sampleTable();
  EventFilterEngine engine(t);
  EventFilter f;
  f.actors = {"Military Forces of Mali (2021-)"};
  f.fromDay = *parseEventDate("2023-11-02");
  EXPECT_EQ(engine.apply(f), (std::vector<uint32_t>{3}));
  EXPECT_EQ(engine.matchingFatalities(), 12);
  f.fromDay.reset();
  EXPECT_EQ(engine.apply(f), (std::vector<uint32_t>{1, 3}));
  EXPECT_EQ(engine.matchingFatalities(), 17);
}

TEST(EventFilter, RegionPolygonsRespectHolesAndMultiplePolygons) {
  const EventTable t = sampleTable();
  EventFilter f;
  // A box over 0..2E, 17..19N with a hole around event 2 (0.6E, 18.0N).
  RegionShape withHole{"north", {{{0, 17}, {2, 17}, {2, 19}, {0, 19}}, {{0.5, 17.9}, {0.7, 17.9}, {0.7, 18.1}, {0.5, 18.1}}}};
  f.regions = {withHole};
  EXPECT_EQ(run(t, f), (std::vector<uint32_t>{0, 1}));
  // A multipolygon: the same plus a second part around Ménaka's event.
  withHole.rings.push_back({{2, 15.5}, {3, 15.5}, {3, 16.5}, {2, 16.5}});
  f.regions = {withHole};
  EXPECT_EQ(run(t, f), (std::vector<uint32_t>{0, 1, 3}));
  // Two separate regions: inside either.
  f.regions = {RegionShape{"a", {{{-1, 16}, {0, 16}, {0, 17}, {-1, 17}}}}, RegionShape{"b", {{{2, 15.5}, {3, 15.5}, {3, 16.5}, {2, 16.5}}}}};
  EXPECT_EQ(run(t, f), (std::vector<uint32_t>{3, 4}));
}

TEST(EventFilter, EngineReturnsTheSameListUntilTheFilterChanges) {
  const EventTable t = sampleTable();
  EventFilterEngine engine(t);
  EventFilter f;
  f.minFatalities = 1;
  const std::vector<uint32_t>* first = &engine.apply(f);
  EXPECT_EQ(first, &engine.apply(f));
  EXPECT_EQ(engine.apply(f).size(), 2u);
  f.minFatalities = 0;
  EXPECT_EQ(engine.apply(f).size(), 5u);
}

TEST(EventCategories, OldAndNewTaxonomiesMapToTodaysTypes) {
  EXPECT_EQ(categoryOf("Battle-No change of territory"), EventCategory::Battles);
  EXPECT_EQ(categoryOf("Remote violence"), EventCategory::ExplosionsRemoteViolence);
  EXPECT_EQ(categoryOf("Explosions/Remote violence"), EventCategory::ExplosionsRemoteViolence);
  EXPECT_EQ(categoryOf("Riots/Protests"), EventCategory::RiotsProtests);  // not passed off as either
  EXPECT_STREQ(categoryName(EventCategory::RiotsProtests), "Riots/Protests (before 2019)");
  EXPECT_EQ(categoryOf("Strategic development"), EventCategory::StrategicDevelopments);
  EXPECT_EQ(categoryOf("Violence against civilians"), EventCategory::ViolenceAgainstCivilians);
  EXPECT_EQ(categoryOf("Something else"), EventCategory::Other);
}

// Text columns keep 32-bit offsets per block of strings: every value reads back whole across many blocks,
// empty ones and long ones included.
TEST(StringColumn, EveryValueReadsBackAcrossItsBlocks) {
  StringColumn column;
  std::vector<std::string> values;
  for (int i = 0; i < 20000; ++i) {
    values.push_back(i % 7 == 0 ? std::string() : std::string(size_t(i % 300), char('a' + i % 26)) + std::to_string(i));
    column.push(values.back());
  }
  ASSERT_EQ(column.size(), values.size());
  for (size_t i = 0; i < values.size(); ++i) ASSERT_EQ(column[i], values[i]) << "value " << i;
}

TEST(EventTableBuilder, EveryColumnHasOneValuePerEvent) {
  EventTable t = sampleTable();
  EventTableBuilder builder(t);
  EXPECT_NO_THROW(builder.finish());
  t.fatalities.push_back(1);  // a column pushed outside the builder
  try {
    builder.finish();
    ADD_FAILURE() << "a broken column went unnoticed";
  } catch (const std::logic_error& e) {
    EXPECT_NE(std::string(e.what()).find("fatalities"), std::string::npos) << e.what();
  }
}

TEST(EventTableBuilder, NewerRowsReplaceTheEventOfTheirIdAndTheRestIsKeptWhole) {
  auto table = [](std::initializer_list<std::tuple<const char*, int, const char*>> rows) {
    EventTable t;
    EventTableBuilder builder(t);
    const std::vector<LonLat> stretch = {{1.0, 18.0}, {1.2, 18.2}};
    for (const auto& [id, fatalities, assoc] : rows) {
      const std::string_view associated[] = {assoc};
      EventRow event;
      event.id = id;
      event.day = 19650;
      event.eventType = "Battles";
      event.actor1 = "JNIM";
      event.assocActor1 = assoc;
      event.associated = std::span(associated, *assoc ? 1 : 0);
      event.fatalities = fatalities;
      event.notes = id;
      if (std::string_view(id) == "A") event.stretch = stretch;
      builder.add(event);
    }
    builder.finish();
    return t;
  };
  const EventTable kept = table({{"A", 1, "Wagner Group"}, {"B", 2, ""}, {"C", 3, ""}});
  const EventTable newer = table({{"B", 9, ""}, {"D", 4, "Dozo"}});
  const EventTable merged = mergeEvents(kept, newer);
  ASSERT_EQ(merged.size(), 4u);
  std::vector<std::string> ids;
  for (size_t i = 0; i < merged.size(); ++i) ids.emplace_back(merged.id[i]);
  EXPECT_EQ(ids, (std::vector<std::string>{"A", "C", "B", "D"}));
  EXPECT_EQ(merged.fatalities[2], 9) << "the updated row's values";
  EXPECT_EQ(merged.notes[0], "A");
  EXPECT_EQ(merged.stretches.count(0), 1u) << "A keeps its road stretch";
  EventFilter wagner;
  wagner.actors = {"Wagner Group"};
  EXPECT_EQ(run(merged, wagner), (std::vector<uint32_t>{0})) << "associated actors survive the copy";
  EventFilter dozo;
  dozo.actors = {"Dozo"};
  EXPECT_EQ(run(merged, dozo), (std::vector<uint32_t>{3}));
}

TEST(EventFilter, ANarrowerFilterIsOneWhoseEventsTheWiderAlwaysKeeps) {
  EventFilter month;
  month.fromDay = daysFromCivil(2023, 11, 1), month.toDay = daysFromCivil(2023, 11, 30);
  month.admin1 = {"Kidal", "Gao"};
  month.minFatalities = 1;
  auto with = [&](auto change) {
    EventFilter f = month;
    change(f);
    return f;
  };
  EXPECT_TRUE(filterNarrows(month, month));
  EXPECT_TRUE(filterNarrows(month, EventFilter{})) << "everything read covers any filter";
  EXPECT_FALSE(filterNarrows(EventFilter{}, month));
  EXPECT_TRUE(filterNarrows(with([](EventFilter& f) { f.fromDay = daysFromCivil(2023, 11, 10); }), month));
  EXPECT_FALSE(filterNarrows(with([](EventFilter& f) { f.fromDay = daysFromCivil(2023, 10, 31); }), month));
  EXPECT_FALSE(filterNarrows(with([](EventFilter& f) { f.toDay.reset(); }), month));
  EXPECT_TRUE(filterNarrows(with([](EventFilter& f) { f.admin1 = {"KIDAL"}; }), month)) << "names compare folded";
  EXPECT_FALSE(filterNarrows(with([](EventFilter& f) { f.admin1 = {"Kidal", "Menaka"}; }), month));
  EXPECT_FALSE(filterNarrows(with([](EventFilter& f) { f.admin1.clear(); }), month));
  EXPECT_TRUE(filterNarrows(with([](EventFilter& f) { f.minFatalities = 5; }), month));
  EXPECT_FALSE(filterNarrows(with([](EventFilter& f) { f.minFatalities = 0; }), month));
  EXPECT_TRUE(filterNarrows(with([](EventFilter& f) { f.eventTypes = {"Battles"}; }), month)) << "a criterion added";
  EventFilter searched;
  searched.text = "anefis";
  EXPECT_TRUE(filterNarrows(with([](EventFilter& f) { f.text = "Anéfis convoy"; }), searched));
  EXPECT_FALSE(filterNarrows(with([](EventFilter& f) { f.text = "Tessalit"; }), searched));
  EventFilter inBox;
  inBox.regions = {{"box", {{{0, 0}, {1, 0}, {1, 1}}}}};
  EXPECT_TRUE(filterNarrows(inBox, inBox));
  EXPECT_FALSE(filterNarrows(EventFilter{}, inBox));
}

TEST(EventFilter, LargeTablesLoseNoEvent) {
  // A quarter of a million events: every one kept once, in order, with its fatalities.
  EventTable t;
  EventTableBuilder builder(t);
  int64_t expectedFatalities = 0;
  size_t expected = 0;
  for (uint32_t i = 0; i < 250001; ++i) {
    EventRow event;
    event.id = "E";
    event.day = 19600 + int32_t(i % 30);
    event.eventType = i % 3 ? "Battles" : "Riots";
    event.lon = 1;
    event.lat = 16;
    event.fatalities = int32_t(i % 5);
    event.sourceRow = i + 2;
    builder.add(event);
    if (i % 3) {
      ++expected;
      expectedFatalities += i % 5;
    }
  }
  builder.finish();
  EventFilter battles;
  battles.eventTypes = {"Battles"};
  EventFilterEngine engine(t);
  const std::vector<uint32_t>& result = engine.apply(battles);
  EXPECT_EQ(result.size(), expected);
  EXPECT_EQ(engine.matchingFatalities(), expectedFatalities);
  EXPECT_TRUE(std::is_sorted(result.begin(), result.end()));
  EXPECT_EQ(std::adjacent_find(result.begin(), result.end()), result.end()) << "no event twice";
}

TEST(CivilDate, PeriodsForLegendsAndCaptions) {
  const int32_t oct1 = daysFromCivil(2023, 10, 1), nov4 = daysFromCivil(2023, 11, 4);
  EXPECT_EQ(formatPeriod(oct1, nov4), "1 Oct \u2013 4 Nov 2023");
  EXPECT_EQ(formatPeriod(daysFromCivil(2023, 12, 29), daysFromCivil(2024, 1, 3)), "29 Dec 2023 \u2013 3 Jan 2024");
  EXPECT_EQ(formatPeriod(nov4, nov4), "4 Nov 2023");
  EXPECT_EQ(formatPeriod(std::nullopt, nov4), "up to 4 Nov 2023");
  EXPECT_EQ(formatPeriod(oct1, std::nullopt), "from 1 Oct 2023");
  EXPECT_EQ(formatPeriod(std::nullopt, std::nullopt), "");
}

TEST(EventViews, ApproximateDatesAndVagueLocationsAreSaidSo) {
  EventTable t;
  EventTableBuilder builder(t);
  const LonLat road[] = {{1.4, 18.4}, {0.6, 18.0}};
  for (int precision : {1, 2, 3}) {
    EventRow event;
    event.id = "P";
    event.day = *parseEventDate("2023-10-12");
    event.timePrecision = event.geoPrecision = uint8_t(precision);
    event.eventType = "Battles";
    if (precision == 3) event.stretch = road;
    builder.add(event);
  }
  builder.finish();
  EXPECT_EQ(eventDateText(t, 0, true), "2023-10-12");
  EXPECT_EQ(eventDateText(t, 1, true), "2023-10-12 ~week");
  EXPECT_EQ(eventDateText(t, 2, true), "2023-10-12 ~month");
  EXPECT_EQ(eventDateText(t, 1, false), "2023-10-12 (approximate: within the week)");
  EXPECT_EQ(precisionText(t, 0), "location exact (town or site); date exact");
  EXPECT_EQ(precisionText(t, 2).rfind("location known only to a road stretch", 0), 0u);
  ASSERT_EQ(t.stretches.at(2).size(), 2u);
  EXPECT_DOUBLE_EQ(t.stretches.at(2)[1].lon, 0.6);
}

TEST(EventViews, TheTimelineAxisStaysOnTheWholeSpanAndTicksMonths) {
  const EventTable t = sampleTable();  // 31 Oct - 8 Nov 2023
  const int32_t june = *parseEventDate("2023-06-01"), december = *parseEventDate("2023-12-31");
  const Histogram fixed = buildHistogram(t, {0}, june, december);
  ASSERT_FALSE(fixed.bins.empty());
  EXPECT_LE(fixed.bins.front().firstDay, june);
  EXPECT_GE(fixed.bins.back().lastDay, december);
  uint32_t total = 0;
  for (const HistogramBin& bin : fixed.bins) total += bin.total();
  EXPECT_EQ(total, 1u);
  const Histogram outside = buildHistogram(t, {0, 4}, june, *parseEventDate("2023-11-01"));
  total = 0;
  for (const HistogramBin& bin : outside.bins) total += bin.total();
  EXPECT_EQ(total, 1u) << "an event after the span is left out, not put in the last bin";

  const auto ticks = dateAxisTicks(june, december, 12);
  ASSERT_EQ(ticks.size(), 7u);
  EXPECT_EQ(ticks.front().day, june);
  EXPECT_EQ(ticks.front().label, "Jun");
  EXPECT_EQ(ticks.back().label, "Dec");
  const auto fewer = dateAxisTicks(june, december, 4);
  ASSERT_LE(fewer.size(), 4u);
  EXPECT_EQ(fewer.front().label, "Jul");  // every third month, January-aligned
  const auto years = dateAxisTicks(*parseEventDate("1997-01-01"), *parseEventDate("2024-06-30"), 8);
  ASSERT_LE(years.size(), 8u);
  EXPECT_EQ(years.front().label, "2000");
  const auto days = dateAxisTicks(*parseEventDate("2023-10-31"), *parseEventDate("2023-11-08"), 12);
  ASSERT_EQ(days.size(), 9u);
  EXPECT_EQ(days[4].label, "4 Nov");

  EXPECT_EQ(countOf(1, "event", "events"), "1 event");
  EXPECT_EQ(countOf(0, "event", "events"), "0 events");
  EXPECT_EQ(countOf(1234567, "event", "events"), "1,234,567 events");
}

TEST(EventFilter, ItsCriteriaReadInWordsForACaption) {
  EventFilter f;
  EXPECT_EQ(describeFilter(f), "");
  f.fromDay = 19600;  // dates are the period's, said apart
  EXPECT_EQ(describeFilter(f), "");
  f.admin1 = {"Kidal", "Gao"};
  f.eventTypes = {"Battles"};
  f.minFatalities = 1;
  f.text = "Anefis";
  f.regions = {RegionShape{"Kidal (polygon)", {}}};
  EXPECT_EQ(describeFilter(f), "admin1 Kidal or Gao; type Battles; at least 1 fatality; text 'Anefis'; in Kidal (polygon)");
}

TEST(EventBins, CountsAreWrittenInAtMostFourCharacters) {
  EXPECT_EQ(binCountText(2), "2");
  EXPECT_EQ(binCountText(999), "999");
  EXPECT_EQ(binCountText(1000), "1k");
  EXPECT_EQ(binCountText(2099), "2.1k");
  EXPECT_EQ(binCountText(2510), "2.5k");
  EXPECT_EQ(binCountText(9949), "9.9k");
  EXPECT_EQ(binCountText(9950), "10k");
  EXPECT_EQ(binCountText(25499), "25k");
  EXPECT_EQ(binCountText(999499), "999k");
  EXPECT_EQ(binCountText(999500), "1M");
  EXPECT_EQ(binCountText(1250000), "1.2M");
  for (uint32_t n : {1u, 12u, 123u, 1234u, 12345u, 123456u, 1234567u, 12345678u, 4000000000u})
    EXPECT_LE(binCountText(n).size(), 4u) << n;
}

TEST(EventViews, EventsTheClocksWindowKeepsOffTheMapAreCountedAsTheMapDrawsThem) {
  const EventTable t = sampleTable();  // 31 Oct, 1, 4, 7 and 8 Nov 2023
  const std::vector<uint32_t> all = {0, 1, 2, 3, 4};
  const int32_t nov4 = *parseEventDate("2023-11-04");
  // A 2-day window at 4 Nov: 4 Nov shows (its own day), 1 Nov is 3 days old, 31 Oct 4; 7 and 8 Nov are ahead.
  const HiddenByClock hidden = hiddenByClock(t, all, std::nullopt, std::nullopt, nov4, 2);
  EXPECT_EQ(hidden.afterClock, 2u);
  EXPECT_EQ(hidden.beforeWindow, 2u);
  EXPECT_EQ(hiddenByClock(t, all, std::nullopt, std::nullopt, nov4, 3).beforeWindow, 1u) << "1 Nov, 3 days old, shows";
  const HiddenByClock noWindow = hiddenByClock(t, all, std::nullopt, std::nullopt, nov4, 0);
  EXPECT_EQ(noWindow.beforeWindow, 0u) << "without a window nothing is too old";
  EXPECT_EQ(noWindow.afterClock, 2u) << "but nothing after the clock shows";
  EXPECT_EQ(hiddenByClock(t, all, std::nullopt, std::nullopt, *parseEventDate("2023-11-06"), 30).afterClock, 2u)
      << "7 Nov, the day after the clock, is already ahead of it";
  // Only the filter's own dates count: 1-7 Nov leaves out 31 Oct and 8 Nov.
  const HiddenByClock week = hiddenByClock(t, all, *parseEventDate("2023-11-01"), *parseEventDate("2023-11-07"), nov4, 30);
  EXPECT_EQ(week.afterClock, 1u);
  EXPECT_EQ(week.beforeWindow, 0u);
}

TEST(EventViews, EveryIncidentUnderTheCursorIsFoundNearestFirstAndACrowdIsSummarised) {
  const EventTable t = sampleTable();  // 31 Oct, 1, 4, 7 and 8 Nov 2023
  // Three at one town, one 5 px away, one far off (positions in pixels of a 1:1 view).
  const std::vector<Vec2> positions = {{100, 100}, {100, 100}, {105, 100}, {100, 100}, {400, 300}};
  const Viewport view({200, 150}, 1.0, 400, 300);
  const std::vector<uint32_t> all = {0, 1, 2, 3, 4};
  const Vec2 onTown = view.worldToScreen({101, 100});
  const auto near = eventsNear(positions, all, view, onTown, 10);
  ASSERT_EQ(near.size(), 4u);
  EXPECT_EQ(near.back(), 2u) << "the one 5 px off comes last";
  EXPECT_TRUE(eventsNear(positions, all, view, view.worldToScreen({250, 250}), 10).empty());
  EXPECT_EQ(eventsNear(positions, {4}, view, onTown, 10).size(), 0u) << "only the events given count";
  // 31 Oct, 1 Nov, 4 Nov and 7 Nov: 0 + 5 + 0 + 12 fatalities.
  const std::string summary = summariseEvents(t, near);
  EXPECT_NE(summary.find("4 incidents, 31 Oct – 7 Nov 2023, 17 fatalities"), std::string::npos) << summary;
  EXPECT_NE(summary.find("Explosions/Remote violence 2"), std::string::npos) << summary;
  EXPECT_NE(summary.find("Battles 1"), std::string::npos) << summary;
}

TEST(EventViews, AnIncidentsDetailsCopyAsTextWithEveryFieldAndItsNotes) {
  const EventTable t = sampleTable();
  const std::string text = eventDetailsText(t, 1);  // 1 Nov, a battle near Gao
  EXPECT_NE(text.find("Date: 2023-11-01\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Type: Battles\n"), std::string::npos) << text;
  EXPECT_NE(text.find("with: Wagner Group\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Fatalities: 5\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\n\nClash near Tabankort\n"), std::string::npos) << "the notes after a blank line: " << text;
  // Empty fields are left out rather than copied as "Tags: ".
  EXPECT_EQ(text.find("Tags:"), std::string::npos) << text;
  EXPECT_EQ(eventDetails(t, 1).front().name, "Event");
}

namespace {

// A 400 x 400 px view of a 4000 x 4000 unit square (10 units per pixel).
Viewport squareView(double panX = 0) { return Viewport::fitting(Bbox{panX, 0, panX + 4000, 4000}, 400, 400); }

// `n` Battles on one day, for tests that place them themselves (positions are not the table's).
EventTable battlesOnOneDay(uint32_t n) {
  EventTable t;
  EventTableBuilder builder(t);
  for (uint32_t i = 0; i < n; ++i) {
    EventRow event;
    event.id = "E" + std::to_string(i);
    event.day = 19600;
    event.eventType = "Battles";
    event.lon = 1;
    event.lat = 16;
    event.sourceRow = i + 2;
    builder.add(event);
  }
  builder.finish();
  return t;
}

}  // namespace

TEST(EventDensity, EveryEventInViewIsCountedInTheHexagonAroundIt) {
  std::vector<Vec2> positions;
  std::vector<uint32_t> events;
  uint32_t state = 12345;
  const auto next = [&] { return (state = state * 1664525u + 1013904223u) / 4294967296.0; };
  for (uint32_t i = 0; i < 2000; ++i) {
    positions.push_back({-1000 + 6000 * next(), -1000 + 6000 * next()});  // some outside the view
    events.push_back(i);
  }
  const Viewport view = squareView();
  const double radius = 16;
  const std::vector<DensityCell> cells = hexbinEvents(positions, events, view, radius);
  size_t inView = 0, counted = 0;
  for (const DensityCell& cell : cells) counted += cell.count;
  for (const Vec2& p : positions) {
    if (!view.visibleBounds().contains(p)) continue;
    ++inView;
  }
  // Each event alone: its hexagon's centre is no further than a corner, and no nearer centre of the lattice
  // (the six neighbours, sqrt(3) radii away) exists.
  for (uint32_t i = 0; i < 300; ++i) {
    if (!view.visibleBounds().contains(positions[i])) continue;
    const auto own = hexbinEvents(positions, {i}, view, radius);
    ASSERT_EQ(own.size(), 1u);
    const Vec2 s = view.worldToScreen(positions[i]), c = own[0].centre;
    const double distance = std::hypot(c.x - s.x, c.y - s.y);
    EXPECT_LE(distance, radius + 1e-6);
    for (int k = 0; k < 6; ++k) {
      const double angle = k * 3.14159265358979 / 3, step = std::sqrt(3.0) * radius;
      const Vec2 neighbour{c.x + step * std::cos(angle), c.y + step * std::sin(angle)};
      EXPECT_LE(distance, std::hypot(neighbour.x - s.x, neighbour.y - s.y) + 1e-6) << i;
    }
  }
  EXPECT_EQ(counted, inView);
  EXPECT_GT(cells.size(), 50u);
}

TEST(EventDensity, HexagonsStayPutWhileTheMapPans) {
  const std::vector<Vec2> positions = {{1000, 1000}, {1005, 1003}, {2500, 3000}};
  const std::vector<uint32_t> events = {0, 1, 2};
  const auto before = hexbinEvents(positions, events, squareView(), 16);
  const auto after = hexbinEvents(positions, events, squareView(370), 16);  // 37 px to the right
  ASSERT_EQ(before.size(), 2u) << "the two close events share a hexagon";
  ASSERT_EQ(after.size(), before.size());
  for (size_t i = 0; i < before.size(); ++i) {
    EXPECT_NEAR(after[i].centre.x, before[i].centre.x - 37, 1e-6);
    EXPECT_NEAR(after[i].centre.y, before[i].centre.y, 1e-6);
    EXPECT_EQ(after[i].count, before[i].count);
  }
}

TEST(EventDensity, ClassesFollowTheirBreaksAndSayTheirRange) {
  EXPECT_EQ(densityClass(1), 0);
  EXPECT_EQ(densityClass(2), 1);
  EXPECT_EQ(densityClass(4), 1);
  EXPECT_EQ(densityClass(5), 2);
  EXPECT_EQ(densityClass(499), 4);
  EXPECT_EQ(densityClass(500), 5);
  EXPECT_EQ(densityClass(4000000), 5);
  EXPECT_EQ(densityClassLabel(0), "1");
  EXPECT_EQ(densityClassLabel(1), "2\u20134");
  EXPECT_EQ(densityClassLabel(4), "100\u2013499");
  EXPECT_EQ(densityClassLabel(5), "500 or more");
}

TEST(EventDrawingChoice, AutoAggregatesOnlyAboveItsThresholdAndAChoiceIsKept) {
  std::vector<Vec2> positions(kAggregateAbove + 1, Vec2{2000, 2000});
  positions.push_back({-50000, 0});  // out of view: never counted
  std::vector<uint32_t> events;
  for (uint32_t i = 0; i < kAggregateAbove; ++i) events.push_back(i);
  events.push_back(uint32_t(positions.size() - 1));
  const Bbox visible = squareView().visibleBounds();
  EXPECT_EQ(chooseEventDrawing(EventAggregation::Auto, positions, events, visible), EventDrawing::Points);
  events.push_back(uint32_t(kAggregateAbove));
  EXPECT_EQ(chooseEventDrawing(EventAggregation::Auto, positions, events, visible), EventDrawing::Bins);
  EXPECT_EQ(chooseEventDrawing(EventAggregation::Points, positions, events, visible), EventDrawing::Points);
  EXPECT_EQ(chooseEventDrawing(EventAggregation::Density, positions, events, visible), EventDrawing::Density);
  EXPECT_EQ(chooseEventDrawing(EventAggregation::Bins, positions, {0}, visible), EventDrawing::Bins);
  for (EventAggregation a : {EventAggregation::Auto, EventAggregation::Bins, EventAggregation::Density, EventAggregation::Points})
    EXPECT_EQ(parseEventAggregation(eventAggregationName(a)), a);
  EXPECT_FALSE(parseEventAggregation("heat"));
}

TEST(EventDensity, TheHoverOverAHexagonHoldsWhatItCounts) {
  // Events 19 px apart, so that some hexagons hold two: for each hexagon, the events picked under its centre
  // are exactly those it counts.
  std::vector<Vec2> positions;
  std::vector<uint32_t> events;
  for (uint32_t i = 0; i < 400; ++i) {
    positions.push_back({100 + (i % 20) * 190.0, 100 + (i / 20) * 190.0});
    events.push_back(i);
  }
  const Viewport view = squareView();
  size_t checked = 0;
  for (const DensityCell& cell : hexbinEvents(positions, events, view, 16)) {
    const auto inside = eventsInHexagonAt(positions, events, view, cell.centre, 16);
    EXPECT_EQ(inside.size(), cell.count);
    for (uint32_t e : inside) {
      const Vec2 s = view.worldToScreen(positions[e]);
      EXPECT_LE(std::hypot(s.x - cell.centre.x, s.y - cell.centre.y), 16 + 1e-6);
    }
    checked += cell.count > 1;
  }
  EXPECT_GT(checked, 10u);
}

TEST(EventViews, ASummaryRowClickedFiltersOnItAndASecondClickClearsIt) {
  const EventTable t = sampleTable();
  const std::vector<uint32_t> all = {0, 1, 2, 3, 4};
  EventFilterEngine engine(t);
  const std::vector<CountRow> types = summarise(t, all, SummaryBy::EventType, 10);
  ASSERT_EQ(types[0].value, "Explosions/Remote violence");
  EventFilter f;
  f.minFatalities = 0;
  const EventFilter explosions = toggledBySummaryRow(f, SummaryBy::EventType, types[0]);
  EXPECT_TRUE(filtersOnSummaryRow(explosions, SummaryBy::EventType, types[0]));
  EXPECT_EQ(engine.apply(explosions), (std::vector<uint32_t>{0, 2})) << "the row's own count, as a filter";
  EXPECT_EQ(engine.apply(explosions).size(), types[0].events);
  // Across groupings the criteria combine: explosions by JNIM, then JNIM's row clicked off again.
  const std::vector<CountRow> actors = summarise(t, engine.apply(explosions), SummaryBy::Actor, 10);
  const auto jnim = std::find_if(actors.begin(), actors.end(), [](const CountRow& r) { return r.value == "JNIM"; });
  ASSERT_NE(jnim, actors.end());
  const EventFilter both = toggledBySummaryRow(explosions, SummaryBy::Actor, *jnim);
  EXPECT_EQ(both.actors, std::vector<std::string>{"JNIM"});
  EXPECT_EQ(both.eventTypes, explosions.eventTypes);
  EXPECT_EQ(toggledBySummaryRow(both, SummaryBy::Actor, *jnim), explosions);
  EXPECT_EQ(toggledBySummaryRow(explosions, SummaryBy::EventType, types[0]), f) << "a second click clears it";
  // Rows without a value ("(not given)") filter on nothing.
  const CountRow unnamed{"(not given)", "", 3, 0};
  EXPECT_EQ(toggledBySummaryRow(f, SummaryBy::Admin1, unnamed), f);
  EXPECT_FALSE(filtersOnSummaryRow(f, SummaryBy::Admin1, unnamed));
  // "Gao" and "GAO" (the sample has both spellings) are one row, and every row filters on what it counts.
  const std::vector<CountRow> regions = summarise(t, all, SummaryBy::Admin1, 10);
  ASSERT_EQ(regions.size(), 3u);
  for (const CountRow& region : regions) {
    const EventFilter only = toggledBySummaryRow(f, SummaryBy::Admin1, region);
    EXPECT_EQ(only.admin1, std::vector<std::string>{region.value});
    EXPECT_EQ(engine.apply(only).size(), region.events) << region.name;
  }
  EXPECT_EQ(regions[0].name, "Gao") << "Gao and Kidal have two each: ties in name order";
  EXPECT_EQ(regions[0].events, 2u);
  EXPECT_EQ(regions[1].name, "Kidal");
}

TEST(EventFilter, TheBranchlessPassAgreesWithAPlainReadingOfEveryCriterion) {
  // Random events and random filters (reversed and open-ended date ranges among them), against the criteria
  // written out one by one.
  const char* types[] = {"Battles", "Riots", "Protests", "Violence against civilians"};
  const char* regions[] = {"Kidal", "Gao", "Tombouctou", "Menaka"};
  uint32_t state = 99;
  const auto next = [&](uint32_t below) { return ((state = state * 1664525u + 1013904223u) >> 8) % below; };
  EventTable t;
  EventTableBuilder builder(t);
  struct Plain {
    int32_t day, fatalities;
    std::string type, admin1;
    bool civilians;
    uint8_t inter1, inter2;
  };
  std::vector<Plain> plain;
  for (uint32_t i = 0; i < 20000; ++i) {
    Plain p{19500 + int32_t(next(400)), int32_t(next(4) == 0 ? next(50) : 0), types[next(4)], regions[next(4)], next(5) == 0,
            uint8_t(next(9)), uint8_t(next(9))};
    EventRow event;
    event.id = "E" + std::to_string(i);
    event.day = p.day;
    event.eventType = p.type;
    event.admin1 = p.admin1;
    event.fatalities = p.fatalities;
    event.civilianTargeting = p.civilians;
    event.inter1 = p.inter1;
    event.inter2 = p.inter2;
    event.lon = 1;
    event.lat = 16;
    event.sourceRow = i + 2;
    builder.add(event);
    plain.push_back(p);
  }
  builder.finish();
  EventFilterEngine engine(t);
  for (int round = 0; round < 300; ++round) {
    EventFilter f;
    if (next(3)) f.fromDay = 19500 + int32_t(next(420)) - 10;
    if (next(3)) f.toDay = 19500 + int32_t(next(420)) - 10;
    if (next(2)) f.minFatalities = int(next(30));
    if (next(2)) f.eventTypes = {types[next(4)]};
    if (next(3) == 0) f.admin1 = {regions[next(4)], regions[next(4)]};
    f.civilianTargetingOnly = next(4) == 0;
    if (next(4) == 0) f.interCodes = {int(next(9))};
    std::vector<uint32_t> expected;
    int64_t fatalities = 0;
    for (uint32_t i = 0; i < plain.size(); ++i) {
      const Plain& p = plain[i];
      const auto listed = [](const std::vector<std::string>& list, const std::string& v) {
        return list.empty() || std::find(list.begin(), list.end(), v) != list.end();
      };
      if ((f.fromDay && p.day < *f.fromDay) || (f.toDay && p.day > *f.toDay) || p.fatalities < f.minFatalities) continue;
      if (!listed(f.eventTypes, p.type) || !listed(f.admin1, p.admin1)) continue;
      if (f.civilianTargetingOnly && !p.civilians) continue;
      if (!f.interCodes.empty() && f.interCodes[0] != p.inter1 && f.interCodes[0] != p.inter2) continue;
      expected.push_back(i);
      fatalities += p.fatalities;
    }
    EXPECT_EQ(engine.apply(f), expected) << "round " << round;
    EXPECT_EQ(engine.matchingFatalities(), fatalities) << "round " << round;
  }
}

TEST(EventBins, TheHoverOverABinHoldsExactlyTheEventsItCounts) {
  // Two crowds in neighbouring 48 px cells of a 400 px view (10 units a pixel): the symbol under the cursor
  // stands for its own cell's events, all of them, and nothing outside a symbol is picked.
  const EventTable t = battlesOnOneDay(35);
  std::vector<Vec2> positions;
  for (uint32_t i = 0; i < 35; ++i)  // 30 around screen (100, 100), 5 around (110, 150): rows 2 and 3 of the grid
    positions.push_back(i < 30 ? Vec2{1000 + (i % 6) * 20.0, 3000 - (i / 6) * 20.0} : Vec2{1100 + (i % 5) * 10.0, 2500});
  std::vector<uint32_t> all(35);
  for (uint32_t i = 0; i < 35; ++i) all[i] = i;
  const Viewport view = squareView();
  const std::vector<EventBin> bins = binEvents(positions, t, all, view, kBinCellPx);
  ASSERT_EQ(bins.size(), 2u);
  EXPECT_EQ(bins[0].count, 30u);
  EXPECT_EQ(bins[1].count, 5u);
  for (const EventBin& bin : bins) {
    const auto picked = eventsInBinAt(positions, all, view, bin.centre, 1);
    EXPECT_EQ(picked.size(), bin.count);
    // Near the symbol's rim, still that bin.
    const Vec2 rim{bin.centre.x + binDiameter(bin.count) / 2 - 1, bin.centre.y};
    EXPECT_EQ(eventsInBinAt(positions, all, view, rim, 1).size(), bin.count);
  }
  EXPECT_TRUE(eventsInBinAt(positions, all, view, {300, 300}, 1).empty()) << "no symbol there";
  // Ten events at screen (95, 200), by the right edge of their cell: their symbol (20.6 px) reaches into the
  // next cell, where the cursor still picks them, and not past its rim.
  const std::vector<Vec2> edge(10, Vec2{950, 2000});
  const std::vector<uint32_t> ten = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  EXPECT_EQ(eventsInBinAt(edge, ten, view, {100, 200}, 1).size(), 10u) << "over the symbol, in the neighbouring cell";
  EXPECT_TRUE(eventsInBinAt(edge, ten, view, {108, 200}, 1).empty()) << "13 px from the centre: past the 10.3 px rim";
  // At 2x the cells and symbols are twice as large: the same crowds, the same counts.
  const Viewport doubled = view.scaled(2);
  const auto big = binEvents(positions, t, all, doubled, kBinCellPx * 2);
  ASSERT_EQ(big.size(), 2u);
  EXPECT_EQ(eventsInBinAt(positions, all, doubled, big[0].centre, 2).size(), big[0].count);
}

TEST(MapPick, TheCursorPicksWhatTheSymbolUnderItStandsFor) {
  // 30 events spread over one 48 px bin cell: as points the cursor reaches those within 10 px; as a bin, all 30.
  const EventTable t = battlesOnOneDay(30);
  std::vector<Vec2> positions;
  for (uint32_t i = 0; i < 30; ++i) positions.push_back({1000 + (i % 6) * 60.0, 3000 - (i / 6) * 60.0});  // 6 px apart
  std::vector<uint32_t> all(30);
  for (uint32_t i = 0; i < 30; ++i) all[i] = i;
  MapPickView v;
  v.view = squareView();
  v.incidents = &t;
  v.incidentPositions = &positions;
  v.selection = &all;
  const Vec2 bin = binEvents(positions, t, all, v.view, kBinCellPx).front().centre;
  const size_t asPoints = pickAt(v, bin).incidents.size();
  EXPECT_GT(asPoints, 0u);
  EXPECT_LT(asPoints, 30u);
  v.drawing = EventDrawing::Bins;
  EXPECT_EQ(pickAt(v, bin).incidents.size(), 30u);
  v.drawing = EventDrawing::Density;
  const auto hexagon = hexbinEvents(positions, all, v.view, kDensityRadiusPx).front();
  EXPECT_EQ(pickAt(v, hexagon.centre).incidents.size(), hexagon.count);
}
