// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Linear programs over {x ≥ 0 : A x (≤ | =) b} started from a known
// feasible point — the attacker's programs always have one: the raw
// figures. The active-set (primal simplex on the dual) method walks
// vertices defined by n active constraints, keeping the inverse of the
// n × n matrix of their normals: with few variables and many sparse
// constraints an iteration costs O(n² + nonzeros of A), and no first phase
// is needed. Constraints the start point does not make active are
// completed by "virtual" ones (x_j = its start value) that leave the active
// set at the first chance.

#ifndef CTIND_DISCLOSURE_ACTIVE_SET_H_
#define CTIND_DISCLOSURE_ACTIVE_SET_H_

#include <cstdint>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace ctind {
namespace internal {

class ActiveSetProgram {
 public:
  struct Row {
    std::vector<std::pair<int, double>> terms;  // (variable, coefficient)
    bool equality = false;
    double rhs = 0;
  };

  // `rows` over variables 0 … variables − 1, all ≥ 0; `start` must satisfy
  // every row and bound (within 1e-7). InvalidArgument otherwise.
  static absl::StatusOr<ActiveSetProgram> Create(int variables, std::vector<Row> rows,
                                                 std::vector<double> start);

  struct Optimum {
    bool unbounded = false;
    // The objective at the point reached: its optimum, or the first value
    // at least (maximising) / at most (minimising) `good_enough`.
    double value = 0;
  };

  // Moves from the current point towards one maximising (or minimising)
  // Σ coefficient · x[variable]. ResourceExhausted after too many steps.
  absl::StatusOr<Optimum> Optimize(const std::vector<std::pair<int, double>>& objective, bool maximize,
                                   double good_enough);

  const std::vector<double>& Values() const { return x_; }

 private:
  ActiveSetProgram() = default;
  // The normal of constraint `id`: rows, then bounds −x_j ≤ 0, then the
  // virtual x_j = start_j.
  void Normal(int id, std::vector<double>* out) const;
  double Dot(int id, const std::vector<double>& v) const;
  bool Refactor();

  int n_ = 0;
  int m_ = 0;
  std::vector<Row> rows_;
  std::vector<double> start_;
  std::vector<double> x_;
  std::vector<int> active_;            // constraint ids, one per basis position
  std::vector<std::vector<double>> inverse_;  // inverse_[variable][position]
  std::vector<uint8_t> in_basis_;     // by constraint id
  int steps_since_refactor_ = 0;
};

}  // namespace internal
}  // namespace ctind

#endif  // CTIND_DISCLOSURE_ACTIVE_SET_H_
