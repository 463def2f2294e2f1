// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Measures, placements and derived dimensions on a hand-made fixture of
// cases; every expected value is worked out by hand in the comments.

#include <map>
#include <string>

#include "ctind/engine.h"
#include "ctind/v1/report.pb.h"
#include "engine/test_cells.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ctind {
namespace {

using ::testing::HasSubstr;

constexpr char kSchema[] = R"pb(
code_lists { id: "gender" codes { value: "Feminine" } codes { value: "Masculine" } codes { value: "Other" } }
code_lists { id: "place" levels: ["country", "province", "district"]
  codes { value: "X" } codes { value: "PA" parent: "X" } codes { value: "PB" parent: "X" }
  codes { value: "D1" parent: "PA" } codes { value: "D2" parent: "PA" } codes { value: "D3" parent: "PB" } }
tables {
  name: "cases" key: "case_id" person: "person_id"
  fields { name: "case_id" type: STRING role: IDENTIFIER }
  fields { name: "person_id" type: STRING role: IDENTIFIER }
  fields { name: "prs_Gender" type: CATEGORY code_list: "gender" }
  fields { name: "opened_on" type: DATE }
  fields { name: "closed_on" type: DATE }
  fields { name: "days_to_close" type: INT64 }
  fields { name: "birth_date" type: DATE }
  fields { name: "age" type: INT64 }
  fields { name: "district" type: CATEGORY code_list: "place" }
}
tables {
  name: "population" sensitivity: NON_SENSITIVE
  fields { name: "year" type: INT64 }
  fields { name: "prs_Gender" type: CATEGORY code_list: "gender" }
  fields { name: "population" type: DOUBLE }
}
dimensions { id: "age_band" age_band { field: "birth_date" bands { lower_bounds: [0, 18] labels: ["0-17", "18+"] } } }
dimensions { id: "stored_age" age_band { field: "age" bands { lower_bounds: [0, 18] } } }
dimensions { id: "sex" grouping { field: "prs_Gender"
  groups { value: "female" members: "Feminine" } groups { value: "male" members: "Masculine" } } }
dimensions { id: "province" hierarchy_level { field: "district" level: "province" } }
dimensions { id: "closure_band" numeric_bands { expression: "days_to_close" upper_bounds: [30, 90] } }
)pb";

// C1 P1 F: 2025-01-10 → 02-15, 36 days, 14 at opening, D1
// C2 P2 M: 2025-03-31 → 06-30, 91 days, adult, D2
// C3 P3 F: 2025-05-05 → open, no days, 18 on the day it opened, D3
// C4 P1 F: 2025-11-20 → 12-31, 41 days, 15, D1
// C5 P4 M: 2025-12-15 → 12-10 (closes before it opens), 5 days, adult, no district
constexpr char kCases[] =
    "case_id,person_id,prs_Gender,opened_on,closed_on,days_to_close,birth_date,age,district\n"
    "C1,P1,Feminine,2025-01-10,2025-02-15,36,2010-03-01,14,D1\n"
    "C2,P2,Masculine,2025-03-31,2025-06-30,91,1990-01-01,35,D2\n"
    "C3,P3,Feminine,2025-05-05,,,2007-05-05,17,D3\n"
    "C4,P1,Feminine,2025-11-20,2025-12-31,41,2010-03-01,15,D1\n"
    "C5,P4,Masculine,2025-12-15,2025-12-10,5,2000-01-01,25,\n";

constexpr char kPopulation[] =
    "year,prs_Gender,population\n"
    "2025,Feminine,1000\n2025,Masculine,2000\n2026,Feminine,1100\n2026,Masculine,2100\n";

class MeasuresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<Schema> schema = Schema::Parse(kSchema, ProtoFormat::kText, "schema");
    ASSERT_TRUE(schema.ok()) << schema.status();
    schema_ = *schema;
    dataset_ = std::make_unique<Dataset>(*schema_);
    ASSERT_TRUE(dataset_->LoadCsv("cases", kCases, "cases.csv").ok());
    ASSERT_TRUE(dataset_->LoadCsv("population", kPopulation, "population.csv").ok());
  }

  // Computes one indicator given the body of its definition.
  absl::StatusOr<v1::IndicatorResult> Compute(const std::string& body, const char* as_of = "2025-12-31") {
    const std::string text = std::string(R"pb(
project { id: "P" title: "t" start_date: "2025-01-01" end_date: "2026-12-31" }
indicators { id: "I" title: "t" )pb") + body + "}\n";
    absl::StatusOr<Framework> fw = Framework::Parse(text, ProtoFormat::kText, "fw");
    if (!fw.ok()) return fw.status();
    absl::StatusOr<Plan> plan = Plan::Compile(*fw, *schema_);
    if (!plan.ok()) return plan.status();
    EvaluateOptions options;
    options.as_of = Date::ParseIso(as_of);
    absl::StatusOr<Results> results = Evaluate(*plan, *dataset_, options);
    if (!results.ok()) return results.status();
    last_report_ = results->proto();
    return results->proto().indicators(0);
  }

  static testing_cells::CellMap Cells(const v1::IndicatorResult& ir) {
    return testing_cells::ByValues(ir);
  }


  static double V(const testing_cells::CellMap& cells, const std::string& key) {
    return testing_cells::PresentValue(cells, key);
  }


  std::optional<Schema> schema_;
  std::unique_ptr<Dataset> dataset_;
  v1::Report last_report_;
};

constexpr char kByOpening[] = R"pb(period { by: "opened_on" every: QUARTERLY } )pb";

TEST_F(MeasuresTest, MeanAndItsNumeratorAndDenominator) {
  auto ir = Compute(std::string(R"pb(measure { value { table: "cases" mean: "days_to_close" } }
                                      cumulation: CUMULATIVE
                                      disaggregate_by { dimensions: "prs_Gender" } )pb") + kByOpening);
  ASSERT_TRUE(ir.ok()) << ir.status();
  const auto cells = Cells(*ir);
  EXPECT_EQ(V(cells, "SCOPE_PERIOD|2025Q1|"), 63.5);  // (36 + 91) / 2
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|").numerator(), 127);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|").denominator(), 2);
  // Q2 has a case (C3) but no value: the mean is missing, not 0.
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q2|").status(), v1::MISSING);
  EXPECT_FALSE(cells.at("SCOPE_PERIOD|2025Q2|").has_value());
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q3|").status(), v1::MISSING);
  EXPECT_EQ(V(cells, "SCOPE_PERIOD|2025Q4|"), 23);  // (41 + 5) / 2
  EXPECT_EQ(V(cells, "SCOPE_CUMULATIVE|2025Q2|"), 63.5);
  EXPECT_EQ(V(cells, "SCOPE_CUMULATIVE|2025Q4|"), 43.25);
  EXPECT_EQ(V(cells, "SCOPE_LIFE_OF_PROJECT|LOP|"), 43.25);  // 173 / 4
  EXPECT_EQ(V(cells, "SCOPE_PERIOD|2025Q1|Feminine;"), 36);
}

