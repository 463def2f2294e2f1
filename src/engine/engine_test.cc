// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The engine on a hand-made fixture whose expected values are worked out by
// hand below (raw results: no disclosure control is involved).

#include "ctind/engine.h"

#include <map>
#include <string>
#include <thread>
#include <vector>

#include "ctind/render.h"
#include "engine/test_cells.h"
#include "ctind/v1/report.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ctind {
namespace {

using ::testing::HasSubstr;

constexpr char kSchema[] = R"pb(
id: "fixture"
code_lists { id: "gender" codes { value: "Feminine" } codes { value: "Masculine" } }
code_lists { id: "forms" codes { value: "ForcedLabour" } codes { value: "SexualExploitation" } }
tables {
  name: "victims" key: "record_id" person: "person_id"
  fields { name: "record_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "person_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "prs_Gender" type: CATEGORY code_list: "gender" }
  fields { name: "identified_on" type: DATE }
  fields { name: "forms" type: CATEGORY code_list: "forms" multi_valued: true }
  fields { name: "age" type: INT64 }
})pb";

// Rows, with what each tests:
//  R1 P1 first day of Q1          R2 P2 last day of Q1
//  R9 P2 again in Q1 (distinct)   R3 P1 first day of Q2 (re-identified)
//  R4 P3 no gender (unknown)      R5 P4 on the as-of day (counts)
//  R6 P5 the day after as-of      R7 P6 no identification date
//  R8 P7 the day before the project
constexpr char kVictims[] =
    "record_id,person_id,prs_Gender,identified_on,forms,age\n"
    "R1,P1,Feminine,2025-01-01,ForcedLabour,30\n"
    "R2,P2,Masculine,2025-03-31,SexualExploitation,17\n"
    "R3,P1,Feminine,2025-04-01,ForcedLabour;SexualExploitation,30\n"
    "R4,P3,,2025-05-10,ForcedLabour,\n"
    "R5,P4,Feminine,2025-08-15,SexualExploitation,22\n"
    "R6,P5,Masculine,2025-08-16,,40\n"
    "R7,P6,Feminine,,ForcedLabour,41\n"
    "R8,P7,Masculine,2024-12-31,ForcedLabour,19\n"
    "R9,P2,Masculine,2025-02-10,SexualExploitation,17\n";

std::string FrameworkText(const std::string& measure, const std::string& extra = "") {
  return R"pb(
schema_id: "fixture"
project { id: "P" title: "Fixture" start_date: "2025-01-01" end_date: "2025-12-31" }
indicators {
  id: "I" title: "Victims identified"
  measure { value { table: "victims" )pb" + measure + R"pb( } }
  period { by: "identified_on" every: QUARTERLY }
  disaggregate_by { dimensions: ["prs_Gender", "forms"] }
  )pb" + extra + "\n}\n";
}

struct Fixture {
  Schema schema;
  Dataset dataset;
  explicit Fixture(Schema s) : schema(s), dataset(std::move(s)) {}
};

Fixture MakeFixture() {
  absl::StatusOr<Schema> schema = Schema::Parse(kSchema, ProtoFormat::kText, "schema");
  EXPECT_TRUE(schema.ok()) << schema.status();
  Fixture f(*schema);
  EXPECT_TRUE(f.dataset.LoadCsv("victims", kVictims, "victims.csv").ok());
  return f;
}

absl::StatusOr<Results> Compute(const Fixture& f, const std::string& framework_text,
                                const char* as_of = "2025-08-15") {
  absl::StatusOr<Framework> fw = Framework::Parse(framework_text, ProtoFormat::kText, "fw");
  if (!fw.ok()) return fw.status();
  absl::StatusOr<Plan> plan = Plan::Compile(*fw, f.schema);
  if (!plan.ok()) return plan.status();
  EvaluateOptions options;
  options.as_of = Date::ParseIso(as_of);
  return Evaluate(*plan, f.dataset, options);
}

// Cells keyed "SCOPE|period|dimension=value;…".
constexpr auto CellsByKey = testing_cells::ByCoordinates;
constexpr auto ValueOf = testing_cells::PresentValue;

