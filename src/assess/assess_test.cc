// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Assess end to end: reports computed by the engine from the fixture of
// assess_testing.h (quarterly persons 17, 23, 16, 0, 5; life of project
// 61), assessed against targets chosen by hand. Every expected value is
// worked out in the comments.

#include <limits>
#include <string>

#include "assess/assess_testing.h"
#include "ctind/assess.h"
#include "ctind/v1/report.pb.h"
#include "engine/test_cells.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ctind {
namespace {

using ::ctind::assess_testing::Evaluate;
using ::ctind::assess_testing::Evaluated;
using ::ctind::assess_testing::Find;
using ::ctind::assess_testing::kPersonsPerQuarter;
using ::ctind::assess_testing::Suppress;
using ::testing::HasSubstr;

// An indicator "I" counting persons per quarter with `body` added.
std::string Persons(const std::string& id, const std::string& body) {
  return "indicators { id: \"" + id + "\" title: \"persons\" " + kPersonsPerQuarter + body + " }\n";
}

// Evaluates and assesses; fails the test on error.
Evaluated Assessed(const std::string& indicators, AssessOptions options = {}) {
  absl::StatusOr<Evaluated> e = Evaluate(indicators);
  EXPECT_TRUE(e.ok()) << e.status();
  if (!e.ok()) return {};
  absl::Status status = Assess(*e->framework, &e->report, options);
  EXPECT_TRUE(status.ok()) << status;
  return *std::move(e);
}

testing_cells::CellMap Cells(v1::Report& report, const std::string& id) {
  v1::IndicatorResult* ir = Find(&report, id);
  EXPECT_NE(ir, nullptr) << id;
  return ir == nullptr ? testing_cells::CellMap() : testing_cells::ByCoordinates(*ir);
}

// A copy of the cell at `key` (so that it outlives a temporary map).
v1::Cell At(const testing_cells::CellMap& cells, const std::string& key) {
  auto it = cells.find(key);
  if (it == cells.end()) {
    ADD_FAILURE() << "no cell " << key;
    return v1::Cell();
  }
  return it->second;
}

constexpr char kTargets20[] = R"pb(
  targets { period: "2025Q1" value: 20 }
  targets { period: "2025Q2" value: 20 }
  targets { period: "2025Q3" value: 20 }
  targets { period: "2025Q4" value: 0 }
  targets { period: "2026Q1" value: 0 }
)pb";

TEST(AssessTest, IncreaseStatusesPerPeriod) {
  Evaluated e = Assessed(Persons("I", std::string("direction: INCREASE") + kTargets20));
  const auto cells = Cells(e.report, "I");
  // 2025Q1: 17 of 20 = 85 %, the lower bound: on track.
  const v1::Cell& q1 = At(cells, "SCOPE_PERIOD|2025Q1|");
  EXPECT_EQ(q1.target(), 20);
  EXPECT_EQ(q1.percent_achieved(), 85);
  EXPECT_EQ(q1.assessment(), v1::ON_TRACK);
  // 2025Q2: 23 of 20 = 115 %, the upper bound: on track.
  EXPECT_EQ(At(cells, "SCOPE_PERIOD|2025Q2|").percent_achieved(), 115);
  EXPECT_EQ(At(cells, "SCOPE_PERIOD|2025Q2|").assessment(), v1::ON_TRACK);
  // 2025Q3: 16 of 20 = 80 %: below the window, behind when more is better.
  EXPECT_EQ(At(cells, "SCOPE_PERIOD|2025Q3|").percent_achieved(), 80);
  EXPECT_EQ(At(cells, "SCOPE_PERIOD|2025Q3|").assessment(), v1::BEHIND);
  // 2025Q4: target 0, actual 0: on track, % achieved undefined (unset).
  const v1::Cell& q4 = At(cells, "SCOPE_PERIOD|2025Q4|");
  EXPECT_TRUE(q4.has_target());
  EXPECT_EQ(q4.target(), 0);
  EXPECT_FALSE(q4.has_percent_achieved());
  EXPECT_EQ(q4.assessment(), v1::ON_TRACK);
  // 2026Q1: target 0, actual 5 > 0: ahead for INCREASE.
  EXPECT_FALSE(At(cells, "SCOPE_PERIOD|2026Q1|").has_percent_achieved());
  EXPECT_EQ(At(cells, "SCOPE_PERIOD|2026Q1|").assessment(), v1::AHEAD);
  // Without a baseline there is no progress anywhere.
  EXPECT_FALSE(q1.has_progress());
  EXPECT_EQ(e.report.assessment().margin_points(), 15);
}