TEST_F(MeasuresTest, MedianMinMaxSum) {
  auto median = Compute(std::string(R"pb(measure { value { table: "cases" median: "days_to_close" } }
                                          cumulation: CUMULATIVE )pb") + kByOpening);
  ASSERT_TRUE(median.ok()) << median.status();
  EXPECT_EQ(V(Cells(*median), "SCOPE_LIFE_OF_PROJECT|LOP|"), 38.5);  // 5 36 | 41 91
  EXPECT_EQ(V(Cells(*median), "SCOPE_CUMULATIVE|2025Q2|"), 63.5);
  EXPECT_EQ(V(Cells(*median), "SCOPE_CUMULATIVE|2025Q4|"), 38.5);
  EXPECT_EQ(V(Cells(*median), "SCOPE_PERIOD|2025Q4|"), 23);
  auto min = Compute(std::string(R"pb(measure { value { table: "cases" min: "days_to_close" } } )pb") + kByOpening);
  ASSERT_TRUE(min.ok());
  EXPECT_EQ(V(Cells(*min), "SCOPE_LIFE_OF_PROJECT|LOP|"), 5);
  auto max = Compute(std::string(R"pb(measure { value { table: "cases" max: "days_to_close" } } )pb") + kByOpening);
  EXPECT_EQ(V(Cells(*max), "SCOPE_LIFE_OF_PROJECT|LOP|"), 91);
  auto sum = Compute(std::string(R"pb(measure { value { table: "cases" sum: "days_to_close" } } )pb") + kByOpening);
  EXPECT_EQ(V(Cells(*sum), "SCOPE_LIFE_OF_PROJECT|LOP|"), 173);
  EXPECT_EQ(V(Cells(*sum), "SCOPE_PERIOD|2025Q3|"), 0);  // a sum over nothing is 0
}

TEST_F(MeasuresTest, LifeOfProjectLatestTakesTheLastPeriod) {
  auto ir = Compute(std::string(R"pb(measure { value { table: "cases" mean: "days_to_close" } }
                                      life_of_project: LATEST )pb") + kByOpening);
  ASSERT_TRUE(ir.ok());
  EXPECT_EQ(V(Cells(*ir), "SCOPE_LIFE_OF_PROJECT|LOP|"), 23);
}

TEST_F(MeasuresTest, DerivedDimensions) {
  auto ir = Compute(std::string(R"pb(measure { value { table: "cases" count: true } }
      disaggregate_by { dimensions: "age_band" } disaggregate_by { dimensions: "stored_age" }
      disaggregate_by { dimensions: "sex" } disaggregate_by { dimensions: "province" }
      disaggregate_by { dimensions: "closure_band" } )pb") + kByOpening);
  ASSERT_TRUE(ir.ok()) << ir.status();
  const auto cells = Cells(*ir);
  const std::string lop = "SCOPE_LIFE_OF_PROJECT|LOP|";
  // Age at opening: C1 14, C4 15 children; C3 turns 18 that day.
  EXPECT_EQ(V(cells, "age_band:" + lop + "0-17;"), 2);
  EXPECT_EQ(V(cells, "age_band:" + lop + "18+;"), 3);
  EXPECT_EQ(V(cells, "age_band:SCOPE_PERIOD|2025Q2|18+;"), 1);
  // Stored ages are used as they are: C3's recorded 17 stays a child.
  EXPECT_EQ(V(cells, "stored_age:" + lop + "0-17;"), 3);
  EXPECT_EQ(V(cells, "stored_age:" + lop + "18+;"), 2);
  EXPECT_EQ(V(cells, lop + "female;"), 3);
  EXPECT_EQ(V(cells, lop + "male;"), 2);
  EXPECT_EQ(V(cells, lop + "PA;"), 3);
  EXPECT_EQ(V(cells, lop + "PB;"), 1);
  EXPECT_EQ(V(cells, "province:" + lop + "unknown;"), 1);  // C5 has no district
  EXPECT_EQ(V(cells, lop + "<=30;"), 1);
  EXPECT_EQ(V(cells, lop + ">30 <=90;"), 2);
  EXPECT_EQ(V(cells, lop + ">90;"), 1);
}

TEST_F(MeasuresTest, StockAtEndAndDuring) {
  auto at_end = Compute(R"pb(measure { value { table: "cases" count: true } }
      cumulation: CUMULATIVE
      period { every: QUARTERLY kind: STOCK_AT_END opened: "opened_on" closed: "closed_on" } )pb");
  ASSERT_TRUE(at_end.ok()) << at_end.status();
  auto cells = Cells(*at_end);
  EXPECT_EQ(V(cells, "SCOPE_PERIOD|2025Q1|"), 1);  // C2 opened on the last day
  EXPECT_EQ(V(cells, "SCOPE_PERIOD|2025Q2|"), 2);  // C2 closed on the last day, C3
  EXPECT_EQ(V(cells, "SCOPE_PERIOD|2025Q3|"), 1);
  EXPECT_EQ(V(cells, "SCOPE_PERIOD|2025Q4|"), 2);  // C3, C4; C5 is invalid
  EXPECT_EQ(V(cells, "SCOPE_LIFE_OF_PROJECT|LOP|"), 2);
  // A stock at the end of a period is already to date.
  EXPECT_EQ(V(cells, "SCOPE_CUMULATIVE|2025Q2|"), 2);
  bool finding = false;
  for (const v1::Finding& f : last_report_.findings()) {
    finding = finding || (f.rule() == "invalid_interval" && f.count() == 1);
  }
  EXPECT_TRUE(finding);

  auto during = Compute(R"pb(measure { value { table: "cases" count_distinct: "person_id" } }
      cumulation: CUMULATIVE
      period { every: QUARTERLY kind: STOCK_DURING opened: "opened_on" closed: "closed_on" } )pb");
  ASSERT_TRUE(during.ok()) << during.status();
  cells = Cells(*during);
  EXPECT_EQ(V(cells, "SCOPE_PERIOD|2025Q1|"), 2);  // P1 (C1), P2
  EXPECT_EQ(V(cells, "SCOPE_PERIOD|2025Q2|"), 2);
  EXPECT_EQ(V(cells, "SCOPE_PERIOD|2025Q4|"), 2);  // P3, P1 (C4)
  EXPECT_EQ(V(cells, "SCOPE_CUMULATIVE|2025Q2|"), 3);
  EXPECT_EQ(V(cells, "SCOPE_CUMULATIVE|2025Q4|"), 3);  // P1 counted once
  EXPECT_EQ(V(cells, "SCOPE_LIFE_OF_PROJECT|LOP|"), 3);
}

TEST_F(MeasuresTest, ForwardWindowLeavesOutWhatIsNotYetObservable) {
  auto ir = Compute(R"pb(measure { value { table: "cases" count: true } }
      period { by: "opened_on" every: QUARTERLY window { days: 30 } } )pb");
  ASSERT_TRUE(ir.ok()) << ir.status();
  const auto cells = Cells(*ir);
  // C5 (15 Dec + 30 days = 14 Jan) is not yet observable on 31 Dec.
  const v1::Cell& q4 = cells.at("SCOPE_PERIOD|2025Q4|");
  EXPECT_EQ(q4.value(), 1);
  EXPECT_THAT(q4.flags(), ::testing::Contains(v1::NOT_YET_OBSERVABLE));
  EXPECT_EQ(q4.not_yet_observable(), 1);
  EXPECT_EQ(V(cells, "SCOPE_LIFE_OF_PROJECT|LOP|"), 4);
  EXPECT_THAT(cells.at("SCOPE_PERIOD|2025Q1|").flags(), ::testing::IsEmpty());
}

TEST_F(MeasuresTest, RatePerPopulationAcrossTables) {
  const std::string body = R"pb(measure { ratio {
      numerator { table: "cases" count: true }
      denominator { table: "population" sum: "population" period { year_field: "year" } }
      factor: 100000 } }
    period { by: "opened_on" every: YEARLY }
    disaggregate_by { dimensions: "prs_Gender" } disaggregate_by { dimensions: "province" } )pb";
  auto ir = Compute(body);
  ASSERT_TRUE(ir.ok()) << ir.status();
  auto cells = Cells(*ir);
  EXPECT_DOUBLE_EQ(V(cells, "SCOPE_PERIOD|2025|"), 5 * 100000.0 / 3000);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025|").numerator(), 5);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025|").denominator(), 3000);
  EXPECT_EQ(V(cells, "SCOPE_PERIOD|2025|Feminine;"), 300);   // 3 / 1000
  EXPECT_EQ(V(cells, "SCOPE_PERIOD|2025|Masculine;"), 100);  // 2 / 2000
  // No population of 'Other': no denominator.
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025|Other;").status(), v1::MISSING);
  EXPECT_THAT(cells.at("SCOPE_PERIOD|2025|Other;").flags(), ::testing::Contains(v1::NO_DENOMINATOR));
  // The population has no province: the denominator's total is used.
  EXPECT_DOUBLE_EQ(V(cells, "SCOPE_PERIOD|2025|PA;"), 3 * 100000.0 / 3000);

  // Over two years the life of project uses the mean of the years.
  auto two_years = Compute(body, "2026-06-30");
  ASSERT_TRUE(two_years.ok()) << two_years.status();
  cells = Cells(*two_years);
  EXPECT_EQ(cells.at("SCOPE_LIFE_OF_PROJECT|LOP|").denominator(), 3100);
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2026|").denominator(), 3200);
}

