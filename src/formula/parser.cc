// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "formula/parser.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/strings.h"
#include "formula/lexer.h"

namespace ctind {
namespace internal {

Diagnostic FormulaDiagnostic(std::string_view text, int32_t offset, std::string message,
                             Severity severity) {
  Diagnostic d;
  d.severity = severity;
  d.message = std::move(message);
  const size_t end = std::min(text.size(), static_cast<size_t>(std::max(offset, 0)));
  size_t line_start = 0;
  for (size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') line_start = i + 1;
  }
  int32_t column = 1;
  for (size_t i = line_start; i < end; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  d.offset = static_cast<int64_t>(end);
  d.column = column;
  d.line = 0;
  return d;
}

namespace {

constexpr char kTooDeep[] = "formula is nested more than 256 deep";

class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens, Ast* ast, Diagnostics* diagnostics)
      : text_(text), tokens_(std::move(tokens)), ast_(ast), diagnostics_(diagnostics) {}

  bool Parse() {
    const int32_t root = ParseExpr();
    if (root < 0) return false;
    if (Peek().kind != TokenKind::kEnd) {
      return Fail(Peek().begin, absl::StrCat("expected an operator or the end of the formula, found ",
                                             Describe(Peek(), text_)));
    }
    ast_->root = root;
    return true;
  }

 private:
  const Token& Peek(size_t ahead = 0) const {
    return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
  }
  const Token& Next() {
    const Token& t = tokens_[pos_];
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return t;
  }
  bool At(TokenKind kind) const { return Peek().kind == kind; }

  bool Fail(int32_t offset, std::string message) {
    if (!failed_) diagnostics_->push_back(FormulaDiagnostic(text_, offset, std::move(message)));
    failed_ = true;
    return false;
  }

  bool Expect(TokenKind kind, const char* what) {
    if (At(kind)) {
      Next();
      return true;
    }
    return Fail(Peek().begin, absl::StrCat("expected ", what, ", found ", Describe(Peek(), text_)));
  }
  // Parses `element` repeatedly, separated by commas, until `close` (which
  // is not consumed); appends each result to `out`. An empty list is fine.
  // False when an element fails.
  template <typename Element>
  bool ParseCommaSeparated(TokenKind close, Element element, std::vector<int32_t>* out) {
    if (At(close)) return true;
    while (true) {
      const int32_t index = element();
      if (index < 0) return false;
      out->push_back(index);
      if (!At(TokenKind::kComma)) return true;
      Next();
    }
  }


  // Adds a node whose children are already in the tree; fails when the tree
  // becomes deeper than the limit.
  int32_t Add(Node node) {
    int32_t height = 1;
    for (int32_t c : node.children) height = std::max(height, heights_[static_cast<size_t>(c)] + 1);
    if (height > kMaxFormulaDepth) {
      Fail(node.begin, kTooDeep);
      return -1;
    }
    ast_->nodes.push_back(std::move(node));
    heights_.push_back(height);
    return static_cast<int32_t>(ast_->nodes.size() - 1);
  }
  int32_t BeginOf(int32_t i) const { return ast_->node(i).begin; }
  int32_t EndOf(int32_t i) const { return ast_->node(i).end; }

  // Guards recursion that does not necessarily add a tree level
  // (parentheses, prefix operators, arguments).
  struct DepthGuard {
    explicit DepthGuard(Parser* p) : parser(p) { ++parser->depth_; }
    ~DepthGuard() { --parser->depth_; }
    Parser* parser;
  };
  bool TooDeep() {
    if (depth_ > kMaxFormulaDepth) return !Fail(Peek().begin, kTooDeep);
    return false;
  }

  int32_t ParseExpr() {
    DepthGuard guard(this);
    if (TooDeep()) return -1;
    return ParseLogical(TokenKind::kOr);
  }

  // or-chains and and-chains, as n-ary nodes.
  int32_t ParseLogical(TokenKind kind) {
    const bool is_or = kind == TokenKind::kOr;
    int32_t first = is_or ? ParseLogical(TokenKind::kAnd) : ParseNot();
    if (first < 0 || !At(kind)) return first;
    Node node;
    node.kind = is_or ? NodeKind::kOr : NodeKind::kAnd;
    node.children.push_back(first);
    while (At(kind)) {
      Next();
      const int32_t next = is_or ? ParseLogical(TokenKind::kAnd) : ParseNot();
      if (next < 0) return -1;
      node.children.push_back(next);
    }
    node.begin = BeginOf(first);
    node.end = EndOf(node.children.back());
    return Add(std::move(node));
  }

  int32_t ParseNot() {
    if (!At(TokenKind::kNot)) return ParseComparison();
    DepthGuard guard(this);
    if (TooDeep()) return -1;
    const Token& op = Next();
    const int32_t begin = op.begin;
    const int32_t operand = ParseNot();
    if (operand < 0) return -1;
    Node node;
    node.kind = NodeKind::kNot;
    node.begin = begin;
    node.end = EndOf(operand);
    node.children.push_back(operand);
    return Add(std::move(node));
  }

  static bool ComparisonOp(TokenKind kind, BinaryOp* op) {
    switch (kind) {
      case TokenKind::kEq: *op = BinaryOp::kEq; return true;
      case TokenKind::kNe: *op = BinaryOp::kNe; return true;
      case TokenKind::kLt: *op = BinaryOp::kLt; return true;
      case TokenKind::kLe: *op = BinaryOp::kLe; return true;
      case TokenKind::kGt: *op = BinaryOp::kGt; return true;
      case TokenKind::kGe: *op = BinaryOp::kGe; return true;
      default: return false;
    }
  }

  int32_t ParseComparison() {
    const int32_t left = ParseIn();
    BinaryOp op;
    if (left < 0 || !ComparisonOp(Peek().kind, &op)) return left;
    Next();
    const int32_t right = ParseIn();
    if (right < 0) return -1;
    BinaryOp again;
    if (ComparisonOp(Peek().kind, &again)) {
      Fail(Peek().begin, "comparisons do not chain; join them with 'and'");
      return -1;
    }
    Node node;
    node.kind = NodeKind::kBinary;
    node.op = op;
    node.begin = BeginOf(left);
    node.end = EndOf(right);
    node.children = {left, right};
    return Add(std::move(node));
  }

  int32_t ParseIn() {
    const int32_t left = ParseBetween();
    if (left < 0) return -1;
    const bool negated = At(TokenKind::kNot) && Peek(1).kind == TokenKind::kIn;
    if (!negated && !At(TokenKind::kIn)) return left;
    if (negated) Next();
    Next();
    DepthGuard guard(this);
    if (TooDeep()) return -1;
    Node node;
    node.kind = NodeKind::kIn;
    node.negated = negated;
    node.children.push_back(left);
    if (!Expect(TokenKind::kLeftBracket, "'[' to start the list")) return -1;
    if (!ParseCommaSeparated(TokenKind::kRightBracket, [&] { return ParseAdditive(); },
                             &node.children)) {
      return -1;
    }
    node.end = Peek().end;
    if (!Expect(TokenKind::kRightBracket, "',' or ']'")) return -1;
    node.begin = BeginOf(left);
    return Add(std::move(node));
  }

  int32_t ParseBetween() {
    const int32_t left = ParseAdditive();
    if (left < 0) return -1;
    const bool negated = At(TokenKind::kNot) && Peek(1).kind == TokenKind::kBetween;
    if (!negated && !At(TokenKind::kBetween)) return left;
    if (negated) Next();
    Next();
    const int32_t low = ParseAdditive();
    if (low < 0) return -1;
    if (!Expect(TokenKind::kAnd, "'and' in 'between … and …'")) return -1;
    const int32_t high = ParseAdditive();
    if (high < 0) return -1;
    Node node;
    node.kind = NodeKind::kBetween;
    node.negated = negated;
    node.begin = BeginOf(left);
    node.end = EndOf(high);
    node.children = {left, low, high};
    return Add(std::move(node));
  }

  int32_t ParseBinaryChain(bool additive) {
    int32_t left = additive ? ParseBinaryChain(false) : ParseUnary();
    while (left >= 0) {
      BinaryOp op;
      const TokenKind k = Peek().kind;
      if (additive && k == TokenKind::kPlus) op = BinaryOp::kAdd;
      else if (additive && k == TokenKind::kMinus) op = BinaryOp::kSub;
      else if (!additive && k == TokenKind::kStar) op = BinaryOp::kMul;
      else if (!additive && k == TokenKind::kSlash) op = BinaryOp::kDiv;
      else if (!additive && k == TokenKind::kPercent) op = BinaryOp::kMod;
      else break;
      Next();
      const int32_t right = additive ? ParseBinaryChain(false) : ParseUnary();
      if (right < 0) return -1;
      Node node;
      node.kind = NodeKind::kBinary;
      node.op = op;
      node.begin = BeginOf(left);
      node.end = EndOf(right);
      node.children = {left, right};
      left = Add(std::move(node));
    }
    return left;
  }
  int32_t ParseAdditive() { return ParseBinaryChain(true); }

  int32_t ParseUnary() {
    if (!At(TokenKind::kMinus)) return ParsePrimary();
    DepthGuard guard(this);
    if (TooDeep()) return -1;
    const int32_t begin = Next().begin;
    // A negative number literal is one node, so that -9223372036854775808
    // can be written.
    if (At(TokenKind::kInt) || At(TokenKind::kDouble)) {
      const Token& t = Next();
      Node node;
      node.begin = begin;
      node.end = t.end;
      if (t.kind == TokenKind::kDouble) {
        node.kind = NodeKind::kDouble;
        node.double_value = -t.double_value;
      } else {
        if (t.int_overflow) {
          Fail(t.begin, "integer literal out of range (64-bit)");
          return -1;
        }
        node.kind = NodeKind::kInt;
        node.int_value = t.int_value == static_cast<uint64_t>(INT64_MAX) + 1
                             ? INT64_MIN
                             : -static_cast<int64_t>(t.int_value);
      }
      return Add(std::move(node));
    }
    const int32_t operand = ParseUnary();
    if (operand < 0) return -1;
    Node node;
    node.kind = NodeKind::kNegate;
    node.begin = begin;
    node.end = EndOf(operand);
    node.children.push_back(operand);
    return Add(std::move(node));
  }

  int32_t ParsePrimary() {
    const Token& t = Peek();
    Node node;
    node.begin = t.begin;
    node.end = t.end;
    switch (t.kind) {
      case TokenKind::kInt:
        if (t.int_overflow || t.int_value > static_cast<uint64_t>(INT64_MAX)) {
          Fail(t.begin, "integer literal out of range (64-bit)");
          return -1;
        }
        node.kind = NodeKind::kInt;
        node.int_value = static_cast<int64_t>(t.int_value);
        Next();
        return Add(std::move(node));
      case TokenKind::kDouble:
        node.kind = NodeKind::kDouble;
        node.double_value = t.double_value;
        Next();
        return Add(std::move(node));
      case TokenKind::kString:
        node.kind = NodeKind::kString;
        node.string_value = t.string_value;
        Next();
        return Add(std::move(node));
      case TokenKind::kTrue:
      case TokenKind::kFalse:
        node.kind = NodeKind::kBool;
        node.bool_value = t.kind == TokenKind::kTrue;
        Next();
        return Add(std::move(node));
      case TokenKind::kNull:
        node.kind = NodeKind::kNull;
        Next();
        return Add(std::move(node));
      case TokenKind::kLeftParen: {
        Next();
        const int32_t inner = ParseExpr();
        if (inner < 0) return -1;
        if (!Expect(TokenKind::kRightParen, "')'")) return -1;
        return inner;
      }
      case TokenKind::kOuter:
        Next();
        node.kind = NodeKind::kName;
        node.outer = true;
        if (!At(TokenKind::kDot)) {
          Fail(Peek().begin, "expected '.' and a field name after 'outer'");
          return -1;
        }
        return ParsePathRest(std::move(node));
      case TokenKind::kIdentifier: {
        Next();
        const std::string name(text_.substr(static_cast<size_t>(t.begin),
                                            static_cast<size_t>(t.end - t.begin)));
        if (At(TokenKind::kLeftParen)) return ParseCall(std::move(node), name);
        node.kind = NodeKind::kName;
        node.path.push_back(name);
        node.path_offsets.push_back(t.begin);
        return ParsePathRest(std::move(node));
      }
      default:
        Fail(t.begin, absl::StrCat("expected a value, found ", Describe(t, text_)));
        return -1;
    }
  }

  int32_t ParsePathRest(Node node) {
    while (At(TokenKind::kDot)) {
      Next();
      const Token& segment = Peek();
      if (segment.kind != TokenKind::kIdentifier) {
        Fail(segment.begin, absl::StrCat("expected a name after '.', found ", Describe(segment, text_)));
        return -1;
      }
      Next();
      node.path.emplace_back(text_.substr(static_cast<size_t>(segment.begin),
                                          static_cast<size_t>(segment.end - segment.begin)));
      node.path_offsets.push_back(segment.begin);
      node.end = segment.end;
    }
    return Add(std::move(node));
  }

  int32_t ParseCall(Node node, const std::string& name) {
    DepthGuard guard(this);
    if (TooDeep()) return -1;
    Next();  // (
    node.kind = NodeKind::kCall;
    node.string_value = name;
    // An argument, optionally filtered: `children where condition`.
    auto argument = [&]() -> int32_t {
      const int32_t arg = ParseExpr();
      if (arg < 0 || !At(TokenKind::kWhere)) return arg;
      Next();
      const int32_t filter = ParseExpr();
      if (filter < 0) return -1;
      Node where;
      where.kind = NodeKind::kWhere;
      where.begin = BeginOf(arg);
      where.end = EndOf(filter);
      where.children = {arg, filter};
      return Add(std::move(where));
    };
    if (!ParseCommaSeparated(TokenKind::kRightParen, argument, &node.children)) return -1;
    node.end = Peek().end;
    if (!Expect(TokenKind::kRightParen, "',' or ')'")) return -1;
    return Add(std::move(node));
  }

  std::string_view text_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  Ast* ast_;
  Diagnostics* diagnostics_;
  std::vector<int32_t> heights_;
  int depth_ = 0;
  bool failed_ = false;
};

}  // namespace

std::optional<Ast> ParseFormula(std::string_view text, Diagnostics* diagnostics) {
  if (text.size() > kMaxFormulaBytes) {
    diagnostics->push_back(FormulaDiagnostic(
        text, 0,
        absl::StrCat("formula is ", text.size(), " bytes long, more than the limit of ",
                     kMaxFormulaBytes)));
    return std::nullopt;
  }
  std::vector<Token> tokens;
  LexError error;
  if (!Tokenize(text, &tokens, &error)) {
    diagnostics->push_back(FormulaDiagnostic(text, error.offset, error.message));
    return std::nullopt;
  }
  if (tokens.size() == 1) {
    diagnostics->push_back(FormulaDiagnostic(text, 0, "empty formula"));
    return std::nullopt;
  }
  Ast ast;
  ast.text = std::string(text);
  Parser parser(text, std::move(tokens), &ast, diagnostics);
  if (!parser.Parse()) return std::nullopt;
  return ast;
}

}  // namespace internal
}  // namespace ctind