TEST(AssessTest, DecreaseStatusesPerPeriod) {
  Evaluated e = Assessed(Persons("I", std::string("direction: DECREASE") + kTargets20));
  const auto cells = Cells(e.report, "I");
  // 85 % and 115 % are on track whatever the direction.
  EXPECT_EQ(At(cells, "SCOPE_PERIOD|2025Q1|").assessment(), v1::ON_TRACK);
  EXPECT_EQ(At(cells, "SCOPE_PERIOD|2025Q2|").assessment(), v1::ON_TRACK);
  // 80 %: below the target is ahead when less is better.
  EXPECT_EQ(At(cells, "SCOPE_PERIOD|2025Q3|").percent_achieved(), 80);
  EXPECT_EQ(At(cells, "SCOPE_PERIOD|2025Q3|").assessment(), v1::AHEAD);
  // Target 0: 0 is on track, 5 is behind.
  EXPECT_EQ(At(cells, "SCOPE_PERIOD|2025Q4|").assessment(), v1::ON_TRACK);
  EXPECT_EQ(At(cells, "SCOPE_PERIOD|2026Q1|").assessment(), v1::BEHIND);
}

TEST(AssessTest, AboveTheWindowPerDirection) {
  // 2025Q1: 17 of 14 = 121.43 %: above the window.
  const std::string target = R"pb(targets { period: "2025Q1" value: 14 })pb";
  Evaluated e = Assessed(Persons("UP", "direction: INCREASE " + target) +
                         Persons("DOWN", "direction: DECREASE " + target));
  const auto up = Cells(e.report, "UP");
  const auto down = Cells(e.report, "DOWN");
  EXPECT_DOUBLE_EQ(At(up, "SCOPE_PERIOD|2025Q1|").percent_achieved(), 1700.0 / 14);
  EXPECT_EQ(At(up, "SCOPE_PERIOD|2025Q1|").assessment(), v1::AHEAD);
  EXPECT_EQ(At(down, "SCOPE_PERIOD|2025Q1|").assessment(), v1::BEHIND);
}

TEST(AssessTest, DirectionNoneHasPercentButNoStatus) {
  Evaluated e = Assessed(Persons("N", R"pb(direction: NONE targets { period: "2025Q1" value: 20 })pb") +
                         Persons("U", R"pb(targets { period: "2025Q1" value: 20 })pb"));
  // 17 of 20 = 85 %, shown; no desired direction, so no status. An
  // unspecified direction means NONE.
  for (const char* id : {"N", "U"}) {
    const v1::Cell q1 = At(Cells(e.report, id), "SCOPE_PERIOD|2025Q1|");
    EXPECT_EQ(q1.target(), 20) << id;
    EXPECT_EQ(q1.percent_achieved(), 85) << id;
    EXPECT_EQ(q1.assessment(), v1::NOT_ASSESSED) << id;
  }
}

TEST(AssessTest, NoTargetNoStatusNotAZero) {
  Evaluated e = Assessed(Persons("I", R"pb(direction: INCREASE targets { period: "2025Q1" value: 20 })pb"));
  const auto cells = Cells(e.report, "I");
  // 2025Q2 has no target: nothing is set but NOT_ASSESSED.
  const v1::Cell& q2 = At(cells, "SCOPE_PERIOD|2025Q2|");
  EXPECT_EQ(q2.value(), 23);
  EXPECT_FALSE(q2.has_target());
  EXPECT_FALSE(q2.has_percent_achieved());
  EXPECT_FALSE(q2.has_progress());
  EXPECT_EQ(q2.assessment(), v1::NOT_ASSESSED);
  // Disaggregation-free indicator: the life of project has no target either.
  EXPECT_FALSE(At(cells, "SCOPE_LIFE_OF_PROJECT|LOP|").has_target());
  EXPECT_EQ(At(cells, "SCOPE_LIFE_OF_PROJECT|LOP|").assessment(), v1::NOT_ASSESSED);
}

