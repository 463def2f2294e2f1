// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The figures of one indicator's raw results and the linear relations an
// attacker knows between them — the model disclosure control protects
// against (docs/privacy.md, "The guarantee").
//
// A *figure* is one number of the results, identified by what it counts
// rather than by the cell showing it: the unit count, a count numerator,
// a count denominator, or a complement (denominator − numerator) of one
// breakdown cell over one date range. Cells that show the same number
// (the life-of-project value that is the last period's, a year observed
// only in its first quarter, a stock at the end of a period and its
// cumulative copy, a ratio's denominator shared by several numerator
// cells) share the figure.
//
// A *group* relates a margin figure to member figures on the same side of
// the same kind: the total and a breakdown's cells, a cell and the cells of
// a cross or a finer dimension (hierarchy levels, groupings, bands), a
// period and the periods of another type within it, a cumulative value and
// the previous one plus its period. Members *inside* hold only units of the
// margin; *partial* members may also hold others. Whether the units of the
// margin are split among the members (additive) or may count in several
// (distinct counts, multi-valued dimensions, stocks) decides the relation:
//   additive:      Σ inside ≤ margin ≤ Σ inside + Σ partial (= when no partial)
//   not additive:  each inside ≤ margin,  margin ≤ Σ inside + Σ partial
// (the upper bound only when every unit of the margin is in some member).
// When the members inside cover the margin (none partial) and the raw
// figures add up, the relation is taken as an equality even for figures
// that need not add up: an attacker who assumes that no unit counts twice
// (a distinct count of persons by a person's own attribute) is right.

#ifndef CTIND_DISCLOSURE_FIGURE_MODEL_H_
#define CTIND_DISCLOSURE_FIGURE_MODEL_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "ctind/v1/report.pb.h"
#include "engine/plan_info.h"

namespace ctind {
namespace internal {

enum class FigureKind {
  kUnits,        // Cell.units: persons (sensitive tables) or records
  kNumerator,    // Cell.numerator of a count or distinct count
  kDenominator,  // Cell.denominator of a count ratio, or a mean's count
  kComplement,   // denominator − numerator of a ratio whose numerator is a subset
};

const char* FigureKindName(FigureKind kind);

struct Figure {
  FigureKind kind = FigureKind::kUnits;
  // Counts person-level data: an attacker must not narrow it below k.
  bool is_protected = false;
  // A value from 1 to k − 1 suppresses the cells showing it (primary).
  bool decides = false;
  // The raw value; unknown for latent figures (shown by no cell).
  bool has_raw = false;
  double raw = 0;
  // Report cells (indexes into IndicatorResult.cells) that show it.
  std::vector<int> cells;
  // What it counts, independent of the cells showing it: indicator, kind,
  // scope and period (the first of those with the same value), side,
  // breakdown and coordinates. Keys random rounding.
  std::string identity;
};

struct FigureGroup {
  int margin = -1;
  std::vector<int> inside;
  std::vector<int> partial;
  bool additive = false;
  // Every unit of the margin is in some member.
  bool covering = true;
  // An inside member holds no more than the margin (false for complements
  // of distinct counts: a key outside one cell's numerator may be in the
  // margin's through another cell).
  bool monotone = true;
  // margin = Σ inside: additive members covering the margin (and none
  // partial), or members the raw figures show to be a partition.
  bool equal = false;
};

// Σ coefficient · figure (= or ≤) 0.
struct FigureConstraint {
  std::vector<std::pair<int, int>> terms;  // (figure, coefficient)
  bool equality = false;
};

struct IndicatorModel {
  std::string indicator_id;
  int min_cell_size = 5;
  std::vector<Figure> figures;
  std::vector<FigureGroup> groups;
  // Every linear relation (from the groups, and between figures of one
  // cell: denominator = numerator + complement; persons ≤ records).
  std::vector<FigureConstraint> constraints;
  // For each report cell, the figures it shows.
  std::vector<std::vector<int>> cell_figures;
  // The count numerator equals the unit count in every cell, so it is the
  // units figure (no kNumerator figures).
  bool numerator_is_units = false;
};

// Builds the model of `raw` (one indicator's raw results) as computed by
// the plan described by `info`, with minimum cell size `k`. Errors:
// InvalidArgument when the results do not match the plan (an unknown
// breakdown, period or coordinate).
absl::StatusOr<IndicatorModel> BuildIndicatorModel(const IndicatorInfo& info,
                                                   const v1::IndicatorResult& raw, int k);

// The model of a REPORTED indicator's cells (entered values, added to the
// results by AddReportedActuals, include/ctind/assess.h): each entered
// number is a figure (the life-of-project cell shows the latest period's),
// protected unless the indicator is non-sensitive and deciding when it is
// a whole number (a count); entered numbers are related only where they
// add up: the total and a breakdown's cells of one period, a one-way cell
// and the cells of a cross with it.
IndicatorModel BuildReportedModel(const std::string& indicator_id, const v1::IndicatorResult& raw,
                                  bool sensitive, int k);

}  // namespace internal
}  // namespace ctind

#endif  // CTIND_DISCLOSURE_FIGURE_MODEL_H_
