// The CSV reader every seller's import file goes through (platform/text/csv_reader.cpp), with the
// writer that exports listings: whatever the bytes, the reader stays within its limits, and what
// it reads, written out again, reads back the same.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "manmulsang/text/csv.hpp"
#include "manmulsang/text/utf8.hpp"

using namespace manmulsang::text;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // A copy of exactly `size` bytes, so AddressSanitizer catches a read one past the end.
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  // Small limits, so the fuzzer reaches them with small inputs.
  const CsvLimits limits{.max_bytes = 4096, .max_rows = 20, .max_field_bytes = 64, .max_columns = 8};
  const CsvTable table = ReadCsv(bytes, limits);
  if (!table.ok()) {
    if (!table.header.empty() || !table.rows.empty()) std::abort();  // a refused file yields nothing
    return 0;
  }
  if (table.header.empty() || table.header.size() > limits.max_columns) std::abort();
  if (table.rows.size() > limits.max_rows) std::abort();
  std::size_t previous_row = 1;
  for (const std::string& name : table.header) {
    if (!IsValidUtf8(name)) std::abort();
  }
  for (const CsvRow& row : table.rows) {
    // Rows ascend, and a row spans at least one line.
    if (row.row <= previous_row || row.line < row.row) std::abort();
    previous_row = row.row;
    if (row.error != CsvRowError::none) {
      if (!row.fields.empty()) std::abort();  // a broken row is never half-used
      continue;
    }
    if (row.fields.size() != table.header.size()) std::abort();
    for (const std::string& field : row.fields) {
      if (field.size() > limits.max_field_bytes || !IsValidUtf8(field)) std::abort();
    }
  }

  // Written out (as the export does: byte order mark, CRLF, quotes where needed), the good rows
  // read back as the same header and fields.
  std::string written(kUtf8ByteOrderMark);
  AppendCsvRecord(written, table.header);
  std::size_t good_rows = 0;
  for (const CsvRow& row : table.rows) {
    if (row.error != CsvRowError::none) continue;
    AppendCsvRecord(written, row.fields);
    ++good_rows;
  }
  const CsvTable again = ReadCsv(written, CsvLimits{});
  if (!again.ok() || again.header != table.header) std::abort();
  std::size_t index = 0;
  for (const CsvRow& row : table.rows) {
    if (row.error != CsvRowError::none) continue;
    if (index >= again.rows.size() || again.rows[index].fields != row.fields) std::abort();
    ++index;
  }
  if (index != again.rows.size() || index != good_rows) std::abort();

  // Defusing is undone exactly.
  for (const std::string& name : table.header) {
    if (RestoreDefusedField(DefuseFormula(name)) != name) std::abort();
  }
  return 0;
}
