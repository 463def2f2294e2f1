// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// A small dense simplex solver for the attacker's linear programs that
// disclosure control audits itself with: non-negative variables, linear
// equalities and ≤ inequalities, and objectives that maximise or minimise
// one variable. Meant for the few hundred variables of one indicator's
// suppressed figures, not as a general LP solver.

#ifndef CTIND_DISCLOSURE_SIMPLEX_H_
#define CTIND_DISCLOSURE_SIMPLEX_H_

#include <cstdint>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace ctind {
namespace internal {

class LinearProgram {
 public:
  enum class Sense { kLessOrEqual, kEqual };

  // A new variable x ≥ 0; returns its index (0, 1, …).
  int AddVariable();
  int variables() const { return variables_; }

  // Σ coefficient · x[variable] (≤ or =) rhs. Repeated variables add up.
  // Constraints are fixed by Start.
  void AddConstraint(const std::vector<std::pair<int, double>>& terms, Sense sense, double rhs);

  // Finds a feasible vertex (phase 1). FailedPrecondition when the
  // constraints have no solution; ResourceExhausted when the iteration
  // limit is reached.
  absl::Status Start();

  struct Optimum {
    bool unbounded = false;
    // The objective variable's value at the vertex reached: its optimum, or
    // the first value at least `good_enough` (see Optimize).
    double value = 0;
  };

  // After Start: moves from the current vertex towards one that maximises
  // (or minimises) x[variable], and stops as soon as the value is at
  // least (maximising) or at most (minimising) `good_enough`. Errors as
  // Start.
  absl::StatusOr<Optimum> Optimize(int variable, bool maximize, double good_enough) {
    return Optimize(std::vector<std::pair<int, double>>{{variable, 1.0}}, maximize, good_enough);
  }
  // The same for a linear objective Σ coefficient · x[variable].
  absl::StatusOr<Optimum> Optimize(const std::vector<std::pair<int, double>>& objective, bool maximize,
                                   double good_enough);

  // The variables' values at the current vertex.
  std::vector<double> Values() const;

 private:
  struct Row {
    std::vector<std::pair<int, double>> terms;
    Sense sense;
    double rhs;
  };

  // Runs the simplex method on the current tableau for objective `cost`
  // (maximised), stopping when the objective reaches `stop_at`. Sets
  // *unbounded when it grows without limit.
  absl::Status Run(const std::vector<double>& cost, double stop_at, bool* unbounded);
  void Pivot(size_t row, size_t column);

  int variables_ = 0;
  std::vector<Row> rows_;
  // The tableau: one row per constraint over every column (variables,
  // slacks, artificials) and the right-hand side last.
  size_t columns_ = 0;
  std::vector<std::vector<double>> tableau_;
  std::vector<size_t> basis_;
  std::vector<uint8_t> may_enter_;
  std::vector<double> reduced_;
  double objective_ = 0;
  bool started_ = false;
};

}  // namespace internal
}  // namespace ctind

#endif  // CTIND_DISCLOSURE_SIMPLEX_H_
