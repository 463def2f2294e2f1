// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "disclosure/figure_model.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/strings.h"
#include "ctind/date.h"

namespace ctind {
namespace internal {

const char* FigureKindName(FigureKind kind) {
  switch (kind) {
    case FigureKind::kUnits: return "units";
    case FigureKind::kNumerator: return "numerator";
    case FigureKind::kDenominator: return "denominator";
    case FigureKind::kComplement: return "complement";
  }
  return "?";
}

namespace {

constexpr int32_t kExcluded = -1;

// One (scope, period) of the report: the date range its values cover.
struct Slot {
  v1::Scope scope = v1::SCOPE_UNSPECIFIED;
  std::string period;
  int type = -1;  // index into Layout::types; -1 for the life of project
  // Observed range [start, end) in day numbers, and the period's own bounds.
  int32_t start = 0, end = 0;
  int32_t period_start = 0, period_end = 0;
};

struct Layout {
  std::vector<Slot> slots;
  std::vector<v1::PeriodType> types;  // in order of appearance; the first is the own frequency
  int lop_slot = -1;
  // For a "latest value" life of project: the latest period of the own
  // frequency whose cells show exactly the life-of-project cells' numbers
  // (the period the engine took them from), or -1.
  int latest_period_slot = -1;
  // Per type: its period slots in order, and the cumulative slot of each
  // (-1 when the indicator reports none).
  std::vector<std::vector<int>> period_slots;
  std::vector<std::vector<int>> cumulative_slots;
};

struct ParsedCell {
  int slot = -1;
  int breakdown = -1;
  std::vector<int32_t> digits;
  int64_t cell = 0;      // numerator side's global cell id
  int64_t den_cell = -1;  // denominator side's, for ratios
};

absl::StatusOr<int32_t> DayOf(const std::string& iso, const std::string& what) {
  std::optional<Date> d = Date::ParseIso(iso);
  if (!d) return absl::InvalidArgumentError(absl::StrCat("the results have an invalid ", what, " date ", Quoted(iso)));
  return d->day_number();
}

absl::StatusOr<Layout> ReadLayout(const v1::IndicatorResult& ir) {
  Layout out;
  struct PeriodDates {
    v1::PeriodType type;
    int32_t start, end;
  };
  std::map<std::string, PeriodDates> periods;
  std::optional<std::pair<int32_t, int32_t>> lop;
  for (const v1::ReportPeriod& p : ir.periods()) {
    absl::StatusOr<int32_t> start = DayOf(p.start(), "period start");
    if (!start.ok()) return start.status();
    absl::StatusOr<int32_t> end = DayOf(p.end(), "period end");
    if (!end.ok()) return end.status();
    if (p.id() == "LOP") {
      lop = {*start, *end};
      continue;
    }
    periods[p.id()] = {p.type(), *start, *end};
    if (std::find(out.types.begin(), out.types.end(), p.type()) == out.types.end()) {
      out.types.push_back(p.type());
    }
  }
  if (!lop) return absl::InvalidArgumentError("the results have no life-of-project period");
  const int32_t project_start = lop->first, range_end = lop->second;
  out.period_slots.resize(out.types.size());
  out.cumulative_slots.resize(out.types.size());
  std::map<std::pair<int, std::string>, int> index;
  for (const v1::Cell& c : ir.cells()) {
    auto key = std::make_pair(static_cast<int>(c.scope()), c.period());
    if (index.count(key)) continue;
    Slot s;
    s.scope = c.scope();
    s.period = c.period();
    if (c.scope() == v1::SCOPE_LIFE_OF_PROJECT) {
      s.start = project_start;
      s.end = range_end;
      s.period_start = project_start;
      s.period_end = range_end;
    } else {
      auto it = periods.find(c.period());
      if (it == periods.end()) {
        return absl::InvalidArgumentError(absl::StrCat("a cell names period ", Quoted(c.period()),
                                                       ", which the results do not list"));
      }
      s.type = static_cast<int>(std::find(out.types.begin(), out.types.end(), it->second.type) -
                                out.types.begin());
      s.period_start = it->second.start;
      s.period_end = it->second.end;
      s.start = c.scope() == v1::SCOPE_CUMULATIVE ? project_start : std::max(it->second.start, project_start);
      s.end = std::min(it->second.end, range_end);
    }
    const int id = static_cast<int>(out.slots.size());
    index[key] = id;
    out.slots.push_back(s);
    if (s.type < 0) {
      out.lop_slot = id;
    } else if (s.scope == v1::SCOPE_PERIOD) {
      out.period_slots[s.type].push_back(id);
    }
  }
  for (size_t t = 0; t < out.types.size(); ++t) {
    for (int p : out.period_slots[t]) {
      auto it = index.find({static_cast<int>(v1::SCOPE_CUMULATIVE), out.slots[p].period});
      out.cumulative_slots[t].push_back(it == index.end() ? -1 : it->second);
    }
  }
  if (!out.period_slots.empty() && out.lop_slot >= 0) {
    // The numbers of each slot's cells, by breakdown and coordinates.
    std::map<int, std::map<std::string, std::string>> numbers;
    for (const v1::Cell& c : ir.cells()) {
      std::string key = c.breakdown();
      for (const v1::CellCoordinate& k : c.coordinates()) absl::StrAppend(&key, "|", k.value());
      std::string value = absl::StrCat(c.status(), "|", c.has_value() ? absl::StrCat(c.value()) : "-", "|",
                                       c.has_numerator() ? absl::StrCat(c.numerator()) : "-", "|",
                                       c.has_denominator() ? absl::StrCat(c.denominator()) : "-", "|",
                                       c.has_units() ? absl::StrCat(c.units()) : "-");
      numbers[index.at({static_cast<int>(c.scope()), c.period()})][key] = value;
    }
    const std::vector<int>& own = out.period_slots[0];
    for (auto it = own.rbegin(); it != own.rend(); ++it) {
      if (numbers[*it] == numbers[out.lop_slot]) {
        out.latest_period_slot = *it;
        break;
      }
    }
  }
  return out;
}

int32_t YearOfDay(int32_t day) { return Date::FromDayNumber(day).year(); }

// Slots whose values are identical by construction on a side share a class
// (the class is named by its first slot).
std::vector<int> SlotClasses(const Layout& layout, PlacementInfo placement, bool lop_latest) {
  const size_t n = layout.slots.size();
  std::vector<int> out(n);
  // A "latest value" life of project is a period's, whatever the placement.
  const bool copy = lop_latest && layout.lop_slot >= 0 && layout.latest_period_slot >= 0;
  std::map<std::tuple<int64_t, int64_t>, int> seen;
  for (size_t i = 0; i < n; ++i) {
    if (copy && static_cast<int>(i) == layout.lop_slot) continue;
    const Slot& s = layout.slots[i];
    std::tuple<int64_t, int64_t> key;
    switch (placement) {
      case PlacementInfo::kFlow:
      case PlacementInfo::kStockDuring:
        key = {s.start, s.end};
        break;
      case PlacementInfo::kStockAtEnd:
        key = {s.end - 1, 0};  // active on the last observed day
        break;
      case PlacementInfo::kYear: {
        // The engine's years of a slot (evaluate.cc, RunYearly).
        const int32_t from = s.scope == v1::SCOPE_PERIOD ? s.period_start : s.start;
        const int32_t to = s.scope == v1::SCOPE_PERIOD ? s.period_end : s.end;
        const int32_t first = YearOfDay(from);
        key = {first, to - from <= 366 ? first : YearOfDay(to - 1)};
        break;
      }
    }
    auto [it, inserted] = seen.emplace(key, static_cast<int>(i));
    out[i] = it->second;
  }
  if (copy) out[layout.lop_slot] = out[layout.latest_period_slot];
  return out;
}

// The classes an axis's dimensions put its atoms in. An axis is one input
// (a code, a number); its atoms are the finest distinctions any of its
// dimensions makes, plus "missing".
struct Axis {
  std::string source;
  std::vector<int> dims;  // side dimension indexes on this axis
  // For each side dimension on the axis: its class of each atom (a value
  // index, values.size() for unknown, or kExcluded).
  std::map<int, std::vector<int32_t>> classes;
  size_t atoms = 0;
};

int32_t Restricted(const DimensionInfo& dim, int32_t derived) {
  if (derived < 0) return static_cast<int32_t>(dim.values.size());
  if (dim.derived_to_value.empty()) return derived;
  if (derived >= static_cast<int32_t>(dim.derived_to_value.size())) return kExcluded;
  return dim.derived_to_value[derived] < 0 ? kExcluded : dim.derived_to_value[derived];
}

std::vector<Axis> MakeAxes(const SideInfo& side) {
  std::vector<Axis> axes;
  for (size_t d = 0; d < side.dims.size(); ++d) {
    const DimensionInfo& dim = side.dims[d];
    const std::string source = absl::StrCat(static_cast<int>(dim.shape), "|", dim.source);
    auto it = std::find_if(axes.begin(), axes.end(), [&](const Axis& a) { return a.source == source; });
    if (it == axes.end()) {
      axes.push_back(Axis{source, {}, {}, 0});
      it = axes.end() - 1;
    }
    it->dims.push_back(static_cast<int>(d));
  }
  for (Axis& axis : axes) {
    const DimensionInfo& first = side.dims[axis.dims[0]];
    if (first.shape == DimensionShape::kCategories) {
      size_t codes = 0;
      for (int d : axis.dims) codes = std::max(codes, side.dims[d].code_to_derived.size());
      axis.atoms = codes + 1;  // the codes, then missing
      for (int d : axis.dims) {
        const DimensionInfo& dim = side.dims[d];
        std::vector<int32_t>& cls = axis.classes[d];
        for (size_t a = 0; a < codes; ++a) {
          cls.push_back(Restricted(dim, a < dim.code_to_derived.size() ? dim.code_to_derived[a] : -1));
        }
        cls.push_back(static_cast<int32_t>(dim.values.size()));
      }
      continue;
    }
    // Bands: one sample value per elementary interval between all bounds.
    std::set<double> bounds;
    for (int d : axis.dims) bounds.insert(side.dims[d].bounds.begin(), side.dims[d].bounds.end());
    std::vector<double> samples;
    const bool lower = first.shape == DimensionShape::kLowerBounds;
    if (bounds.empty()) {
      samples.push_back(0);
    } else if (lower) {
      samples.push_back(*bounds.begin() - 1);  // below every band: unknown
      samples.insert(samples.end(), bounds.begin(), bounds.end());
    } else {
      samples.insert(samples.end(), bounds.begin(), bounds.end());
      samples.push_back(*bounds.rbegin() + 1);  // above every bound: the last band
    }
    axis.atoms = samples.size() + 1;
    for (int d : axis.dims) {
      const DimensionInfo& dim = side.dims[d];
      const std::vector<double>& b = dim.bounds;
      std::vector<int32_t>& cls = axis.classes[d];
      for (double x : samples) {
        int32_t derived;
        if (lower) {
          derived = static_cast<int32_t>(std::upper_bound(b.begin(), b.end(), x) - b.begin()) - 1;
        } else {
          derived = static_cast<int32_t>(std::lower_bound(b.begin(), b.end(), x) - b.begin());
        }
        cls.push_back(Restricted(dim, derived));
      }
      cls.push_back(static_cast<int32_t>(dim.values.size()));
    }
  }
  return axes;
}

// A margin cell of one breakdown and the member cells of a finer one, on
// the same side, in any slot.
struct BreakdownTemplate {
  int64_t margin = 0;  // global cell ids
  std::vector<int64_t> inside, partial;
  bool additive_structure = true;  // each record in at most one member
  bool covering = true;
};

// Decodes local cell `local` of `br` into one digit per dimension.
std::vector<int32_t> Digits(const SideInfo& side, const BreakdownInfo& br, int64_t local) {
  std::vector<int32_t> digits(br.dims.size());
  for (size_t i = br.dims.size(); i-- > 0;) {
    const int64_t radix = static_cast<int64_t>(side.dims[br.dims[i]].values.size()) + 1;
    digits[i] = static_cast<int32_t>(local % radix);
    local /= radix;
  }
  return digits;
}

std::vector<BreakdownTemplate> BreakdownTemplates(const SideInfo& side) {
  const std::vector<Axis> axes = MakeAxes(side);
  std::vector<int> axis_of(side.dims.size(), -1);
  for (size_t a = 0; a < axes.size(); ++a) {
    for (int d : axes[a].dims) axis_of[d] = static_cast<int>(a);
  }
  // Each breakdown's dimension on each axis (-1: the whole axis); a
  // breakdown with two dimensions on one axis takes part in no relation.
  std::vector<std::vector<int>> position(side.breakdowns.size(), std::vector<int>(axes.size(), -1));
  std::vector<bool> usable(side.breakdowns.size(), true);
  for (size_t b = 0; b < side.breakdowns.size(); ++b) {
    for (int d : side.breakdowns[b].dims) {
      int& p = position[b][axis_of[d]];
      if (p >= 0) usable[b] = false;
      p = d;
    }
  }
  std::vector<BreakdownTemplate> out;
  for (size_t b1 = 0; b1 < side.breakdowns.size(); ++b1) {
    for (size_t b2 = 0; b2 < side.breakdowns.size(); ++b2) {
      if (b1 == b2 || !usable[b1] || !usable[b2]) continue;
      // b2 must classify every axis b1 classifies.
      bool finer = true;
      for (size_t a = 0; a < axes.size(); ++a) {
        if (position[b1][a] >= 0 && position[b2][a] < 0) finer = false;
      }
      if (!finer) continue;
      const BreakdownInfo& br1 = side.breakdowns[b1];
      const BreakdownInfo& br2 = side.breakdowns[b2];
      bool additive = true;
      for (size_t a = 0; a < axes.size(); ++a) {
        const int d2 = position[b2][a];
        if (d2 >= 0 && d2 != position[b1][a] && side.dims[d2].multi_valued) additive = false;
      }
      // The classes of a cell on each axis (-1 on an axis it does not
      // classify: every atom).
      auto class_on = [&](size_t b, const std::vector<int32_t>& digits, size_t a) -> int32_t {
        const int d = position[b][a];
        if (d < 0) return -1;
        const std::vector<int>& dims = side.breakdowns[b].dims;
        return digits[std::find(dims.begin(), dims.end(), d) - dims.begin()];
      };
      std::vector<std::vector<int32_t>> digits2(static_cast<size_t>(br2.cell_count));
      for (int64_t l2 = 0; l2 < br2.cell_count; ++l2) digits2[l2] = Digits(side, br2, l2);
      for (int64_t l1 = 0; l1 < br1.cell_count; ++l1) {
        const std::vector<int32_t> digits1 = Digits(side, br1, l1);
        BreakdownTemplate t;
        t.margin = br1.first_cell + l1;
        t.additive_structure = additive;
        // Covering: no atom of the margin is left out of every member.
        for (size_t a = 0; a < axes.size() && t.covering; ++a) {
          const int d1 = position[b1][a], d2 = position[b2][a];
          if (d2 < 0 || d1 == d2) continue;
          const std::vector<int32_t>& cls2 = axes[a].classes.at(d2);
          if (side.dims[d2].multi_valued) {
            // A record whose codes are all left out is in no member.
            for (int32_t c : cls2) t.covering = t.covering && c != kExcluded;
            continue;
          }
          const int32_t c1 = class_on(b1, digits1, a);
          for (size_t atom = 0; atom < axes[a].atoms; ++atom) {
            const bool in_margin = c1 < 0 || axes[a].classes.at(d1)[atom] == c1;
            if (in_margin && cls2[atom] == kExcluded) t.covering = false;
          }
        }
        for (int64_t l2 = 0; l2 < br2.cell_count; ++l2) {
          bool inside = true, meets = true;
          for (size_t a = 0; a < axes.size() && meets; ++a) {
            const int d1 = position[b1][a], d2 = position[b2][a];
            if (d2 < 0) continue;
            const int32_t c1 = class_on(b1, digits1, a);
            const int32_t c2 = class_on(b2, digits2[l2], a);
            if (d1 == d2) {
              if (c1 != c2) meets = false;
              continue;
            }
            const std::vector<int32_t>& cls2 = axes[a].classes.at(d2);
            const std::vector<int32_t>* cls1 = d1 >= 0 ? &axes[a].classes.at(d1) : nullptr;
            const int32_t unknown1 = d1 >= 0 ? static_cast<int32_t>(side.dims[d1].values.size()) : -2;
            const int32_t unknown2 = static_cast<int32_t>(side.dims[d2].values.size());
            // Over atoms: some atom is in both classes; every atom of the
            // member's class is in the margin's; an atom is unknown to one
            // and in the other's class.
            bool common = false, contained = true, member_atom_unknown_to_margin = false,
                 margin_atom_unknown_to_member = false;
            for (size_t atom = 0; atom < axes[a].atoms; ++atom) {
              const bool in1 = cls1 == nullptr || (*cls1)[atom] == c1;
              const bool in2 = cls2[atom] == c2;
              common = common || (in1 && in2);
              if (in2 && !in1) contained = false;
              if (in2 && cls1 != nullptr && (*cls1)[atom] == unknown1) member_atom_unknown_to_margin = true;
              if (in1 && cls2[atom] == unknown2) margin_atom_unknown_to_member = true;
            }
            if (!side.dims[d2].multi_valued) {
              // A record has one atom: classes share records iff they share atoms.
              meets = common;
              inside = inside && contained;
              continue;
            }
            // A record holds a set of codes; it is in the class of each code,
            // and `unknown` when no code has a class.
            if (cls1 == nullptr) continue;  // the margin holds every record
            if (c1 != unknown1 && c2 == unknown2) meets = margin_atom_unknown_to_member;
            if (c1 == unknown1 && c2 != unknown2) meets = member_atom_unknown_to_margin;
            // A record of a known member class may hold other codes: it is
            // surely in the margin only when the margin is a known class
            // holding every code of the member's class.
            const bool surely = c1 != unknown1 ? (c2 != unknown2 && contained) : (c2 == unknown2 && contained);
            inside = inside && surely;
          }
          if (!meets) continue;
          (inside ? t.inside : t.partial).push_back(br2.first_cell + l2);
        }
        if (t.inside.empty() && t.partial.empty()) continue;
        out.push_back(std::move(t));
      }
    }
  }
  return out;
}

// A margin slot class and the member slot classes of one period type.
struct TimeTemplate {
  int margin = 0;
  std::vector<int> inside, partial;
};

struct TimeStructure {
  std::vector<TimeTemplate> groups;
  // Unions of periods of two types over the same dates (additive only).
  std::vector<std::pair<std::vector<int>, std::vector<int>>> blocks;
  // Inner ⊂ outer, for figures that grow with their date range.
  std::vector<std::pair<int, int>> containment;
};

TimeStructure TimeTemplates(const Layout& layout, const std::vector<int>& cls) {
  TimeStructure out;
  std::vector<int> classes;
  for (size_t i = 0; i < cls.size(); ++i) {
    if (cls[i] == static_cast<int>(i)) classes.push_back(static_cast<int>(i));
  }
  auto range = [&](int c) { return std::make_pair(layout.slots[c].start, layout.slots[c].end); };
  std::set<std::tuple<int, std::vector<int>, std::vector<int>>> seen;
  auto add = [&](TimeTemplate t) {
    std::sort(t.inside.begin(), t.inside.end());
    t.inside.erase(std::unique(t.inside.begin(), t.inside.end()), t.inside.end());
    std::sort(t.partial.begin(), t.partial.end());
    t.partial.erase(std::unique(t.partial.begin(), t.partial.end()), t.partial.end());
    if (t.partial.empty() && t.inside.size() == 1 && t.inside[0] == t.margin) return;
    if (!seen.insert({t.margin, t.inside, t.partial}).second) return;
    out.groups.push_back(std::move(t));
  };
  for (size_t type = 0; type < layout.types.size(); ++type) {
    if (layout.types[type] == v1::CUSTOM) continue;  // custom periods need not tile
    for (int m : classes) {
      const auto [ms, me] = range(m);
      TimeTemplate t;
      t.margin = m;
      for (int p : layout.period_slots[type]) {
        const auto [ps, pe] = range(p);
        if (pe <= ms || ps >= me) continue;
        (ps >= ms && pe <= me ? t.inside : t.partial).push_back(cls[p]);
      }
      if (t.inside.empty() && t.partial.empty()) continue;
      add(std::move(t));
    }
    // Cumulative values: the previous one plus the period.
    const std::vector<int>& cum = layout.cumulative_slots[type];
    for (size_t p = 0; p < cum.size(); ++p) {
      if (cum[p] < 0) continue;
      TimeTemplate t;
      t.margin = cls[cum[p]];
      t.inside.push_back(cls[layout.period_slots[type][p]]);
      if (p > 0 && cum[p - 1] >= 0) t.inside.push_back(cls[cum[p - 1]]);
      add(std::move(t));
    }
  }
  // Blocks: between two tiling types, the periods between consecutive
  // boundaries they share cover the same dates.
  for (size_t t1 = 0; t1 < layout.types.size(); ++t1) {
    for (size_t t2 = t1 + 1; t2 < layout.types.size(); ++t2) {
      if (layout.types[t1] == v1::CUSTOM || layout.types[t2] == v1::CUSTOM) continue;
      std::set<int32_t> b1, b2;
      for (int p : layout.period_slots[t1]) b1.insert({layout.slots[p].start, layout.slots[p].end});
      for (int p : layout.period_slots[t2]) b2.insert({layout.slots[p].start, layout.slots[p].end});
      std::vector<int32_t> common;
      std::set_intersection(b1.begin(), b1.end(), b2.begin(), b2.end(), std::back_inserter(common));
      for (size_t i = 0; i + 1 < common.size(); ++i) {
        std::vector<int> left, right;
        for (int p : layout.period_slots[t1]) {
          if (layout.slots[p].start >= common[i] && layout.slots[p].end <= common[i + 1]) left.push_back(cls[p]);
        }
        for (int p : layout.period_slots[t2]) {
          if (layout.slots[p].start >= common[i] && layout.slots[p].end <= common[i + 1]) right.push_back(cls[p]);
        }
        // A block that is one period of either type is a group above.
        if (left.size() > 1 && right.size() > 1) out.blocks.push_back({left, right});
      }
    }
  }
  // Containment between date ranges: each class and the smallest classes
  // containing it.
  for (int inner : classes) {
    const auto [is, ie] = range(inner);
    std::vector<int> outers;
    for (int outer : classes) {
      if (outer == inner) continue;
      const auto [os, oe] = range(outer);
      if (os <= is && ie <= oe) outers.push_back(outer);
    }
    for (int o : outers) {
      bool minimal = true;
      for (int z : outers) {
        if (z == o) continue;
        const auto [zs, ze] = range(z);
        const auto [os, oe] = range(o);
        if (os <= zs && ze <= oe && (zs != os || ze != oe)) minimal = false;
      }
      if (minimal) out.containment.push_back({inner, o});
    }
  }
  return out;
}

// What a kind of figure counts and how it adds up.
struct KindTraits {
  FigureKind kind;
  bool denominator_side = false;  // identified by the denominator's cells
  bool is_protected = false;
  bool decides = false;
  bool records = false;   // counts records (each in one place) rather than keys
  bool monotone = true;
  bool has_relations = true;
};

bool SameRecords(const SideInfo& a, const SideInfo& b) {
  return a.table == b.table && a.placement == b.placement && a.placing == b.placing &&
         a.opened == b.opened && a.closed == b.closed && a.window_days == b.window_days &&
         a.window_months == b.window_months;
}

// The numerator counts a subset of the denominator's units, cell by cell:
// the same table, placement and kind of count, and every filter of the
// denominator also filters the numerator.
bool NumeratorIsSubset(const IndicatorInfo& info) {
  if (!info.ratio) return false;
  const SideInfo& n = info.value;
  const SideInfo& d = info.denominator;
  if (!SameRecords(n, d)) return false;
  const bool counts = (n.function == AggregateInfo::kCount && d.function == AggregateInfo::kCount) ||
                      (n.function == AggregateInfo::kCountDistinct &&
                       d.function == AggregateInfo::kCountDistinct && n.value == d.value);
  if (!counts) return false;
  std::multiset<std::string> nf(n.filters.begin(), n.filters.end());
  for (const std::string& f : d.filters) {
    auto it = nf.find(f);
    if (it == nf.end()) return false;
    nf.erase(it);
  }
  // The same cells on both sides.
  if (n.dims.size() != d.dims.size()) return false;
  for (size_t i = 0; i < info.denominator_dim.size(); ++i) {
    if (info.denominator_dim[i] < 0) return false;
  }
  return true;
}

bool IsCount(AggregateInfo f) { return f == AggregateInfo::kCount || f == AggregateInfo::kCountDistinct; }

std::string ConstraintKey(const FigureConstraint& c) {
  std::string key = c.equality ? "=" : "<";
  for (const auto& [f, coefficient] : c.terms) absl::StrAppend(&key, f, ":", coefficient, ",");
  return key;
}

class ModelBuilder {
 public:
  ModelBuilder(const IndicatorInfo& info, const v1::IndicatorResult& raw, int k)
      : info_(info), raw_(raw) {
    model_.indicator_id = info.id;
    model_.min_cell_size = k;
  }

