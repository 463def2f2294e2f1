// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The types of formula values and the vector a formula evaluates to.

#ifndef CTIND_FORMULA_VALUE_H_
#define CTIND_FORMULA_VALUE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "ctind/v1/schema.pb.h"

namespace ctind {
namespace internal {

// kNull is the type of the literal `null` (and of formulas that are always
// missing); it is compatible with every other type.
enum class ValueType { kNull, kBool, kInt, kDouble, kString, kDate, kCategory, kCategorySet };

// What the caller needs a formula to be: kBool for filters, kNumeric (int or
// double) for values, kDate for placing dates, kCategory (category or
// category set) for dimensions. `null` satisfies every requirement.
enum class RequiredType { kAny, kBool, kNumeric, kDate, kCategory };

// "null", "bool", "int", "double", "string", "date", "category",
// "category set".
const char* TypeName(ValueType type);

// A formula's result for every row of its table: a value and a presence
// flag per row. Storage by type (only the vector of `type` is filled, with
// `size` entries, or size + 1 offsets):
//   kInt: ints; kDouble: doubles;
//   kBool: int32s 0/1; kDate: int32s day numbers (ctind::Date);
//   kCategory: int32s code indexes into *code_list;
//   kString: int32s indexes into *dictionary;
//   kCategorySet: the codes of row r are codes[offsets[r] .. offsets[r + 1]).
// Values of rows whose `present` is 0 are unspecified. `dictionary` points
// into the dataset or into `owned_dictionary`; it stays valid while the
// dataset and this vector live. `code_list` is owned by the schema.
struct Vector {
  ValueType type = ValueType::kNull;
  int64_t size = 0;
  std::vector<uint8_t> present;
  std::vector<int64_t> ints;
  std::vector<double> doubles;
  std::vector<int32_t> int32s;
  std::vector<uint32_t> offsets;
  std::vector<int32_t> codes;
  const v1::CodeList* code_list = nullptr;
  const std::vector<std::string>* dictionary = nullptr;
  std::shared_ptr<const std::vector<std::string>> owned_dictionary;
};

}  // namespace internal
}  // namespace ctind

#endif  // CTIND_FORMULA_VALUE_H_
