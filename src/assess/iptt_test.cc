// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The IPTT: grouping by result (depth-first over the hierarchy) and pillar,
// periods and revisions, and the CSV rendering against a golden file
// written by hand (testdata/iptt_golden.csv; the reasoning is beside the
// fixture below).

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_replace.h"
#include "assess/assess_testing.h"
#include "ctind/assess.h"
#include "ctind/v1/report.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ctind {
namespace {

using ::ctind::assess_testing::Evaluate;
using ::ctind::assess_testing::Evaluated;
using ::ctind::assess_testing::Find;
using ::ctind::assess_testing::kPersonsPerQuarter;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string Persons(const std::string& id, const std::string& body) {
  return "indicators { id: \"" + id + "\" title: \"persons\" " + kPersonsPerQuarter + body + " }\n";
}

absl::StatusOr<v1::Iptt> AssessedIptt(Evaluated* e) {
  absl::Status status = Assess(*e->framework, &e->report);
  if (!status.ok()) return status;
  return BuildIptt(*e->framework, e->report);
}

TEST(IpttTest, GroupsFollowTheHierarchyThenPillars) {
  // Results are listed out of order on purpose (G2 before O2, OP11 last):
  // the IPTT walks the hierarchy depth-first, children in listing order:
  // G1, O1, OP11, O2, OP21, G2.
  absl::StatusOr<Evaluated> e = Evaluate(R"pb(
results { id: "G1" code: "1" level: GOAL pillar: PROTECTION title: "Goal one" }
results { id: "O1" code: "1.1" level: OUTCOME parent: "G1" title: "Outcome one" }
results { id: "G2" code: "2" level: GOAL pillar: PARTNERSHIP title: "Goal two" }
results { id: "O2" code: "1.2" level: OUTCOME parent: "G1" pillar: PREVENTION title: "Outcome two" }
results { id: "OP21" code: "1.2.1" level: OUTPUT parent: "O2" title: "Output two-one" }
results { id: "OP11" code: "1.1.1" level: OUTPUT parent: "O1" title: "Output one-one" }
)pb" + Persons("A", R"pb(result: "OP21")pb") + Persons("B", R"pb(result: "G1")pb") +
                                         Persons("C", R"pb(result: "O1" pillar: PROSECUTION)pb") +
                                         Persons("D", R"pb(result: "O1")pb") + Persons("E", "") +
                                         Persons("F", R"pb(result: "O1" pillar: PREVENTION)pb") +
                                         Persons("G", R"pb(result: "G2")pb"));
  ASSERT_TRUE(e.ok()) << e.status();
  absl::StatusOr<v1::Iptt> iptt = AssessedIptt(&*e);
  ASSERT_TRUE(iptt.ok()) << iptt.status();
  std::vector<std::string> groups;
  for (const v1::IpttGroup& g : iptt->groups()) {
    std::string text = g.result_id() + "/" + v1::Pillar_Name(g.pillar()) + "/" +
                       std::to_string(g.depth()) + ":";
    for (const v1::IpttIndicator& i : g.indicators()) text += i.indicator_id();
    groups.push_back(text);
  }
  // O1 has indicators of three pillars (D inherits O1's pillar, which O1
  // inherits from G1): prevention, protection, prosecution in that order.
  // OP11 and O2 measure nothing but keep their place, with their pillars
  // (OP11's inherited through O1 from G1). A inherits prevention from O2
  // through OP21. E has no result: last, without pillar.
  EXPECT_THAT(groups, ElementsAre("G1/PROTECTION/0:B", "O1/PREVENTION/1:F", "O1/PROTECTION/1:D",
                                  "O1/PROSECUTION/1:C", "OP11/PROTECTION/2:", "O2/PREVENTION/1:",
                                  "OP21/PREVENTION/2:A", "G2/PARTNERSHIP/0:G",
                                  "/PILLAR_UNSPECIFIED/0:E"));
  EXPECT_EQ(iptt->groups(1).result_code(), "1.1");
  EXPECT_EQ(iptt->groups(1).result_title(), "Outcome one");
  EXPECT_EQ(iptt->groups(1).result_level(), v1::OUTCOME);
}

