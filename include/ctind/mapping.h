// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// A CSV column mapping (proto/ctind/v1/mapping.proto): how the CSV files of
// one export of one case-management system map onto a schema's tables when
// their column names, delimiter, formats or codes differ from what the
// schema declares. It is given to Dataset::LoadCsv through
// IngestOptions::mapping and never changes the schema. docs/csv-input.md
// describes the file.
//
// An immutable value with shared, reference-counted state: copying is
// cheap and copies may be used from any number of threads at once.
//
// The generated proto class is declared here, not defined: include
// "ctind/v1/mapping.pb.h" to read it.

#ifndef CTIND_MAPPING_H_
#define CTIND_MAPPING_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "ctind/diagnostic.h"
#include "ctind/model.h"

namespace ctind {
namespace v1 {
class CsvMapping;
}  // namespace v1

namespace internal {
struct CsvMappingRep;
struct MappingAccess;
}  // namespace internal

class CsvMapping {
 public:
  // Parses `bytes` in `format` and validates the mapping against `schema`:
  // the schema id (when the mapping names one) matches; every table and
  // field it names exists; no table or field is mapped twice; no two
  // fields of a table read the same column; delimiters, decimal separators
  // and date formats are well formed; each setting of a column's format
  // applies to its field's type; recoded values are codes of the field's
  // list. `file_name` is used in diagnostics and in load errors.
  // On a syntax error or any validation error returns InvalidArgument
  // summarising the first error, and appends every problem found (all of
  // them, in one pass; for text format with line and column) to
  // `*diagnostics` when it is not null. Warnings (a table format setting
  // that applies to none of the table's fields) are appended on success too.
  static absl::StatusOr<CsvMapping> Parse(std::string_view bytes,
                                          ProtoFormat format,
                                          std::string_view file_name,
                                          const Schema& schema,
                                          Diagnostics* diagnostics = nullptr);
  // Validates a mapping built in code; errors as for Parse.
  static absl::StatusOr<CsvMapping> FromProto(const v1::CsvMapping& proto,
                                              const Schema& schema,
                                              Diagnostics* diagnostics = nullptr);

  const v1::CsvMapping& proto() const;
  // The file name given to Parse; empty for FromProto.
  const std::string& file_name() const;
  // True when the mapping has an entry for `table`.
  bool MapsTable(std::string_view table) const;
  // The mapping encoded in `format`; text and JSON are deterministic.
  std::string Serialize(ProtoFormat format) const;

 private:
  friend struct internal::MappingAccess;
  explicit CsvMapping(std::shared_ptr<const internal::CsvMappingRep> rep);
  std::shared_ptr<const internal::CsvMappingRep> rep_;
};

}  // namespace ctind

#endif  // CTIND_MAPPING_H_
