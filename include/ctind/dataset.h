// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// A dataset: the records of a schema's tables, held in columns (dates as day
// numbers, categories as code indexes, strings interned once). Loading
// follows SEMANTICS.md, "Ingest": structural errors fail the load naming
// file, line and column; value errors keep the row with that value
// *invalid* and produce a data-quality finding, or fail the load in strict
// mode. Nothing is guessed and nothing is dropped.
//
// Thread safety: loading mutates the dataset and needs exclusive access;
// once loaded, any number of threads may evaluate it at once (evaluation
// only reads).

#ifndef CTIND_DATASET_H_
#define CTIND_DATASET_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "ctind/mapping.h"
#include "ctind/model.h"

namespace ctind {
namespace v1 {
class Finding;
}  // namespace v1

struct IngestOptions {
  // Fail the load on the first value error instead of recording it.
  bool strict = false;
  // Accept input columns that are not fields of the table (they are not
  // read). By default an unknown column is an error, since a misspelt
  // header would otherwise load as a column of missing values.
  bool ignore_unknown_columns = false;
  // Column names, delimiter, formats and value recodings of the export
  // being loaded (mapping.h). It applies to the tables it names and
  // overrides the schema's declarations for those loads only; other tables
  // load as the schema says. A mapping validated against another Schema
  // object is validated again against the dataset's schema at each load.
  std::optional<CsvMapping> mapping;
};

// The values of one field of a table given in code rather than as CSV text
// (Dataset::LoadColumns). Only the vector of `kind` is read.
struct ColumnInput {
  enum class Kind { kText, kInt64, kDouble, kBool, kDate };
  // The field's name in the schema.
  std::string field;
  Kind kind = Kind::kText;
  // kText, for a field of any type: each value read exactly as the same
  // text in a CSV cell of the field (the schema's input format; "" is
  // missing). Must be well-formed UTF-8.
  std::vector<std::string> texts;
  // kInt64: INT64 fields; outside min / max is invalid.
  std::vector<int64_t> int64s;
  // kDouble: DOUBLE fields; not finite or outside min / max is invalid.
  std::vector<double> doubles;
  // kBool: BOOL fields; 0 false, 1 true, any other value invalid.
  std::vector<uint8_t> bools;
  // kDate: DATE fields, days since 1970-01-01; outside 0001-01-01 ..
  // 9999-12-31 or the field's min_date / max_date is invalid.
  std::vector<int32_t> days;
  // One per value, false for a missing value (its value is not read);
  // empty when every value is present.
  std::vector<bool> present;

  // The number of values (rows): the size of the vector of `kind`.
  size_t size() const;
};

namespace internal {
struct DatasetRep;
struct DatasetAccess;
}  // namespace internal

class Dataset {
 public:
  // An empty dataset of `schema`: every table has zero rows until loaded.
  explicit Dataset(Schema schema);
  ~Dataset();
  Dataset(Dataset&&) noexcept;
  Dataset& operator=(Dataset&&) noexcept;
  Dataset(const Dataset&) = delete;
  Dataset& operator=(const Dataset&) = delete;

  // Loads `table` from CSV bytes (RFC 4180, UTF-8, optional byte-order
  // mark; the first record is the header, matched exactly to the fields'
  // column names: the mapping's when options.mapping names the table, else
  // the schema's). `file_name` is used in messages and findings.
  // Errors: NotFound for an unknown table; FailedPrecondition when the
  // table is already loaded; InvalidArgument "file:line:column: message"
  // for a structural error (or a value error in strict mode), and when the
  // mapping does not fit the dataset's schema. On error the table is left
  // empty and no finding of this load is kept.
  absl::Status LoadCsv(std::string_view table, std::string_view bytes,
                       std::string_view file_name,
                       const IngestOptions& options = {});

  // Loads `table` from columns of values, one per field given (a field not
  // given is missing in every row), with the checks, findings and strict
  // mode of LoadCsv: an invalid value is kept as invalid and tallied into
  // an "invalid_value" finding, repeated keys into "duplicate_key".
  // Findings name `source_name` as their file, with no line or column (the
  // message names the first data row). A mapping in `options` does not
  // apply, nor does ignore_unknown_columns.
  // Errors: NotFound for an unknown table or field; FailedPrecondition when
  // the table is already loaded; InvalidArgument for a field given twice, a
  // kind that does not fit the field's type, columns of unequal lengths
  // (or `present` of another length), a required field not given, text
  // that is not well-formed UTF-8, and in strict mode the first invalid
  // value or repeated key ("source: data row N: ..."). On error the table
  // is left empty and no finding of this load is kept.
  absl::Status LoadColumns(std::string_view table, const std::vector<ColumnInput>& columns,
                           std::string_view source_name, const IngestOptions& options = {});

  const Schema& schema() const;
  // Rows of `table`; -1 when the schema has no such table.
  int64_t RowCount(std::string_view table) const;
  bool IsLoaded(std::string_view table) const;

  // Data-quality findings of every load so far, in load order. The
  // reference stays valid until the next load.
  int FindingCount() const;
  const v1::Finding& GetFinding(int index) const;

 private:
  friend struct internal::DatasetAccess;
  std::unique_ptr<internal::DatasetRep> rep_;
};

}  // namespace ctind

#endif  // CTIND_DATASET_H_
