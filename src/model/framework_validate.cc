// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Validation of a Framework on its own (without a schema): every problem in
// one pass.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/strings.h"
#include "model/model_internal.h"
#include "model/report_lookup.h"

namespace ctind {
namespace internal {
namespace {

std::optional<Date> CheckDate(const std::string& value, const std::string& path,
                              bool required, DiagnosticSink& sink) {
  if (value.empty()) {
    if (required) sink.Error(path, "a date (YYYY-MM-DD) is required");
    return std::nullopt;
  }
  std::optional<Date> date = Date::ParseIso(value);
  if (!date) {
    sink.Error(path, absl::StrCat(Quoted(value),
                                  " is not a valid date; write YYYY-MM-DD"));
  }
  return date;
}

class FrameworkValidator {
 public:
  FrameworkValidator(const v1::Framework& framework, DiagnosticSink& sink)
      : fw_(framework), sink_(sink) {}

  void Run() {
    Project();
    CustomPeriods();
    Results();
    Indicators();
    Disclosure();
    QualityRules();
  }

 private:
  void Project() {
    const v1::Project& p = fw_.project();
    if (p.id().empty()) sink_.Error("project.id", "the project needs an id");
    if (p.title().empty()) sink_.Error("project.title", "the project needs a title");
    start_ = CheckDate(p.start_date(), "project.start_date", true, sink_);
    std::optional<Date> end = CheckDate(p.end_date(), "project.end_date", true, sink_);
    if (start_ && end) {
      if (*end < *start_) {
        sink_.Error("project.end_date",
                    absl::StrCat("the project ends (", p.end_date(),
                                 ") before it starts (", p.start_date(), ")"));
      } else {
        end_ = end->AddDays(1);
      }
    }
    if (p.fiscal_year_start_month() < 0 || p.fiscal_year_start_month() > 12) {
      sink_.Error("project.fiscal_year_start_month",
                  "the fiscal year start month is 1 (January) to 12 (December)");
    } else if (p.fiscal_year_start_month() > 0) {
      fiscal_month_ = p.fiscal_year_start_month();
    }
  }

  void CustomPeriods() {
    for (int i = 0; i < fw_.custom_periods_size(); ++i) {
      const v1::CustomPeriod& cp = fw_.custom_periods(i);
      const std::string path = absl::StrCat("custom_periods[", i, "]");
      if (cp.id().empty()) {
        sink_.Error(path + ".id", "a custom period needs an id");
        continue;
      }
      if (ParsePeriodId(cp.id()).ok() || cp.id() == "LOP") {
        sink_.Error(path + ".id",
                    absl::StrCat(Quoted(cp.id()),
                                 " is a standard period identifier; choose "
                                 "another id for a custom period"));
      }
      std::optional<Date> start = CheckDate(cp.start_date(), path + ".start_date", true, sink_);
      std::optional<Date> end = CheckDate(cp.end_date(), path + ".end_date", true, sink_);
      if (!start || !end) continue;
      absl::StatusOr<Period> period = CustomPeriod(cp.id(), *start, *end);
      if (!period.ok()) {
        sink_.Error(path, std::string(period.status().message()));
      } else if (!custom_.emplace(cp.id(), *period).second) {
        sink_.Error(path + ".id", absl::StrCat("duplicate custom period ", Quoted(cp.id())));
      }
    }
  }

