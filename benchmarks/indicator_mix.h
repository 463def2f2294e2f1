// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Frameworks for the benchmarks, written against the synthetic schema
// (synthetic.h): a mix of 50 indicators of the kinds counter-trafficking
// projects report, every one QUARTERLY over the three-year project and
// disaggregated by gender, age band, citizenship and the multi-valued type
// of exploitation (on cases and services through the links to the victim):
//
//   V01-V20  counts of victims under different filters (trafficking
//            status, age, gender, citizenship, type of exploitation with
//            has(), identification channel, children aggregates over cases
//            with exists() and count()), three of them distinct counts of
//            persons over cases (flow by opening, by closing, stock at the
//            end of the quarter);
//   C01-C10  counts of cases: opened, closed, by status, stock at the end
//            and during the quarter, children's cases, cases without a
//            service;
//   P01-P08  percentages (ratios): cases with a first service within 30
//            days of opening, victims with a first service within 30 days
//            of identification (nested exists through cases, both with a
//            30-day window), cases closed, children, confirmed victims,
//            closed within 90 days, closed by referral, cases with shelter;
//   M01-M06  means and medians: days to closure, services per case, age at
//            identification, days from opening to the first service;
//   S01-S06  services: all, by type, distinct victims served
//            (count_distinct "case.person_id"), distinct cases served.
//
// Some indicators are CUMULATIVE (their cumulative values are recomputed
// over the span to date), the rest PER_PERIOD.

#ifndef CTIND_BENCHMARKS_INDICATOR_MIX_H_
#define CTIND_BENCHMARKS_INDICATOR_MIX_H_

#include <string>

#include "absl/status/statusor.h"
#include "ctind/model.h"

namespace ctind {
namespace bench {

// The framework text (protobuf text format) with `indicators` indicators:
// 1 (V01), 10 (one or two of each group), 50 (the whole mix), or more:
// the mix repeated in variants (ids suffixed "-v<k>", day thresholds
// shifted by k, and an extra filter on the placing date) until there are
// `indicators` of them.
std::string IndicatorMixText(int indicators);

// The number of indicators in the mix (50), and a framework holding only
// the mix's indicator `index` (0-based, in the order above), with its id.
inline constexpr int kMixSize = 50;
std::string SingleIndicatorText(int index);
std::string MixIndicatorId(int index);

// IndicatorMixText(indicators) parsed and validated.
absl::StatusOr<Framework> IndicatorMix(int indicators);

}  // namespace bench
}  // namespace ctind

#endif  // CTIND_BENCHMARKS_INDICATOR_MIX_H_
