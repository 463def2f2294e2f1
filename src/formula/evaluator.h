// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Evaluation of a Program over the columns of a dataset: node by node,
// each step a plain loop over whole vectors (no per-row allocation,
// virtual call or string comparison). Link indexes (child row → parent row,
// parent row → child rows) are built lazily, once per EvalContext, and
// shared by every formula evaluated with it.

#ifndef CTIND_FORMULA_EVALUATOR_H_
#define CTIND_FORMULA_EVALUATOR_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "ctind/date.h"
#include "formula/checker.h"
#include "formula/program.h"
#include "formula/value.h"
#include "ingest/columns.h"

namespace ctind {
namespace internal {

// Per-evaluation state: the dataset, the as-of date and the link indexes.
// The dataset must outlive the context. Not thread-safe: use one context per
// evaluating thread (compiled formulas themselves are shared freely).
class EvalContext {
 public:
  EvalContext(const DatasetRep& dataset, Date as_of) : dataset_(dataset), as_of_(as_of) {}
  EvalContext(const EvalContext&) = delete;
  EvalContext& operator=(const EvalContext&) = delete;

  const DatasetRep& dataset() const { return dataset_; }
  Date as_of() const { return as_of_; }

  struct LinkIndex {
    // Child row → parent row; -1 when the child's key is missing or
    // invalid or names no parent.
    std::vector<int32_t> parent;
    // Parent row p → child rows children[offsets[p] .. offsets[p + 1]), in
    // row order, leaving out children whose table's record_date is present
    // and after the as-of date (a missing record_date keeps the child).
    bool has_children = false;
    std::vector<uint32_t> offsets;
    std::vector<int32_t> children;
  };

  // The index of the link `step` (with its children when `children`).
  // FailedPrecondition when the parent key is not unique (naming the
  // tables, the field and the number of repeated values, never a value) or
  // the dataset does not match the schema. The pointer lives as long as
  // the context.
  absl::StatusOr<const LinkIndex*> Link(LinkStep step, bool children);

 private:
  absl::Status BuildParents(LinkStep step, LinkIndex* index) const;
  void BuildChildren(LinkStep step, LinkIndex* index) const;

  const DatasetRep& dataset_;
  Date as_of_;
  absl::flat_hash_map<int64_t, std::unique_ptr<LinkIndex>> links_;
  absl::flat_hash_map<int64_t, absl::Status> failed_;
};

// Evaluates `program` for every row of its table. Errors: OutOfRange for an
// integer overflow (naming the formula), FailedPrecondition for a dataset
// that does not match the program's schema or a non-unique parent key.
absl::StatusOr<Vector> EvaluateProgram(const Program& program, EvalContext& context);

}  // namespace internal
}  // namespace ctind

#endif  // CTIND_FORMULA_EVALUATOR_H_