  absl::StatusOr<IndicatorModel> Build() {
    absl::StatusOr<Layout> layout = ReadLayout(raw_);
    if (!layout.ok()) return layout.status();
    layout_ = *std::move(layout);
    absl::Status status = ParseCells();
    if (!status.ok()) return status;
    num_classes_ = SlotClasses(layout_, info_.value.placement, info_.life_of_project_latest);
    if (info_.ratio) {
      den_classes_ = SlotClasses(layout_, info_.denominator.placement, info_.life_of_project_latest);
    }
    ChooseKinds();
    model_.cell_figures.assign(raw_.cells_size(), {});
    for (const KindTraits& kind : kinds_) MakeFigures(kind);
    for (const KindTraits& kind : kinds_) {
      if (kind.has_relations) Relate(kind);
    }
    RelateWithinCells();
    // Every relation holds for the raw figures, or the model is wrong.
    for (const FigureConstraint& c : model_.constraints) {
      double sum = 0;
      bool known = true;
      std::vector<std::string> terms;
      for (const auto& [f, coefficient] : c.terms) {
        known = known && model_.figures[f].has_raw;
        sum += coefficient * model_.figures[f].raw;
        terms.push_back(absl::StrCat(coefficient, "·", model_.figures[f].identity, "=", model_.figures[f].raw));
      }
      if (known && (c.equality ? std::fabs(sum) > 1e-9 : sum > 1e-9)) {
        return absl::InternalError(absl::StrCat("indicator ", Quoted(info_.id), ": a relation of the disclosure "
                                                "model does not hold for the raw results: ",
                                                absl::StrJoin(terms, " + "), c.equality ? " = 0" : " ≤ 0"));
      }
    }
    return std::move(model_);
  }

