// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// A read-only description of a compiled Plan for the stages after
// evaluation (disclosure control): what each indicator's figures count, how
// its cells are laid out over breakdowns and dimensions, and how each
// dimension classifies its input. It copies what it describes, so it does
// not depend on the plan's internal representation and outlives nothing.

#ifndef CTIND_ENGINE_PLAN_INFO_H_
#define CTIND_ENGINE_PLAN_INFO_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ctind/engine.h"

namespace ctind {
namespace internal {

// What a side's aggregate is.
enum class AggregateInfo {
  kCount,          // records
  kCountDistinct,  // distinct values of `value_source`
  kSum,
  kMean,
  kMedian,
  kMin,
  kMax,
  kLatest,  // the latest record's value (an "in place" measure)
};

enum class PlacementInfo {
  kFlow,         // a record counts in the period containing its placing date
  kStockAtEnd,   // active on the last observed day of the period
  kStockDuring,  // active on some day of the period
  kYear,         // a yearly reference row (placed by a year field)
};

// How a dimension turns its input into the reported values.
enum class DimensionShape {
  // A category code (a field, a grouping of it, a hierarchy level of it):
  // each code of the source code list maps to a derived code or to unknown.
  kCategories,
  // Bands [bounds[i], bounds[i+1]) of a number (age bands); below the
  // first bound is unknown.
  kLowerBounds,
  // Bands (bounds[i-1], bounds[i]] of a number, the last band above all
  // bounds (numeric bands).
  kUpperBounds,
};

struct DimensionInfo {
  std::string id;
  // The input the dimension classifies: dimensions with the same `source`
  // (and shape) classify the same per-record input, so one may refine
  // another (a field and a grouping of it, two levels of a hierarchy, two
  // band sets of an age).
  std::string source;
  DimensionShape shape = DimensionShape::kCategories;
  // The input may hold several codes (a record counts in each).
  bool multi_valued = false;
  // The reported values in order; `unknown` is the value index values.size().
  std::vector<std::string> values;
  // kCategories: for each code of the source's code list (in list order),
  // its derived code, or -1 when it is unknown for this dimension.
  std::vector<int32_t> code_to_derived;
  // Bands: the bounds (kLowerBounds: lower bounds; kUpperBounds: upper).
  std::vector<double> bounds;
  // Number of derived codes (code-list codes, groups, levels or bands)
  // before a breakdown's declared values select some of them.
  int32_t derived_count = 0;
  // Derived code → index in `values`, or -1 for a code the breakdown's
  // declared values leave out (a record with only such codes is in no cell
  // of the breakdown; a record with no code is `unknown`). Empty: identity.
  std::vector<int32_t> derived_to_value;
};

struct BreakdownInfo {
  std::string name;       // "" for the total, else dimension ids joined by " x "
  std::vector<int> dims;  // indexes into SideInfo::dims
  // Global cell ids [first_cell, first_cell + cell_count), mixed radix over
  // the dims (each dimension's radix is values.size() + 1, the last digit
  // being unknown).
  int64_t first_cell = 0;
  int64_t cell_count = 1;
};

// One aggregate of an indicator (a value, or a ratio's numerator or
// denominator).
struct SideInfo {
  std::string table;
  AggregateInfo function = AggregateInfo::kCount;
  // Person-level data: disclosure control applies to its counts (false for
  // non-sensitive tables and non-sensitive indicators).
  bool sensitive = true;
  // The side's unit counts are distinct persons (a sensitive table with a
  // person); otherwise they are records.
  bool units_are_persons = false;
  PlacementInfo placement = PlacementInfo::kFlow;
  // Formula texts, for telling whether two sides count the same records:
  // the placing date (or year field), stock dates, the filters (population,
  // indicator and aggregate), the aggregated or distinct value, the person.
  std::string placing;
  std::string opened;
  std::string closed;
  int32_t window_days = 0;
  int32_t window_months = 0;
  std::vector<std::string> filters;
  std::string value;
  std::string person;
  std::vector<DimensionInfo> dims;
  std::vector<BreakdownInfo> breakdowns;  // the total first
};

struct IndicatorInfo {
  std::string id;
  // False for reported indicators (no cells are computed).
  bool computed = false;
  bool ratio = false;
  double factor = 1;
  SideInfo value;        // the value, or a ratio's numerator
  SideInfo denominator;  // ratios only
  // Ratios: for each numerator breakdown, the denominator breakdown its
  // cells are divided by; for each numerator dimension, its index among the
  // denominator's dimensions, or -1 (the denominator's total over it).
  std::vector<int> denominator_breakdown;
  std::vector<int> denominator_dim;
  bool cumulative = false;
  // The life-of-project value is the last period's (of the indicator's own
  // frequency) rather than recomputed.
  bool life_of_project_latest = false;
  bool relative_change = false;
  std::optional<double> baseline;
};

// The plan's indicators, in framework order.
std::vector<IndicatorInfo> DescribeIndicators(const Plan& plan);

}  // namespace internal
}  // namespace ctind

#endif  // CTIND_ENGINE_PLAN_INFO_H_
