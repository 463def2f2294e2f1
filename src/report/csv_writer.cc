// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "report/csv_writer.h"

#include "absl/strings/str_cat.h"
#include "common/number_format.h"

namespace ctind {

void CsvWriter::Separate() {
  if (row_started_) out_ += ',';
  row_started_ = true;
}

void CsvWriter::Text(std::string_view text) {
  Separate();
  const bool formula = !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' ||
                                         text[0] == '@' || text[0] == '\t' || text[0] == '\r');
  const bool quote = formula || text.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) {
    out_.append(text.data(), text.size());
    return;
  }
  out_ += '"';
  if (formula) out_ += '\'';
  for (char c : text) {
    if (c == '"') out_ += '"';
    out_ += c;
  }
  out_ += '"';
}

void CsvWriter::Number(double value) {
  Separate();
  out_ += FormatNumber(value);
}

void CsvWriter::Integer(int64_t value) {
  Separate();
  absl::StrAppend(&out_, value);
}

void CsvWriter::Empty() { Separate(); }

void CsvWriter::EndRow() {
  out_ += "\r\n";
  row_started_ = false;
}

}  // namespace ctind
