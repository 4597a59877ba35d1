#pragma once

// CSV as RFC 4180 writes it and as spreadsheets really save it: a header row naming the columns
// (in any order), quoted fields holding commas, line breaks and "" for a quote, CRLF or LF (or a
// lone CR) between records, an optional UTF-8 byte order mark. Kept free of <expected> so the
// clang 14 fuzz build can compile it (fuzz/csv_fuzzer.cpp).

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace manmulsang::text {

struct CsvLimits {
  std::size_t max_bytes = 10 * 1024 * 1024;  // the whole file, byte order mark included
  std::size_t max_rows = 10'000;             // data rows, the header not counted
  std::size_t max_field_bytes = 64 * 1024;
  std::size_t max_columns = 100;
};

// What makes the whole file unreadable. Such a file is refused as a whole: after a broken quote
// or an oversized field the record boundaries can no longer be trusted, and a file past a limit
// is refused before any of it is used.
enum class CsvFileError {
  none,
  too_large,           // more than max_bytes
  too_many_rows,       // more than max_rows data rows
  too_many_columns,    // a record with more than max_columns fields
  field_too_long,      // a field of more than max_field_bytes
  unterminated_quote,  // a quoted field still open at the end of the file (line: where it opened)
  not_text,            // a NUL byte, or a UTF-16/UTF-32 byte order mark: not a UTF-8 text file
  no_header,           // nothing but blank lines
  invalid_header,      // the header row is not UTF-8, or names a column twice
};

// What is wrong with one data row; the other rows are still read.
enum class CsvRowError {
  none,
  invalid_utf8,      // a field is not well-formed UTF-8 (often a file saved as CP949/EUC-KR)
  text_after_quote,  // "ab"c: characters between a closing quote and the next comma
  too_many_fields,   // more non-empty fields than the header has columns
};

std::string_view ErrorCode(CsvFileError error);  // "csv_too_large", ...
std::string_view ErrorCode(CsvRowError error);   // "csv_invalid_utf8", ...
// A sentence in English for logs, tests and the API's message (pages translate by code).
std::string EnglishMessage(CsvFileError error);
std::string EnglishMessage(CsvRowError error);

struct CsvRow {
  // The row as a spreadsheet numbers it: the header is row 1, the first data row 2. A quoted
  // field with line breaks makes one row of several lines, so this is not the line number.
  std::size_t row = 0;
  std::size_t line = 0;  // the file line (1-based) where the row starts
  CsvRowError error = CsvRowError::none;
  // One field per header column, in header order; missing trailing fields are empty. Empty when
  // error is set: a broken row is reported, never half-used.
  std::vector<std::string> fields;
};

struct CsvTable {
  CsvFileError error = CsvFileError::none;
  std::size_t error_line = 0;  // the file line of a file error (0 for size limits)
  // The column names, trimmed of spaces and tabs, as written.
  std::vector<std::string> header;
  // Data rows in file order. Blank rows (no characters, or only empty fields) are left out:
  // spreadsheets add them at the end.
  std::vector<CsvRow> rows;

  bool ok() const { return error == CsvFileError::none; }
  // The position of a column, its name compared without ASCII case; nullopt when absent.
  std::optional<std::size_t> Column(std::string_view name) const;
};

// Never throws on any bytes and never reads past them; the limits bound the memory it uses.
CsvTable ReadCsv(std::string_view bytes, const CsvLimits& limits = {});

// A leading = + - @ (or tab or carriage return) makes a spreadsheet evaluate a cell as a formula
// ("CSV injection"); a leading ' is the spreadsheet's own mark for "text, not a formula". Export
// writes such fields with a ' in front, and with a second ' in front of one that already starts
// with ', so RestoreDefusedField gives every exported field back exactly.
std::string DefuseFormula(std::string_view field);
// Drops one leading ' (the spreadsheet's text mark): the inverse of DefuseFormula.
std::string_view RestoreDefusedField(std::string_view field);

// Appends one record: fields joined by commas, each quoted only when it holds a comma, a quote,
// CR or LF (quotes doubled), ended by CRLF. Fields are written as given (callers defuse).
void AppendCsvRecord(std::string& out, std::span<const std::string> fields);
// The UTF-8 byte order mark: spreadsheets read a file as UTF-8 only when it starts with one.
inline constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

}  // namespace manmulsang::text
