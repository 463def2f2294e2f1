// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The formula language (docs/formula-language.md) as the engine uses it:
// compile a formula once against a schema and a table (parse → check →
// plan), then evaluate it any number of times, from any number of threads,
// over the columns of a dataset.
//
//   Diagnostics diagnostics;
//   absl::StatusOr<CompiledFormula> f = CompileFormula(
//       "prs_Gender = \"Feminine\"", schema, "victims", RequiredType::kBool, &diagnostics);
//   EvalContext context(dataset, as_of);
//   absl::StatusOr<std::vector<uint8_t>> keep = f->EvaluateMask(context);

#ifndef CTIND_FORMULA_FORMULA_H_
#define CTIND_FORMULA_FORMULA_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "ctind/diagnostic.h"
#include "formula/evaluator.h"
#include "formula/program.h"
#include "formula/value.h"
#include "model/model_internal.h"

namespace ctind {
namespace internal {

// A compiled formula. Immutable; copies share the program. Evaluate and
// EvaluateMask are const and safe to call from several threads at once,
// each thread with its own EvalContext. The SchemaRep it was compiled
// against must outlive it.
class CompiledFormula {
 public:
  ValueType type() const { return program_->type; }
  // The code list of a kCategory / kCategorySet result; null otherwise.
  const v1::CodeList* code_list() const { return program_->code_list; }
  // The schema index of the table the formula is evaluated on.
  int32_t table() const { return program_->table; }
  const std::string& text() const { return program_->text; }
  const Program& program() const { return *program_; }

  // The formula's value for every row of its table, in row order.
  // Errors: OutOfRange for an integer overflow (naming the formula);
  // FailedPrecondition when the dataset does not match the schema or a
  // link's parent key is not unique.
  absl::StatusOr<Vector> Evaluate(EvalContext& context) const;

  // For filters: 1 for the rows where the formula is true, 0 where it is
  // false or missing. InvalidArgument when the formula is not bool (or
  // null); other errors as Evaluate.
  absl::StatusOr<std::vector<uint8_t>> EvaluateMask(EvalContext& context) const;

 private:
  friend absl::StatusOr<CompiledFormula> CompileFormula(std::string_view, const SchemaRep&,
                                                        std::string_view, RequiredType,
                                                        Diagnostics*);
  explicit CompiledFormula(std::shared_ptr<const Program> program) : program_(std::move(program)) {}
  std::shared_ptr<const Program> program_;
};

// Parses, checks and plans `text` for evaluation on `table` of `schema`,
// requiring a result of type `required`. Appends every problem found to
// *diagnostics (which may be null): errors and warnings, each with the byte
// offset within `text` (Diagnostic.offset), the 1-based code-point column
// within the offset's line of `text` (column) and line 0 — the caller maps
// them into its file and sets `path`. Returns InvalidArgument summarising
// the first error when there is any.
absl::StatusOr<CompiledFormula> CompileFormula(std::string_view text, const SchemaRep& schema,
                                               std::string_view table, RequiredType required,
                                               Diagnostics* diagnostics);

}  // namespace internal
}  // namespace ctind

#endif  // CTIND_FORMULA_FORMULA_H_
