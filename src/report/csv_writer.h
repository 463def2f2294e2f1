// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Writing CSV for people's spreadsheets: RFC 4180 quoting, and text cells
// that a spreadsheet would execute as a formula neutralised (SEMANTICS.md,
// "Outputs": quoted and prefixed with an apostrophe).

#ifndef CTIND_REPORT_CSV_WRITER_H_
#define CTIND_REPORT_CSV_WRITER_H_

#include <string>
#include <string_view>

namespace ctind {

class CsvWriter {
 public:
  // A text cell: quoted when needed; prefixed with ' and quoted when it
  // starts with = + - @ tab or CR.
  void Text(std::string_view text);
  // A number cell, written as a number (never prefixed).
  void Number(double value);
  void Integer(int64_t value);
  // An empty cell.
  void Empty();
  void EndRow();
  const std::string& str() const { return out_; }

 private:
  void Separate();
  std::string out_;
  bool row_started_ = false;
};

}  // namespace ctind

#endif  // CTIND_REPORT_CSV_WRITER_H_
