// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Table-driven checker tests: every diagnostic kind with its exact message
// and byte offset, and the types of well-formed formulas.

#include "formula/checker.h"

#include <ostream>
#include <string>
#include <vector>

#include "formula/formula.h"
#include "formula/parser.h"
#include "formula/test_schema.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ctind {
namespace internal {
namespace {

using testing_schema::Rep;
using testing_schema::TestSchema;

struct Problem {
  std::string message;
  int64_t offset;
};

struct ErrorCase {
  std::string formula;
  std::string table;
  RequiredType required;
  std::vector<Problem> problems;
};

// Print cases by their formula, not their bytes (test names stay readable).
void PrintTo(const ErrorCase& c, std::ostream* os) { *os << c.formula; }

class CheckerErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(CheckerErrorTest, Reports) {
  static const Schema* schema = new Schema(TestSchema());
  const ErrorCase& c = GetParam();
  Diagnostics d;
  absl::StatusOr<CompiledFormula> f = CompileFormula(c.formula, Rep(*schema), c.table, c.required, &d);
  EXPECT_EQ(f.status().code(), absl::StatusCode::kInvalidArgument) << c.formula;
  ASSERT_EQ(d.size(), c.problems.size()) << c.formula << "\n" << (d.empty() ? "" : d[0].message);
  for (size_t i = 0; i < d.size(); ++i) {
    EXPECT_EQ(d[i].message, c.problems[i].message) << c.formula;
    EXPECT_EQ(d[i].offset, c.problems[i].offset) << c.formula << ": " << d[i].message;
    EXPECT_EQ(d[i].severity, Severity::kError);
  }
  if (!d.empty()) {
    EXPECT_THAT(std::string(f.status().message()), ::testing::HasSubstr(d[0].message));
  }
}

constexpr RequiredType kAny = RequiredType::kAny;
constexpr RequiredType kBool = RequiredType::kBool;

INSTANTIATE_TEST_SUITE_P(
    Diagnostics, CheckerErrorTest,
    ::testing::Values(
        ErrorCase{"prs_Gendr = \"Feminine\"", "victims", kBool,
                  {{"unknown field 'prs_Gendr' in table 'victims'; did you mean 'prs_Gender'?", 0}}},
        ErrorCase{"prs_Gender = \"Femenine\"", "victims", kBool,
                  {{"'Femenine' is not a code of list 'gender'; did you mean 'Feminine'?", 13}}},
        ErrorCase{"\"Femenine\" != prs_Gender", "victims", kBool,
                  {{"'Femenine' is not a code of list 'gender'; did you mean 'Feminine'?", 0}}},
        ErrorCase{"prs_Gender in [\"Feminine\", \"Masculin\"]", "victims", kBool,
                  {{"'Masculin' is not a code of list 'gender'; did you mean 'Masculine'?", 27}}},
        ErrorCase{"has(forms, \"ForcedLabor\")", "victims", kBool,
                  {{"'ForcedLabor' is not a code of list 'forms'; did you mean 'ForcedLabour'?", 11}}},
        ErrorCase{"days_between(identified_on) <= 30", "victims", kBool,
                  {{"function 'days_between' takes 2 arguments, got 1", 0}}},
        ErrorCase{"year(identified_on, 1) = 2025", "victims", kBool,
                  {{"function 'year' takes 1 argument, got 2", 0}}},
        ErrorCase{"coalesce()", "victims", kAny,
                  {{"function 'coalesce' takes at least 1 argument, got 0", 0}}},
        ErrorCase{"dayz_between(identified_on, first_service_on)", "victims", kAny,
                  {{"unknown function 'dayz_between'; did you mean 'days_between'?", 0}}},
        ErrorCase{"age", "victims", kBool, {{"a filter must be bool, this formula is int", 0}}},
        ErrorCase{"identified_on", "victims", RequiredType::kNumeric,
                  {{"a value must be int or double, this formula is date", 0}}},
        ErrorCase{"age + 1", "victims", RequiredType::kDate,
                  {{"a date formula must be date, this formula is int", 0}}},
        ErrorCase{"age", "victims", RequiredType::kCategory,
                  {{"a dimension must be a category, this formula is int", 0}}},
        ErrorCase{"days_between(age, identified_on) > 1", "victims", kBool,
                  {{"argument 1 of 'days_between' must be date, got int", 13}}},
        ErrorCase{"add_days(identified_on, 1.5)", "victims", kAny,
                  {{"argument 2 of 'add_days' must be int, got double", 24}}},
        ErrorCase{"age and consent", "victims", kBool, {{"'and' needs bool operands, got int", 0}}},
        ErrorCase{"consent or nick", "victims", kBool, {{"'or' needs bool operands, got string", 11}}},
        ErrorCase{"not age", "victims", kBool, {{"'not' needs bool operands, got int", 4}}},
        ErrorCase{"-nick", "victims", kAny, {{"cannot negate string", 0}}},
        ErrorCase{"age + nick", "victims", kAny, {{"cannot apply '+' to int and string", 0}}},
        ErrorCase{"identified_on + identified_on", "victims", kAny,
                  {{"cannot apply '+' to date and date", 0}}},
        ErrorCase{"identified_on - first_service_on", "victims", kAny,
                  {{"cannot subtract a date from a date; use days_between(a, b)", 0}}},
        ErrorCase{"score % 2", "victims", kAny, {{"'%' takes ints, got double and int", 0}}},
        ErrorCase{"age = identified_on", "victims", kBool, {{"'=' cannot compare int with date", 0}}},
        ErrorCase{"consent < true", "victims", kBool, {{"'<' cannot order bools; use = or !=", 0}}},
        ErrorCase{"prs_Gender < \"Feminine\"", "victims", kBool,
                  {{"'<' cannot order categories (code lists have no order); use =, != or in", 0}}},
        ErrorCase{"prs_Gender = nick", "victims", kBool,
                  {{"a category compares with a string literal (a code of list 'gender') or a "
                    "category of the same list, not with string",
                    13}}},
        ErrorCase{"forms = \"Other\"", "victims", kBool,
                  {{"a category set (multi-valued field) is tested with has(field, \"code\")", 0}}},
        ErrorCase{"forms in [\"Other\"]", "victims", kBool,
                  {{"a category set (multi-valued field) is tested with has(field, \"code\")", 0}}},
        ErrorCase{"age in [1, nick]", "victims", kBool,
                  {{"the list of 'in' holds literals (numbers, strings, bools, dates)", 11}}},
        ErrorCase{"age in [1, null]", "victims", kBool,
                  {{"null cannot be in the list of 'in'; use is_missing(…)", 11}}},
        ErrorCase{"age in [1, \"x\"]", "victims", kBool, {{"'in' cannot compare int with string", 0}}},
        ErrorCase{"identified_on between 1 and 2", "victims", kBool,
                  {{"'between' cannot compare date with int", 0}}},
        ErrorCase{"has(age, \"x\")", "victims", kBool,
                  {{"argument 1 of 'has' must be a category or category set, got int", 4}}},
        ErrorCase{"has(forms, nick)", "victims", kBool,
                  {{"argument 2 of 'has' must be a string literal (a code of list 'forms')", 11}}},
        ErrorCase{"date(\"2025-02-30\") < identified_on", "victims", kBool,
                  {{"'2025-02-30' is not a valid date; write date(\"YYYY-MM-DD\")", 5}}},
        ErrorCase{"date(nick)", "victims", kAny, {{"date() takes a string literal \"YYYY-MM-DD\"", 5}}},
        ErrorCase{"if(age, 1, 2)", "victims", kAny, {{"argument 1 of 'if' must be bool, got int", 3}}},
        ErrorCase{"if(consent, 1, identified_on)", "victims", kAny,
                  {{"the arguments of 'if' must have one type, got int and date", 15}}},
        ErrorCase{"coalesce(prs_Gender, \"Unknwn\")", "victims", kAny,
                  {{"'Unknwn' is not a code of list 'gender'", 21}}},
        ErrorCase{"coalesce(forms, forms)", "victims", kAny,
                  {{"'coalesce' cannot choose between category sets", 9}}},
        ErrorCase{"outer.age > 1", "victims", kBool,
                  {{"'outer' can be used only inside the 'where' of an aggregate", 0}}},
        ErrorCase{"is_missing(age where consent)", "victims", kBool,
                  {{"'where' filters the linked records of count, exists, min, max or sum, e.g. "
                    "count(services where …)",
                    21}}},
        // Several problems in one pass.
        ErrorCase{"prs_Gendr = \"F\" and days_between(identified_on) > 1 and nick2 = \"x\"", "victims",
                  kBool,
                  {{"unknown field 'prs_Gendr' in table 'victims'; did you mean 'prs_Gender'?", 0},
                   {"function 'days_between' takes 2 arguments, got 1", 20},
                   {"unknown field 'nick2' in table 'victims'; did you mean 'nick'?", 56}}},
        // Links.
        ErrorCase{"cas.opened_on > date(\"2025-01-01\")", "services", kBool,
                  {{"unknown link 'cas' in table 'services'; did you mean 'case'?", 0}}},
        ErrorCase{"case.persn.prs_Gender = \"F\"", "services", kBool,
                  {{"unknown link 'persn' in table 'cases'; did you mean 'person'?", 5}}},
        ErrorCase{"case.person.prs_Gendr = \"F\"", "services", kBool,
                  {{"unknown field 'prs_Gendr' in table 'persons'; did you mean 'prs_Gender'?", 12}}},
        ErrorCase{"case_id.x = 1", "services", kBool,
                  {{"'case_id' is a field of table 'services', not a link", 0}}},
        ErrorCase{"case = 1", "services", kBool,
                  {{"'case' is a link of table 'services'; name a field of the linked record, e.g. "
                    "case.field",
                    0}}},
        ErrorCase{"services > 1", "cases", kBool,
                  {{"'services' are records linked to table 'cases'; aggregate them, e.g. "
                    "count(services)",
                    0}}},
        // Aggregates.
        ErrorCase{"count(servics) > 0", "cases", kBool,
                  {{"unknown linked records 'servics' of table 'cases'; did you mean 'services'?", 6}}},
        ErrorCase{"count(services.cost) > 0", "cases", kBool,
                  {{"'count' takes linked records, not a field: write count(services) or "
                    "count(services where …)",
                    15}}},
        ErrorCase{"sum(services) > 0", "cases", kBool,
                  {{"'sum' needs a field of the linked records, e.g. sum(services.service_id)", 12}}},
        ErrorCase{"sum(services.provided_on) > 0", "cases", kBool,
                  {{"'sum' needs an int or double field, 'provided_on' is date", 4}}},
        ErrorCase{"min(services.service_type) > 0", "cases", kBool,
                  {{"'min' needs an int, double or date field, 'service_type' is category", 4}}},
        ErrorCase{"max(services.cst) > 0", "cases", kBool,
                  {{"unknown field 'cst' in table 'services'; did you mean 'cost'?", 13}}},
        ErrorCase{"count(age) > 0", "cases", kBool,
                  {{"unknown linked records 'age' of table 'cases'", 6}}},
        ErrorCase{"count(1) > 0", "cases", kBool,
                  {{"the argument of 'count' names linked records, e.g. count(services)", 6}}},
        ErrorCase{"exists(services where service_type = \"Medicl\")", "cases", kBool,
                  {{"'Medicl' is not a code of list 'service_type'; did you mean 'Medical'?", 37}}},
        ErrorCase{"exists(services where cost)", "cases", kBool,
                  {{"'where' needs bool operands, got double", 22}}},
        ErrorCase{"exists(services where provided_on > outer.opend_on)", "cases", kBool,
                  {{"unknown field 'opend_on' in table 'cases'; did you mean 'opened_on'?", 42}}},
        ErrorCase{"exists(person.cases where opened_on > outer.closed_on) and count(person.casez) > 1",
                  "cases", kBool,
                  {{"unknown linked records 'casez' of table 'persons'; did you mean 'cases'?", 72}}},
        ErrorCase{"age > 1", "victimz", kBool,
                  {{"unknown table 'victimz'; did you mean 'victims'?", 0}}}));

struct TypeCase {
  std::string formula;
  std::string table;
  ValueType type;
};

void PrintTo(const TypeCase& c, std::ostream* os) { *os << c.formula; }

class CheckerTypeTest : public ::testing::TestWithParam<TypeCase> {};

TEST_P(CheckerTypeTest, Types) {
  static const Schema* schema = new Schema(TestSchema());
  const TypeCase& c = GetParam();
  Diagnostics d;
  absl::StatusOr<CompiledFormula> f = CompileFormula(c.formula, Rep(*schema), c.table, kAny, &d);
  ASSERT_TRUE(f.ok()) << c.formula << ": " << f.status();
  EXPECT_EQ(f->type(), c.type) << c.formula << " is " << TypeName(f->type());
}

INSTANTIATE_TEST_SUITE_P(
    Types, CheckerTypeTest,
    ::testing::Values(
        TypeCase{"1", "victims", ValueType::kInt},
        TypeCase{"1 + 2.5", "victims", ValueType::kDouble},
        TypeCase{"age / 2", "victims", ValueType::kDouble},
        TypeCase{"age % 2", "victims", ValueType::kInt},
        TypeCase{"age * 2", "victims", ValueType::kInt},
        TypeCase{"identified_on + 1", "victims", ValueType::kDate},
        TypeCase{"1 + identified_on", "victims", ValueType::kDate},
        TypeCase{"identified_on - 1", "victims", ValueType::kDate},
        TypeCase{"null", "victims", ValueType::kNull},
        TypeCase{"age + null", "victims", ValueType::kInt},
        TypeCase{"prs_Gender", "victims", ValueType::kCategory},
        TypeCase{"forms", "victims", ValueType::kCategorySet},
        TypeCase{"nick", "victims", ValueType::kString},
        TypeCase{"coalesce(prs_Gender, \"F\")", "victims", ValueType::kCategory},
        TypeCase{"coalesce(age, score)", "victims", ValueType::kDouble},
        TypeCase{"coalesce(null, age)", "victims", ValueType::kInt},
        TypeCase{"if(consent, nick, town)", "victims", ValueType::kString},
        TypeCase{"is_missing(forms)", "victims", ValueType::kBool},
        TypeCase{"has(prs_Gender, \"M\")", "victims", ValueType::kBool},
        TypeCase{"age_at(date(\"2000-01-01\"), identified_on)", "victims", ValueType::kInt},
        TypeCase{"quarter(identified_on)", "victims", ValueType::kInt},
        TypeCase{"add_months(identified_on, 1)", "victims", ValueType::kDate},
        TypeCase{"case.person.prs_Gender", "services", ValueType::kCategory},
        TypeCase{"count(services)", "cases", ValueType::kInt},
        TypeCase{"exists(services)", "cases", ValueType::kBool},
        TypeCase{"sum(services.cost)", "cases", ValueType::kDouble},
        TypeCase{"sum(services.units)", "cases", ValueType::kInt},
        TypeCase{"min(services.provided_on where units > 1)", "cases", ValueType::kDate},
        TypeCase{"count(person.cases where opened_on > outer.closed_on)", "cases", ValueType::kInt},
        TypeCase{"count(cases where count(services where cost > outer.budget) > 0)", "persons",
                 ValueType::kInt},
        TypeCase{"age between 1 and score", "victims", ValueType::kBool}));

TEST(CheckerTest, ComparingWithNullWarns) {
  const Schema schema = TestSchema();
  Diagnostics d;
  absl::StatusOr<CompiledFormula> f =
      CompileFormula("age = null", Rep(schema), "victims", kBool, &d);
  ASSERT_TRUE(f.ok()) << f.status();
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].severity, Severity::kWarning);
  EXPECT_EQ(d[0].message, "a comparison with null is always missing; use is_missing(…)");
}

TEST(CheckerTest, ColumnsCountCodePointsOnTheLine) {
  const Schema schema = TestSchema();
  Diagnostics d;
  // "é" is two bytes: the unknown field starts at byte 15, column 14.
  absl::StatusOr<CompiledFormula> f =
      CompileFormula("nick = \"é\" and\n  agee > 1", Rep(schema), "victims", kBool, &d);
  EXPECT_FALSE(f.ok());
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].offset, 18);
  EXPECT_EQ(d[0].column, 3);
  d.clear();
  f = CompileFormula("nick = \"é\" and agee > 1", Rep(schema), "victims", kBool, &d);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].offset, 16);
  EXPECT_EQ(d[0].column, 16);
}

}  // namespace
}  // namespace internal
}  // namespace ctind
