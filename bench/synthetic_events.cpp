// Synthetic incident generator (see synthetic_events.hpp).
#include "synthetic_events.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>

#include "core/civil_date.hpp"

namespace sitmap::bench {

void writeSyntheticEvents(const std::string& path, size_t count) {
  std::mt19937_64 random(20231031);  // fixed seed: the same file every time
  static const char* types[][2] = {{"Battles", "Armed clash"},
                                   {"Explosions/Remote violence", "Remote explosive/landmine/IED"},
                                   {"Violence against civilians", "Attack"},
                                   {"Strategic developments", "Looting/property destruction"},
                                   {"Protests", "Peaceful protest"},
                                   {"Riots", "Mob violence"}};
  static const char* actors[] = {"Military Forces of Mali (2021-)", "JNIM: Group for Support of Islam and Muslims",
                                 "CSP-PSD: Permanent Strategic Framework for Peace, Security and Development",
                                 "Islamic State (Sahel)", "Civilians (Mali)", "Unidentified Armed Group (Mali)"};
  static const char* admin1[] = {"Kidal", "Gao", "Tombouctou", "Menaka", "Mopti", "Taoudenit"};
  // Events cluster around a few towns, as real ones do.
  static const double towns[][2] = {{18.44, 1.41}, {16.27, -0.04}, {16.77, -3.01}, {15.92, 2.40}, {16.95, -0.35}, {20.2, 1.0}};
  std::normal_distribution<double> jitter(0.0, 0.6);
  std::uniform_int_distribution<int> pick(0, 5), dayOffset(0, 6 * 365), deaths(0, 3);
  const int32_t firstDay = daysFromCivil(2018, 1, 1);
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error("cannot write " + path);
  out << "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
         "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
         "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n";
  char line[1024];
  for (size_t i = 0; i < count; ++i) {
    const int type = pick(random), a1 = pick(random), a2 = pick(random), town = pick(random);
    const int32_t day = firstDay + dayOffset(random);
    const int fatalities = type <= 2 ? deaths(random) * deaths(random) : 0;
    const std::string date = formatIsoDate(day);
    std::snprintf(line, sizeof line,
                  "SYN-%zu,%s,%.4s,1,Political violence,%s,%s,\"%s\",,1,\"%s\",,2,12,%s,466,Western Africa,Mali,%s,,,"
                  "Synthetic place,%.5f,%.5f,%d,Synthetic,Synthetic,\"SYNTHETIC benchmark event, not real\",%d,,0\n",
                  i, date.c_str(), date.c_str(), types[type][0], types[type][1], actors[a1], actors[a2],
                  type == 2 ? "Civilian targeting" : "", admin1[town], towns[town][0] + jitter(random),
                  towns[town][1] + jitter(random), 1 + pick(random) % 3, fatalities);
    out << line;
  }
}

std::string syntheticEventsFile(size_t count) {
  const auto folder = std::filesystem::temp_directory_path() / "sitmap-bench";
  std::filesystem::create_directories(folder);
  const auto path = folder / ("synthetic-events-" + std::to_string(count) + ".csv");
  if (!std::filesystem::exists(path)) {
    const auto temporary = path.string() + ".tmp";
    writeSyntheticEvents(temporary, count);
    std::filesystem::rename(temporary, path);
  }
  return path.string();
}

}  // namespace sitmap::bench
