// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "ingest/csv_reader.h"

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace ctind {
namespace {

using std::string_literals::operator""s;

// Line breaks, tabs and NULs escaped, so that a rendering is one line.
std::string Escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\0':
        out += "\\0";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// "<record line>: [<line>:<column> <text>] [<line>:<column> q <text>]\n" for
// each record ("q" marks a quoted field).
std::string RenderRecord(const CsvRecord& record) {
  std::string out = absl::StrCat(record.line, ":");
  for (const CsvField& field : record.fields) {
    absl::StrAppend(&out, " [", field.line, ":", field.column,
                    field.quoted ? " q " : " ", Escape(field.text), "]");
  }
  return out + "\n";
}

struct ReadResult {
  std::string records;  // RenderRecord of each record read.
  std::string error;    // The message of the error that stopped reading.
};

ReadResult ReadAll(std::string_view input, CsvOptions options = {},
                   std::string file_name = "t.csv") {
  ReadResult result;
  absl::StatusOr<CsvReader> reader =
      CsvReader::Create(input, std::move(file_name), options);
  if (!reader.ok()) {
    result.error = std::string(reader.status().message());
    return result;
  }
  CsvRecord record;
  while (true) {
    absl::StatusOr<bool> next = reader->Next(&record);
    if (!next.ok()) {
      EXPECT_EQ(next.status().code(), absl::StatusCode::kInvalidArgument);
      EXPECT_TRUE(record.fields.empty());
      result.error = std::string(next.status().message());
      return result;
    }
    if (!*next) return result;
    EXPECT_FALSE(record.fields.empty());
    result.records += RenderRecord(record);
  }
}

// The records, then "error: " and the error message up to its first "; "
// (the advice after it is checked once per error in ErrorMessages).
std::string Render(std::string_view input, CsvOptions options = {}) {
  ReadResult result = ReadAll(input, options);
  if (result.error.empty()) return result.records;
  return absl::StrCat(result.records, "error: ",
                      result.error.substr(0, result.error.find("; ")));
}

CsvOptions WithDelimiter(char delimiter) {
  CsvOptions options;
  options.delimiter = delimiter;
  return options;
}

CsvOptions WithMaxFieldBytes(size_t max) {
  CsvOptions options;
  options.max_field_bytes = max;
  return options;
}

CsvOptions WithMaxFields(size_t max) {
  CsvOptions options;
  options.max_fields_per_record = max;
  return options;
}

struct GoldenCase {
  std::string name;
  std::string input;
  std::string expected;
  CsvOptions options = {};
};

void RunGoldenCases(const std::vector<GoldenCase>& cases) {
  for (const GoldenCase& c : cases) {
    EXPECT_EQ(Render(c.input, c.options), c.expected)
        << c.name << ": input \"" << Escape(c.input) << "\"";
  }
}

TEST(CsvReaderTest, RecordsAndLineBreaks) {
  RunGoldenCases({
      {"simple", "a,b,c\n", "1: [1:1 a] [1:3 b] [1:5 c]\n"},
      {"no_final_newline", "a,b,c", "1: [1:1 a] [1:3 b] [1:5 c]\n"},
      {"two_records_lf", "a,b\nc,d\n",
       "1: [1:1 a] [1:3 b]\n2: [2:1 c] [2:3 d]\n"},
      {"two_records_crlf", "a,b\r\nc,d\r\n",
       "1: [1:1 a] [1:3 b]\n2: [2:1 c] [2:3 d]\n"},
      {"crlf_no_final", "a,b\r\nc,d",
       "1: [1:1 a] [1:3 b]\n2: [2:1 c] [2:3 d]\n"},
      {"mixed_line_breaks", "a\r\nb\nc",
       "1: [1:1 a]\n2: [2:1 b]\n3: [3:1 c]\n"},
      {"single_field", "abc", "1: [1:1 abc]\n"},
      {"spaces_are_content", " a , b ", "1: [1:1  a ] [1:5  b ]\n"},
      {"nul_is_content", "a\0b,c"s, "1: [1:1 a\\0b] [1:5 c]\n"},
  });
}

TEST(CsvReaderTest, EmptyInputsAndEmptyLines) {
  RunGoldenCases({
      {"empty_input", "", ""},
      {"only_bom", "\xEF\xBB\xBF", ""},
      {"only_line_breaks", "\n\r\n\n", ""},
      {"bom_and_line_breaks", "\xEF\xBB\xBF\r\n", ""},
      {"empty_lines_skipped", "\n\na\n\r\n\nb\n", "3: [3:1 a]\n6: [6:1 b]\n"},
      {"trailing_empty_lines", "a\n\n\n", "1: [1:1 a]\n"},
      {"only_delimiters", ",,\n", "1: [1:1 ] [1:2 ] [1:3 ]\n"},
      {"one_delimiter_crlf", ",\r\n", "1: [1:1 ] [1:2 ]\n"},
      {"empty_middle_field", "a,,b", "1: [1:1 a] [1:3 ] [1:4 b]\n"},
      {"empty_quoted_middle_field", "a,\"\",b",
       "1: [1:1 a] [1:3 q ] [1:6 b]\n"},
      {"trailing_delimiter", "a,\n", "1: [1:1 a] [1:3 ]\n"},
      {"trailing_delimiter_at_end", "a,", "1: [1:1 a] [1:3 ]\n"},
      {"trailing_delimiter_crlf", "a,\r\nb", "1: [1:1 a] [1:3 ]\n2: [2:1 b]\n"},
      {"lone_empty_quoted_field", "\"\"\n", "1: [1:1 q ]\n"},
  });
}

TEST(CsvReaderTest, ByteOrderMark) {
  RunGoldenCases({
      {"bom_skipped",
       "\xEF\xBB\xBF"
       "a,b\n",
       "1: [1:1 a] [1:3 b]\n"},
      {"bom_then_quoted", "\xEF\xBB\xBF\"a\",b", "1: [1:1 q a] [1:5 b]\n"},
      {"bom_then_empty_lines", "\xEF\xBB\xBF\n\na", "3: [3:1 a]\n"},
      // Only a mark at the very start is one; elsewhere U+FEFF is text.
      {"bom_later_is_text",
       "a,\xEF\xBB\xBF"
       "b",
       "1: [1:1 a] [1:3 \xEF\xBB\xBF"
       "b]\n"},
      {"second_bom_is_text",
       "\xEF\xBB\xBF\xEF\xBB\xBF"
       "a",
       "1: [1:1 \xEF\xBB\xBF"
       "a]\n"},
      {"partial_bom_is_invalid",
       "\xEF\xBB"
       "a",
       "error: t.csv:1:1: invalid UTF-8 byte 0xef"},
  });
}

TEST(CsvReaderTest, Quoting) {
  RunGoldenCases({
      {"delimiter_in_quotes", "\"a,b\",c", "1: [1:1 q a,b] [1:7 c]\n"},
      {"newline_in_quotes", "\"a,b\",\"c\nd\",e\nf",
       "1: [1:1 q a,b] [1:7 q c\\nd] [2:4 e]\n3: [3:1 f]\n"},
      {"doubled_quotes", "\"a\"\"b\",\"\"\"\"\n",
       "1: [1:1 q a\"b] [1:8 q \"]\n"},
      {"doubled_quotes_at_both_ends", "\"\"\"x\"\"\"", "1: [1:1 q \"x\"]\n"},
      {"crlf_in_quotes", "\"a\r\nb\",c\r\nd",
       "1: [1:1 q a\\r\\nb] [2:4 c]\n3: [3:1 d]\n"},
      // A lone CR inside quotes is content and does not end a line.
      {"cr_in_quotes", "\"a\rb\",c", "1: [1:1 q a\\rb] [1:7 c]\n"},
      {"quoted_at_end", "\"a\"", "1: [1:1 q a]\n"},
      {"quoted_then_delimiter_at_end", "\"a\",", "1: [1:1 q a] [1:5 ]\n"},
      {"quoted_crlf_end", "\"a\"\r\n\"b\"", "1: [1:1 q a]\n2: [2:1 q b]\n"},
      {"empty_lines_in_quotes", "\"a\n\nb\"\n\nc",
       "1: [1:1 q a\\n\\nb]\n5: [5:1 c]\n"},
      {"only_line_break_in_quotes", "\"\n\",x", "1: [1:1 q \\n] [2:3 x]\n"},
      {"quote_inside_quotes_then_newline", "\"\"\"\n\"\"\"",
       "1: [1:1 q \"\\n\"]\n"},
      {"several_escaped_fields", "\"a\"\"\",\"b\"\"\",\"c\"\"\"",
       "1: [1:1 q a\"] [1:7 q b\"] [1:13 q c\"]\n"},
  });
}

TEST(CsvReaderTest, Delimiters) {
  RunGoldenCases({
      {"semicolon", "a;b,c;\"d;e\"\n", "1: [1:1 a] [1:3 b,c] [1:7 q d;e]\n",
       WithDelimiter(';')},
      {"semicolon_decimal_commas", "1,5;2,5", "1: [1:1 1,5] [1:5 2,5]\n",
       WithDelimiter(';')},
      {"tab", "a\tb c\t\"d\te\"", "1: [1:1 a] [1:3 b c] [1:7 q d\\te]\n",
       WithDelimiter('\t')},
      {"pipe", "a|b,c", "1: [1:1 a] [1:3 b,c]\n", WithDelimiter('|')},
      {"space", "a b  c", "1: [1:1 a] [1:3 b] [1:5 ] [1:6 c]\n",
       WithDelimiter(' ')},
      {"only_tabs", "\t\t", "1: [1:1 ] [1:2 ] [1:3 ]\n", WithDelimiter('\t')},
  });
}

TEST(CsvReaderTest, ColumnsCountCodePoints) {
  RunGoldenCases({
      {"quoted_multibyte", "\"Ñandú\",x\n", "1: [1:1 q Ñandú] [1:9 x]\n"},
      {"unquoted_multibyte", "Ñandú,x,ü,y",
       "1: [1:1 Ñandú] [1:7 x] [1:9 ü] [1:11 y]\n"},
      {"four_byte", "😀,b", "1: [1:1 😀] [1:3 b]\n"},
      {"euro", "€€€;x", "1: [1:1 €€€] [1:5 x]\n", WithDelimiter(';')},
      {"after_newline_in_quotes", "\"é\nÑ\",ü,x",
       "1: [1:1 q é\\nÑ] [2:4 ü] [2:6 x]\n"},
      {"second_record", "é,a\nb,ü,c",
       "1: [1:1 é] [1:3 a]\n2: [2:1 b] [2:3 ü] [2:5 c]\n"},
      {"escaped_multibyte", "\"Ñ\"\"ñ\",x", "1: [1:1 q Ñ\"ñ] [1:8 x]\n"},
  });
}

TEST(CsvReaderTest, StructuralErrors) {
  RunGoldenCases({
      {"bare_cr", "a,b\rc\n", "error: t.csv:1:4: bare carriage return"},
      {"bare_cr_at_end", "a\r", "error: t.csv:1:2: bare carriage return"},
      {"cr_cr_lf", "a\r\r\n", "error: t.csv:1:2: bare carriage return"},
      {"bare_cr_after_quote", "\"a\"\rb",
       "error: t.csv:1:4: bare carriage return"},
      {"bare_cr_starts_line", "a\n\rb",
       "1: [1:1 a]\nerror: t.csv:2:1: bare carriage return"},
      {"unterminated", "\"abc",
       "error: t.csv:1:1: unterminated quoted field (opened here)"},
      {"unterminated_later", "x\ny,\"ab\ncd",
       "1: [1:1 x]\nerror: t.csv:2:3: unterminated quoted field (opened here)"},
      {"unterminated_after_doubled_quote", "\"a\"\"",
       "error: t.csv:1:1: unterminated quoted field (opened here)"},
      {"unterminated_lone_quote", "a,\"",
       "error: t.csv:1:3: unterminated quoted field (opened here)"},
      {"after_closing_quote", "\"a\"b,c",
       "error: t.csv:1:4: unexpected character 'b' after closing quote"},
      {"space_after_closing_quote", "\"a\" ,c",
       "error: t.csv:1:4: unexpected character ' ' after closing quote"},
      {"multibyte_after_closing_quote", "x,\"a\"Ñ",
       "error: t.csv:1:6: unexpected character 'Ñ' (U+00D1) after closing "
       "quote"},
      {"tab_after_closing_quote", "\"a\"\tb",
       "error: t.csv:1:4: unexpected character tab after closing quote"},
      {"control_after_closing_quote", "\"a\"\x01",
       "error: t.csv:1:4: unexpected character U+0001 after closing quote"},
      {"comma_when_semicolon", "\"a\",b",
       "error: t.csv:1:4: unexpected character ',' after closing quote",
       WithDelimiter(';')},
      {"after_quote_on_second_line", "\"a\nbc\"d",
       "error: t.csv:2:4: unexpected character 'd' after closing quote"},
      {"quote_in_unquoted", "ab\"c\"",
       "error: t.csv:1:3: quote inside an unquoted field"},
      {"space_before_quote", " \"a\"",
       "error: t.csv:1:2: quote inside an unquoted field"},
      {"quote_after_multibyte", "x,Ñ\"",
       "error: t.csv:1:4: quote inside an unquoted field"},
      {"quote_in_unquoted_after_multiline", "\"a\nb\",c\"d",
       "error: t.csv:2:5: quote inside an unquoted field"},
      {"quote_at_end_of_unquoted", "abc\"\n",
       "error: t.csv:1:4: quote inside an unquoted field"},
  });
}

TEST(CsvReaderTest, Utf8Errors) {
  RunGoldenCases({
      {"ff_later_record", "a,b\nc,\xFF\n",
       "1: [1:1 a] [1:3 b]\nerror: t.csv:2:3: invalid UTF-8 byte 0xff"},
      {"column_in_code_points", "Ñandú,\xFF",
       "error: t.csv:1:7: invalid UTF-8 byte 0xff"},
      {"truncated_at_end", "ab\xC3",
       "error: t.csv:1:3: invalid UTF-8 byte 0xc3"},
      {"truncated_before_delimiter", "\xC3,a",
       "error: t.csv:1:1: invalid UTF-8 byte 0xc3"},
      {"bad_continuation", "\xC3(",
       "error: t.csv:1:1: invalid UTF-8 byte 0xc3"},
      {"overlong_two_byte", "x\xC0\x80",
       "error: t.csv:1:2: invalid UTF-8 byte 0xc0"},
      {"overlong_three_byte", "\xE0\x80\x80",
       "error: t.csv:1:1: invalid UTF-8 byte 0xe0"},
      {"overlong_four_byte", "\xF0\x80\x80\x80",
       "error: t.csv:1:1: invalid UTF-8 byte 0xf0"},
      {"surrogate", "a,\xED\xA0\x80",
       "error: t.csv:1:3: invalid UTF-8 byte 0xed"},
      {"above_max", "\xF4\x90\x80\x80",
       "error: t.csv:1:1: invalid UTF-8 byte 0xf4"},
      {"f5", "\xF5\x80\x80\x80", "error: t.csv:1:1: invalid UTF-8 byte 0xf5"},
      {"stray_continuation", "a\x80",
       "error: t.csv:1:2: invalid UTF-8 byte 0x80"},
      {"in_quoted_multiline", "\"a\nb\xFF\"",
       "error: t.csv:2:2: invalid UTF-8 byte 0xff"},
      {"in_escaped_quoted", "x\n\"a\"\"\xFF\"",
       "1: [1:1 x]\nerror: t.csv:2:5: invalid UTF-8 byte 0xff"},
      {"utf16_le_bom",
       "\xFF\xFE"
       "a\0"s,
       "error: t.csv:1:1: invalid UTF-8 byte 0xff"},
      {"utf16_be_bom", "\xFE\xFF\0a"s,
       "error: t.csv:1:1: invalid UTF-8 byte 0xfe"},
      {"after_bom", "\xEF\xBB\xBF\xFF",
       "error: t.csv:1:1: invalid UTF-8 byte 0xff"},
      // Of two problems in a record, the first met reading left to right.
      {"invalid_before_quote", "\xFF\"",
       "error: t.csv:1:1: invalid UTF-8 byte 0xff"},
      {"quote_before_invalid", "a\"\xFF",
       "error: t.csv:1:2: quote inside an unquoted field"},
      {"invalid_in_unterminated", "\"a\xFF",
       "error: t.csv:1:3: invalid UTF-8 byte 0xff"},
      {"invalid_after_closing_quote", "\"a\"\xFF",
       "error: t.csv:1:4: invalid UTF-8 byte 0xff"},
      {"truncated_after_closing_quote", "\"a\"\xC3",
       "error: t.csv:1:4: invalid UTF-8 byte 0xc3"},
      {"bare_cr_before_invalid", "a\r\xFF",
       "error: t.csv:1:2: bare carriage return"},
      {"invalid_before_bare_cr", "\xFF\r",
       "error: t.csv:1:1: invalid UTF-8 byte 0xff"},
      {"truncated_by_cr", "\xC3\r",
       "error: t.csv:1:1: invalid UTF-8 byte 0xc3"},
  });
}

TEST(CsvReaderTest, Limits) {
  RunGoldenCases({
      {"field_at_limit", "abc,\"abc\"", "1: [1:1 abc] [1:5 q abc]\n",
       WithMaxFieldBytes(3)},
      {"unquoted_too_long", "abc,abcd",
       "error: t.csv:1:5: field is longer than 3 bytes, the most accepted",
       WithMaxFieldBytes(3)},
      {"quoted_too_long", "x\n\"abcd\"",
       "1: [1:1 x]\nerror: t.csv:2:1: field is longer than 3 bytes, the most "
       "accepted",
       WithMaxFieldBytes(3)},
      // The limit applies to the text after unescaping.
      {"escaped_at_limit", "\"a\"\"b\"", "1: [1:1 q a\"b]\n",
       WithMaxFieldBytes(3)},
      {"escaped_too_long", "\"ab\"\"c\"",
       "error: t.csv:1:1: field is longer than 3 bytes, the most accepted",
       WithMaxFieldBytes(3)},
      {"too_long_at_end_of_line", "ab,abcd\n",
       "error: t.csv:1:4: field is longer than 3 bytes, the most accepted",
       WithMaxFieldBytes(3)},
      {"too_long_with_invalid_byte", "abcd\xFF",
       "error: t.csv:1:5: invalid UTF-8 byte 0xff", WithMaxFieldBytes(3)},
      {"too_long_before_later_escape", "\"ab\"\"cd\"\"e\"",
       "error: t.csv:1:1: field is longer than 3 bytes, the most accepted",
       WithMaxFieldBytes(3)},
      {"unterminated_after_overflow", "x,\"a\"\"b\"\"c",
       "error: t.csv:1:3: unterminated quoted field (opened here)",
       WithMaxFieldBytes(1)},
      {"unterminated_beats_too_long", "\"abcd",
       "error: t.csv:1:1: unterminated quoted field (opened here)",
       WithMaxFieldBytes(3)},
      {"fields_at_limit", "a,b\n,", "1: [1:1 a] [1:3 b]\n2: [2:1 ] [2:2 ]\n",
       WithMaxFields(2)},
      {"too_many_fields", "a,b\nc,d,e",
       "1: [1:1 a] [1:3 b]\nerror: t.csv:2:5: record has more than 2 fields, "
       "the most accepted",
       WithMaxFields(2)},
      {"too_many_empty_fields", ",,",
       "error: t.csv:1:3: record has more than 2 fields, the most accepted",
       WithMaxFields(2)},
      {"one_field_allowed", "a\nb,c",
       "1: [1:1 a]\nerror: t.csv:2:3: record has more than 1 field, the most "
       "accepted",
       WithMaxFields(1)},
      {"invalid_byte_starts_extra_field", "a,b,\xFF",
       "error: t.csv:1:5: invalid UTF-8 byte 0xff", WithMaxFields(2)},
  });
}

// The whole message of each kind of error, advice included.
TEST(CsvReaderTest, ErrorMessages) {
  struct MessageCase {
    std::string input;
    std::string message;
    CsvOptions options = {};
  };
  const std::vector<MessageCase> cases = {
      {"a\rb",
       "victims.csv:1:2: bare carriage return; end lines with LF or CRLF, or "
       "quote the field to keep a carriage return in it"},
      {"a\n\"b",
       "victims.csv:2:1: unterminated quoted field (opened here); end the "
       "field with a closing quote, and write each quote inside it as \"\""},
      {"\"a\"b",
       "victims.csv:1:4: unexpected character 'b' after closing quote; a "
       "closing quote must be followed by ',', a line break or the end of the "
       "file (write a quote inside a quoted field as \"\")"},
      {"\"a\"b",
       "victims.csv:1:4: unexpected character 'b' after closing quote; a "
       "closing quote must be followed by tab, a line break or the end of the "
       "file (write a quote inside a quoted field as \"\")",
       WithDelimiter('\t')},
      {"a\"b",
       "victims.csv:1:2: quote inside an unquoted field; quote the whole field "
       "and double the quote"},
      {"a\n\xFF",
       "victims.csv:2:1: invalid UTF-8 byte 0xff; save the file as UTF-8"},
      {"\xFF\xFE"
       "a\0"s,
       "victims.csv:1:1: invalid UTF-8 byte 0xff; the file starts with a "
       "UTF-16 byte-order mark; save it as UTF-8"},
      {"abcd",
       "victims.csv:1:1: field is longer than 3 bytes, the most accepted",
       WithMaxFieldBytes(3)},
      {"a,b,c",
       "victims.csv:1:5: record has more than 2 fields, the most accepted",
       WithMaxFields(2)},
  };
  for (const MessageCase& c : cases) {
    EXPECT_EQ(ReadAll(c.input, c.options, "victims.csv").error, c.message)
        << Escape(c.input);
  }
}

TEST(CsvReaderTest, CreateRejectsBadOptions) {
  struct OptionCase {
    CsvOptions options;
    std::string message;
  };
  CsvOptions zero_bytes;
  zero_bytes.max_field_bytes = 0;
  CsvOptions zero_fields;
  zero_fields.max_fields_per_record = 0;
  const std::vector<OptionCase> cases = {
      {WithDelimiter('"'),
       "x.csv: CsvOptions.delimiter is byte 0x22; it must be an ASCII "
       "character other than '\"', CR and LF"},
      {WithDelimiter('\r'),
       "x.csv: CsvOptions.delimiter is byte 0x0d; it must be an ASCII "
       "character other than '\"', CR and LF"},
      {WithDelimiter('\n'),
       "x.csv: CsvOptions.delimiter is byte 0x0a; it must be an ASCII "
       "character other than '\"', CR and LF"},
      {WithDelimiter('\xC3'),
       "x.csv: CsvOptions.delimiter is byte 0xc3; it must be an ASCII "
       "character other than '\"', CR and LF"},
      {zero_bytes,
       "x.csv: CsvOptions.max_field_bytes is 0; it must be at least 1"},
      {zero_fields,
       "x.csv: CsvOptions.max_fields_per_record is 0; it must be at least 1"},
  };
  for (const OptionCase& c : cases) {
    absl::StatusOr<CsvReader> reader =
        CsvReader::Create("a", "x.csv", c.options);
    ASSERT_FALSE(reader.ok()) << c.message;
    EXPECT_EQ(reader.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(reader.status().message(), c.message);
  }
}

TEST(CsvReaderTest, NullRecordIsAnError) {
  absl::StatusOr<CsvReader> reader = CsvReader::Create("a", "t.csv");
  ASSERT_TRUE(reader.ok());
  absl::StatusOr<bool> next = reader->Next(nullptr);
  EXPECT_EQ(next.status().code(), absl::StatusCode::kInvalidArgument);
  // The reader is unharmed.
  CsvRecord record;
  next = reader->Next(&record);
  ASSERT_TRUE(next.ok());
  EXPECT_TRUE(*next);
}

TEST(CsvReaderTest, EndAndErrorsAreSticky) {
  {
    absl::StatusOr<CsvReader> reader = CsvReader::Create("a\n", "t.csv");
    ASSERT_TRUE(reader.ok());
    CsvRecord record;
    ASSERT_TRUE(*reader->Next(&record));
    for (int i = 0; i < 3; ++i) {
      absl::StatusOr<bool> next = reader->Next(&record);
      ASSERT_TRUE(next.ok());
      EXPECT_FALSE(*next);
      EXPECT_TRUE(record.fields.empty());
    }
  }
  {
    absl::StatusOr<CsvReader> reader =
        CsvReader::Create("a\n\"b\nc\nd\n", "t.csv");
    ASSERT_TRUE(reader.ok());
    CsvRecord record;
    ASSERT_TRUE(*reader->Next(&record));
    const absl::StatusOr<bool> first = reader->Next(&record);
    ASSERT_FALSE(first.ok());
    for (int i = 0; i < 3; ++i) {
      const absl::StatusOr<bool> next = reader->Next(&record);
      EXPECT_EQ(next.status(), first.status());
      EXPECT_TRUE(record.fields.empty());
    }
  }
}

TEST(CsvReaderTest, RecordIsReusedAndViewsStayValid) {
  const std::string input =
      "\"a\"\"b\",x,\"long \"\"escaped\"\" text\"\n"
      "\"c\"\"\",y,\"\"\"\"\n"
      "plain,z,\"q\"\n";
  absl::StatusOr<CsvReader> reader = CsvReader::Create(input, "t.csv");
  ASSERT_TRUE(reader.ok());
  const auto in_input = [&](std::string_view text) {
    return text.data() >= input.data() &&
           text.data() + text.size() <= input.data() + input.size();
  };
  CsvRecord record;

  ASSERT_TRUE(*reader->Next(&record));
  ASSERT_EQ(record.fields.size(), 3u);
  EXPECT_EQ(record.fields[0].text, "a\"b");
  EXPECT_EQ(record.fields[1].text, "x");
  EXPECT_EQ(record.fields[2].text, "long \"escaped\" text");
  EXPECT_FALSE(in_input(record.fields[0].text));
  EXPECT_TRUE(in_input(record.fields[1].text));
  const size_t capacity = record.fields.capacity();

  ASSERT_TRUE(*reader->Next(&record));
  ASSERT_EQ(record.fields.size(), 3u);
  EXPECT_EQ(record.fields[0].text, "c\"");
  EXPECT_EQ(record.fields[1].text, "y");
  EXPECT_EQ(record.fields[2].text, "\"");
  EXPECT_EQ(record.line, 2);
  EXPECT_EQ(record.fields.capacity(), capacity);

  ASSERT_TRUE(*reader->Next(&record));
  ASSERT_EQ(record.fields.size(), 3u);
  // Fields without doubled quotes, quoted or not, view the input.
  for (const CsvField& field : record.fields) {
    EXPECT_TRUE(in_input(field.text)) << field.text;
  }
  EXPECT_EQ(record.fields[2].text, "q");
  EXPECT_EQ(record.fields.capacity(), capacity);
  EXPECT_FALSE(*reader->Next(&record));
}

TEST(CsvReaderTest, MovingARecordKeepsItsViews) {
  const std::string input = "\"a\"\"b\",\"c\"\"d\",e\n";
  absl::StatusOr<CsvReader> reader = CsvReader::Create(input, "t.csv");
  ASSERT_TRUE(reader.ok());
  CsvRecord record;
  ASSERT_TRUE(*reader->Next(&record));
  CsvRecord moved(std::move(record));
  ASSERT_EQ(moved.fields.size(), 3u);
  EXPECT_EQ(moved.fields[0].text, "a\"b");
  EXPECT_EQ(moved.fields[1].text, "c\"d");
  EXPECT_EQ(moved.fields[2].text, "e");
  CsvRecord assigned;
  assigned = std::move(moved);
  EXPECT_EQ(assigned.fields[0].text, "a\"b");
  EXPECT_EQ(assigned.fields[1].text, "c\"d");
}

TEST(CsvReaderTest, ReadersAreIndependent) {
  const std::string input = "a,b\nc,d\n";
  absl::StatusOr<CsvReader> first = CsvReader::Create(input, "t.csv");
  ASSERT_TRUE(first.ok());
  CsvRecord record;
  ASSERT_TRUE(*first->Next(&record));
  CsvReader second = *first;  // A copy continues from the same place.
  ASSERT_TRUE(*second.Next(&record));
  EXPECT_EQ(record.fields[0].text, "c");
  ASSERT_TRUE(*first->Next(&record));
  EXPECT_EQ(record.fields[0].text, "c");
  EXPECT_EQ(second.file_name(), "t.csv");
}

// A reference tokenizer for the fuzz test: one byte at a time, as the
// grammar in csv_reader.h reads, with positions precomputed for each byte.
// Returns the rendering of the records and the start of the error message
// ("t.csv:<line>:<column>: <kind>").
ReadResult ReferenceRead(std::string input, const CsvOptions& options) {
  if (input.rfind("\xEF\xBB\xBF", 0) == 0) input.erase(0, 3);
  const size_t n = input.size();
  const auto byte = [&](size_t i) {
    return static_cast<unsigned char>(input[i]);
  };

  // The first invalid UTF-8 byte (npos when none), by a decoder of the usual
  // bit patterns.
  size_t invalid = std::string::npos;
  for (size_t i = 0; i < n;) {
    const unsigned char c = byte(i);
    size_t length = c < 0x80             ? 1
                    : (c & 0xE0) == 0xC0 ? 2
                    : (c & 0xF0) == 0xE0 ? 3
                    : (c & 0xF8) == 0xF0 ? 4
                                         : 0;
    uint32_t cp = length == 1   ? c
                  : length == 2 ? c & 0x1F
                  : length == 3 ? c & 0x0F
                                : c & 0x07;
    bool ok = length != 0 && i + length <= n;
    for (size_t k = 1; ok && k < length; ++k) {
      ok = (byte(i + k) & 0xC0) == 0x80;
      cp = cp << 6 | (byte(i + k) & 0x3F);
    }
    static constexpr uint32_t kMinimum[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (!ok || cp < kMinimum[length] || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      invalid = i;
      break;
    }
    i += length;
  }

  std::vector<int64_t> line(n + 1), column(n + 1);
  line[0] = column[0] = 1;
  for (size_t i = 0; i < n; ++i) {
    line[i + 1] = line[i] + (input[i] == '\n' ? 1 : 0);
    column[i + 1] = input[i] == '\n'           ? 1
                    : (byte(i) & 0xC0) == 0x80 ? column[i]
                                               : column[i] + 1;
  }

  ReadResult result;
  const auto fail = [&](size_t at, std::string_view kind) {
    result.error = absl::StrCat("t.csv:", line[at], ":", column[at], ": ",
                                std::string(kind));
    return result;
  };
  const auto utf8_error = [&] {
    return fail(invalid,
                absl::StrCat("invalid UTF-8 byte 0x",
                             absl::Hex(byte(invalid), absl::kZeroPad2)));
  };
  const char d = options.delimiter;
  size_t i = 0;
  while (true) {
    while (i < n && (input[i] == '\n' ||
                     (input[i] == '\r' && i + 1 < n && input[i + 1] == '\n'))) {
      i += input[i] == '\n' ? 1 : 2;
    }
    if (i == n) return result;
    std::string rendered = absl::StrCat(line[i], ":");
    size_t field_count = 0;
    bool record_done = false;
    while (!record_done) {
      const size_t start = i;
      if (i == invalid) return utf8_error();
      if (field_count == options.max_fields_per_record) {
        return fail(start, "record has more than");
      }
      std::string text;
      const bool quoted = i < n && input[i] == '"';
      if (quoted) {
        ++i;
        while (true) {
          if (i == n)
            return fail(start, "unterminated quoted field (opened here)");
          if (i == invalid) return utf8_error();
          if (input[i] == '"') {
            if (i + 1 < n && input[i + 1] == '"') {
              text += '"';
              i += 2;
              continue;
            }
            break;
          }
          text += input[i++];
        }
        ++i;  // The closing quote.
      } else {
        while (i < n) {
          if (i == invalid) return utf8_error();
          const char c = input[i];
          if (c == d || c == '\n' || c == '\r' || c == '"') break;
          text += c;
          ++i;
        }
      }
      if (text.size() > options.max_field_bytes) {
        return fail(start, "field is longer than");
      }
      absl::StrAppend(&rendered, " [", line[start], ":", column[start],
                      quoted ? " q " : " ", Escape(text), "]");
      ++field_count;
      if (i == n) break;
      if (i == invalid) return utf8_error();
      const char c = input[i];
      if (c == d) {
        ++i;
      } else if (c == '\n') {
        ++i;
        record_done = true;
      } else if (c == '\r') {
        if (i + 1 < n && input[i + 1] == '\n') {
          i += 2;
          record_done = true;
        } else {
          return fail(i, "bare carriage return");
        }
      } else if (quoted) {
        return fail(i, "unexpected character");
      } else {
        return fail(i, "quote inside an unquoted field");
      }
    }
    result.records += rendered + "\n";
  }
}

TEST(CsvReaderTest, RandomInputsMatchReference) {
  std::mt19937 rng(4180);
  // Well-formed UTF-8 pieces first, then the ill-formed ones.
  const std::vector<std::string> pieces = {"a",
                                           "bc",
                                           ",",
                                           ";",
                                           "\t",
                                           "\"",
                                           "\"\"",
                                           "\r",
                                           "\n",
                                           "\r\n",
                                           "\n\n",
                                           " ",
                                           "é",
                                           "😀",
                                           "\xEF\xBB\xBF",
                                           "\0"s,
                                           "\"\n\"",
                                           "\",\"",
                                           "\xFF",
                                           "\xC3",
                                           "\x80",
                                           "\xED\xA0\x80",
                                           "\xF4\x90\x80\x80"};
  constexpr size_t kWellFormedPieces = 18;
  std::uniform_int_distribution<size_t> any_piece(0, pieces.size() - 1);
  std::uniform_int_distribution<size_t> well_formed_piece(
      0, kWellFormedPieces - 1);
  std::uniform_int_distribution<int> length(0, 20);
  std::uniform_int_distribution<int> any_byte(0, 255);
  std::uniform_int_distribution<int> percent(0, 99);
  const char delimiters[] = {',', ';', '\t'};
  int errors = 0;
  int successes = 0;
  for (int iteration = 0; iteration < 10000; ++iteration) {
    std::string input;
    const int count = length(rng);
    for (int k = 0; k < count; ++k) {
      switch (iteration % 5) {
        case 0:
          input += static_cast<char>(any_byte(rng));
          break;
        case 1:
          input += pieces[any_piece(rng)];
          break;
        default:
          input += pieces[well_formed_piece(rng)];
      }
    }
    CsvOptions options;
    options.delimiter = delimiters[iteration % 3];
    if (percent(rng) < 20) options.max_field_bytes = 1 + percent(rng) % 4;
    if (percent(rng) < 20) options.max_fields_per_record = 1 + percent(rng) % 4;

    const ReadResult actual = ReadAll(input, options);
    const ReadResult expected = ReferenceRead(input, options);
    ASSERT_EQ(actual.records, expected.records) << Escape(input) << "\n"
                                                << actual.error << "\n"
                                                << expected.error;
    ASSERT_EQ(actual.error.empty(), expected.error.empty())
        << Escape(input) << "\n"
        << actual.error << "\n"
        << expected.error;
    ASSERT_TRUE(absl::StartsWith(actual.error, expected.error))
        << Escape(input) << "\n"
        << actual.error << "\n"
        << expected.error;
    (actual.error.empty() ? successes : errors) += 1;
  }
  // Both outcomes must be exercised for the comparison to mean anything.
  EXPECT_GT(successes, 1500);
  EXPECT_GT(errors, 1500);
}

// A field of a generated CSV and where the generator wrote it.
struct GeneratedField {
  std::string text;
  bool quoted;
  int64_t line;
  int64_t column;
};

struct GeneratedCsv {
  std::string text;
  char delimiter;
  std::string line_break;
  bool byte_order_mark;
  bool final_line_break;
  std::vector<int64_t> record_lines;
  std::vector<std::vector<GeneratedField>> records;
};

// Writes text while keeping the line and column of the next byte.
class PositionedWriter {
 public:
  void Write(std::string_view text) {
    for (const char c : text) {
      if (c == '\n') {
        ++line_;
        column_ = 1;
      } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++column_;
      }
    }
    out_ += text;
  }
  int64_t line() const { return line_; }
  int64_t column() const { return column_; }
  std::string& out() { return out_; }

 private:
  std::string out_;
  int64_t line_ = 1;
  int64_t column_ = 1;
};

std::string QuoteField(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

GeneratedCsv GenerateCsv(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {
      "a",  "bc", " ",  "é",  "Ñandú", "😀",    "€",   ",", ";",
      "\t", "|",  "\"", "\r", "\n",    "\r\n", "x y", "0"};
  std::uniform_int_distribution<size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> percent(0, 99);
  const char delimiters[] = {',', ';', '\t', '|'};
  GeneratedCsv csv;
  csv.delimiter = delimiters[percent(rng) % 4];
  csv.line_break = percent(rng) < 50 ? "\n" : "\r\n";
  csv.byte_order_mark = percent(rng) < 20;
  csv.final_line_break = percent(rng) < 60;
  PositionedWriter writer;
  if (csv.byte_order_mark) writer.out() = "\xEF\xBB\xBF";
  const int record_count = 1 + percent(rng) % 8;
  for (int r = 0; r < record_count; ++r) {
    if (r > 0) writer.Write(csv.line_break);
    while (percent(rng) < 15) writer.Write(csv.line_break);  // Empty lines.
    csv.record_lines.push_back(writer.line());
    std::vector<GeneratedField>& fields = csv.records.emplace_back();
    const int field_count = 1 + percent(rng) % 6;
    for (int f = 0; f < field_count; ++f) {
      if (f > 0) writer.Write(std::string(1, csv.delimiter));
      std::string text;
      for (int k = percent(rng) % 5; k > 0; --k) text += pieces[piece(rng)];
      const bool must_quote =
          text.find_first_of(std::string("\"\r\n") + csv.delimiter) !=
              std::string::npos ||
          (field_count == 1 && text.empty());  // Else an empty line.
      const bool quoted = must_quote || percent(rng) < 20;
      fields.push_back({text, quoted, writer.line(), writer.column()});
      writer.Write(quoted ? QuoteField(text) : text);
    }
  }
  if (csv.final_line_break) writer.Write(csv.line_break);
  csv.text = std::move(writer.out());
  return csv;
}

TEST(CsvReaderTest, RoundTripOfGeneratedCsv) {
  std::mt19937 rng(20260214);
  for (int iteration = 0; iteration < 3000; ++iteration) {
    const GeneratedCsv csv = GenerateCsv(rng);
    CsvOptions options;
    options.delimiter = csv.delimiter;
    absl::StatusOr<CsvReader> reader =
        CsvReader::Create(csv.text, "t.csv", options);
    ASSERT_TRUE(reader.ok());

    // Reassembles the input from the records alone (plus the file-wide
    // choices: delimiter, line break, mark, final line break), using each
    // record's line to restore the empty lines before it.
    std::string rebuilt = csv.byte_order_mark ? "\xEF\xBB\xBF" : "";
    int64_t next_line = 1;
    size_t record_index = 0;
    CsvRecord record;
    while (true) {
      absl::StatusOr<bool> next = reader->Next(&record);
      ASSERT_TRUE(next.ok()) << next.status() << "\n" << Escape(csv.text);
      if (!*next) break;
      ASSERT_LT(record_index, csv.records.size()) << Escape(csv.text);
      EXPECT_EQ(record.line, csv.record_lines[record_index]);
      const std::vector<GeneratedField>& expected = csv.records[record_index];
      ASSERT_EQ(record.fields.size(), expected.size()) << Escape(csv.text);
      if (record_index > 0) rebuilt += csv.line_break;
      for (; next_line < record.line; ++next_line) rebuilt += csv.line_break;
      for (size_t f = 0; f < record.fields.size(); ++f) {
        const CsvField& field = record.fields[f];
        EXPECT_EQ(field.text, expected[f].text) << Escape(csv.text);
        EXPECT_EQ(field.quoted, expected[f].quoted) << Escape(csv.text);
        EXPECT_EQ(field.line, expected[f].line) << Escape(csv.text);
        EXPECT_EQ(field.column, expected[f].column) << Escape(csv.text);
        if (f > 0) rebuilt += csv.delimiter;
        rebuilt +=
            field.quoted ? QuoteField(field.text) : std::string(field.text);
        for (const char c : field.text) next_line += c == '\n' ? 1 : 0;
      }
      ++next_line;
      ++record_index;
    }
    EXPECT_EQ(record_index, csv.records.size());
    if (csv.final_line_break) rebuilt += csv.line_break;
    ASSERT_EQ(rebuilt, csv.text);
  }
}

}  // namespace
}  // namespace ctind