 private:
  const SideInfo& SideOf(const KindTraits& k) const { return k.denominator_side ? info_.denominator : info_.value; }
  const std::vector<int>& ClassesOf(const KindTraits& k) const {
    return k.denominator_side ? den_classes_ : num_classes_;
  }

  absl::Status ParseCells() {
    std::map<std::pair<int, std::string>, int> slot_index;
    for (size_t i = 0; i < layout_.slots.size(); ++i) {
      slot_index[{static_cast<int>(layout_.slots[i].scope), layout_.slots[i].period}] = static_cast<int>(i);
    }
    const SideInfo& side = info_.value;
    for (const v1::Cell& c : raw_.cells()) {
      ParsedCell pc;
      pc.slot = slot_index.at({static_cast<int>(c.scope()), c.period()});
      for (size_t b = 0; b < side.breakdowns.size(); ++b) {
        if (side.breakdowns[b].name == c.breakdown()) pc.breakdown = static_cast<int>(b);
      }
      if (pc.breakdown < 0) {
        return absl::InvalidArgumentError(absl::StrCat("indicator ", Quoted(info_.id), ": breakdown ",
                                                       Quoted(c.breakdown()), " is not the plan's"));
      }
      const BreakdownInfo& br = side.breakdowns[pc.breakdown];
      if (static_cast<size_t>(c.coordinates_size()) != br.dims.size()) {
        return absl::InvalidArgumentError(absl::StrCat("indicator ", Quoted(info_.id),
                                                       ": a cell of breakdown ", Quoted(br.name),
                                                       " has the wrong number of coordinates"));
      }
      int64_t local = 0;
      for (size_t i = 0; i < br.dims.size(); ++i) {
        const DimensionInfo& dim = side.dims[br.dims[i]];
        const std::string& v = c.coordinates(static_cast<int>(i)).value();
        int32_t digit = static_cast<int32_t>(dim.values.size());
        if (v != "unknown") {
          auto it = std::find(dim.values.begin(), dim.values.end(), v);
          if (it == dim.values.end()) {
            return absl::InvalidArgumentError(absl::StrCat("indicator ", Quoted(info_.id), ": ",
                                                           Quoted(v), " is not a value of dimension ",
                                                           Quoted(dim.id)));
          }
          digit = static_cast<int32_t>(it - dim.values.begin());
        }
        pc.digits.push_back(digit);
        local = local * static_cast<int64_t>(dim.values.size() + 1) + digit;
      }
      pc.cell = br.first_cell + local;
      if (info_.ratio) {
        const SideInfo& den = info_.denominator;
        const size_t b = static_cast<size_t>(pc.breakdown);
        if (b >= info_.denominator_breakdown.size() ||
            static_cast<size_t>(info_.denominator_breakdown[b]) >= den.breakdowns.size()) {
          return absl::InternalError(absl::StrCat("indicator ", Quoted(info_.id), ": no denominator breakdown"));
        }
        const BreakdownInfo& db = den.breakdowns[info_.denominator_breakdown[b]];
        int64_t dlocal = 0;
        size_t k = 0;
        for (size_t i = 0; i < br.dims.size(); ++i) {
          const size_t d = static_cast<size_t>(br.dims[i]);
          if (d >= info_.denominator_dim.size() || info_.denominator_dim[d] < 0) continue;
          if (k >= db.dims.size()) {
            return absl::InternalError(absl::StrCat("indicator ", Quoted(info_.id), ": denominator cells mismatch"));
          }
          dlocal = dlocal * static_cast<int64_t>(den.dims[db.dims[k]].values.size() + 1) + pc.digits[i];
          ++k;
        }
        pc.den_cell = db.first_cell + dlocal;
      }
      cells_.push_back(std::move(pc));
    }
    return absl::OkStatus();
  }