TEST(EngineTest, DistinctPersonsPerQuarterByGenderAndForm) {
  Fixture f = MakeFixture();
  absl::StatusOr<Results> results = Compute(f, FrameworkText(R"(count_distinct: "person_id")"));
  ASSERT_TRUE(results.ok()) << results.status();
  const v1::Report& report = results->proto();
  EXPECT_EQ(report.as_of(), "2025-08-15");
  EXPECT_EQ(report.protection(), v1::RAW);
  ASSERT_EQ(report.indicators_size(), 1);
  const v1::IndicatorResult& ir = report.indicators(0);
  // Q4 starts after the as-of date: not computed. Q3 is partial. LOP last.
  ASSERT_EQ(ir.periods_size(), 4);
  EXPECT_EQ(ir.periods(0).id(), "2025Q1");
  EXPECT_FALSE(ir.periods(1).partial());
  EXPECT_EQ(ir.periods(2).id(), "2025Q3");
  EXPECT_TRUE(ir.periods(2).partial());
  EXPECT_EQ(ir.periods(3).id(), "LOP");
  EXPECT_EQ(ir.periods(3).end(), "2025-08-16");
  EXPECT_EQ(ir.records_without_period(), 1);  // R7
  EXPECT_EQ(ir.records_after_as_of(), 1);     // R6

  const auto cells = CellsByKey(ir);
  // Q1: P1 (F), P2 (M, twice): 2 persons.
  EXPECT_EQ(ValueOf(cells, "SCOPE_PERIOD|2025Q1|"), 2);
  EXPECT_EQ(ValueOf(cells, "SCOPE_PERIOD|2025Q1|prs_Gender=Feminine;"), 1);
  EXPECT_EQ(ValueOf(cells, "SCOPE_PERIOD|2025Q1|prs_Gender=Masculine;"), 1);
  EXPECT_EQ(ValueOf(cells, "SCOPE_PERIOD|2025Q1|prs_Gender=unknown;"), 0);
  // Q2: P1 (F) again, P3 (unknown gender).
  EXPECT_EQ(ValueOf(cells, "SCOPE_PERIOD|2025Q2|"), 2);
  EXPECT_EQ(ValueOf(cells, "SCOPE_PERIOD|2025Q2|prs_Gender=Masculine;"), 0);
  EXPECT_EQ(ValueOf(cells, "SCOPE_PERIOD|2025Q2|prs_Gender=unknown;"), 1);
  EXPECT_EQ(ValueOf(cells, "SCOPE_PERIOD|2025Q2|forms=ForcedLabour;"), 2);
  EXPECT_EQ(ValueOf(cells, "SCOPE_PERIOD|2025Q2|forms=SexualExploitation;"), 1);
  // Q3 (partial): P4 on the as-of day.
  EXPECT_EQ(ValueOf(cells, "SCOPE_PERIOD|2025Q3|"), 1);
  EXPECT_THAT(cells.at("SCOPE_PERIOD|2025Q3|").flags(), ::testing::Contains(v1::PARTIAL_PERIOD));
  EXPECT_THAT(cells.at("SCOPE_PERIOD|2025Q1|").flags(), ::testing::IsEmpty());
  // Life of project: P1..P4 — not the sum of the quarters (5).
  EXPECT_EQ(ValueOf(cells, "SCOPE_LIFE_OF_PROJECT|LOP|"), 4);
  EXPECT_EQ(ValueOf(cells, "SCOPE_LIFE_OF_PROJECT|LOP|prs_Gender=Feminine;"), 2);
  EXPECT_EQ(ValueOf(cells, "SCOPE_LIFE_OF_PROJECT|LOP|prs_Gender=unknown;"), 1);
  // Multi-valued: P1 counts in both forms; the forms add up to 5, not 4.
  EXPECT_EQ(ValueOf(cells, "SCOPE_LIFE_OF_PROJECT|LOP|forms=ForcedLabour;"), 2);
  EXPECT_EQ(ValueOf(cells, "SCOPE_LIFE_OF_PROJECT|LOP|forms=SexualExploitation;"), 3);
  // The cross and its margins.
  EXPECT_EQ(ValueOf(cells, "SCOPE_LIFE_OF_PROJECT|LOP|prs_Gender=Feminine;forms=SexualExploitation;"), 2);
  EXPECT_EQ(ValueOf(cells, "SCOPE_LIFE_OF_PROJECT|LOP|prs_Gender=Masculine;forms=SexualExploitation;"), 1);
  EXPECT_EQ(ValueOf(cells, "SCOPE_LIFE_OF_PROJECT|LOP|prs_Gender=unknown;forms=ForcedLabour;"), 1);
  EXPECT_EQ(ValueOf(cells, "SCOPE_LIFE_OF_PROJECT|LOP|prs_Gender=Masculine;forms=ForcedLabour;"), 0);
  // Unknown cells appear only where non-zero: every form is known.
  EXPECT_EQ(cells.count("SCOPE_LIFE_OF_PROJECT|LOP|forms=unknown;"), 0u);
  EXPECT_EQ(cells.count("SCOPE_PERIOD|2025Q4|"), 0u);
  // No cumulative values unless the indicator is cumulative.
  EXPECT_EQ(cells.count("SCOPE_CUMULATIVE|2025Q2|"), 0u);
  // Units: distinct persons, the value itself here.
  EXPECT_EQ(cells.at("SCOPE_LIFE_OF_PROJECT|LOP|").units(), 4);
}

