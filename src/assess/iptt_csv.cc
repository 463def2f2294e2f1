// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// RenderIpttCsv: the IPTT as one CSV row per indicator × period, plus a
// life-of-project row (columns in docs/assessment.md).

#include <cmath>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/number_format.h"
#include "ctind/assess.h"
#include "ctind/v1/report.pb.h"
#include "report/csv_writer.h"

namespace ctind {
namespace {

constexpr const char* kColumns[] = {
    "result_code",     "result_title",    "result_level",      "pillar",
    "indicator_id",    "indicator_code",  "indicator_title",   "unit",
    "direction",       "cumulation",      "baseline",          "baseline_period",
    "baseline_date",   "period",          "period_start",      "period_end",
    "period_state",    "target",          "actual",            "percent_achieved",
    "status",          "progress_percent", "reported_value",   "reported_source",
    "reported_evidence", "target_revisions", "deviation_comment",
};

std::string LevelName(v1::ResultLevel level) {
  switch (level) {
    case v1::GOAL: return "goal";
    case v1::OUTCOME: return "outcome";
    case v1::OUTPUT: return "output";
    case v1::ACTIVITY: return "activity";
    default: return "";
  }
}

std::string PillarName(v1::Pillar pillar) {
  switch (pillar) {
    case v1::PREVENTION: return "prevention";
    case v1::PROTECTION: return "protection";
    case v1::PROSECUTION: return "prosecution";
    case v1::PARTNERSHIP: return "partnership";
    default: return "";
  }
}

std::string DirectionName(v1::Direction direction) {
  switch (direction) {
    case v1::INCREASE: return "increase";
    case v1::DECREASE: return "decrease";
    default: return "none";
  }
}

std::string AssessmentName(v1::AssessmentStatus status) {
  switch (status) {
    case v1::ON_TRACK: return "on_track";
    case v1::AHEAD: return "ahead";
    case v1::BEHIND: return "behind";
    default: return "not_assessed";
  }
}

// A percentage for people: rounded to one decimal (half away from zero),
// written as a number ("87.5", "100"), never "-0".
void Percent(double percent, CsvWriter* csv) {
  double rounded = std::round(percent * 10) / 10;
  if (rounded == 0) rounded = 0;
  csv->Number(rounded);
}

std::string ReportedValueText(const v1::ReportedActual& reported) {
  switch (reported.value_case()) {
    case v1::ReportedActual::kFlag: return reported.flag() ? "yes" : "no";
    case v1::ReportedActual::kLevel: return reported.level();
    case v1::ReportedActual::kNarrative: return reported.narrative();
    default: return "";  // a number is the actual itself
  }
}

// "2025-03-15: 12 to 10 (justification)", oldest first, joined by "; ".
std::string RevisionsText(const v1::IpttPeriod& period) {
  std::vector<std::string> parts;
  for (const v1::IpttTargetRevision& r : period.revisions()) {
    std::string text = r.date();
    absl::StrAppend(&text, ": ", r.has_previous_value() ? FormatNumber(r.previous_value()) : "?",
                    " to ", r.has_revised_value() ? FormatNumber(r.revised_value()) : "?");
    if (!r.justification().empty()) absl::StrAppend(&text, " (", r.justification(), ")");
    parts.push_back(std::move(text));
  }
  return absl::StrJoin(parts, "; ");
}

void Row(const v1::IpttGroup& group, const v1::IpttIndicator& ind, const v1::IpttPeriod& period,
         CsvWriter* csv) {
  csv->Text(group.result_code());
  csv->Text(group.result_title());
  csv->Text(LevelName(group.result_level()));
  csv->Text(PillarName(group.pillar()));
  csv->Text(ind.indicator_id());
  csv->Text(ind.code());
  csv->Text(ind.title());
  csv->Text(ind.unit());
  csv->Text(DirectionName(ind.direction()));
  csv->Text(ind.cumulation() == v1::CUMULATIVE ? "cumulative" : "per_period");
  if (ind.baseline().has_value()) {
    csv->Number(ind.baseline().value());
  } else {
    csv->Empty();
  }
  csv->Text(ind.baseline().period());
  csv->Text(ind.baseline().date());
  csv->Text(period.period());
  csv->Text(period.start());
  csv->Text(period.end());
  csv->Text(period.future() ? "future" : period.partial() ? "partial" : "complete");
  if (period.has_target()) {
    csv->Number(period.target());
  } else {
    csv->Empty();
  }
  // Nothing is derived from a suppressed actual: % achieved and progress
  // of a period with a target are suppressed with it.
  const bool suppressed = period.actual_status() == v1::SUPPRESSED;
  if (suppressed) {
    csv->Text("suppressed");
  } else if (period.has_actual()) {
    csv->Number(period.actual());
  } else {
    csv->Empty();
  }
  if (suppressed && period.has_target()) {
    csv->Text("suppressed");
  } else if (period.has_percent_achieved()) {
    Percent(period.percent_achieved(), csv);
  } else {
    csv->Empty();
  }
  csv->Text(AssessmentName(period.assessment()));
  if (suppressed && period.has_target()) {
    csv->Text("suppressed");
  } else if (period.has_progress()) {
    Percent(100 * period.progress(), csv);
  } else {
    csv->Empty();
  }
  csv->Text(ReportedValueText(period.reported()));
  csv->Text(period.reported().source());
  csv->Text(period.reported().evidence());
  csv->Text(RevisionsText(period));
  csv->Text(ind.deviation_comment());
  csv->EndRow();
}

}  // namespace

std::string RenderIpttCsv(const v1::Iptt& iptt) {
  CsvWriter csv;
  for (const char* column : kColumns) csv.Text(column);
  csv.EndRow();
  for (const v1::IpttGroup& group : iptt.groups()) {
    for (const v1::IpttIndicator& ind : group.indicators()) {
      for (const v1::IpttPeriod& period : ind.periods()) Row(group, ind, period, &csv);
      Row(group, ind, ind.life_of_project_values(), &csv);
    }
  }
  return csv.str();
}

}  // namespace ctind
