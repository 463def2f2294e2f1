// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Evaluate: each side of each indicator is one scan of its table. A row is
// placed in periods (slots) and in dense disaggregation cells; its
// contributions are accumulated per slot × cell:
//  - per-period slots [0, P) directly;
//  - the life-of-project slot directly (a row counts once);
//  - cumulative slots [P, 2P) from the first period a row counts in
//    ("cumulative from"): exact prefix accumulation over the date range
//    [project start, end of period), never a sum of period values;
//  - distinct counts group rows by key (counting sort on dense key ids), so
//    a key counts once per slot × cell, in linear time.

#include <algorithm>
#include <cstring>
#include <memory>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/cleanup/cleanup.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/types/span.h"
#include "absl/strings/str_cat.h"
#include "common/strings.h"
#include "ctind/engine.h"
#include "ctind/v1/report.pb.h"
#include "ctind/version.h"
#include "engine/plan.h"
#include "formula/evaluator.h"
#include "formula/formula.h"
#include "ingest/columns.h"
#include "model/model_internal.h"
#include "model/report_lookup.h"
#include "period/calendar.h"

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

bool Has(const Vector& v, int64_t r) { return v.present[r] != 0; }

// A numeric or date value of row r (dates as day numbers).
double Number(const Vector& v, int64_t r) {
  switch (v.type) {
    case ValueType::kInt: return static_cast<double>(v.ints[r]);
    case ValueType::kDouble: return v.doubles[r];
    default: return v.int32s[r];
  }
}

// Global cell ids of each row, through cell sets: rows with the same cells
// share one set (a million victims fall in a few thousand sets), so a row
// costs one id and per-set work can replace per-row work. Set s's cells are
// set_cells[set_offsets[s] .. set_offsets[s+1]).
struct RowCells {
  std::vector<uint32_t> set_of_row;
  std::vector<uint32_t> set_offsets{0};
  std::vector<uint32_t> set_cells;

  size_t sets() const { return set_offsets.size() - 1; }
  absl::Span<const uint32_t> OfSet(uint32_t s) const {
    return absl::MakeConstSpan(set_cells.data() + set_offsets[s], set_offsets[s + 1] - set_offsets[s]);
  }
  absl::Span<const uint32_t> OfRow(int64_t r) const { return OfSet(set_of_row[r]); }
};

// Dense ids of a key column's values (-1 for missing), and their count.
struct DenseKeys {
  std::vector<int32_t> ids;
  int32_t count = 0;
};

DenseKeys MakeDenseKeys(const Vector& c, int64_t rows) {
  DenseKeys out;
  out.ids.assign(static_cast<size_t>(rows), -1);
  if (c.type == ValueType::kInt || c.type == ValueType::kDouble) {
    absl::flat_hash_map<int64_t, int32_t> ids;
    for (int64_t r = 0; r < rows; ++r) {
      if (!Has(c, r)) continue;
      int64_t v = 0;
      if (c.type == ValueType::kInt) {
        v = c.ints[r];
      } else {
        std::memcpy(&v, &c.doubles[r], sizeof v);
      }
      auto [it, inserted] = ids.emplace(v, out.count);
      if (inserted) ++out.count;
      out.ids[r] = it->second;
    }
    return out;
  }
  // int32-coded columns: codes, dates, string dictionary ids, bools.
  int32_t lo = std::numeric_limits<int32_t>::max(), hi = std::numeric_limits<int32_t>::min();
  for (int64_t r = 0; r < rows; ++r) {
    if (!Has(c, r)) continue;
    lo = std::min(lo, c.int32s[r]);
    hi = std::max(hi, c.int32s[r]);
  }
  if (lo > hi) return out;
  out.count = hi - lo + 1;
  for (int64_t r = 0; r < rows; ++r) {
    if (Has(c, r)) out.ids[r] = c.int32s[r] - lo;
  }
  return out;
}

// The rows of a key column grouped by key (a counting sort of dense ids):
// key k's rows are rows[offsets[k] .. offsets[k+1]), in row order; rows
// without a key are listed apart. Built once per evaluation and key, and
// shared by every side that counts by it.
struct KeyGroups {
  int32_t count = 0;
  std::vector<uint32_t> offsets{0};
  std::vector<uint32_t> rows;
  std::vector<uint32_t> missing;  // rows without a key
  bool each_key_once = true;      // no key has two rows
};

KeyGroups GroupByKey(const Vector& column, int64_t rows) {
  const DenseKeys keys = MakeDenseKeys(column, rows);
  KeyGroups out;
  out.count = keys.count;
  out.offsets.assign(static_cast<size_t>(keys.count) + 1, 0);
  for (int64_t r = 0; r < rows; ++r) {
    if (keys.ids[r] >= 0) {
      ++out.offsets[static_cast<size_t>(keys.ids[r]) + 1];
    } else {
      out.missing.push_back(static_cast<uint32_t>(r));
    }
  }
  for (size_t k = 1; k < out.offsets.size(); ++k) {
    if (out.offsets[k] > 1) out.each_key_once = false;
    out.offsets[k] += out.offsets[k - 1];
  }
  out.rows.resize(out.offsets.back());
  std::vector<uint32_t> next(out.offsets.begin(), out.offsets.end() - 1);
  for (int64_t r = 0; r < rows; ++r) {
    if (keys.ids[r] >= 0) out.rows[next[static_cast<size_t>(keys.ids[r])]++] = static_cast<uint32_t>(r);
  }
  return out;
}

// The evaluated inputs of one side, one entry per row of its table.
struct SideInputs {
  int64_t rows = 0;
  const std::vector<uint8_t>* mask = nullptr;  // null: every row passes
  const Vector* placing = nullptr;
  const Vector* opened = nullptr;
  const Vector* closed = nullptr;
  const Vector* value = nullptr;
  const Vector* person = nullptr;
  std::vector<const Vector*> dims;           // per SidePlan::dims
  std::vector<const Vector*> dim_reference;  // age reference dates, or null
  // Cells of every row, shared by the sides with the same breakdowns.
  const RowCells* cells = nullptr;
  // Rows grouped by person (unit counts), and by the distinct-count key
  // when it is not the person; null when not needed.
  const KeyGroups* person_groups = nullptr;
  const KeyGroups* distinct_groups = nullptr;
  bool Passes(int64_t r) const { return mask == nullptr || (*mask)[r] != 0; }
};

// Per-row codes of every dimension of a side, then the global cell ids of
// each row (CSR): the total, and each breakdown's product of values.
class CellIndex {
 public:
  CellIndex(const SidePlan& side, const SideInputs& in) : side_(side), in_(in) {}

  // Global cell ids of row r into *out.
  void CellsOf(int64_t r, std::vector<uint32_t>* out) {
    LoadCodes(r);
    CellsOfLoadedCodes(out);
  }

  // The codes of every dimension of row r, computed once for all
  // breakdowns (CellsOfLoadedCodes and LoadedKey read them).
  void LoadCodes(int64_t r) {
    codes_.resize(side_.dims.size());
    for (size_t d = 0; d < side_.dims.size(); ++d) {
      CodesOf(side_.dims[d], *in_.dims[d], in_.dim_reference[d], r, &codes_[d]);
    }
  }

  // A key of the loaded codes, one bit per code of each dimension (and one
  // for none), so that rows with equal keys have equal cells. False when
  // the dimensions need more than 64 bits.
  bool LoadedKey(uint64_t* key) const {
    uint64_t k = 0;
    int bits = 0;
    for (size_t d = 0; d < side_.dims.size(); ++d) {
      const DimensionPlan& dim = side_.dims[d];
      const int range = dim.restrict_map.empty() ? static_cast<int>(dim.values.size())
                                                 : static_cast<int>(dim.restrict_map.size());
      if (bits + range + 1 > 64) return false;
      if (codes_[d].empty()) {
        k |= uint64_t{1} << (bits + range);
      } else {
        for (int32_t v : codes_[d]) k |= uint64_t{1} << (bits + v);
      }
      bits += range + 1;
    }
    *key = k;
    return true;
  }

  // Global cell ids of the loaded codes into *out: the total, then each
  // breakdown's combinations of its dimensions' codes.
  void CellsOfLoadedCodes(std::vector<uint32_t>* out) {
    out->clear();
    out->push_back(0);
    for (size_t b = 1; b < side_.breakdowns.size(); ++b) {
      const BreakdownPlan& br = side_.breakdowns[b];
      combos_.assign(1, 0);
      for (int d : br.dims) {
        const DimensionPlan& dim = side_.dims[d];
        values_ = codes_[d];
        if (values_.empty()) {
          values_.push_back(dim.unknown());
        } else if (!dim.restrict_map.empty()) {
          size_t kept = 0;
          for (int32_t v : values_) {
            if (dim.restrict_map[v] >= 0) values_[kept++] = dim.restrict_map[v];
          }
          values_.resize(kept);
        }
        next_.clear();
        for (int64_t base : combos_) {
          for (int32_t v : values_) next_.push_back(base * dim.radix() + v);
        }
        combos_.swap(next_);
      }
      // combos_ is empty when a declared-values breakdown leaves the row out.
      for (int64_t c : combos_) out->push_back(static_cast<uint32_t>(br.first_cell + c));
    }
  }

