// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Evaluate: one scan of each indicator's table, rows placed in periods and
// cells by dense integer ids, accumulated per scope over its own date range.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/strings.h"
#include "ctind/engine.h"
#include "ctind/v1/report.pb.h"
#include "ctind/version.h"
#include "engine/plan.h"
#include "ingest/columns.h"
#include "model/model_internal.h"

namespace ctind {
namespace internal {
namespace {

Date Today() {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  const int64_t seconds = std::chrono::duration_cast<std::chrono::seconds>(now).count();
  int64_t days = seconds / 86400;
  if (seconds < 0 && seconds % 86400 != 0) --days;
  return Date::FromDayNumber(static_cast<int32_t>(days));
}

v1::PeriodType ProtoType(PeriodType type) {
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

// Per scope and cell: the aggregate and the units behind it.
struct ScopeValues {
  // [period][cell], periods in order; then the life-of-project row.
  std::vector<int64_t> per_period;
  std::vector<int64_t> cumulative;
  std::vector<int64_t> life_of_project;
};

// A record's (or key's) membership of a cell in a period.
struct Entry {
  int64_t key;
  uint32_t cell;
  int32_t period;
  bool operator<(const Entry& o) const {
    if (cell != o.cell) return cell < o.cell;
    if (key != o.key) return key < o.key;
    return period < o.period;
  }
};

// Counts distinct keys per cell: per period, cumulative to each period's
// end (a key counts from its first period on) and over the whole span.
ScopeValues DistinctCounts(std::vector<Entry>& entries, size_t periods, size_t cells) {
  ScopeValues out;
  out.per_period.assign(periods * cells, 0);
  out.cumulative.assign(periods * cells, 0);
  out.life_of_project.assign(cells, 0);
  std::sort(entries.begin(), entries.end());
  for (size_t i = 0; i < entries.size();) {
    const Entry& first = entries[i];
    // First period of this (cell, key): counts cumulatively from there.
    out.cumulative[static_cast<size_t>(first.period) * cells + first.cell] += 1;
    out.life_of_project[first.cell] += 1;
    int32_t last_period = -1;
    size_t j = i;
    for (; j < entries.size() && entries[j].cell == first.cell && entries[j].key == first.key; ++j) {
      if (entries[j].period != last_period) {
        out.per_period[static_cast<size_t>(entries[j].period) * cells + first.cell] += 1;
        last_period = entries[j].period;
      }
    }
    i = j;
  }
  for (size_t p = 1; p < periods; ++p) {
    for (size_t c = 0; c < cells; ++c) out.cumulative[p * cells + c] += out.cumulative[(p - 1) * cells + c];
  }
  return out;
}

// Key of row r in column c for distinct counting, or false when missing.
bool KeyOf(const Column& c, int64_t r, int64_t* key) {
  if (c.states[r] != ValueState::kPresent) return false;
  switch (c.type) {
    case v1::INT64: *key = c.int64s[r]; return true;
    case v1::DOUBLE: return false;
    default: *key = c.int32s[r]; return true;
  }
}

class IndicatorEvaluator {
 public:
  IndicatorEvaluator(const IndicatorPlan& plan, const TableData& table,
                     const std::vector<Period>& periods, Date project_start, Date project_end,
                     Date range_end, Date as_of)
      : plan_(plan), table_(table), periods_(periods), project_start_(project_start),
        project_end_(project_end), range_end_(range_end), as_of_(as_of) {}

  void Run(v1::IndicatorResult* out) {
    const size_t cells = static_cast<size_t>(plan_.cell_count);
    const size_t n_periods = periods_.size();
    std::vector<Entry> value_entries, unit_entries;
    ScopeValues counts;
    counts.per_period.assign(n_periods * cells, 0);
    counts.life_of_project.assign(cells, 0);
    const Column& placing = table_.columns[plan_.placing_column];
    const Column* key = plan_.key_column >= 0 ? &table_.columns[plan_.key_column] : nullptr;
    const Column* person = plan_.person_column >= 0 ? &table_.columns[plan_.person_column] : nullptr;
    const bool distinct = plan_.function == AggregateFunction::kCountDistinct;
    // Units are the distinct persons, unless the value already is that.
    const bool units_from_value = distinct && plan_.key_column == plan_.person_column;
    std::vector<uint32_t> row_cells;
    std::vector<int32_t> period_starts;
    for (const Period& p : periods_) period_starts.push_back(p.start.day_number());

    int64_t without_period = 0, after_as_of = 0;
    for (int64_t r = 0; r < table_.rows; ++r) {
      if (placing.states[r] != ValueState::kPresent) {
        ++without_period;
        continue;
      }
      const int32_t day = placing.int32s[r];
      if (day > as_of_.day_number()) {
        ++after_as_of;
        continue;
      }
      if (day < project_start_.day_number() || day >= range_end_.day_number()) continue;
      const int32_t p = static_cast<int32_t>(
          std::upper_bound(period_starts.begin(), period_starts.end(), day) -
          period_starts.begin() - 1);
      CellsOfRow(r, &row_cells);
      int64_t key_value = 0, person_value = 0;
      const bool has_key = key != nullptr && KeyOf(*key, r, &key_value);
      const bool has_person = person != nullptr && KeyOf(*person, r, &person_value);
      for (uint32_t c : row_cells) {
        if (distinct) {
          if (has_key) value_entries.push_back({key_value, c, p});
        } else {
          counts.per_period[static_cast<size_t>(p) * cells + c] += 1;
          counts.life_of_project[c] += 1;
        }
        if (!units_from_value && has_person) unit_entries.push_back({person_value, c, p});
      }
    }
    if (distinct) {
      counts = DistinctCounts(value_entries, n_periods, cells);
    } else {
      counts.cumulative = counts.per_period;
      for (size_t p = 1; p < n_periods; ++p) {
        for (size_t c = 0; c < cells; ++c) {
          counts.cumulative[p * cells + c] += counts.cumulative[(p - 1) * cells + c];
        }
      }
    }
    ScopeValues units;
    if (units_from_value) {
      units = counts;
    } else if (person != nullptr) {
      units = DistinctCounts(unit_entries, n_periods, cells);
    } else {
      units = counts;
    }
    out->set_records_without_period(without_period);
    out->set_records_after_as_of(after_as_of);
    Emit(counts, units, out);
  }

 private:
  // Global cell ids of row r: the total, and for each breakdown the
  // product of its dimensions' values (several for multi-valued fields).
  void CellsOfRow(int64_t r, std::vector<uint32_t>* out) {
    out->clear();
    out->push_back(0);
    for (size_t b = 1; b < plan_.breakdowns.size(); ++b) {
      const BreakdownPlan& br = plan_.breakdowns[b];
      combos_.assign(1, 0);
      for (int d : br.dims) {
        const DimensionPlan& dim = plan_.dims[d];
        const Column& col = table_.columns[dim.column];
        values_.clear();
        if (col.states[r] == ValueState::kPresent ||
            (dim.multi_valued && col.offsets[r + 1] > col.offsets[r])) {
          if (dim.multi_valued) {
            for (uint32_t i = col.offsets[r]; i < col.offsets[r + 1]; ++i) values_.push_back(col.multi_codes[i]);
          } else {
            values_.push_back(col.int32s[r]);
          }
        }
        if (values_.empty()) values_.push_back(dim.unknown());
        next_.clear();
        for (int64_t base : combos_) {
          for (int32_t v : values_) next_.push_back(base * dim.radix() + v);
        }
        combos_.swap(next_);
      }
      for (int64_t c : combos_) out->push_back(static_cast<uint32_t>(br.first_cell + c));
    }
  }

  // Coordinates of cell `local` of breakdown `br`; true when any is unknown.
  bool Coordinates(const BreakdownPlan& br, int64_t local, v1::Cell* cell) const {
    bool unknown = false;
    std::vector<std::pair<int, int32_t>> digits(br.dims.size());
    for (size_t i = br.dims.size(); i-- > 0;) {
      const DimensionPlan& dim = plan_.dims[br.dims[i]];
      digits[i] = {br.dims[i], static_cast<int32_t>(local % dim.radix())};
      local /= dim.radix();
    }
    for (const auto& [d, v] : digits) {
      const DimensionPlan& dim = plan_.dims[d];
      v1::CellCoordinate* coord = cell->add_coordinates();
      coord->set_dimension(dim.id);
      if (v == dim.unknown()) {
        coord->set_value("unknown");
        unknown = true;
      } else {
        coord->set_value(dim.values[v]);
      }
    }
    return unknown;
  }

  void Emit(const ScopeValues& values, const ScopeValues& units, v1::IndicatorResult* out) {
    const size_t cells = static_cast<size_t>(plan_.cell_count);
    for (const Period& p : periods_) {
      v1::ReportPeriod* rp = out->add_periods();
      rp->set_id(p.id);
      rp->set_type(ProtoType(p.kind.type));
      rp->set_start(p.start.ToIsoString());
      rp->set_end(p.end.ToIsoString());
      rp->set_partial(p.Contains(as_of_) && as_of_.AddDays(1) != p.end);
    }
    v1::ReportPeriod* lop = out->add_periods();
    lop->set_id("LOP");
    lop->set_start(project_start_.ToIsoString());
    lop->set_end(range_end_.ToIsoString());
    lop->set_partial(range_end_ != project_end_);

    // Unknown cells appear only when non-zero somewhere (the life of
    // project covers every period).
    std::vector<bool> shown(cells, true);
    for (const BreakdownPlan& br : plan_.breakdowns) {
      for (int64_t local = 0; local < br.cell_count; ++local) {
        v1::Cell probe;
        const size_t c = static_cast<size_t>(br.first_cell + local);
        if (Coordinates(br, local, &probe) && values.life_of_project[c] == 0 &&
            units.life_of_project[c] == 0) {
          shown[c] = false;
        }
      }
    }
    auto emit_row = [&](const std::vector<int64_t>& v, const std::vector<int64_t>& u, size_t offset,
                        const std::string& period, v1::Scope scope, bool partial) {
      for (const BreakdownPlan& br : plan_.breakdowns) {
        for (int64_t local = 0; local < br.cell_count; ++local) {
          const size_t c = static_cast<size_t>(br.first_cell + local);
          if (!shown[c]) continue;
          v1::Cell* cell = out->add_cells();
          cell->set_period(period);
          cell->set_scope(scope);
          cell->set_breakdown(br.name);
          Coordinates(br, local, cell);
          cell->set_status(v1::PRESENT);
          cell->set_value(static_cast<double>(v[offset + c]));
          cell->set_numerator(static_cast<double>(v[offset + c]));
          cell->set_units(u[offset + c]);
          if (partial) cell->add_flags(v1::PARTIAL_PERIOD);
        }
      }
    };
    for (size_t p = 0; p < periods_.size(); ++p) {
      emit_row(values.per_period, units.per_period, p * cells, periods_[p].id, v1::SCOPE_PERIOD,
               out->periods(static_cast<int>(p)).partial());
    }
    if (plan_.cumulative) {
      for (size_t p = 0; p < periods_.size(); ++p) {
        emit_row(values.cumulative, units.cumulative, p * cells, periods_[p].id,
                 v1::SCOPE_CUMULATIVE, out->periods(static_cast<int>(p)).partial());
      }
    }
    emit_row(values.life_of_project, units.life_of_project, 0, "LOP", v1::SCOPE_LIFE_OF_PROJECT,
             lop->partial());
  }

  const IndicatorPlan& plan_;
  const TableData& table_;
  const std::vector<Period>& periods_;
  // The project is [project_start_, project_end_); values cover
  // [project_start_, range_end_), range_end_ being the day after the as-of
  // date or the project end, whichever is first.
  Date project_start_, project_end_, range_end_, as_of_;
  std::vector<int64_t> combos_, next_;
  std::vector<int32_t> values_;
};

}  // namespace
}  // namespace internal

Results::Results(std::shared_ptr<const v1::Report> report) : report_(std::move(report)) {}

absl::StatusOr<Results> Evaluate(const Plan& plan, const Dataset& dataset,
                                 const EvaluateOptions& options) {
  const internal::PlanRep& rep = internal::PlanAccess::Rep(plan);
  const internal::DatasetRep& data = internal::DatasetAccess::Rep(dataset);
  const internal::FrameworkRep& fw = internal::ModelAccess::Rep(rep.framework);
  if (&internal::ModelAccess::Rep(data.schema) != &internal::ModelAccess::Rep(rep.schema) &&
      data.schema.proto().SerializeAsString() != rep.schema.proto().SerializeAsString()) {
    return absl::InvalidArgumentError(
        "the dataset was loaded with another schema than the one the plan was compiled for");
  }
  const Date project_last_day = fw.project_end.AddDays(-1);
  Date as_of = options.as_of.value_or(std::min(internal::Today(), project_last_day));
  if (as_of < fw.project_start) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the as-of date ", as_of.ToIsoString(), " is before the project start ",
        fw.project_start.ToIsoString(), ": there is nothing to compute yet"));
  }
  const Date range_end = std::min(as_of.AddDays(1), fw.project_end);

  auto report = std::make_shared<v1::Report>();
  report->set_project_id(fw.proto.project().id());
  report->set_as_of(as_of.ToIsoString());
  report->set_ctind_version(CTIND_VERSION_STRING);
  report->set_protection(v1::RAW);
  report->set_language(fw.proto.project().default_language().empty()
                           ? "en" : fw.proto.project().default_language());
  for (const internal::IndicatorPlan& ip : rep.indicators) {
    v1::IndicatorResult* out = report->add_indicators();
    out->set_indicator_id(ip.proto->id());
    out->set_code(ip.proto->code());
    out->set_title(ip.proto->title());
    out->set_unit(ip.proto->unit());
    if (!ip.computed) continue;
    absl::StatusOr<std::vector<Period>> periods =
        PeriodsOverlapping(ip.period_kind, fw.project_start, range_end);
    if (!periods.ok()) return periods.status();
    internal::IndicatorEvaluator evaluator(ip, data.tables[ip.table], *periods, fw.project_start,
                                           fw.project_end, range_end, as_of);
    evaluator.Run(out);
  }
  for (const v1::Finding& f : data.findings) *report->add_findings() = f;
  for (const v1::IndicatorResult& ir : report->indicators()) {
    if (ir.records_without_period() == 0) continue;
    v1::Finding* f = report->add_findings();
    f->set_rule("no_placing_date");
    f->set_severity(v1::WARNING);
    f->set_indicator_id(ir.indicator_id());
    f->set_count(ir.records_without_period());
    f->set_message(absl::StrCat(ir.records_without_period(), " records have no valid placing "
                                "date and are in no period of indicator '",
                                ir.indicator_id(), "'"));
  }
  return Results(std::move(report));
}

}  // namespace ctind
