// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The status rules of SEMANTICS.md ("Cumulation and assessment") one by
// one, as a table of (actual, target, direction, margin) → status worked
// out by hand from the rules.

#include "assess/status_rules.h"

#include <cmath>
#include <limits>

#include "gtest/gtest.h"

namespace ctind {
namespace internal {
namespace {

struct Case {
  const char* name;
  double actual;
  double target;
  v1::Direction direction;
  double margin;
  v1::AssessmentStatus expected;
};

TEST(StatusRulesTest, Table) {
  const Case cases[] = {
      // 85 and 115 % are the bounds of the ±15 window and are on track.
      {"85% increase", 17, 20, v1::INCREASE, 15, v1::ON_TRACK},
      {"115% increase", 23, 20, v1::INCREASE, 15, v1::ON_TRACK},
      {"85% decrease", 17, 20, v1::DECREASE, 15, v1::ON_TRACK},
      {"115% decrease", 23, 20, v1::DECREASE, 15, v1::ON_TRACK},
      // 84.5 % (16.9 / 20) and 115.5 % (23.1 / 20) are just outside.
      {"84.5% increase: behind", 16.9, 20, v1::INCREASE, 15, v1::BEHIND},
      {"115.5% increase: ahead", 23.1, 20, v1::INCREASE, 15, v1::AHEAD},
      // For DECREASE the reading flips: above target is behind.
      {"84.5% decrease: ahead", 16.9, 20, v1::DECREASE, 15, v1::AHEAD},
      {"115.5% decrease: behind", 23.1, 20, v1::DECREASE, 15, v1::BEHIND},
      // In binary floating point 100 × 2.55 / 3 is 84.99999999999999 and
      // 100 × 8.05 / 7 is 115.00000000000001; the bounds still hold.
      {"85% through rounding", 2.55, 3, v1::INCREASE, 15, v1::ON_TRACK},
      {"115% through rounding", 8.05, 7, v1::DECREASE, 15, v1::ON_TRACK},
      // A wider margin: 80 % is within 25 points.
      {"80% with margin 25", 16, 20, v1::INCREASE, 25, v1::ON_TRACK},
      {"80% with margin 15", 16, 20, v1::INCREASE, 15, v1::BEHIND},
      // Margin 0: only exactly 100 % is on track.
      {"100% with margin 0", 20, 20, v1::INCREASE, 0, v1::ON_TRACK},
      {"101% with margin 0", 20.2, 20, v1::INCREASE, 0, v1::AHEAD},
      // Target 0.
      {"target 0 increase, actual 0", 0, 0, v1::INCREASE, 15, v1::ON_TRACK},
      {"target 0 increase, actual 3", 3, 0, v1::INCREASE, 15, v1::AHEAD},
      {"target 0 decrease, actual 0", 0, 0, v1::DECREASE, 15, v1::ON_TRACK},
      {"target 0 decrease, actual 3", 3, 0, v1::DECREASE, 15, v1::BEHIND},
      // Below a target of 0 (a relative change): the reverse of above.
      {"target 0 increase, actual -2", -2, 0, v1::INCREASE, 15, v1::BEHIND},
      {"target 0 decrease, actual -2", -2, 0, v1::DECREASE, 15, v1::AHEAD},
      // Direction NONE (and unspecified, which means NONE): no status.
      {"none", 17, 20, v1::NONE, 15, v1::NOT_ASSESSED},
      {"unspecified", 17, 20, v1::DIRECTION_UNSPECIFIED, 15, v1::NOT_ASSESSED},
      {"none, target 0", 0, 0, v1::NONE, 15, v1::NOT_ASSESSED},
      // A negative target: a reduction by 20 % targeted, 25 % reached is
      // 125 % achieved and below the target: ahead for DECREASE.
      {"negative target, reduced more", -25, -20, v1::DECREASE, 15, v1::AHEAD},
      {"negative target, rose instead", 5, -20, v1::DECREASE, 15, v1::BEHIND},
      {"negative target, 90%", -18, -20, v1::DECREASE, 15, v1::ON_TRACK},
      // A quotient that overflows is not on track; the actual is above.
      {"overflowing percentage", 1e308, 1e-10, v1::INCREASE, 15, v1::AHEAD},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(StatusAgainstTarget(c.actual, c.target, c.direction, c.margin), c.expected)
        << c.name << ": got "
        << v1::AssessmentStatus_Name(StatusAgainstTarget(c.actual, c.target, c.direction, c.margin));
  }
}

TEST(StatusRulesTest, NotFiniteIsNotAssessed) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(StatusAgainstTarget(nan, 20, v1::INCREASE, 15), v1::NOT_ASSESSED);
  EXPECT_EQ(StatusAgainstTarget(20, nan, v1::INCREASE, 15), v1::NOT_ASSESSED);
}

TEST(StatusRulesTest, PercentAchieved) {
  EXPECT_EQ(PercentAchieved(17, 20), 85);    // 100 × 17 / 20
  EXPECT_EQ(PercentAchieved(0, 20), 0);      // 0 achieved is a value, not missing
  EXPECT_EQ(PercentAchieved(45, 40), 112.5);  // 100 × 45 / 40
  EXPECT_EQ(PercentAchieved(3, 0), std::nullopt);  // undefined for target 0
  EXPECT_EQ(PercentAchieved(1e308, 1e-10), std::nullopt);  // overflows
}

TEST(StatusRulesTest, BaselineProgress) {
  // Baseline 10, target 20: 17 is 7 of the 10 to go.
  EXPECT_EQ(BaselineProgress(17, 10, 20), 0.7);
  // Below the baseline: negative progress, (5 − 10) / (20 − 10).
  EXPECT_EQ(BaselineProgress(5, 10, 20), -0.5);
  // A decrease from 40 to a target of 20: 30 is halfway.
  EXPECT_EQ(BaselineProgress(30, 40, 20), 0.5);
  // A baseline equal to the target gives no progress.
  EXPECT_EQ(BaselineProgress(17, 20, 20), std::nullopt);
}

}  // namespace
}  // namespace internal
}  // namespace ctind
