#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/text/characters.hpp"
#include "manmulsang/text/csv.hpp"
#include "manmulsang/text/utf8.hpp"

namespace manmulsang::text {
namespace {

// One record as the tokenizer saw it, before the header gives its fields a meaning.
struct RawRecord {
  std::size_t line = 0;
  std::vector<std::string> fields;
  bool text_after_quote = false;
};

char AsciiLower(char character) {
  return character >= 'A' && character <= 'Z' ? static_cast<char>(character - 'A' + 'a') : character;
}

bool EqualsIgnoringAsciiCase(std::string_view left, std::string_view right) {
  if (left.size() != right.size()) return false;
  for (std::size_t index = 0; index < left.size(); ++index) {
    if (AsciiLower(left[index]) != AsciiLower(right[index])) return false;
  }
  return true;
}

bool IsBlank(const RawRecord& record) {
  for (const std::string& field : record.fields) {
    if (!field.empty()) return false;
  }
  return true;
}

// Splits bytes into records. Line breaks inside quotes belong to the field; outside, CRLF, LF
// and a lone CR (old spreadsheets) each end a record.
class Tokenizer {
 public:
  Tokenizer(std::string_view bytes, const CsvLimits& limits) : bytes_(bytes), limits_(limits) {}

  bool AtEnd() const { return position_ >= bytes_.size(); }

  // The next record; false with error_ set when the file cannot be read further.
  bool Next(RawRecord& record) {
    record.line = line_;
    record.fields.clear();
    record.text_after_quote = false;
    while (true) {
      std::string field;
      if (!AtEnd() && bytes_[position_] == '"') {
        if (!ReadQuoted(field)) return false;
        // RFC 4180 allows nothing between the closing quote and the comma; such text is skipped
        // and the row reported, since what the writer meant is unclear.
        while (!AtEnd() && !IsSeparator(bytes_[position_])) {
          record.text_after_quote = true;
          ++position_;
        }
      } else {
        const std::size_t start = position_;
        while (!AtEnd() && !IsSeparator(bytes_[position_])) ++position_;
        // A quote inside an unquoted field (27" monitor) is kept as written, as spreadsheets do.
        field.assign(bytes_.substr(start, position_ - start));
        if (field.size() > limits_.max_field_bytes) return Fail(CsvFileError::field_too_long, line_);
      }
      record.fields.push_back(std::move(field));
      if (record.fields.size() > limits_.max_columns) return Fail(CsvFileError::too_many_columns, record.line);
      if (AtEnd()) return true;
      const char separator = bytes_[position_++];
      if (separator == ',') continue;
      if (separator == '\r' && !AtEnd() && bytes_[position_] == '\n') ++position_;
      ++line_;
      return true;
    }
  }

  CsvFileError error() const { return error_; }
  std::size_t error_line() const { return error_line_; }

 private:
  static bool IsSeparator(char character) { return character == ',' || character == '\n' || character == '\r'; }

  bool ReadQuoted(std::string& field) {
    const std::size_t opening_line = line_;
    ++position_;  // the opening quote
    while (true) {
      if (AtEnd()) return Fail(CsvFileError::unterminated_quote, opening_line);
      const char character = bytes_[position_];
      if (character == '"') {
        if (position_ + 1 < bytes_.size() && bytes_[position_ + 1] == '"') {
          field.push_back('"');
          position_ += 2;
        } else {
          ++position_;
          return true;
        }
      } else {
        // Copy up to the next quote at once: most quoted fields hold no quote at all.
        const void* quote = std::memchr(bytes_.data() + position_, '"', bytes_.size() - position_);
        const std::size_t end = quote == nullptr
                                    ? bytes_.size()
                                    : static_cast<std::size_t>(static_cast<const char*>(quote) - bytes_.data());
        const std::string_view run = bytes_.substr(position_, end - position_);
        for (std::size_t index = 0; index < run.size(); ++index) {
          if (run[index] == '\n' || (run[index] == '\r' && (index + 1 >= run.size() || run[index + 1] != '\n'))) {
            // A CR ending the run is followed by a quote (or the end), so it is a lone CR.
            ++line_;
          }
        }
        field.append(run);
        position_ = end;
      }
      if (field.size() > limits_.max_field_bytes) return Fail(CsvFileError::field_too_long, line_);
    }
  }

  bool Fail(CsvFileError error, std::size_t line) {
    error_ = error;
    error_line_ = line;
    return false;
  }