TEST_F(MeasuresTest, MissingPopulationYearIsAClearError) {
  Dataset short_population(*schema_);
  ASSERT_TRUE(short_population.LoadCsv("cases", kCases, "cases.csv").ok());
  ASSERT_TRUE(short_population.LoadCsv("population", "year,prs_Gender,population\n2025,Feminine,1\n",
                                        "population.csv").ok());
  dataset_ = std::make_unique<Dataset>(std::move(short_population));
  auto ir = Compute(R"pb(measure { ratio {
      numerator { table: "cases" count: true }
      denominator { table: "population" sum: "population" period { year_field: "year" } } } }
    period { by: "opened_on" every: YEARLY } )pb", "2026-06-30");
  ASSERT_FALSE(ir.ok());
  EXPECT_THAT(std::string(ir.status().message()),
              HasSubstr("indicator 'I', period 2026: table 'population' has no row for year 2026"));
}

TEST_F(MeasuresTest, RelativeChangeAgainstTheBaseline) {
  auto ir = Compute(std::string(R"pb(measure { value { table: "cases" count: true } relative_change: true }
                                      baseline { value: 4 } )pb") + kByOpening);
  ASSERT_TRUE(ir.ok()) << ir.status();
  EXPECT_EQ(V(Cells(*ir), "SCOPE_LIFE_OF_PROJECT|LOP|"), 25);  // (5 - 4) / 4
  EXPECT_EQ(V(Cells(*ir), "SCOPE_PERIOD|2025Q3|"), -100);      // (0 - 4) / 4
}

TEST_F(MeasuresTest, DistinctCountOverTheOwnKeyIsACount) {
  auto ir = Compute(std::string(R"pb(measure { value { table: "cases" count_distinct: "case_id" } } )pb") + kByOpening);
  ASSERT_TRUE(ir.ok());
  EXPECT_EQ(V(Cells(*ir), "SCOPE_LIFE_OF_PROJECT|LOP|"), 5);
  EXPECT_EQ(Cells(*ir).at("SCOPE_LIFE_OF_PROJECT|LOP|").units(), 4);  // persons P1..P4
}

}  // namespace
}  // namespace ctind

