// ACLED CSV import: the current 31-column layout, the 2019-2023 layout and the pre-2019 taxonomy, columns found
// by name in any order, UTF-8 BOM allowed, monadic (one row per actor) exports merged on event_id_cnty.
// Bad rows are skipped and counted with the first reasons; the rest loads. All-numeric dates (a spreadsheet's
// 12/31/2020 or 31/12/2020) take the order the file itself shows; a file that cannot tell, or shows both, is refused.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/event_table.hpp"
#include "core/result.hpp"

namespace sitmap {

struct RowProblem {
  size_t row = 0;  // as a spreadsheet numbers it: the header is row 1, the first event row 2
  std::string reason;
};

struct EventImport {
  EventTable table;
  size_t rowsRead = 0;        // data rows in the file
  size_t rowsSkipped = 0;     // unusable rows (bad date, coordinates, field count)
  size_t rowsMerged = 0;      // monadic duplicates folded into their event
  std::vector<RowProblem> problems;  // the first few skipped rows and why
  const char* recordName = "row";    // "row" for CSV files, "feature" for OGR layers
  std::string dateOrder;             // said when the file's numeric dates were read month first
  std::string databaseFilter;        // the WHERE clause a database ran for this read (empty: read whole)
  std::string newest;                // an incremental read: the highest value of its column seen so far
  bool readWhole = true;             // false when a database or spatial filter left rows out

  // "57 events; 3 rows skipped (row 4: cannot read the date '2023-13-01'; ...)"
  std::string summary() const;
};

// Return false from `progress` (fraction of the file read) to cancel the import.
using ImportProgress = std::function<bool(double fraction)>;

Result<EventImport> readAcledCsv(const std::string& path, const ImportProgress& progress = {});
Result<EventImport> parseAcledCsv(std::string_view text, const std::string& name, const ImportProgress& progress = {});

}  // namespace sitmap
