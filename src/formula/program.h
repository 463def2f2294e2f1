// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The plan: a checked formula compiled into vectorised steps. Every step
// names a concrete kernel (an int addition, a comparison of day numbers, a
// membership test against a code bitmap …); conversions int → double are
// explicit steps, `null` operands of strict operations are folded into
// typed missing constants, string literals compared with categories are
// code indexes. Immutable and safe to share between threads.

#ifndef CTIND_FORMULA_PROGRAM_H_
#define CTIND_FORMULA_PROGRAM_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "formula/ast.h"
#include "formula/checker.h"
#include "formula/value.h"
#include "model/model_internal.h"

namespace ctind {
namespace internal {

enum class PlanOp {
  kConst,      // one value (or missing) for every row
  kField,      // a column, read through `field` (links, outer)
  kToDouble,   // int → double
  kNot,
  kNegate,     // int (overflow is an error) or double
  kAnd,        // n-ary, three-valued
  kOr,
  kArith,      // bop over (int,int), (double,double) or (date,int)
  kCompare,    // bop over two operands of `operand_type`
  kIn,         // args[0] in the literal set; `negated` for not in
  kIsMissing,
  kCoalesce,   // args of `type`
  kIf,         // args[0] condition, args[1] then, args[2] else
  kHas,        // category set args[0] contains `code`
  kDaysBetween, kMonthsBetween, kYearsBetween, kAgeAt,
  kYear, kQuarter, kMonth,
  kAddDays, kAddMonths,
  kCount, kExists, kMin, kMax, kSum,  // aggregates over linked records
};

struct PlanNode {
  PlanOp op = PlanOp::kConst;
  ValueType type = ValueType::kNull;
  const v1::CodeList* code_list = nullptr;
  std::vector<int32_t> args;
  BinaryOp bop = BinaryOp::kEq;
  ValueType operand_type = ValueType::kNull;  // kCompare, kIn
  bool negated = false;                       // kIn
  // kConst: whether present, and the value in the member for `type`.
  bool present = false;
  int64_t i64 = 0;
  double f64 = 0;
  int32_t i32 = 0;  // bool, date, category code, string id (0)
  std::shared_ptr<const std::vector<std::string>> dictionary;  // kConst strings
  // kIn: the literals, sorted (ints / doubles / int32 day numbers or bools),
  // strings, or a bitmap over the code list.
  std::vector<int64_t> set_ints;
  std::vector<double> set_doubles;
  std::vector<int32_t> set_int32s;
  std::vector<std::string> set_strings;
  std::vector<uint8_t> code_mask;
  int32_t code = -1;  // kHas
  FieldRef field;     // kField
  // Aggregates: see NodeInfo.
  std::vector<LinkStep> parent_links;
  LinkStep children;
  FieldRef value;
  int32_t filter = -1;  // plan node evaluated on the linked records, or -1
  // Source range in the formula, for error messages.
  int32_t begin = 0;
  int32_t end = 0;
};

struct Program {
  std::string text;  // the formula
  const SchemaRep* schema = nullptr;
  int32_t table = -1;
  std::vector<PlanNode> nodes;
  int32_t root = -1;
  ValueType type = ValueType::kNull;
  const v1::CodeList* code_list = nullptr;
  // Every (table, field) read, for checking a dataset against the schema.
  std::vector<std::pair<int32_t, int32_t>> fields_read;

  const PlanNode& node(int32_t i) const { return nodes[static_cast<size_t>(i)]; }
};

// Compiles a checked formula. Cannot fail.
Program PlanFormula(const CheckedFormula& checked);

}  // namespace internal
}  // namespace ctind

#endif  // CTIND_FORMULA_PROGRAM_H_
