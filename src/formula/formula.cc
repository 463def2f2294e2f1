// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "formula/formula.h"

#include <optional>
#include <utility>

#include "absl/status/status.h"
#include "formula/checker.h"
#include "formula/parser.h"

namespace ctind {
namespace internal {

absl::StatusOr<Vector> CompiledFormula::Evaluate(EvalContext& context) const {
  return EvaluateProgram(*program_, context);
}

absl::StatusOr<std::vector<uint8_t>> CompiledFormula::EvaluateMask(EvalContext& context) const {
  if (type() != ValueType::kBool && type() != ValueType::kNull) {
    return absl::InvalidArgumentError("EvaluateMask needs a bool formula");
  }
  absl::StatusOr<Vector> v = Evaluate(context);
  if (!v.ok()) return v.status();
  std::vector<uint8_t> mask(static_cast<size_t>(v->size), 0);
  if (v->type == ValueType::kBool) {
    for (size_t i = 0; i < mask.size(); ++i) mask[i] = v->present[i] & (v->int32s[i] != 0);
  }
  return mask;
}

absl::StatusOr<CompiledFormula> CompileFormula(std::string_view text, const SchemaRep& schema,
                                               std::string_view table, RequiredType required,
                                               Diagnostics* diagnostics) {
  Diagnostics local;
  Diagnostics* out = diagnostics != nullptr ? diagnostics : &local;
  const size_t before = out->size();
  std::optional<Ast> ast = ParseFormula(text, out);
  std::optional<CheckedFormula> checked;
  if (ast.has_value()) {
    checked = CheckFormula(std::make_shared<const Ast>(std::move(*ast)), schema, table, required, out);
  }
  if (!checked.has_value()) {
    Diagnostics mine(out->begin() + static_cast<std::ptrdiff_t>(before), out->end());
    absl::Status status = StatusFromDiagnostics(mine);
    if (status.ok()) status = absl::InvalidArgumentError("formula has errors");
    return status;
  }
  return CompiledFormula(std::make_shared<const Program>(PlanFormula(*checked)));
}

}  // namespace internal
}  // namespace ctind