 private:
  // The codes of `dim` for row r (empty when unknown), distinct.
  void CodesOf(const DimensionPlan& dim, const Vector& col, const Vector* reference, int64_t r,
               std::vector<int32_t>* out) const {
    out->clear();
    auto band = [&](double v, bool lower_bounds) {
      const std::vector<double>& b = dim.bounds;
      if (lower_bounds) {
        // Band i covers [b[i], b[i+1]); below the first bound: unknown.
        int32_t i = static_cast<int32_t>(std::upper_bound(b.begin(), b.end(), v) - b.begin()) - 1;
        if (i >= 0) out->push_back(i);
      } else {
        // Band i covers (b[i-1], b[i]]; the last band is above all bounds.
        out->push_back(static_cast<int32_t>(std::lower_bound(b.begin(), b.end(), v) - b.begin()));
      }
    };
    switch (dim.kind) {
      case DimensionKind::kField:
      case DimensionKind::kGrouping:
      case DimensionKind::kHierarchyLevel: {
        auto add = [&](int32_t code) {
          const int32_t mapped = dim.kind == DimensionKind::kField ? code : dim.code_map[code];
          if (mapped >= 0 && std::find(out->begin(), out->end(), mapped) == out->end()) {
            out->push_back(mapped);
          }
        };
        if (dim.multi_valued) {
          for (uint32_t i = col.offsets[r]; i < col.offsets[r + 1]; ++i) add(col.codes[i]);
        } else if (Has(col, r)) {
          add(col.int32s[r]);
        }
        break;
      }
      case DimensionKind::kAgeFromBirth: {
        int32_t on = kNoDay;
        if (reference != nullptr) {
          if (Has(*reference, r)) on = reference->int32s[r];
        } else if (in_.placing != nullptr && in_.placing->type == ValueType::kDate &&
                   Has(*in_.placing, r)) {
          on = in_.placing->int32s[r];
        }
        if (!Has(col, r) || on == kNoDay) break;
        const std::optional<int32_t> age =
            AgeInCompletedYears(Date::FromDayNumber(col.int32s[r]), Date::FromDayNumber(on));
        if (age) band(*age, true);
        break;
      }
      case DimensionKind::kStoredAgeBands:
        if (Has(col, r)) band(Number(col, r), true);
        break;
      case DimensionKind::kNumericBands:
        if (Has(col, r)) band(Number(col, r), false);
        break;
    }
  }

 public:
  static constexpr int32_t kNoDay = std::numeric_limits<int32_t>::min();

 private:
  const SidePlan& side_;
  const SideInputs& in_;
  std::vector<int64_t> combos_, next_;
  std::vector<int32_t> values_;
  std::vector<std::vector<int32_t>> codes_;
};

// Vectors and masks of one evaluation, by table and formula text, so that
// indicators reading the same input share it.
class InputCache {
 public:
  explicit InputCache(EvalContext& context) : context_(context) {}

  absl::StatusOr<const Vector*> Get(const CompiledFormula& formula) {
    const std::string key = absl::StrCat(formula.table(), "\x1f", formula.text());
    auto it = vectors_.find(key);
    if (it != vectors_.end()) return it->second.get();
    absl::StatusOr<Vector> v = formula.Evaluate(context_);
    if (!v.ok()) return v.status();
    auto owned = std::make_unique<Vector>(*std::move(v));
    const Vector* out = owned.get();
    vectors_.emplace(key, std::move(owned));
    return out;
  }

  // The cells of every row of `side`'s table, shared by the sides with the
  // same breakdowns (and placing date, which age bands are taken at).
  absl::StatusOr<const RowCells*> Cells(const SidePlan& side, const SideInputs& in) {
    std::string key = absl::StrCat(side.table, "\x1f",
                                   side.placing.valid() ? side.placing.formula->text() : "", "\x1f");
    for (const BreakdownPlan& b : side.breakdowns) {
      absl::StrAppend(&key, b.name, "\x1e");
      for (int d : b.dims) {
        absl::StrAppend(&key, side.dims[d].values.size(), ":");
        for (const std::string& v : side.dims[d].values) absl::StrAppend(&key, v, ",");
      }
    }
    auto it = cells_.find(key);
    if (it != cells_.end()) return it->second.get();
    auto cells = std::make_unique<RowCells>();
    cells->set_of_row.resize(static_cast<size_t>(in.rows));
    CellIndex index(side, in);
    std::vector<uint32_t> row_cells;
    // Rows are matched to sets by their dimension codes (a 64-bit key) when
    // they fit, else by their cells.
    absl::flat_hash_map<uint64_t, uint32_t> set_of_key;
    absl::flat_hash_map<std::vector<uint32_t>, uint32_t> set_of_cells;
    auto add_set = [&] {
      cells->set_cells.insert(cells->set_cells.end(), row_cells.begin(), row_cells.end());
      cells->set_offsets.push_back(static_cast<uint32_t>(cells->set_cells.size()));
      return static_cast<uint32_t>(cells->sets() - 1);
    };
    for (int64_t r = 0; r < in.rows; ++r) {
      index.LoadCodes(r);
      uint64_t key = 0;
      if (index.LoadedKey(&key)) {
        auto [it, inserted] = set_of_key.try_emplace(key, 0);
        if (inserted) {
          index.CellsOfLoadedCodes(&row_cells);
          it->second = add_set();
        }
        cells->set_of_row[r] = it->second;
      } else {
        index.CellsOfLoadedCodes(&row_cells);
        auto [it, inserted] = set_of_cells.try_emplace(row_cells, 0);
        if (inserted) it->second = add_set();
        cells->set_of_row[r] = it->second;
      }
    }
    const RowCells* out = cells.get();
    cells_.emplace(key, std::move(cells));
    return out;
  }

  // The rows of `formula`'s table grouped by its value `column`.
  const KeyGroups* Groups(const CompiledFormula& formula, const Vector& column, int64_t rows) {
    const std::string key = absl::StrCat(formula.table(), "\x1f", formula.text());
    auto it = groups_.find(key);
    if (it != groups_.end()) return it->second.get();
    auto groups = std::make_unique<KeyGroups>(GroupByKey(column, rows));
    const KeyGroups* out = groups.get();
    groups_.emplace(key, std::move(groups));
    return out;
  }

  // Drops every input of table `table` (keys begin with the table's index).
  void ReleaseTable(int table) {
    const std::string prefix = absl::StrCat(table, "\x1f");
    auto release = [&](auto& map) {
      for (auto it = map.begin(); it != map.end();) {
        if (absl::StartsWith(it->first, prefix)) {
          map.erase(it++);
        } else {
          ++it;
        }
      }
    };
    release(vectors_);
    release(masks_);
    release(cells_);
    release(groups_);
  }

  // The conjunction of `filters` (null when there are none).
  absl::StatusOr<const std::vector<uint8_t>*> Mask(const std::vector<CompiledFormula>& filters,
                                                  int64_t rows) {
    if (filters.empty()) return nullptr;
    std::string key;
    for (const CompiledFormula& f : filters) absl::StrAppend(&key, f.table(), "\x1f", f.text(), "\x1e");
    auto it = masks_.find(key);
    if (it != masks_.end()) return it->second.get();
    auto mask = std::make_unique<std::vector<uint8_t>>(static_cast<size_t>(rows), 1);
    for (const CompiledFormula& f : filters) {
      absl::StatusOr<std::vector<uint8_t>> m = f.EvaluateMask(context_);
      if (!m.ok()) return m.status();
      for (int64_t r = 0; r < rows; ++r) (*mask)[r] &= (*m)[r];
    }
    const std::vector<uint8_t>* out = mask.get();
    masks_.emplace(key, std::move(mask));
    return out;
  }

 private:
  EvalContext& context_;
  absl::flat_hash_map<std::string, std::unique_ptr<Vector>> vectors_;
  absl::flat_hash_map<std::string, std::unique_ptr<std::vector<uint8_t>>> masks_;
  absl::flat_hash_map<std::string, std::unique_ptr<RowCells>> cells_;
  absl::flat_hash_map<std::string, std::unique_ptr<KeyGroups>> groups_;
};

absl::StatusOr<SideInputs> LoadInputs(const SidePlan& side, const TableData& table,
                                      InputCache& cache) {
  SideInputs in;
  in.rows = table.rows;
  absl::StatusOr<const std::vector<uint8_t>*> mask = cache.Mask(side.filters, table.rows);
  if (!mask.ok()) return mask.status();
  in.mask = *mask;
  for (auto [source, target] : {std::pair<const RowSource*, const Vector**>{&side.placing, &in.placing},
                                {&side.opened, &in.opened}, {&side.closed, &in.closed},
                                {&side.value, &in.value}, {&side.person, &in.person}}) {
    if (!source->valid()) continue;
    absl::StatusOr<const Vector*> v = cache.Get(*source->formula);
    if (!v.ok()) return v.status();
    *target = *v;
  }
  for (const DimensionPlan& dim : side.dims) {
    absl::StatusOr<const Vector*> v = cache.Get(*dim.source.formula);
    if (!v.ok()) return v.status();
    in.dims.push_back(*v);
    const Vector* reference = nullptr;
    if (dim.reference_date.valid()) {
      absl::StatusOr<const Vector*> r = cache.Get(*dim.reference_date.formula);
      if (!r.ok()) return r.status();
      reference = *r;
    }
    in.dim_reference.push_back(reference);
  }
  if (side.placement != PlacementKind::kYear) {
    absl::StatusOr<const RowCells*> cells = cache.Cells(side, in);
    if (!cells.ok()) return cells.status();
    in.cells = *cells;
    if (in.person != nullptr) in.person_groups = cache.Groups(*side.person.formula, *in.person, in.rows);
    if (side.function == AggregateFunction::kCountDistinct &&
        !(in.person != nullptr && side.person.formula->text() == side.value.formula->text())) {
      in.distinct_groups = cache.Groups(*side.value.formula, *in.value, in.rows);
    }
  }
  return in;
}

// The date range an evaluation covers.
struct Span {
  Date project_start;
  Date project_end;  // exclusive
  Date range_end;    // exclusive: min(as_of + 1, project_end)
  Date as_of;
  const std::vector<Period>* periods;
  // Standard period types tile the range in order; custom periods may
  // overlap or leave gaps, and are sorted by end (then start).
  bool tiling = true;
  // The indicator reports cumulative values.
  bool cumulative_reported = true;
  // Tiling periods: the period of each day from the first period's start
  // to the last one's end (empty: look periods up by binary search).
  int32_t first_day = 0;
  std::vector<int32_t> period_by_day{};
  void IndexDays() {
    if (!tiling || periods->empty()) return;
    first_day = periods->front().start.day_number();
    period_by_day.assign(static_cast<size_t>(periods->back().end.day_number() - first_day), -1);
    for (size_t p = 0; p < periods->size(); ++p) {
      for (int32_t d = (*periods)[p].start.day_number(); d < (*periods)[p].end.day_number(); ++d) {
        period_by_day[static_cast<size_t>(d - first_day)] = static_cast<int32_t>(p);
      }
    }
  }
  int P() const { return static_cast<int>(periods->size()); }
  int slots() const { return 2 * P() + 1; }
  int cumulative(int p) const { return P() + p; }
  int lop() const { return 2 * P(); }
};

