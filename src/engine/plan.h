// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The compiled form of a framework against a schema. Each indicator's
// measure is one or two *sides* (an aggregate over one table: a value, or a
// ratio's numerator and denominator); each side knows where its per-row
// inputs come from (row sources) and how its disaggregation cells are laid
// out: breakdown b occupies global cell ids [first_cell, first_cell +
// cell_count), mixed radix over its dimensions, each dimension's last digit
// being `unknown`.

#ifndef CTIND_ENGINE_PLAN_H_
#define CTIND_ENGINE_PLAN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ctind/engine.h"
#include "ctind/model.h"
#include "ctind/v1/framework.pb.h"
#include "formula/formula.h"
#include "period/period.h"

namespace ctind {
namespace internal {

// kLatest: the value of the latest record (by placing date) up to the end
// of each period — a boolean "in place" measure.
enum class AggregateFunction { kCount, kCountDistinct, kSum, kMean, kMedian, kMin, kMax, kLatest };

// Where a per-row input comes from: a compiled formula over the side's
// table (a bare field name is a formula too; links reach parents' fields).
struct RowSource {
  std::optional<CompiledFormula> formula;
  bool valid() const { return formula.has_value(); }
};

// How a dimension's code of a row is derived.
enum class DimensionKind {
  kField,           // a CATEGORY field: its code
  kGrouping,        // a CATEGORY field's code mapped to a group
  kHierarchyLevel,  // a hierarchical CATEGORY field rolled up to a level
  kAgeFromBirth,    // age at the placing date from a DATE birth field, banded
  kStoredAgeBands,  // an INT64 age used as it is, banded
  kNumericBands,    // a numeric field, banded
};

struct DimensionPlan {
  std::string id;
  DimensionKind kind = DimensionKind::kField;
  RowSource source;
  // kAgeFromBirth: the date the age is taken at; default the placing date.
  RowSource reference_date;
  bool multi_valued = false;
  std::vector<std::string> values;  // output codes in order (unknown excluded)
  // kGrouping, kHierarchyLevel: source code index → output code (or -1).
  std::vector<int32_t> code_map;
  // Bands: kAge*/kStoredAgeBands lower bounds; kNumericBands upper bounds.
  std::vector<double> bounds;
  // A breakdown that declares its values: derived code → position in
  // `values`, or -1 for codes the breakdown leaves out (a record with only
  // such codes is in no cell of the breakdown; missing stays `unknown`).
  std::vector<int32_t> restrict_map;
  int32_t unknown() const { return static_cast<int32_t>(values.size()); }
  int32_t radix() const { return static_cast<int32_t>(values.size()) + 1; }
};

struct BreakdownPlan {
  std::string name;       // "" for the total, else ids joined by " x "
  std::vector<int> dims;  // indexes into SidePlan::dims
  int64_t first_cell = 0;
  int64_t cell_count = 1;
};

enum class PlacementKind { kFlow, kStockAtEnd, kStockDuring, kYear };

// One aggregate over one table.
struct SidePlan {
  int table = -1;
  // Filters a record must pass, all of them: the project's population
  // filter (where it applies to the table), the indicator's and the
  // aggregate's `where`.
  std::vector<CompiledFormula> filters;
  AggregateFunction function = AggregateFunction::kCount;
  RowSource value;           // distinct key, or the numeric field aggregated
  PlacementKind placement = PlacementKind::kFlow;
  RowSource placing;         // kFlow: DATE; kYear: INT64 year
  RowSource opened, closed;  // stock
  // Forward window from the placing date; 0 / 0 = none.
  int32_t window_days = 0;
  int32_t window_months = 0;
  // Person behind a row (sensitive tables) for unit counts; invalid: units
  // are records. Non-sensitive tables have no unit counting for disclosure.
  RowSource person;
  bool sensitive = true;
  std::vector<DimensionPlan> dims;
  std::vector<BreakdownPlan> breakdowns;  // the total first
  int64_t cell_count = 1;
};

enum class MeasureKind { kValue, kRatio };

struct IndicatorPlan {
  const v1::Indicator* proto = nullptr;  // owned by the plan's Framework
  bool computed = false;
  MeasureKind measure = MeasureKind::kValue;
  SidePlan value;                        // kValue, or a ratio's numerator
  SidePlan denominator;                  // kRatio
  double factor = 1;
  // kRatio: for each numerator breakdown, the denominator breakdown its
  // cells are divided by (the dimensions the denominator has).
  std::vector<int> denominator_breakdown;
  // For each numerator dimension, its index in the denominator's, or -1.
  std::vector<int> denominator_dim;
  PeriodKind period_kind{PeriodType::kQuarterly};
  bool cumulative = false;
  bool life_of_project_latest = false;
  bool relative_change = false;
  std::optional<double> baseline;
};

struct PlanRep {
  PlanRep(Framework f, Schema s) : framework(std::move(f)), schema(std::move(s)) {}
  Framework framework;
  Schema schema;
  std::vector<IndicatorPlan> indicators;  // framework order
};

struct PlanAccess {
  static const PlanRep& Rep(const Plan& plan) { return *plan.rep_; }
};

}  // namespace internal
}  // namespace ctind

#endif  // CTIND_ENGINE_PLAN_H_
