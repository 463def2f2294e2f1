// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Reported indicators: cells made from entered values (numbers, flags,
// ordinal levels, narratives) beside a computed indicator of the fixture
// in assess_testing.h (as-of 2026-03-31: periods 2025Q1 … 2026Q1), then
// assessed like computed ones. Expected values are worked out in the
// comments.

#include <string>
#include <vector>

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
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kIndicators[] = R"pb(
indicators { id: "COMPUTED" title: "persons"
  measure { value { table: "cases" count_distinct: "person_id" } }
  period { by: "identified_on" every: QUARTERLY } }
indicators { id: "NUM" title: "Partner referrals" source: REPORTED direction: INCREASE
  period { every: QUARTERLY }
  reported { period: "2025Q1" number: 3 source: "NRM minutes" evidence: "https://example.org/q1"
             date: "2025-04-10" }
  reported { period: "2025Q1" number: 2 cell { dimension: "prs_Gender" value: "Feminine" } }
  reported { period: "2025Q3" number: 5 }
  # Entered after the as-of date: not known on 2026-03-31.
  reported { period: "2026Q1" number: 7 date: "2026-04-15" }
  # A period starting after the as-of date.
  reported { period: "2026Q2" number: 9 }
  targets { period: "2025Q1" value: 4 }
  targets { period: "2025Q2" value: 4 }
  targets { period: "2025Q3" value: 5 }
  life_of_project_target: 5 }
indicators { id: "FLAG" title: "Referral mechanism in place" source: REPORTED direction: INCREASE
  period { every: QUARTERLY }
  reported { period: "2025Q2" flag: false }
  reported { period: "2025Q4" flag: true evidence: "MoU-2025-11" }
  targets { period: "2025Q2" value: 1 }
  targets { period: "2025Q4" value: 1 } }
indicators { id: "LEVEL" title: "Coordination maturity" source: REPORTED direction: INCREASE
  measure { ordinal { levels: ["none", "basic", "functioning", "advanced"] } }
  period { every: QUARTERLY }
  reported { period: "2025Q4" level: "functioning" }
  targets { period: "2025Q4" value: 4 } }
indicators { id: "TEXT" title: "Shelter services" source: REPORTED
  measure { qualitative: true }
  period { every: QUARTERLY }
  reported { period: "2025Q4" narrative: "Shelter opened in November." } }
indicators { id: "CUM" title: "Officials trained" source: REPORTED direction: INCREASE
  cumulation: CUMULATIVE period { every: QUARTERLY }
  reported { period: "2025Q1" number: 10 }
  reported { period: "2025Q2" number: 25 }
  targets { period: "2025Q2" value: 25 } }
)pb";

class ReportedActualsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<Evaluated> e = Evaluate(kIndicators);
    ASSERT_TRUE(e.ok()) << e.status();
    evaluated_ = *std::move(e);
  }
  testing_cells::CellMap Cells(const std::string& id) {
    v1::IndicatorResult* ir = Find(&evaluated_.report, id);
    EXPECT_NE(ir, nullptr) << id;
    return ir == nullptr ? testing_cells::CellMap() : testing_cells::ByCoordinates(*ir);
  }
  const Framework& framework() { return *evaluated_.framework; }
  v1::Report* report() { return &evaluated_.report; }

  Evaluated evaluated_;
};

TEST_F(ReportedActualsTest, TheEngineAddsTheEnteredValues) {
  // Evaluate adds them (so that every publication protects them); adding
  // them again changes nothing.
  ASSERT_NE(Find(report(), "NUM"), nullptr);
  EXPECT_EQ(Find(report(), "NUM")->cells_size(), 12);
  EXPECT_EQ(Find(report(), "NUM")->periods_size(), 6);
  const std::string evaluated = report()->SerializeAsString();
  ASSERT_TRUE(AddReportedActuals(framework(), report()).ok());
  EXPECT_EQ(report()->SerializeAsString(), evaluated);
}