// Where the rows of a side count, as arrays over rows (no allocation per
// row): row r is in per-period slots periods[offsets[r] .. offsets[r+1]),
// in the cumulative values from period cumulative_from[r] on (-1: none)
// and in the life of project when in_life_of_project[r].
struct Placements {
  // Flow rows over tiling periods are each in at most one period: row r is
  // then in period cumulative_from[r] alone (none when -1), in the
  // cumulative values from it on and in the life of project, and the
  // general arrays below stay empty.
  bool one_period = false;
  std::vector<uint32_t> offsets{0};
  std::vector<int32_t> periods;
  std::vector<int32_t> cumulative_from;
  std::vector<uint8_t> in_life_of_project;

  void Reserve(int64_t rows) {
    offsets.reserve(static_cast<size_t>(rows) + 1);
    periods.reserve(static_cast<size_t>(rows));
    cumulative_from.reserve(static_cast<size_t>(rows));
    in_life_of_project.reserve(static_cast<size_t>(rows));
  }
  // Appends the next row, placed in `period` (or nowhere when -1).
  void AddFlowRow(int32_t period) {
    if (period >= 0) periods.push_back(period);
    offsets.push_back(static_cast<uint32_t>(periods.size()));
    cumulative_from.push_back(period);
    in_life_of_project.push_back(period >= 0);
  }
  // Appends the next row with explicit memberships.
  void AddRow(const std::vector<int32_t>& row_periods, int32_t from, bool lop) {
    periods.insert(periods.end(), row_periods.begin(), row_periods.end());
    offsets.push_back(static_cast<uint32_t>(periods.size()));
    cumulative_from.push_back(from);
    in_life_of_project.push_back(lop);
  }
  // Calls f(p) for each per-period slot p of row r.
  template <typename F>
  void ForEachPeriod(int64_t r, F f) const {
    if (one_period) {
      if (cumulative_from[r] >= 0) f(cumulative_from[r]);
      return;
    }
    for (uint32_t i = offsets[r]; i < offsets[r + 1]; ++i) f(periods[i]);
  }
  bool InLifeOfProject(int64_t r) const {
    return one_period ? cumulative_from[r] >= 0 : in_life_of_project[r] != 0;
  }
  bool CountsSomewhere(int64_t r) const {
    if (one_period) return cumulative_from[r] >= 0;
    return offsets[r + 1] > offsets[r] || cumulative_from[r] >= 0 || in_life_of_project[r];
  }
};

// Result of one side: per slot × cell.
struct SideValues {
  int64_t cells = 0;
  std::vector<double> value;      // the aggregate
  std::vector<uint8_t> present;   // the aggregate exists (mean of nothing does not)
  std::vector<double> sum;        // mean: its numerator; sum/count: the value
  std::vector<int64_t> count;     // records (with a value, for value functions)
  std::vector<int64_t> units;     // distinct persons, or records
  std::vector<int64_t> not_yet_observable;
  std::vector<int64_t> records;   // records counted, whatever their value
  void Resize(size_t n) {
    value.assign(n, 0);
    present.assign(n, 0);
    sum.assign(n, 0);
    count.assign(n, 0);
    units.assign(n, 0);
    not_yet_observable.assign(n, 0);
    records.assign(n, 0);
  }
};

struct SideCounters {
  int64_t without_period = 0;
  int64_t after_as_of = 0;
  int64_t invalid_interval = 0;
};

// Counts distinct keys per slot × cell, key group by key group: a stamp
// per slot × cell remembers the last key counted there, so a key counts
// once per slot × cell in one pass over its rows (linear, no sort); in the
// cumulative values a key counts from the first period any of its rows
// counts in. With `missing_are_units` each row without a key is one more
// key (for unit counts: a record whose person is unknown is a unit, never
// none, so that a cell cannot look empty to disclosure control).
void DistinctPerSlot(const KeyGroups& keys, bool missing_are_units, const Placements& placement,
                     const RowCells& cells, const Span& span, int64_t n_cells,
                     std::vector<int64_t>* out) {
  const int P = span.P();
  const size_t C = static_cast<size_t>(n_cells);
  out->assign(static_cast<size_t>(span.slots()) * C, 0);
  std::vector<int32_t> stamp(out->size(), -1);
  std::vector<int32_t> cum_stamp(C, -1), cum_first_period(C, 0);
  std::vector<int64_t> cum_first(static_cast<size_t>(P) * C, 0);
  std::vector<uint32_t> touched;
  const bool cumulative = span.cumulative_reported;
  const size_t lop = static_cast<size_t>(span.lop()) * C;
  int32_t key = 0;
  // One-period placements: the last (period, cell set) visited for the
  // current key; a row repeating it (a person's services in one quarter)
  // adds nothing.
  int32_t last_period = -1;
  uint32_t last_set = 0;
  auto count_once = [&](size_t at) {
    if (stamp[at] != key) {
      stamp[at] = key;
      ++(*out)[at];
    }
  };
  auto visit = [&](uint32_t r) {
    if (!placement.CountsSomewhere(r)) return;
    if (placement.one_period) {
      const int32_t period = placement.cumulative_from[r];
      if (period == last_period && cells.set_of_row[r] == last_set) return;
      last_period = period;
      last_set = cells.set_of_row[r];
    }
    const int32_t from = cumulative ? placement.cumulative_from[r] : -1;
    const bool in_lop = placement.InLifeOfProject(r);
    for (const uint32_t c : cells.OfRow(r)) {
      placement.ForEachPeriod(r, [&](int32_t p) { count_once(static_cast<size_t>(p) * C + c); });
      if (in_lop) count_once(lop + c);
      if (from >= 0) {
        if (cum_stamp[c] != key) {
          cum_stamp[c] = key;
          cum_first_period[c] = from;
          touched.push_back(c);
        } else if (from < cum_first_period[c]) {
          cum_first_period[c] = from;
        }
      }
    }
  };
  auto end_key = [&] {
    for (const uint32_t c : touched) ++cum_first[static_cast<size_t>(cum_first_period[c]) * C + c];
    touched.clear();
    ++key;
    last_period = -1;
  };
  // One-period placements: a key whose counted rows all share one (period,
  // cell set) class — most persons, with one case — counts once in that
  // class, spread over the class's cells at the end like a record count.
  const size_t K = cells.sets();
  const bool by_class = placement.one_period && static_cast<size_t>(P) * K <= 2 * keys.rows.size() + 4096;
  std::vector<int64_t> single_class;
  if (by_class) single_class.assign(static_cast<size_t>(P) * K, 0);
  // The one class of the rows [begin, end) of keys.rows, or -1 when they
  // count in none, -2 when in several.
  auto class_of = [&](uint32_t begin, uint32_t end) -> int64_t {
    int64_t found = -1;
    for (uint32_t i = begin; i < end; ++i) {
      const uint32_t r = keys.rows[i];
      const int32_t p = placement.cumulative_from[r];
      if (p < 0) continue;
      const int64_t k = static_cast<int64_t>(p) * static_cast<int64_t>(K) + cells.set_of_row[r];
      if (found >= 0 && k != found) return -2;
      found = k;
    }
    return found;
  };
  for (int32_t k = 0; k < keys.count; ++k) {
    if (by_class) {
      const int64_t only = class_of(keys.offsets[k], keys.offsets[k + 1]);
      if (only == -1) continue;
      if (only >= 0) {
        ++single_class[static_cast<size_t>(only)];
        continue;
      }
    }
    for (uint32_t i = keys.offsets[k]; i < keys.offsets[k + 1]; ++i) visit(keys.rows[i]);
    end_key();
  }
  if (missing_are_units) {
    for (const uint32_t r : keys.missing) {
      if (by_class && placement.cumulative_from[r] >= 0) {
        ++single_class[static_cast<size_t>(placement.cumulative_from[r]) * K + cells.set_of_row[r]];
        continue;
      }
      visit(r);
      end_key();
    }
  }
  if (by_class) {
    for (int p = 0; p < P; ++p) {
      for (size_t s = 0; s < K; ++s) {
        const int64_t n = single_class[static_cast<size_t>(p) * K + s];
        if (n == 0) continue;
        for (const uint32_t c : cells.OfSet(static_cast<uint32_t>(s))) {
          (*out)[static_cast<size_t>(p) * C + c] += n;
          (*out)[lop + c] += n;
          if (cumulative) cum_first[static_cast<size_t>(p) * C + c] += n;
        }
      }
    }
  }
  if (!cumulative) return;
  for (int p = 0; p < P; ++p) {
    for (size_t c = 0; c < C; ++c) {
      const int64_t prev = p > 0 ? (*out)[static_cast<size_t>(span.cumulative(p - 1)) * C + c] : 0;
      (*out)[static_cast<size_t>(span.cumulative(p)) * C + c] =
          prev + cum_first[static_cast<size_t>(p) * C + c];
    }
  }
}

// Medians of several slots found in one pass over values in ascending
// order: set each slot's count, then offer each value to the slots it is
// in; a slot keeps its middle value(s). The median of an even count is
// the mean of the two middle values.
class SlotMedians {
 public:
  // Forgets everything; `slots` slots, each of count 0.
  void Reset(size_t slots) {
    total_.assign(slots, 0);
    seen_.assign(slots, 0);
    low_.assign(slots, 0);
    high_.assign(slots, 0);
  }
  int64_t& total(size_t slot) { return total_[slot]; }
  // The next value of `slot` in ascending order.
  void Take(size_t slot, double x) {
    const int64_t rank = seen_[slot]++;
    if (rank == (total_[slot] - 1) / 2) low_[slot] = x;
    if (rank == total_[slot] / 2) high_[slot] = x;
  }
  // Each slot with values: its median into value[slot_at(slot) * stride + c].
  template <typename SlotAt>
  void Emit(size_t stride, size_t c, SlotAt slot_at, SideValues* out) const {
    for (size_t slot = 0; slot < total_.size(); ++slot) {
      if (total_[slot] == 0) continue;
      const size_t at = slot_at(slot) * stride + c;
      out->value[at] = total_[slot] % 2 == 1 ? high_[slot] : (high_[slot] + low_[slot]) / 2;
      out->present[at] = 1;
    }
  }

