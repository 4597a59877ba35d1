#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "manmulsang/text/csv.hpp"

namespace manmulsang::text {
namespace {

using Fields = std::vector<std::string>;

TEST(CsvReader, HeaderAndRowsWithLfOrCrlf) {
  for (const std::string_view newline : {"\n", "\r\n", "\r"}) {
    const std::string bytes =
        "name,price\n"
        "노트북,12000\n"
        "마우스,5000";
    std::string file;
    for (const char character : bytes) {
      if (character == '\n')
        file.append(newline);
      else
        file.push_back(character);
    }
    const CsvTable table = ReadCsv(file);
    ASSERT_TRUE(table.ok()) << ErrorCode(table.error);
    EXPECT_EQ(table.header, (Fields{"name", "price"}));
    ASSERT_EQ(table.rows.size(), 2u);
    EXPECT_EQ(table.rows[0].fields, (Fields{"노트북", "12000"}));
    EXPECT_EQ(table.rows[0].row, 2u);
    EXPECT_EQ(table.rows[1].fields, (Fields{"마우스", "5000"}));
    EXPECT_EQ(table.rows[1].line, 3u);
  }
}

TEST(CsvReader, QuotedFieldsHoldCommasLineBreaksAndQuotes) {
  const CsvTable table = ReadCsv(
      "name,description\r\n"
      "\"책상, 원목\",\"첫 줄\r\n둘째 줄\nsays \"\"hi\"\"\"\r\n"
      "\"\",plain\r\n"
      "27\" monitor,x\r\n");
  ASSERT_TRUE(table.ok());
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[0].fields, (Fields{"책상, 원목", "첫 줄\r\n둘째 줄\nsays \"hi\""}));
  // The quoted line breaks make row 2 span lines 2–4, so the next row is row 3 on line 5.
  EXPECT_EQ(table.rows[1].row, 3u);
  EXPECT_EQ(table.rows[1].line, 5u);
  EXPECT_EQ(table.rows[1].fields, (Fields{"", "plain"}));
  EXPECT_EQ(table.rows[2].fields, (Fields{"27\" monitor", "x"}));  // a quote inside an unquoted field is kept
}

TEST(CsvReader, ByteOrderMarkIsSkippedAndColumnsAreFoundInAnyOrderAndCase) {
  const CsvTable table = ReadCsv("\xEF\xBB\xBF Price ,NAME\n100,펜\n");
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table.header, (Fields{"Price", "NAME"}));
  EXPECT_EQ(table.Column("name"), 1u);
  EXPECT_EQ(table.Column("price"), 0u);
  EXPECT_EQ(table.Column("stock"), std::nullopt);
}

TEST(CsvReader, MissingTrailingFieldsAreEmptyAndBlankRowsAreSkipped) {
  const CsvTable table = ReadCsv("\n\na,b,c\n1\n\n,,\n4,5,6,,\n");
  ASSERT_TRUE(table.ok());
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].fields, (Fields{"1", "", ""}));
  EXPECT_EQ(table.rows[0].row, 4u);                          // two blank rows, then the header as row 3
  EXPECT_EQ(table.rows[1].fields, (Fields{"4", "5", "6"}));  // trailing empty fields dropped
  EXPECT_EQ(table.rows[1].row, 7u);
}

TEST(CsvReader, ABadRowIsReportedAndTheOthersAreRead) {
  const CsvTable table = ReadCsv("name,price\n좋은,1\n\xB3\xEB\xC6\xAE,2\n\"ab\"c,3\n1,2,3\n끝,4\n");
  ASSERT_TRUE(table.ok());
  ASSERT_EQ(table.rows.size(), 5u);
  EXPECT_EQ(table.rows[0].error, CsvRowError::none);
  EXPECT_EQ(table.rows[1].error, CsvRowError::invalid_utf8);  // 노트 in CP949
  EXPECT_TRUE(table.rows[1].fields.empty());
  EXPECT_EQ(table.rows[1].row, 3u);
  EXPECT_EQ(table.rows[2].error, CsvRowError::text_after_quote);
  EXPECT_EQ(table.rows[3].error, CsvRowError::too_many_fields);
  EXPECT_EQ(table.rows[4].error, CsvRowError::none);
  EXPECT_EQ(table.rows[4].fields, (Fields{"끝", "4"}));
}

TEST(CsvReader, FileErrorsNameTheLine) {
  const CsvTable unterminated = ReadCsv("name\nok\n\"never closed\nmore\n");
  EXPECT_EQ(unterminated.error, CsvFileError::unterminated_quote);
  EXPECT_EQ(unterminated.error_line, 3u);
  EXPECT_TRUE(unterminated.rows.empty());

  EXPECT_EQ(ReadCsv("").error, CsvFileError::no_header);
  EXPECT_EQ(ReadCsv("\r\n\r\n").error, CsvFileError::no_header);
  EXPECT_EQ(ReadCsv("name,Name\n").error, CsvFileError::invalid_header);
  EXPECT_EQ(ReadCsv("n\xFF\n").error, CsvFileError::invalid_header);
  EXPECT_EQ(ReadCsv(" , \t,\nx\n").error, CsvFileError::invalid_header);

  const CsvTable binary = ReadCsv(std::string("name\nab\ncd\0ef\n", 13));
  EXPECT_EQ(binary.error, CsvFileError::not_text);
  EXPECT_EQ(binary.error_line, 3u);
  EXPECT_EQ(ReadCsv("\xFF\xFEn\0a\0m\0e\0").error, CsvFileError::not_text);  // UTF-16 LE
  EXPECT_EQ(ReadCsv("\xFE\xFF\0n").error, CsvFileError::not_text);
}