  std::optional<double> RawOf(FigureKind kind, const v1::Cell& c) const {
    switch (kind) {
      case FigureKind::kUnits:
        if (c.has_units()) return static_cast<double>(c.units());
        return std::nullopt;
      case FigureKind::kNumerator:
        if (c.has_numerator()) return c.numerator();
        return std::nullopt;
      case FigureKind::kDenominator:
        if (c.has_denominator()) return c.denominator();
        return std::nullopt;
      case FigureKind::kComplement:
        if (c.has_numerator() && c.has_denominator()) return c.denominator() - c.numerator();
        return std::nullopt;
    }
    return std::nullopt;
  }

  void ChooseKinds() {
    const SideInfo& num = info_.value;
    const bool latest = num.function == AggregateInfo::kLatest;
    KindTraits units{FigureKind::kUnits};
    units.is_protected = num.sensitive;
    units.decides = num.sensitive;
    units.records = !num.units_are_persons;
    units.has_relations = !latest;
    bool numerator_is_units = false;
    if (IsCount(num.function)) {
      // A count whose every cell equals its unit count is one figure.
      numerator_is_units = true;
      for (const v1::Cell& c : raw_.cells()) {
        if (RawOf(FigureKind::kNumerator, c) != RawOf(FigureKind::kUnits, c)) numerator_is_units = false;
      }
      if (numerator_is_units) {
        units.records = units.records || num.function == AggregateInfo::kCount;
      }
    }
    kinds_.push_back(units);
    if (IsCount(num.function) && !numerator_is_units) {
      KindTraits n{FigureKind::kNumerator};
      n.is_protected = num.sensitive;
      n.records = num.function == AggregateInfo::kCount;
      kinds_.push_back(n);
      units_bounded_by_numerator_ = num.function == AggregateInfo::kCount && num.units_are_persons;
    }
    numerator_kind_ = numerator_is_units ? FigureKind::kUnits : FigureKind::kNumerator;
    model_.numerator_is_units = numerator_is_units;
    subset_ = NumeratorIsSubset(info_);
    if (info_.ratio && IsCount(info_.denominator.function)) {
      KindTraits d{FigureKind::kDenominator};
      d.denominator_side = true;
      d.is_protected = info_.denominator.sensitive;
      d.decides = info_.denominator.sensitive && !subset_;
      d.records = info_.denominator.function == AggregateInfo::kCount;
      kinds_.push_back(d);
    } else if (!info_.ratio && num.function == AggregateInfo::kMean) {
      KindTraits d{FigureKind::kDenominator};
      d.is_protected = num.sensitive;
      d.records = true;  // the records with a value
      kinds_.push_back(d);
    }
    if (subset_) {
      KindTraits c{FigureKind::kComplement};
      c.is_protected = num.sensitive;
      c.decides = num.sensitive;
      c.records = num.function == AggregateInfo::kCount;
      c.monotone = c.records;
      kinds_.push_back(c);
    }
  }

