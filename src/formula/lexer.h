// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The tokens of the formula language (docs/formula-language.md), with byte
// offsets into the formula text. The first stage of parse → check → plan →
// evaluate.

#ifndef CTIND_FORMULA_LEXER_H_
#define CTIND_FORMULA_LEXER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ctind {
namespace internal {

enum class TokenKind {
  kEnd,  // end of the text; always the last token
  kIdentifier,
  kInt,     // digits; `int_value` holds the value, `int_overflow` when > INT64_MAX
  kDouble,  // `double_value`
  kString,  // `string_value` holds the decoded text
  // Keywords (lower-case only).
  kAnd, kOr, kNot, kIn, kBetween, kTrue, kFalse, kNull, kWhere, kOuter,
  // Punctuation.
  kLeftParen, kRightParen, kLeftBracket, kRightBracket, kComma, kDot,
  kEq,         // = or ==
  kNe,         // != or <>
  kLt, kLe, kGt, kGe,
  kPlus, kMinus, kStar, kSlash, kPercent,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  // Byte range [begin, end) in the formula text.
  int32_t begin = 0;
  int32_t end = 0;
  // kInt: the value when it fits, and whether it was 9223372036854775808
  // exactly (which fits only after a minus sign) or larger.
  uint64_t int_value = 0;
  bool int_overflow = false;
  double double_value = 0;
  std::string string_value;
};

// A lexing problem: message and byte offset.
struct LexError {
  std::string message;
  int32_t offset = 0;
};

// Splits `text` into tokens, ending with one kEnd token. `#` starts a
// comment that runs to the end of the line. On the first error returns
// false and fills *error; *tokens then holds the tokens before it.
// The caller enforces the size limit (the offsets are int32).
bool Tokenize(std::string_view text, std::vector<Token>* tokens, LexError* error);

// "'and'", "')'", "end of formula", "identifier 'x'" … for messages.
std::string Describe(const Token& token, std::string_view text);

}  // namespace internal
}  // namespace ctind

#endif  // CTIND_FORMULA_LEXER_H_
