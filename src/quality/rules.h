// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// A framework's quality rules (Framework.quality_rules) compiled against a
// schema: each a condition in the formula language on one table, true for
// a good record. A rule that is false for a record is a failure; missing
// (an empty date, a parent that does not exist) counts as passing.

#ifndef CTIND_QUALITY_RULES_H_
#define CTIND_QUALITY_RULES_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "formula/formula.h"
#include "model/model_internal.h"

namespace ctind {
namespace internal {

struct CompiledQualityRule {
  const v1::QualityRule* proto = nullptr;  // owned by the framework
  // Schema index of the rule's table.
  int32_t table = -1;
  // A bool formula, or one of type null (always missing: never fails).
  CompiledFormula formula;
};

// Compiles every rule of `framework` against `schema`, appending each
// problem to `sink` (located in the framework's file, the message naming
// the rule's id): an unknown table, any mistake the formula checker finds
// (unknown fields and links with "did you mean", argument types, codes),
// and a formula that is not a condition. Rules with errors are left out of
// the result; the caller checks sink.has_errors().
std::vector<CompiledQualityRule> CompileQualityRules(const FrameworkRep& framework,
                                                     const SchemaRep& schema,
                                                     DiagnosticSink& sink);

}  // namespace internal
}  // namespace ctind

#endif  // CTIND_QUALITY_RULES_H_