  void Results() {
    for (int i = 0; i < fw_.results_size(); ++i) {
      const v1::Result& r = fw_.results(i);
      const std::string path = absl::StrCat("results[", i, "]");
      if (r.id().empty()) {
        sink_.Error(path + ".id", "a result needs an id");
      } else if (!results_.emplace(r.id(), i).second) {
        sink_.Error(path + ".id", absl::StrCat("duplicate result id ", Quoted(r.id())));
      }
      if (r.title().empty()) sink_.Error(path + ".title", "a result needs a title");
      if (r.level() == v1::RESULT_LEVEL_UNSPECIFIED) {
        sink_.Error(path + ".level",
                    "a result needs a level: GOAL, OUTCOME, OUTPUT or ACTIVITY");
      }
    }
    for (int i = 0; i < fw_.results_size(); ++i) {
      const v1::Result& r = fw_.results(i);
      const std::string path = absl::StrCat("results[", i, "]");
      if (r.parent().empty()) {
        if (r.level() != v1::GOAL && r.level() != v1::RESULT_LEVEL_UNSPECIFIED) {
          sink_.Error(path + ".parent",
                      absl::StrCat("result ", Quoted(r.id()),
                                   " is not a goal and needs a parent"));
        }
        continue;
      }
      auto parent = results_.find(r.parent());
      if (parent == results_.end()) {
        sink_.Error(path + ".parent",
                    absl::StrCat("unknown parent result ", Quoted(r.parent())));
        continue;
      }
      const v1::Result& p = fw_.results(parent->second);
      if (p.level() != v1::RESULT_LEVEL_UNSPECIFIED &&
          r.level() != v1::RESULT_LEVEL_UNSPECIFIED && p.level() >= r.level()) {
        sink_.Error(path + ".parent",
                    absl::StrCat("result ", Quoted(r.id()), " (",
                                 v1::ResultLevel_Name(r.level()),
                                 ") cannot sit under ", Quoted(p.id()), " (",
                                 v1::ResultLevel_Name(p.level()),
                                 "): levels go GOAL > OUTCOME > OUTPUT > ACTIVITY"));
      }
      // Walk up to find a cycle through this result.
      int at = i;
      for (int steps = 0; steps <= fw_.results_size(); ++steps) {
        auto up = results_.find(fw_.results(at).parent());
        if (up == results_.end()) break;
        at = up->second;
        if (at == i) {
          sink_.Error(path + ".parent",
                      absl::StrCat("the parents of result ", Quoted(r.id()),
                                   " form a cycle"));
          break;
        }
      }
    }
  }

  // The period an identifier names in this framework (custom or standard).
  std::optional<Period> ResolvePeriod(const std::string& id, const std::string& path) {
    auto custom = custom_.find(id);
    if (custom != custom_.end()) return custom->second;
    absl::StatusOr<Period> period = ParsePeriodId(id);
    if (!period.ok()) {
      sink_.Error(path, std::string(period.status().message()));
      return std::nullopt;
    }
    return *period;
  }

  void CheckPeriodForIndicator(const std::string& id, const std::string& path,
                               const v1::Indicator& ind, const char* what) {
    std::optional<Period> period = ResolvePeriod(id, path);
    if (!period) return;
    const v1::PeriodType every = ind.period().every();
    if (every == v1::CUSTOM) {
      if (period->kind.type != PeriodType::kCustom) {
        sink_.Error(path, absl::StrCat(what, " period ", Quoted(id),
                                       " is not one of the framework's custom periods"));
      }
    } else if (std::optional<PeriodKind> kind = KindOf(every, fiscal_month_);
               kind && !(period->kind == *kind)) {
      sink_.Error(path, absl::StrCat(what, " period ", Quoted(id), " is ",
                                     PeriodKindName(period->kind), ", but indicator ",
                                     Quoted(ind.id()), " reports ",
                                     PeriodKindName(*kind)));
      return;
    }
    if (start_ && end_ && (period->end <= *start_ || period->start >= *end_)) {
      sink_.Error(path, absl::StrCat(what, " period ", Quoted(id), " [",
                                     period->start.ToIsoString(), ", ",
                                     period->end.ToIsoString(),
                                     ") lies outside the project (",
                                     fw_.project().start_date(), " to ",
                                     fw_.project().end_date(), ")"));
    }
  }

  static std::string CellKey(const google::protobuf::RepeatedPtrField<v1::CellCoordinate>& cell) {
    std::string key;
    for (const v1::CellCoordinate& c : cell) absl::StrAppend(&key, c.dimension(), "=", c.value(), ";");
    return key;
  }

