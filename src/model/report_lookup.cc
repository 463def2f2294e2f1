// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "model/report_lookup.h"

#include <algorithm>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/strings.h"

namespace ctind {
namespace internal {
namespace {

// Separators that cannot occur in identifiers or codes users write.
constexpr char kPairSeparator[] = "\x1e";
constexpr char kFieldSeparator[] = "\x1f";

std::string SortedJoin(std::vector<std::string> parts) {
  std::sort(parts.begin(), parts.end());
  return absl::StrJoin(parts, kPairSeparator);
}

}  // namespace

absl::Status CheckReportOfFramework(const FrameworkRep& framework, const v1::Report& report) {
  if (report.project_id() != framework.proto.project().id()) {
    return absl::InvalidArgumentError(
        absl::StrCat("the report is of project ", Quoted(report.project_id()),
                     ", not of the framework's project ", Quoted(framework.proto.project().id())));
  }
  absl::flat_hash_set<std::string> seen;
  for (int i = 0; i < report.indicators_size(); ++i) {
    const std::string& id = report.indicators(i).indicator_id();
    if (!framework.indicators.contains(id)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "report indicators[", i, "]: the framework has no indicator ", Quoted(id)));
    }
    if (!seen.insert(id).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("report indicators[", i, "]: indicator ", Quoted(id), " appears twice"));
    }
  }
  return absl::OkStatus();
}

v1::Scope HeadlineScope(const v1::Indicator& indicator) {
  return indicator.cumulation() == v1::CUMULATIVE ? v1::SCOPE_CUMULATIVE : v1::SCOPE_PERIOD;
}

std::optional<Period> ResolvePeriodId(const FrameworkRep& framework, std::string_view id) {
  for (const v1::CustomPeriod& cp : framework.proto.custom_periods()) {
    if (cp.id() != id) continue;
    std::optional<Date> start = Date::ParseIso(cp.start_date());
    std::optional<Date> end = Date::ParseIso(cp.end_date());
    if (!start || !end) return std::nullopt;
    absl::StatusOr<Period> period = CustomPeriod(cp.id(), *start, *end);
    if (!period.ok()) return std::nullopt;
    return *std::move(period);
  }
  absl::StatusOr<Period> period = ParsePeriodId(id);
  if (!period.ok()) return std::nullopt;
  return *std::move(period);
}

v1::PeriodType ProtoPeriodType(PeriodType type) {
  switch (type) {
    case PeriodType::kDaily: return v1::DAILY;
    case PeriodType::kWeekly: return v1::WEEKLY;
    case PeriodType::kMonthly: return v1::MONTHLY;
    case PeriodType::kQuarterly: return v1::QUARTERLY;
    case PeriodType::kSixMonthly: return v1::SIX_MONTHLY;
    case PeriodType::kSixMonthlyApril: return v1::SIX_MONTHLY_APRIL;
    case PeriodType::kYearly: return v1::YEARLY;
    case PeriodType::kFinancialYear: return v1::FINANCIAL_YEAR;
    case PeriodType::kFinancialQuarter: return v1::FINANCIAL_QUARTER;
    case PeriodType::kCustom: return v1::CUSTOM;
  }
  return v1::PERIOD_TYPE_UNSPECIFIED;
}

std::string CellKey(const google::protobuf::RepeatedPtrField<v1::CellCoordinate>& coordinates) {
  std::vector<std::string> parts;
  parts.reserve(static_cast<size_t>(coordinates.size()));
  for (const v1::CellCoordinate& c : coordinates) {
    parts.push_back(absl::StrCat(c.dimension(), kFieldSeparator, c.value()));
  }
  return SortedJoin(std::move(parts));
}

std::string DimensionsKey(
    const google::protobuf::RepeatedPtrField<v1::CellCoordinate>& coordinates) {
  std::vector<std::string> parts;
  for (const v1::CellCoordinate& c : coordinates) parts.push_back(c.dimension());
  return SortedJoin(std::move(parts));
}

std::string DimensionsKey(const google::protobuf::RepeatedPtrField<std::string>& dimensions) {
  return SortedJoin(std::vector<std::string>(dimensions.begin(), dimensions.end()));
}

}  // namespace internal
}  // namespace ctind
