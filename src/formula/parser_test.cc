// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Table-driven parser tests: input → S-expression, or input → error and
// byte offset.

#include "formula/parser.h"

#include <ostream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace ctind {
namespace internal {
namespace {

struct TreeCase {
  const char* input;
  const char* tree;
};

// Print cases by their input, not their bytes (test names stay readable).
void PrintTo(const TreeCase& c, std::ostream* os) { *os << c.input; }

class ParserTreeTest : public ::testing::TestWithParam<TreeCase> {};

TEST_P(ParserTreeTest, ParsesTo) {
  Diagnostics d;
  std::optional<Ast> ast = ParseFormula(GetParam().input, &d);
  ASSERT_TRUE(ast.has_value()) << GetParam().input << ": " << (d.empty() ? "" : d[0].message);
  EXPECT_EQ(ToSExpression(*ast), GetParam().tree) << GetParam().input;
  EXPECT_TRUE(d.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Trees, ParserTreeTest,
    ::testing::Values(
        TreeCase{"a = 1", "(= a 1)"},
        TreeCase{"a == 1", "(= a 1)"},
        TreeCase{"a <> 1", "(!= a 1)"},
        TreeCase{"a != 1", "(!= a 1)"},
        TreeCase{"a < 1 or a <= 2 or a > 3", "(or (< a 1) (<= a 2) (> a 3))"},
        TreeCase{"a >= 1 and b or c", "(or (and (>= a 1) b) c)"},
        TreeCase{"a or b and c", "(or a (and b c))"},
        TreeCase{"not a and b", "(and (not a) b)"},
        TreeCase{"not not a", "(not (not a))"},
        TreeCase{"not a = b", "(not (= a b))"},
        TreeCase{"1 + 2 * 3", "(+ 1 (* 2 3))"},
        TreeCase{"1 - 2 - 3", "(- (- 1 2) 3)"},
        TreeCase{"(1 + 2) * 3", "(* (+ 1 2) 3)"},
        TreeCase{"a / b % c", "(% (/ a b) c)"},
        TreeCase{"-7", "-7"},
        TreeCase{"-x * 2", "(* (neg x) 2)"},
        TreeCase{"- -x", "(neg (neg x))"},
        TreeCase{"-9223372036854775808", "-9223372036854775808"},
        TreeCase{"9223372036854775807", "9223372036854775807"},
        TreeCase{"1.5 + .5 + 2e3", "(+ (+ 1.5 0.5) 2000)"},
        TreeCase{"true and false", "(and true false)"},
        TreeCase{"null", "null"},
        TreeCase{R"("a\"b" = 'c\'d\\\n\t')", R"((= "a\"b" "c'd\\\n\t"))"},
        TreeCase{"x in [1, 2, 3]", "(in x [1 2 3])"},
        TreeCase{"x not in ['a']", "(not-in x [\"a\"])"},
        TreeCase{"x in []", "(in x [])"},
        TreeCase{"x between 1 and 5", "(between x 1 5)"},
        TreeCase{"x between 1 and 5 and y", "(and (between x 1 5) y)"},
        TreeCase{"x not between a + 1 and b", "(not-between x (+ a 1) b)"},
        TreeCase{"days_between(identified_on, first_service_on) <= 30",
                 "(<= (days_between identified_on first_service_on) 30)"},
        TreeCase{"f()", "(f)"},
        TreeCase{"case.person.prs_Gender = 'F'", "(= case.person.prs_Gender \"F\")"},
        TreeCase{"count(services)", "(count services)"},
        TreeCase{"count(services where service_type = \"Medical\")",
                 "(count (where services (= service_type \"Medical\")))"},
        TreeCase{"exists(services where provided_on <= add_days(outer.identified_on, 30))",
                 "(exists (where services (<= provided_on (add_days outer.identified_on 30))))"},
        TreeCase{"min(services.provided_on where x)", "(min (where services.provided_on x))"},
        TreeCase{"date(\"2025-01-31\")", "(date \"2025-01-31\")"},
        TreeCase{"# comment\nexists(person.cases where opened_on > outer.closed_on # why\n)",
                 "(exists (where person.cases (> opened_on outer.closed_on)))"},
        TreeCase{"And = 1", "(= And 1)"}));

struct ErrorCase {
  std::string input;
  std::string message;
  int64_t offset;
  int32_t column;
};

void PrintTo(const ErrorCase& c, std::ostream* os) { *os << c.input; }

class ParserErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(ParserErrorTest, Reports) {
  Diagnostics d;
  std::optional<Ast> ast = ParseFormula(GetParam().input, &d);
  EXPECT_FALSE(ast.has_value());
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].message, GetParam().message);
  EXPECT_EQ(d[0].offset, GetParam().offset);
  EXPECT_EQ(d[0].column, GetParam().column);
  EXPECT_EQ(d[0].line, 0);
  EXPECT_EQ(d[0].severity, Severity::kError);
}

INSTANTIATE_TEST_SUITE_P(
    Errors, ParserErrorTest,
    ::testing::Values(
        ErrorCase{"", "empty formula", 0, 1},
        ErrorCase{"  # only a comment", "empty formula", 0, 1},
        ErrorCase{"a = ", "expected a value, found end of formula", 4, 5},
        ErrorCase{"a = 1 b", "expected an operator or the end of the formula, found name 'b'", 6, 7},
        ErrorCase{"(a", "expected ')', found end of formula", 2, 3},
        ErrorCase{"f(a b)", "expected ',' or ')', found name 'b'", 4, 5},
        ErrorCase{"x in [1, 2", "expected ',' or ']', found end of formula", 10, 11},
        ErrorCase{"x in 1", "expected '[' to start the list, found number 1", 5, 6},
        ErrorCase{"x between 1 or 2", "expected 'and' in 'between … and …', found 'or'", 12, 13},
        ErrorCase{"a < b < c", "comparisons do not chain; join them with 'and'", 6, 7},
        ErrorCase{"a @ b", "unexpected character '@'", 2, 3},
        ErrorCase{"é = 1", "unexpected character 'é'", 0, 1},
        ErrorCase{"\"é\" = é", "unexpected character 'é'", 7, 7},
        ErrorCase{"!a", "unexpected character '!' (use 'not' or '!=')", 0, 1},
        ErrorCase{"'abc", "unterminated string", 0, 1},
        ErrorCase{"'a\\qb'", "unknown escape '\\q' in string (use \\\", \\', \\\\, \\n or \\t)", 2, 3},
        ErrorCase{"9223372036854775808", "integer literal out of range (64-bit)", 0, 1},
        ErrorCase{"-9223372036854775809", "integer literal out of range (64-bit)", 1, 2},
        ErrorCase{"12abc", "malformed number '12a'", 2, 3},
        ErrorCase{"1e+", "malformed number: expected digits after the exponent", 1, 2},
        ErrorCase{"outer", "expected '.' and a field name after 'outer'", 5, 6},
        ErrorCase{"a.", "expected a name after '.', found end of formula", 2, 3},
        ErrorCase{"a.1", "expected an operator or the end of the formula, found number .1", 1, 2},
        ErrorCase{"a =\n  and", "expected a value, found 'and'", 6, 3}));

TEST(ParserLimitsTest, DeepParenthesesGiveADiagnostic) {
  const std::string text = std::string(10000, '(') + "1" + std::string(10000, ')');
  Diagnostics d;
  EXPECT_FALSE(ParseFormula(text, &d).has_value());
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].message, "formula is nested more than 256 deep");
}

