// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "disclosure/active_set.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "absl/strings/str_cat.h"

namespace ctind {
namespace internal {
namespace {

constexpr double kFeasible = 1e-7;    // a start point this close to a row is on it
constexpr double kTight = 1e-9;       // a constraint this close is active
constexpr double kDirection = 1e-9;   // smaller movements along a normal are none
constexpr double kGain = 1e-9;        // smaller objective gains are none
constexpr int kDegenerateRunBeforeBland = 50;
constexpr int kStepsBetweenRefactors = 250;

}  // namespace

absl::StatusOr<ActiveSetProgram> ActiveSetProgram::Create(int variables, std::vector<Row> rows,
                                                          std::vector<double> start) {
  ActiveSetProgram p;
  p.n_ = variables;
  p.m_ = static_cast<int>(rows.size());
  p.rows_ = std::move(rows);
  if (static_cast<int>(start.size()) != variables) return absl::InvalidArgumentError("start point of the wrong size");
  for (double& v : start) {
    if (v < -kFeasible) return absl::InvalidArgumentError("the start point is negative");
    v = std::max(0.0, v);
  }
  p.start_ = start;
  p.x_ = start;
  for (const Row& r : p.rows_) {
    double ax = 0;
    for (const auto& [j, a] : r.terms) ax += a * start[j];
    if (r.equality ? std::fabs(ax - r.rhs) > kFeasible : ax > r.rhs + kFeasible) {
      return absl::InvalidArgumentError("the start point does not satisfy the constraints");
    }
  }
  const int n = p.n_;
  // The initial active set: equalities, then the rows and bounds the start
  // point makes tight, then virtual constraints; each kept when independent
  // of those before (Gauss–Jordan on the normals).
  std::vector<std::vector<double>> reduced;
  std::vector<int> pivot;
  std::vector<double> a(n);
  auto try_add = [&](int id) {
    if (static_cast<int>(p.active_.size()) == n) return;
    p.Normal(id, &a);
    for (size_t k = 0; k < reduced.size(); ++k) {
      const double f = a[pivot[k]];
      if (f == 0) continue;
      for (int j = 0; j < n; ++j) a[j] -= f * reduced[k][j];
    }
    int best = -1;
    for (int j = 0; j < n; ++j) {
      if (std::fabs(a[j]) > 1e-9 && (best < 0 || std::fabs(a[j]) > std::fabs(a[best]))) best = j;
    }
    if (best < 0) return;
    const double scale = 1.0 / a[best];
    for (double& v : a) v *= scale;
    for (std::vector<double>& r : reduced) {
      const double f = r[best];
      if (f == 0) continue;
      for (int j = 0; j < n; ++j) r[j] -= f * a[j];
    }
    reduced.push_back(a);
    pivot.push_back(best);
    p.active_.push_back(id);
  };
  for (int r = 0; r < p.m_; ++r) {
    if (p.rows_[r].equality) try_add(r);
  }
  for (int r = 0; r < p.m_; ++r) {
    if (p.rows_[r].equality) continue;
    double ax = 0;
    for (const auto& [j, c] : p.rows_[r].terms) ax += c * start[j];
    if (p.rows_[r].rhs - ax <= kTight) try_add(r);
  }
  for (int j = 0; j < n; ++j) {
    if (start[j] <= kTight) try_add(p.m_ + j);
  }
  for (int j = 0; j < n; ++j) try_add(p.m_ + n + j);
  p.in_basis_.assign(static_cast<size_t>(p.m_ + 2 * n), 0);
  for (int id : p.active_) p.in_basis_[id] = 1;
  if (!p.Refactor()) return absl::InternalError("the initial active set is singular");
  return p;
}

void ActiveSetProgram::Normal(int id, std::vector<double>* out) const {
  out->assign(static_cast<size_t>(n_), 0.0);
  if (id < m_) {
    for (const auto& [j, a] : rows_[id].terms) (*out)[j] += a;
  } else if (id < m_ + n_) {
    (*out)[id - m_] = -1.0;
  } else {
    (*out)[id - m_ - n_] = 1.0;
  }
}

double ActiveSetProgram::Dot(int id, const std::vector<double>& v) const {
  if (id < m_) {
    double s = 0;
    for (const auto& [j, a] : rows_[id].terms) s += a * v[j];
    return s;
  }
  if (id < m_ + n_) return -v[id - m_];
  return v[id - m_ - n_];
}

bool ActiveSetProgram::Refactor() {
  const int n = n_;
  // [M | I] → [I | M⁻¹] with partial pivoting; M's rows are the normals.
  std::vector<std::vector<double>> m(n, std::vector<double>(2 * n, 0.0));
  std::vector<double> a;
  for (int i = 0; i < n; ++i) {
    Normal(active_[i], &a);
    for (int j = 0; j < n; ++j) m[i][j] = a[j];
    m[i][n + i] = 1.0;
  }
  for (int col = 0; col < n; ++col) {
    int best = col;
    for (int r = col + 1; r < n; ++r) {
      if (std::fabs(m[r][col]) > std::fabs(m[best][col])) best = r;
    }
    if (std::fabs(m[best][col]) < 1e-12) return false;
    std::swap(m[best], m[col]);
    const double scale = 1.0 / m[col][col];
    for (double& v : m[col]) v *= scale;
    for (int r = 0; r < n; ++r) {
      if (r == col) continue;
      const double f = m[r][col];
      if (f == 0) continue;
      for (int j = col; j < 2 * n; ++j) m[r][j] -= f * m[col][j];
    }
  }
  // m[j][n + i] = (M⁻¹)_{j,i}: variable j, basis position i.
  inverse_.assign(n, std::vector<double>(n));
  for (int j = 0; j < n; ++j) {
    for (int i = 0; i < n; ++i) inverse_[j][i] = m[j][n + i];
  }
  steps_since_refactor_ = 0;
  return true;
}

absl::StatusOr<ActiveSetProgram::Optimum> ActiveSetProgram::Optimize(
    const std::vector<std::pair<int, double>>& objective, bool maximize, double good_enough) {
  const int n = n_;
  const double sign = maximize ? 1.0 : -1.0;
  std::vector<double> c(n, 0.0);
  for (const auto& [j, v] : objective) c[j] += sign * v;
  std::vector<std::pair<int, double>> sparse_c;
  for (int j = 0; j < n; ++j) {
    if (c[j] != 0) sparse_c.push_back({j, c[j]});
  }
  const double target = sign * good_enough;
  auto value = [&]() {
    double s = 0;
    for (const auto& [j, v] : sparse_c) s += v * x_[j];
    return s;
  };
  std::vector<double> lambda(n), w(n), d(n), v(n);
  const long limit = 50L * (n + m_) + 1000;
  int degenerate = 0;
  for (long step = 0; step < limit; ++step) {
    const double obj = value();
    if (obj >= target) return Optimum{false, sign * obj};
    // Multipliers of the active constraints: c = Σ λ_i · normal_i.
    std::fill(lambda.begin(), lambda.end(), 0.0);
    for (const auto& [j, cj] : sparse_c) {
      const std::vector<double>& row = inverse_[j];
      for (int i = 0; i < n; ++i) lambda[i] += cj * row[i];
    }
    // The constraint to leave: moving off it (along the inverse's column)
    // raises the objective by |λ| per unit.
    const bool bland = degenerate >= kDegenerateRunBeforeBland;
    int leave = -1;
    double best_gain = kGain, direction = 0;
    for (int i = 0; i < n; ++i) {
      const int id = active_[i];
      double gain, sigma;
      if (id < m_ && rows_[id].equality) continue;
      if (id >= m_ + n) {
        gain = std::fabs(lambda[i]);
        sigma = lambda[i] > 0 ? 1.0 : -1.0;
      } else {
        gain = -lambda[i];
        sigma = -1.0;
      }
      if (gain <= kGain) continue;
      if (bland) {
        if (leave < 0 || id < active_[leave]) {
          leave = i;
          direction = sigma;
        }
      } else if (gain > best_gain) {
        best_gain = gain;
        leave = i;
        direction = sigma;
      }
    }
    if (leave < 0) return Optimum{false, sign * obj};
    for (int j = 0; j < n; ++j) {
      w[j] = inverse_[j][leave];
      d[j] = direction * w[j];
    }
    // Ratio test over the inactive rows and bounds.
    double t = std::numeric_limits<double>::infinity();
    int enter = -1;
    for (int r = 0; r < m_; ++r) {
      if (in_basis_[r]) continue;
      const double ad = Dot(r, d);
      double ratio;
      if (rows_[r].equality) {
        if (std::fabs(ad) <= kDirection) continue;
        ratio = 0;  // a dependent equality blocks every move off it
      } else {
        if (ad <= kDirection) continue;
        ratio = std::max(0.0, rows_[r].rhs - Dot(r, x_)) / ad;
      }
      if (ratio < t) {
        t = ratio;
        enter = r;
      }
    }
    for (int j = 0; j < n; ++j) {
      if (in_basis_[m_ + j] || -d[j] <= kDirection) continue;
      const double ratio = std::max(0.0, x_[j]) / -d[j];
      if (ratio < t) {
        t = ratio;
        enter = m_ + j;
      }
    }
    if (enter < 0) return Optimum{true, 0};
    for (int j = 0; j < n; ++j) x_[j] += t * d[j];
    degenerate = t <= 1e-12 ? degenerate + 1 : 0;
    // Replace the leaving normal by the entering one (Sherman–Morrison on
    // one row): M⁻¹ ← M⁻¹ − w (aᵀM⁻¹ − e_leave) / (a·w).
    std::fill(v.begin(), v.end(), 0.0);
    if (enter < m_) {
      for (const auto& [j, a] : rows_[enter].terms) {
        const std::vector<double>& row = inverse_[j];
        for (int i = 0; i < n; ++i) v[i] += a * row[i];
      }
    } else {
      const std::vector<double>& row = inverse_[enter - m_];
      for (int i = 0; i < n; ++i) v[i] = -row[i];
    }
    const double denominator = v[leave];
    v[leave] -= 1.0;
    for (int j = 0; j < n; ++j) {
      const double f = w[j] / denominator;
      if (f == 0) continue;
      std::vector<double>& row = inverse_[j];
      for (int i = 0; i < n; ++i) row[i] -= f * v[i];
    }
    in_basis_[active_[leave]] = 0;
    active_[leave] = enter;
    in_basis_[enter] = 1;
    if (++steps_since_refactor_ >= kStepsBetweenRefactors && !Refactor()) {
      return absl::InternalError("the active set became singular");
    }
    // Virtual constraints that left never come back: nothing to do.
  }
  return absl::ResourceExhaustedError(absl::StrCat("no optimum after ", limit, " steps"));
}

}  // namespace internal
}  // namespace ctind
