// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// AddReportedActuals: the cells of REPORTED indicators, laid out as the
// engine lays out computed ones (periods in order, cells dense over the
// cells that have an entered value, then the life of project).

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/strings.h"
#include "ctind/engine.h"
#include "ctind/v1/framework.pb.h"
#include "ctind/v1/report.pb.h"
#include "model/model_internal.h"
#include "model/report_lookup.h"
#include "period/period.h"

namespace ctind {
namespace {

using internal::FrameworkRep;

// One disaggregation cell (or the total) of a reported indicator.
struct CellLayout {
  std::string breakdown;
  google::protobuf::RepeatedPtrField<v1::CellCoordinate> coordinates;
  // Sort keys: the total first, then breakdowns the indicator declares in
  // their order, then the others; within those, first appearance.
  int declared = INT_MAX;
  int appearance = 0;
};

// The periods of the indicator's frequency overlapping [project start,
// range_end), in the engine's order.
absl::StatusOr<std::vector<Period>> IndicatorPeriods(const FrameworkRep& fw,
                                                     const v1::Indicator& ind, Date range_end) {
  if (ind.period().every() == v1::CUSTOM) {
    std::vector<Period> out;
    for (const v1::CustomPeriod& cp : fw.proto.custom_periods()) {
      std::optional<Period> period = internal::ResolvePeriodId(fw, cp.id());
      if (!period) {
        return absl::InvalidArgumentError(
            absl::StrCat("custom period ", Quoted(cp.id()), " has invalid dates"));
      }
      if (period->start < range_end && period->end > fw.project_start) out.push_back(*period);
    }
    // Sorted by end, then start, as the engine sorts custom periods.
    std::stable_sort(out.begin(), out.end(), [](const Period& a, const Period& b) {
      return a.end != b.end ? a.end < b.end : a.start < b.start;
    });
    return out;
  }
  std::optional<PeriodKind> kind =
      internal::KindOf(ind.period().every(), fw.fiscal_year_start_month);
  if (!kind) {
    return absl::InvalidArgumentError(absl::StrCat(
        "indicator ", Quoted(ind.id()), " has no reporting frequency (period.every)"));
  }
  return PeriodsOverlapping(*kind, fw.project_start, range_end);
}

// The layout of a reported value's cell: coordinates in the order of the
// declared breakdown with the same dimensions, else as written.
CellLayout LayoutOf(const v1::Indicator& ind, const v1::ReportedValue& rv, int appearance) {
  CellLayout layout;
  layout.appearance = appearance;
  if (rv.cell().empty()) {
    layout.declared = -1;
    return layout;
  }
  const std::string dims = internal::DimensionsKey(rv.cell());
  std::vector<std::string> order;
  for (int b = 0; b < ind.disaggregate_by_size(); ++b) {
    if (internal::DimensionsKey(ind.disaggregate_by(b).dimensions()) == dims) {
      layout.declared = b;
      order.assign(ind.disaggregate_by(b).dimensions().begin(),
                   ind.disaggregate_by(b).dimensions().end());
      break;
    }
  }
  if (order.empty()) {
    for (const v1::CellCoordinate& c : rv.cell()) order.push_back(c.dimension());
  }
  for (const std::string& d : order) {
    for (const v1::CellCoordinate& c : rv.cell()) {
      if (c.dimension() == d) {
        *layout.coordinates.Add() = c;
        break;
      }
    }
  }
  layout.breakdown = absl::StrJoin(order, " x ");
  return layout;
}

std::string CellName(const CellLayout& layout) {
  if (layout.coordinates.empty()) return "the total";
  std::vector<std::string> parts;
  for (const v1::CellCoordinate& c : layout.coordinates) {
    parts.push_back(absl::StrCat(c.dimension(), "=", c.value()));
  }
  return absl::StrCat("cell ", absl::StrJoin(parts, ";"));
}

// Fills `cell` from an entered value: its number, if it has one, and the
// ReportedActual.
void FillFromReported(const v1::Indicator& ind, const v1::ReportedValue& rv, v1::Cell* cell) {
  v1::ReportedActual* actual = cell->mutable_reported();
  actual->set_period(rv.period());
  actual->set_source(rv.source());
  actual->set_evidence(rv.evidence());
  actual->set_date(rv.date());
  actual->set_note(rv.note());
  std::optional<double> number;
  switch (rv.value_case()) {
    case v1::ReportedValue::kNumber:
      actual->set_number(rv.number());
      if (std::isfinite(rv.number())) number = rv.number();
      break;
    case v1::ReportedValue::kFlag:
      // As computed "in place" indicators: 1 for true, 0 for false.
      actual->set_flag(rv.flag());
      number = rv.flag() ? 1 : 0;
      break;
    case v1::ReportedValue::kLevel: {
      actual->set_level(rv.level());
      const auto& levels = ind.measure().ordinal().levels();
      for (int l = 0; l < levels.size(); ++l) {
        if (levels[l] == rv.level()) number = l + 1;
      }
      break;
    }
    case v1::ReportedValue::kNarrative:
      actual->set_narrative(rv.narrative());
      break;
    case v1::ReportedValue::VALUE_NOT_SET:
      break;
  }
  if (number) {
    cell->set_status(v1::PRESENT);
    cell->set_value(*number);
  } else {
    cell->set_status(v1::MISSING);
  }
}

absl::Status AddIndicatorCells(const FrameworkRep& fw, const v1::Indicator& ind, Date as_of,
                               v1::IndicatorResult* out) {
  const Date range_end = std::min(as_of.AddDays(1), fw.project_end);
  absl::StatusOr<std::vector<Period>> periods = IndicatorPeriods(fw, ind, range_end);
  if (!periods.ok()) return periods.status();
  absl::flat_hash_map<std::string, int> period_index;
  for (size_t p = 0; p < periods->size(); ++p) period_index[(*periods)[p].id] = static_cast<int>(p);

  std::vector<CellLayout> layouts(1);
  layouts[0].declared = -1;
  absl::flat_hash_map<std::string, int> layout_index = {{"", 0}};
  // (period, layout) → the entered value.
  std::map<std::pair<int, int>, const v1::ReportedValue*> entries;
  for (int r = 0; r < ind.reported_size(); ++r) {
    const v1::ReportedValue& rv = ind.reported(r);
    // Entered after the as-of date: not known at that date.
    if (std::optional<Date> date = Date::ParseIso(rv.date()); date && *date > as_of) continue;
    auto period = period_index.find(rv.period());
    // A period starting after the as-of date is not reported yet.
    if (period == period_index.end()) continue;
    const std::string key = internal::CellKey(rv.cell());
    auto [at, added] = layout_index.try_emplace(key, static_cast<int>(layouts.size()));
    if (added) layouts.push_back(LayoutOf(ind, rv, r));
    if (!entries.emplace(std::make_pair(period->second, at->second), &rv).second) {
      return absl::InvalidArgumentError(absl::StrCat(
          "indicator ", Quoted(ind.id()), " reported[", r, "]: a second value for period ",
          Quoted(rv.period()), " and ", CellName(layouts[static_cast<size_t>(at->second)]),
          "; keep one value per period and cell"));
    }
  }
  std::vector<int> order(layouts.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const CellLayout& x = layouts[static_cast<size_t>(a)];
    const CellLayout& y = layouts[static_cast<size_t>(b)];
    return x.declared != y.declared ? x.declared < y.declared : x.appearance < y.appearance;
  });

