// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Formulas in indicators: filters, a population filter, parents' fields as
// dimensions, children's aggregates in filters (time-window and cohort
// indicators). Expected values are worked out by hand in the comments.

#include <map>
#include <string>
#include <thread>
#include <vector>

#include "ctind/engine.h"
#include "ctind/v1/report.pb.h"
#include "engine/test_cells.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ctind {
namespace {

using ::testing::HasSubstr;

constexpr char kSchema[] = R"pb(
code_lists { id: "gender" codes { value: "Feminine" } codes { value: "Masculine" } }
code_lists { id: "service" codes { value: "Medical" } codes { value: "Shelter" } codes { value: "Legal" } }
tables {
  name: "persons" key: "person_id"
  fields { name: "person_id" type: STRING role: IDENTIFIER }
  fields { name: "prs_Gender" type: CATEGORY code_list: "gender" }
  fields { name: "consent" type: BOOL }
  fields { name: "identified_on" type: DATE }
}
tables {
  name: "cases" key: "case_id" person: "person_id" record_date: "opened_on"
  fields { name: "case_id" type: STRING role: IDENTIFIER }
  fields { name: "person_id" type: STRING role: IDENTIFIER }
  fields { name: "opened_on" type: DATE }
  fields { name: "closed_on" type: DATE }
  links { name: "person" field: "person_id" table: "persons" parent_field: "person_id" children_name: "cases" }
}
tables {
  name: "services" key: "service_id" person: "case.person_id" record_date: "provided_on"
  fields { name: "service_id" type: STRING role: IDENTIFIER }
  fields { name: "case_id" type: STRING role: IDENTIFIER }
  fields { name: "service_type" type: CATEGORY code_list: "service" }
  fields { name: "provided_on" type: DATE }
  links { name: "case" field: "case_id" table: "cases" parent_field: "case_id" children_name: "services" }
})pb";

constexpr char kPersons[] =
    "person_id,prs_Gender,consent,identified_on\n"
    "P1,Feminine,true,2025-01-10\n"
    "P2,Masculine,true,2025-02-01\n"
    "P3,Feminine,false,2025-03-01\n"
    "P4,Feminine,true,2025-11-15\n";
// C1 is followed by a new case of the same person (C2) within 12 months.
constexpr char kCases[] =
    "case_id,person_id,opened_on,closed_on\n"
    "C1,P1,2025-01-10,2025-03-31\n"
    "C2,P1,2025-06-01,\n"
    "C3,P2,2025-02-01,2025-02-28\n"
    "C4,P3,2025-03-01,2025-04-01\n"
    "C5,P4,2025-11-15,2025-12-01\n";
constexpr char kServices[] =
    "service_id,case_id,service_type,provided_on\n"
    "S1,C1,Medical,2025-01-20\n"   // 10 days after C1 opened
    "S2,C1,Shelter,2025-03-01\n"
    "S3,C3,Legal,2025-04-15\n"     // 73 days after C3 opened
    "S4,C4,Medical,2025-03-05\n"   // 4 days
    "S5,C5,Medical,2025-12-20\n"   // 35 days
    "S6,C2,Medical,2025-06-02\n";  // 1 day

class LinkedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<Schema> schema = Schema::Parse(kSchema, ProtoFormat::kText, "schema");
    ASSERT_TRUE(schema.ok()) << schema.status();
    schema_ = *schema;
    dataset_ = std::make_unique<Dataset>(*schema_);
    ASSERT_TRUE(dataset_->LoadCsv("persons", kPersons, "persons.csv").ok());
    ASSERT_TRUE(dataset_->LoadCsv("cases", kCases, "cases.csv").ok());
    ASSERT_TRUE(dataset_->LoadCsv("services", kServices, "services.csv").ok());
  }

  absl::StatusOr<v1::IndicatorResult> Compute(const std::string& body,
                                              const char* as_of = "2025-12-31",
                                              const std::string& project_extra = "") {
    const std::string text = R"pb(project { id: "P" title: "t" start_date: "2025-01-01"
                                            end_date: "2025-12-31" )pb" +
                             project_extra + "}\nindicators { id: \"I\" title: \"t\" " + body + "}\n";
    Diagnostics diagnostics;
    absl::StatusOr<Framework> fw = Framework::Parse(text, ProtoFormat::kText, "fw.textproto");
    if (!fw.ok()) return fw.status();
    absl::StatusOr<Plan> plan = Plan::Compile(*fw, *schema_, &diagnostics);
    if (!plan.ok()) return plan.status();
    EvaluateOptions options;
    options.as_of = Date::ParseIso(as_of);
    absl::StatusOr<Results> results = Evaluate(*plan, *dataset_, options);
    if (!results.ok()) return results.status();
    return results->proto().indicators(0);
  }

  static testing_cells::CellMap Cells(const v1::IndicatorResult& ir) {
    return testing_cells::ByValues(ir);
  }


  std::optional<Schema> schema_;
  std::unique_ptr<Dataset> dataset_;
};

