// UTC parsing and formatting on top of the civil-date arithmetic.
#include "core/utc_time.hpp"

#include <cstdio>

#include "core/civil_date.hpp"

namespace sitmap {

namespace {

bool digits(std::string_view s, size_t pos, size_t count, int& out) {
  if (pos + count > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<UtcSeconds> parseUtc(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  int year = 0, month = 0, day = 0;
  if (!digits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' || text[7] != '-' || !digits(text, 5, 2, month) ||
      !digits(text, 8, 2, day))
    return std::nullopt;
  const auto date = parseEventDate(text.substr(0, 10));  // validates the calendar date
  if (!date) return std::nullopt;
  UtcSeconds t = UtcSeconds(*date) * 86400;
  size_t pos = 10;
  if (pos == text.size()) return t;
  if (text[pos] != 'T' && text[pos] != ' ') return std::nullopt;
  int hour = 0, minute = 0, second = 0;
  if (!digits(text, pos + 1, 2, hour) || text.size() < pos + 6 || text[pos + 3] != ':' || !digits(text, pos + 4, 2, minute))
    return std::nullopt;
  pos += 6;
  if (pos < text.size() && text[pos] == ':') {
    if (!digits(text, pos + 1, 2, second)) return std::nullopt;
    pos += 3;
    // Fractional seconds (a GPS log's 12:00:00.250Z): accepted, and dropped (the clock counts whole seconds).
    if (pos < text.size() && text[pos] == '.') {
      const size_t end = text.find_first_not_of("0123456789", pos + 1);
      if (end == pos + 1) return std::nullopt;
      pos = end == std::string_view::npos ? text.size() : end;
    }
  }
  if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
  t += hour * 3600 + minute * 60 + second;
  if (pos == text.size() || (text[pos] == 'Z' && pos + 1 == text.size())) return t;
  if (text[pos] != '+' && text[pos] != '-') return std::nullopt;
  const int sign = text[pos] == '+' ? 1 : -1;
  int offsetHours = 0, offsetMinutes = 0;
  std::string_view zone = text.substr(pos + 1);
  const bool colon = zone.size() == 5 && zone[2] == ':';
  if (!digits(zone, 0, 2, offsetHours) || (zone.size() != 2 && !colon && zone.size() != 4)) return std::nullopt;
  if (zone.size() > 2 && !digits(zone, colon ? 3 : 2, 2, offsetMinutes)) return std::nullopt;
  if (offsetHours > 14 || offsetMinutes > 59) return std::nullopt;
  return t - sign * (offsetHours * 3600 + offsetMinutes * 60);  // 09:00+01:00 is 08:00Z
}

int32_t dayOf(UtcSeconds t) { return int32_t(t >= 0 ? t / 86400 : (t - 86399) / 86400); }

std::string formatUtc(UtcSeconds t) {
  const int32_t day = dayOf(t);
  const int64_t inDay = t - int64_t(day) * 86400;
  char buffer[48];
  if (inDay % 60 == 0)
    std::snprintf(buffer, sizeof buffer, "%s %02d:%02dZ", formatIsoDate(day).c_str(), int(inDay / 3600), int(inDay / 60 % 60));
  else
    std::snprintf(buffer, sizeof buffer, "%s %02d:%02d:%02dZ", formatIsoDate(day).c_str(), int(inDay / 3600),
                  int(inDay / 60 % 60), int(inDay % 60));
  return buffer;
}

}  // namespace sitmap