 private:
  std::vector<int64_t> total_, seen_;
  std::vector<double> low_, high_;
};

class SideEvaluator {
 public:
  SideEvaluator(const SidePlan& side, const TableData& table, const SideInputs& in,
                const Span& span, const std::string& indicator_id)
      : side_(side), table_(table), in_(in), span_(span), indicator_id_(indicator_id) {}

  absl::Status Run(SideValues* out, SideCounters* counters) {
    absl::Status status = Accumulate(out, counters);
    if (status.ok() && side_.placement == PlacementKind::kStockAtEnd) {
      // A stock at the end of a period is already "to date": its
      // cumulative value is the period's.
      const size_t C = static_cast<size_t>(side_.cell_count);
      for (int p = 0; p < span_.P(); ++p) {
        const size_t from = static_cast<size_t>(p) * C, to = static_cast<size_t>(span_.cumulative(p)) * C;
        for (std::vector<int64_t>* v : {&out->count, &out->units, &out->not_yet_observable, &out->records}) {
          std::copy(v->begin() + from, v->begin() + from + C, v->begin() + to);
        }
        for (std::vector<double>* v : {&out->value, &out->sum}) {
          std::copy(v->begin() + from, v->begin() + from + C, v->begin() + to);
        }
        std::copy(out->present.begin() + from, out->present.begin() + from + C, out->present.begin() + to);
      }
    }
    return status;
  }

 private:
  absl::Status Accumulate(SideValues* out, SideCounters* counters) {
    const int64_t rows = in_.rows;
    const size_t n = static_cast<size_t>(span_.slots()) * side_.cell_count;
    out->cells = side_.cell_count;
    out->Resize(n);
    if (side_.placement == PlacementKind::kYear) return RunYearly(out);

    // 1. Place every row.
    Placements placement;
    std::vector<uint8_t> unobservable(static_cast<size_t>(rows), 0);
    Place(&placement, &unobservable, counters);
    // Placing days of flow rows (read only for rows that have one).
    static const std::vector<int32_t> kNoDays;
    const std::vector<int32_t>& placing_days =
        side_.placement == PlacementKind::kFlow ? in_.placing->int32s : kNoDays;

    // 2. The cells of every row (shared with other indicators).
    const RowCells& cells = *in_.cells;

    // 3. Accumulate.
    const Vector* value = in_.value;
    auto value_of = [&](int64_t r, double* v) {
      if (value == nullptr || !Has(*value, r)) return false;
      *v = Number(*value, r);
      return true;
    };
    const AggregateFunction fn = side_.function;
    // For distinct counts "has a value" is "has a key", so that `count` is
    // the number of records with a key.
    const bool wants_values = fn != AggregateFunction::kCount;
    const int64_t C = side_.cell_count;
    const int P = span_.P();
    // Prefix accumulators for the cumulative slots, by first period.
    std::vector<int64_t> cum_records(static_cast<size_t>(P) * C, 0), cum_count = cum_records;
    std::vector<double> cum_sum(static_cast<size_t>(P) * C, 0);
    std::vector<double> cum_min(static_cast<size_t>(P) * C, std::numeric_limits<double>::infinity());
    std::vector<double> cum_max(static_cast<size_t>(P) * C, -std::numeric_limits<double>::infinity());
    std::vector<double> minimum(n, std::numeric_limits<double>::infinity());
    std::vector<double> maximum(n, -std::numeric_limits<double>::infinity());
    // Medians: values per slot × cell (cumulative ones by first period);
    // by class: (class, value) of every counted row with a value.
    std::vector<std::vector<double>> values, cum_values;
    std::vector<std::pair<uint32_t, double>> class_values;
    if (fn == AggregateFunction::kMedian) {
      values.resize(n);
      cum_values.resize(static_cast<size_t>(P) * C);
    }
    // The scan, compiled twice: counts need only records and counts; the
    // other functions also sums, extremes and (medians) the values.
    auto scan = [&](auto with_values) {
      constexpr bool kValues = decltype(with_values)::value;
      auto add = [&](size_t at, bool has, double v) {
        out->records[at] += 1;
        if (!has) return;
        out->count[at] += 1;
        if constexpr (kValues) {
          out->sum[at] += v;
          minimum[at] = std::min(minimum[at], v);
          maximum[at] = std::max(maximum[at], v);
          if (fn == AggregateFunction::kMedian) values[at].push_back(v);
        }
      };
      for (int64_t r = 0; r < rows; ++r) {
        if (!placement.CountsSomewhere(r) && !unobservable[r]) continue;
        double v = 0;
        const bool has = wants_values ? value_of(r, &v) : true;
        const int32_t from = placement.cumulative_from[r];
        for (const uint32_t c : cells.OfRow(r)) {
          placement.ForEachPeriod(r, [&](int32_t p) { add(static_cast<size_t>(p) * C + c, has, v); });
          if (placement.InLifeOfProject(r)) add(static_cast<size_t>(span_.lop()) * C + c, has, v);
          if (from >= 0) {
            const size_t at = static_cast<size_t>(from) * C + c;
            cum_records[at] += 1;
            if (has) {
              cum_count[at] += 1;
              if constexpr (kValues) {
                cum_sum[at] += v;
                cum_min[at] = std::min(cum_min[at], v);
                cum_max[at] = std::max(cum_max[at], v);
                if (fn == AggregateFunction::kMedian) cum_values[at].push_back(v);
              }
            }
          }
          if (unobservable[r]) {
            // Counted where the row would have counted: its placing period,
            // the cumulative values from there on and the life of project.
            PeriodsContaining(placing_days[r], &scratch_periods_);
            for (int32_t p : scratch_periods_) out->not_yet_observable[static_cast<size_t>(p) * C + c] += 1;
            const int32_t from = CumulativeFrom(placing_days[r]);
            for (int j = std::max(from, 0); from >= 0 && j < P; ++j) {
              out->not_yet_observable[static_cast<size_t>(span_.cumulative(j)) * C + c] += 1;
            }
            out->not_yet_observable[static_cast<size_t>(span_.lop()) * C + c] += 1;
          }
        }
      }
    };
    // The same scan by class: a flow row over tiling periods is in one
    // period p (so in the cumulative values from p and in the life of
    // project) and one cell set s, so rows are first accumulated per class
    // (p, s) — one update per row — and each class is then spread over its
    // cells. Medians need each value and latest values each row, so they
    // take the scan above; so do sides with more classes than rows.
    auto scan_by_class = [&](auto with_values) {
      constexpr bool kValues = decltype(with_values)::value;
      const size_t K = cells.sets();
      const size_t classes = static_cast<size_t>(P) * K;
      std::vector<int64_t> k_records(classes, 0), k_count(classes, 0), k_unobservable;
      std::vector<double> k_sum, k_min, k_max;
      if constexpr (kValues) {
        k_sum.assign(classes, 0);
        k_min.assign(classes, std::numeric_limits<double>::infinity());
        k_max.assign(classes, -std::numeric_limits<double>::infinity());
      }
      for (int64_t r = 0; r < rows; ++r) {
        const int32_t p = placement.cumulative_from[r];
        if (p >= 0) {
          const size_t k = static_cast<size_t>(p) * K + cells.set_of_row[r];
          ++k_records[k];
          double v = 0;
          if (wants_values && !value_of(r, &v)) continue;
          ++k_count[k];
          if constexpr (kValues) {
            k_sum[k] += v;
            k_min[k] = std::min(k_min[k], v);
            k_max[k] = std::max(k_max[k], v);
            if (fn == AggregateFunction::kMedian) class_values.emplace_back(static_cast<uint32_t>(k), v);
          }
        } else if (unobservable[r]) {
          const int32_t placed = PeriodOf(placing_days[r]);
          if (placed < 0) continue;
          if (k_unobservable.empty()) k_unobservable.assign(classes, 0);
          ++k_unobservable[static_cast<size_t>(placed) * K + cells.set_of_row[r]];
        }
      }
      const size_t lop = static_cast<size_t>(span_.lop()) * C;
      for (int p = 0; p < P; ++p) {
        for (size_t s = 0; s < K; ++s) {
          const size_t k = static_cast<size_t>(p) * K + s;
          const int64_t unobserved = k_unobservable.empty() ? 0 : k_unobservable[k];
          if (k_records[k] == 0 && unobserved == 0) continue;
          for (const uint32_t c : cells.OfSet(static_cast<uint32_t>(s))) {
            const size_t period_at = static_cast<size_t>(p) * C + c;
            for (const size_t at : {period_at, lop + c}) {
              out->records[at] += k_records[k];
              out->count[at] += k_count[k];
              if constexpr (kValues) {
                out->sum[at] += k_sum[k];
                minimum[at] = std::min(minimum[at], k_min[k]);
                maximum[at] = std::max(maximum[at], k_max[k]);
              }
            }
            cum_records[period_at] += k_records[k];
            cum_count[period_at] += k_count[k];
            if constexpr (kValues) {
              cum_sum[period_at] += k_sum[k];
              cum_min[period_at] = std::min(cum_min[period_at], k_min[k]);
              cum_max[period_at] = std::max(cum_max[period_at], k_max[k]);
            }
            if (unobserved > 0) {
              out->not_yet_observable[period_at] += unobserved;
              for (int j = p; j < P; ++j) {
                out->not_yet_observable[static_cast<size_t>(span_.cumulative(j)) * C + c] += unobserved;
              }
              out->not_yet_observable[lop + c] += unobserved;
            }
          }
        }
      }
    };
    const bool by_class = side_.placement == PlacementKind::kFlow && span_.tiling &&
                          fn != AggregateFunction::kLatest &&
                          static_cast<size_t>(P) * cells.sets() <=
                              std::max<size_t>(static_cast<size_t>(rows), 1 << 16);
    const bool counting = fn == AggregateFunction::kCount ||
                          fn == AggregateFunction::kCountDistinct || fn == AggregateFunction::kLatest;
    if (by_class) {
      counting ? scan_by_class(std::false_type()) : scan_by_class(std::true_type());
    } else {
      counting ? scan(std::false_type()) : scan(std::true_type());
    }
    // Cumulative slots: prefix over first periods (medians below).
    for (int64_t c = 0; c < C; ++c) {
      int64_t records = 0, count = 0;
      double sum = 0, lo = std::numeric_limits<double>::infinity(), hi = -lo;
      for (int p = 0; p < P; ++p) {
        const size_t from = static_cast<size_t>(p) * C + c;
        const size_t at = static_cast<size_t>(span_.cumulative(p)) * C + c;
        records += cum_records[from];
        count += cum_count[from];
        sum += cum_sum[from];
        lo = std::min(lo, cum_min[from]);
        hi = std::max(hi, cum_max[from]);
        out->records[at] = records;
        out->count[at] = count;
        out->sum[at] = sum;
        minimum[at] = lo;
        maximum[at] = hi;
      }
    }
    if (fn == AggregateFunction::kLatest) {
      Latest(placement, placing_days, cells, value_of, out);
      out->units = out->records;
      return absl::OkStatus();
    }
    // Values per slot × cell.
    for (size_t at = 0; at < n; ++at) {
      switch (fn) {
        case AggregateFunction::kCount:
          out->value[at] = static_cast<double>(out->records[at]);
          out->present[at] = 1;
          break;
        case AggregateFunction::kCountDistinct:
        case AggregateFunction::kLatest:
          break;  // below / above
        case AggregateFunction::kSum:
          out->value[at] = out->sum[at];
          out->present[at] = 1;
          break;
        case AggregateFunction::kMean:
          if (out->count[at] > 0) {
            out->value[at] = out->sum[at] / static_cast<double>(out->count[at]);
            out->present[at] = 1;
          }
          break;
        case AggregateFunction::kMedian:
          if (!values[at].empty()) {
            std::vector<double>& v = values[at];
            const size_t mid = v.size() / 2;
            std::nth_element(v.begin(), v.begin() + mid, v.end());
            double m = v[mid];
            if (v.size() % 2 == 0) m = (m + *std::max_element(v.begin(), v.begin() + mid)) / 2;
            out->value[at] = m;
            out->present[at] = 1;
          }
          break;
        case AggregateFunction::kMin:
        case AggregateFunction::kMax:
          if (out->count[at] > 0) {
            out->value[at] = fn == AggregateFunction::kMin ? minimum[at] : maximum[at];
            out->present[at] = 1;
          }
          break;
      }
    }
    if (fn == AggregateFunction::kMedian) {
      if (by_class) {
        MediansByClass(cells, &class_values, out);
      } else {
        CumulativeMedians(&cum_values, out);
      }
    }
    // Distinct counts and unit counts by key groups.
    const KeyGroups* persons = in_.person_groups;
    const bool by_person = fn == AggregateFunction::kCountDistinct && persons != nullptr &&
                           side_.person.formula->text() == side_.value.formula->text();
    if (fn == AggregateFunction::kCountDistinct) {
      const KeyGroups& keys = by_person ? *persons : *in_.distinct_groups;
      if (keys.each_key_once) {
        // Each key on one record: distinct keys are the records with one.
        for (size_t at = 0; at < n; ++at) {
          out->value[at] = static_cast<double>(out->count[at]);
          out->present[at] = 1;
        }
      } else {
        std::vector<int64_t> distinct;
        DistinctPerSlot(keys, false, placement, cells, span_, C, &distinct);
        for (size_t at = 0; at < n; ++at) {
          out->value[at] = static_cast<double>(distinct[at]);
          out->count[at] = distinct[at];
          out->present[at] = 1;
        }
      }
      // Counting persons, each known: the units are the value.
      if (by_person && persons->missing.empty()) {
        out->units.assign(out->count.begin(), out->count.end());
        return absl::OkStatus();
      }
    }
    if (persons == nullptr || persons->each_key_once) {
      // Records are units: a table keyed by person (records whose person is
      // unknown being units of their own), or a non-person table.
      out->units = out->records;
    } else {
      DistinctPerSlot(*persons, true, placement, cells, span_, C, &out->units);
    }
    return absl::OkStatus();
  }

