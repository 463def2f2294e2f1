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

#include "absl/status/status.h"
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

// Adds to `*report` the cells of `framework`'s REPORTED indicators, which
// are not computed from records, from their entered values
// (Indicator.reported): one period per period of the indicator's frequency
// from the project start to the report's as-of date, a cell for the total
// and for each disaggregation cell that has an entered value, in the
// indicator's headline scope (SCOPE_PERIOD, or SCOPE_CUMULATIVE for a
// cumulative indicator), MISSING where nothing was entered, each with its
// ReportedActual; and the life-of-project cells: the latest entered value
// of each cell. Values for periods starting after the as-of date, or
// entered (ReportedValue.date) after it, are left out. An IndicatorResult
// missing from the report is added in the framework's order; one that
// already has periods is left as it is, so calling this twice (or Assess
// after it) adds nothing twice.
//
// Evaluate calls it, so raw results hold the entered values and every
// publication protects them; Assess calls it too, for reports made
// elsewhere (read back from a file, built by hand).
//
// Errors (and `*report` is then unchanged): InvalidArgument for a null
// report, a report of another project (Report.project_id), an indicator
// the framework does not have or that appears twice, an as-of date that is
// not an ISO date, or two entered values for the same period and cell.
absl::Status AddReportedActuals(const Framework& framework, v1::Report* report);

// Evaluates `plan` over `dataset`, whose schema must be the plan's (same
// id and tables): the computed indicators from the records, the reported
// ones from their entered values (AddReportedActuals). Errors:
// InvalidArgument for an as-of date before the project start or a dataset
// of another schema, and those of AddReportedActuals.
absl::StatusOr<Results> Evaluate(const Plan& plan, const Dataset& dataset,
                                 const EvaluateOptions& options = {});

}  // namespace ctind

#endif  // CTIND_ENGINE_H_
