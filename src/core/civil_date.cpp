// Day-number arithmetic (Howard Hinnant's civil-date algorithms) and ACLED date parsing.
#include "core/civil_date.hpp"

#include <array>
#include <cctype>
#include <cstdio>

namespace sitmap {

int32_t daysFromCivil(int year, int month, int day) {
  year -= month <= 2;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const int yoe = year - era * 400;
  const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void civilFromDays(int32_t days, int& year, int& month, int& day) {
  days += 719468;
  const int era = (days >= 0 ? days : days - 146096) / 146097;
  const int doe = days - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  day = doy - (153 * mp + 2) / 5 + 1;
  month = mp + (mp < 10 ? 3 : -9);
  year = yoe + era * 400 + (month <= 2);
}

std::string formatIsoDate(int32_t days) {
  int y = 0, m = 0, d = 0;
  civilFromDays(days, y, m, d);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, m, d);
  return buffer;
}

namespace {

bool validDay(int year, int month, int day) {
  static constexpr std::array<int, 12> lengths = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= lengths[size_t(month - 1)] + (month == 2 && leap);
}

// "Nov", "november", "NOVEMBER" -> 11; 0 when not a month name.
int monthFromName(std::string_view name) {
  static constexpr std::array<const char*, 12> names = {"january", "february", "march",     "april",   "may",      "june",
                                                        "july",    "august",   "september", "october", "november", "december"};
  if (name.size() < 3) return 0;
  for (size_t m = 0; m < names.size(); ++m) {
    std::string_view full = names[m];
    if (name.size() > full.size()) continue;
    bool match = true;
    for (size_t i = 0; i < name.size() && match; ++i) match = std::tolower(static_cast<unsigned char>(name[i])) == full[i];
    // Either the three-letter abbreviation or the full name.
    if (match && (name.size() == 3 || name.size() == full.size())) return int(m) + 1;
  }
  return 0;
}

// Splits "01-Nov-23" / "01 November 2023" / "2023-11-01" / "01/11/2023" into three parts.
bool splitThree(std::string_view text, std::string_view parts[3]) {
  size_t part = 0, start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    const bool separator = i == text.size() || text[i] == '-' || text[i] == '/' || text[i] == ' ';
    if (!separator) continue;
    if (i == start) return false;  // empty part
    if (part == 3) return false;
    parts[part++] = text.substr(start, i - start);
    start = i + 1;
  }
  return part == 3;
}

std::optional<int> number(std::string_view s) {
  if (s.empty() || s.size() > 4) return std::nullopt;
  int value = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::optional<int32_t> parseEventDate(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  std::string_view parts[3];
  if (!splitThree(text, parts)) return std::nullopt;
  int year = 0, month = 0, day = 0;
  if (parts[0].size() == 4) {  // 2023-11-01
    auto y = number(parts[0]), m = number(parts[1]), d = number(parts[2]);
    if (!y || !m || !d || parts[1].size() > 2 || parts[2].size() > 2) return std::nullopt;
    year = *y, month = *m, day = *d;
  } else {  // day first
    auto d = number(parts[0]);
    if (!d || parts[0].size() > 2) return std::nullopt;
    day = *d;
    if (auto m = number(parts[1])) {
      if (parts[1].size() > 2) return std::nullopt;
      month = *m;
    } else {
      month = monthFromName(parts[1]);
    }
    auto y = number(parts[2]);
    if (!y || (parts[2].size() != 2 && parts[2].size() != 4)) return std::nullopt;
    year = parts[2].size() == 2 ? (*y < 70 ? 2000 + *y : 1900 + *y) : *y;
  }
  if (!validDay(year, month, day)) return std::nullopt;
  return daysFromCivil(year, month, day);
}

bool NumericDate::validDayFirst() const { return validDay(year, second, first); }
bool NumericDate::validMonthFirst() const { return validDay(year, first, second); }
int32_t NumericDate::days(bool dayFirst) const {
  return dayFirst ? daysFromCivil(year, second, first) : daysFromCivil(year, first, second);
}

std::optional<NumericDate> parseNumericDate(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  std::string_view parts[3];
  if (text.find(' ') != std::string_view::npos || !splitThree(text, parts)) return std::nullopt;
  if (parts[0].size() > 2 || parts[1].size() > 2 || (parts[2].size() != 2 && parts[2].size() != 4)) return std::nullopt;
  auto a = number(parts[0]), b = number(parts[1]), y = number(parts[2]);
  if (!a || !b || !y) return std::nullopt;
  const int year = parts[2].size() == 2 ? (*y < 70 ? 2000 + *y : 1900 + *y) : *y;
  return NumericDate{*a, *b, year};
}

std::string formatShortDate(int32_t days, bool withYear) {
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int y = 0, m = 0, d = 0;
  civilFromDays(days, y, m, d);
  return std::to_string(d) + " " + months[m - 1] + (withYear ? " " + std::to_string(y) : std::string());
}

std::string formatPeriod(std::optional<int32_t> fromDay, std::optional<int32_t> toDay) {
  const auto text = formatShortDate;
  auto yearOf = [](int32_t days) {
    int y = 0, m = 0, d = 0;
    civilFromDays(days, y, m, d);
    return y;
  };
  if (fromDay && toDay) {
    if (*fromDay == *toDay) return text(*toDay, true);
    return text(*fromDay, yearOf(*fromDay) != yearOf(*toDay)) + " \u2013 " + text(*toDay, true);
  }
  if (toDay) return "up to " + text(*toDay, true);
  if (fromDay) return "from " + text(*fromDay, true);
  return "";
}

}  // namespace sitmap
