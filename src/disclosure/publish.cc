// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Publish: per indicator, the figure model of its raw cells, the
// suppressions chosen on it, then the publication's cells: suppressed ones
// emptied, published ones rounded.

#include "ctind/publish.h"

#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/strings.h"
#include "ctind/v1/framework.pb.h"
#include "ctind/v1/report.pb.h"
#include "disclosure/figure_model.h"
#include "disclosure/rounding.h"
#include "disclosure/suppression.h"
#include "engine/plan_info.h"

namespace ctind {
namespace {

using internal::AggregateInfo;
using internal::FigureKind;
using internal::IndicatorInfo;
using internal::IndicatorModel;

constexpr int kDefaultMinCellSize = 5;

v1::RoundingBase RoundingOf(const PublishOptions& options, const v1::Framework& framework) {
  switch (options.rounding) {
    case Rounding::kNone: return v1::NO_ROUNDING;
    case Rounding::kBase5: return v1::BASE_5;
    case Rounding::kRandomBase3: return v1::RANDOM_BASE_3;
    case Rounding::kFramework: break;
  }
  const v1::RoundingBase r = framework.disclosure().rounding();
  return r == v1::ROUNDING_BASE_UNSPECIFIED ? v1::NO_ROUNDING : r;
}

bool IsCount(AggregateInfo f) { return f == AggregateInfo::kCount || f == AggregateInfo::kCountDistinct; }

// % achieved, progress and status computed from raw values (results
// assessed before they were published) would tell them: they go, and
// assessing the publication computes them from what it shows.
void ClearAssessment(v1::Cell* cell) {
  cell->clear_percent_achieved();
  cell->clear_progress();
  if (cell->assessment() != v1::ASSESSMENT_STATUS_UNSPECIFIED) cell->set_assessment(v1::NOT_ASSESSED);
}

// Rounds the figures of one published cell and recomputes the value from
// them.
class CellRounder {
 public:
  CellRounder(v1::RoundingBase base, const internal::KeyedRandomRounding* keyed)
      : base_(base), keyed_(keyed) {}

  bool active() const { return base_ == v1::BASE_5 || base_ == v1::RANDOM_BASE_3; }

  double Round(double x, const std::string& identity) const {
    const int64_t n = std::llround(x);
    if (n < 0) return x;  // not a count
    return static_cast<double>(base_ == v1::BASE_5 ? internal::RoundToBase5(n) : keyed_->Round(n, identity));
  }

  void Apply(const IndicatorInfo& info, const IndicatorModel& model, int index, v1::Cell* cell) const {
    auto figure = [&](FigureKind kind) -> const internal::Figure* {
      for (int f : model.cell_figures[index]) {
        if (model.figures[f].kind == kind) return &model.figures[f];
      }
      return nullptr;
    };
    const internal::SideInfo& num = info.value;
    bool rounded = false;
    if (num.sensitive && cell->has_units()) {
      const internal::Figure* f = figure(FigureKind::kUnits);
      cell->set_units(static_cast<int64_t>(Round(static_cast<double>(cell->units()), f ? f->identity : "")));
      rounded = true;
    }
    if (num.sensitive && IsCount(num.function) && cell->has_numerator()) {
      const internal::Figure* f = figure(model.numerator_is_units ? FigureKind::kUnits : FigureKind::kNumerator);
      cell->set_numerator(model.numerator_is_units ? static_cast<double>(cell->units())
                                                   : Round(cell->numerator(), f ? f->identity : ""));
      rounded = true;
    }
    const bool mean = !info.ratio && num.function == AggregateInfo::kMean;
    const bool count_denominator =
        (info.ratio && info.denominator.sensitive && IsCount(info.denominator.function)) ||
        (mean && num.sensitive);
    if (count_denominator && cell->has_denominator()) {
      const internal::Figure* f = figure(FigureKind::kDenominator);
      cell->set_denominator(Round(cell->denominator(), f ? f->identity : ""));
      rounded = true;
    }
    if (!rounded) return;
    cell->add_flags(v1::ROUNDED);
    ClearAssessment(cell);
    if (cell->status() != v1::PRESENT) return;
    // The value from the rounded figures.
    std::optional<double> value;
    if (info.ratio) {
      if (cell->denominator() != 0) value = info.factor * cell->numerator() / cell->denominator();
    } else if (mean) {
      if (cell->denominator() != 0) value = cell->numerator() / cell->denominator();
    } else if (IsCount(num.function)) {
      value = cell->numerator();
    } else {
      return;  // medians, extremes, sums: not counts, kept
    }
    if (value && info.relative_change && info.baseline) {
      if (*info.baseline == 0) {
        value.reset();
      } else {
        value = 100 * (*value - *info.baseline) / *info.baseline;
      }
    }
    if (value && std::isfinite(*value)) {
      cell->set_value(*value);
    } else {
      cell->clear_value();
      cell->set_status(v1::MISSING);
      if (info.ratio) cell->add_flags(v1::NO_DENOMINATOR);
    }
  }

  // An entered number that is a count (a protected, deciding figure: a
  // whole number of a sensitive reported indicator).
  void ApplyReported(const IndicatorModel& model, int index, v1::Cell* cell) const {
    for (int f : model.cell_figures[index]) {
      const internal::Figure& fig = model.figures[f];
      if (!fig.decides || !cell->has_value()) continue;
      const double rounded = Round(cell->value(), fig.identity);
      cell->set_value(rounded);
      if (cell->reported().value_case() == v1::ReportedActual::kNumber) cell->mutable_reported()->set_number(rounded);
      cell->add_flags(v1::ROUNDED);
      ClearAssessment(cell);
    }
  }

