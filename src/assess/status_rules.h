// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The assessment of one value against its target (SEMANTICS.md,
// "Cumulation and assessment"): % achieved, direction-aware status and
// baseline-relative progress, as pure functions of numbers.

#ifndef CTIND_ASSESS_STATUS_RULES_H_
#define CTIND_ASSESS_STATUS_RULES_H_

#include <optional>

#include "ctind/v1/framework.pb.h"
#include "ctind/v1/report.pb.h"

namespace ctind {
namespace internal {

// 100 × actual / target; nullopt for a target of 0 (undefined) or a
// quotient that is not finite.
std::optional<double> PercentAchieved(double actual, double target);

// The status of `actual` against `target`:
//  - direction NONE (or unspecified), or an actual or target that is not
//    finite: NOT_ASSESSED;
//  - target 0: ON_TRACK for an actual of 0; otherwise above the target is
//    AHEAD for INCREASE and BEHIND for DECREASE, below it the reverse;
//  - else ON_TRACK when % achieved is within `margin_points` of 100, bounds
//    included (to 1e-9 points, so that a bound reached through binary
//    floating point still counts); otherwise AHEAD or BEHIND as for a
//    target of 0. Above and below compare the actual with the target, so
//    a negative target (a relative change) reads the right way round.
v1::AssessmentStatus StatusAgainstTarget(double actual, double target,
                                         v1::Direction direction,
                                         double margin_points);

// (actual − baseline) / (target − baseline); nullopt when the baseline
// equals the target or the quotient is not finite.
std::optional<double> BaselineProgress(double actual, double baseline, double target);

}  // namespace internal
}  // namespace ctind

#endif  // CTIND_ASSESS_STATUS_RULES_H_