namespace ctind {
namespace {

TEST_F(MeasuresTest, DeclaredBreakdownValuesChooseAndOrderTheCells) {
  auto ir = Compute(std::string(R"pb(measure { value { table: "cases" count: true } }
      disaggregate_by { dimensions: "prs_Gender" values: ["Masculine", "Feminine"] } )pb") + kByOpening);
  ASSERT_TRUE(ir.ok()) << ir.status();
  std::vector<std::string> lop_cells;
  for (const v1::Cell& c : ir->cells()) {
    if (c.scope() == v1::SCOPE_LIFE_OF_PROJECT && c.coordinates_size() == 1) {
      lop_cells.push_back(absl::StrCat(c.coordinates(0).value(), "=", c.value()));
    }
  }
  EXPECT_THAT(lop_cells, ::testing::ElementsAre("Masculine=2", "Feminine=3"));
  auto bad = Compute(std::string(R"pb(measure { value { table: "cases" count: true } }
      disaggregate_by { dimensions: "prs_Gender" values: ["Femenine"] } )pb") + kByOpening);
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(std::string(bad.status().message()),
              HasSubstr("'Femenine' is not a value of dimension 'prs_Gender'; did you mean 'Feminine'?"));
}

}  // namespace
}  // namespace ctind

namespace ctind {
namespace {

// "A coordination mechanism in place": the latest review up to each
// period's end decides, carried forward through periods without a review.
TEST(InPlaceTest, LatestRecordUpToThePeriodsEnd) {
  absl::StatusOr<Schema> schema = Schema::Parse(R"pb(
tables { name: "mechanisms" sensitivity: NON_SENSITIVE
  fields { name: "mechanism_id" type: STRING role: IDENTIFIER }
  fields { name: "meets_regularly" type: BOOL }
  fields { name: "reviewed_on" type: DATE } })pb", ProtoFormat::kText, "schema");
  ASSERT_TRUE(schema.ok()) << schema.status();
  Dataset dataset(*schema);
  ASSERT_TRUE(dataset.LoadCsv("mechanisms",
                              "mechanism_id,meets_regularly,reviewed_on\n"
                              "M1,true,2025-05-10\nM1,false,2025-06-30\nM1,true,2025-09-01\n",
                              "m.csv").ok());
  absl::StatusOr<Framework> fw = Framework::Parse(R"pb(
project { id: "P" title: "t" start_date: "2025-01-01" end_date: "2025-12-31" }
indicators { id: "I" title: "Mechanism in place"
  measure { in_place { table: "mechanisms" value: "meets_regularly" } }
  period { by: "reviewed_on" every: QUARTERLY } })pb", ProtoFormat::kText, "fw");
  ASSERT_TRUE(fw.ok()) << fw.status();
  absl::StatusOr<Plan> plan = Plan::Compile(*fw, *schema);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EvaluateOptions options;
  options.as_of = Date::ParseIso("2025-12-31");
  absl::StatusOr<Results> results = Evaluate(*plan, dataset, options);
  ASSERT_TRUE(results.ok()) << results.status();
  std::vector<std::string> values;
  for (const v1::Cell& c : results->proto().indicators(0).cells()) {
    values.push_back(absl::StrCat(c.period(), "=", c.has_value() ? absl::StrCat(c.value()) : "missing"));
  }
  // Q1: no review yet; Q2: the review on its last day says no; Q3 yes;
  // Q4 keeps Q3's; the life of project is the latest.
  EXPECT_THAT(values, ::testing::ElementsAre("2025Q1=missing", "2025Q2=0", "2025Q3=1", "2025Q4=1",
                                             "LOP=1"));
}

}  // namespace
}  // namespace ctind
