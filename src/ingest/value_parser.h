// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Typed parsing of one field's text values into its Column, following the
// field's InputFormat (SEMANTICS.md, "Ingest"): nothing is guessed; a value
// that does not parse, is out of range or is not in the code list is kept
// as invalid with a message saying why.

#ifndef CTIND_INGEST_VALUE_PARSER_H_
#define CTIND_INGEST_VALUE_PARSER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "ingest/columns.h"

namespace ctind {
namespace internal {

// How a field is written in one input: the schema's format with any
// mapping's overrides applied (ResolveTableInput in mapping_internal.h).
struct FieldEncoding {
  v1::InputFormat format;
  // CATEGORY only: (value as written, code of the list or alias it is read
  // as); these take precedence over the list's own spellings.
  std::vector<std::pair<std::string, std::string>> recodings;
};

class ValueParser {
 public:
  // A parser for `field` written as `encoding` says; `code_list` is its
  // code list (CATEGORY only, else null). `field` and `code_list` must
  // outlive the parser. Fails only for input that schema or mapping
  // validation would have rejected (a recoding to no code of the list).
  static absl::StatusOr<ValueParser> Create(const v1::Field& field,
                                            const v1::CodeList* code_list,
                                            const FieldEncoding& encoding);

  // Appends one row holding `text` to `column`. Returns true when the value
  // is present or missing; false when it is invalid, with the reason in
  // *why (a message that never repeats the value for IDENTIFIER and
  // PERSONAL_TEXT fields).
  bool Append(std::string_view text, Column* column, std::string* why);

  // Appends a missing value.
  void AppendMissing(Column* column) const;

  // Append a value given as a number rather than text (Dataset::LoadColumns),
  // with the checks Append makes on the parsed value; the column must be of
  // the matching type (INT64, DOUBLE, BOOL, DATE). Same results as Append.
  bool AppendInt64(int64_t value, Column* column, std::string* why) const;
  bool AppendDouble(double value, Column* column, std::string* why) const;
  // 0 false, 1 true; any other byte is invalid.
  bool AppendBool(uint8_t value, Column* column, std::string* why) const;
  // Days since 1970-01-01.
  bool AppendDay(int32_t days, Column* column, std::string* why) const;

 private:
  ValueParser() = default;
  bool ParseInt64(std::string_view text, int64_t* out, std::string* why) const;
  bool ParseDouble(std::string_view text, double* out, std::string* why) const;
  bool ParseDate(std::string_view text, int32_t* out, std::string* why) const;
  std::string Shown(std::string_view text) const;

  const v1::Field* field_ = nullptr;
  bool reveal_values_ = true;
  // DATE: the format split into pieces; empty means ISO "%Y-%m-%d".
  std::string date_format_;
  std::optional<int32_t> min_day_, max_day_;
  char decimal_separator_ = '.';
  std::string multi_separator_ = ";";
  std::vector<std::string> true_values_, false_values_;
  absl::flat_hash_set<std::string> missing_values_;
  // CATEGORY: every accepted spelling (value and aliases) → code index.
  absl::flat_hash_map<std::string, CodeIndex> codes_;
  // STRING: value → dictionary index.
  absl::flat_hash_map<std::string, int32_t> interned_;
  std::vector<CodeIndex> scratch_codes_;
};

}  // namespace internal
}  // namespace ctind

#endif  // CTIND_INGEST_VALUE_PARSER_H_
