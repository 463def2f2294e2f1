// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "formula/lexer.h"

#include <cstdlib>
#include <string>

#include "absl/strings/str_cat.h"
#include "common/strings.h"

namespace ctind {
namespace internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsIdentStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool IsIdentPart(char c) { return IsIdentStart(c) || IsDigit(c); }

TokenKind KeywordOrIdentifier(std::string_view word) {
  struct Keyword {
    const char* text;
    TokenKind kind;
  };
  static constexpr Keyword kKeywords[] = {
      {"and", TokenKind::kAnd},     {"or", TokenKind::kOr},
      {"not", TokenKind::kNot},     {"in", TokenKind::kIn},
      {"between", TokenKind::kBetween}, {"true", TokenKind::kTrue},
      {"false", TokenKind::kFalse}, {"null", TokenKind::kNull},
      {"where", TokenKind::kWhere}, {"outer", TokenKind::kOuter},
  };
  for (const Keyword& k : kKeywords) {
    if (word == k.text) return k.kind;
  }
  return TokenKind::kIdentifier;
}

// The code point starting at text[i], for messages ("unexpected character").
std::string CharAt(std::string_view text, size_t i) {
  size_t n = 1;
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c >= 0xF0) n = 4;
  else if (c >= 0xE0) n = 3;
  else if (c >= 0xC0) n = 2;
  if (i + n > text.size()) n = text.size() - i;
  return std::string(text.substr(i, n));
}

}  // namespace

bool Tokenize(std::string_view text, std::vector<Token>* tokens, LexError* error) {
  tokens->clear();
  size_t i = 0;
  const size_t n = text.size();
  auto fail = [&](size_t at, std::string message) {
    error->message = std::move(message);
    error->offset = static_cast<int32_t>(at);
    return false;
  };
  while (true) {
    while (i < n) {
      const char c = text[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++i;
      } else if (c == '#') {
        while (i < n && text[i] != '\n') ++i;
      } else {
        break;
      }
    }
    Token t;
    t.begin = static_cast<int32_t>(i);
    if (i == n) {
      t.kind = TokenKind::kEnd;
      t.end = t.begin;
      tokens->push_back(std::move(t));
      return true;
    }
    const char c = text[i];
    if (IsIdentStart(c)) {
      size_t j = i;
      while (j < n && IsIdentPart(text[j])) ++j;
      t.kind = KeywordOrIdentifier(text.substr(i, j - i));
      i = j;
    } else if (IsDigit(c) || (c == '.' && i + 1 < n && IsDigit(text[i + 1]))) {
      size_t j = i;
      while (j < n && IsDigit(text[j])) ++j;
      bool is_double = false;
      if (j < n && text[j] == '.' && j + 1 < n && IsDigit(text[j + 1])) {
        is_double = true;
        ++j;
        while (j < n && IsDigit(text[j])) ++j;
      }
      if (j < n && (text[j] == 'e' || text[j] == 'E')) {
        size_t k = j + 1;
        if (k < n && (text[k] == '+' || text[k] == '-')) ++k;
        if (k < n && IsDigit(text[k])) {
          is_double = true;
          while (k < n && IsDigit(text[k])) ++k;
          j = k;
        } else {
          return fail(j, "malformed number: expected digits after the exponent");
        }
      }
      if (j < n && IsIdentStart(text[j])) {
        return fail(j, absl::StrCat("malformed number '", Sv(text.substr(i, j + 1 - i)), "'"));
      }
      const std::string digits(text.substr(i, j - i));
      if (is_double) {
        t.kind = TokenKind::kDouble;
        t.double_value = std::strtod(digits.c_str(), nullptr);
      } else {
        t.kind = TokenKind::kInt;
        uint64_t v = 0;
        for (char d : digits) {
          const uint64_t digit = static_cast<uint64_t>(d - '0');
          if (v > (UINT64_MAX - digit) / 10) {
            t.int_overflow = true;
            break;
          }
          v = v * 10 + digit;
        }
        if (v > static_cast<uint64_t>(INT64_MAX) + 1) t.int_overflow = true;
        t.int_value = v;
      }
      i = j;
    } else if (c == '"' || c == '\'') {
      const char quote = c;
      size_t j = i + 1;
      std::string value;
      while (true) {
        if (j >= n) return fail(i, "unterminated string");
        const char d = text[j];
        if (d == quote) {
          ++j;
          break;
        }
        if (d == '\\') {
          if (j + 1 >= n) return fail(i, "unterminated string");
          const char e = text[j + 1];
          switch (e) {
            case '"': value += '"'; break;
            case '\'': value += '\''; break;
            case '\\': value += '\\'; break;
            case 'n': value += '\n'; break;
            case 't': value += '\t'; break;
            default:
              return fail(j, absl::StrCat("unknown escape '\\", CharAt(text, j + 1),
                                          "' in string (use \\\", \\', \\\\, \\n or \\t)"));
          }
          j += 2;
          continue;
        }
        if (d == '\n') return fail(i, "unterminated string (a string ends on its line)");
        value += d;
        ++j;
      }
      t.kind = TokenKind::kString;
      t.string_value = std::move(value);
      i = j;
    } else {
      auto next_is = [&](char d) { return i + 1 < n && text[i + 1] == d; };
      size_t len = 1;
      switch (c) {
        case '(': t.kind = TokenKind::kLeftParen; break;
        case ')': t.kind = TokenKind::kRightParen; break;
        case '[': t.kind = TokenKind::kLeftBracket; break;
        case ']': t.kind = TokenKind::kRightBracket; break;
        case ',': t.kind = TokenKind::kComma; break;
        case '.': t.kind = TokenKind::kDot; break;
        case '+': t.kind = TokenKind::kPlus; break;
        case '-': t.kind = TokenKind::kMinus; break;
        case '*': t.kind = TokenKind::kStar; break;
        case '/': t.kind = TokenKind::kSlash; break;
        case '%': t.kind = TokenKind::kPercent; break;
        case '=':
          t.kind = TokenKind::kEq;
          if (next_is('=')) len = 2;
          break;
        case '!':
          if (!next_is('=')) return fail(i, "unexpected character '!' (use 'not' or '!=')");
          t.kind = TokenKind::kNe;
          len = 2;
          break;
        case '<':
          if (next_is('=')) {
            t.kind = TokenKind::kLe;
            len = 2;
          } else if (next_is('>')) {
            t.kind = TokenKind::kNe;
            len = 2;
          } else {
            t.kind = TokenKind::kLt;
          }
          break;
        case '>':
          if (next_is('=')) {
            t.kind = TokenKind::kGe;
            len = 2;
          } else {
            t.kind = TokenKind::kGt;
          }
          break;
        default:
          return fail(i, absl::StrCat("unexpected character '", CharAt(text, i), "'"));
      }
      i += len;
    }
    t.end = static_cast<int32_t>(i);
    tokens->push_back(std::move(t));
  }
}

std::string Describe(const Token& token, std::string_view text) {
  const std::string_view s = text.substr(static_cast<size_t>(token.begin),
                                         static_cast<size_t>(token.end - token.begin));
  switch (token.kind) {
    case TokenKind::kEnd: return "end of formula";
    case TokenKind::kIdentifier: return absl::StrCat("name '", Sv(s), "'");
    case TokenKind::kInt:
    case TokenKind::kDouble: return absl::StrCat("number ", Sv(s));
    case TokenKind::kString: return "a string";
    default: return absl::StrCat("'", Sv(s), "'");
  }
}

}  // namespace internal
}  // namespace ctind