  void Indicators() {
    absl::flat_hash_set<std::string> ids;
    for (int i = 0; i < fw_.indicators_size(); ++i) {
      const v1::Indicator& ind = fw_.indicators(i);
      const std::string path = absl::StrCat("indicators[", i, "]");
      if (ind.id().empty()) {
        sink_.Error(path + ".id", "an indicator needs an id");
      } else if (!ids.insert(ind.id()).second) {
        sink_.Error(path + ".id", absl::StrCat("duplicate indicator id ", Quoted(ind.id())));
      }
      if (ind.title().empty()) sink_.Error(path + ".title", "an indicator needs a title");
      if (!ind.result().empty() && !results_.contains(ind.result())) {
        sink_.Error(path + ".result", absl::StrCat("unknown result ", Quoted(ind.result())));
      }
      const bool reported = ind.source() == v1::REPORTED;
      const v1::Measure& m = ind.measure();
      switch (m.kind_case()) {
        case v1::Measure::KIND_NOT_SET:
          if (!reported) {
            sink_.Error(path + ".measure",
                        "a computed indicator needs a measure: value, ratio or in_place");
          }
          break;
        case v1::Measure::kOrdinal:
        case v1::Measure::kQualitative:
          if (!reported) {
            sink_.Error(path + ".measure",
                        "ordinal and qualitative measures are entered: set "
                        "source: REPORTED");
          }
          break;
        case v1::Measure::kValue:
          CheckAggregate(m.value(), path + ".measure.value");
          break;
        case v1::Measure::kRatio:
          CheckAggregate(m.ratio().numerator(), path + ".measure.ratio.numerator");
          CheckAggregate(m.ratio().denominator(), path + ".measure.ratio.denominator");
          if (m.ratio().has_factor() && !(m.ratio().factor() > 0)) {
            sink_.Error(path + ".measure.ratio.factor", "the factor must be positive");
          }
          break;
        case v1::Measure::kInPlace:
          if (m.in_place().table().empty()) {
            sink_.Error(path + ".measure.in_place.table", "in_place needs a table");
          }
          if (m.in_place().value().empty()) {
            sink_.Error(path + ".measure.in_place.value",
                        "in_place needs a boolean value formula");
          }
          break;
      }
      if (ind.period().every() == v1::PERIOD_TYPE_UNSPECIFIED) {
        sink_.Error(path + ".period.every",
                    "an indicator needs a reporting frequency (period.every), "
                    "e.g. QUARTERLY");
      }
      if (!reported && m.kind_case() != v1::Measure::KIND_NOT_SET) {
        const v1::Placement& pl = ind.period();
        const bool stock = pl.kind() == v1::STOCK_AT_END || pl.kind() == v1::STOCK_DURING;
        if (stock && (pl.opened().empty())) {
          sink_.Error(path + ".period.opened",
                      "a stock indicator needs the field that opens a record (opened)");
        }
      }
      if (ind.period().window().length_case() != v1::Window::LENGTH_NOT_SET) {
        const v1::Window& w = ind.period().window();
        if ((w.has_days() && w.days() < 0) || (w.has_months() && w.months() < 0)) {
          sink_.Error(path + ".period.window", "a window cannot be negative");
        }
      }
      for (int b = 0; b < ind.disaggregate_by_size(); ++b) {
        const v1::Breakdown& br = ind.disaggregate_by(b);
        const std::string bpath = absl::StrCat(path, ".disaggregate_by[", b, "]");
        if (br.dimensions_size() == 0) {
          sink_.Error(bpath + ".dimensions", "a breakdown names at least one dimension");
        }
        absl::flat_hash_set<std::string> dims;
        for (const std::string& d : br.dimensions()) {
          if (!dims.insert(d).second) {
            sink_.Error(bpath + ".dimensions",
                        absl::StrCat("dimension ", Quoted(d), " appears twice"));
          }
        }
        if (br.values_size() > 0 && br.dimensions_size() != 1) {
          sink_.Error(bpath + ".values", "values apply to a one-dimension breakdown");
        }
      }
      CheckDate(ind.baseline().date(), path + ".baseline.date", false, sink_);
      if (!ind.baseline().period().empty()) {
        ResolvePeriod(ind.baseline().period(), path + ".baseline.period");
      }
      absl::flat_hash_set<std::string> targets;
      for (int t = 0; t < ind.targets_size(); ++t) {
        const v1::Target& target = ind.targets(t);
        const std::string tpath = absl::StrCat(path, ".targets[", t, "]");
        if (target.period().empty()) {
          sink_.Error(tpath + ".period", "a target needs a period");
        } else {
          CheckPeriodForIndicator(target.period(), tpath + ".period", ind, "target");
        }
        if (!target.has_value()) sink_.Error(tpath + ".value", "a target needs a value");
        if (!targets.insert(absl::StrCat(target.period(), "|", CellKey(target.cell()))).second) {
          sink_.Error(tpath, absl::StrCat("a second target for period ",
                                          Quoted(target.period()),
                                          "; record changes as revisions"));
        }
        for (int r = 0; r < target.revisions_size(); ++r) {
          CheckDate(target.revisions(r).date(),
                    absl::StrCat(tpath, ".revisions[", r, "].date"), true, sink_);
        }
      }
      // (period, cell) → the first entered value's index.
      absl::flat_hash_map<std::string, int> entered;
      for (int r = 0; r < ind.reported_size(); ++r) {
        const v1::ReportedValue& rv = ind.reported(r);
        const std::string rpath = absl::StrCat(path, ".reported[", r, "]");
        const auto [first, fresh] =
            entered.try_emplace(absl::StrCat(rv.period(), "|", internal::CellKey(rv.cell())), r);
        if (!fresh) {
          std::vector<std::string> cell;
          for (const v1::CellCoordinate& c : rv.cell()) {
            cell.push_back(absl::StrCat(c.dimension(), "=", c.value()));
          }
          sink_.Error(rpath, absl::StrCat("a second value for period ", Quoted(rv.period()),
                                          " and ", cell.empty() ? "the total" : "cell ",
                                          absl::StrJoin(cell, ";"), " (the first is reported[",
                                          first->second, "]); keep one value per period and cell"));
        }
        if (!reported) {
          sink_.Error(rpath, absl::StrCat("indicator ", Quoted(ind.id()),
                                          " is computed; reported values need "
                                          "source: REPORTED"));
        }
        CheckPeriodForIndicator(rv.period(), rpath + ".period", ind, "reported");
        CheckDate(rv.date(), rpath + ".date", false, sink_);
        if (rv.value_case() == v1::ReportedValue::VALUE_NOT_SET) {
          sink_.Error(rpath, "a reported value needs a number, flag, level or narrative");
        }
        if (rv.value_case() == v1::ReportedValue::kLevel) {
          bool known = false;
          for (const std::string& l : m.ordinal().levels()) known = known || l == rv.level();
          if (!known) {
            sink_.Error(rpath + ".level",
                        absl::StrCat(Quoted(rv.level()), " is not a level of the "
                                     "indicator's ordinal scale"));
          }
        }
      }
      if (ind.disclosure().has_min_cell_size() && ind.disclosure().min_cell_size() < 1) {
        sink_.Error(path + ".disclosure.min_cell_size", "k (min_cell_size) is at least 1");
      }
    }
  }