  // The figure of `kind` for (slot class, side cell), creating it; latent
  // when no cell shows it.
  int FigureFor(const KindTraits& kind, int slot_class, int64_t cell) {
    auto key = std::make_tuple(static_cast<int>(kind.kind), slot_class, cell);
    auto it = figure_index_.find(key);
    if (it != figure_index_.end()) return it->second.front();
    const int id = NewFigure(kind, slot_class, cell);
    figure_index_[key].push_back(id);
    if (!kind.denominator_side) {
      // Cells the engine leaves out (an `unknown` that is zero in every
      // period) are known zeros.
      model_.figures[id].has_raw = true;
      model_.figures[id].raw = 0;
    }
    return id;
  }

  int NewFigure(const KindTraits& kind, int slot_class, int64_t cell) {
    Figure f;
    f.kind = kind.kind;
    f.is_protected = kind.is_protected;
    f.decides = kind.decides;
    f.identity = Identity(kind, slot_class, cell);
    model_.figures.push_back(f);
    return static_cast<int>(model_.figures.size()) - 1;
  }

  // Length-prefixed parts, so that no two identities run together.
  std::string Identity(const KindTraits& kind, int slot_class, int64_t cell) const {
    const SideInfo& side = SideOf(kind);
    const Slot& slot = layout_.slots[slot_class];
    std::vector<std::string> parts = {info_.id, FigureKindName(kind.kind), v1::Scope_Name(slot.scope),
                                      slot.period, kind.denominator_side ? "denominator" : "numerator"};
    for (const BreakdownInfo& b : side.breakdowns) {
      if (cell < b.first_cell || cell >= b.first_cell + b.cell_count) continue;
      parts.push_back(b.name);
      const std::vector<int32_t> digits = Digits(side, b, cell - b.first_cell);
      for (size_t i = 0; i < b.dims.size(); ++i) {
        const DimensionInfo& dim = side.dims[b.dims[i]];
        parts.push_back(dim.id);
        parts.push_back(digits[i] == static_cast<int32_t>(dim.values.size()) ? "unknown" : dim.values[digits[i]]);
      }
    }
    std::string out;
    for (const std::string& p : parts) absl::StrAppend(&out, p.size(), ":", p, ";");
    return out;
  }

