// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Reading a report against its framework, shared by the engine (reported
// actuals), the assessment and the IPTT: matching a report with its
// framework, the headline scope of an indicator, period identifiers
// resolved against the framework, and keys of disaggregation cells.

#ifndef CTIND_MODEL_REPORT_LOOKUP_H_
#define CTIND_MODEL_REPORT_LOOKUP_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "ctind/v1/framework.pb.h"
#include "ctind/v1/report.pb.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "model/model_internal.h"
#include "period/period.h"

namespace ctind {
namespace internal {

// OK when `report` is of `framework`'s project and each of its indicators
// is one of the framework's, once; else InvalidArgument saying which.
absl::Status CheckReportOfFramework(const FrameworkRep& framework, const v1::Report& report);

// The scope whose cells carry an indicator's targets: SCOPE_CUMULATIVE for
// a cumulative indicator, else SCOPE_PERIOD.
v1::Scope HeadlineScope(const v1::Indicator& indicator);

// The period an identifier names: one of the framework's custom periods,
// else a standard identifier; nullopt when it is neither.
std::optional<Period> ResolvePeriodId(const FrameworkRep& framework, std::string_view id);

v1::PeriodType ProtoPeriodType(PeriodType type);

// A key of a disaggregation cell that does not depend on the order of its
// coordinates: "" for the total.
std::string CellKey(const google::protobuf::RepeatedPtrField<v1::CellCoordinate>& coordinates);

// A key of the set of dimensions of a cell's coordinates ("" for the
// total), independent of their order.
std::string DimensionsKey(
    const google::protobuf::RepeatedPtrField<v1::CellCoordinate>& coordinates);
std::string DimensionsKey(const google::protobuf::RepeatedPtrField<std::string>& dimensions);

}  // namespace internal
}  // namespace ctind

#endif  // CTIND_MODEL_REPORT_LOOKUP_H_