TEST(CsvReader, LimitsRefuseTheWholeFile) {
  const CsvLimits limits{.max_bytes = 200, .max_rows = 3, .max_field_bytes = 10, .max_columns = 4};
  EXPECT_EQ(ReadCsv(std::string(201, 'a'), limits).error, CsvFileError::too_large);
  EXPECT_TRUE(ReadCsv("h\n1\n2\n3\n", limits).ok());
  const CsvTable rows = ReadCsv("h\n1\n2\n3\n4\n", limits);
  EXPECT_EQ(rows.error, CsvFileError::too_many_rows);
  EXPECT_EQ(rows.error_line, 5u);
  EXPECT_TRUE(ReadCsv("h\n0123456789\n", limits).ok());
  const CsvTable field = ReadCsv("h\nok\n01234567890\n", limits);
  EXPECT_EQ(field.error, CsvFileError::field_too_long);
  EXPECT_EQ(field.error_line, 3u);
  EXPECT_EQ(ReadCsv("h\n\"01234\"\"56789\"\n", limits).error, CsvFileError::field_too_long);
  EXPECT_EQ(ReadCsv("a,b,c,d,e\n", limits).error, CsvFileError::too_many_columns);
  EXPECT_EQ(ReadCsv("a\n,,,,,,,,,,,,,,,,,,,\n", limits).error, CsvFileError::too_many_columns);

  // The default limits: 10 MiB, 10,000 rows, 64 KiB a field.
  std::string many = "name\n";
  for (int row = 0; row < 10'001; ++row) many += "x\n";
  EXPECT_EQ(ReadCsv(many).error, CsvFileError::too_many_rows);
  EXPECT_EQ(ReadCsv("name\n" + std::string(64 * 1024 + 1, 'x')).error, CsvFileError::field_too_long);
  EXPECT_TRUE(ReadCsv("name\n" + std::string(64 * 1024, 'x')).ok());
  EXPECT_EQ(ReadCsv(std::string(10 * 1024 * 1024 + 1, '\n')).error, CsvFileError::too_large);
}

TEST(CsvReader, EveryErrorHasACodeAndAMessage) {
  for (const CsvFileError error : {CsvFileError::too_large, CsvFileError::too_many_rows, CsvFileError::too_many_columns,
                                   CsvFileError::field_too_long, CsvFileError::unterminated_quote,
                                   CsvFileError::not_text, CsvFileError::no_header, CsvFileError::invalid_header}) {
    EXPECT_TRUE(ErrorCode(error).starts_with("csv_"));
    EXPECT_FALSE(EnglishMessage(error).empty());
  }
  for (const CsvRowError error :
       {CsvRowError::invalid_utf8, CsvRowError::text_after_quote, CsvRowError::too_many_fields}) {
    EXPECT_TRUE(ErrorCode(error).starts_with("csv_"));
    EXPECT_FALSE(EnglishMessage(error).empty());
  }
}

TEST(CsvWriter, QuotesOnlyWhenNeededAndReadsBackTheSame) {
  const Fields fields = {"plain", "책상, 원목", "say \"hi\"", "two\nlines", "cr\rhere", "", " spaced "};
  std::string out;
  AppendCsvRecord(out, Fields{"a", "b", "c", "d", "e", "f", "g"});
  AppendCsvRecord(out, fields);
  EXPECT_EQ(out,
            "a,b,c,d,e,f,g\r\n"
            "plain,\"책상, 원목\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",, spaced \r\n");
  const CsvTable table = ReadCsv(out);
  ASSERT_TRUE(table.ok());
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(table.rows[0].fields, fields);
}

TEST(CsvWriter, FormulasAreDefusedAndRestored) {
  EXPECT_EQ(DefuseFormula("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
  EXPECT_EQ(DefuseFormula("+1"), "'+1");
  EXPECT_EQ(DefuseFormula("-1"), "'-1");
  EXPECT_EQ(DefuseFormula("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(DefuseFormula("\tx"), "'\tx");
  EXPECT_EQ(DefuseFormula("'quoted"), "''quoted");
  EXPECT_EQ(DefuseFormula("노트북 -15%"), "노트북 -15%");
  EXPECT_EQ(DefuseFormula(""), "");
  for (const std::string_view field : {"=1+2", "'", "''x", "plain", "", "-", "'=x"}) {
    EXPECT_EQ(RestoreDefusedField(DefuseFormula(field)), field);
  }
}

}  // namespace
}  // namespace manmulsang::text