TEST(IpttTest, PeriodsRevisionsAndLifeOfProject) {
  absl::StatusOr<Evaluated> e = Evaluate(Persons("I", R"pb(direction: DECREASE code: "1.a" unit: "persons"
      baseline { value: 30 period: "2024Q4" note: "2024 survey" }
      deviation_comment: "Fewer arrivals after the border closed."
      targets { period: "2025Q2" value: 20
        revisions { date: "2025-02-01" previous_value: 28 justification: "New funding" }
        revisions { date: "2025-04-01" previous_value: 25 justification: "Mid-term review" } }
      targets { period: "2026Q3" value: 10 }
      life_of_project_target: 60)pb"));
  ASSERT_TRUE(e.ok()) << e.status();
  absl::StatusOr<v1::Iptt> iptt = AssessedIptt(&*e);
  ASSERT_TRUE(iptt.ok()) << iptt.status();
  EXPECT_EQ(iptt->project_id(), "P");
  EXPECT_EQ(iptt->as_of(), "2026-03-31");
  EXPECT_EQ(iptt->protection(), v1::RAW);
  EXPECT_EQ(iptt->margin_points(), 15);
  ASSERT_EQ(iptt->groups_size(), 1);
  ASSERT_EQ(iptt->groups(0).indicators_size(), 1);
  const v1::IpttIndicator& ind = iptt->groups(0).indicators(0);
  EXPECT_EQ(ind.code(), "1.a");
  EXPECT_EQ(ind.direction(), v1::DECREASE);
  EXPECT_EQ(ind.baseline().note(), "2024 survey");
  EXPECT_EQ(ind.deviation_comment(), "Fewer arrivals after the border closed.");
  // The report's five quarters, then 2026Q3, which has a target but starts
  // after the as-of date.
  std::vector<std::string> periods;
  for (const v1::IpttPeriod& p : ind.periods()) periods.push_back(p.period());
  EXPECT_THAT(periods, ElementsAre("2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q3"));
  // 2025Q1: 17 persons, no target.
  EXPECT_EQ(ind.periods(0).actual(), 17);
  EXPECT_FALSE(ind.periods(0).has_target());
  EXPECT_EQ(ind.periods(0).assessment(), v1::NOT_ASSESSED);
  // 2025Q2: 23 of 20 = 115 %: on track; progress (23 − 30) / (20 − 30) = 0.7.
  const v1::IpttPeriod& q2 = ind.periods(1);
  EXPECT_EQ(q2.actual_status(), v1::PRESENT);
  EXPECT_EQ(q2.target(), 20);
  EXPECT_EQ(q2.percent_achieved(), 115);
  EXPECT_EQ(q2.assessment(), v1::ON_TRACK);
  EXPECT_DOUBLE_EQ(q2.progress(), 0.7);
  // Revisions, oldest first: 28 → 25 on 2025-02-01, 25 → 20 on 2025-04-01.
  ASSERT_EQ(q2.revisions_size(), 2);
  EXPECT_EQ(q2.revisions(0).date(), "2025-02-01");
  EXPECT_EQ(q2.revisions(0).previous_value(), 28);
  EXPECT_EQ(q2.revisions(0).revised_value(), 25);
  EXPECT_EQ(q2.revisions(0).justification(), "New funding");
  EXPECT_EQ(q2.revisions(1).previous_value(), 25);
  EXPECT_EQ(q2.revisions(1).revised_value(), 20);
  // 2026Q3: future, target only.
  const v1::IpttPeriod& future = ind.periods(5);
  EXPECT_TRUE(future.future());
  EXPECT_EQ(future.start(), "2026-07-01");
  EXPECT_EQ(future.end(), "2026-10-01");
  EXPECT_EQ(future.target(), 10);
  EXPECT_EQ(future.actual_status(), v1::MISSING);
  EXPECT_FALSE(future.has_actual());
  EXPECT_EQ(future.assessment(), v1::NOT_ASSESSED);
  // Life of project: 61 of 60 = 101.67 %, on track.
  const v1::IpttPeriod& lop = ind.life_of_project_values();
  EXPECT_EQ(lop.period(), "LOP");
  EXPECT_TRUE(lop.partial());
  EXPECT_EQ(lop.target(), 60);
  EXPECT_EQ(lop.actual(), 61);
  EXPECT_DOUBLE_EQ(lop.percent_achieved(), 6100.0 / 60);
  EXPECT_EQ(lop.assessment(), v1::ON_TRACK);
}

TEST(IpttTest, CumulativeIndicatorsShowCumulativeActuals) {
  absl::StatusOr<Evaluated> e = Evaluate(Persons("C", R"pb(direction: INCREASE cumulation: CUMULATIVE
      targets { period: "2025Q2" value: 40 })pb"));
  ASSERT_TRUE(e.ok()) << e.status();
  absl::StatusOr<v1::Iptt> iptt = AssessedIptt(&*e);
  ASSERT_TRUE(iptt.ok()) << iptt.status();
  const v1::IpttIndicator& ind = iptt->groups(0).indicators(0);
  EXPECT_EQ(ind.cumulation(), v1::CUMULATIVE);
  // Cumulative persons 17, 40, 56, 56, 61 (not the quarters' 23 in 2025Q2).
  std::vector<double> actuals;
  for (const v1::IpttPeriod& p : ind.periods()) actuals.push_back(p.actual());
  EXPECT_THAT(actuals, ElementsAre(17, 40, 56, 56, 61));
  EXPECT_EQ(ind.periods(1).percent_achieved(), 100);
}

TEST(IpttTest, NeedsAnAssessedReportOfTheFramework) {
  absl::StatusOr<Evaluated> e = Evaluate(Persons("I", ""));
  ASSERT_TRUE(e.ok()) << e.status();
  absl::StatusOr<v1::Iptt> iptt = BuildIptt(*e->framework, e->report);
  EXPECT_EQ(iptt.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(iptt.status().message(), HasSubstr("call Assess"));
  ASSERT_TRUE(Assess(*e->framework, &e->report).ok());
  e->report.set_project_id("other");
  EXPECT_EQ(BuildIptt(*e->framework, e->report).status().code(), absl::StatusCode::kInvalidArgument);
}

// The golden fixture. Project 2025, as-of 2025-06-30 (2025Q1 and 2025Q2
// computed, both complete; the life of project [2025-01-01, 2025-07-01) is
// partial). Nine persons identified on 2025-02-15, aged 20, 25, 30, 35,
// 40, 25, 30, 35, 30 (mean 270 / 9 = 30); none in 2025Q2.
constexpr char kGoldenProject[] = R"pb(
schema_id: "assess-test"
project { id: "P" title: "Golden" start_date: "2025-01-01" end_date: "2025-12-31" }
results { id: "G1" code: "1" level: GOAL pillar: PROTECTION title: "Victims are protected and assisted" }
results { id: "O1" code: "1.1" level: OUTCOME parent: "G1" title: "More victims are identified" }
results { id: "O2" code: "1.2" level: OUTCOME parent: "G1" pillar: PARTNERSHIP
          title: "Referral partners work together" }
)pb";

// PROT-01 (under O1, so in the IPTT after PROT-02 under G1):
//   2025Q1: 9 of 10 = 90 %: on track; progress (9 − 4) / (10 − 4) = 83.3 %;
//           revised from 12 to 10 on 2025-03-15.
//   2025Q2: 0 of 10 = 0 %: behind (0 is a value); progress
//           (0 − 4) / (10 − 4) = −66.7 %.
//   2025Q3: future, target 12.
//   LOP:    9 of 30 = 30 %: behind; recomputed, so no progress.
//   The deviation comment starts with '-' and is neutralised.
// PROT-02 (direction NONE): 2025Q1 withheld by hand, as disclosure control
//   would: target 30 shown, the rest "suppressed"; 2025Q2 has no cases, so
//   its mean is missing (empty); LOP mean 30, no target.
// PART-01 (reported): true in 2025Q2 against a target of 1 = 100 %, on
//   track; nothing entered for 2025Q1 (empty); LOP the latest, 2025Q2's.
//   The evidence starts with '=' and is neutralised.
constexpr char kGoldenIndicators[] = R"pb(
indicators { id: "PROT-01" code: "1.1.a" title: "Persons identified as victims" result: "O1"
  unit: "persons" direction: INCREASE
  measure { value { table: "cases" count_distinct: "person_id" } }
  period { by: "identified_on" every: QUARTERLY }
  baseline { value: 4 period: "2024Q4" }
  targets { period: "2025Q1" value: 10
    revisions { date: "2025-03-15" previous_value: 12
                justification: "Partner shelter closed, fewer referrals" } }
  targets { period: "2025Q2" value: 10 }
  targets { period: "2025Q3" value: 12 }
  life_of_project_target: 30
  deviation_comment: "-5 in Q2: office closed for renovation" }
indicators { id: "PROT-02" code: "1.a" title: "Mean age of persons identified" result: "G1"
  unit: "years"
  measure { value { table: "cases" mean: "age" } }
  period { by: "identified_on" every: QUARTERLY }
  targets { period: "2025Q1" value: 30 } }
indicators { id: "PART-01" code: "1.2.a" title: "Referral agreement signed" result: "O2"
  source: REPORTED direction: INCREASE period { every: QUARTERLY }
  reported { period: "2025Q2" flag: true source: "MoU register" evidence: "=HYPERLINK(\"http://x\")" }
  targets { period: "2025Q2" value: 1 }
  life_of_project_target: 1 }
)pb";

std::string GoldenCases() {
  std::string csv = "case_id,person_id,prs_Gender,identified_on,age\n";
  const int ages[] = {20, 25, 30, 35, 40, 25, 30, 35, 30};
  for (int i = 0; i < 9; ++i) {
    csv += "C" + std::to_string(i) + ",P" + std::to_string(i) + "," +
           (i < 5 ? "Feminine" : "Masculine") + ",2025-02-15," + std::to_string(ages[i]) + "\n";
  }
  return csv;
}

std::string ReadGolden() {
  std::ifstream in(CTIND_SOURCE_DIR "/src/assess/testdata/iptt_golden.csv", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(IpttTest, CsvGolden) {
  absl::StatusOr<Evaluated> e =
      Evaluate(kGoldenIndicators, "2025-06-30", kGoldenProject, GoldenCases());
  ASSERT_TRUE(e.ok()) << e.status();
  // Reported values first, then protection, then assessment, as the
  // pipeline runs.
  ASSERT_TRUE(AddReportedActuals(*e->framework, &e->report).ok());
  e->report.set_protection(v1::PUBLISHED);
  for (v1::Cell& c : *Find(&e->report, "PROT-02")->mutable_cells()) {
    if (c.scope() == v1::SCOPE_PERIOD && c.period() == "2025Q1") assess_testing::Suppress(&c);
  }
  absl::StatusOr<v1::Iptt> iptt = AssessedIptt(&*e);
  ASSERT_TRUE(iptt.ok()) << iptt.status();
  EXPECT_EQ(iptt->protection(), v1::PUBLISHED);
  const std::string golden = ReadGolden();
  ASSERT_FALSE(golden.empty()) << "testdata/iptt_golden.csv not found";
  // The golden file is kept with LF line ends; the CSV ends rows with CRLF.
  EXPECT_EQ(RenderIpttCsv(*iptt), absl::StrReplaceAll(golden, {{"\n", "\r\n"}}));
}

}  // namespace
}  // namespace ctind
