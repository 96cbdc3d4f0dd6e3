// Calendar dates as UTC day numbers (days since 1970-01-01), and the date spellings found in ACLED exports.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sitmap {

int32_t daysFromCivil(int year, int month, int day);
void civilFromDays(int32_t days, int& year, int& month, int& day);
// "2023-11-01", "01 November 2023", "1-November-23", "01-Nov-23", "01/11/2023" (day first). Two-digit years
// are 1970-2069. Nothing else: a date that could be read two ways is refused rather than guessed.
std::optional<int32_t> parseEventDate(std::string_view text);
std::string formatIsoDate(int32_t days);
// "4 Nov" or "4 Nov 2023": a day as map text reads it.
std::string formatShortDate(int32_t days, bool withYear);
// A period for a legend or caption: "1 Oct – 4 Nov 2023", "29 Dec 2023 – 3 Jan 2024", "up to 4 Nov 2023",
// "from 1 Oct 2023"; "" when neither end is given.
std::string formatPeriod(std::optional<int32_t> fromDay, std::optional<int32_t> toDay);

// An all-numeric date "a/b/yyyy" or "a-b-yy" (a and b of one or two digits), whose day/month order only the
// rest of its file can tell: a spreadsheet in en-US writes 12/31/2020, one in en-GB 31/12/2020.
struct NumericDate {
  int first = 0, second = 0, year = 0;
  bool validDayFirst() const;
  bool validMonthFirst() const;
  int32_t days(bool dayFirst) const;  // only for a valid reading
};
std::optional<NumericDate> parseNumericDate(std::string_view text);

}  // namespace sitmap
