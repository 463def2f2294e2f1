// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Dense tableau, two phases (artificial variables, then the objective).
// Dantzig's rule, switching to Bland's rule after a run of degenerate
// pivots so that the method cannot cycle. The programs solved here have
// coefficients ±1 and whole-number right-hand sides, so plain double
// arithmetic with small tolerances is accurate enough.

#include "disclosure/simplex.h"

#include <cmath>
#include <limits>

#include "absl/strings/str_cat.h"

namespace ctind {
namespace internal {
namespace {

constexpr double kPivotTolerance = 1e-9;
constexpr double kCostTolerance = 1e-9;
constexpr double kFeasibilityTolerance = 1e-7;
constexpr int kDegenerateRunBeforeBland = 50;

}  // namespace

int LinearProgram::AddVariable() { return variables_++; }

void LinearProgram::AddConstraint(const std::vector<std::pair<int, double>>& terms, Sense sense,
                                  double rhs) {
  rows_.push_back({terms, sense, rhs});
}

void LinearProgram::Pivot(size_t row, size_t column) {
  std::vector<double>& p = tableau_[row];
  const double scale = 1.0 / p[column];
  for (double& v : p) v *= scale;
  p[column] = 1.0;
  // Columns where the pivot row is non-zero: the only ones the update touches.
  std::vector<size_t> nonzero;
  for (size_t j = 0; j <= columns_; ++j) {
    if (p[j] != 0.0) nonzero.push_back(j);
  }
  auto eliminate = [&](std::vector<double>& target, double factor) {
    for (size_t j : nonzero) target[j] -= factor * p[j];
    target[column] = 0.0;
  };
  for (size_t i = 0; i < tableau_.size(); ++i) {
    if (i == row) continue;
    const double factor = tableau_[i][column];
    if (std::fabs(factor) < 1e-15) continue;
    eliminate(tableau_[i], factor);
  }
  const double r = reduced_[column];
  if (r != 0.0) {
    for (size_t j : nonzero) {
      if (j < columns_) reduced_[j] -= r * p[j];
    }
    reduced_[column] = 0.0;
    objective_ += r * p[columns_];
  }
  basis_[row] = column;
}

absl::Status LinearProgram::Run(const std::vector<double>& cost, double stop_at, bool* unbounded) {
  *unbounded = false;
  const size_t m = tableau_.size();
  // Reduced costs of the objective at the current basis.
  reduced_.assign(columns_, 0.0);
  objective_ = 0;
  for (size_t j = 0; j < columns_; ++j) reduced_[j] = cost[j];
  for (size_t i = 0; i < m; ++i) {
    const double cb = cost[basis_[i]];
    if (cb == 0.0) continue;
    const std::vector<double>& t = tableau_[i];
    for (size_t j = 0; j < columns_; ++j) reduced_[j] -= cb * t[j];
    objective_ += cb * t[columns_];
  }
  const size_t limit = 50 * (m + columns_) + 1000;
  int degenerate_run = 0;
  for (size_t iteration = 0; iteration < limit; ++iteration) {
    if (objective_ >= stop_at) return absl::OkStatus();
    const bool bland = degenerate_run >= kDegenerateRunBeforeBland;
    size_t entering = columns_;
    double best = kCostTolerance;
    for (size_t j = 0; j < columns_; ++j) {
      if (!may_enter_[j] || reduced_[j] <= kCostTolerance) continue;
      if (bland) {
        entering = j;
        break;
      }
      if (reduced_[j] > best) {
        best = reduced_[j];
        entering = j;
      }
    }
    if (entering == columns_) return absl::OkStatus();  // optimal
    size_t leaving = m;
    double ratio = std::numeric_limits<double>::infinity();
    for (size_t i = 0; i < m; ++i) {
      const double a = tableau_[i][entering];
      if (a <= kPivotTolerance) continue;
      const double r = std::max(0.0, tableau_[i][columns_]) / a;
      if (r < ratio - 1e-12 || (r <= ratio + 1e-12 && leaving < m && basis_[i] < basis_[leaving])) {
        ratio = r;
        leaving = i;
      }
    }
    if (leaving == m) {
      *unbounded = true;
      return absl::OkStatus();
    }
    degenerate_run = ratio <= 1e-12 ? degenerate_run + 1 : 0;
    Pivot(leaving, entering);
  }
  return absl::ResourceExhaustedError(
      absl::StrCat("the simplex method did not converge in ", limit, " iterations"));
}

absl::Status LinearProgram::Start() {
  const size_t n = static_cast<size_t>(variables_);
  size_t slacks = 0, artificials = 0;
  for (const Row& r : rows_) {
    if (r.sense == Sense::kLessOrEqual) ++slacks;
    if (r.sense == Sense::kEqual || r.rhs < 0) ++artificials;
  }
  columns_ = n + slacks + artificials;
  const size_t m = rows_.size();
  tableau_.assign(m, std::vector<double>(columns_ + 1, 0.0));
  basis_.assign(m, 0);
  may_enter_.assign(columns_, 1);
  std::vector<double> phase1(columns_, 0.0);
  size_t next_slack = n, next_artificial = n + slacks;
  for (size_t i = 0; i < m; ++i) {
    const Row& r = rows_[i];
    std::vector<double>& t = tableau_[i];
    const double sign = r.rhs < 0 ? -1.0 : 1.0;
    for (const auto& [var, coefficient] : r.terms) t[static_cast<size_t>(var)] += sign * coefficient;
    t[columns_] = sign * r.rhs;
    if (r.sense == Sense::kLessOrEqual) {
      t[next_slack] = sign;
      if (sign > 0) basis_[i] = next_slack;
      ++next_slack;
    }
    if (r.sense == Sense::kEqual || sign < 0) {
      t[next_artificial] = 1.0;
      basis_[i] = next_artificial;
      phase1[next_artificial] = -1.0;
      ++next_artificial;
    }
  }
  bool unbounded = false;
  absl::Status status = Run(phase1, 0.0, &unbounded);
  if (!status.ok()) return status;
  if (objective_ < -kFeasibilityTolerance) {
    return absl::FailedPreconditionError("the linear constraints have no solution");
  }
  // Drive the artificial variables out of the basis, then keep them out.
  for (size_t i = 0; i < m; ++i) {
    if (basis_[i] < n + slacks) continue;
    for (size_t j = 0; j < n + slacks; ++j) {
      if (std::fabs(tableau_[i][j]) > kPivotTolerance) {
        Pivot(i, j);
        break;
      }
    }
    // Otherwise the row is redundant: zero over every other column, it
    // never takes part in a ratio test again.
  }
  for (size_t j = n + slacks; j < columns_; ++j) may_enter_[j] = 0;
  started_ = true;
  return absl::OkStatus();
}

absl::StatusOr<LinearProgram::Optimum> LinearProgram::Optimize(
    const std::vector<std::pair<int, double>>& objective, bool maximize, double good_enough) {
  if (!started_) return absl::FailedPreconditionError("Optimize before Start");
  std::vector<double> cost(columns_, 0.0);
  for (const auto& [variable, coefficient] : objective) {
    cost[static_cast<size_t>(variable)] += maximize ? coefficient : -coefficient;
  }
  bool unbounded = false;
  absl::Status status = Run(cost, maximize ? good_enough : -good_enough, &unbounded);
  if (!status.ok()) return status;
  Optimum out;
  out.unbounded = unbounded;
  out.value = maximize ? objective_ : -objective_;
  return out;
}

std::vector<double> LinearProgram::Values() const {
  std::vector<double> out(static_cast<size_t>(variables_), 0.0);
  for (size_t i = 0; i < basis_.size(); ++i) {
    if (basis_[i] < out.size()) out[basis_[i]] = std::max(0.0, tableau_[i][columns_]);
  }
  return out;
}

}  // namespace internal
}  // namespace ctind