constexpr char kFirstServiceWithin30Days[] = R"pb(
  measure { ratio {
    numerator { table: "cases" count: true
                where: "exists(services where provided_on <= add_days(outer.opened_on, 30))" }
    denominator { table: "cases" count: true }
    factor: 100 } }
  period { by: "opened_on" every: QUARTERLY window { days: 30 } } )pb";

TEST_F(LinkedTest, FirstServiceWithin30DaysWithAWindow) {
  auto ir = Compute(kFirstServiceWithin30Days);
  ASSERT_TRUE(ir.ok()) << ir.status();
  auto cells = Cells(*ir);
  // Q1: C1 and C4 served in time, C3 not: 2 of 3.
  EXPECT_DOUBLE_EQ(cells.at("SCOPE_PERIOD|2025Q1|").value(), 200.0 / 3);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|").numerator(), 2);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|").denominator(), 3);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q2|").value(), 100);  // C2
  // Q3: no case: no denominator.
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q3|").status(), v1::MISSING);
  EXPECT_THAT(cells.at("SCOPE_PERIOD|2025Q3|").flags(), ::testing::Contains(v1::NO_DENOMINATOR));
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q4|").value(), 0);  // C5 served after 35 days
  EXPECT_EQ(cells.at("SCOPE_LIFE_OF_PROJECT|LOP|").value(), 60);  // 3 of 5

  // On 10 December C5's 30 days have not passed: it is left out of both
  // sides and flagged, so Q4 has no denominator yet.
  ir = Compute(kFirstServiceWithin30Days, "2025-12-10");
  ASSERT_TRUE(ir.ok()) << ir.status();
  cells = Cells(*ir);
  const v1::Cell& q4 = cells.at("SCOPE_PERIOD|2025Q4|");
  EXPECT_EQ(q4.status(), v1::MISSING);
  EXPECT_THAT(q4.flags(), ::testing::IsSupersetOf({v1::NOT_YET_OBSERVABLE, v1::NO_DENOMINATOR}));
  EXPECT_EQ(q4.not_yet_observable(), 1);
  EXPECT_EQ(cells.at("SCOPE_LIFE_OF_PROJECT|LOP|").value(), 75);  // 3 of 4
}

TEST_F(LinkedTest, ReTraffickingWithin12MonthsOfClosure) {
  auto ir = Compute(R"pb(
    measure { ratio {
      numerator { table: "cases" count: true
                  where: "exists(person.cases where opened_on > outer.closed_on and opened_on <= add_months(outer.closed_on, 12))" }
      denominator { table: "cases" count: true }
      factor: 100 } }
    where: "not is_missing(closed_on)"
    period { by: "closed_on" every: YEARLY } )pb");
  ASSERT_TRUE(ir.ok()) << ir.status();
  // Closed: C1 (followed by C2), C3, C4, C5: 1 of 4.
  EXPECT_EQ(Cells(*ir).at("SCOPE_PERIOD|2025|").value(), 25);
  EXPECT_EQ(Cells(*ir).at("SCOPE_PERIOD|2025|").denominator(), 4);
}

