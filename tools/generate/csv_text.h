// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Appending CSV records to a text buffer, fast and byte-exact: RFC 4180
// quoting (a field holding ',', '"', CR or LF is quoted, '"' doubled),
// LF line ends, dates as ISO "YYYY-MM-DD", integers in decimal, and
// numbers with one decimal written from integer tenths (never through a
// floating-point formatter, whose output could vary).
//
// Thread safety: DateTexts() is built once, thread-safely, and then only
// read; a CsvLine is not thread-safe.

#ifndef CTIND_TOOLS_GENERATE_CSV_TEXT_H_
#define CTIND_TOOLS_GENERATE_CSV_TEXT_H_

#include <climits>
#include <cstdint>
#include <string>
#include <string_view>

namespace ctind {
namespace generate {

// A missing date among day numbers (which are negative before 1970).
inline constexpr int32_t kNoDay = INT32_MIN;

// ISO text of day numbers (days since 1970-01-01) from 1900-01-01 to
// 2199-12-31: formatting a date copies 10 bytes.
class DateTextTable {
 public:
  DateTextTable();
  // "YYYY-MM-DD" of `day`; a day outside the table is clamped to it (the
  // generator's dates never are: its span lies within 2000-2100).
  std::string_view Text(int32_t day) const {
    day = day < first_ ? first_ : day > last_ ? last_ : day;
    return std::string_view(text_).substr(static_cast<size_t>(day - first_) * 10, 10);
  }
  int32_t first_day() const { return first_; }
  int32_t last_day() const { return last_; }

 private:
  int32_t first_ = 0;
  int32_t last_ = 0;
  std::string text_;
};
const DateTextTable& DateTexts();

// Builds one record in `out`: call the Add* functions in column order,
// then End(). Separators are written between fields.
class CsvLine {
 public:
  explicit CsvLine(std::string* out) : out_(out) {}

  // A code or other text known to need no quoting (no ',', '"', CR, LF).
  CsvLine& Code(std::string_view text) {
    Separate();
    out_->append(text.data(), text.size());
    return *this;
  }
  // Any text, quoted when it needs it.
  CsvLine& Text(std::string_view text);
  CsvLine& Missing() {
    Separate();
    return *this;
  }
  CsvLine& Int(int64_t value) {
    Separate();
    AppendInt(value);
    return *this;
  }
  // An id: `prefix` then `number` zero-padded to `width` digits.
  CsvLine& Id(std::string_view prefix, int64_t number, int width) {
    Separate();
    AppendId(prefix, number, width);
    return *this;
  }
  // A day number as ISO text; kNoDay writes a missing value.
  CsvLine& Day(int32_t day) {
    Separate();
    if (day != kNoDay) {
      const std::string_view t = DateTexts().Text(day);
      out_->append(t.data(), t.size());
    }
    return *this;
  }
  // A number given in tenths: 725 → "72.5", 700 → "70".
  CsvLine& Tenths(int64_t tenths);
  CsvLine& Bool(bool value) { return Code(value ? "true" : "false"); }
  // Starts a field the caller appends to through out() (for multi-valued
  // lists); the field must need no quoting.
  std::string* Raw() {
    Separate();
    return out_;
  }
  void End() { out_->push_back('\n'); }

  // Appends the decimal digits of `value` to `out_`.
  void AppendInt(int64_t value);
  void AppendId(std::string_view prefix, int64_t number, int width);

 private:
  void Separate() {
    if (first_) {
      first_ = false;
    } else {
      out_->push_back(',');
    }
  }
  std::string* out_;
  bool first_ = true;
};

// The header record: `names` joined by ',' and a line end.
template <typename Names>
void AppendHeader(const Names& names, std::string* out) {
  CsvLine line(out);
  for (std::string_view name : names) line.Text(name);
  line.End();
}

}  // namespace generate
}  // namespace ctind

#endif  // CTIND_TOOLS_GENERATE_CSV_TEXT_H_
