// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Compiling a framework against a schema into a Plan, and evaluating the
// plan over a dataset into raw Results (per indicator × period × cell:
// value, numerator, denominator, unit count). Raw results are for the data
// owner; publications are made from them by disclosure control.
//
// A Plan is immutable and may be reused across datasets and evaluated from
// any number of threads at once.

#ifndef CTIND_ENGINE_H_
#define CTIND_ENGINE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "ctind/dataset.h"
#include "ctind/date.h"
#include "ctind/diagnostic.h"
#include "ctind/model.h"

namespace ctind {
namespace v1 {
class Report;
}  // namespace v1

namespace internal {
struct PlanRep;
struct PlanAccess;
}  // namespace internal

class Plan {
 public:
  // Compiles every computed indicator of `framework` against `schema`:
  // tables, fields and dimensions must exist and have the right types.
  // Returns InvalidArgument summarising the first problem and appends all
  // of them to `*diagnostics` (when not null), with line and column for
  // frameworks parsed from text.
  static absl::StatusOr<Plan> Compile(const Framework& framework,
                                      const Schema& schema,
                                      Diagnostics* diagnostics = nullptr);

  const Framework& framework() const;
  const Schema& schema() const;

 private:
  explicit Plan(std::shared_ptr<const internal::PlanRep> rep);
  friend struct internal::PlanAccess;
  std::shared_ptr<const internal::PlanRep> rep_;
};

struct EvaluateOptions {
  // Last day of data considered, inclusive. Default: today (UTC), capped at
  // the project's last day. Reproducible runs pass it explicitly.
  std::optional<Date> as_of;
  // Period types to report besides each indicator's own frequency, by
  // their names in framework.proto ("QUARTERLY", "FINANCIAL_YEAR", …), so
  // that one report holds quarters and fiscal years. Each is computed over
  // its own date ranges.
  std::vector<std::string> period_types;
};

// Raw results of one evaluation. Immutable; cheap to copy.
class Results {
 public:
  explicit Results(std::shared_ptr<const v1::Report> report);
  const v1::Report& proto() const { return *report_; }

 private:
  std::shared_ptr<const v1::Report> report_;
};

// Evaluates `plan` over `dataset`, whose schema must be the plan's (same
// id and tables). Errors: InvalidArgument for an as-of date before the
// project start or a dataset of another schema.
absl::StatusOr<Results> Evaluate(const Plan& plan, const Dataset& dataset,
                                 const EvaluateOptions& options = {});

}  // namespace ctind

#endif  // CTIND_ENGINE_H_