TEST(EngineTest, CountsRecordsWithPersonsAsUnitsAndCumulates) {
  Fixture f = MakeFixture();
  absl::StatusOr<Results> results =
      Compute(f, FrameworkText("count: true", "cumulation: CUMULATIVE"));
  ASSERT_TRUE(results.ok()) << results.status();
  const auto cells = CellsByKey(results->proto().indicators(0));
  EXPECT_EQ(ValueOf(cells, "SCOPE_PERIOD|2025Q1|"), 3);  // R1 R2 R9
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|").units(), 2);  // P1 P2
  EXPECT_EQ(ValueOf(cells, "SCOPE_PERIOD|2025Q2|"), 2);
  EXPECT_EQ(ValueOf(cells, "SCOPE_CUMULATIVE|2025Q1|"), 3);
  EXPECT_EQ(ValueOf(cells, "SCOPE_CUMULATIVE|2025Q2|"), 5);
  EXPECT_EQ(ValueOf(cells, "SCOPE_CUMULATIVE|2025Q3|"), 6);
  EXPECT_EQ(cells.at("SCOPE_CUMULATIVE|2025Q2|").units(), 3);  // P1 P2 P3
  EXPECT_EQ(ValueOf(cells, "SCOPE_LIFE_OF_PROJECT|LOP|"), 6);
  EXPECT_EQ(cells.at("SCOPE_LIFE_OF_PROJECT|LOP|").units(), 4);

  absl::StatusOr<Results> distinct = Compute(
      f, FrameworkText(R"(count_distinct: "person_id")", "cumulation: CUMULATIVE"));
  ASSERT_TRUE(distinct.ok());
  const auto dcells = CellsByKey(distinct->proto().indicators(0));
  EXPECT_EQ(ValueOf(dcells, "SCOPE_CUMULATIVE|2025Q1|"), 2);
  EXPECT_EQ(ValueOf(dcells, "SCOPE_CUMULATIVE|2025Q2|"), 3);  // P1 not twice
  EXPECT_EQ(ValueOf(dcells, "SCOPE_CUMULATIVE|2025Q2|prs_Gender=Feminine;"), 1);
  EXPECT_EQ(ValueOf(dcells, "SCOPE_CUMULATIVE|2025Q3|"), 4);
}

TEST(EngineTest, AsOfAtTheProjectEndAndDefaults) {
  Fixture f = MakeFixture();
  absl::StatusOr<Results> results =
      Compute(f, FrameworkText(R"(count_distinct: "person_id")"), "2025-12-31");
  ASSERT_TRUE(results.ok());
  const v1::IndicatorResult& ir = results->proto().indicators(0);
  ASSERT_EQ(ir.periods_size(), 5);
  for (const v1::ReportPeriod& p : ir.periods()) EXPECT_FALSE(p.partial()) << p.id();
  EXPECT_EQ(ir.records_after_as_of(), 0);
  EXPECT_EQ(ValueOf(CellsByKey(ir), "SCOPE_PERIOD|2025Q3|"), 2);  // P4 and P5
  // An as-of date after the project end still stops at the project's end.
  ASSERT_TRUE(Compute(f, FrameworkText(R"(count_distinct: "person_id")"), "2027-01-01").ok());
}

