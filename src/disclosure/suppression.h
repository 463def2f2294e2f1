// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Which cells of one indicator a publication withholds (docs/privacy.md):
//  1. primary: a cell showing a deciding figure (its unit count; a subset
//     ratio's complement; a sensitive denominator of a ratio across tables)
//     from 1 to k − 1;
//  2. derived: every cell showing a figure that a suppressed cell shows
//     (the same number elsewhere: a shared denominator, a copied period);
//  3. complementary: more cells, until no protected figure of a withheld
//     cell can be narrowed by an attacker to an interval shorter than k.
//     A fast pass over the relations (every relation with withheld figures
//     has at least two of them, holding at least k when its margin is
//     published) is followed by an audit: the attacker's linear programs
//     over everything published, non-negativity and every relation of the
//     model; each figure found narrower than k gets one more cell withheld
//     from its relations, and the audit runs again until it passes.

#ifndef CTIND_DISCLOSURE_SUPPRESSION_H_
#define CTIND_DISCLOSURE_SUPPRESSION_H_

#include <vector>

#include "absl/status/statusor.h"
#include "ctind/v1/report.pb.h"
#include "disclosure/figure_model.h"

namespace ctind {
namespace internal {

// The attacker's interval of one withheld protected figure.
struct FeasibleInterval {
  int figure = -1;
  double low = 0;
  double high = 0;
  bool unbounded = false;
  // low and high are the exact bounds (else only high − low ≥ k is known).
  bool exact = false;
};

// The attacker's intervals of the protected figures that `suppressed` cells
// withhold (a figure is withheld when every cell showing it is
// suppressed), solving the linear programs of the model. Errors: Internal
// when a program cannot be solved.
// Figures flagged in `known_wide` (when given) are skipped: withholding
// more cells only widens intervals, so a figure once at least k wide stays so.
absl::StatusOr<std::vector<FeasibleInterval>> AttackerIntervals(const IndicatorModel& model,
                                                                const std::vector<bool>& suppressed,
                                                                const std::vector<bool>* known_wide = nullptr);

// The suppression of every cell of the model's indicator (NOT_SUPPRESSED,
// PRIMARY, COMPLEMENTARY or DERIVED), deterministic for the same model.
// Errors as AttackerIntervals.
absl::StatusOr<std::vector<v1::SuppressionReason>> ChooseSuppressions(const IndicatorModel& model);

}  // namespace internal
}  // namespace ctind

#endif  // CTIND_DISCLOSURE_SUPPRESSION_H_