  // The median of each cumulative slot from the values by first period
  // (`by_first`, per period × cell; consumed): a cell's values are sorted
  // once, and one pass over them finds every period's middle values, the
  // values up to period p being those with a first period at most p. The
  // median of an even count is the mean of the two middle values.
  void CumulativeMedians(std::vector<std::vector<double>>* by_first, SideValues* out) const {
    const int P = span_.P();
    const size_t C = static_cast<size_t>(side_.cell_count);
    std::vector<std::pair<double, int32_t>> items;
    SlotMedians medians;  // slot p: the cumulative range up to period p
    for (size_t c = 0; c < C; ++c) {
      items.clear();
      medians.Reset(static_cast<size_t>(P));
      int64_t running = 0;
      for (int p = 0; p < P; ++p) {
        std::vector<double>& v = (*by_first)[static_cast<size_t>(p) * C + c];
        for (double x : v) items.emplace_back(x, p);
        running += static_cast<int64_t>(v.size());
        medians.total(static_cast<size_t>(p)) = running;
        std::vector<double>().swap(v);
      }
      if (items.empty()) continue;
      std::sort(items.begin(), items.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      for (const auto& [x, first] : items) {
        for (int p = first; p < P; ++p) medians.Take(static_cast<size_t>(p), x);
      }
      medians.Emit(C, c, [&](size_t p) { return static_cast<size_t>(span_.cumulative(static_cast<int>(p))); },
                   out);
    }
  }

  // Medians of every slot of a one-period side from its rows' (class,
  // value) pairs (consumed), class = period × sets + cell set. Each cell's
  // values, tagged with their period, are sorted once; one pass then finds
  // the middle values of each period, of each cumulative range (periods up
  // to p) and of the life of project. The median of an even count is the
  // mean of the two middle values.
  void MediansByClass(const RowCells& cells, std::vector<std::pair<uint32_t, double>>* class_values,
                      SideValues* out) const {
    const int P = span_.P();
    const size_t C = static_cast<size_t>(side_.cell_count);
    const size_t K = cells.sets();
    // The cell sets containing each cell.
    std::vector<std::vector<uint32_t>> sets_of_cell(C);
    for (size_t s = 0; s < K; ++s) {
      for (const uint32_t c : cells.OfSet(static_cast<uint32_t>(s))) {
        sets_of_cell[c].push_back(static_cast<uint32_t>(s));
      }
    }
    // Values grouped by class (counting sort).
    std::vector<uint32_t> offsets(static_cast<size_t>(P) * K + 1, 0);
    for (const auto& [k, v] : *class_values) ++offsets[k + 1];
    for (size_t k = 1; k < offsets.size(); ++k) offsets[k] += offsets[k - 1];
    std::vector<double> grouped(class_values->size());
    {
      std::vector<uint32_t> next(offsets.begin(), offsets.end() - 1);
      for (const auto& [k, v] : *class_values) grouped[next[k]++] = v;
    }
    std::vector<std::pair<uint32_t, double>>().swap(*class_values);
    // Per cell: the middle values of each slot, found in one pass.
    const size_t slots = static_cast<size_t>(span_.slots());
    SlotMedians medians;
    std::vector<std::pair<double, int32_t>> items;
    for (size_t c = 0; c < C; ++c) {
      items.clear();
      medians.Reset(slots);
      for (int p = 0; p < P; ++p) {
        for (const uint32_t s : sets_of_cell[c]) {
          const size_t k = static_cast<size_t>(p) * K + s;
          for (uint32_t i = offsets[k]; i < offsets[k + 1]; ++i) items.emplace_back(grouped[i], p);
          medians.total(static_cast<size_t>(p)) += offsets[k + 1] - offsets[k];
        }
      }
      if (items.empty()) continue;
      for (int p = 0; p < P; ++p) {
        medians.total(static_cast<size_t>(span_.cumulative(p))) =
            (p > 0 ? medians.total(static_cast<size_t>(span_.cumulative(p - 1))) : 0) +
            medians.total(static_cast<size_t>(p));
      }
      medians.total(static_cast<size_t>(span_.lop())) = static_cast<int64_t>(items.size());
      std::sort(items.begin(), items.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      for (const auto& [x, p] : items) {
        medians.Take(static_cast<size_t>(p), x);
        for (int q = p; q < P; ++q) medians.Take(static_cast<size_t>(span_.cumulative(q)), x);
        medians.Take(static_cast<size_t>(span_.lop()), x);
      }
      medians.Emit(C, c, [](size_t slot) { return slot; }, out);
    }
  }

  // In-place values: in each cumulative slot (and so each period, whose
  // value is "as of its end") and the life of project, the value of the
  // latest record by placing date (ties: the later row), missing when it
  // has none or there is no record.
  template <typename ValueOf>
  void Latest(const Placements& placement, const std::vector<int32_t>& days, const RowCells& cells,
              ValueOf value_of, SideValues* out) const {
    const int P = span_.P();
    const int64_t C = side_.cell_count;
    struct Best {
      int32_t day = std::numeric_limits<int32_t>::min();
      int64_t row = -1;
    };
    std::vector<Best> by_first(static_cast<size_t>(P) * C), overall(static_cast<size_t>(C));
    auto better = [](const Best& b, int32_t day, int64_t row) {
      return day > b.day || (day == b.day && row > b.row);
    };
    for (int64_t r = 0; r < in_.rows; ++r) {
      const int32_t from = placement.cumulative_from[r];
      for (const uint32_t c : cells.OfRow(r)) {
        if (from >= 0) {
          Best& b = by_first[static_cast<size_t>(from) * C + c];
          if (better(b, days[r], r)) b = {days[r], r};
        }
        if (placement.InLifeOfProject(r) && better(overall[c], days[r], r)) overall[c] = {days[r], r};
      }
    }
    auto set = [&](size_t at, const Best& b, int64_t records) {
      out->records[at] = records;
      double v = 0;
      if (b.row >= 0 && value_of(b.row, &v)) {
        out->value[at] = v;
        out->present[at] = 1;
      }
    };
    for (int64_t c = 0; c < C; ++c) {
      Best running;
      int64_t records = 0;
      for (int p = 0; p < P; ++p) {
        const Best& b = by_first[static_cast<size_t>(p) * C + c];
        if (b.row >= 0) {
          ++records;
          if (better(running, b.day, b.row)) running = b;
        }
        set(static_cast<size_t>(p) * C + c, running, records);
        set(static_cast<size_t>(span_.cumulative(p)) * C + c, running, records);
      }
      set(static_cast<size_t>(span_.lop()) * C + c, overall[c], overall[c].row >= 0 ? 1 : 0);
    }
  }

  // The per-period slots containing `day`.
  void PeriodsContaining(int32_t day, std::vector<int32_t>* out) const {
    out->clear();
    if (span_.tiling) {
      const int32_t p = PeriodOf(day);
      if (p >= 0) out->push_back(p);
      return;
    }
    const std::vector<Period>& periods = *span_.periods;
    for (size_t j = 0; j < periods.size(); ++j) {
      if (periods[j].start.day_number() <= day && day < periods[j].end.day_number()) {
        out->push_back(static_cast<int32_t>(j));
      }
    }
  }

  // The first period whose cumulative range [project start, end) holds
  // `day` (a day inside the project), or -1.
  int32_t CumulativeFrom(int32_t day) const {
    if (span_.tiling) return PeriodOf(day);
    const std::vector<Period>& periods = *span_.periods;
    for (size_t j = 0; j < periods.size(); ++j) {
      if (day < periods[j].end.day_number()) return static_cast<int32_t>(j);
    }
    return -1;
  }

  // Tiling periods only: the period containing `day`, or -1.
  int32_t PeriodOf(int32_t day) const {
    if (!span_.period_by_day.empty()) {
      const int64_t i = int64_t{day} - span_.first_day;
      return i >= 0 && i < static_cast<int64_t>(span_.period_by_day.size()) ? span_.period_by_day[i] : -1;
    }
    const std::vector<Period>& periods = *span_.periods;
    if (periods.empty() || day < periods.front().start.day_number() ||
        day >= periods.back().end.day_number()) {
      return -1;
    }
    int32_t lo = 0, hi = static_cast<int32_t>(periods.size()) - 1;
    while (lo < hi) {
      const int32_t mid = (lo + hi + 1) / 2;
      if (periods[mid].start.day_number() <= day) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  void Place(Placements* placement, std::vector<uint8_t>* unobservable, SideCounters* counters) const {
    const int64_t rows = in_.rows;
    if (!(side_.placement == PlacementKind::kFlow && span_.tiling)) placement->Reserve(rows);
    const int32_t start = span_.project_start.day_number();
    const int32_t end = span_.range_end.day_number();
    const int32_t as_of = span_.as_of.day_number();
    if (side_.placement == PlacementKind::kFlow) {
      const Vector& by = *in_.placing;
      // Everything about a flow row but its filters follows from its
      // placing day, so each day of [start, end) is judged once: its period
      // (tiling; 0 otherwise), or kUnobservable when its window ends after
      // the as-of date.
      constexpr int32_t kUnobservable = -2;
      std::vector<int32_t> day_code(static_cast<size_t>(std::max(end - start, 0)), 0);
      const bool windowed = side_.window_days > 0 || side_.window_months > 0;
      for (int32_t day = start; day < end; ++day) {
        int32_t code = span_.tiling ? PeriodOf(day) : 0;
        if (windowed && day <= as_of) {
          const Date d = Date::FromDayNumber(day);
          std::optional<Date> window_end = side_.window_months > 0 ? AddMonths(d, side_.window_months) : d;
          if (window_end) window_end = window_end->AddDays(side_.window_days);
          if (!window_end || window_end->day_number() > as_of) code = kUnobservable;
        }
        day_code[static_cast<size_t>(day - start)] = code;
      }
      std::vector<int32_t> row_periods;
      if (span_.tiling) {
        placement->one_period = true;
        placement->cumulative_from.assign(static_cast<size_t>(rows), -1);
      }
      for (int64_t r = 0; r < rows; ++r) {
        // A record the filters leave out counts nowhere, not even as a finding.
        int32_t code = -1;
        if (in_.Passes(r)) {
          if (!Has(by, r)) {
            ++counters->without_period;
          } else if (by.int32s[r] > as_of) {
            ++counters->after_as_of;
          } else if (by.int32s[r] >= start && by.int32s[r] < end) {
            code = day_code[static_cast<size_t>(by.int32s[r] - start)];
            if (code == kUnobservable) (*unobservable)[r] = 1;
          }
        }
        if (span_.tiling) {
          if (code >= 0) placement->cumulative_from[r] = code;
        } else if (code >= 0) {
          PeriodsContaining(by.int32s[r], &row_periods);
          placement->AddRow(row_periods, CumulativeFrom(by.int32s[r]), true);
        } else {
          placement->AddRow({}, -1, false);
        }
      }
      return;
    }
    // Stock: [opened, closed] with closed the last active day; a closing
    // after the as-of date is not known yet (still open).
    const Vector& opened = *in_.opened;
    const Vector* closed = in_.closed;
    const std::vector<Period>& periods = *span_.periods;
    // Each period's observed days [first, end) (clipped to the range) and
    // the day that decides a stock at its end; tiling periods are ordered,
    // so a row's periods are one run found by binary search.
    std::vector<int32_t> first_day(periods.size()), end_day(periods.size()), last_day(periods.size());
    for (size_t p = 0; p < periods.size(); ++p) {
      first_day[p] = std::max(periods[p].start.day_number(), start);
      end_day[p] = std::min(periods[p].end.day_number(), end);
      last_day[p] = end_day[p] - 1;
    }
    for (int64_t r = 0; r < rows; ++r) {
      if (!in_.Passes(r)) {
        placement->AddFlowRow(-1);
        continue;
      }
      if (!Has(opened, r)) {
        ++counters->without_period;
        placement->AddFlowRow(-1);
        continue;
      }
      const int32_t o = opened.int32s[r];
      if (o > as_of) {
        ++counters->after_as_of;
        placement->AddFlowRow(-1);
        continue;
      }
      int32_t c = std::numeric_limits<int32_t>::max();
      if (closed != nullptr && Has(*closed, r) && closed->int32s[r] <= as_of) c = closed->int32s[r];
      if (c < o) {
        ++counters->invalid_interval;
        placement->AddFlowRow(-1);
        continue;
      }
      int32_t cumulative_from = -1;
      bool in_lop = false;
      const bool during = side_.placement == PlacementKind::kStockDuring;
      if (span_.tiling) {
        // During: end > o and first <= c; at the end: o <= last <= c.
        const auto begin = during ? std::upper_bound(end_day.begin(), end_day.end(), o)
                                  : std::lower_bound(last_day.begin(), last_day.end(), o);
        const auto stop = during ? std::upper_bound(first_day.begin(), first_day.end(), c)
                                 : std::upper_bound(last_day.begin(), last_day.end(), c);
        const int32_t p_begin = static_cast<int32_t>(begin - (during ? end_day.begin() : last_day.begin()));
        const int32_t p_end = static_cast<int32_t>(stop - (during ? first_day.begin() : last_day.begin()));
        for (int32_t p = p_begin; p < p_end; ++p) placement->periods.push_back(p);
      } else {
        for (size_t p = 0; p < periods.size(); ++p) {
          const bool member = during ? o < end_day[p] && c >= first_day[p]
                                     : o <= last_day[p] && c >= last_day[p];
          if (member) placement->periods.push_back(static_cast<int32_t>(p));
        }
      }
      if (side_.placement == PlacementKind::kStockDuring) {
        in_lop = o < end && c >= start;
        // Cumulative from the first period the interval reaches.
        if (in_lop) cumulative_from = CumulativeFrom(std::max(o, start));
      } else {
        in_lop = o <= end - 1 && c >= end - 1;
      }
      placement->offsets.push_back(static_cast<uint32_t>(placement->periods.size()));
      placement->cumulative_from.push_back(cumulative_from);
      placement->in_life_of_project.push_back(in_lop);
    }
  }

  // A side placed by a calendar year field (reference data such as
  // population): a slot's value is the mean over its years of the yearly
  // aggregates; a slot of at most a year uses the year it starts in.
  absl::Status RunYearly(SideValues* out) const {
    const Vector& year = *in_.placing;
    const int64_t C = side_.cell_count;
    CellIndex index(side_, in_);
    // Per year: sums and counts per cell, in row order.
    absl::flat_hash_map<int64_t, std::vector<double>> sums, counts;
    const Vector* value = in_.value;
    std::vector<uint32_t> cells;
    for (int64_t r = 0; r < in_.rows; ++r) {
      if (!in_.Passes(r) || !Has(year, r)) continue;
      std::vector<double>& s = sums[year.ints[r]];
      std::vector<double>& n = counts[year.ints[r]];
      if (s.empty()) {
        s.assign(static_cast<size_t>(C), 0);
        n.assign(static_cast<size_t>(C), 0);
      }
      double v = 1;
      if (side_.function != AggregateFunction::kCount) {
        if (value == nullptr || !Has(*value, r)) continue;
        v = Number(*value, r);
      }
      index.CellsOf(r, &cells);
      for (uint32_t c : cells) {
        s[c] += v;
        n[c] += 1;
      }
    }
    if (side_.function != AggregateFunction::kCount && side_.function != AggregateFunction::kSum &&
        side_.function != AggregateFunction::kMean) {
      return absl::InvalidArgumentError(absl::StrCat(
          "indicator '", indicator_id_, "': a side placed by year supports count, sum and mean"));
    }
    auto slot_years = [&](int slot, int64_t* first, int64_t* last, std::string* label) {
      Date s = span_.project_start, e = span_.range_end;
      if (slot < span_.P()) {
        s = (*span_.periods)[slot].start;
        e = (*span_.periods)[slot].end;
        *label = (*span_.periods)[slot].id;
      } else if (slot < 2 * span_.P()) {
        // Cumulative to the period's end, as far as observed.
        e = std::min((*span_.periods)[slot - span_.P()].end, span_.range_end);
        *label = "cumulative to " + (*span_.periods)[slot - span_.P()].id;
      } else {
        *label = "LOP";
      }
      *first = s.year();
      *last = e.day_number() - s.day_number() <= 366 ? *first : e.AddDays(-1).year();
    };
    for (int slot = 0; slot < span_.slots(); ++slot) {
      // Cumulative slots of an indicator that does not report them are not
      // computed (so their years are not required).
      if (!span_.cumulative_reported && slot >= span_.P() && slot < 2 * span_.P()) continue;
      int64_t first = 0, last = 0;
      std::string label;
      slot_years(slot, &first, &last, &label);
      for (int64_t y = first; y <= last; ++y) {
        if (!sums.contains(y)) {
          return absl::FailedPreconditionError(absl::StrCat(
              "indicator '", indicator_id_, "', period ", label, ": table '", table_.table->name(),
              "' has no row for year ", y, ", which the denominator needs"));
        }
      }
      for (int64_t c = 0; c < C; ++c) {
        double total = 0;
        bool present = true;
        for (int64_t y = first; y <= last; ++y) {
          const double s = sums[y][c], n = counts[y][c];
          if (side_.function == AggregateFunction::kMean) {
            if (n == 0) present = false;
            total += n > 0 ? s / n : 0;
          } else {
            total += s;
          }
        }
        const size_t at = static_cast<size_t>(slot) * C + c;
        out->value[at] = total / static_cast<double>(last - first + 1);
        out->present[at] = present;
        out->records[at] = static_cast<int64_t>(counts[first][c]);
        out->count[at] = out->records[at];
        out->units[at] = out->records[at];
      }
    }
    return absl::OkStatus();
  }

  const SidePlan& side_;
  const TableData& table_;
  const SideInputs& in_;
  const Span& span_;
  const std::string& indicator_id_;
  mutable std::vector<int32_t> scratch_periods_;
};

// The framework's custom periods overlapping [from, to), sorted by end
// then start (the order cumulative values need).
absl::StatusOr<std::vector<Period>> CustomPeriodsOverlapping(const v1::Framework& fw, Date from,
                                                             Date to) {
  std::vector<Period> out;
  for (const v1::CustomPeriod& cp : fw.custom_periods()) {
    // Validation guarantees both dates parse and start <= end.
    absl::StatusOr<Period> period =
        CustomPeriod(cp.id(), *Date::ParseIso(cp.start_date()), *Date::ParseIso(cp.end_date()));
    if (!period.ok()) return period.status();
    if (period->start < to && period->end > from) out.push_back(*std::move(period));
  }
  std::stable_sort(out.begin(), out.end(), [](const Period& a, const Period& b) {
    return a.end != b.end ? a.end < b.end : a.start < b.start;
  });
  return out;
}

// Decodes local cell `local` of breakdown `br` into coordinates; true when
// any coordinate is unknown.
bool Coordinates(const SidePlan& side, const BreakdownPlan& br, int64_t local,
                 std::vector<int32_t>* digits) {
  digits->assign(br.dims.size(), 0);
  bool unknown = false;
  for (size_t i = br.dims.size(); i-- > 0;) {
    const DimensionPlan& dim = side.dims[br.dims[i]];
    (*digits)[i] = static_cast<int32_t>(local % dim.radix());
    unknown = unknown || (*digits)[i] == dim.unknown();
    local /= dim.radix();
  }
  return unknown;
}

class IndicatorEmitter {
 public:
  IndicatorEmitter(const IndicatorPlan& plan, const Span& span) : plan_(plan), span_(span) {}

  // The periods of this span and their cells (per period, and cumulative
  // when the indicator is cumulative).
  void EmitPeriods(const SideValues& num, const SideValues* den, v1::IndicatorResult* out) {
    const std::vector<Period>& periods = *span_.periods;
    std::vector<bool> partial;
    for (const Period& p : periods) {
      v1::ReportPeriod* rp = out->add_periods();
      rp->set_id(p.id);
      rp->set_type(ProtoPeriodType(p.kind.type));
      rp->set_start(p.start.ToIsoString());
      rp->set_end(p.end.ToIsoString());
      partial.push_back(p.Contains(span_.as_of) && span_.as_of.AddDays(1) != p.end);
      rp->set_partial(partial.back());
    }
    const int P = span_.P();
    const std::vector<bool> shown = ShownCells(num, den);
    for (int p = 0; p < P; ++p) {
      EmitSlot(num, den, shown, p, periods[p].id, v1::SCOPE_PERIOD, partial[p], out);
    }
    if (plan_.cumulative) {
      for (int p = 0; p < P; ++p) {
        EmitSlot(num, den, shown, span_.cumulative(p), periods[p].id, v1::SCOPE_CUMULATIVE,
                 partial[p], out);
      }
    }
  }

  // The life-of-project period and its cells: recomputed over the whole
  // range, or the latest period's value.
  void EmitLifeOfProject(const SideValues& num, const SideValues* den, v1::IndicatorResult* out) {
    v1::ReportPeriod* lop = out->add_periods();
    lop->set_id("LOP");
    lop->set_start(span_.project_start.ToIsoString());
    lop->set_end(span_.range_end.ToIsoString());
    lop->set_partial(span_.range_end != span_.project_end);
    const int slot = plan_.life_of_project_latest ? LatestPeriodWithRecords(num, den) : span_.lop();
    EmitSlot(num, den, ShownCells(num, den), slot, "LOP", v1::SCOPE_LIFE_OF_PROJECT, lop->partial(),
             out);
  }

 private:
  // Whether the denominator's records count for which cells and periods
  // have data: a denominator of records, not reference data placed by year.
  bool ByRecords(const SideValues* den) const {
    return den != nullptr && plan_.denominator.placement != PlacementKind::kYear;
  }

  // The slot of a "latest value" life of project: the latest period with
  // records in the total (numerator, or a denominator of records) — a survey wave's
  // quarter, not merely the last quarter — or the last period when none.
  int LatestPeriodWithRecords(const SideValues& num, const SideValues* den) const {
    for (int p = span_.P() - 1; p >= 0; --p) {
      const size_t at = static_cast<size_t>(p) * plan_.value.cell_count;
      const size_t dat = den != nullptr ? static_cast<size_t>(p) * plan_.denominator.cell_count : 0;
      if (num.records[at] > 0 || (ByRecords(den) && den->records[dat] > 0)) return p;
    }
    return span_.P() > 0 ? span_.P() - 1 : span_.lop();
  }

  // Which cells are emitted: those with an unknown coordinate only when
  // something is in them in some slot (in the numerator or, for a ratio,
  // the denominator cell it is divided by); the others always.
  std::vector<bool> ShownCells(const SideValues& num, const SideValues* den) const {
    const SidePlan& side = plan_.value;
    const int64_t C = side.cell_count;
    std::vector<bool> shown(static_cast<size_t>(C), true);
    std::vector<int32_t> digits;
    for (size_t b = 0; b < side.breakdowns.size(); ++b) {
      const BreakdownPlan& br = side.breakdowns[b];
      for (int64_t local = 0; local < br.cell_count; ++local) {
        if (!Coordinates(side, br, local, &digits)) continue;
        const size_t c = static_cast<size_t>(br.first_cell + local);
        const bool by_den = ByRecords(den);
        const size_t dc = by_den ? DenominatorCell(b, digits) : 0;
        bool any = false;
        for (int s = 0; s < span_.slots() && !any; ++s) {
          const size_t at = static_cast<size_t>(s) * C + c;
          any = num.records[at] > 0 || num.not_yet_observable[at] > 0 ||
                (by_den && den->records[static_cast<size_t>(s) * plan_.denominator.cell_count + dc] > 0);
        }
        shown[c] = any;
      }
    }
    return shown;
  }

  // The denominator's cell that numerator cell `digits` of breakdown
  // `breakdown` is divided by: the same coordinates on the dimensions the
  // denominator has.
  size_t DenominatorCell(size_t breakdown, const std::vector<int32_t>& digits) const {
    const SidePlan& side = plan_.value;
    const SidePlan& dside = plan_.denominator;
    const BreakdownPlan& nb = side.breakdowns[breakdown];
    const BreakdownPlan& db = dside.breakdowns[plan_.denominator_breakdown[breakdown]];
    int64_t local = 0;
    size_t k = 0;
    for (size_t i = 0; i < nb.dims.size(); ++i) {
      if (plan_.denominator_dim[nb.dims[i]] < 0) continue;
      local = local * dside.dims[db.dims[k]].radix() + digits[i];
      ++k;
    }
    return static_cast<size_t>(db.first_cell + local);
  }

  void EmitSlot(const SideValues& num, const SideValues* den, const std::vector<bool>& shown,
                int slot, const std::string& period, v1::Scope scope, bool partial,
                v1::IndicatorResult* out) {
    const SidePlan& side = plan_.value;
    std::vector<int32_t> digits;
    for (size_t b = 0; b < side.breakdowns.size(); ++b) {
      const BreakdownPlan& br = side.breakdowns[b];
      for (int64_t local = 0; local < br.cell_count; ++local) {
        const size_t c = static_cast<size_t>(br.first_cell + local);
        if (!shown[c]) continue;
        Coordinates(side, br, local, &digits);
        v1::Cell* cell = out->add_cells();
        cell->set_period(period);
        cell->set_scope(scope);
        cell->set_breakdown(br.name);
        for (size_t i = 0; i < br.dims.size(); ++i) {
          const DimensionPlan& dim = side.dims[br.dims[i]];
          v1::CellCoordinate* coord = cell->add_coordinates();
          coord->set_dimension(dim.id);
          coord->set_value(digits[i] == dim.unknown() ? "unknown" : dim.values[digits[i]]);
        }
        FillCell(slot, c, b, digits, num, den, cell);
        if (partial) cell->add_flags(v1::PARTIAL_PERIOD);
      }
    }
  }

  void FillCell(int slot, size_t c, size_t breakdown, const std::vector<int32_t>& digits,
                const SideValues& num, const SideValues* den, v1::Cell* cell) const {
    const SidePlan& side = plan_.value;
    const size_t at = static_cast<size_t>(slot) * side.cell_count + c;
    const AggregateFunction fn = side.function;
    cell->set_units(num.units[at]);
    int64_t not_yet_observable = num.not_yet_observable[at];
    std::optional<double> value;
    if (plan_.measure == MeasureKind::kValue) {
      if (num.present[at]) value = num.value[at];
      if (fn == AggregateFunction::kMean) {
        cell->set_numerator(num.sum[at]);
        cell->set_denominator(static_cast<double>(num.count[at]));
      } else if (fn == AggregateFunction::kCount || fn == AggregateFunction::kCountDistinct ||
                 fn == AggregateFunction::kSum) {
        cell->set_numerator(num.value[at]);
      }
    } else {
      // The denominator cell: the same slot, over the dimensions it has.
      const size_t dat =
          static_cast<size_t>(slot) * plan_.denominator.cell_count + DenominatorCell(breakdown, digits);
      // Records not yet observable leave both sides; the denominator's are
      // the ones the percentage is missing.
      not_yet_observable = std::max(not_yet_observable, den->not_yet_observable[dat]);
      if (num.present[at]) cell->set_numerator(num.value[at]);
      if (den->present[dat]) cell->set_denominator(den->value[dat]);
      if (!den->present[dat] || den->value[dat] == 0) {
        cell->add_flags(v1::NO_DENOMINATOR);
      } else if (num.present[at]) {
        value = plan_.factor * num.value[at] / den->value[dat];
      }
    }
    if (not_yet_observable > 0) {
      cell->add_flags(v1::NOT_YET_OBSERVABLE);
      cell->set_not_yet_observable(not_yet_observable);
    }
    if (value && plan_.relative_change) {
      if (*plan_.baseline == 0) {
        value.reset();
      } else {
        value = 100 * (*value - *plan_.baseline) / *plan_.baseline;
      }
    }
    if (value && std::isfinite(*value)) {
      cell->set_status(v1::PRESENT);
      cell->set_value(*value);
    } else {
      cell->set_status(v1::MISSING);
    }
  }

  const IndicatorPlan& plan_;
  const Span& span_;
};

}  // namespace
}  // namespace internal

namespace {

// `status` with the indicator it arose in prefixed to its message.
absl::Status Named(const internal::IndicatorPlan& ip, const absl::Status& status) {
  return absl::Status(status.code(),
                      absl::StrCat("indicator '", ip.proto->id(), "': ", status.message()));
}

}  // namespace

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
  const Date as_of = options.as_of.value_or(std::min(internal::Today(), project_last_day));
  if (as_of < fw.project_start) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the as-of date ", as_of.ToIsoString(), " is before the project start ",
        fw.project_start.ToIsoString(), ": there is nothing to compute yet"));
  }
  const Date range_end = std::min(as_of.AddDays(1), fw.project_end);
  std::vector<PeriodKind> extra_kinds;
  for (const std::string& name : options.period_types) {
    v1::PeriodType type;
    std::optional<PeriodKind> kind;
    if (v1::PeriodType_Parse(name, &type)) kind = internal::KindOf(type, fw.fiscal_year_start_month);
    if (!kind) {
      return absl::InvalidArgumentError(absl::StrCat(
          "unknown period type '", name, "': use DAILY, WEEKLY, MONTHLY, QUARTERLY, SIX_MONTHLY, "
          "SIX_MONTHLY_APRIL, YEARLY, FINANCIAL_YEAR or FINANCIAL_QUARTER"));
    }
    extra_kinds.push_back(*kind);
  }

  internal::EvalContext context(data, as_of);
  internal::InputCache cache(context);
  auto report = std::make_shared<v1::Report>();
  report->set_project_id(fw.proto.project().id());
  report->set_as_of(as_of.ToIsoString());
  report->set_ctind_version(CTIND_VERSION_STRING);
  report->set_protection(v1::RAW);
  report->set_language(fw.proto.project().default_language().empty()
                           ? "en" : fw.proto.project().default_language());
  for (const v1::Finding& f : data.findings) *report->add_findings() = f;
  for (const internal::IndicatorPlan& ip : rep.indicators) {
    v1::IndicatorResult* out = report->add_indicators();
    out->set_indicator_id(ip.proto->id());
    out->set_code(ip.proto->code());
    out->set_title(ip.proto->title());
    out->set_unit(ip.proto->unit());
  }
  // Indicators are computed table by table (results stay in framework
  // order), and a table's cached inputs are released after the last
  // indicator reading it, so that the working memory is that of one table
  // at a time rather than of the whole dataset.
  std::vector<size_t> order(rep.indicators.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return rep.indicators[a].value.table < rep.indicators[b].value.table;
  });
  std::vector<size_t> last_reader(data.tables.size(), 0);
  for (size_t position = 0; position < order.size(); ++position) {
    const internal::IndicatorPlan& ip = rep.indicators[order[position]];
    if (!ip.computed) continue;
    last_reader[ip.value.table] = position;
    if (ip.measure == internal::MeasureKind::kRatio) last_reader[ip.denominator.table] = position;
  }
  std::vector<std::vector<v1::Finding>> indicator_findings(rep.indicators.size());
  for (size_t position = 0; position < order.size(); ++position) {
    const internal::IndicatorPlan& ip = rep.indicators[order[position]];
    v1::IndicatorResult* out = report->mutable_indicators(static_cast<int>(order[position]));
    std::vector<v1::Finding>& findings = indicator_findings[order[position]];
    absl::Cleanup release = [&] {
      for (size_t t = 0; t < last_reader.size(); ++t) {
        if (last_reader[t] == position) cache.ReleaseTable(static_cast<int>(t));
      }
    };
    if (!ip.computed) continue;
    absl::StatusOr<internal::SideInputs> num_inputs =
        internal::LoadInputs(ip.value, data.tables[ip.value.table], cache);
    if (!num_inputs.ok()) return Named(ip, num_inputs.status());
    absl::StatusOr<internal::SideInputs> den_inputs = internal::SideInputs();
    if (ip.measure == internal::MeasureKind::kRatio) {
      den_inputs = internal::LoadInputs(ip.denominator, data.tables[ip.denominator.table], cache);
      if (!den_inputs.ok()) return Named(ip, den_inputs.status());
    }
    // The indicator's own frequency first (its life-of-project value and
    // counters come from it), then the other period types asked for.
    std::vector<PeriodKind> kinds = {ip.period_kind};
    for (const PeriodKind& k : extra_kinds) {
      if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) kinds.push_back(k);
    }
    internal::SideCounters counters;
    std::optional<internal::SideValues> lop_num, lop_den;
    std::vector<Period> lop_periods;
    for (size_t k = 0; k < kinds.size(); ++k) {
      absl::StatusOr<std::vector<Period>> periods =
          kinds[k].type == PeriodType::kCustom
              ? internal::CustomPeriodsOverlapping(fw.proto, fw.project_start, range_end)
              : PeriodsOverlapping(kinds[k], fw.project_start, range_end);
      if (!periods.ok()) return periods.status();
      internal::Span span{fw.project_start, fw.project_end, range_end, as_of, &*periods};
      span.tiling = kinds[k].type != PeriodType::kCustom;
      span.cumulative_reported = ip.cumulative;
      span.IndexDays();
      internal::SideValues num, den;
      internal::SideCounters side_counters, den_counters;
      absl::Status status = internal::SideEvaluator(ip.value, data.tables[ip.value.table],
                                                    *num_inputs, span, ip.proto->id())
                                .Run(&num, &side_counters);
      if (!status.ok()) return status;
      if (ip.measure == internal::MeasureKind::kRatio) {
        status = internal::SideEvaluator(ip.denominator, data.tables[ip.denominator.table],
                                         *den_inputs, span, ip.proto->id())
                     .Run(&den, &den_counters);
        if (!status.ok()) return status;
      }
      const internal::SideValues* den_ptr = ip.measure == internal::MeasureKind::kRatio ? &den : nullptr;
      internal::IndicatorEmitter(ip, span).EmitPeriods(num, den_ptr, out);
      if (k == 0) {
        counters = side_counters;
        lop_periods = *periods;
        lop_num = std::move(num);
        if (den_ptr != nullptr) lop_den = std::move(den);
      }
    }
    {
      internal::Span span{fw.project_start, fw.project_end, range_end, as_of, &lop_periods};
      span.tiling = ip.period_kind.type != PeriodType::kCustom;
      internal::IndicatorEmitter(ip, span).EmitLifeOfProject(*lop_num, lop_den ? &*lop_den : nullptr, out);
    }
    out->set_records_without_period(counters.without_period);
    out->set_records_after_as_of(counters.after_as_of);
    if (counters.without_period > 0) {
      v1::Finding* f = &findings.emplace_back();
      f->set_rule("no_placing_date");
      f->set_severity(v1::WARNING);
      f->set_indicator_id(ip.proto->id());
      f->set_table(data.tables[ip.value.table].table->name());
      f->set_count(counters.without_period);
      f->set_message(absl::StrCat(counters.without_period,
                                  " records have no valid placing date and are in no period of "
                                  "indicator '", ip.proto->id(), "'"));
    }
    if (counters.invalid_interval > 0) {
      v1::Finding* f = &findings.emplace_back();
      f->set_rule("invalid_interval");
      f->set_severity(v1::WARNING);
      f->set_indicator_id(ip.proto->id());
      f->set_table(data.tables[ip.value.table].table->name());
      f->set_count(counters.invalid_interval);
      f->set_message(absl::StrCat(counters.invalid_interval,
                                  " records close before they open and are left out of stock "
                                  "indicator '", ip.proto->id(), "'"));
    }
  }
  for (std::vector<v1::Finding>& findings : indicator_findings) {
    for (v1::Finding& f : findings) *report->add_findings() = std::move(f);
  }
  if (absl::Status status = AddReportedActuals(plan.framework(), report.get()); !status.ok()) {
    return status;
  }
  return Results(std::move(report));
}

}  // namespace ctind