TEST(EngineTest, AsOfBeforeTheProjectIsAnError) {
  Fixture f = MakeFixture();
  absl::StatusOr<Results> results =
      Compute(f, FrameworkText(R"(count_distinct: "person_id")"), "2024-12-31");
  ASSERT_FALSE(results.ok());
  EXPECT_EQ(results.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(results.status().message()), HasSubstr("before the project start"));
}

TEST(EngineTest, CompileErrorsNameTheFieldAndPlace) {
  Fixture f = MakeFixture();
  const std::string text = R"pb(project { id: "P" title: "t" start_date: "2025-01-01" end_date: "2025-12-31" }
indicators {
  id: "I" title: "t"
  measure { value { table: "victims" count_distinct: "persn_id" } }
  period { by: "age" every: QUARTERLY }
  disaggregate_by { dimensions: "prs_Gendr" }
  disaggregate_by { dimensions: "age" }
}
indicators { id: "J" title: "t" measure { value { table: "victim" count: true } }
  period { by: "identified_on" every: MONTHLY } })pb";
  absl::StatusOr<Framework> fw = Framework::Parse(text, ProtoFormat::kText, "fw.textproto");
  ASSERT_TRUE(fw.ok()) << fw.status();
  Diagnostics d;
  absl::StatusOr<Plan> plan = Plan::Compile(*fw, f.schema, &d);
  ASSERT_FALSE(plan.ok());
  std::vector<std::string> messages;
  for (const Diagnostic& diag : d) messages.push_back(diag.ToString());
  EXPECT_THAT(messages, ::testing::Contains(HasSubstr(
      "fw.textproto:4:55: indicators[0].measure.value.count_distinct: unknown field 'persn_id' in "
      "table 'victims'; did you mean 'person_id'?")));
  EXPECT_THAT(messages, ::testing::Contains(HasSubstr("fw.textproto:5:17: indicators[0].period.by: the placing date 'age' is int; it must be date")));
  EXPECT_THAT(messages, ::testing::Contains(HasSubstr("did you mean 'prs_Gender'?")));
  EXPECT_THAT(messages, ::testing::Contains(HasSubstr("cannot disaggregate by 'age'")));
  EXPECT_THAT(messages, ::testing::Contains(HasSubstr("unknown table 'victim'; did you mean 'victims'?")));
}

TEST(EngineTest, PlanIsReusableAndEvaluationIsThreadSafe) {
  Fixture f = MakeFixture();
  absl::StatusOr<Framework> fw = Framework::Parse(
      FrameworkText(R"(count_distinct: "person_id")", "cumulation: CUMULATIVE"), ProtoFormat::kText, "fw");
  ASSERT_TRUE(fw.ok());
  absl::StatusOr<Plan> plan = Plan::Compile(*fw, f.schema);
  ASSERT_TRUE(plan.ok());
  EvaluateOptions options;
  options.as_of = Date::ParseIso("2025-08-15");
  const std::string expected = RenderJson(*Evaluate(*plan, f.dataset, options));
  std::vector<std::string> outputs(8);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) outputs[t] = RenderJson(*Evaluate(*plan, f.dataset, options));
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& out : outputs) EXPECT_EQ(out, expected);
}

