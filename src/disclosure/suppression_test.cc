// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Primary, complementary and derived suppression on results computed by
// the engine from hand-made persons; every expected suppression is worked
// out by hand in the comments (k = 5 unless said otherwise).

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ctind/assess.h"
#include "disclosure/disclosure_fixture.h"
#include "disclosure/figure_model.h"
#include "disclosure/suppression.h"
#include "engine/plan_info.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ctind {
namespace {

using disclosure_fixture::EvaluateAndPublish;
using disclosure_fixture::PersonGroup;
using disclosure_fixture::PersonsCsv;
using disclosure_fixture::Reasons;
using disclosure_fixture::Withheld;
using ::testing::ElementsAre;
using ::testing::Pair;
using Map = std::map<std::string, std::string>;

// One quarter: the quarter and the life of project cover the same dates,
// so each cell's figures appear twice (2025Q1 and LOP).
constexpr char kStart[] = "2025-01-01";
constexpr char kQuarterEnd[] = "2025-03-31";

std::string Indicator(const std::string& id, const std::string& body) {
  return absl::StrCat("indicators { id: \"", id, "\" title: \"t\" period { by: \"identified_on\" every: QUARTERLY } ",
                      body, " }\n");
}

// Five persons aged 10, 20, 30, 40 and 50, all identified in 2025Q1.
std::string FivePersons() {
  std::vector<PersonGroup> g;
  for (int age : {10, 20, 30, 40, 50}) g.push_back({1, "F", age});
  return PersonsCsv(g);
}

TEST(PrimarySuppressionTest, OneToKMinusOneIsSuppressedZeroAndKArePublished) {
  const std::string count = R"pb(measure { value { table: "persons" count: true } })pb";
  const disclosure_fixture::Run run = EvaluateAndPublish(
      Indicator("zero", std::string(count) + " where: \"age > 100\"") +   // 0 persons
          Indicator("one", std::string(count) + " where: \"age < 15\"") +  // 1 (aged 10)
          Indicator("four", std::string(count) + " where: \"age > 15\"") + // 4
          Indicator("five", count),                                        // 5
      FivePersons(), kStart, kQuarterEnd, kQuarterEnd);
  ASSERT_TRUE(run.publication);
  EXPECT_EQ(Withheld(run, 0), Map{});
  EXPECT_EQ(Withheld(run, 1), (Map{{"SCOPE_LIFE_OF_PROJECT|LOP|", "PRIMARY"}, {"SCOPE_PERIOD|2025Q1|", "PRIMARY"}}));
  EXPECT_EQ(Withheld(run, 2), (Map{{"SCOPE_LIFE_OF_PROJECT|LOP|", "PRIMARY"}, {"SCOPE_PERIOD|2025Q1|", "PRIMARY"}}));
  EXPECT_EQ(Withheld(run, 3), Map{});
  // Zero is published as zero, not withheld.
  const auto zero = disclosure_fixture::Published(run, 0);
  EXPECT_EQ(zero.at("SCOPE_PERIOD|2025Q1|").status(), v1::PRESENT);
  EXPECT_EQ(zero.at("SCOPE_PERIOD|2025Q1|").value(), 0);
}

TEST(PrimarySuppressionTest, KPerFrameworkAndPerIndicator) {
  const std::string count = R"pb(measure { value { table: "persons" count: true } })pb";
  // Framework k = 2: only 1 is small. Indicator "four-k5" raises it to 5
  // (4 is small), "one-k1" lowers it to 1 (nothing is small).
  const disclosure_fixture::Run run = EvaluateAndPublish(
      "disclosure { min_cell_size: 2 }\n" +
          Indicator("one", count + " where: \"age < 15\"") +
          Indicator("four", count + " where: \"age > 15\"") +
          Indicator("four-k5", count + " where: \"age > 15\" disclosure { min_cell_size: 5 }") +
          Indicator("one-k1", count + " where: \"age < 15\" disclosure { min_cell_size: 1 }"),
      FivePersons(), kStart, kQuarterEnd, kQuarterEnd);
  ASSERT_TRUE(run.publication);
  EXPECT_EQ(Withheld(run, 0).size(), 2u);
  EXPECT_EQ(Withheld(run, 1), Map{});
  EXPECT_EQ(Withheld(run, 2).size(), 2u);
  EXPECT_EQ(Withheld(run, 3), Map{});
  EXPECT_EQ(run.publication->results().proto().publication().min_cell_size(), 2);
}

TEST(PrimarySuppressionTest, NonSensitiveIndicatorsAndTablesAreNotSuppressedForTheirCounts) {
  const disclosure_fixture::Run run = EvaluateAndPublish(
      Indicator("declared", R"pb(measure { value { table: "persons" count: true } } where: "age < 15"
                                 disclosure { non_sensitive: true })pb") +
          R"pb(indicators { id: "mechanisms" title: "t" period { by: "set_up_on" every: QUARTERLY }
                            measure { value { table: "mechanisms" count: true } } })pb",
      FivePersons(), kStart, kQuarterEnd, kQuarterEnd, {}, PublishOptions(),
      "mechanism_id,set_up_on\nM1,2025-02-01\n");
  ASSERT_TRUE(run.publication);
  // One person, one mechanism: published.
  EXPECT_EQ(Withheld(run, 0), Map{});
  EXPECT_EQ(Withheld(run, 1), Map{});
  EXPECT_EQ(disclosure_fixture::Published(run, 1).at("SCOPE_PERIOD|2025Q1|").value(), 1);
}

