// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Assess: targets, % achieved, status and progress on a report's cells.

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "model/report_lookup.h"
#include "assess/status_rules.h"
#include "common/strings.h"
#include "ctind/assess.h"
#include "ctind/v1/framework.pb.h"
#include "ctind/v1/report.pb.h"
#include "model/model_internal.h"

namespace ctind {
namespace {

using internal::FrameworkRep;

constexpr char kPeriodSeparator[] = "\x1d";

std::string TargetKey(std::string_view period, std::string_view cell_key) {
  return absl::StrCat(Sv(period), kPeriodSeparator, Sv(cell_key));
}

std::string Coordinates(const v1::Target& target) {
  std::vector<std::string> parts;
  for (const v1::CellCoordinate& c : target.cell()) {
    parts.push_back(absl::StrCat(c.dimension(), "=", c.value()));
  }
  return absl::StrJoin(parts, ";");
}

// Target.cell must name a cell the indicator can have: its dimensions one
// of the indicator's breakdowns (or a one-way breakdown of a cross, or, for
// a reported indicator, the cell of an entered value), and, for a computed
// indicator, values that some cell of the report has (or "unknown", which
// the engine shows only when it is not 0).
absl::Status CheckTargetCells(const v1::Indicator& ind, const v1::IndicatorResult& ir) {
  absl::flat_hash_set<std::string> breakdowns;
  for (const v1::Breakdown& b : ind.disaggregate_by()) {
    breakdowns.insert(internal::DimensionsKey(b.dimensions()));
    for (const std::string& d : b.dimensions()) breakdowns.insert(d);
  }
  for (const v1::ReportedValue& rv : ind.reported()) {
    if (!rv.cell().empty()) breakdowns.insert(internal::DimensionsKey(rv.cell()));
  }
  absl::flat_hash_set<std::string> values;
  for (const v1::Cell& cell : ir.cells()) {
    for (const v1::CellCoordinate& c : cell.coordinates()) {
      values.insert(absl::StrCat(c.dimension(), "=", c.value()));
    }
  }
  const bool computed = ind.source() != v1::REPORTED;
  for (int t = 0; t < ind.targets_size(); ++t) {
    const v1::Target& target = ind.targets(t);
    if (target.cell().empty()) continue;
    if (!breakdowns.contains(internal::DimensionsKey(target.cell()))) {
      return absl::InvalidArgumentError(absl::StrCat(
          "indicator ", Quoted(ind.id()), " targets[", t, "].cell (", Coordinates(target),
          "): its dimensions are not a breakdown of the indicator (disaggregate_by)"));
    }
    if (!computed) continue;
    for (const v1::CellCoordinate& c : target.cell()) {
      if (c.value() != "unknown" && !values.contains(absl::StrCat(c.dimension(), "=", c.value()))) {
        return absl::InvalidArgumentError(absl::StrCat(
            "indicator ", Quoted(ind.id()), " targets[", t, "].cell: ", Quoted(c.value()),
            " is not a value of breakdown ", Quoted(c.dimension()), " in the report"));
      }
    }
  }
  return absl::OkStatus();
}

// The period type of the indicator's baseline when progress against it is
// meaningful: a baseline value with a period, on a measure that is not
// already a change against the baseline.
std::optional<v1::PeriodType> BaselineType(const FrameworkRep& fw, const v1::Indicator& ind) {
  const v1::Baseline& baseline = ind.baseline();
  if (!baseline.has_value() || baseline.period().empty() || ind.measure().relative_change()) {
    return std::nullopt;
  }
  std::optional<Period> period = internal::ResolvePeriodId(fw, baseline.period());
  if (!period) return std::nullopt;
  return internal::ProtoPeriodType(period->kind.type);
}

void AssessCell(double target, const v1::Indicator& ind, std::optional<double> baseline,
                double margin_points, v1::Cell* cell) {
  cell->set_target(target);
  // A suppressed or missing value: the target alone, nothing derived.
  if (cell->status() != v1::PRESENT || !cell->has_value()) return;
  const double actual = cell->value();
  if (std::optional<double> percent = internal::PercentAchieved(actual, target)) {
    cell->set_percent_achieved(*percent);
  }
  cell->set_assessment(
      internal::StatusAgainstTarget(actual, target, ind.direction(), margin_points));
  if (baseline) {
    if (std::optional<double> progress = internal::BaselineProgress(actual, *baseline, target)) {
      cell->set_progress(*progress);
    }
  }
}

absl::Status AssessIndicator(const FrameworkRep& fw, const v1::Indicator& ind,
                             double margin_points, v1::IndicatorResult* ir) {
  if (absl::Status status = CheckTargetCells(ind, *ir); !status.ok()) return status;
  absl::flat_hash_map<std::string, double> targets;
  for (const v1::Target& t : ind.targets()) {
    if (t.has_value()) targets[TargetKey(t.period(), internal::CellKey(t.cell()))] = t.value();
  }
  absl::flat_hash_map<std::string, v1::PeriodType> period_types;
  for (const v1::ReportPeriod& p : ir->periods()) period_types[p.id()] = p.type();
  const std::optional<v1::PeriodType> baseline_type = BaselineType(fw, ind);
  // The life-of-project value is of the indicator's frequency when it is
  // the latest period's value; recomputed over the whole span, it is of no
  // period type a baseline can have.
  const bool lop_is_latest = ind.life_of_project() == v1::LATEST || ind.source() == v1::REPORTED;
  const v1::Scope headline = internal::HeadlineScope(ind);

  for (v1::Cell& cell : *ir->mutable_cells()) {
    cell.clear_target();
    cell.clear_percent_achieved();
    cell.clear_progress();
    cell.set_assessment(v1::NOT_ASSESSED);
    std::optional<double> target;
    std::optional<v1::PeriodType> type;
    if (cell.scope() == headline) {
      auto it = targets.find(TargetKey(cell.period(), internal::CellKey(cell.coordinates())));
      if (it != targets.end()) target = it->second;
      auto pt = period_types.find(cell.period());
      if (pt != period_types.end()) type = pt->second;
    } else if (cell.scope() == v1::SCOPE_LIFE_OF_PROJECT && cell.coordinates().empty() &&
               ind.has_life_of_project_target()) {
      target = ind.life_of_project_target();
      if (lop_is_latest) type = ind.period().every();
    }
    if (!target) continue;
    // The baseline is the total's: progress only on the total, against a
    // baseline of the same period type.
    std::optional<double> baseline;
    if (cell.coordinates().empty() && baseline_type && type == baseline_type) {
      baseline = ind.baseline().value();
    }
    AssessCell(*target, ind, baseline, margin_points, &cell);
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status Assess(const Framework& framework, v1::Report* report, const AssessOptions& options) {
  if (report == nullptr) return absl::InvalidArgumentError("Assess: report is null");
  if (!std::isfinite(options.margin_points) || options.margin_points < 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the assessment margin must be a finite number of points >= 0, not ",
        options.margin_points));
  }
  const FrameworkRep& fw = internal::ModelAccess::Rep(framework);
  v1::Report out = *report;
  if (absl::Status status = AddReportedActuals(framework, &out); !status.ok()) return status;
  for (v1::IndicatorResult& ir : *out.mutable_indicators()) {
    const v1::Indicator& ind = fw.proto.indicators(fw.indicators.at(ir.indicator_id()));
    if (absl::Status status = AssessIndicator(fw, ind, options.margin_points, &ir); !status.ok()) {
      return status;
    }
  }
  out.mutable_assessment()->set_margin_points(options.margin_points);
  *report = std::move(out);
  return absl::OkStatus();
}

}  // namespace ctind
