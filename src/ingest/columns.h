// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The columnar storage behind a Dataset, read by the engine. One Column per
// schema field, one TableData per schema table, in schema order.

#ifndef CTIND_INGEST_COLUMNS_H_
#define CTIND_INGEST_COLUMNS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "ctind/dataset.h"
#include "ctind/model.h"
#include "ctind/v1/report.pb.h"
#include "ctind/v1/schema.pb.h"

namespace ctind {
namespace internal {

// Whether a cell of a column holds a value. Invalid values (present in the
// input but unparseable, out of range or not in the code list) behave as
// missing in computations and are reported as findings.
enum class ValueState : uint8_t { kPresent = 0, kMissing = 1, kInvalid = 2 };

// Code index of a category value: position in the field's code list.
using CodeIndex = int32_t;

struct Column {
  const v1::Field* field = nullptr;  // owned by the dataset's Schema
  v1::FieldType type = v1::FIELD_TYPE_UNSPECIFIED;
  bool multi_valued = false;
  // One per row.
  std::vector<ValueState> states;
  // The value of row r, in the vector for the column's type; a default
  // value when the state is not kPresent.
  std::vector<int64_t> int64s;     // INT64
  std::vector<double> doubles;     // DOUBLE
  std::vector<int32_t> int32s;     // DATE: day number; BOOL: 0/1;
                                   // CATEGORY (single): code index;
                                   // STRING: index into `dictionary`
  // Multi-valued CATEGORY: the codes of row r are
  // multi_codes[offsets[r] .. offsets[r + 1]), distinct, in list order.
  std::vector<uint32_t> offsets;
  std::vector<CodeIndex> multi_codes;
  // STRING: each distinct value once, in first-seen order.
  std::vector<std::string> dictionary;
};

struct TableData {
  const v1::Table* table = nullptr;
  bool loaded = false;
  int64_t rows = 0;
  std::vector<Column> columns;  // in the table's field order

  // Index of the column of `field`, or -1.
  int FieldIndex(std::string_view field) const;
};

struct DatasetRep {
  explicit DatasetRep(Schema s) : schema(std::move(s)) {}
  Schema schema;
  std::vector<TableData> tables;  // in schema order
  std::vector<v1::Finding> findings;

  const TableData* FindTable(std::string_view name) const;
  TableData* FindTable(std::string_view name);
};

struct DatasetAccess {
  static const DatasetRep& Rep(const Dataset& dataset) { return *dataset.rep_; }
};

}  // namespace internal
}  // namespace ctind

#endif  // CTIND_INGEST_COLUMNS_H_
