// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The compiled form of a framework against a schema: for each indicator,
// column indexes instead of names, its period kind, and its disaggregation
// cells laid out densely (breakdown b occupies global cell ids
// [first_cell, first_cell + cell_count), mixed radix over its dimensions,
// each dimension's last digit being `unknown`).

#ifndef CTIND_ENGINE_PLAN_H_
#define CTIND_ENGINE_PLAN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ctind/engine.h"
#include "ctind/model.h"
#include "ctind/v1/framework.pb.h"
#include "period/period.h"

namespace ctind {
namespace internal {

enum class AggregateFunction { kCount, kCountDistinct };

struct DimensionPlan {
  std::string id;
  int column = -1;            // field index in the indicator's table
  bool multi_valued = false;
  std::vector<std::string> values;  // codes, in list order (unknown excluded)
  int32_t unknown() const { return static_cast<int32_t>(values.size()); }
  int32_t radix() const { return static_cast<int32_t>(values.size()) + 1; }
};

struct BreakdownPlan {
  std::string name;          // "" for the total, else ids joined by " x "
  std::vector<int> dims;     // indexes into IndicatorPlan::dims
  int64_t first_cell = 0;
  int64_t cell_count = 1;
};

struct IndicatorPlan {
  const v1::Indicator* proto = nullptr;  // owned by the plan's Framework
  bool computed = false;
  int table = -1;                        // schema table index
  AggregateFunction function = AggregateFunction::kCount;
  int key_column = -1;                   // distinct counts: the counted field
  int placing_column = -1;               // DATE field placing a record
  PeriodKind period_kind{PeriodType::kQuarterly};
  bool cumulative = false;
  // Column identifying the person behind a record (sensitive tables), or
  // -1: units are then records.
  int person_column = -1;
  std::vector<DimensionPlan> dims;
  std::vector<BreakdownPlan> breakdowns;  // the total first
  int64_t cell_count = 1;
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
