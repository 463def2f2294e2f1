// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The checker: resolves a parsed formula's names against the schema for
// one table, types every node, folds date literals, coerces string literals
// met by categories into code indexes (validating them against the code
// list, aliases included) and reports every problem found in one pass as
// diagnostics with byte offsets into the formula.

#ifndef CTIND_FORMULA_CHECKER_H_
#define CTIND_FORMULA_CHECKER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "ctind/diagnostic.h"
#include "formula/ast.h"
#include "formula/value.h"
#include "model/model_internal.h"

namespace ctind {
namespace internal {

// Moving from a record of `table` (schema table index) to its parent
// through the table's link number `link`.
struct LinkStep {
  int32_t table = -1;
  int32_t link = -1;
};

// A field read from the record a node is evaluated for (or from the outer
// record of an aggregate's filter), through zero or more links.
struct FieldRef {
  bool outer = false;
  std::vector<LinkStep> links;
  int32_t table = -1;  // table holding the field
  int32_t field = -1;  // field index in that table
};

enum class Function {
  kNone,
  kIsMissing, kCoalesce, kIf, kHas,
  kDaysBetween, kMonthsBetween, kYearsBetween, kAgeAt,
  kYear, kQuarter, kMonth, kAddDays, kAddMonths, kDate,
  kCount, kExists, kMin, kMax, kSum,
};

struct NodeInfo {
  ValueType type = ValueType::kNull;
  const v1::CodeList* code_list = nullptr;  // kCategory / kCategorySet
  bool bad = false;                         // an error was reported here or below
  // kName: the field read.
  FieldRef field;
  // kString coerced to a category code: the code index; -1 otherwise.
  int32_t code = -1;
  // date("…"): the folded day number.
  int32_t date = 0;
  Function function = Function::kNone;
  // Aggregates: links from the scope's table to the parent whose children
  // are aggregated, then the child table and its link to that parent.
  std::vector<LinkStep> parent_links;
  LinkStep children;
  // min / max / sum: the child's field; the filter node (-1 when none).
  FieldRef value;
  int32_t filter = -1;
};

// The checker's product: the tree with a NodeInfo per node. Immutable.
struct CheckedFormula {
  std::shared_ptr<const Ast> ast;
  std::vector<NodeInfo> info;  // parallel to ast->nodes
  const SchemaRep* schema = nullptr;
  int32_t table = -1;  // the table the formula is evaluated on
  ValueType type = ValueType::kNull;
  const v1::CodeList* code_list = nullptr;
  const NodeInfo& at(int32_t node) const { return info[static_cast<size_t>(node)]; }
};

// Checks `ast` for evaluation on `table` with the result type `required`.
// Appends every problem to *diagnostics (errors and warnings); returns the
// checked formula when there is no error, nullopt otherwise.
std::optional<CheckedFormula> CheckFormula(std::shared_ptr<const Ast> ast, const SchemaRep& schema,
                                           std::string_view table, RequiredType required,
                                           Diagnostics* diagnostics);

}  // namespace internal
}  // namespace ctind

#endif  // CTIND_FORMULA_CHECKER_H_