TEST(AssessTest, MissingActualKeepsTargetWithoutDerivedValues) {
  // Mean age: 30 in every quarter with cases; 2025Q4 has none, so its mean
  // is missing.
  Evaluated e = Assessed(R"pb(
indicators { id: "AGE" title: "mean age" direction: INCREASE
  measure { value { table: "cases" mean: "age" } }
  period { by: "identified_on" every: QUARTERLY }
  baseline { value: 20 period: "2024Q4" }
  targets { period: "2025Q1" value: 30 }
  targets { period: "2025Q4" value: 30 } }
)pb");
  const auto cells = Cells(e.report, "AGE");
  const v1::Cell& q4 = At(cells, "SCOPE_PERIOD|2025Q4|");
  EXPECT_EQ(q4.status(), v1::MISSING);
  EXPECT_EQ(q4.target(), 30);
  EXPECT_FALSE(q4.has_percent_achieved());
  EXPECT_FALSE(q4.has_progress());
  EXPECT_EQ(q4.assessment(), v1::NOT_ASSESSED);
  // 2025Q1: 30 of 30 = 100 %, progress (30 − 20) / (30 − 20) = 1.
  EXPECT_EQ(At(cells, "SCOPE_PERIOD|2025Q1|").percent_achieved(), 100);
  EXPECT_EQ(At(cells, "SCOPE_PERIOD|2025Q1|").progress(), 1);
  EXPECT_EQ(At(cells, "SCOPE_PERIOD|2025Q1|").assessment(), v1::ON_TRACK);
}

TEST(AssessTest, MarginIsConfigurable) {
  AssessOptions options;
  options.margin_points = 25;
  Evaluated e = Assessed(Persons("I", std::string("direction: INCREASE") + kTargets20), options);
  // 80 % is within 25 points of 100; 85 and 115 all the more.
  EXPECT_EQ(At(Cells(e.report, "I"), "SCOPE_PERIOD|2025Q3|").assessment(), v1::ON_TRACK);
  EXPECT_EQ(e.report.assessment().margin_points(), 25);
}

TEST(AssessTest, InvalidMarginIsRejected) {
  absl::StatusOr<Evaluated> e = Evaluate(Persons("I", kTargets20));
  ASSERT_TRUE(e.ok()) << e.status();
  const v1::Report before = e->report;
  for (double margin : {-1.0, std::numeric_limits<double>::infinity(),
                        std::numeric_limits<double>::quiet_NaN()}) {
    AssessOptions options;
    options.margin_points = margin;
    absl::Status status = Assess(*e->framework, &e->report, options);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << margin;
    EXPECT_THAT(status.message(), HasSubstr("margin"));
  }
  EXPECT_EQ(e->report.SerializeAsString(), before.SerializeAsString());
}