TEST(PrimarySuppressionTest, RatioComplementAndPopulationDenominator) {
  // Ten persons aged 10 … 100; those aged 10 … 80 were served.
  std::vector<PersonGroup> g;
  for (int age = 10; age <= 100; age += 10) g.push_back({1, "F", age, "2025-01-15", age <= 80});
  const std::string served = R"pb(measure { ratio { numerator { table: "persons" count: true where: "served" }
                                                   denominator { table: "persons" count: true } factor: 100 } })pb";
  const disclosure_fixture::Run run = EvaluateAndPublish(
      // 8 of 10: the complement, 2 not served, is small.
      Indicator("eight-of-ten", served) +
          // 5 served aged ≤ 50 of 10: numerator 5, complement 5.
          Indicator("five-of-ten", R"pb(measure { ratio { numerator { table: "persons" count: true
                                                                       where: "served and age <= 50" }
                                                           denominator { table: "persons" count: true } factor: 100 } })pb") +
          // Of the 8 aged ≤ 80, all 8 served: complement 0.
          Indicator("all-of-eight", served + " where: \"age <= 80\"") +
          // 8 served per mechanism (reference data, 1 of them): published.
          R"pb(indicators { id: "per-mechanism" title: "t" period { by: "identified_on" every: QUARTERLY }
                 measure { ratio { numerator { table: "persons" count: true where: "served" }
                                   denominator { table: "mechanisms" count: true period { by: "set_up_on" } } } } })pb",
      PersonsCsv(g), kStart, kQuarterEnd, kQuarterEnd, {}, PublishOptions(),
      "mechanism_id,set_up_on\nM1,2025-02-01\n");
  ASSERT_TRUE(run.publication);
  EXPECT_EQ(Withheld(run, 0), (Map{{"SCOPE_LIFE_OF_PROJECT|LOP|", "PRIMARY"}, {"SCOPE_PERIOD|2025Q1|", "PRIMARY"}}));
  EXPECT_EQ(Withheld(run, 1), Map{});
  EXPECT_EQ(Withheld(run, 2), Map{});
  EXPECT_EQ(disclosure_fixture::Published(run, 2).at("SCOPE_PERIOD|2025Q1|").value(), 100);
  EXPECT_EQ(Withheld(run, 3), Map{});
  EXPECT_EQ(disclosure_fixture::Published(run, 3).at("SCOPE_PERIOD|2025Q1|").value(), 8);
}

