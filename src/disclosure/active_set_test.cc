// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The active-set method on programs solved by hand, started from a
// feasible point as the attacker's programs are (the raw figures).

#include "disclosure/active_set.h"

#include <vector>

#include "gtest/gtest.h"

namespace ctind {
namespace internal {
namespace {

using Row = ActiveSetProgram::Row;

double Optimum(ActiveSetProgram& p, int v, bool maximize) {
  absl::StatusOr<ActiveSetProgram::Optimum> o =
      p.Optimize({{v, 1.0}}, maximize, maximize ? 1e18 : -1e18);
  EXPECT_TRUE(o.ok()) << o.status();
  EXPECT_FALSE(o->unbounded);
  return o->value;
}

TEST(ActiveSetProgramTest, TableWithMarginsFromAnInteriorPoint) {
  // Rows 5, 5 and columns 6, 4 of a 2 × 2 table (see simplex_test.cc):
  // x11 ∈ [1, 5], x22 ∈ [0, 4]. Start at (3, 2, 3, 2), inside: no
  // constraint but the equations is active.
  absl::StatusOr<ActiveSetProgram> p = ActiveSetProgram::Create(
      4,
      {Row{{{0, 1}, {1, 1}}, true, 5}, Row{{{2, 1}, {3, 1}}, true, 5}, Row{{{0, 1}, {2, 1}}, true, 6},
       Row{{{1, 1}, {3, 1}}, true, 4}},
      {3, 2, 3, 2});
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_NEAR(Optimum(*p, 0, true), 5, 1e-9);
  EXPECT_NEAR(Optimum(*p, 0, false), 1, 1e-9);
  EXPECT_NEAR(Optimum(*p, 3, true), 4, 1e-9);
  EXPECT_NEAR(Optimum(*p, 3, false), 0, 1e-9);
  // The point reached still satisfies every equation.
  const std::vector<double>& x = p->Values();
  EXPECT_NEAR(x[0] + x[1], 5, 1e-9);
  EXPECT_NEAR(x[0] + x[2], 6, 1e-9);
}

TEST(ActiveSetProgramTest, SixCycle) {
  // The six-cycle of simplex_test.cc from its raw point (1, 4, 4, 1, 4, 4):
  // x1 ∈ [0, 2].
  std::vector<Row> rows = {Row{{{0, 1}, {1, 1}}, true, 5}, Row{{{2, 1}, {3, 1}}, true, 5},
                           Row{{{4, 1}, {5, 1}}, true, 8}, Row{{{0, 1}, {5, 1}}, true, 5},
                           Row{{{1, 1}, {2, 1}}, true, 8}, Row{{{3, 1}, {4, 1}}, true, 5}};
  absl::StatusOr<ActiveSetProgram> p = ActiveSetProgram::Create(6, rows, {1, 4, 4, 1, 4, 4});
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_NEAR(Optimum(*p, 0, true), 2, 1e-9);
  EXPECT_NEAR(Optimum(*p, 0, false), 0, 1e-9);
}

TEST(ActiveSetProgramTest, InequalitiesUnboundednessAndEarlyStop) {
  // x + y ≤ 10, x − y ≤ 2 (so x ≤ 6), y free above within x + y ≤ 10;
  // z ≥ 1 (−z ≤ −1) and unbounded above. Start (1, 1, 3).
  absl::StatusOr<ActiveSetProgram> p = ActiveSetProgram::Create(
      3, {Row{{{0, 1}, {1, 1}}, false, 10}, Row{{{0, 1}, {1, -1}}, false, 2}, Row{{{2, -1}}, false, -1}},
      {1, 1, 3});
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_NEAR(Optimum(*p, 0, true), 6, 1e-9);
  EXPECT_NEAR(Optimum(*p, 1, true), 10, 1e-9);
  EXPECT_NEAR(Optimum(*p, 2, false), 1, 1e-9);
  absl::StatusOr<ActiveSetProgram::Optimum> up = p->Optimize({{2, 1.0}}, true, 1e18);
  ASSERT_TRUE(up.ok());
  EXPECT_TRUE(up->unbounded);
  // Asked for "at least 2" of x + y from a point where it is below, it may
  // stop at any point reaching it.
  absl::StatusOr<ActiveSetProgram::Optimum> enough = p->Optimize({{0, -1.0}, {1, -1.0}}, true, -2);
  ASSERT_TRUE(enough.ok());
  EXPECT_GE(enough->value, -2 - 1e-9);
}

TEST(ActiveSetProgramTest, AnInfeasibleStartIsRefused) {
  absl::StatusOr<ActiveSetProgram> p = ActiveSetProgram::Create(2, {Row{{{0, 1}, {1, 1}}, true, 5}}, {1, 1});
  EXPECT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace internal
}  // namespace ctind
