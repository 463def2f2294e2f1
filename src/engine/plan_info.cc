// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "engine/plan_info.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/plan.h"
#include "model/model_internal.h"

namespace ctind {
namespace internal {
namespace {

std::string TextOf(const RowSource& source) {
  return source.valid() ? source.formula->text() : std::string();
}

AggregateInfo FunctionOf(AggregateFunction f) {
  switch (f) {
    case AggregateFunction::kCount: return AggregateInfo::kCount;
    case AggregateFunction::kCountDistinct: return AggregateInfo::kCountDistinct;
    case AggregateFunction::kSum: return AggregateInfo::kSum;
    case AggregateFunction::kMean: return AggregateInfo::kMean;
    case AggregateFunction::kMedian: return AggregateInfo::kMedian;
    case AggregateFunction::kMin: return AggregateInfo::kMin;
    case AggregateFunction::kMax: return AggregateInfo::kMax;
    case AggregateFunction::kLatest: return AggregateInfo::kLatest;
  }
  return AggregateInfo::kCount;
}

PlacementInfo PlacementOf(PlacementKind p) {
  switch (p) {
    case PlacementKind::kFlow: return PlacementInfo::kFlow;
    case PlacementKind::kStockAtEnd: return PlacementInfo::kStockAtEnd;
    case PlacementKind::kStockDuring: return PlacementInfo::kStockDuring;
    case PlacementKind::kYear: return PlacementInfo::kYear;
  }
  return PlacementInfo::kFlow;
}

DimensionInfo DescribeDimension(const DimensionPlan& dim, const SidePlan& side) {
  DimensionInfo out;
  out.id = dim.id;
  out.multi_valued = dim.multi_valued;
  out.values = dim.values;
  out.derived_to_value = dim.restrict_map;
  const std::string text = TextOf(dim.source);
  switch (dim.kind) {
    case DimensionKind::kField:
    case DimensionKind::kGrouping:
    case DimensionKind::kHierarchyLevel: {
      out.shape = DimensionShape::kCategories;
      out.source = absl::StrCat("codes:", text);
      const v1::CodeList* list = dim.source.valid() ? dim.source.formula->code_list() : nullptr;
      const int32_t codes = list != nullptr ? list->codes_size() : 0;
      if (dim.kind == DimensionKind::kField) {
        for (int32_t c = 0; c < codes; ++c) out.code_to_derived.push_back(c);
      } else {
        out.code_to_derived = dim.code_map;
      }
      break;
    }
    case DimensionKind::kAgeFromBirth:
      out.shape = DimensionShape::kLowerBounds;
      out.source = absl::StrCat("age:", text, "@",
                                dim.reference_date.valid() ? TextOf(dim.reference_date)
                                                           : absl::StrCat("placing:", TextOf(side.placing)));
      out.bounds = dim.bounds;
      break;
    case DimensionKind::kStoredAgeBands:
      out.shape = DimensionShape::kLowerBounds;
      out.source = absl::StrCat("number:", text);
      out.bounds = dim.bounds;
      break;
    case DimensionKind::kNumericBands:
      out.shape = DimensionShape::kUpperBounds;
      out.source = absl::StrCat("number-upper:", text);
      out.bounds = dim.bounds;
      break;
  }
  // The derived codes are the dimension's values before declared values
  // selected some of them.
  out.derived_count = static_cast<int32_t>(dim.restrict_map.empty() ? dim.values.size()
                                                                    : dim.restrict_map.size());
  return out;
}

SideInfo DescribeSide(const SidePlan& side, const PlanRep& rep) {
  SideInfo out;
  if (side.table >= 0 && side.table < rep.schema.proto().tables_size()) {
    out.table = rep.schema.proto().tables(side.table).name();
  }
  out.function = FunctionOf(side.function);
  out.sensitive = side.sensitive;
  out.units_are_persons = side.person.valid();
  out.placement = PlacementOf(side.placement);
  out.placing = TextOf(side.placing);
  out.opened = TextOf(side.opened);
  out.closed = TextOf(side.closed);
  out.window_days = side.window_days;
  out.window_months = side.window_months;
  for (const CompiledFormula& f : side.filters) out.filters.push_back(f.text());
  out.value = TextOf(side.value);
  out.person = TextOf(side.person);
  for (const DimensionPlan& d : side.dims) out.dims.push_back(DescribeDimension(d, side));
  for (const BreakdownPlan& b : side.breakdowns) {
    out.breakdowns.push_back({b.name, b.dims, b.first_cell, b.cell_count});
  }
  return out;
}

}  // namespace

std::vector<IndicatorInfo> DescribeIndicators(const Plan& plan) {
  const PlanRep& rep = PlanAccess::Rep(plan);
  std::vector<IndicatorInfo> out;
  out.reserve(rep.indicators.size());
  for (const IndicatorPlan& ip : rep.indicators) {
    IndicatorInfo info;
    info.id = ip.proto->id();
    info.computed = ip.computed;
    if (ip.computed) {
      info.ratio = ip.measure == MeasureKind::kRatio;
      info.factor = ip.factor;
      info.value = DescribeSide(ip.value, rep);
      if (info.ratio) info.denominator = DescribeSide(ip.denominator, rep);
      info.denominator_breakdown = ip.denominator_breakdown;
      info.denominator_dim = ip.denominator_dim;
      info.cumulative = ip.cumulative;
      info.life_of_project_latest = ip.life_of_project_latest;
      info.relative_change = ip.relative_change;
      info.baseline = ip.baseline;
    }
    out.push_back(std::move(info));
  }
  return out;
}

}  // namespace internal
}  // namespace ctind