TEST(ComplementarySuppressionTest, OneWayBreakdown) {
  // F 2, M 10, X 6 (total 18). F is primary; the total is published, so a
  // second cell of the breakdown must go, holding at least k − 2 = 3: the
  // smallest such is X (6). Then F and X are each in [0, 8].
  const disclosure_fixture::Run run = EvaluateAndPublish(
      Indicator("I", R"pb(measure { value { table: "persons" count: true } } disaggregate_by { dimensions: "gender" })pb"),
      PersonsCsv({{2, "F"}, {10, "M"}, {6, "X"}}), kStart, kQuarterEnd, kQuarterEnd);
  ASSERT_TRUE(run.publication);
  EXPECT_EQ(Withheld(run, 0), (Map{{"SCOPE_LIFE_OF_PROJECT|LOP|gender=F;", "PRIMARY"},
                                   {"SCOPE_LIFE_OF_PROJECT|LOP|gender=X;", "DERIVED"},
                                   {"SCOPE_PERIOD|2025Q1|gender=F;", "PRIMARY"},
                                   {"SCOPE_PERIOD|2025Q1|gender=X;", "COMPLEMENTARY"}}));
}

TEST(ComplementarySuppressionTest, CrossedBreakdown) {
  // gender × age band, with every margin published:
  //            child  adult | gender
  //   F          1      7   |   8
  //   M          6      9   |  15
  //   X          0      0   |   0
  //   band       7     16   |  23
  // F-child (1) is primary. Its row F has one other non-zero cell, F-adult;
  // its column child one, M-child; then row M and column adult each hold
  // one withheld cell, so M-adult goes too. The four cells move together
  // (F-child = t, F-adult = 8 − t, M-child = 7 − t, M-adult = 8 + t, t in
  // [0, 7]): every interval is 7 wide.
  const disclosure_fixture::Run run = EvaluateAndPublish(
      Indicator("I", R"pb(measure { value { table: "persons" count: true } }
                          disaggregate_by { dimensions: ["gender", "age_band"] })pb"),
      PersonsCsv({{1, "F", 10}, {7, "F", 30}, {6, "M", 10}, {9, "M", 30}}), kStart, kQuarterEnd, kQuarterEnd);
  ASSERT_TRUE(run.publication);
  Map period;
  for (const auto& [key, reason] : Withheld(run, 0)) {
    if (key.rfind("SCOPE_PERIOD|", 0) == 0) period[key] = reason;
  }
  EXPECT_EQ(period, (Map{{"SCOPE_PERIOD|2025Q1|gender=F;age_band=adult;", "COMPLEMENTARY"},
                         {"SCOPE_PERIOD|2025Q1|gender=F;age_band=child;", "PRIMARY"},
                         {"SCOPE_PERIOD|2025Q1|gender=M;age_band=adult;", "COMPLEMENTARY"},
                         {"SCOPE_PERIOD|2025Q1|gender=M;age_band=child;", "COMPLEMENTARY"}}));
}

