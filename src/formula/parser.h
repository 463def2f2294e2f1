// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The parser: formula text → Ast (docs/formula-language.md, "Operators").
// Recursive descent with a depth counter: a formula longer than
// kMaxFormulaBytes or whose tree is deeper than kMaxFormulaDepth gives a
// diagnostic, never a stack overflow.

#ifndef CTIND_FORMULA_PARSER_H_
#define CTIND_FORMULA_PARSER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ctind/diagnostic.h"
#include "formula/ast.h"

namespace ctind {
namespace internal {

inline constexpr size_t kMaxFormulaBytes = 64 * 1024;
inline constexpr int kMaxFormulaDepth = 256;

// A diagnostic located at byte `offset` of `text`: Diagnostic.offset is the
// byte offset, `column` the 1-based code-point column within the offset's
// line of the formula, `line` 0 (the caller maps both into its file).
Diagnostic FormulaDiagnostic(std::string_view text, int32_t offset, std::string message,
                             Severity severity = Severity::kError);

// Parses `text`. On success returns the tree; on a syntax error appends one
// diagnostic (parsing stops at the first) and returns nullopt. The nesting
// depth counted is the depth of the tree (a chain `a + b + c` nests 2 deep;
// `and` / `or` chains are one n-ary node).
std::optional<Ast> ParseFormula(std::string_view text, Diagnostics* diagnostics);

}  // namespace internal
}  // namespace ctind

#endif  // CTIND_FORMULA_PARSER_H_