TEST_F(LinkedTest, ServicesByTheVictimsGenderWithPersonsAsUnits) {
  auto ir = Compute(R"pb(measure { value { table: "services" count: true } }
      period { by: "provided_on" every: QUARTERLY }
      disaggregate_by { dimensions: "case.person.prs_Gender" } )pb");
  ASSERT_TRUE(ir.ok()) << ir.status();
  auto cells = Cells(*ir);
  const v1::Cell& female = cells.at("SCOPE_LIFE_OF_PROJECT|LOP|Feminine;");
  EXPECT_EQ(female.value(), 5);  // S1 S2 S6 (P1), S4 (P3), S5 (P4)
  EXPECT_EQ(female.units(), 3);  // P1, P3, P4
  EXPECT_EQ(cells.at("SCOPE_LIFE_OF_PROJECT|LOP|Masculine;").value(), 1);
  EXPECT_EQ(cells.at("SCOPE_LIFE_OF_PROJECT|LOP|").units(), 4);
  EXPECT_EQ(female.coordinates(0).dimension(), "case.person.prs_Gender");

  ir = Compute(R"pb(measure { value { table: "services" count: true } }
      where: "service_type = \"Medical\""
      period { by: "provided_on" every: QUARTERLY }
      disaggregate_by { dimensions: "case.person.prs_Gender" } )pb");
  ASSERT_TRUE(ir.ok()) << ir.status();
  cells = Cells(*ir);
  EXPECT_EQ(cells.at("SCOPE_LIFE_OF_PROJECT|LOP|Feminine;").value(), 4);
  EXPECT_EQ(cells.at("SCOPE_LIFE_OF_PROJECT|LOP|Masculine;").value(), 0);
}

TEST_F(LinkedTest, PopulationFilterAppliesToTablesWithItsFields) {
  const std::string body = R"pb(measure { value { table: "persons" count: true } }
      period { by: "identified_on" every: QUARTERLY } )pb";
  auto ir = Compute(body, "2025-12-31", R"pb(population_filter: "consent = true")pb");
  ASSERT_TRUE(ir.ok()) << ir.status();
  auto cells = Cells(*ir);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|").value(), 2);  // P3 did not consent
  EXPECT_EQ(cells.at("SCOPE_LIFE_OF_PROJECT|LOP|").value(), 3);
  // Cases have no consent field: the filter does not apply to them.
  ir = Compute(R"pb(measure { value { table: "cases" count: true } }
      period { by: "opened_on" every: QUARTERLY } )pb", "2025-12-31",
               R"pb(population_filter: "consent = true")pb");
  ASSERT_TRUE(ir.ok()) << ir.status();
  EXPECT_EQ(Cells(*ir).at("SCOPE_LIFE_OF_PROJECT|LOP|").value(), 5);
}

TEST_F(LinkedTest, FormulaMistakesPointIntoTheFormula) {
  auto ir = Compute(R"pb(measure { value { table: "cases" count: true } }
      where: "is_missing(closed_on) and opened_onn > date(\"2025-01-01\")"
      period { by: "opened_on" every: QUARTERLY } )pb");
  ASSERT_FALSE(ir.ok());
  EXPECT_THAT(std::string(ir.status().message()),
              HasSubstr("fw.textproto:4:41: indicators[0].where: unknown field 'opened_onn' in "
                        "table 'cases'; did you mean 'opened_on'?"));
  ir = Compute(R"pb(measure { value { table: "cases" count: true } }
      where: "opened_on"
      period { by: "opened_on" every: QUARTERLY } )pb");
  ASSERT_FALSE(ir.ok());
  EXPECT_THAT(std::string(ir.status().message()), HasSubstr("indicators[0].where"));
}

}  // namespace
}  // namespace ctind