  void CheckAggregate(const v1::Aggregate& a, const std::string& path) {
    if (a.table().empty()) sink_.Error(path + ".table", "an aggregate needs a table");
    if (a.function_case() == v1::Aggregate::FUNCTION_NOT_SET) {
      sink_.Error(path, "an aggregate needs a function: count, count_distinct, "
                        "sum, mean, median, min or max");
    } else if (a.function_case() == v1::Aggregate::kCount && !a.count()) {
      sink_.Error(path + ".count", "write count: true");
    }
  }

  void Disclosure() {
    if (fw_.disclosure().has_min_cell_size() && fw_.disclosure().min_cell_size() < 1) {
      sink_.Error("disclosure.min_cell_size", "k (min_cell_size) is at least 1");
    }
  }

  void QualityRules() {
    absl::flat_hash_set<std::string> ids;
    for (int i = 0; i < fw_.quality_rules_size(); ++i) {
      const v1::QualityRule& rule = fw_.quality_rules(i);
      const std::string path = absl::StrCat("quality_rules[", i, "]");
      if (rule.id().empty() || !ids.insert(rule.id()).second) {
        sink_.Error(path + ".id", "each quality rule needs a unique id");
      }
      if (rule.table().empty()) sink_.Error(path + ".table", "a quality rule needs a table");
      if (rule.expression().empty()) {
        sink_.Error(path + ".expression", "a quality rule needs an expression");
      }
    }
  }

  const v1::Framework& fw_;
  DiagnosticSink& sink_;
  std::optional<Date> start_;
  std::optional<Date> end_;
  int32_t fiscal_month_ = 1;
  absl::flat_hash_map<std::string, int> results_;
  absl::flat_hash_map<std::string, Period> custom_;
};

}  // namespace

std::optional<PeriodKind> KindOf(v1::PeriodType type, int32_t fiscal_start_month) {
  switch (type) {
    case v1::DAILY: return PeriodKind{PeriodType::kDaily};
    case v1::WEEKLY: return PeriodKind{PeriodType::kWeekly};
    case v1::MONTHLY: return PeriodKind{PeriodType::kMonthly};
    case v1::QUARTERLY: return PeriodKind{PeriodType::kQuarterly};
    case v1::SIX_MONTHLY: return PeriodKind{PeriodType::kSixMonthly};
    case v1::SIX_MONTHLY_APRIL: return PeriodKind{PeriodType::kSixMonthlyApril};
    case v1::YEARLY: return PeriodKind{PeriodType::kYearly};
    case v1::FINANCIAL_YEAR:
      return PeriodKind{PeriodType::kFinancialYear, fiscal_start_month};
    case v1::FINANCIAL_QUARTER:
      return PeriodKind{PeriodType::kFinancialQuarter, fiscal_start_month};
    default: return std::nullopt;
  }
}

void ValidateFramework(const v1::Framework& framework, DiagnosticSink& sink) {
  FrameworkValidator(framework, sink).Run();
}

}  // namespace internal
}  // namespace ctind