TEST_F(ReportedActualsTest, NumbersByPeriodAndCellWithTheLatestForLifeOfProject) {
  ASSERT_TRUE(AddReportedActuals(framework(), report()).ok());
  const v1::IndicatorResult& ir = *Find(report(), "NUM");
  std::vector<std::string> periods;
  for (const v1::ReportPeriod& p : ir.periods()) periods.push_back(p.id());
  // Every quarter up to the as-of date, then LOP; 2026Q2 starts after it.
  EXPECT_THAT(periods, ElementsAre("2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "LOP"));
  EXPECT_EQ(ir.periods(0).type(), v1::QUARTERLY);
  EXPECT_EQ(ir.periods(0).start(), "2025-01-01");
  EXPECT_EQ(ir.periods(0).end(), "2025-04-01");
  EXPECT_FALSE(ir.periods(4).partial());  // 2026-03-31 is 2026Q1's last day
  EXPECT_TRUE(ir.periods(5).partial());   // the project runs to 2026-12-31
  EXPECT_EQ(ir.periods(5).end(), "2026-04-01");
  // The total and the one cell entered, in every period: 6 × 2 cells.
  EXPECT_EQ(ir.cells_size(), 12);
  EXPECT_EQ(ir.cells(0).breakdown(), "");
  EXPECT_EQ(ir.cells(1).breakdown(), "prs_Gender");

  const auto cells = testing_cells::ByCoordinates(ir);
  const v1::Cell& q1 = cells.at("SCOPE_PERIOD|2025Q1|");
  EXPECT_EQ(q1.status(), v1::PRESENT);
  EXPECT_EQ(q1.value(), 3);
  EXPECT_EQ(q1.reported().number(), 3);
  EXPECT_EQ(q1.reported().source(), "NRM minutes");
  EXPECT_EQ(q1.reported().evidence(), "https://example.org/q1");
  EXPECT_EQ(q1.reported().date(), "2025-04-10");
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q1|prs_Gender=Feminine;").value(), 2);
  // Nothing entered for 2025Q2: missing, not 0.
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2025Q2|").status(), v1::MISSING);
  EXPECT_FALSE(cells.at("SCOPE_PERIOD|2025Q2|").has_value());
  // 2026Q1's value was entered after the as-of date: missing.
  EXPECT_EQ(cells.at("SCOPE_PERIOD|2026Q1|").status(), v1::MISSING);
  // Life of project: the latest entered value of each cell, never a sum:
  // the total's is 2025Q3's 5, Feminine's is 2025Q1's 2.
  const v1::Cell& lop = cells.at("SCOPE_LIFE_OF_PROJECT|LOP|");
  EXPECT_EQ(lop.value(), 5);
  EXPECT_EQ(lop.reported().period(), "2025Q3");
  EXPECT_THAT(lop.flags(), ElementsAre(v1::PARTIAL_PERIOD));
  EXPECT_EQ(cells.at("SCOPE_LIFE_OF_PROJECT|LOP|prs_Gender=Feminine;").value(), 2);
}

TEST_F(ReportedActualsTest, FlagsLevelsAndNarratives) {
  ASSERT_TRUE(AddReportedActuals(framework(), report()).ok());
  const auto flag = Cells("FLAG");
  // A flag is 1 or 0, as a computed "in place" indicator.
  EXPECT_EQ(flag.at("SCOPE_PERIOD|2025Q2|").value(), 0);
  EXPECT_FALSE(flag.at("SCOPE_PERIOD|2025Q2|").reported().flag());
  EXPECT_EQ(flag.at("SCOPE_PERIOD|2025Q2|").reported().value_case(), v1::ReportedActual::kFlag);
  EXPECT_EQ(flag.at("SCOPE_PERIOD|2025Q4|").value(), 1);
  EXPECT_EQ(flag.at("SCOPE_PERIOD|2025Q4|").reported().evidence(), "MoU-2025-11");
  // A level is its position on the scale: "functioning" is the third.
  const auto levels = Cells("LEVEL");
  const v1::Cell& level = levels.at("SCOPE_PERIOD|2025Q4|");
  EXPECT_EQ(level.value(), 3);
  EXPECT_EQ(level.reported().level(), "functioning");
  // A narrative has no number.
  const auto texts = Cells("TEXT");
  const v1::Cell& text = texts.at("SCOPE_PERIOD|2025Q4|");
  EXPECT_EQ(text.status(), v1::MISSING);
  EXPECT_EQ(text.reported().narrative(), "Shelter opened in November.");
  EXPECT_EQ(texts.at("SCOPE_LIFE_OF_PROJECT|LOP|").reported().narrative(),
            "Shelter opened in November.");
}

TEST_F(ReportedActualsTest, AssessedLikeComputedValues) {
  ASSERT_TRUE(Assess(framework(), report()).ok());
  const auto num = Cells("NUM");
  // 3 of 4 = 75 %: behind; 5 of 5 = 100 %: on track; 2025Q2 has a target
  // but no value: not assessed.
  EXPECT_EQ(num.at("SCOPE_PERIOD|2025Q1|").percent_achieved(), 75);
  EXPECT_EQ(num.at("SCOPE_PERIOD|2025Q1|").assessment(), v1::BEHIND);
  EXPECT_EQ(num.at("SCOPE_PERIOD|2025Q3|").assessment(), v1::ON_TRACK);
  EXPECT_EQ(num.at("SCOPE_PERIOD|2025Q2|").target(), 4);
  EXPECT_FALSE(num.at("SCOPE_PERIOD|2025Q2|").has_percent_achieved());
  EXPECT_EQ(num.at("SCOPE_PERIOD|2025Q2|").assessment(), v1::NOT_ASSESSED);
  // Life of project: the latest, 5, of a target of 5 = 100 %.
  EXPECT_EQ(num.at("SCOPE_LIFE_OF_PROJECT|LOP|").percent_achieved(), 100);
  // Flag: false against 1 is 0 %: behind; true is 100 %: on track.
  const auto flag = Cells("FLAG");
  EXPECT_EQ(flag.at("SCOPE_PERIOD|2025Q2|").percent_achieved(), 0);
  EXPECT_EQ(flag.at("SCOPE_PERIOD|2025Q2|").assessment(), v1::BEHIND);
  EXPECT_EQ(flag.at("SCOPE_PERIOD|2025Q4|").assessment(), v1::ON_TRACK);
  // Level 3 of a target level 4 = 75 %: behind.
  EXPECT_EQ(Cells("LEVEL").at("SCOPE_PERIOD|2025Q4|").percent_achieved(), 75);
  EXPECT_EQ(Cells("LEVEL").at("SCOPE_PERIOD|2025Q4|").assessment(), v1::BEHIND);
  // A cumulative reported indicator's entered values are cumulative: its
  // cells are SCOPE_CUMULATIVE, 25 of 25 = 100 %.
  const auto cum = Cells("CUM");
  EXPECT_EQ(cum.count("SCOPE_PERIOD|2025Q2|"), 0u);
  EXPECT_EQ(cum.at("SCOPE_CUMULATIVE|2025Q2|").percent_achieved(), 100);
  EXPECT_EQ(cum.at("SCOPE_CUMULATIVE|2025Q2|").assessment(), v1::ON_TRACK);
}

TEST_F(ReportedActualsTest, SuppressedReportedValueDerivesNothing) {
  // Reported values added before disclosure control, which withholds one.
  ASSERT_TRUE(AddReportedActuals(framework(), report()).ok());
  for (v1::Cell& c : *Find(report(), "NUM")->mutable_cells()) {
    if (c.scope() == v1::SCOPE_PERIOD && c.period() == "2025Q1" && c.coordinates().empty()) {
      assess_testing::Suppress(&c);
    }
  }
  ASSERT_TRUE(Assess(framework(), report()).ok());
  const v1::Cell q1 = Cells("NUM").at("SCOPE_PERIOD|2025Q1|");
  EXPECT_EQ(q1.status(), v1::SUPPRESSED);
  EXPECT_EQ(q1.target(), 4);
  EXPECT_FALSE(q1.has_percent_achieved());
  EXPECT_EQ(q1.assessment(), v1::NOT_ASSESSED);
}

TEST_F(ReportedActualsTest, IdempotentAndRestoresMissingIndicatorsInOrder) {
  // Drop NUM (index 1) from the engine's report; it comes back in place.
  report()->mutable_indicators()->DeleteSubrange(1, 1);
  ASSERT_TRUE(AddReportedActuals(framework(), report()).ok());
  ASSERT_EQ(report()->indicators_size(), 6);
  EXPECT_EQ(report()->indicators(1).indicator_id(), "NUM");
  EXPECT_EQ(report()->indicators(1).title(), "Partner referrals");
  EXPECT_EQ(report()->indicators(1).cells_size(), 12);
  const std::string once = report()->SerializeAsString();
  ASSERT_TRUE(AddReportedActuals(framework(), report()).ok());
  EXPECT_EQ(report()->SerializeAsString(), once);
}

TEST(ReportedActualsErrorsTest, TwoValuesForOnePeriodAndCell) {
  absl::StatusOr<Evaluated> e = Evaluate(R"pb(
indicators { id: "NUM" title: "n" source: REPORTED period { every: QUARTERLY }
  reported { period: "2025Q1" number: 3 cell { dimension: "prs_Gender" value: "Feminine" } }
  reported { period: "2025Q1" number: 4 cell { dimension: "prs_Gender" value: "Feminine" } } }
)pb");
  // The framework is refused when it is loaded.
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(e.status().message(),
              HasSubstr("reported[1]: a second value for period '2025Q1' and cell "
                        "prs_Gender=Feminine (the first is reported[0]); keep one value per "
                        "period and cell"));
}

}  // namespace
}  // namespace ctind