namespace ctind {
namespace {

TEST_F(LinkedTest, ANonUniqueParentKeyIsAClearError) {
  Dataset duplicated(*schema_);
  ASSERT_TRUE(duplicated.LoadCsv("persons", kPersons, "persons.csv").ok());
  ASSERT_TRUE(duplicated.LoadCsv("cases", std::string(kCases) + "C1,P2,2025-07-01,\n", "cases.csv").ok());
  ASSERT_TRUE(duplicated.LoadCsv("services", kServices, "services.csv").ok());
  dataset_ = std::make_unique<Dataset>(std::move(duplicated));
  auto ir = Compute(R"pb(measure { value { table: "services" count: true } }
      period { by: "provided_on" every: QUARTERLY }
      disaggregate_by { dimensions: "case.person.prs_Gender" } )pb");
  ASSERT_FALSE(ir.ok());
  EXPECT_EQ(ir.status().code(), absl::StatusCode::kFailedPrecondition);
  const std::string message(ir.status().message());
  EXPECT_THAT(message, HasSubstr("indicator 'I'"));
  EXPECT_THAT(message, HasSubstr("unique"));
  EXPECT_THAT(message, ::testing::Not(HasSubstr("C1")));  // no key values
}

TEST_F(LinkedTest, HostileFormulasGetDiagnosticsNotCrashes) {
  std::string deep(10000, '(');
  deep += "true";
  deep += std::string(10000, ')');
  auto ir = Compute(absl::StrCat(R"pb(measure { value { table: "cases" count: true } } where: ")pb",
                                 deep, R"pb(" period { by: "opened_on" every: QUARTERLY } )pb"));
  ASSERT_FALSE(ir.ok());
  EXPECT_THAT(std::string(ir.status().message()), HasSubstr("indicators[0].where"));
  const std::string huge = "\\\"" + std::string(1 << 20, 'x') + "\\\"";
  ir = Compute(absl::StrCat(R"pb(measure { value { table: "cases" count: true } } where: "case_id = )pb",
                            huge, R"pb(" period { by: "opened_on" every: QUARTERLY } )pb"));
  ASSERT_FALSE(ir.ok());
  // Division by zero and date functions on missing values are missing.
  ir = Compute(R"pb(measure { value { table: "cases" sum: "1 / (days_between(opened_on, closed_on) - days_between(opened_on, closed_on))" } }
      period { by: "opened_on" every: QUARTERLY } )pb");
  ASSERT_TRUE(ir.ok()) << ir.status();
  EXPECT_EQ(Cells(*ir).at("SCOPE_LIFE_OF_PROJECT|LOP|").value(), 0);  // all missing: a sum of none
  ir = Compute(R"pb(measure { value { table: "cases" mean: "days_between(opened_on, add_days(closed_on, 1))" } }
      period { by: "opened_on" every: QUARTERLY } )pb");
  ASSERT_TRUE(ir.ok()) << ir.status();
  // C2 has no closing date and is skipped: (81 + 28 + 32 + 17) / 4.
  EXPECT_EQ(Cells(*ir).at("SCOPE_LIFE_OF_PROJECT|LOP|").value(), (81 + 28 + 32 + 17) / 4.0);
}

}  // namespace
}  // namespace ctind

namespace ctind {
namespace {

// One plan with formulas, links and children's aggregates, evaluated from
// 8 threads at once, gives what one thread gives (run under the tsan preset
// to check for data races).
TEST_F(LinkedTest, EightThreadsShareOnePlanAndDataset) {
  const std::string text = std::string(R"pb(project { id: "P" title: "t" start_date: "2025-01-01"
                                                     end_date: "2025-12-31" population_filter: "consent = true" }
indicators { id: "A" title: "t" )pb") + kFirstServiceWithin30Days + R"pb(}
indicators { id: "B" title: "t" measure { value { table: "services" count_distinct: "case.person_id" } }
  period { by: "provided_on" every: QUARTERLY } cumulation: CUMULATIVE
  disaggregate_by { dimensions: "case.person.prs_Gender" } }
indicators { id: "C" title: "t" measure { value { table: "persons" count: true } }
  period { by: "identified_on" every: MONTHLY } })pb";
  absl::StatusOr<Framework> fw = Framework::Parse(text, ProtoFormat::kText, "fw");
  ASSERT_TRUE(fw.ok()) << fw.status();
  absl::StatusOr<Plan> plan = Plan::Compile(*fw, *schema_);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EvaluateOptions options;
  options.as_of = Date::ParseIso("2025-12-10");
  absl::StatusOr<Results> single = Evaluate(*plan, *dataset_, options);
  ASSERT_TRUE(single.ok()) << single.status();
  const std::string expected = single->proto().SerializeAsString();
  std::vector<std::string> outputs(8);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        absl::StatusOr<Results> r = Evaluate(*plan, *dataset_, options);
        outputs[t] = r.ok() ? r->proto().SerializeAsString() : std::string(r.status().message());
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& out : outputs) EXPECT_EQ(out, expected);
}

