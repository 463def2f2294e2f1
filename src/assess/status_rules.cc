// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "assess/status_rules.h"

#include <cmath>

namespace ctind {
namespace internal {
namespace {

// Tolerance on the margin's bounds, in points of % achieved.
constexpr double kBoundTolerance = 1e-9;

}  // namespace

std::optional<double> PercentAchieved(double actual, double target) {
  if (target == 0) return std::nullopt;
  const double percent = 100 * actual / target;
  if (!std::isfinite(percent)) return std::nullopt;
  return percent;
}

v1::AssessmentStatus StatusAgainstTarget(double actual, double target,
                                         v1::Direction direction,
                                         double margin_points) {
  if (direction != v1::INCREASE && direction != v1::DECREASE) return v1::NOT_ASSESSED;
  if (!std::isfinite(actual) || !std::isfinite(target)) return v1::NOT_ASSESSED;
  bool on_track = false;
  if (target == 0) {
    on_track = actual == 0;
  } else {
    // A quotient that overflows is far from 100: not on track.
    const std::optional<double> percent = PercentAchieved(actual, target);
    on_track = percent && std::fabs(*percent - 100) <= margin_points + kBoundTolerance;
  }
  if (on_track) return v1::ON_TRACK;
  const bool above = actual > target;
  return above == (direction == v1::INCREASE) ? v1::AHEAD : v1::BEHIND;
}

std::optional<double> BaselineProgress(double actual, double baseline, double target) {
  if (baseline == target) return std::nullopt;
  const double progress = (actual - baseline) / (target - baseline);
  if (!std::isfinite(progress)) return std::nullopt;
  return progress;
}

}  // namespace internal
}  // namespace ctind
