// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "quality/rules.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/strings.h"
#include "common/suggest.h"

namespace ctind {
namespace internal {

std::vector<CompiledQualityRule> CompileQualityRules(const FrameworkRep& framework,
                                                     const SchemaRep& schema,
                                                     DiagnosticSink& sink) {
  std::vector<CompiledQualityRule> out;
  const v1::Framework& fw = framework.proto;
  for (int i = 0; i < fw.quality_rules_size(); ++i) {
    const v1::QualityRule& rule = fw.quality_rules(i);
    const std::string path = absl::StrCat("quality_rules[", i, "]");
    const std::string named = absl::StrCat("quality rule ", Quoted(rule.id()));
    // Framework validation already reported an empty table or expression.
    if (rule.table().empty() || rule.expression().empty()) continue;
    auto table = schema.tables.find(rule.table());
    if (table == schema.tables.end()) {
      std::vector<std::string> names;
      for (const v1::Table& t : schema.proto.tables()) names.push_back(t.name());
      sink.Error(path + ".table", absl::StrCat(named, ": unknown table ", Quoted(rule.table()),
                                               DidYouMean(rule.table(), names)));
      continue;
    }
    Diagnostics diagnostics;
    absl::StatusOr<CompiledFormula> formula = CompileFormula(
        rule.expression(), schema, rule.table(), RequiredType::kAny, &diagnostics);
    const std::string expression_path = path + ".expression";
    for (const Diagnostic& d : diagnostics) {
      sink.InString(expression_path, d.offset >= 0 ? static_cast<size_t>(d.offset) : 0,
                    absl::StrCat(named, ": ", d.message), d.severity);
    }
    if (!formula.ok()) continue;
    if (formula->type() != ValueType::kBool && formula->type() != ValueType::kNull) {
      sink.InString(expression_path, 0,
                    absl::StrCat(named, ": a quality rule is a condition that is true for a "
                                        "good record (bool, e.g. closed_on >= opened_on); ",
                                 Quoted(rule.expression()), " is ",
                                 TypeName(formula->type())),
                    Severity::kError);
      continue;
    }
    out.push_back(CompiledQualityRule{&rule, table->second, *std::move(formula)});
  }
  return out;
}

}  // namespace internal
}  // namespace ctind
