// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "csv_text.h"

#include "ctind/date.h"

namespace ctind {
namespace generate {

DateTextTable::DateTextTable() {
  first_ = Date::FromYmd(1900, 1, 1)->day_number();
  last_ = Date::FromYmd(2199, 12, 31)->day_number();
  text_.reserve(static_cast<size_t>(last_ - first_ + 1) * 10);
  for (int32_t d = first_; d <= last_; ++d) text_ += Date::FromDayNumber(d).ToIsoString();
}

const DateTextTable& DateTexts() {
  static const DateTextTable* const table = new DateTextTable();
  return *table;
}

CsvLine& CsvLine::Text(std::string_view text) {
  Separate();
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out_->append(text.data(), text.size());
    return *this;
  }
  out_->push_back('"');
  for (const char c : text) {
    if (c == '"') out_->push_back('"');
    out_->push_back(c);
  }
  out_->push_back('"');
  return *this;
}

CsvLine& CsvLine::Tenths(int64_t tenths) {
  Separate();
  if (tenths < 0) {
    out_->push_back('-');
    tenths = -tenths;
  }
  AppendInt(tenths / 10);
  if (tenths % 10 != 0) {
    out_->push_back('.');
    out_->push_back(static_cast<char>('0' + tenths % 10));
  }
  return *this;
}

void CsvLine::AppendInt(int64_t value) {
  char digits[20];
  int n = 0;
  uint64_t v;
  if (value < 0) {
    out_->push_back('-');
    v = static_cast<uint64_t>(0) - static_cast<uint64_t>(value);
  } else {
    v = static_cast<uint64_t>(value);
  }
  do {
    digits[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (n > 0) out_->push_back(digits[--n]);
}

void CsvLine::AppendId(std::string_view prefix, int64_t number, int width) {
  out_->append(prefix.data(), prefix.size());
  char digits[20];
  int n = 0;
  uint64_t v = static_cast<uint64_t>(number);
  do {
    digits[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  for (int pad = n; pad < width; ++pad) out_->push_back('0');
  while (n > 0) out_->push_back(digits[--n]);
}

}  // namespace generate
}  // namespace ctind