 private:
  v1::RoundingBase base_;
  const internal::KeyedRandomRounding* keyed_;
};

// A suppressed cell as published: no figure, no reason, no flag that would
// tell something about its figures.
void Withhold(v1::Cell* cell) {
  cell->set_status(v1::SUPPRESSED);
  cell->clear_value();
  cell->clear_numerator();
  cell->clear_denominator();
  cell->clear_units();
  cell->clear_not_yet_observable();
  ClearAssessment(cell);
  cell->clear_reported();  // an entered value, its note and evidence
  google::protobuf::RepeatedField<int> kept;
  for (int flag : cell->flags()) {
    if (flag == v1::PARTIAL_PERIOD) kept.Add(flag);  // a property of the period, not of the data
  }
  kept.Add(v1::SUPPRESSED_FLAG);
  *cell->mutable_flags() = kept;
}

}  // namespace

absl::StatusOr<Publication> Publish(const Results& raw, const Plan& plan, const PublishOptions& options) {
  const v1::Report& report = raw.proto();
  if (report.protection() == v1::PUBLISHED) {
    return absl::FailedPreconditionError("these results are already a publication; publish raw results");
  }
  if (options.protection_disabled()) {
    auto copy = std::make_shared<v1::Report>(report);
    copy->set_protection(v1::RAW);
    Results unprotected(copy);
    return Publication(unprotected, unprotected);
  }
  const v1::Framework& framework = plan.framework().proto();
  const std::vector<IndicatorInfo> infos = internal::DescribeIndicators(plan);
  if (report.indicators_size() != static_cast<int>(infos.size())) {
    return absl::InvalidArgumentError(absl::StrCat("the results have ", report.indicators_size(),
                                                   " indicators and the plan ", infos.size(),
                                                   ": they were not computed with this plan"));
  }
  const v1::RoundingBase rounding = RoundingOf(options, framework);
  std::optional<internal::KeyedRandomRounding> keyed;
  if (rounding == v1::RANDOM_BASE_3) {
    if (options.publisher_key.empty()) {
      return absl::InvalidArgumentError(
          "random rounding (RANDOM_BASE_3) needs the publisher's secret key: set "
          "PublishOptions::publisher_key (at least 16 random bytes, never stored in the framework)");
    }
    absl::StatusOr<internal::KeyedRandomRounding> k = internal::KeyedRandomRounding::Create(options.publisher_key);
    if (!k.ok()) return k.status();
    keyed = *std::move(k);
  }
  const CellRounder rounder(rounding, keyed ? &*keyed : nullptr);
  const int framework_k = framework.disclosure().has_min_cell_size() ? framework.disclosure().min_cell_size()
                                                                      : kDefaultMinCellSize;

  auto published = std::make_shared<v1::Report>(report);
  auto annotated = std::make_shared<v1::Report>(report);
  published->set_protection(v1::PUBLISHED);
  published->mutable_publication()->set_min_cell_size(framework_k);
  published->mutable_publication()->set_rounding(rounding);
  annotated->set_protection(v1::RAW);
  for (v1::Finding& f : *published->mutable_findings()) f.clear_record_keys();

  for (int i = 0; i < report.indicators_size(); ++i) {
    const IndicatorInfo& info = infos[i];
    const v1::IndicatorResult& ir = report.indicators(i);
    if (ir.indicator_id() != info.id) {
      return absl::InvalidArgumentError(absl::StrCat("the results' indicator ", i, " is ",
                                                     Quoted(ir.indicator_id()), ", the plan's ",
                                                     Quoted(info.id), ": they were not computed with this plan"));
    }
    v1::IndicatorResult* out = published->mutable_indicators(i);
    v1::IndicatorResult* own = annotated->mutable_indicators(i);
    if (ir.cells_size() == 0) continue;
    const v1::Indicator& ind = framework.indicators(i);
    const int k = ind.disclosure().has_min_cell_size() ? ind.disclosure().min_cell_size() : framework_k;
    // Reported indicators have cells only once their entered values are
    // added (AddReportedActuals): they are protected like computed ones.
    absl::StatusOr<IndicatorModel> model =
        info.computed ? internal::BuildIndicatorModel(info, ir, k)
                      : internal::BuildReportedModel(info.id, ir, !ind.disclosure().non_sensitive(), k);
    if (!model.ok()) return model.status();
    absl::StatusOr<std::vector<v1::SuppressionReason>> reasons = internal::ChooseSuppressions(*model);
    if (!reasons.ok()) return reasons.status();
    for (int c = 0; c < ir.cells_size(); ++c) {
      own->mutable_cells(c)->set_suppression((*reasons)[c]);
      v1::Cell* cell = out->mutable_cells(c);
      cell->set_suppression(v1::SUPPRESSION_REASON_UNSPECIFIED);
      if ((*reasons)[c] != v1::NOT_SUPPRESSED) {
        Withhold(cell);
        continue;
      }
      // The count of records left out stays with the data owner: it is a
      // count of its own, never protected; the flag says it happened.
      cell->clear_not_yet_observable();
      if (!rounder.active()) continue;
      if (info.computed) {
        rounder.Apply(info, *model, c, cell);
      } else {
        rounder.ApplyReported(*model, c, cell);
      }
    }
  }
  return Publication(Results(published), Results(annotated));
}

}  // namespace ctind