  void MakeFigures(const KindTraits& kind) {
    const std::vector<int>& classes = ClassesOf(kind);
    for (int i = 0; i < raw_.cells_size(); ++i) {
      const ParsedCell& pc = cells_[i];
      const std::optional<double> value = RawOf(kind.kind, raw_.cells(i));
      if (!value) continue;
      auto key = std::make_tuple(static_cast<int>(kind.kind), classes[pc.slot],
                                 kind.denominator_side ? pc.den_cell : pc.cell);
      std::vector<int>& ids = figure_index_[key];
      int id = -1;
      for (int candidate : ids) {
        if (model_.figures[candidate].raw == *value) id = candidate;
      }
      if (id < 0) {
        // Values that differ are different figures, whatever their slots.
        id = NewFigure(kind, std::get<1>(key), std::get<2>(key));
        model_.figures[id].has_raw = true;
        model_.figures[id].raw = *value;
        ids.push_back(id);
      }
      model_.figures[id].cells.push_back(i);
      model_.cell_figures[i].push_back(id);
    }
  }

  void AddConstraint(FigureConstraint c) {
    std::map<int, int> merged;
    for (const auto& [f, coefficient] : c.terms) merged[f] += coefficient;
    c.terms.clear();
    for (const auto& [f, coefficient] : merged) {
      if (coefficient != 0) c.terms.push_back({f, coefficient});
    }
    if (c.terms.empty()) return;
    if (!constraint_keys_.insert(ConstraintKey(c)).second) return;
    model_.constraints.push_back(std::move(c));
  }