TEST(AssessTest, ProgressAgainstABaselineOfTheSamePeriodType) {
  Evaluated e = Assessed(
      Persons("Q", R"pb(direction: INCREASE baseline { value: 10 period: "2024Q4" }
                        targets { period: "2025Q1" value: 20 } targets { period: "2025Q2" value: 20 }
                        targets { period: "2025Q3" value: 10 }
                        disaggregate_by { dimensions: "prs_Gender" }
                        targets { period: "2025Q1" value: 10
                                  cell { dimension: "prs_Gender" value: "Feminine" } })pb") +
      Persons("Y", R"pb(direction: INCREASE baseline { value: 10 period: "2024" }
                        targets { period: "2025Q1" value: 20 })pb") +
      Persons("D", R"pb(direction: INCREASE baseline { value: 10 date: "2024-12-31" }
                        targets { period: "2025Q1" value: 20 })pb"));
  const auto q = Cells(e.report, "Q");
  // (17 − 10) / (20 − 10) = 0.7; (23 − 10) / (20 − 10) = 1.3.
  EXPECT_DOUBLE_EQ(At(q, "SCOPE_PERIOD|2025Q1|").progress(), 0.7);
  EXPECT_DOUBLE_EQ(At(q, "SCOPE_PERIOD|2025Q2|").progress(), 1.3);
  // 2025Q3: the target equals the baseline: no progress; 16 of 10 = 160 %.
  EXPECT_FALSE(At(q, "SCOPE_PERIOD|2025Q3|").has_progress());
  EXPECT_EQ(At(q, "SCOPE_PERIOD|2025Q3|").percent_achieved(), 160);
  EXPECT_EQ(At(q, "SCOPE_PERIOD|2025Q3|").assessment(), v1::AHEAD);
  // The baseline is the total's: a disaggregation cell gets none (10
  // Feminine of a target of 10 = 100 %, but no progress).
  const v1::Cell& f = At(q, "SCOPE_PERIOD|2025Q1|prs_Gender=Feminine;");
  EXPECT_EQ(f.percent_achieved(), 100);
  EXPECT_FALSE(f.has_progress());
  // A yearly baseline is not comparable with quarters; a baseline without
  // a period has no type: % achieved only.
  for (const char* id : {"Y", "D"}) {
    const v1::Cell q1 = At(Cells(e.report, id), "SCOPE_PERIOD|2025Q1|");
    EXPECT_EQ(q1.percent_achieved(), 85) << id;
    EXPECT_FALSE(q1.has_progress()) << id;
  }
}

TEST(AssessTest, RelativeChangeHasNoBaselineProgress) {
  // The value is already 100 × (persons − 10) / 10 against the baseline:
  // 2025Q1 is 100 × (17 − 10) / 10 = 70; target 70 is 100 %, and no
  // progress is computed against the baseline of the underlying count.
  Evaluated e = Assessed(R"pb(
indicators { id: "R" title: "change" direction: INCREASE
  measure { value { table: "cases" count_distinct: "person_id" } relative_change: true }
  period { by: "identified_on" every: QUARTERLY }
  baseline { value: 10 period: "2024Q4" }
  targets { period: "2025Q1" value: 70 } }
)pb");
  const v1::Cell q1 = At(Cells(e.report, "R"), "SCOPE_PERIOD|2025Q1|");
  EXPECT_DOUBLE_EQ(q1.value(), 70);
  EXPECT_DOUBLE_EQ(q1.percent_achieved(), 100);
  EXPECT_EQ(q1.assessment(), v1::ON_TRACK);
  EXPECT_FALSE(q1.has_progress());
}

TEST(AssessTest, CumulativeTargetsReadCumulativeCells) {
  // Cumulative persons: 17, 40, 56, 56, 61.
  Evaluated e = Assessed(Persons("C", R"pb(direction: INCREASE cumulation: CUMULATIVE
      baseline { value: 0 period: "2024Q4" }
      targets { period: "2025Q1" value: 20 } targets { period: "2025Q2" value: 40 }
      targets { period: "2025Q3" value: 70 })pb"));
  const auto cells = Cells(e.report, "C");
  // 17 of 20 = 85 %; 40 of 40 = 100 %; 56 of 70 = 80 %: behind.
  EXPECT_EQ(At(cells, "SCOPE_CUMULATIVE|2025Q1|").percent_achieved(), 85);
  EXPECT_EQ(At(cells, "SCOPE_CUMULATIVE|2025Q2|").value(), 40);
  EXPECT_EQ(At(cells, "SCOPE_CUMULATIVE|2025Q2|").percent_achieved(), 100);
  EXPECT_EQ(At(cells, "SCOPE_CUMULATIVE|2025Q2|").assessment(), v1::ON_TRACK);
  EXPECT_EQ(At(cells, "SCOPE_CUMULATIVE|2025Q3|").percent_achieved(), 80);
  EXPECT_EQ(At(cells, "SCOPE_CUMULATIVE|2025Q3|").assessment(), v1::BEHIND);
  // Progress from a baseline of 0: 56 / 70 = 0.8.
  EXPECT_DOUBLE_EQ(At(cells, "SCOPE_CUMULATIVE|2025Q3|").progress(), 0.8);
  // The per-period cells of a cumulative indicator are not its headline:
  // 2025Q2 alone is 23, which against 40 would be "behind"; it gets nothing.
  const v1::Cell& q2 = At(cells, "SCOPE_PERIOD|2025Q2|");
  EXPECT_EQ(q2.value(), 23);
  EXPECT_FALSE(q2.has_target());
  EXPECT_EQ(q2.assessment(), v1::NOT_ASSESSED);
}

TEST(AssessTest, CellTargetsOnTheirDisaggregationCells) {
  Evaluated e = Assessed(Persons("G", R"pb(direction: INCREASE
      disaggregate_by { dimensions: "prs_Gender" }
      targets { period: "2025Q1" value: 20 }
      targets { period: "2025Q1" value: 8 cell { dimension: "prs_Gender" value: "Feminine" } }
      targets { period: "2025Q2" value: 11 cell { dimension: "prs_Gender" value: "Masculine" } })pb"));
  const auto cells = Cells(e.report, "G");
  // Total 2025Q1: 17 of 20 = 85 %.
  EXPECT_EQ(At(cells, "SCOPE_PERIOD|2025Q1|").target(), 20);
  // Feminine 2025Q1: 10 of 8 = 125 %: ahead.
  const v1::Cell& f1 = At(cells, "SCOPE_PERIOD|2025Q1|prs_Gender=Feminine;");
  EXPECT_EQ(f1.target(), 8);
  EXPECT_EQ(f1.percent_achieved(), 125);
  EXPECT_EQ(f1.assessment(), v1::AHEAD);
  // Masculine 2025Q1 has no target of its own (the total's is not its).
  EXPECT_FALSE(At(cells, "SCOPE_PERIOD|2025Q1|prs_Gender=Masculine;").has_target());
  // Masculine 2025Q2: 11 of 11 = 100 %; the 2025Q2 total has no target.
  EXPECT_EQ(At(cells, "SCOPE_PERIOD|2025Q2|prs_Gender=Masculine;").percent_achieved(), 100);
  EXPECT_FALSE(At(cells, "SCOPE_PERIOD|2025Q2|").has_target());
}

TEST(AssessTest, CellTargetsOfACrossInAnyCoordinateOrder) {
  // A cross with itself is not allowed, so cross gender with a grouping.
  Evaluated e = Assessed(R"pb(
dimensions { id: "sex" grouping { field: "prs_Gender"
  groups { value: "female" members: "Feminine" } groups { value: "male" members: "Masculine" } } }
indicators { id: "X" title: "persons" direction: INCREASE
  measure { value { table: "cases" count_distinct: "person_id" } }
  period { by: "identified_on" every: QUARTERLY }
  disaggregate_by { dimensions: ["prs_Gender", "sex"] }
  targets { period: "2025Q1" value: 7
    cell { dimension: "sex" value: "male" } cell { dimension: "prs_Gender" value: "Masculine" } } }
)pb");
  // Masculine × male in 2025Q1: 7 of 7 = 100 %; the coordinates' order in
  // the target does not matter.
  const v1::Cell m = At(Cells(e.report, "X"), "SCOPE_PERIOD|2025Q1|prs_Gender=Masculine;sex=male;");
  EXPECT_EQ(m.target(), 7);
  EXPECT_EQ(m.percent_achieved(), 100);
}

TEST(AssessTest, CellTargetsThatNameNoCellAreErrors) {
  absl::StatusOr<Evaluated> e = Evaluate(Persons("G", R"pb(disaggregate_by { dimensions: "prs_Gender" }
      targets { period: "2025Q1" value: 8 cell { dimension: "prs_Gender" value: "Femenine" } })pb"));
  ASSERT_TRUE(e.ok()) << e.status();
  absl::Status status = Assess(*e->framework, &e->report);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("'Femenine' is not a value of breakdown 'prs_Gender'"));

  e = Evaluate(Persons("G", R"pb(targets { period: "2025Q1" value: 8
                                           cell { dimension: "prs_Gender" value: "Feminine" } })pb"));
  ASSERT_TRUE(e.ok()) << e.status();
  status = Assess(*e->framework, &e->report);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("targets[0].cell (prs_Gender=Feminine): its dimensions "
                                          "are not a breakdown"));
  EXPECT_FALSE(e->report.has_assessment());
}

TEST(AssessTest, LifeOfProjectTargetRecomputedAndLatest) {
  Evaluated e = Assessed(
      Persons("REC", R"pb(direction: INCREASE life_of_project_target: 60
                          baseline { value: 10 period: "2024Q4" }
                          disaggregate_by { dimensions: "prs_Gender" })pb") +
      Persons("LAT", R"pb(direction: INCREASE life_of_project: LATEST life_of_project_target: 20
                          baseline { value: 10 period: "2024Q4" })pb"));
  // Recomputed: 61 persons over the project so far, of 60 = 101.67 %.
  const auto rec = Cells(e.report, "REC");
  const v1::Cell& lop = At(rec, "SCOPE_LIFE_OF_PROJECT|LOP|");
  EXPECT_EQ(lop.value(), 61);
  EXPECT_EQ(lop.target(), 60);
  EXPECT_DOUBLE_EQ(lop.percent_achieved(), 6100.0 / 60);
  EXPECT_EQ(lop.assessment(), v1::ON_TRACK);
  // A value over the whole span is not of the baseline's quarterly type.
  EXPECT_FALSE(lop.has_progress());
  // The life-of-project target is the total's.
  EXPECT_FALSE(At(rec, "SCOPE_LIFE_OF_PROJECT|LOP|prs_Gender=Feminine;").has_target());
  // Latest: the engine's LOP value is 2026Q1's, 5 (not re-derived here);
  // 5 of 20 = 25 %: behind; progress (5 − 10) / (20 − 10) = −0.5, as the
  // latest value is a quarter's, like the baseline.
  const v1::Cell latest = At(Cells(e.report, "LAT"), "SCOPE_LIFE_OF_PROJECT|LOP|");
  EXPECT_EQ(latest.value(), 5);
  EXPECT_EQ(latest.percent_achieved(), 25);
  EXPECT_EQ(latest.assessment(), v1::BEHIND);
  EXPECT_DOUBLE_EQ(latest.progress(), -0.5);
}

TEST(AssessTest, SuppressedActualKeepsTargetAndDerivesNothing) {
  absl::StatusOr<Evaluated> e = Evaluate(Persons("S", R"pb(direction: INCREASE
      baseline { value: 10 period: "2024Q4" } life_of_project_target: 60
      disaggregate_by { dimensions: "prs_Gender" }
      targets { period: "2025Q1" value: 20 } targets { period: "2025Q2" value: 20 }
      targets { period: "2025Q1" value: 8 cell { dimension: "prs_Gender" value: "Feminine" } })pb"));
  ASSERT_TRUE(e.ok()) << e.status();
  // Withhold 2025Q1's total and Feminine cells and the life of project, as
  // disclosure control would in a publication.
  e->report.set_protection(v1::PUBLISHED);
  for (v1::Cell& cell : *Find(&e->report, "S")->mutable_cells()) {
    const bool q1 = cell.scope() == v1::SCOPE_PERIOD && cell.period() == "2025Q1" &&
                    (cell.coordinates().empty() || cell.coordinates(0).value() == "Feminine");
    const bool lop = cell.scope() == v1::SCOPE_LIFE_OF_PROJECT && cell.coordinates().empty();
    if (q1 || lop) assess_testing::Suppress(&cell);
  }
  ASSERT_TRUE(Assess(*e->framework, &e->report).ok());
  const auto cells = Cells(e->report, "S");
  for (const char* key : {"SCOPE_PERIOD|2025Q1|", "SCOPE_PERIOD|2025Q1|prs_Gender=Feminine;",
                          "SCOPE_LIFE_OF_PROJECT|LOP|"}) {
    const v1::Cell& c = At(cells, key);
    EXPECT_EQ(c.status(), v1::SUPPRESSED) << key;
    EXPECT_TRUE(c.has_target()) << key;  // targets are not sensitive
    EXPECT_FALSE(c.has_percent_achieved()) << key;
    EXPECT_FALSE(c.has_progress()) << key;
    EXPECT_EQ(c.assessment(), v1::NOT_ASSESSED) << key;
  }
  EXPECT_EQ(At(cells, "SCOPE_PERIOD|2025Q1|").target(), 20);
  EXPECT_EQ(At(cells, "SCOPE_LIFE_OF_PROJECT|LOP|").target(), 60);
  // The published 2025Q2 is assessed as usual: 23 of 20 = 115 %,
  // progress (23 − 10) / (20 − 10) = 1.3.
  EXPECT_EQ(At(cells, "SCOPE_PERIOD|2025Q2|").percent_achieved(), 115);
  EXPECT_DOUBLE_EQ(At(cells, "SCOPE_PERIOD|2025Q2|").progress(), 1.3);
  EXPECT_EQ(e->report.protection(), v1::PUBLISHED);
}

TEST(AssessTest, OtherScopesAndPeriodTypesAreNotAssessed) {
  absl::StatusOr<Evaluated> e = Evaluate(Persons("I", std::string("direction: INCREASE") + kTargets20));
  ASSERT_TRUE(e.ok()) << e.status();
  // Add yearly cells by hand, as `period_types: YEARLY` would: a year is
  // not the indicator's frequency, so no quarterly target applies.
  v1::IndicatorResult* ir = Find(&e->report, "I");
  v1::Cell* year = ir->add_cells();
  year->set_period("2025");
  year->set_scope(v1::SCOPE_PERIOD);
  year->set_status(v1::PRESENT);
  year->set_value(56);
  ASSERT_TRUE(Assess(*e->framework, &e->report).ok());
  const auto cells = Cells(e->report, "I");
  EXPECT_FALSE(At(cells, "SCOPE_PERIOD|2025|").has_target());
  EXPECT_EQ(At(cells, "SCOPE_PERIOD|2025|").assessment(), v1::NOT_ASSESSED);
}

TEST(AssessTest, AssessingAgainRecomputesFromScratch) {
  absl::StatusOr<Evaluated> e = Evaluate(Persons("I", std::string("direction: INCREASE") + kTargets20));
  ASSERT_TRUE(e.ok()) << e.status();
  ASSERT_TRUE(Assess(*e->framework, &e->report).ok());
  const std::string once = e->report.SerializeAsString();
  ASSERT_TRUE(Assess(*e->framework, &e->report).ok());
  EXPECT_EQ(e->report.SerializeAsString(), once);
  // A stale field from elsewhere is cleared: a target on a cell without one.
  Find(&e->report, "I")->mutable_cells(0)->set_progress(123);
  for (v1::Cell& c : *Find(&e->report, "I")->mutable_cells()) {
    if (c.period() == "LOP") c.set_target(99);
  }
  ASSERT_TRUE(Assess(*e->framework, &e->report).ok());
  EXPECT_EQ(e->report.SerializeAsString(), once);
}

TEST(AssessTest, ReportOfAnotherFrameworkIsRejected) {
  absl::StatusOr<Evaluated> e = Evaluate(Persons("I", kTargets20));
  ASSERT_TRUE(e.ok()) << e.status();
  v1::Report other = e->report;
  other.set_project_id("Q");
  absl::Status status = Assess(*e->framework, &other);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("project 'Q'"));
  other = e->report;
  other.mutable_indicators(0)->set_indicator_id("J");
  status = Assess(*e->framework, &other);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("no indicator 'J'"));
  EXPECT_FALSE(other.has_assessment());
  EXPECT_EQ(Assess(*e->framework, nullptr).code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace ctind
