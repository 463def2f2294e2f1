// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Evaluation over small hand-built datasets: every operator and function,
// three-valued logic, missing and invalid values, linked tables, the
// as-of cut-off, errors, and the shared month and age vectors.

#include "formula/evaluator.h"

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "formula/formula.h"
#include "formula/test_schema.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ctind {
namespace internal {
namespace {

using ::testing::HasSubstr;
using testing_schema::LoadDataset;
using testing_schema::Rep;
using testing_schema::TestSchema;

// Row by row: "null" for missing, else the value as written in a formula
// (dates ISO, categories by code, sets as {a,b}).
std::string Render(const Vector& v, int64_t r) {
  if (!v.present[r]) return "null";
  switch (v.type) {
    case ValueType::kNull: return "null";
    case ValueType::kBool: return v.int32s[r] ? "true" : "false";
    case ValueType::kInt: return absl::StrCat(v.ints[r]);
    case ValueType::kDouble: return absl::StrCat(v.doubles[r]);
    case ValueType::kDate: return Date::FromDayNumber(v.int32s[r]).ToIsoString();
    case ValueType::kString: return (*v.dictionary)[v.int32s[r]];
    case ValueType::kCategory: return v.code_list->codes(v.int32s[r]).value();
    case ValueType::kCategorySet: {
      std::vector<std::string> codes;
      for (uint32_t k = v.offsets[r]; k < v.offsets[r + 1]; ++k) {
        codes.push_back(v.code_list->codes(v.codes[k]).value());
      }
      return absl::StrCat("{", absl::StrJoin(codes, ","), "}");
    }
  }
  return "?";
}

std::string RenderAll(const Vector& v) {
  std::vector<std::string> out;
  for (int64_t r = 0; r < v.size; ++r) out.push_back(Render(v, r));
  return absl::StrJoin(out, "|");
}

constexpr char kVictims[] =
    "record_id,prs_Gender,identified_on,first_service_on,forms,age,score,consent,nick,town\n"
    "V1,Feminine,2025-01-10,2025-01-20,ForcedLabour,30,1.5,true,ann,Lima\n"
    "V2,Masculine,2025-02-01,2025-04-01,SexualExploitation;ForcedLabour,17,-2,false,bob,Quito\n"
    "V3,,2025-03-01,,,,,,,\n"
    "V4,F,2024-12-31,2025-01-01,Other,0,0,true,ann,Lima\n"
    "V5,Bogus,2025-02-30,2025-05-05,Other,x,y,maybe,cy,Lima\n";

constexpr char kPersons[] =
    "person_id,prs_Gender,birth_date\n"
    "P1,Feminine,2000-02-29\n"
    "P2,Masculine,1990-06-15\n"
    "P3,,\n";
constexpr char kCases[] =
    "case_id,person_id,opened_on,closed_on,forms,budget\n"
    "C1,P1,2024-01-10,2024-03-31,ForcedLabour,100\n"
    "C2,P1,2024-12-01,,SexualExploitation,50\n"
    "C3,P2,2023-01-01,2023-02-01,,\n"
    "C4,P9,2025-01-01,,,\n"
    "C5,P1,2026-01-01,,,\n"
    "C6,,2025-01-05,,,\n";
constexpr char kServices[] =
    "service_id,case_id,provided_on,service_type,cost,units\n"
    "S1,C1,2024-01-15,Medical,10.5,1\n"
    "S2,C1,2024-02-01,Legal,20,2\n"
    "S3,C1,2025-07-01,Medical,5,3\n"
    "S4,C2,2024-12-05,Shelter,,4\n"
    "S5,C3,,Medical,1,5\n"
    "S6,C99,2024-01-01,Medical,1,1\n"
    "S7,,2024-01-01,Legal,1,1\n";

struct Fixture {
  Schema schema = TestSchema();
  Dataset dataset = LoadDataset(schema, {{"victims", kVictims},
                                         {"persons", kPersons},
                                         {"cases", kCases},
                                         {"services", kServices},
                                         {"pairs",
                                          "a,b,n,x,y\n"
                                          ",,,true,true\n,,,true,false\n,,,true,\n"
                                          ",,,false,true\n,,,false,false\n,,,false,\n"
                                          ",,,,true\n,,,,false\n,,,,\n"}});
};

const Fixture& Shared() {
  static const Fixture* f = new Fixture();
  return *f;
}

absl::StatusOr<Vector> EvalOn(const Fixture& f, const std::string& formula, const std::string& table,
                           const char* as_of = "2025-06-30") {
  Diagnostics d;
  absl::StatusOr<CompiledFormula> c =
      CompileFormula(formula, Rep(f.schema), table, RequiredType::kAny, &d);
  if (!c.ok()) return c.status();
  EvalContext context(DatasetAccess::Rep(f.dataset), *Date::ParseIso(as_of));
  return c->Evaluate(context);
}

struct EvalCase {
  std::string formula;
  std::string table;
  std::string expected;
};

// Print cases by their formula, not their bytes (test names stay readable).
void PrintTo(const EvalCase& c, std::ostream* os) { *os << c.formula; }

class EvaluatorTest : public ::testing::TestWithParam<EvalCase> {};

TEST_P(EvaluatorTest, Evaluates) {
  const EvalCase& c = GetParam();
  absl::StatusOr<Vector> v = EvalOn(Shared(), c.formula, c.table);
  ASSERT_TRUE(v.ok()) << c.formula << ": " << v.status();
  EXPECT_EQ(RenderAll(*v), c.expected) << c.formula;
}

INSTANTIATE_TEST_SUITE_P(
    Victims, EvaluatorTest,
    ::testing::Values(
        // Fields; V5's values are invalid and behave as missing.
        EvalCase{"age", "victims", "30|17|null|0|null"},
        EvalCase{"score", "victims", "1.5|-2|null|0|null"},
        EvalCase{"prs_Gender", "victims", "Feminine|Masculine|null|Feminine|null"},
        EvalCase{"forms", "victims",
                 "{ForcedLabour}|{ForcedLabour,SexualExploitation}|null|{Other}|{Other}"},
        EvalCase{"consent", "victims", "true|false|null|true|null"},
        EvalCase{"nick", "victims", "ann|bob|null|ann|cy"},
        EvalCase{"identified_on", "victims", "2025-01-10|2025-02-01|2025-03-01|2024-12-31|null"},
        // Arithmetic.
        EvalCase{"age + 1", "victims", "31|18|null|1|null"},
        EvalCase{"age - 40", "victims", "-10|-23|null|-40|null"},
        EvalCase{"age * 2", "victims", "60|34|null|0|null"},
        EvalCase{"age / 4", "victims", "7.5|4.25|null|0|null"},
        EvalCase{"10 / age", "victims", "0.333333|0.588235|null|null|null"},
        EvalCase{"age % 7", "victims", "2|3|null|0|null"},
        EvalCase{"7 % age", "victims", "7|7|null|null|null"},
        EvalCase{"-7 % 3", "victims", "-1|-1|-1|-1|-1"},
        EvalCase{"age + score", "victims", "31.5|15|null|0|null"},
        EvalCase{"score * 2 - 1", "victims", "2|-5|null|-1|null"},
        EvalCase{"-age", "victims", "-30|-17|null|0|null"},
        EvalCase{"1 / 0", "victims", "null|null|null|null|null"},
        EvalCase{"score / 0", "victims", "null|null|null|null|null"},
        EvalCase{"age + null", "victims", "null|null|null|null|null"},
        EvalCase{"1e308 * 10", "victims", "null|null|null|null|null"},
        // Comparisons.
        EvalCase{"age > 17", "victims", "true|false|null|false|null"},
        EvalCase{"age >= 17", "victims", "true|true|null|false|null"},
        EvalCase{"age < 17", "victims", "false|false|null|true|null"},
        EvalCase{"age <= 17", "victims", "false|true|null|true|null"},
        EvalCase{"age = 17", "victims", "false|true|null|false|null"},
        EvalCase{"age != 17", "victims", "true|false|null|true|null"},
        EvalCase{"score = age", "victims", "false|false|null|true|null"},
        EvalCase{"score < 1.5", "victims", "false|true|null|true|null"},
        EvalCase{"prs_Gender = \"F\"", "victims", "true|false|null|true|null"},
        EvalCase{"\"Masculine\" <> prs_Gender", "victims", "true|false|null|true|null"},
        EvalCase{"prs_Gender in [\"Masculine\", \"NonBinary\"]", "victims", "false|true|null|false|null"},
        EvalCase{"prs_Gender not in [\"Masculine\"]", "victims", "true|false|null|true|null"},
        EvalCase{"has(forms, \"ForcedLabour\")", "victims", "true|true|null|false|false"},
        EvalCase{"has(prs_Gender, \"Feminine\")", "victims", "true|false|null|true|null"},
        EvalCase{"nick = \"ann\"", "victims", "true|false|null|true|false"},
        EvalCase{"nick = \"zed\"", "victims", "false|false|null|false|false"},
        EvalCase{"nick != \"zed\"", "victims", "true|true|null|true|true"},
        EvalCase{"nick < \"b\"", "victims", "true|false|null|true|false"},
        EvalCase{"nick >= \"bob\"", "victims", "false|true|null|false|true"},
        EvalCase{"nick = town", "victims", "false|false|null|false|false"},
        EvalCase{"nick > town", "victims", "true|true|null|true|true"},
        EvalCase{"nick = nick", "victims", "true|true|null|true|true"},
        EvalCase{"nick < nick", "victims", "false|false|null|false|false"},
        EvalCase{"\"ann\" = \"ann\"", "victims", "true|true|true|true|true"},
        EvalCase{"nick in [\"bob\", \"cy\"]", "victims", "false|true|null|false|true"},
        EvalCase{"age in [0, 17]", "victims", "false|true|null|true|null"},
        EvalCase{"age in [1.5, 30]", "victims", "true|false|null|false|null"},
        EvalCase{"score in [1.5]", "victims", "true|false|null|false|null"},
        EvalCase{"age in []", "victims", "false|false|null|false|null"},
        EvalCase{"identified_on in [date(\"2025-03-01\"), date(\"2024-12-31\")]", "victims",
                 "false|false|true|true|null"},
        EvalCase{"consent in [false]", "victims", "false|true|null|false|null"},
        EvalCase{"consent = true", "victims", "true|false|null|true|null"},
        EvalCase{"consent != false", "victims", "true|false|null|true|null"},
        EvalCase{"identified_on < date(\"2025-02-01\")", "victims", "true|false|false|true|null"},
        EvalCase{"age between 17 and 30", "victims", "true|true|null|false|null"},
        EvalCase{"age not between 17 and 29", "victims", "true|false|null|true|null"},
        EvalCase{"age = null", "victims", "null|null|null|null|null"},
        // Logic.
        EvalCase{"not consent", "victims", "false|true|null|false|null"},
        EvalCase{"consent and age > 20", "victims", "true|false|null|false|null"},
        EvalCase{"consent or age > 20", "victims", "true|false|null|true|null"},
        EvalCase{"false and null", "victims", "false|false|false|false|false"},
        EvalCase{"true or null", "victims", "true|true|true|true|true"},
        EvalCase{"true and null", "victims", "null|null|null|null|null"},
        EvalCase{"null", "victims", "null|null|null|null|null"},
        // Dates.
        EvalCase{"identified_on + 30", "victims", "2025-02-09|2025-03-03|2025-03-31|2025-01-30|null"},
        EvalCase{"30 + identified_on", "victims", "2025-02-09|2025-03-03|2025-03-31|2025-01-30|null"},
        EvalCase{"identified_on - 10", "victims", "2024-12-31|2025-01-22|2025-02-19|2024-12-21|null"},
        EvalCase{"identified_on + 99999999", "victims", "null|null|null|null|null"},
        EvalCase{"days_between(identified_on, first_service_on)", "victims", "10|59|null|1|null"},
        EvalCase{"days_between(first_service_on, identified_on)", "victims", "-10|-59|null|-1|null"},
        EvalCase{"months_between(identified_on, first_service_on)", "victims", "0|2|null|0|null"},
        EvalCase{"years_between(date(\"2000-06-15\"), identified_on)", "victims", "24|24|24|24|null"},
        EvalCase{"age_at(date(\"2000-01-10\"), identified_on)", "victims", "25|25|25|24|null"},
        EvalCase{"age_at(identified_on, date(\"2025-01-01\"))", "victims", "null|null|null|0|null"},
        EvalCase{"year(identified_on)", "victims", "2025|2025|2025|2024|null"},
        EvalCase{"quarter(identified_on)", "victims", "1|1|1|4|null"},
        EvalCase{"month(identified_on)", "victims", "1|2|3|12|null"},
        EvalCase{"add_days(identified_on, age)", "victims", "2025-02-09|2025-02-18|null|2024-12-31|null"},
        EvalCase{"add_months(identified_on, 1)", "victims", "2025-02-10|2025-03-01|2025-04-01|2025-01-31|null"},
        EvalCase{"add_months(identified_on, 99999999999)", "victims", "null|null|null|null|null"},
        EvalCase{"date(\"2025-01-01\")", "victims", "2025-01-01|2025-01-01|2025-01-01|2025-01-01|2025-01-01"},
        // Missing-aware functions.
        EvalCase{"is_missing(age)", "victims", "false|false|true|false|true"},
        EvalCase{"is_missing(forms)", "victims", "false|false|true|false|false"},
        EvalCase{"is_missing(null)", "victims", "true|true|true|true|true"},
        EvalCase{"coalesce(age, 99)", "victims", "30|17|99|0|99"},
        EvalCase{"coalesce(null, age)", "victims", "30|17|null|0|null"},
        EvalCase{"coalesce(prs_Gender, \"NonBinary\")", "victims",
                 "Feminine|Masculine|NonBinary|Feminine|NonBinary"},
        EvalCase{"coalesce(nick, town, \"none\")", "victims", "ann|bob|none|ann|cy"},
        EvalCase{"coalesce(score, age, 5)", "victims", "1.5|-2|5|0|5"},
        EvalCase{"if(consent, nick, town)", "victims", "ann|Quito|null|ann|Lima"},
        EvalCase{"if(age > 20, \"old\", \"young\")", "victims", "old|young|young|young|young"},
        EvalCase{"if(age > 20, prs_Gender, \"NonBinary\")", "victims",
                 "Feminine|NonBinary|NonBinary|NonBinary|NonBinary"},
        EvalCase{"if(true, 1, 2.5)", "victims", "1|1|1|1|1"},
        EvalCase{"if(null, 1, 2)", "victims", "2|2|2|2|2"}));

INSTANTIATE_TEST_SUITE_P(
    TruthTables, EvaluatorTest,
    ::testing::Values(
        // Rows: x,y = TT TF TN FT FF FN NT NF NN.
        EvalCase{"x and y", "pairs", "true|false|null|false|false|false|null|false|null"},
        EvalCase{"x or y", "pairs", "true|true|true|true|false|null|true|null|null"},
        EvalCase{"not x", "pairs", "false|false|false|true|true|true|null|null|null"},
        EvalCase{"x = y", "pairs", "true|false|null|false|true|null|null|null|null"},
        EvalCase{"x and y and x", "pairs", "true|false|null|false|false|false|null|false|null"},
        EvalCase{"x or y or false", "pairs", "true|true|true|true|false|null|true|null|null"},
        EvalCase{"is_missing(x and y)", "pairs", "false|false|true|false|false|false|true|false|true"},
        EvalCase{"if(x, 1, 2)", "pairs", "1|1|1|2|2|2|2|2|2"},
        EvalCase{"coalesce(x, y)", "pairs", "true|true|true|false|false|false|true|false|null"}));

INSTANTIATE_TEST_SUITE_P(
    Links, EvaluatorTest,
    ::testing::Values(
        // Parent fields, depth 1 and 2; a missing or unknown parent gives missing.
        EvalCase{"case.opened_on", "services",
                 "2024-01-10|2024-01-10|2024-01-10|2024-12-01|2023-01-01|null|null"},
        EvalCase{"case.person.prs_Gender", "services",
                 "Feminine|Feminine|Feminine|Feminine|Masculine|null|null"},
        EvalCase{"case.person.prs_Gender = \"F\"", "services", "true|true|true|true|false|null|null"},
        EvalCase{"days_between(case.opened_on, provided_on)", "services", "5|22|538|4|null|null|null"},
        EvalCase{"age_at(case.person.birth_date, provided_on)", "services", "23|23|25|24|null|null|null"},
        EvalCase{"person.prs_Gender", "cases", "Feminine|Feminine|Masculine|null|Feminine|null"},
        // Child aggregates; S3 is dated after the as-of date, S5 has no date (kept).
        EvalCase{"count(services)", "cases", "2|1|1|0|0|0"},
        EvalCase{"count(services where service_type = \"Medical\")", "cases", "1|0|1|0|0|0"},
        EvalCase{"exists(services where provided_on <= add_days(outer.opened_on, 10))", "cases",
                 "true|true|false|false|false|false"},
        EvalCase{"exists(services where false)", "cases", "false|false|false|false|false|false"},
        EvalCase{"sum(services.cost)", "cases", "30.5|0|1|0|0|0"},
        EvalCase{"sum(services.units)", "cases", "3|4|5|0|0|0"},
        EvalCase{"sum(services.units where units > outer.budget / 50)", "cases", "0|4|0|0|0|0"},
        EvalCase{"min(services.provided_on)", "cases", "2024-01-15|2024-12-05|null|null|null|null"},
        EvalCase{"max(services.provided_on)", "cases", "2024-02-01|2024-12-05|null|null|null|null"},
        EvalCase{"max(services.provided_on where service_type = \"Legal\")", "cases",
                 "2024-02-01|null|null|null|null|null"},
        EvalCase{"min(services.cost)", "cases", "10.5|null|1|null|null|null"},
        EvalCase{"max(services.units where units < 5)", "cases", "2|4|null|null|null|null"},
        // Siblings through the parent: this case included; C5 is after the as-of date.
        EvalCase{"count(person.cases)", "cases", "2|2|1|null|2|null"},
        EvalCase{"exists(person.cases where opened_on > outer.closed_on "
                 "and opened_on <= add_months(outer.closed_on, 12))",
                 "cases", "true|false|false|null|false|null"},
        EvalCase{"count(cases)", "persons", "2|1|0"},
        EvalCase{"sum(cases.budget)", "persons", "150|0|0"},
        EvalCase{"count(cases where count(services where cost > 5) > 0)", "persons", "1|0|0"},
        EvalCase{"count(cases where count(services where units > outer.budget / 50) > 0)", "persons",
                 "1|0|0"},
        EvalCase{"count(services where case.person.prs_Gender = \"F\")", "cases", "2|1|0|0|0|0"}));

TEST(EvaluatorErrorTest, IntegerOverflowIsAnErrorNamingTheFormula) {
  for (const char* formula : {"age * 9223372036854775807", "age + 9223372036854775807",
                              "-age - 9223372036854775807", "-(-9223372036854775808 + age * 0)",
                              "sum(services.units) * 9223372036854775807"}) {
    const std::string table = std::string(formula).find("services") != std::string::npos ? "cases" : "victims";
    absl::StatusOr<Vector> v = EvalOn(Shared(), formula, table);
    EXPECT_EQ(v.status().code(), absl::StatusCode::kOutOfRange) << formula;
    EXPECT_THAT(std::string(v.status().message()), HasSubstr("integer overflow in '")) << formula;
    EXPECT_THAT(std::string(v.status().message()), HasSubstr(absl::StrCat("of formula '", formula, "'")));
  }
}

TEST(EvaluatorErrorTest, OverflowInAnUntakenBranchDoesNotFail) {
  for (const char* formula : {"if(age > 100, age * 9223372036854775807, 0)",
                              "age > 100 and age * 9223372036854775807 > 0",
                              "age < 100 or age * 9223372036854775807 > 0",
                              "coalesce(age, 1) > 0 or age * 9223372036854775807 > 0",
                              "coalesce(1, age * 9223372036854775807)",
                              "if(false, age * 9223372036854775807, 1)"}) {
    absl::StatusOr<Vector> v = EvalOn(Shared(), formula, "victims");
    EXPECT_TRUE(v.ok()) << formula << ": " << v.status();
  }
  // The taken rows do fail.
  EXPECT_EQ(EvalOn(Shared(), "if(age > 20, age * 9223372036854775807, 0)", "victims").status().code(),
            absl::StatusCode::kOutOfRange);
}

TEST(EvaluatorErrorTest, DuplicateParentKeysFailWithoutEchoingValues) {
  const Schema schema = TestSchema();
  Dataset dataset = LoadDataset(schema, {{"persons", "person_id,prs_Gender,birth_date\nSECRET1,F,\nSECRET1,M,\nP2,F,\nP2,F,\nP3,,\n"},
                                         {"cases", kCases}});
  Diagnostics d;
  absl::StatusOr<CompiledFormula> f =
      CompileFormula("person.prs_Gender = \"F\"", Rep(schema), "cases", RequiredType::kBool, &d);
  ASSERT_TRUE(f.ok()) << f.status();
  EvalContext context(DatasetAccess::Rep(dataset), *Date::ParseIso("2025-06-30"));
  absl::StatusOr<Vector> v = f->Evaluate(context);
  EXPECT_EQ(v.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(v.status().message(),
            "link 'person' of table 'cases' needs field 'person_id' of table 'persons' to be "
            "unique, but 2 values appear more than once");
  EXPECT_THAT(std::string(v.status().message()), ::testing::Not(HasSubstr("SECRET")));
  // Aggregates through the link fail the same way, also on a second call.
  absl::StatusOr<CompiledFormula> g =
      CompileFormula("count(cases)", Rep(schema), "persons", RequiredType::kNumeric, &d);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->Evaluate(context).status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(f->Evaluate(context).status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST(EvaluatorTest, AsOfDateCutsDatedChildren) {
  // With a later as-of date S3 (2025-07-01) and C5 (2026-01-01) count.
  absl::StatusOr<Vector> v = EvalOn(Shared(), "count(services)", "cases", "2026-12-31");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(RenderAll(*v), "3|1|1|0|0|0");
  v = EvalOn(Shared(), "count(person.cases)", "cases", "2026-12-31");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(RenderAll(*v), "3|3|1|null|3|null");
  v = EvalOn(Shared(), "count(services)", "cases", "2024-01-31");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(RenderAll(*v), "1|0|1|0|0|0");  // S5 has no date: kept
}

TEST(EvaluatorTest, EvaluateMaskKeepsOnlyTrue) {
  Diagnostics d;
  absl::StatusOr<CompiledFormula> f = CompileFormula(
      "prs_Gender = \"Feminine\" and days_between(identified_on, first_service_on) <= 30",
      Rep(Shared().schema), "victims", RequiredType::kBool, &d);
  ASSERT_TRUE(f.ok()) << f.status();
  EvalContext context(DatasetAccess::Rep(Shared().dataset), *Date::ParseIso("2025-06-30"));
  absl::StatusOr<std::vector<uint8_t>> mask = f->EvaluateMask(context);
  ASSERT_TRUE(mask.ok());
  EXPECT_EQ(*mask, (std::vector<uint8_t>{1, 0, 0, 1, 0}));
  absl::StatusOr<CompiledFormula> g =
      CompileFormula("age", Rep(Shared().schema), "victims", RequiredType::kNumeric, &d);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->EvaluateMask(context).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(EvaluatorTest, CompiledFormulasAreSharedAcrossThreads) {
  Diagnostics d;
  absl::StatusOr<CompiledFormula> f = CompileFormula(
      "exists(person.cases where opened_on > outer.closed_on and opened_on <= add_months(outer.closed_on, 12))",
      Rep(Shared().schema), "cases", RequiredType::kBool, &d);
  ASSERT_TRUE(f.ok()) << f.status();
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&, t] {
      EvalContext context(DatasetAccess::Rep(Shared().dataset), *Date::ParseIso("2025-06-30"));
      for (int k = 0; k < 50; ++k) {
        absl::StatusOr<Vector> v = f->Evaluate(context);
        results[t] = v.ok() ? RenderAll(*v) : std::string(v.status().message());
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& r : results) EXPECT_EQ(r, "true|false|false|null|false|null");
}

TEST(EvaluatorTest, LimitsGiveDiagnosticsThroughCompile) {
  Diagnostics d;
  const std::string deep = std::string(10000, '(') + "age" + std::string(10000, ')') + " > 1";
  EXPECT_EQ(CompileFormula(deep, Rep(Shared().schema), "victims", RequiredType::kBool, &d).status().code(),
            absl::StatusCode::kInvalidArgument);
  const std::string huge = "nick = \"" + std::string(1 << 20, 'x') + "\"";
  EXPECT_EQ(CompileFormula(huge, Rep(Shared().schema), "victims", RequiredType::kBool, &d).status().code(),
            absl::StatusCode::kInvalidArgument);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].message, "formula is nested more than 256 deep");
  EXPECT_EQ(d[1].message, "formula is 1048585 bytes long, more than the limit of 65536");
}

TEST(EvaluatorTest, DatasetOfAnotherSchemaIsRejected) {
  const Schema other = TestSchema(R"pb(
    id: "other"
    tables { name: "victims" key: "record_id" fields { name: "record_id" type: STRING } fields { name: "age" type: STRING } }
  )pb");
  Dataset dataset(other);
  Diagnostics d;
  absl::StatusOr<CompiledFormula> f =
      CompileFormula("age > 1", Rep(Shared().schema), "victims", RequiredType::kBool, &d);
  ASSERT_TRUE(f.ok());
  EvalContext context(DatasetAccess::Rep(dataset), Date());
  EXPECT_EQ(f->Evaluate(context).status().code(), absl::StatusCode::kFailedPrecondition);
}

// ---- The shared month and age vectors (tests/data/vectors) ----

std::vector<std::vector<std::string>> ReadVectors(const std::string& name) {
  const char* env = std::getenv("CTIND_TESTDATA_DIR");
#ifdef CTIND_TESTDATA_DIR
  const std::string dir = env != nullptr && *env != '\0' ? env : CTIND_TESTDATA_DIR;
#else
  const std::string dir = env != nullptr ? env : "";
#endif
  std::ifstream in(dir + "/" + name);
  EXPECT_TRUE(in.good()) << "cannot open " << dir << "/" << name;
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    rows.push_back(absl::StrSplit(line, ','));
  }
  EXPECT_FALSE(rows.empty()) << name;
  return rows;
}

// Loads the vectors as columns of table "pairs" and evaluates `formula`.
std::string EvalPairs(const std::string& csv, const std::string& formula) {
  const Schema schema = TestSchema();
  Dataset dataset = LoadDataset(schema, {{"pairs", csv}});
  Diagnostics d;
  absl::StatusOr<CompiledFormula> f = CompileFormula(formula, Rep(schema), "pairs", RequiredType::kAny, &d);
  EXPECT_TRUE(f.ok()) << f.status();
  if (!f.ok()) return "";
  EvalContext context(DatasetAccess::Rep(dataset), Date());
  absl::StatusOr<Vector> v = f->Evaluate(context);
  EXPECT_TRUE(v.ok()) << v.status();
  return v.ok() ? RenderAll(*v) : "";
}

TEST(VectorsTest, Months) {
  std::string add = "a,b,n,x,y\n", between = "a,b,n,x,y\n";
  std::vector<std::string> add_expected, between_expected;
  for (const auto& row : ReadVectors("months.csv")) {
    ASSERT_EQ(row.size(), 4u);
    if (row[0] == "add_months") {
      absl::StrAppend(&add, row[1], ",,", row[2], ",,\n");
      add_expected.push_back(row[3]);
      // The same through literals.
      EXPECT_EQ(EvalPairs("a,b,n,x,y\n,,,,\n",
                          absl::StrCat("add_months(date(\"", row[1], "\"), ", row[2], ")")),
                row[3]);
    } else {
      ASSERT_EQ(row[0], "months_between");
      absl::StrAppend(&between, row[1], ",", row[2], ",,,\n");
      between_expected.push_back(row[3]);
    }
  }
  EXPECT_EQ(EvalPairs(add, "add_months(a, n)"), absl::StrJoin(add_expected, "|"));
  EXPECT_EQ(EvalPairs(between, "months_between(a, b)"), absl::StrJoin(between_expected, "|"));
  // months_between is the largest n with add_months(a, n) <= b.
  EXPECT_EQ(EvalPairs(between, "add_months(a, months_between(a, b)) <= b and "
                               "add_months(a, months_between(a, b) + 1) > b"),
            absl::StrJoin(std::vector<std::string>(between_expected.size(), "true"), "|"));
}

TEST(VectorsTest, Ages) {
  std::string csv = "a,b,n,x,y\n";
  std::vector<std::string> expected;
  for (const auto& row : ReadVectors("ages.csv")) {
    ASSERT_GE(row.size(), 2u);
    absl::StrAppend(&csv, row[0], ",", row[1], ",,,\n");
    expected.push_back(row.size() < 3 || row[2].empty() ? "null" : row[2]);
  }
  EXPECT_EQ(EvalPairs(csv, "age_at(a, b)"), absl::StrJoin(expected, "|"));
}

}  // namespace
}  // namespace internal
}  // namespace ctind
