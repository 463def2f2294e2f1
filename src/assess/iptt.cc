// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// BuildIptt: the indicator performance tracking table of an assessed
// report, read from the report's cells and the framework's definitions.

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "model/report_lookup.h"
#include "common/strings.h"
#include "ctind/assess.h"
#include "ctind/v1/framework.pb.h"
#include "ctind/v1/report.pb.h"
#include "model/model_internal.h"

namespace ctind {
namespace {

using internal::FrameworkRep;

// Order of the pillar groups of one result.
constexpr v1::Pillar kPillarOrder[] = {v1::PREVENTION, v1::PROTECTION, v1::PROSECUTION,
                                       v1::PARTNERSHIP, v1::PILLAR_UNSPECIFIED};

// A result's pillar, else its nearest ancestor's that has one.
v1::Pillar ResultPillar(const FrameworkRep& fw, const std::string& result_id) {
  std::string id = result_id;
  // Validation rules out cycles; the bound only guards against a
  // framework built without it.
  for (int steps = 0; steps <= fw.proto.results_size(); ++steps) {
    auto it = fw.results.find(id);
    if (it == fw.results.end()) break;
    const v1::Result& result = fw.proto.results(it->second);
    if (result.pillar() != v1::PILLAR_UNSPECIFIED) return result.pillar();
    id = result.parent();
  }
  return v1::PILLAR_UNSPECIFIED;
}

v1::Pillar IndicatorPillar(const FrameworkRep& fw, const v1::Indicator& ind) {
  if (ind.pillar() != v1::PILLAR_UNSPECIFIED) return ind.pillar();
  return ind.result().empty() ? v1::PILLAR_UNSPECIFIED : ResultPillar(fw, ind.result());
}

// Copies what the assessed cell says into `entry`.
void FillFromCell(const v1::Cell& cell, v1::IpttPeriod* entry) {
  entry->set_actual_status(cell.status() == v1::VALUE_STATUS_UNSPECIFIED ? v1::MISSING
                                                                         : cell.status());
  if (cell.status() == v1::PRESENT && cell.has_value()) entry->set_actual(cell.value());
  if (cell.has_target()) entry->set_target(cell.target());
  if (cell.has_percent_achieved()) entry->set_percent_achieved(cell.percent_achieved());
  entry->set_assessment(cell.assessment() == v1::ASSESSMENT_STATUS_UNSPECIFIED
                            ? v1::NOT_ASSESSED
                            : cell.assessment());
  if (cell.has_progress()) entry->set_progress(cell.progress());
  if (cell.has_reported()) *entry->mutable_reported() = cell.reported();
}

void AddRevisions(const v1::Target& target, v1::IpttPeriod* entry) {
  for (int r = 0; r < target.revisions_size(); ++r) {
    const v1::TargetRevision& revision = target.revisions(r);
    v1::IpttTargetRevision* out = entry->add_revisions();
    out->set_date(revision.date());
    if (revision.has_previous_value()) out->set_previous_value(revision.previous_value());
    if (r + 1 < target.revisions_size()) {
      if (target.revisions(r + 1).has_previous_value()) {
        out->set_revised_value(target.revisions(r + 1).previous_value());
      }
    } else if (target.has_value()) {
      out->set_revised_value(target.value());
    }
    out->set_justification(revision.justification());
  }
}

v1::IpttIndicator BuildIndicator(const FrameworkRep& fw, const v1::Indicator& ind,
                                 const v1::IndicatorResult& ir, Date as_of) {
  v1::IpttIndicator out;
  out.set_indicator_id(ind.id());
  out.set_code(ind.code());
  out.set_title(ind.title());
  out.set_unit(ind.unit());
  out.set_level(ind.level());
  out.set_direction(ind.direction() == v1::DIRECTION_UNSPECIFIED ? v1::NONE : ind.direction());
  out.set_cumulation(ind.cumulation() == v1::CUMULATIVE ? v1::CUMULATIVE : v1::PER_PERIOD);
  out.set_source(ind.source() == v1::REPORTED ? v1::REPORTED : v1::COMPUTED);
  out.set_life_of_project(ind.life_of_project() == v1::LATEST ? v1::LATEST : v1::RECOMPUTED);
  *out.mutable_baseline() = ind.baseline();
  out.set_deviation_comment(ind.deviation_comment());

  const v1::Scope headline = internal::HeadlineScope(ind);
  absl::flat_hash_map<std::string, const v1::Cell*> totals;
  const v1::Cell* lop_cell = nullptr;
  for (const v1::Cell& cell : ir.cells()) {
    if (!cell.coordinates().empty()) continue;
    if (cell.scope() == headline) totals.try_emplace(cell.period(), &cell);
    if (cell.scope() == v1::SCOPE_LIFE_OF_PROJECT && lop_cell == nullptr) lop_cell = &cell;
  }
  absl::flat_hash_map<std::string, const v1::Target*> total_targets;
  for (const v1::Target& t : ind.targets()) {
    if (t.cell().empty()) total_targets.try_emplace(t.period(), &t);
  }

  // The periods of the indicator's frequency: the report's, then those
  // with a target that the report does not have (after the as-of date),
  // sorted by (end, start): chronological for calendar periods, and the
  // engine's order for custom ones.
  struct Entry {
    Date start, end;
    v1::IpttPeriod period;
  };
  std::vector<Entry> entries;
  absl::flat_hash_set<std::string> listed;
  for (const v1::ReportPeriod& p : ir.periods()) {
    if (p.id() == "LOP" || p.type() != ind.period().every() || !listed.insert(p.id()).second) {
      continue;
    }
    std::optional<Date> start = Date::ParseIso(p.start()), end = Date::ParseIso(p.end());
    Entry& e = entries.emplace_back();
    e.start = start.value_or(Date());
    e.end = end.value_or(Date());
    e.period.set_period(p.id());
    e.period.set_start(p.start());
    e.period.set_end(p.end());
    e.period.set_partial(p.partial());
  }
  for (const v1::Target& t : ind.targets()) {
    if (!t.cell().empty() || listed.contains(t.period())) continue;
    std::optional<Period> period = internal::ResolvePeriodId(fw, t.period());
    if (!period) continue;  // validation rules it out
    listed.insert(t.period());
    Entry& e = entries.emplace_back();
    e.start = period->start;
    e.end = period->end;
    e.period.set_period(t.period());
    e.period.set_start(period->start.ToIsoString());
    e.period.set_end(period->end.ToIsoString());
    e.period.set_future(period->start > as_of);
  }
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.end, a.start) < std::tie(b.end, b.start);
  });
  for (Entry& e : entries) {
    v1::IpttPeriod* period = out.add_periods();
    *period = std::move(e.period);
    period->set_actual_status(v1::MISSING);
    period->set_assessment(v1::NOT_ASSESSED);
    auto target = total_targets.find(period->period());
    if (target != total_targets.end()) {
      if (target->second->has_value()) period->set_target(target->second->value());
      AddRevisions(*target->second, period);
    }
    auto cell = totals.find(period->period());
    if (cell != totals.end()) FillFromCell(*cell->second, period);
  }

  v1::IpttPeriod* lop = out.mutable_life_of_project_values();
  lop->set_period("LOP");
  for (const v1::ReportPeriod& p : ir.periods()) {
    if (p.id() != "LOP") continue;
    lop->set_start(p.start());
    lop->set_end(p.end());
    lop->set_partial(p.partial());
    break;
  }
  lop->set_actual_status(v1::MISSING);
  lop->set_assessment(v1::NOT_ASSESSED);
  if (ind.has_life_of_project_target()) lop->set_target(ind.life_of_project_target());
  if (lop_cell != nullptr) FillFromCell(*lop_cell, lop);
  return out;
}

}  // namespace

