// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The syntax tree of a formula, as the parser produces it: untyped and
// unresolved. Nodes live in one vector and refer to their children by
// index, so the tree is freed without recursion. Immutable once built.

#ifndef CTIND_FORMULA_AST_H_
#define CTIND_FORMULA_AST_H_

#include <cstdint>
#include <string>
#include <vector>

namespace ctind {
namespace internal {

enum class NodeKind {
  kNull,      // null
  kBool,      // true / false: bool_value
  kInt,       // int_value
  kDouble,    // double_value
  kString,    // string_value
  kName,      // a path: `path` (one or more segments); `outer` when it starts with outer.
  kNot,       // children[0]
  kNegate,    // -children[0]
  kAnd,       // children (two or more), left to right
  kOr,        // children (two or more)
  kBinary,    // children[0] op children[1]
  kIn,        // children[0] in [children[1..]]; `negated` for not in
  kBetween,   // children[0] between children[1] and children[2]; `negated`
  kCall,      // name(children...)
  kWhere,     // children[0] where children[1]; only as an aggregate's argument
};

enum class BinaryOp { kEq, kNe, kLt, kLe, kGt, kGe, kAdd, kSub, kMul, kDiv, kMod };

// "=", "!=", "<", … "+", "%".
const char* BinaryOpText(BinaryOp op);

struct Node {
  NodeKind kind = NodeKind::kNull;
  // Byte range [begin, end) in the formula text.
  int32_t begin = 0;
  int32_t end = 0;
  std::vector<int32_t> children;
  BinaryOp op = BinaryOp::kEq;
  bool bool_value = false;
  bool negated = false;
  bool outer = false;
  int64_t int_value = 0;
  double double_value = 0;
  std::string string_value;       // kString; kCall: the function name
  std::vector<std::string> path;  // kName: segments (without `outer`)
  // kName: byte offset of each segment of `path`.
  std::vector<int32_t> path_offsets;
};

struct Ast {
  std::string text;  // the formula
  std::vector<Node> nodes;
  int32_t root = -1;

  const Node& node(int32_t i) const { return nodes[static_cast<size_t>(i)]; }
};

// The tree as an S-expression, for tests and debugging:
// `(and (= prs_Gender "Feminine") (<= (days_between a b) 30))`,
// `(in x [1 2])`, `(not-in …)`, `(between x a b)`, `(neg x)`, `(not x)`,
// `(count (where services (= a 1)))`, `outer.x`, `date` calls as calls.
std::string ToSExpression(const Ast& ast);

}  // namespace internal
}  // namespace ctind

#endif  // CTIND_FORMULA_AST_H_