  void AddGroup(FigureGroup g) {
    std::sort(g.inside.begin(), g.inside.end());
    g.inside.erase(std::unique(g.inside.begin(), g.inside.end()), g.inside.end());
    std::sort(g.partial.begin(), g.partial.end());
    g.partial.erase(std::unique(g.partial.begin(), g.partial.end()), g.partial.end());
    if (g.partial.empty() && g.inside.size() == 1 && g.inside[0] == g.margin) return;
    // A relation the raw figures satisfy as an equality is one.
    const std::vector<Figure>& f = model_.figures;
    bool known = f[g.margin].has_raw;
    double inside = 0;
    for (int m : g.inside) {
      known = known && f[m].has_raw;
      inside += f[m].raw;
    }
    // Members inside a margin that they cover are a partition of it when
    // no unit counts in two of them; where the raw figures add up, an
    // attacker who assumes so (a distinct count by a person's own
    // attribute) is right.
    if (g.covering && g.partial.empty() && !g.inside.empty() &&
        (g.additive || (known && f[g.margin].raw == inside))) {
      g.equal = true;
    }
    const std::string key = absl::StrCat(g.margin, "|", absl::StrJoin(g.inside, ","), "|",
                                         absl::StrJoin(g.partial, ","), "|", g.equal);
    if (!group_keys_.insert(key).second) return;
    // The linear constraints of the group.
    if (g.equal) {
      FigureConstraint c;
      c.equality = true;
      c.terms.push_back({g.margin, -1});
      for (int m : g.inside) c.terms.push_back({m, 1});
      AddConstraint(std::move(c));
    } else {
      if (g.additive && !g.inside.empty()) {
        FigureConstraint c;
        c.terms.push_back({g.margin, -1});
        for (int m : g.inside) c.terms.push_back({m, 1});
        AddConstraint(std::move(c));
      } else if (!g.additive && g.monotone) {
        for (int m : g.inside) AddConstraint({{{m, 1}, {g.margin, -1}}, false});
      }
      // Not monotone (complements of distinct counts): a key may leave the
      // complement of a member reaching outside the margin, so only members
      // inside bound it.
      if (g.covering && (g.monotone || g.partial.empty())) {
        FigureConstraint c;
        c.terms.push_back({g.margin, 1});
        for (int m : g.inside) c.terms.push_back({m, -1});
        for (int m : g.partial) c.terms.push_back({m, -1});
        AddConstraint(std::move(c));
      }
    }
    model_.groups.push_back(std::move(g));
  }

  // Relations over breakdowns (within each slot class) and over time
  // (within each cell) between figures of `kind`.
  void Relate(const KindTraits& kind) {
    const SideInfo& side = SideOf(kind);
    const std::vector<int>& classes = ClassesOf(kind);
    std::vector<int> class_ids;
    for (size_t i = 0; i < classes.size(); ++i) {
      if (classes[i] == static_cast<int>(i)) class_ids.push_back(static_cast<int>(i));
    }
    // Figures of the side's cells that appear in the report.
    std::set<int64_t> side_cells;
    for (const ParsedCell& pc : cells_) side_cells.insert(kind.denominator_side ? pc.den_cell : pc.cell);
    const std::vector<BreakdownTemplate> breakdowns = BreakdownTemplates(side);
    for (const BreakdownTemplate& t : breakdowns) {
      for (int c : class_ids) {
        FigureGroup g;
        g.margin = FigureFor(kind, c, t.margin);
        for (int64_t m : t.inside) g.inside.push_back(FigureFor(kind, c, m));
        for (int64_t m : t.partial) g.partial.push_back(FigureFor(kind, c, m));
        g.additive = kind.records && t.additive_structure;
        g.covering = t.covering;
        g.monotone = kind.monotone;
        AddGroup(std::move(g));
      }
    }
    const PlacementInfo placement = side.placement;
    if (placement != PlacementInfo::kFlow && placement != PlacementInfo::kStockDuring) return;
    const bool additive = kind.records && placement == PlacementInfo::kFlow;
    const TimeStructure time = TimeTemplates(layout_, classes);
    int64_t total_cells = 0;
    for (const BreakdownInfo& b : side.breakdowns) total_cells = std::max(total_cells, b.first_cell + b.cell_count);
    for (int64_t cell = 0; cell < total_cells; ++cell) {
      // Side cells the report never reaches take part only through the
      // breakdown relations above (denominator cells of no numerator).
      if (!side_cells.count(cell) && kind.denominator_side) continue;
      for (const TimeTemplate& t : time.groups) {
        FigureGroup g;
        g.margin = FigureFor(kind, t.margin, cell);
        for (int m : t.inside) g.inside.push_back(FigureFor(kind, m, cell));
        for (int m : t.partial) g.partial.push_back(FigureFor(kind, m, cell));
        g.additive = additive;
        g.covering = true;
        g.monotone = kind.monotone;
        AddGroup(std::move(g));
      }
      if (additive) {
        for (const auto& [left, right] : time.blocks) {
          FigureConstraint c;
          c.equality = true;
          for (int s : left) c.terms.push_back({FigureFor(kind, s, cell), 1});
          for (int s : right) c.terms.push_back({FigureFor(kind, s, cell), -1});
          AddConstraint(std::move(c));
        }
      } else if (kind.monotone) {
        for (const auto& [inner, outer] : time.containment) {
          AddConstraint({{{FigureFor(kind, inner, cell), 1}, {FigureFor(kind, outer, cell), -1}}, false});
        }
      }
    }
  }

