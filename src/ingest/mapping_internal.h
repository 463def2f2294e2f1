// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The state behind CsvMapping, its validation against a schema, and how a
// table is read from CSV once a mapping's overrides are applied to the
// schema's declarations (mapping.proto states the precedence).

#ifndef CTIND_INGEST_MAPPING_INTERNAL_H_
#define CTIND_INGEST_MAPPING_INTERNAL_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "ctind/mapping.h"
#include "ctind/model.h"
#include "ctind/v1/mapping.pb.h"
#include "ctind/v1/schema.pb.h"
#include "ingest/value_parser.h"
#include "model/model_internal.h"
#include "model/source.h"

namespace ctind {
namespace internal {

struct CsvMappingRep {
  explicit CsvMappingRep(Schema s) : schema(std::move(s)) {}
  v1::CsvMapping proto;
  SourceFile source;
  // The schema the mapping was validated against.
  Schema schema;
  // Index of each table's entry in `proto.tables`, by table name.
  absl::flat_hash_map<std::string, int> tables;

  // The entry for `table`, or null.
  const v1::TableMapping* FindTable(std::string_view table) const;
};

struct MappingAccess {
  static const CsvMappingRep& Rep(const CsvMapping& mapping) { return *mapping.rep_; }
};

// Appends every problem of `mapping` as a mapping of `schema` to `sink`;
// `source` is where `mapping` was read from (it locates earlier entries
// named in messages).
void ValidateMapping(const v1::CsvMapping& mapping, const SchemaRep& schema,
                     const SourceFile& source, DiagnosticSink& sink);

// How one field is read from a CSV file.
struct FieldInput {
  // The header of its column.
  std::string column;
  FieldEncoding encoding;
  // The column name comes from a mapping rather than the schema.
  bool column_from_mapping = false;
};

// How one table is read from a CSV file.
struct TableInput {
  char delimiter = ',';
  // In the table's field order.
  std::vector<FieldInput> fields;
  // The mapping file whose entry applies (for messages); empty when none.
  std::string mapping_file;
};

// `base` with every setting that `over` sets replaced by `over`'s.
v1::InputFormat OverlayFormat(const v1::InputFormat& base, const v1::InputFormat& over);

// The schema's declarations for `table` with `mapping`'s overrides applied
// (`mapping` may be null: the schema's declarations alone). `mapping` must
// have been validated against the schema of `table`.
TableInput ResolveTableInput(const v1::Table& table, const v1::TableMapping* mapping,
                             std::string mapping_file);

}  // namespace internal
}  // namespace ctind

#endif  // CTIND_INGEST_MAPPING_INTERNAL_H_
