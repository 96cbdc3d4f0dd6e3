// The values of ACLED's columns as text, read alike by the CSV and OGR importers: trimmed text, "nothing" as
// spreadsheets write it, numbers, actor-type codes, associated-actor lists and road stretches.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/geometry.hpp"

namespace sitmap::acled {

std::string_view trim(std::string_view s);
// A finite number written in full ("+3", " 2.5 "); nullopt for anything else.
std::optional<double> parseNumber(std::string_view s);
// Range-checked before converting: a float beyond int range is undefined behaviour, not a large number.
int parseSmallInt(std::string_view s);
// A fatality count: a whole number from 0 to a million (the deadliest events are in the thousands).
std::optional<int> parseFatalities(std::string_view s);
// Optional text as R, spreadsheets and databases write "nothing": NA, N/A, NULL (any case) read as empty,
// so "NA" is neither an actor nor a civilian-targeting mark.
std::string_view optionalText(std::string_view s);
// Since 2024 ACLED writes actor types as words; older exports use the codes.
int interCode(std::string_view s);
// The interaction: a two-digit code (27), or since 2024 the two actor types in words ("Rioters-Civilians",
// "State forces-Rebel group"), which become the same code (57, 12) so the filter finds both spellings.
int interactionCode(std::string_view s);
// "A; B" -> {"A", "B"}
std::vector<std::string_view> splitActors(std::string_view list);
// The same, appended to `out` (no vector allocated per row while a file loads).
void appendActors(std::string_view list, std::vector<std::string_view>& out);
// "LINESTRING (lon lat, lon lat, ...)" in WGS 84: the road stretch an event is located to. Nullopt when it
// is not a line of at least two points within the globe.
std::optional<std::vector<LonLat>> parseStretch(std::string_view wkt);

}  // namespace sitmap::acled