// Derived dimensions of a parent table reached through links: services
// broken down by the victim's sex grouping and age band at the service
// date.
TEST(LinkedDimensionsTest, DerivedDimensionsOfAParentThroughLinks) {
  constexpr char kLinkedSchema[] = R"pb(
    code_lists { id: "gender" codes { value: "Feminine" } codes { value: "Masculine" }
                 codes { value: "NonConforming" } }
    tables {
      name: "persons" key: "person_id"
      fields { name: "person_id" type: STRING role: IDENTIFIER }
      fields { name: "prs_Gender" type: CATEGORY code_list: "gender" }
      fields { name: "birth" type: DATE }
    }
    tables {
      name: "services" key: "service_id" person: "person_id"
      fields { name: "service_id" type: STRING role: IDENTIFIER }
      fields { name: "person_id" type: STRING role: IDENTIFIER }
      fields { name: "provided_on" type: DATE }
      links { name: "person" field: "person_id" table: "persons" parent_field: "person_id" }
    }
    dimensions { id: "sex" table: "persons" grouping { field: "prs_Gender"
      groups { value: "female" members: "Feminine" }
      groups { value: "male" members: "Masculine" } } }
    dimensions { id: "age_band" age_band { field: "birth"
      bands { lower_bounds: [0, 18] labels: ["0-17", "18+"] } } }
    dimensions { id: "days" numeric_bands { expression: "year(birth)" upper_bounds: [2000] } })pb";
  absl::StatusOr<Schema> schema = Schema::Parse(kLinkedSchema, ProtoFormat::kText, "schema");
  ASSERT_TRUE(schema.ok()) << schema.status();
  Dataset dataset(*schema);
  // P1 turns 18 on 2025-03-10; P2 is an adult; P3's gender is in no group.
  ASSERT_TRUE(dataset.LoadCsv("persons",
                              "person_id,prs_Gender,birth\n"
                              "P1,Feminine,2007-03-10\n"
                              "P2,Masculine,1990-01-01\n"
                              "P3,NonConforming,1985-06-01\n",
                              "persons.csv").ok());
  ASSERT_TRUE(dataset.LoadCsv("services",
                              "service_id,person_id,provided_on\n"
                              "S1,P1,2025-03-09\n"   // P1 is 17
                              "S2,P1,2025-03-10\n"   // P1 is 18
                              "S3,P2,2025-04-01\n"
                              "S4,P3,2025-05-01\n",
                              "services.csv").ok());
  auto compute = [&](const std::string& dimension) -> absl::StatusOr<v1::IndicatorResult> {
    const std::string text = absl::StrCat(
        R"pb(project { id: "P" title: "t" start_date: "2025-01-01" end_date: "2025-12-31" }
             indicators { id: "I" title: "t" measure { value { table: "services" count: true } }
               period { by: "provided_on" every: QUARTERLY }
               disaggregate_by { dimensions: ")pb", dimension, "\" } }");
    absl::StatusOr<Framework> fw = Framework::Parse(text, ProtoFormat::kText, "fw.textproto");
    if (!fw.ok()) return fw.status();
    absl::StatusOr<Plan> plan = Plan::Compile(*fw, *schema);
    if (!plan.ok()) return plan.status();
    EvaluateOptions options;
    options.as_of = Date::ParseIso("2025-12-31");
    absl::StatusOr<Results> results = Evaluate(*plan, dataset, options);
    if (!results.ok()) return results.status();
    return results->proto().indicators(0);
  };
  absl::StatusOr<v1::IndicatorResult> by_sex = compute("person.sex");
  ASSERT_TRUE(by_sex.ok()) << by_sex.status();
  testing_cells::CellMap cells = testing_cells::ByCoordinates(*by_sex);
  EXPECT_EQ(testing_cells::PresentValue(cells, "SCOPE_LIFE_OF_PROJECT|LOP|person.sex=female;"), 2);
  EXPECT_EQ(testing_cells::PresentValue(cells, "SCOPE_LIFE_OF_PROJECT|LOP|person.sex=male;"), 1);
  EXPECT_EQ(testing_cells::PresentValue(cells, "SCOPE_LIFE_OF_PROJECT|LOP|person.sex=unknown;"), 1);

  absl::StatusOr<v1::IndicatorResult> by_age = compute("person.age_band");
  ASSERT_TRUE(by_age.ok()) << by_age.status();
  cells = testing_cells::ByCoordinates(*by_age);
  // S1 at 17; S2 (18th birthday), S3 and S4 adults.
  EXPECT_EQ(testing_cells::PresentValue(cells, "SCOPE_PERIOD|2025Q1|person.age_band=0-17;"), 1);
  EXPECT_EQ(testing_cells::PresentValue(cells, "SCOPE_PERIOD|2025Q1|person.age_band=18+;"), 1);
  EXPECT_EQ(testing_cells::PresentValue(cells, "SCOPE_LIFE_OF_PROJECT|LOP|person.age_band=18+;"), 3);

  // A grouping declared for persons is not a dimension of services itself,
  // and numeric bands (formulas) are not read through links.
  EXPECT_FALSE(compute("sex").ok());
  absl::StatusOr<v1::IndicatorResult> banded = compute("person.days");
  ASSERT_FALSE(banded.ok());
  EXPECT_THAT(std::string(banded.status().message()), HasSubstr("not read through links"));
}

}  // namespace
}  // namespace ctind
