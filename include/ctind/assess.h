// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Assessment of results against targets, and the indicator performance
// tracking table (IPTT). The pipeline is evaluate → (add reported actuals)
// → protect → assess → render (DESIGN.md §3); the rules are SEMANTICS.md,
// "Cumulation and assessment", explained for M&E officers in
// docs/assessment.md.
//
// All functions are pure: they read their arguments, write only their
// output, and may be called from any number of threads at once on
// different outputs.
//
// The generated proto classes are declared here, not defined: include
// "ctind/v1/report.pb.h" to read reports and IPTTs.

#ifndef CTIND_ASSESS_H_
#define CTIND_ASSESS_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "ctind/engine.h"  // AddReportedActuals, for source compatibility
#include "ctind/model.h"

namespace ctind {
namespace v1 {
class Report;
class Iptt;
}  // namespace v1

struct AssessOptions {
  // A value is on track when its % achieved is within this many points of
  // 100, bounds included (85 and 115 with the default). Finite, >= 0.
  double margin_points = 15;
};

// AddReportedActuals (the cells of reported indicators, which Evaluate
// already adds to raw results) is declared in ctind/engine.h.

// Assesses `*report`, raw or published, against `framework`'s targets:
// adds the reported actuals (AddReportedActuals), then on every cell of an
// indicator's headline scope (SCOPE_PERIOD cells; SCOPE_CUMULATIVE cells
// for a cumulative indicator, whose targets are cumulative to date) sets
// Cell.target from Indicator.targets (the total's on the total cell,
// Target.cell's on the matching disaggregation cell), and on the
// life-of-project total cell from Indicator.life_of_project_target; then
// percent_achieved, assessment and progress as report.proto documents
// them. Every other cell gets NOT_ASSESSED and no target. A cell whose
// value is SUPPRESSED keeps its target and gets no percent_achieved, no
// progress and NOT_ASSESSED: nothing is derived from a suppressed value.
// Records the margin in Report.assessment. Assessing again recomputes
// every field from scratch.
//
// Errors (and `*report` is then unchanged): those of AddReportedActuals;
// InvalidArgument for a margin that is negative or not finite, or a
// Target.cell whose dimensions are not a breakdown of the indicator or, for
// a computed indicator, whose value is in no cell of the report (nor
// "unknown").
absl::Status Assess(const Framework& framework, v1::Report* report,
                    const AssessOptions& options = {});

// The IPTT of an assessed report (see v1::Iptt in report.proto): the
// report's indicators grouped by result in the results hierarchy's order
// and by pillar, each with its baseline, one entry per period of its own
// frequency (the report's and those with a target, chronologically) and a
// life-of-project entry, its target revisions and deviation comment.
// Errors: FailedPrecondition when `assessed` has not been through Assess
// (Report.assessment unset); InvalidArgument for a report of another
// project or with an indicator the framework does not have.
absl::StatusOr<v1::Iptt> BuildIptt(const Framework& framework,
                                   const v1::Report& assessed);

// The IPTT as CSV (RFC 4180, CRLF): a header, then one row per indicator ×
// period and a life-of-project row per indicator, with the columns of
// docs/assessment.md in a fixed order. Targets and actuals at full
// precision, % achieved and progress (as a percentage) rounded to one
// decimal; an absent value is an empty cell, a suppressed one the word
// `suppressed`, and text that a spreadsheet would execute is neutralised
// (quoted and prefixed with ').
std::string RenderIpttCsv(const v1::Iptt& iptt);

}  // namespace ctind

#endif  // CTIND_ASSESS_H_