  // Within one cell: denominator = numerator + complement; persons ≤ records.
  void RelateWithinCells() {
    for (int i = 0; i < raw_.cells_size(); ++i) {
      auto find = [&](FigureKind k) {
        for (int f : model_.cell_figures[i]) {
          if (model_.figures[f].kind == k) return f;
        }
        return -1;
      };
      if (subset_) {
        const int n = find(numerator_kind_), d = find(FigureKind::kDenominator), c = find(FigureKind::kComplement);
        if (n >= 0 && d >= 0 && c >= 0) AddConstraint({{{d, 1}, {n, -1}, {c, -1}}, true});
      }
      if (units_bounded_by_numerator_) {
        const int u = find(FigureKind::kUnits), n = find(FigureKind::kNumerator);
        if (u >= 0 && n >= 0) AddConstraint({{{u, 1}, {n, -1}}, false});
      }
    }
  }

  const IndicatorInfo& info_;
  const v1::IndicatorResult& raw_;
  IndicatorModel model_;
  Layout layout_;
  std::vector<ParsedCell> cells_;
  std::vector<int> num_classes_, den_classes_;
  std::vector<KindTraits> kinds_;
  FigureKind numerator_kind_ = FigureKind::kNumerator;
  bool subset_ = false;
  bool units_bounded_by_numerator_ = false;
  std::map<std::tuple<int, int, int64_t>, std::vector<int>> figure_index_;
  std::set<std::string> constraint_keys_;
  std::set<std::string> group_keys_;
};

}  // namespace

IndicatorModel BuildReportedModel(const std::string& indicator_id, const v1::IndicatorResult& raw,
                                  bool sensitive, int k) {
  IndicatorModel model;
  model.indicator_id = indicator_id;
  model.min_cell_size = k;
  model.cell_figures.assign(raw.cells_size(), {});
  // Figures by (period of the entered value, breakdown, coordinates).
  std::map<std::string, int> index;
  // Per period: breakdown → (coordinates → figure).
  std::map<std::string, std::map<std::string, std::map<std::vector<std::string>, int>>> cells;
  for (int i = 0; i < raw.cells_size(); ++i) {
    const v1::Cell& c = raw.cells(i);
    if (!c.has_value() || c.reported().value_case() != v1::ReportedActual::kNumber) continue;
    const std::string& period = c.scope() == v1::SCOPE_LIFE_OF_PROJECT ? c.reported().period() : c.period();
    std::vector<std::string> coordinates;
    std::string identity;
    for (const std::string& part : {indicator_id, std::string("reported"), period, c.breakdown()}) {
      absl::StrAppend(&identity, part.size(), ":", part, ";");
    }
    for (const v1::CellCoordinate& k : c.coordinates()) {
      coordinates.push_back(absl::StrCat(k.dimension(), "=", k.value()));
      absl::StrAppend(&identity, coordinates.back().size(), ":", coordinates.back(), ";");
    }
    auto [it, added] = index.emplace(identity, static_cast<int>(model.figures.size()));
    if (added) {
      Figure f;
      f.kind = FigureKind::kNumerator;
      f.is_protected = sensitive;
      const double v = c.value();
      f.decides = sensitive && v >= 0 && std::floor(v) == v;
      f.has_raw = true;
      f.raw = v;
      f.identity = identity;
      model.figures.push_back(f);
      cells[period][c.breakdown()][coordinates] = it->second;
    }
    model.figures[it->second].cells.push_back(i);
    model.cell_figures[i].push_back(it->second);
  }
  // Relations where entered numbers add up.
  std::set<std::string> seen;
  auto relate = [&](int margin, const std::vector<int>& members) {
    double sum = 0;
    for (int m : members) sum += model.figures[m].raw;
    if (members.empty() || sum != model.figures[margin].raw) return;
    std::vector<int> sorted = members;
    std::sort(sorted.begin(), sorted.end());
    if (!seen.insert(absl::StrCat(margin, "|", absl::StrJoin(sorted, ","))).second) return;
    FigureGroup g;
    g.margin = margin;
    g.inside = sorted;
    g.equal = true;
    FigureConstraint c;
    c.equality = true;
    c.terms.push_back({margin, -1});
    for (int m : sorted) c.terms.push_back({m, 1});
    model.constraints.push_back(c);
    model.groups.push_back(std::move(g));
  };
  for (const auto& [period, breakdowns] : cells) {
    for (const auto& [name, members] : breakdowns) {
      if (name.empty()) continue;
      auto total = breakdowns.find("");
      if (total != breakdowns.end() && total->second.count({})) {
        std::vector<int> all;
        for (const auto& [coordinates, f] : members) all.push_back(f);
        relate(total->second.at({}), all);
      }
      // A one-way breakdown's cell and the cells of a cross with it.
      for (const auto& [one_way, one_cells] : breakdowns) {
        if (one_way.empty() || one_way == name || one_way.find(" x ") != std::string::npos) continue;
        for (const auto& [one_coordinates, margin] : one_cells) {
          std::vector<int> inside;
          for (const auto& [coordinates, f] : members) {
            if (coordinates.size() > 1 &&
                std::find(coordinates.begin(), coordinates.end(), one_coordinates[0]) != coordinates.end()) {
              inside.push_back(f);
            }
          }
          if (!inside.empty()) relate(margin, inside);
        }
      }
    }
  }
  return model;
}

absl::StatusOr<IndicatorModel> BuildIndicatorModel(const IndicatorInfo& info,
                                                   const v1::IndicatorResult& raw, int k) {
  return ModelBuilder(info, raw, k).Build();
}

}  // namespace internal
}  // namespace ctind
