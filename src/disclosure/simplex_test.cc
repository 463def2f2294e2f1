// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The simplex solver on programs small enough to solve by hand.

#include "disclosure/simplex.h"

#include "gtest/gtest.h"

namespace ctind {
namespace internal {
namespace {

using Sense = LinearProgram::Sense;

double Max(LinearProgram& lp, int v) {
  absl::StatusOr<LinearProgram::Optimum> o = lp.Optimize(v, true, 1e18);
  EXPECT_TRUE(o.ok()) << o.status();
  EXPECT_FALSE(o->unbounded);
  return o->value;
}

double Min(LinearProgram& lp, int v) {
  absl::StatusOr<LinearProgram::Optimum> o = lp.Optimize(v, false, -1e18);
  EXPECT_TRUE(o.ok()) << o.status();
  EXPECT_FALSE(o->unbounded);
  return o->value;
}

TEST(LinearProgramTest, EqualityAndLowerBound) {
  // x + y = 10, y ≥ 3 (−y ≤ −3): x ∈ [0, 7], y ∈ [3, 10].
  LinearProgram lp;
  const int x = lp.AddVariable(), y = lp.AddVariable();
  lp.AddConstraint({{x, 1}, {y, 1}}, Sense::kEqual, 10);
  lp.AddConstraint({{y, -1}}, Sense::kLessOrEqual, -3);
  ASSERT_TRUE(lp.Start().ok());
  EXPECT_NEAR(Max(lp, x), 7, 1e-9);
  EXPECT_NEAR(Min(lp, x), 0, 1e-9);
  EXPECT_NEAR(Max(lp, y), 10, 1e-9);
  EXPECT_NEAR(Min(lp, y), 3, 1e-9);
}

TEST(LinearProgramTest, TableWithMargins) {
  // A 2 × 2 table with rows 5, 5 and columns 6, 4 (one equation is
  // redundant). With x11 = t: x12 = 5 − t, x21 = 6 − t, x22 = t − 1, all
  // ≥ 0, so t ∈ [1, 5].
  LinearProgram lp;
  const int a = lp.AddVariable(), b = lp.AddVariable(), c = lp.AddVariable(), d = lp.AddVariable();
  lp.AddConstraint({{a, 1}, {b, 1}}, Sense::kEqual, 5);
  lp.AddConstraint({{c, 1}, {d, 1}}, Sense::kEqual, 5);
  lp.AddConstraint({{a, 1}, {c, 1}}, Sense::kEqual, 6);
  lp.AddConstraint({{b, 1}, {d, 1}}, Sense::kEqual, 4);
  ASSERT_TRUE(lp.Start().ok());
  EXPECT_NEAR(Min(lp, a), 1, 1e-9);
  EXPECT_NEAR(Max(lp, a), 5, 1e-9);
  EXPECT_NEAR(Min(lp, d), 0, 1e-9);
  EXPECT_NEAR(Max(lp, d), 4, 1e-9);
}

TEST(LinearProgramTest, SixCycleNarrowerThanItsRowSums) {
  // Six withheld cells of a 3 × 3 table on one cycle, each row and column
  // holding two of them with at least 5 between them:
  //   x1 + x2 = 5, x3 + x4 = 5, x5 + x6 = 8 (rows)
  //   x1 + x6 = 5, x2 + x3 = 8, x4 + x5 = 5 (columns)
  // with x = (1, 4, 4, 1, 4, 4). Moving δ around the cycle (+ on x1, x3, x5,
  // − on x2, x4, x6) stays feasible for δ ∈ [−1, 1], so x1 ∈ [0, 2]: a
  // relation-by-relation rule alone does not protect it.
  LinearProgram lp;
  int x[6];
  for (int& v : x) v = lp.AddVariable();
  lp.AddConstraint({{x[0], 1}, {x[1], 1}}, Sense::kEqual, 5);
  lp.AddConstraint({{x[2], 1}, {x[3], 1}}, Sense::kEqual, 5);
  lp.AddConstraint({{x[4], 1}, {x[5], 1}}, Sense::kEqual, 8);
  lp.AddConstraint({{x[0], 1}, {x[5], 1}}, Sense::kEqual, 5);
  lp.AddConstraint({{x[1], 1}, {x[2], 1}}, Sense::kEqual, 8);
  lp.AddConstraint({{x[3], 1}, {x[4], 1}}, Sense::kEqual, 5);
  ASSERT_TRUE(lp.Start().ok());
  EXPECT_NEAR(Min(lp, x[0]), 0, 1e-9);
  EXPECT_NEAR(Max(lp, x[0]), 2, 1e-9);
}

TEST(LinearProgramTest, UnboundedAndEarlyStop) {
  // x − y = 2: x ≥ 2 and unbounded above.
  LinearProgram lp;
  const int x = lp.AddVariable(), y = lp.AddVariable();
  lp.AddConstraint({{x, 1}, {y, -1}}, Sense::kEqual, 2);
  ASSERT_TRUE(lp.Start().ok());
  absl::StatusOr<LinearProgram::Optimum> up = lp.Optimize(x, true, 1e18);
  ASSERT_TRUE(up.ok());
  EXPECT_TRUE(up->unbounded);
  EXPECT_NEAR(Min(lp, x), 2, 1e-9);
  // Asked for "at least 1", it may stop at any feasible point with x ≥ 1.
  absl::StatusOr<LinearProgram::Optimum> enough = lp.Optimize(x, true, 1);
  ASSERT_TRUE(enough.ok());
  EXPECT_GE(enough->value, 1);
  EXPECT_NEAR(lp.Values()[x] - lp.Values()[y], 2, 1e-9);
}

TEST(LinearProgramTest, InfeasibleIsAnError) {
  // x + y = −1 has no non-negative solution.
  LinearProgram lp;
  const int x = lp.AddVariable(), y = lp.AddVariable();
  lp.AddConstraint({{x, 1}, {y, 1}}, Sense::kEqual, -1);
  EXPECT_EQ(lp.Start().code(), absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace internal
}  // namespace ctind
