// UTC instants to the second (seconds since 1970-01-01T00:00Z) and the time spellings sitmap accepts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sitmap {

using UtcSeconds = int64_t;

// "2023-10-31", "2023-10-31T08:00", "2023-10-31 08:00:30" (fractions of a second dropped), with "Z", "+01:00"
// or "-0530" (none = UTC).
// A date alone is midnight UTC. Anything else (or an impossible date or time) is nullopt.
std::optional<UtcSeconds> parseUtc(std::string_view text);
// "2023-10-31 08:00Z" (minutes only when seconds are zero).
std::string formatUtc(UtcSeconds t);
int32_t dayOf(UtcSeconds t);  // the UTC day number (days since 1970-01-01)

}  // namespace sitmap