TEST(ComplementarySuppressionTest, AGroupingIsARollUpOfItsCodes) {
  // gender F 2, M 10, X 6 and its grouping sex: female = F (2), male = M
  // (10), X in no group so unknown (6). F is primary, and so is female (the
  // same persons). The total is published: in gender the second cell is X
  // (the smallest holding 3), in sex the unknown cell (X's persons). Each
  // pair moves together within [0, 8].
  const disclosure_fixture::Run run = EvaluateAndPublish(
      Indicator("I", R"pb(measure { value { table: "persons" count: true } }
                          disaggregate_by { dimensions: "gender" } disaggregate_by { dimensions: "sex" })pb"),
      PersonsCsv({{2, "F"}, {10, "M"}, {6, "X"}}), kStart, kQuarterEnd, kQuarterEnd);
  ASSERT_TRUE(run.publication);
  Map period;
  for (const auto& [key, reason] : Withheld(run, 0)) {
    if (key.rfind("SCOPE_PERIOD|", 0) == 0) period[key] = reason;
  }
  EXPECT_EQ(period, (Map{{"SCOPE_PERIOD|2025Q1|gender=F;", "PRIMARY"},
                         {"SCOPE_PERIOD|2025Q1|gender=X;", "COMPLEMENTARY"},
                         {"SCOPE_PERIOD|2025Q1|sex=female;", "PRIMARY"},
                         {"SCOPE_PERIOD|2025Q1|sex=unknown;", "COMPLEMENTARY"}}));
}

TEST(ComplementarySuppressionTest, QuartersInAYear) {
  // Quarters 2, 10, 7, 12 and the year 2025 (31, also the life of
  // project). Q1 is primary; the year is their sum, so another quarter
  // holding at least 3 goes: the smallest is Q3 (7).
  const disclosure_fixture::Run run = EvaluateAndPublish(
      Indicator("I", R"pb(measure { value { table: "persons" count: true } })pb"),
      PersonsCsv({{2, "F", 30, "2025-02-01"}, {10, "F", 30, "2025-05-01"}, {7, "F", 30, "2025-08-01"},
                  {12, "F", 30, "2025-11-01"}}),
      kStart, "2025-12-31", "2025-12-31", {"YEARLY"});
  ASSERT_TRUE(run.publication);
  EXPECT_EQ(Withheld(run, 0), (Map{{"SCOPE_PERIOD|2025Q1|", "PRIMARY"}, {"SCOPE_PERIOD|2025Q3|", "COMPLEMENTARY"}}));
}

TEST(ComplementarySuppressionTest, CumulativeValuesAreMarginsOfThePeriods) {
  // Q1 3, Q2 9: cumulative Q1 = 3 (the same dates as Q1), cumulative Q2 =
  // 12 = the life of project. Q1 is primary (and its cumulative copy);
  // cumulative Q2 = cumulative Q1 + Q2 is published, so Q2 must go.
  const disclosure_fixture::Run run = EvaluateAndPublish(
      Indicator("I", R"pb(measure { value { table: "persons" count: true } } cumulation: CUMULATIVE)pb"),
      PersonsCsv({{3, "F", 30, "2025-02-01"}, {9, "F", 30, "2025-05-01"}}), kStart, "2025-06-30", "2025-06-30");
  ASSERT_TRUE(run.publication);
  EXPECT_EQ(Withheld(run, 0), (Map{{"SCOPE_CUMULATIVE|2025Q1|", "PRIMARY"},
                                   {"SCOPE_PERIOD|2025Q1|", "PRIMARY"},
                                   {"SCOPE_PERIOD|2025Q2|", "COMPLEMENTARY"}}));
}

TEST(ComplementarySuppressionTest, MultiValuedCellsAreBoundedByInequalitiesOnly) {
  // Forms of exploitation (several per person): 15 Labour only, 2 Labour and
  // Sexual, 1 Sexual only, 2 Other: Labour 17, Sexual 3, Other 2, total 20.
  // Sexual and Other are primary. An attacker knows only each ≤ 20 and
  // 20 ≤ 17 + Sexual + Other: both stay in [0, 20], so nothing more goes.
  const disclosure_fixture::Run run = EvaluateAndPublish(
      Indicator("I", R"pb(measure { value { table: "persons" count: true } } disaggregate_by { dimensions: "forms" })pb"),
      PersonsCsv({{15, "F", 30, "2025-01-15", false, "Labour"},
                  {2, "F", 30, "2025-01-15", false, "Labour;Sexual"},
                  {1, "F", 30, "2025-01-15", false, "Sexual"},
                  {2, "F", 30, "2025-01-15", false, "Other"}}),
      kStart, kQuarterEnd, kQuarterEnd);
  ASSERT_TRUE(run.publication);
  Map period;
  for (const auto& [key, reason] : Withheld(run, 0)) {
    if (key.rfind("SCOPE_PERIOD|", 0) == 0) period[key] = reason;
  }
  EXPECT_EQ(period, (Map{{"SCOPE_PERIOD|2025Q1|forms=Other;", "PRIMARY"},
                         {"SCOPE_PERIOD|2025Q1|forms=Sexual;", "PRIMARY"}}));
}

