// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "formula/ast.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace ctind {
namespace internal {

const char* BinaryOpText(BinaryOp op) {
  switch (op) {
    case BinaryOp::kEq: return "=";
    case BinaryOp::kNe: return "!=";
    case BinaryOp::kLt: return "<";
    case BinaryOp::kLe: return "<=";
    case BinaryOp::kGt: return ">";
    case BinaryOp::kGe: return ">=";
    case BinaryOp::kAdd: return "+";
    case BinaryOp::kSub: return "-";
    case BinaryOp::kMul: return "*";
    case BinaryOp::kDiv: return "/";
    case BinaryOp::kMod: return "%";
  }
  return "?";
}

namespace {

std::string Escaped(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default: out += c;
    }
  }
  out += '"';
  return out;
}

// Depth is bounded by the parser (kMaxFormulaDepth), so recursion is safe.
void Print(const Ast& ast, int32_t i, std::string* out) {
  const Node& n = ast.node(i);
  auto children = [&](size_t from) {
    for (size_t c = from; c < n.children.size(); ++c) {
      *out += ' ';
      Print(ast, n.children[c], out);
    }
  };
  switch (n.kind) {
    case NodeKind::kNull: *out += "null"; return;
    case NodeKind::kBool: *out += n.bool_value ? "true" : "false"; return;
    case NodeKind::kInt: absl::StrAppend(out, n.int_value); return;
    case NodeKind::kDouble: absl::StrAppend(out, n.double_value); return;
    case NodeKind::kString: *out += Escaped(n.string_value); return;
    case NodeKind::kName:
      if (n.outer) *out += "outer.";
      *out += absl::StrJoin(n.path, ".");
      return;
    case NodeKind::kNot: *out += "(not"; break;
    case NodeKind::kNegate: *out += "(neg"; break;
    case NodeKind::kAnd: *out += "(and"; break;
    case NodeKind::kOr: *out += "(or"; break;
    case NodeKind::kBinary: absl::StrAppend(out, "(", BinaryOpText(n.op)); break;
    case NodeKind::kBetween: *out += n.negated ? "(not-between" : "(between"; break;
    case NodeKind::kCall: absl::StrAppend(out, "(", n.string_value); break;
    case NodeKind::kWhere: *out += "(where"; break;
    case NodeKind::kIn:
      *out += n.negated ? "(not-in " : "(in ";
      Print(ast, n.children[0], out);
      *out += " [";
      for (size_t c = 1; c < n.children.size(); ++c) {
        if (c > 1) *out += ' ';
        Print(ast, n.children[c], out);
      }
      *out += "])";
      return;
  }
  children(0);
  *out += ')';
}

}  // namespace

std::string ToSExpression(const Ast& ast) {
  std::string out;
  if (ast.root >= 0) Print(ast, ast.root, &out);
  return out;
}

}  // namespace internal
}  // namespace ctind