TEST(ParserLimitsTest, DeepPrefixAndChainsGiveADiagnostic) {
  for (const std::string& text :
       {[] {
          std::string s;
          for (int i = 0; i < 10000; ++i) s += "not ";
          return s + "a";
        }(),
        std::string(10000, '-') + "a",
        [] {
          std::string s = "a";
          for (int i = 0; i < 10000; ++i) s += "+a";
          return s;
        }(),
        [] {
          std::string s;
          for (int i = 0; i < 10000; ++i) s += "f(";
          return s + "1" + std::string(10000, ')');
        }()}) {
    Diagnostics d;
    EXPECT_FALSE(ParseFormula(text, &d).has_value()) << text.substr(0, 20);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].message, "formula is nested more than 256 deep");
  }
}

TEST(ParserLimitsTest, NestingUpToTheLimitParses) {
  const std::string text = std::string(200, '(') + "1" + std::string(200, ')');
  Diagnostics d;
  EXPECT_TRUE(ParseFormula(text, &d).has_value());
  std::string chain = "a";
  for (int i = 0; i < 200; ++i) chain += " + a";
  EXPECT_TRUE(ParseFormula(chain, &d).has_value());
  std::string ors = "a";
  for (int i = 0; i < 5000; ++i) ors += " or a";  // one n-ary node
  EXPECT_TRUE(ParseFormula(ors, &d).has_value());
  EXPECT_TRUE(d.empty());
}

TEST(ParserLimitsTest, OneMegabyteLiteralGivesADiagnostic) {
  const std::string text = "x = \"" + std::string(1 << 20, 'a') + "\"";
  Diagnostics d;
  EXPECT_FALSE(ParseFormula(text, &d).has_value());
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].message, "formula is 1048582 bytes long, more than the limit of 65536");
  EXPECT_EQ(d[0].offset, 0);
}

TEST(ParserTest, NodesCarrySourceRanges) {
  Diagnostics d;
  std::optional<Ast> ast = ParseFormula("a = f(b, -1)", &d);
  ASSERT_TRUE(ast.has_value());
  const Node& root = ast->node(ast->root);
  EXPECT_EQ(root.begin, 0);
  EXPECT_EQ(root.end, 12);
  const Node& call = ast->node(root.children[1]);
  EXPECT_EQ(call.begin, 4);
  EXPECT_EQ(call.end, 12);
  const Node& minus_one = ast->node(call.children[1]);
  EXPECT_EQ(minus_one.begin, 9);
  EXPECT_EQ(minus_one.end, 11);
}

}  // namespace
}  // namespace internal
}  // namespace ctind