TEST(DerivedSuppressionTest, LatestLifeOfProjectValueIsTheLastPeriods) {
  // life_of_project: LATEST: the LOP cells are Q2's. Q1: F 6, M 7, X 5 (all
  // published). Q2: F 2, M 9, X 6: F primary, X complementary (the
  // smallest cell holding at least 3); LOP X shows Q2 X's number: derived.
  const disclosure_fixture::Run run = EvaluateAndPublish(
      Indicator("I", R"pb(measure { value { table: "persons" count: true } } life_of_project: LATEST
                          disaggregate_by { dimensions: "gender" })pb"),
      PersonsCsv({{6, "F", 30, "2025-02-01"}, {7, "M", 30, "2025-02-01"}, {5, "X", 30, "2025-02-01"},
                  {2, "F", 30, "2025-05-01"}, {9, "M", 30, "2025-05-01"}, {6, "X", 30, "2025-05-01"}}),
      kStart, "2025-06-30", "2025-06-30");
  ASSERT_TRUE(run.publication);
  EXPECT_EQ(Withheld(run, 0), (Map{{"SCOPE_LIFE_OF_PROJECT|LOP|gender=F;", "PRIMARY"},
                                   {"SCOPE_LIFE_OF_PROJECT|LOP|gender=X;", "DERIVED"},
                                   {"SCOPE_PERIOD|2025Q2|gender=F;", "PRIMARY"},
                                   {"SCOPE_PERIOD|2025Q2|gender=X;", "COMPLEMENTARY"}}));
}

TEST(ReportedIndicatorTest, EnteredCountsAreProtectedWhereTheyAddUp) {
  // Entered for 2025Q1: 12 referrals, 2 of women and 10 of men (they add
  // up). F is primary; the total is published and F + M = 12, so M goes
  // too. The life-of-project cells show the latest entered values (those
  // of 2025Q1): F's own 2 is primary, M's copy derived. A non-sensitive
  // entered figure (mechanisms, 3) is published.
  absl::StatusOr<Schema> schema = Schema::Parse(disclosure_fixture::kSchema, ProtoFormat::kText, "schema");
  ASSERT_TRUE(schema.ok()) << schema.status();
  absl::StatusOr<Framework> fw = Framework::Parse(R"pb(
schema_id: "disclosure"
project { id: "P" title: "t" start_date: "2025-01-01" end_date: "2025-03-31" }
indicators { id: "referrals" title: "t" source: REPORTED period { every: QUARTERLY }
  disaggregate_by { dimensions: "gender" }
  reported { period: "2025Q1" number: 12 }
  reported { period: "2025Q1" number: 2 cell { dimension: "gender" value: "F" } }
  reported { period: "2025Q1" number: 10 cell { dimension: "gender" value: "M" } } }
indicators { id: "mechanisms" title: "t" source: REPORTED period { every: QUARTERLY }
  disclosure { non_sensitive: true }
  reported { period: "2025Q1" number: 3 } })pb", ProtoFormat::kText, "framework");
  ASSERT_TRUE(fw.ok()) << fw.status();
  absl::StatusOr<Plan> plan = Plan::Compile(*fw, *schema);
  ASSERT_TRUE(plan.ok()) << plan.status();
  Dataset data(*schema);
  EvaluateOptions options;
  options.as_of = Date::ParseIso("2025-03-31");
  // The raw results hold the entered values (Evaluate adds them): they are
  // published, protected, with no step of the caller's.
  absl::StatusOr<Results> raw = Evaluate(*plan, data, options);
  ASSERT_TRUE(raw.ok()) << raw.status();
  ASSERT_GT(raw->proto().indicators(0).cells_size(), 0);
  absl::StatusOr<Publication> pub = Publish(*raw, *plan);
  ASSERT_TRUE(pub.ok()) << pub.status();
  disclosure_fixture::Run run;
  run.publication = *pub;
  EXPECT_EQ(Withheld(run, 0), (Map{{"SCOPE_LIFE_OF_PROJECT|LOP|gender=F;", "PRIMARY"},
                                   {"SCOPE_LIFE_OF_PROJECT|LOP|gender=M;", "DERIVED"},
                                   {"SCOPE_PERIOD|2025Q1|gender=F;", "PRIMARY"},
                                   {"SCOPE_PERIOD|2025Q1|gender=M;", "COMPLEMENTARY"}}));
  EXPECT_EQ(Withheld(run, 1), Map{});
  for (const v1::Cell& c : pub->results().proto().indicators(0).cells()) {
    if (c.status() != v1::SUPPRESSED) continue;
    EXPECT_FALSE(c.has_reported()) << disclosure_fixture::Key(c);  // the entered number is gone too
  }
}