  std::string_view bytes_;
  const CsvLimits& limits_;
  std::size_t position_ = 0;
  std::size_t line_ = 1;
  CsvFileError error_ = CsvFileError::none;
  std::size_t error_line_ = 0;
};

CsvTable FileError(CsvFileError error, std::size_t line) {
  CsvTable table;
  table.error = error;
  table.error_line = line;
  return table;
}

bool StartsWith(std::string_view bytes, std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; }

}  // namespace

std::optional<std::size_t> CsvTable::Column(std::string_view name) const {
  for (std::size_t index = 0; index < header.size(); ++index) {
    if (!header[index].empty() && EqualsIgnoringAsciiCase(header[index], name)) return index;
  }
  return std::nullopt;
}

CsvTable ReadCsv(std::string_view bytes, const CsvLimits& limits) {
  if (bytes.size() > limits.max_bytes) return FileError(CsvFileError::too_large, 0);
  // UTF-32 LE starts with the UTF-16 LE mark, so these two cover all four.
  if (StartsWith(bytes, "\xFF\xFE") || StartsWith(bytes, "\xFE\xFF") ||
      StartsWith(bytes, std::string_view("\x00\x00\xFE\xFF", 4))) {
    return FileError(CsvFileError::not_text, 1);
  }
  if (StartsWith(bytes, kUtf8ByteOrderMark)) bytes.remove_prefix(kUtf8ByteOrderMark.size());
  if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size()); nul != nullptr) {
    const std::string_view before = bytes.substr(0, static_cast<const char*>(nul) - bytes.data());
    std::size_t line = 1;
    for (const char character : before) line += character == '\n' ? 1 : 0;
    return FileError(CsvFileError::not_text, line);
  }

  Tokenizer tokenizer(bytes, limits);
  RawRecord record;
  std::size_t row_number = 0;
  CsvTable table;
  bool have_header = false;
  std::size_t data_rows = 0;
  while (!tokenizer.AtEnd()) {
    if (!tokenizer.Next(record)) return FileError(tokenizer.error(), tokenizer.error_line());
    ++row_number;
    if (IsBlank(record)) continue;

    if (!have_header) {
      for (const std::string& name : record.fields) {
        const std::string_view trimmed = TrimAscii(name);
        if (!IsValidUtf8(trimmed) || record.text_after_quote)
          return FileError(CsvFileError::invalid_header, record.line);
        if (!trimmed.empty() && table.Column(trimmed)) return FileError(CsvFileError::invalid_header, record.line);
        table.header.emplace_back(trimmed);
      }
      // Spaces alone name nothing: the first row must name at least one column.
      bool names_a_column = false;
      for (const std::string& name : table.header) names_a_column = names_a_column || !name.empty();
      if (!names_a_column) return FileError(CsvFileError::invalid_header, record.line);
      have_header = true;
      continue;
    }

    if (++data_rows > limits.max_rows) return FileError(CsvFileError::too_many_rows, record.line);
    CsvRow row;
    row.row = row_number;
    row.line = record.line;
    if (record.text_after_quote) {
      row.error = CsvRowError::text_after_quote;
    } else {
      for (const std::string& field : record.fields) {
        if (!IsValidUtf8(field)) {
          row.error = CsvRowError::invalid_utf8;
          break;
        }
      }
    }
    if (row.error == CsvRowError::none) {
      for (std::size_t index = table.header.size(); index < record.fields.size(); ++index) {
        if (!record.fields[index].empty()) row.error = CsvRowError::too_many_fields;
      }
    }
    if (row.error == CsvRowError::none) {
      record.fields.resize(table.header.size());
      row.fields = std::move(record.fields);
      record.fields = {};
    }
    table.rows.push_back(std::move(row));
  }
  if (!have_header) return FileError(CsvFileError::no_header, 1);
  return table;
}

std::string_view ErrorCode(CsvFileError error) {
  switch (error) {
    case CsvFileError::none:
      return "none";
    case CsvFileError::too_large:
      return "csv_too_large";
    case CsvFileError::too_many_rows:
      return "csv_too_many_rows";
    case CsvFileError::too_many_columns:
      return "csv_too_many_columns";
    case CsvFileError::field_too_long:
      return "csv_field_too_long";
    case CsvFileError::unterminated_quote:
      return "csv_unterminated_quote";
    case CsvFileError::not_text:
      return "csv_not_text";
    case CsvFileError::no_header:
      return "csv_no_header";
    case CsvFileError::invalid_header:
      return "csv_invalid_header";
  }
  return "csv_invalid";
}

std::string_view ErrorCode(CsvRowError error) {
  switch (error) {
    case CsvRowError::none:
      return "none";
    case CsvRowError::invalid_utf8:
      return "csv_invalid_utf8";
    case CsvRowError::text_after_quote:
      return "csv_text_after_quote";
    case CsvRowError::too_many_fields:
      return "csv_too_many_fields";
  }
  return "csv_invalid_row";
}

std::string EnglishMessage(CsvFileError error) {
  switch (error) {
    case CsvFileError::none:
      return "";
    case CsvFileError::too_large:
      return "The file is larger than 10 MiB; split it into smaller files.";
    case CsvFileError::too_many_rows:
      return "The file has more than 10,000 rows; split it into smaller files.";
    case CsvFileError::too_many_columns:
      return "A row has more than 100 columns.";
    case CsvFileError::field_too_long:
      return "A field is longer than 64 KiB.";
    case CsvFileError::unterminated_quote:
      return "A quoted field is never closed: a quote is missing.";
    case CsvFileError::not_text:
      return "The file is not UTF-8 text (binary data or UTF-16); save it as \"CSV UTF-8\".";
    case CsvFileError::no_header:
      return "The file is empty: the first row must name the columns.";
    case CsvFileError::invalid_header:
      return "The first row must name each column once, in UTF-8 text.";
  }
  return "The file is not valid CSV.";
}

std::string EnglishMessage(CsvRowError error) {
  switch (error) {
    case CsvRowError::none:
      return "";
    case CsvRowError::invalid_utf8:
      return "The row is not valid UTF-8; save the file as \"CSV UTF-8\" (not CP949/EUC-KR).";
    case CsvRowError::text_after_quote:
      return "Text follows a closing quote; a quote inside a quoted field is written \"\".";
    case CsvRowError::too_many_fields:
      return "The row has more fields than the first row has columns.";
  }
  return "The row is not valid CSV.";
}

}  // namespace manmulsang::text
