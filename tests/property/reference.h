// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// A reference evaluator of ctind's indicators: record by record, with plain
// loops, maps and sets, written from SEMANTICS.md alone. It shares no code
// with the engine or the ingest (it parses the raw field texts itself) and
// is meant to be obviously correct rather than fast.

#ifndef CTIND_TESTS_PROPERTY_REFERENCE_H_
#define CTIND_TESTS_PROPERTY_REFERENCE_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "ctind/date.h"
#include "ctind/v1/framework.pb.h"
#include "ctind/v1/report.pb.h"
#include "ctind/v1/schema.pb.h"
#include "property/generator.h"

namespace ctind {
namespace property {

// The raw results the engine should give for `framework` over `tables` as
// of `as_of`: project id, as-of date, and per indicator its periods,
// cells and counters (no findings). FailedPrecondition when a year-placed
// side lacks a year a value needs.
absl::StatusOr<v1::Report> ReferenceEvaluate(const v1::Schema& schema,
                                             const v1::Framework& framework,
                                             const std::vector<TableRows>& tables, Date as_of);

// The reference's formula subset, exposed for its own tests: evaluates the
// boolean `formula` on one record of `table` given as raw field texts
// (field name → text); 1 true, 0 false, -1 missing. InvalidArgument for a
// formula outside the subset.
absl::StatusOr<int> ReferenceFilter(const v1::Schema& schema, const std::string& table,
                                    const std::vector<std::pair<std::string, std::string>>& fields,
                                    const std::string& formula);

// The reference's own calendar, exposed to check it against the
// independent vectors of tests/data/vectors: the id and bounds of the
// period of `type` containing `d`; age in completed years (nullopt when
// born after `on`); add_months clamped to the month's end.
std::string ReferencePeriod(v1::PeriodType type, int fiscal_month, Date d, Date* start, Date* end);
std::optional<int> ReferenceAge(Date birth, Date on);
Date ReferenceAddMonths(Date d, int n);

}  // namespace property
}  // namespace ctind

#endif  // CTIND_TESTS_PROPERTY_REFERENCE_H_