TEST(AttackerIntervalsTest, OneWayBreakdownByHand) {
  // The model of OneWayBreakdown above, attacked directly: with F and X
  // withheld and the total 18 and M 10 known, F + X = 8, so each lies in
  // [0, 8]; with only F withheld it is pinned at 2.
  const disclosure_fixture::Run run = EvaluateAndPublish(
      Indicator("I", R"pb(measure { value { table: "persons" count: true } } disaggregate_by { dimensions: "gender" })pb"),
      PersonsCsv({{2, "F"}, {10, "M"}, {6, "X"}}), kStart, kQuarterEnd, kQuarterEnd);
  ASSERT_TRUE(run.raw);
  const std::vector<internal::IndicatorInfo> infos = internal::DescribeIndicators(*run.plan);
  absl::StatusOr<internal::IndicatorModel> model =
      internal::BuildIndicatorModel(infos[0], run.raw->proto().indicators(0), 5);
  ASSERT_TRUE(model.ok()) << model.status();
  const v1::IndicatorResult& ir = run.raw->proto().indicators(0);
  std::vector<bool> f_only(ir.cells_size(), false), f_and_x(ir.cells_size(), false);
  for (int c = 0; c < ir.cells_size(); ++c) {
    const std::string key = disclosure_fixture::Key(ir.cells(c));
    const bool f = key.find("gender=F;") != std::string::npos;
    const bool x = key.find("gender=X;") != std::string::npos;
    f_only[c] = f;
    f_and_x[c] = f || x;
  }
  absl::StatusOr<std::vector<internal::FeasibleInterval>> pinned = internal::AttackerIntervals(*model, f_only);
  ASSERT_TRUE(pinned.ok()) << pinned.status();
  ASSERT_EQ(pinned->size(), 1u);  // one figure: F's unit count (shown twice)
  EXPECT_TRUE((*pinned)[0].exact);
  EXPECT_NEAR((*pinned)[0].low, 2, 1e-9);
  EXPECT_NEAR((*pinned)[0].high, 2, 1e-9);
  absl::StatusOr<std::vector<internal::FeasibleInterval>> wide = internal::AttackerIntervals(*model, f_and_x);
  ASSERT_TRUE(wide.ok()) << wide.status();
  ASSERT_EQ(wide->size(), 2u);
  for (const internal::FeasibleInterval& i : *wide) EXPECT_GE(i.high - i.low, 5 - 1e-9);
}

}  // namespace
}  // namespace ctind