TEST(EngineTest, DatasetOfAnotherSchemaIsRejected) {
  Fixture f = MakeFixture();
  absl::StatusOr<Framework> fw =
      Framework::Parse(FrameworkText(R"(count_distinct: "person_id")"), ProtoFormat::kText, "fw");
  absl::StatusOr<Plan> plan = Plan::Compile(*fw, f.schema);
  ASSERT_TRUE(plan.ok());
  Dataset other(*Schema::Parse(R"pb(tables { name: "t" fields { name: "x" type: INT64 } })pb",
                               ProtoFormat::kText, "s"));
  EXPECT_EQ(Evaluate(*plan, other).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace ctind

namespace ctind {
namespace {

TEST(EngineTest, QuartersAndFiscalYearsInOneReport) {
  Fixture f = MakeFixture();
  std::string text = FrameworkText(R"(count_distinct: "person_id")");
  text.replace(text.find("end_date: \"2025-12-31\""), 22,
               "end_date: \"2025-12-31\" fiscal_year_start_month: 10");
  absl::StatusOr<Framework> fw = Framework::Parse(text, ProtoFormat::kText, "fw");
  ASSERT_TRUE(fw.ok()) << fw.status();
  absl::StatusOr<Plan> plan = Plan::Compile(*fw, f.schema);
  ASSERT_TRUE(plan.ok());
  EvaluateOptions options;
  options.as_of = Date::ParseIso("2025-08-15");
  options.period_types = {"FINANCIAL_YEAR", "QUARTERLY"};
  absl::StatusOr<Results> results = Evaluate(*plan, f.dataset, options);
  ASSERT_TRUE(results.ok()) << results.status();
  const v1::IndicatorResult& ir = results->proto().indicators(0);
  std::vector<std::string> ids;
  for (const v1::ReportPeriod& p : ir.periods()) ids.push_back(p.id());
  // Quarters (the indicator's own), then the fiscal year, then LOP once.
  EXPECT_THAT(ids, ::testing::ElementsAre("2025Q1", "2025Q2", "2025Q3", "2024Oct", "LOP"));
  const auto cells = CellsByKey(ir);
  // FY 2024Oct runs to 30 September 2025: P1..P4, each once.
  EXPECT_EQ(ValueOf(cells, "SCOPE_PERIOD|2024Oct|"), 4);
  EXPECT_THAT(cells.at("SCOPE_PERIOD|2024Oct|").flags(), ::testing::Contains(v1::PARTIAL_PERIOD));
  EXPECT_EQ(ValueOf(cells, "SCOPE_PERIOD|2025Q1|"), 2);
  EXPECT_EQ(ValueOf(cells, "SCOPE_LIFE_OF_PROJECT|LOP|"), 4);

  options.period_types = {"FORTNIGHTLY"};
  absl::StatusOr<Results> bad = Evaluate(*plan, f.dataset, options);
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(std::string(bad.status().message()), HasSubstr("unknown period type 'FORTNIGHTLY'"));
}

}  // namespace
}  // namespace ctind

namespace ctind {
namespace {

// Custom rounds with a gap between them (1 March to 30 April): records in
// the gap are in no round but count in the cumulative values after it.
TEST(EngineTest, CustomPeriodsWithAGap) {
  Fixture f = MakeFixture();
  for (const char* measure : {"count: true", R"(count_distinct: "person_id")"}) {
    std::string text = FrameworkText(measure, "cumulation: CUMULATIVE");
    text.replace(text.find("every: QUARTERLY"), 16, "every: CUSTOM");
    text += R"pb(custom_periods { id: "Round2" start_date: "2025-05-01" end_date: "2025-08-31" }
                 custom_periods { id: "Round1" start_date: "2025-01-01" end_date: "2025-02-28" }
                 custom_periods { id: "Round3" start_date: "2025-10-01" end_date: "2025-12-31" })pb";
    absl::StatusOr<Results> results = Compute(f, text);
    ASSERT_TRUE(results.ok()) << results.status();
    const v1::IndicatorResult& ir = results->proto().indicators(0);
    std::vector<std::string> ids;
    for (const v1::ReportPeriod& p : ir.periods()) ids.push_back(p.id());
    // Round3 starts after the as-of date; the rounds come in date order.
    EXPECT_THAT(ids, ::testing::ElementsAre("Round1", "Round2", "LOP"));
    const auto cells = CellsByKey(ir);
    const bool distinct = std::string(measure) != "count: true";
    EXPECT_EQ(ValueOf(cells, "SCOPE_PERIOD|Round1|"), 2) << measure;      // R1, R9 (P1, P2)
    EXPECT_EQ(ValueOf(cells, "SCOPE_PERIOD|Round2|"), 2) << measure;      // R4, R5 (P3, P4)
    EXPECT_EQ(ValueOf(cells, "SCOPE_CUMULATIVE|Round1|"), 2) << measure;
    // R2 and R3, in the gap, count from Round2 on.
    EXPECT_EQ(ValueOf(cells, "SCOPE_CUMULATIVE|Round2|"), distinct ? 4 : 6) << measure;
  }
}

}  // namespace
}  // namespace ctind