  const v1::Scope scope = internal::HeadlineScope(ind);
  auto add_cell = [&](const std::string& period, v1::Scope cell_scope, int layout, bool partial,
                      const v1::ReportedValue* rv) {
    const CellLayout& l = layouts[static_cast<size_t>(layout)];
    v1::Cell* cell = out->add_cells();
    cell->set_period(period);
    cell->set_scope(cell_scope);
    cell->set_breakdown(l.breakdown);
    *cell->mutable_coordinates() = l.coordinates;
    if (rv != nullptr) {
      FillFromReported(ind, *rv, cell);
    } else {
      cell->set_status(v1::MISSING);
    }
    if (partial) cell->add_flags(v1::PARTIAL_PERIOD);
  };
  for (size_t p = 0; p < periods->size(); ++p) {
    const Period& period = (*periods)[p];
    v1::ReportPeriod* rp = out->add_periods();
    rp->set_id(period.id);
    rp->set_type(internal::ProtoPeriodType(period.kind.type));
    rp->set_start(period.start.ToIsoString());
    rp->set_end(period.end.ToIsoString());
    rp->set_partial(period.Contains(as_of) && as_of.AddDays(1) != period.end);
  }
  for (size_t p = 0; p < periods->size(); ++p) {
    for (int layout : order) {
      auto entry = entries.find({static_cast<int>(p), layout});
      add_cell((*periods)[p].id, scope, layout, out->periods(static_cast<int>(p)).partial(),
               entry == entries.end() ? nullptr : entry->second);
    }
  }
  // Life of project: the latest entered value of each cell (SEMANTICS.md:
  // reported indicators take the latest value, never a sum).
  v1::ReportPeriod* lop = out->add_periods();
  lop->set_id("LOP");
  lop->set_start(fw.project_start.ToIsoString());
  lop->set_end(range_end.ToIsoString());
  lop->set_partial(range_end != fw.project_end);
  for (int layout : order) {
    const v1::ReportedValue* latest = nullptr;
    for (const auto& [key, rv] : entries) {
      if (key.second == layout) latest = rv;  // entries are in period order
    }
    add_cell("LOP", v1::SCOPE_LIFE_OF_PROJECT, layout, lop->partial(), latest);
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status AddReportedActuals(const Framework& framework, v1::Report* report) {
  if (report == nullptr) return absl::InvalidArgumentError("AddReportedActuals: report is null");
  const FrameworkRep& fw = internal::ModelAccess::Rep(framework);
  if (absl::Status status = internal::CheckReportOfFramework(fw, *report); !status.ok()) {
    return status;
  }
  absl::flat_hash_map<std::string, int> present;
  for (int i = 0; i < report->indicators_size(); ++i) present[report->indicators(i).indicator_id()] = i;
  // Nothing to add (no reported indicator, or each has its cells already):
  // the report stays as it is, uncopied. Evaluate calls this on every
  // evaluation.
  bool missing_reported = false;
  bool any_to_fill = false;
  for (const v1::Indicator& ind : fw.proto.indicators()) {
    if (ind.source() != v1::REPORTED) continue;
    auto it = present.find(ind.id());
    if (it == present.end()) {
      missing_reported = true;
      any_to_fill = true;
    } else {
      const v1::IndicatorResult& ir = report->indicators(it->second);
      any_to_fill = any_to_fill || (ir.periods_size() == 0 && ir.cells_size() == 0);
    }
  }
  if (!any_to_fill) return absl::OkStatus();
  v1::Report out = *report;
  if (missing_reported) {
    // Rebuild the list in the framework's order with the missing reported
    // indicators in their places.
    google::protobuf::RepeatedPtrField<v1::IndicatorResult> old;
    old.Swap(out.mutable_indicators());
    for (const v1::Indicator& ind : fw.proto.indicators()) {
      auto it = present.find(ind.id());
      if (it != present.end()) {
        *out.add_indicators() = std::move(*old.Mutable(it->second));
      } else if (ind.source() == v1::REPORTED) {
        v1::IndicatorResult* ir = out.add_indicators();
        ir->set_indicator_id(ind.id());
        ir->set_code(ind.code());
        ir->set_title(ind.title());
        ir->set_unit(ind.unit());
      }
    }
  }
  std::optional<Date> as_of;
  for (v1::IndicatorResult& ir : *out.mutable_indicators()) {
    const v1::Indicator& ind = fw.proto.indicators(fw.indicators.at(ir.indicator_id()));
    if (ind.source() != v1::REPORTED || ir.periods_size() > 0 || ir.cells_size() > 0) continue;
    if (!as_of) {
      as_of = Date::ParseIso(out.as_of());
      if (!as_of) {
        return absl::InvalidArgumentError(absl::StrCat(
            "the report's as-of date ", Quoted(out.as_of()), " is not an ISO date (YYYY-MM-DD)"));
      }
      if (*as_of < fw.project_start) {
        return absl::InvalidArgumentError(absl::StrCat(
            "the report's as-of date ", out.as_of(), " is before the project start ",
            fw.project_start.ToIsoString()));
      }
    }
    if (absl::Status status = AddIndicatorCells(fw, ind, *as_of, &ir); !status.ok()) return status;
  }
  *report = std::move(out);
  return absl::OkStatus();
}

}  // namespace ctind