absl::StatusOr<v1::Iptt> BuildIptt(const Framework& framework, const v1::Report& assessed) {
  if (!assessed.has_assessment()) {
    return absl::FailedPreconditionError(
        "the report has not been assessed against targets: call Assess before BuildIptt");
  }
  const FrameworkRep& fw = internal::ModelAccess::Rep(framework);
  if (absl::Status status = internal::CheckReportOfFramework(fw, assessed); !status.ok()) {
    return status;
  }
  std::optional<Date> as_of = Date::ParseIso(assessed.as_of());
  if (!as_of) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the report's as-of date ", Quoted(assessed.as_of()), " is not an ISO date (YYYY-MM-DD)"));
  }
  v1::Iptt iptt;
  iptt.set_project_id(fw.proto.project().id());
  iptt.set_project_title(fw.proto.project().title());
  iptt.set_as_of(assessed.as_of());
  iptt.set_protection(assessed.protection());
  iptt.set_margin_points(assessed.assessment().margin_points());

  absl::flat_hash_map<std::string, const v1::IndicatorResult*> results_of;
  for (const v1::IndicatorResult& ir : assessed.indicators()) results_of[ir.indicator_id()] = &ir;
  // The report's indicators by result ("" for none), in framework order.
  absl::flat_hash_map<std::string, std::vector<int>> by_result;
  for (int i = 0; i < fw.proto.indicators_size(); ++i) {
    const v1::Indicator& ind = fw.proto.indicators(i);
    if (!results_of.contains(ind.id())) continue;
    const bool known = ind.result().empty() || fw.results.contains(ind.result());
    by_result[known ? ind.result() : std::string()].push_back(i);
  }
  auto add_groups = [&](const v1::Result* result, int depth) {
    const std::string id = result != nullptr ? result->id() : std::string();
    const std::vector<int>& members = by_result[id];
    auto add_group = [&](v1::Pillar pillar) {
      v1::IpttGroup* group = iptt.add_groups();
      if (result != nullptr) {
        group->set_result_id(result->id());
        group->set_result_code(result->code());
        group->set_result_title(result->title());
        group->set_result_level(result->level());
      }
      group->set_depth(depth);
      group->set_pillar(pillar);
      return group;
    };
    if (members.empty()) {
      if (result != nullptr) add_group(ResultPillar(fw, id));
      return;
    }
    for (v1::Pillar pillar : kPillarOrder) {
      v1::IpttGroup* group = nullptr;
      for (int i : members) {
        const v1::Indicator& ind = fw.proto.indicators(i);
        if (IndicatorPillar(fw, ind) != pillar) continue;
        if (group == nullptr) group = add_group(pillar);
        *group->add_indicators() = BuildIndicator(fw, ind, *results_of.at(ind.id()), *as_of);
      }
    }
  };

  // Depth-first over the hierarchy, children in framework order.
  absl::flat_hash_map<std::string, std::vector<int>> children;
  std::vector<int> roots;
  for (int r = 0; r < fw.proto.results_size(); ++r) {
    const v1::Result& result = fw.proto.results(r);
    if (result.parent().empty() || !fw.results.contains(result.parent())) {
      roots.push_back(r);
    } else {
      children[result.parent()].push_back(r);
    }
  }
  std::vector<std::pair<int, int>> stack;  // (result index, depth)
  for (auto it = roots.rbegin(); it != roots.rend(); ++it) stack.emplace_back(*it, 0);
  absl::flat_hash_set<int> visited;
  while (!stack.empty()) {
    const auto [r, depth] = stack.back();
    stack.pop_back();
    if (!visited.insert(r).second) continue;
    const v1::Result& result = fw.proto.results(r);
    add_groups(&result, depth);
    auto kids = children.find(result.id());
    if (kids == children.end()) continue;
    for (auto it = kids->second.rbegin(); it != kids->second.rend(); ++it) {
      stack.emplace_back(*it, depth + 1);
    }
  }
  add_groups(nullptr, 0);
  return iptt;
}

}  // namespace ctind
