// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Plan::Compile: resolves every computed indicator's names against the
// schema, collecting every problem with its place in the framework file.

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/strings.h"
#include "common/suggest.h"
#include "ctind/engine.h"
#include "engine/plan.h"
#include "model/model_internal.h"

namespace ctind {
namespace internal {
namespace {

std::vector<std::string> FieldNames(const v1::Table& table) {
  std::vector<std::string> names;
  for (const v1::Field& f : table.fields()) names.push_back(f.name());
  return names;
}

int FieldIndex(const v1::Table& table, std::string_view name) {
  for (int i = 0; i < table.fields_size(); ++i) {
    if (table.fields(i).name() == name) return i;
  }
  return -1;
}

std::string TypeNames(std::initializer_list<v1::FieldType> types) {
  std::vector<std::string> names;
  for (v1::FieldType t : types) names.push_back(v1::FieldType_Name(t));
  return absl::StrJoin(names, " or ");
}

constexpr int64_t kMaxCellsPerBreakdown = 1 << 20;

class Compiler {
 public:
  Compiler(const FrameworkRep& framework, const SchemaRep& schema, DiagnosticSink& sink)
      : fw_(framework), schema_(schema), sink_(sink) {}

  void Run(std::vector<IndicatorPlan>* out) {
    const v1::Framework& fw = fw_.proto;
    if (!fw.schema_id().empty() && fw.schema_id() != schema_.proto.id()) {
      sink_.Error("schema_id", absl::StrCat("the framework is written for schema ",
                                            Quoted(fw.schema_id()), " but schema ",
                                            Quoted(schema_.proto.id()), " was given"));
    }
    if (!fw.project().population_filter().empty()) {
      Unsupported("project.population_filter", "population filters");
    }
    for (int i = 0; i < fw.indicators_size(); ++i) {
      out->push_back(CompileIndicator(fw.indicators(i), absl::StrCat("indicators[", i, "]")));
    }
  }

 private:
  void Unsupported(const std::string& path, std::string_view what) {
    sink_.Error(path, absl::StrCat(Sv(what),
                                   " are not supported by this version of ctind's engine yet"));
  }

  // The field `name` of `table`, which must have one of `types`; -1 (and a
  // diagnostic) otherwise.
  int ResolveField(const v1::Table& table, const std::string& name, const std::string& path,
                   std::initializer_list<v1::FieldType> types, std::string_view role) {
    const int index = FieldIndex(table, name);
    if (index < 0) {
      sink_.Error(path, absl::StrCat("unknown field ", Quoted(name), " in table ",
                                     Quoted(table.name()), DidYouMean(name, FieldNames(table))));
      return -1;
    }
    const v1::FieldType type = table.fields(index).type();
    bool ok = types.size() == 0;
    for (v1::FieldType t : types) ok = ok || t == type;
    if (!ok) {
      sink_.Error(path, absl::StrCat(Sv(role), " ", Quoted(name), " is ", v1::FieldType_Name(type),
                                     "; it must be ", TypeNames(types)));
      return -1;
    }
    if (table.fields(index).multi_valued()) {
      sink_.Error(path, absl::StrCat(Sv(role), " ", Quoted(name), " must be single-valued"));
      return -1;
    }
    return index;
  }

  const v1::Table* ResolveTable(const std::string& name, const std::string& path) {
    const v1::Table* table = schema_.FindTable(name);
    if (table == nullptr) {
      std::vector<std::string> names;
      for (const v1::Table& t : schema_.proto.tables()) names.push_back(t.name());
      sink_.Error(path, absl::StrCat("unknown table ", Quoted(name), DidYouMean(name, names)));
    }
    return table;
  }

  const v1::Dimension* FindDerived(const std::string& id) const {
    for (const v1::Dimension& d : fw_.proto.dimensions()) {
      if (d.id() == id) return &d;
    }
    for (const v1::Dimension& d : schema_.proto.dimensions()) {
      if (d.id() == id) return &d;
    }
    return nullptr;
  }

  // Resolves dimension `id` on `table`. Returns false (with a diagnostic
  // when `required`) if the table cannot provide it.
  bool ResolveDimension(const v1::Table& table, const std::string& id, const std::string& path,
                        bool required, const SidePlan& side, DimensionPlan* out) {
    out->id = id;
    const int column = FieldIndex(table, id);
    if (column >= 0) {
      const v1::Field& field = table.fields(column);
      if (field.type() != v1::CATEGORY) {
        if (required) {
          sink_.Error(path, absl::StrCat("cannot disaggregate by ", Quoted(id), ": it is ",
                                         v1::FieldType_Name(field.type()),
                                         ", not CATEGORY (declare bands or a grouping)"));
        }
        return false;
      }
      out->kind = DimensionKind::kField;
      out->source.column = column;
      out->multi_valued = field.multi_valued();
      for (const v1::Code& c : schema_.FindCodeList(field.code_list())->codes()) {
        out->values.push_back(c.value());
      }
      return true;
    }
    const v1::Dimension* derived = FindDerived(id);
    if (derived == nullptr) {
      if (required) {
        sink_.Error(path, absl::StrCat("unknown dimension ", Quoted(id), ": not a field of ",
                                       Quoted(table.name()), " nor a declared dimension",
                                       DidYouMean(id, FieldNames(table))));
      }
      return false;
    }
    if (!derived->table().empty() && derived->table() != table.name()) {
      if (required) {
        sink_.Error(path, absl::StrCat("dimension ", Quoted(id), " is computed on table ",
                                       Quoted(derived->table()), ", not ", Quoted(table.name())));
      }
      return false;
    }
    auto field_of = [&](const std::string& name, std::initializer_list<v1::FieldType> types) {
      const int index = FieldIndex(table, name);
      if (index < 0) {
        if (required) {
          sink_.Error(path, absl::StrCat("dimension ", Quoted(id), " reads field ", Quoted(name),
                                         ", which table ", Quoted(table.name()), " lacks"));
        }
        return -1;
      }
      bool ok = false;
      for (v1::FieldType t : types) ok = ok || table.fields(index).type() == t;
      if (!ok) {
        sink_.Error(path, absl::StrCat("dimension ", Quoted(id), ": field ", Quoted(name),
                                       " must be ", TypeNames(types)));
        return -1;
      }
      return index;
    };
    switch (derived->kind_case()) {
      case v1::Dimension::kAgeBand: {
        const v1::AgeBandDimension& age = derived->age_band();
        const int column = field_of(age.field(), {v1::DATE, v1::INT64});
        if (column < 0) return false;
        if (!age.reference_date().empty()) {
          sink_.Error(path, "age bands with a reference_date formula need the formula "
                            "language; the default reference is the placing date");
          return false;
        }
        const bool birth = table.fields(column).type() == v1::DATE;
        if (birth && side.placement != PlacementKind::kFlow) {
          sink_.Error(path, absl::StrCat("age band ", Quoted(id),
                                         " needs a placing date to compute the age at"));
          return false;
        }
        out->kind = birth ? DimensionKind::kAgeFromBirth : DimensionKind::kStoredAgeBands;
        out->source.column = column;
        const v1::AgeBands& bands = age.bands();
        for (int b = 0; b < bands.lower_bounds_size(); ++b) {
          out->bounds.push_back(bands.lower_bounds(b));
          if (b < bands.labels_size()) {
            out->values.push_back(bands.labels(b));
          } else if (b + 1 < bands.lower_bounds_size()) {
            out->values.push_back(
                absl::StrCat(bands.lower_bounds(b), "-", bands.lower_bounds(b + 1) - 1));
          } else {
            out->values.push_back(absl::StrCat(bands.lower_bounds(b), "+"));
          }
        }
        return true;
      }
      case v1::Dimension::kNumericBands: {
        const v1::NumericBands& bands = derived->numeric_bands();
        const int column = FieldIndex(table, bands.expression());
        if (column < 0) {
          if (required) {
            sink_.Error(path, absl::StrCat("numeric bands of ", Quoted(bands.expression()),
                                           ": only a numeric field of ", Quoted(table.name()),
                                           " is supported until the formula language lands"));
          }
          return false;
        }
        if (field_of(bands.expression(), {v1::INT64, v1::DOUBLE}) < 0) return false;
        out->kind = DimensionKind::kNumericBands;
        out->source.column = column;
        for (int b = 0; b <= bands.upper_bounds_size(); ++b) {
          if (b < bands.upper_bounds_size()) out->bounds.push_back(bands.upper_bounds(b));
          if (b < bands.labels_size()) {
            out->values.push_back(bands.labels(b));
          } else if (b == 0) {
            out->values.push_back(absl::StrCat("<=", bands.upper_bounds(0)));
          } else if (b < bands.upper_bounds_size()) {
            out->values.push_back(
                absl::StrCat(">", bands.upper_bounds(b - 1), " <=", bands.upper_bounds(b)));
          } else {
            out->values.push_back(absl::StrCat(">", bands.upper_bounds(b - 1)));
          }
        }
        return true;
      }
      case v1::Dimension::kGrouping: {
        const v1::CodeGrouping& g = derived->grouping();
        const int column = field_of(g.field(), {v1::CATEGORY});
        if (column < 0) return false;
        const v1::CodeList* list = schema_.FindCodeList(table.fields(column).code_list());
        out->kind = DimensionKind::kGrouping;
        out->source.column = column;
        out->multi_valued = table.fields(column).multi_valued();
        out->code_map.assign(list->codes_size(), -1);
        int other = -1;
        for (int gi = 0; gi < g.groups_size(); ++gi) {
          out->values.push_back(g.groups(gi).value());
          if (g.groups(gi).value() == g.other_group()) other = gi;
          for (const std::string& member : g.groups(gi).members()) {
            int code = -1;
            for (int c = 0; c < list->codes_size(); ++c) {
              if (list->codes(c).value() == member) code = c;
            }
            if (code < 0) {
              sink_.Error(path, absl::StrCat("grouping ", Quoted(id), ": ", Quoted(member),
                                             " is not a code of list ", Quoted(list->id())));
            } else {
              out->code_map[code] = gi;
            }
          }
        }
        if (!g.other_group().empty() && other < 0) {
          sink_.Error(path, absl::StrCat("grouping ", Quoted(id), ": other_group ",
                                         Quoted(g.other_group()), " is not one of its groups"));
        }
        for (int32_t& m : out->code_map) {
          if (m < 0) m = other;
        }
        return true;
      }
      case v1::Dimension::kHierarchyLevel: {
        const v1::HierarchyLevel& h = derived->hierarchy_level();
        const int column = field_of(h.field(), {v1::CATEGORY});
        if (column < 0) return false;
        const v1::CodeList* list = schema_.FindCodeList(table.fields(column).code_list());
        int level = -1;
        for (int l = 0; l < list->levels_size(); ++l) {
          if (list->levels(l) == h.level()) level = l;
        }
        if (level < 0) {
          sink_.Error(path, absl::StrCat("code list ", Quoted(list->id()), " has no level ",
                                         Quoted(h.level())));
          return false;
        }
        out->kind = DimensionKind::kHierarchyLevel;
        out->source.column = column;
        out->multi_valued = table.fields(column).multi_valued();
        // Depth of each code, and its ancestor at `level` (itself when at it).
        std::vector<int32_t> parent(list->codes_size(), -1);
        for (int c = 0; c < list->codes_size(); ++c) {
          for (int p = 0; p < list->codes_size(); ++p) {
            if (list->codes(p).value() == list->codes(c).parent()) parent[c] = p;
          }
        }
        std::vector<int32_t> out_index(list->codes_size(), -1);
        for (int c = 0; c < list->codes_size(); ++c) {
          int depth = 0;
          for (int a = parent[c]; a >= 0; a = parent[a]) ++depth;
          if (depth == level) {
            out_index[c] = static_cast<int32_t>(out->values.size());
            out->values.push_back(list->codes(c).value());
          }
        }
        out->code_map.assign(list->codes_size(), -1);
        for (int c = 0; c < list->codes_size(); ++c) {
          std::vector<int32_t> chain;
          for (int a = c; a >= 0; a = parent[a]) chain.push_back(a);
          // chain is c, parent, …, root: the ancestor at depth `level`.
          const int depth = static_cast<int>(chain.size()) - 1;
          if (depth >= level) out->code_map[c] = out_index[chain[depth - level]];
        }
        return true;
      }
      default:
        sink_.Error(path, absl::StrCat("dimension ", Quoted(id), " has no kind"));
        return false;
    }
  }

  // Lays out a side's breakdowns from the indicator's disaggregate_by: the
  // total, then each breakdown; a cross brings its one-way margins first.
  // With `required` false, dimensions the table cannot provide are left
  // out (ratio denominators match the totals of what they lack).
  void LayoutBreakdowns(const v1::Indicator& ind, const v1::Table& table, const std::string& path,
                        bool required, SidePlan* side) {
    side->breakdowns.assign(1, BreakdownPlan());
    // A dimension is identified by its id and, for breakdowns that declare
    // them, its values.
    std::vector<std::vector<std::string>> declared;
    auto dim_index = [&](const std::string& id, const std::string& dpath,
                         const google::protobuf::RepeatedPtrField<std::string>& values) -> int {
      const std::vector<std::string> wanted(values.begin(), values.end());
      for (size_t i = 0; i < side->dims.size(); ++i) {
        if (side->dims[i].id == id && declared[i] == wanted) return static_cast<int>(i);
      }
      DimensionPlan dim;
      if (!ResolveDimension(table, id, dpath, required, *side, &dim)) return -1;
      if (!wanted.empty()) {
        dim.restrict_map.assign(dim.values.size(), -1);
        for (size_t w = 0; w < wanted.size(); ++w) {
          auto it = std::find(dim.values.begin(), dim.values.end(), wanted[w]);
          if (it == dim.values.end()) {
            sink_.Error(dpath, absl::StrCat(Quoted(wanted[w]), " is not a value of dimension ",
                                            Quoted(id), DidYouMean(wanted[w], dim.values)));
            return -1;
          }
          dim.restrict_map[it - dim.values.begin()] = static_cast<int32_t>(w);
        }
        dim.values = wanted;
      }
      side->dims.push_back(std::move(dim));
      declared.push_back(wanted);
      return static_cast<int>(side->dims.size()) - 1;
    };
    auto add = [&](std::vector<int> dims) {
      std::vector<std::string> names;
      for (int d : dims) names.push_back(side->dims[d].id);
      const std::string name = absl::StrJoin(names, " x ");
      for (const BreakdownPlan& b : side->breakdowns) {
        if (b.name == name) return;
      }
      BreakdownPlan b;
      b.name = name;
      b.dims = std::move(dims);
      side->breakdowns.push_back(std::move(b));
    };
    for (int b = 0; b < ind.disaggregate_by_size(); ++b) {
      const v1::Breakdown& br = ind.disaggregate_by(b);
      const std::string bpath = absl::StrCat(path, ".disaggregate_by[", b, "]");
      std::vector<int> dims;
      const google::protobuf::RepeatedPtrField<std::string> none;
      for (int d = 0; d < br.dimensions_size(); ++d) {
        const int index = dim_index(br.dimensions(d), absl::StrCat(bpath, ".dimensions[", d, "]"),
                                    br.dimensions_size() == 1 ? br.values() : none);
        if (index >= 0) dims.push_back(index);
      }
      if (dims.empty()) continue;
      if (required && dims.size() != static_cast<size_t>(br.dimensions_size())) continue;
      if (dims.size() > 1) {
        for (int d : dims) add({d});
      }
      add(dims);
    }
    int64_t next = 0;
    for (BreakdownPlan& b : side->breakdowns) {
      b.first_cell = next;
      b.cell_count = 1;
      for (int d : b.dims) b.cell_count *= side->dims[d].radix();
      if (b.cell_count > kMaxCellsPerBreakdown) {
        sink_.Error(path + ".disaggregate_by",
                    absl::StrCat("breakdown ", Quoted(b.name), " has ", b.cell_count,
                                 " cells; the most is ", kMaxCellsPerBreakdown));
        b.cell_count = 1;
      }
      next += b.cell_count;
    }
    side->cell_count = next;
  }

  // One aggregate: table, function, value, placement, units.
  bool CompileSide(const v1::Indicator& ind, const v1::Aggregate& agg, const std::string& path,
                   const std::string& ind_path, bool required_dims, SidePlan* side) {
    const v1::Table* table = ResolveTable(agg.table(), path + ".table");
    if (table == nullptr) return false;
    side->table = schema_.tables.at(agg.table());
    side->sensitive = table->sensitivity() != v1::NON_SENSITIVE &&
                      !ind.disclosure().non_sensitive();
    if (!agg.where().empty()) Unsupported(path + ".where", "aggregate filters");
    const std::initializer_list<v1::FieldType> numeric = {v1::INT64, v1::DOUBLE};
    switch (agg.function_case()) {
      case v1::Aggregate::kCount:
        side->function = AggregateFunction::kCount;
        break;
      case v1::Aggregate::kCountDistinct:
        side->function = AggregateFunction::kCountDistinct;
        side->value.column = ResolveField(*table, agg.count_distinct(), path + ".count_distinct",
                                          {v1::STRING, v1::INT64, v1::CATEGORY, v1::DATE, v1::BOOL},
                                          "the distinct key");
        // A distinct count over the table's own one-field key is a count.
        if (table->key_size() == 1 && table->key(0) == agg.count_distinct()) {
          side->function = AggregateFunction::kCount;
        }
        break;
      case v1::Aggregate::kSum:
        side->function = AggregateFunction::kSum;
        side->value.column = ResolveField(*table, agg.sum(), path + ".sum", numeric, "the value");
        break;
      case v1::Aggregate::kMean:
        side->function = AggregateFunction::kMean;
        side->value.column = ResolveField(*table, agg.mean(), path + ".mean", numeric, "the value");
        break;
      case v1::Aggregate::kMedian:
        side->function = AggregateFunction::kMedian;
        side->value.column =
            ResolveField(*table, agg.median(), path + ".median", numeric, "the value");
        break;
      case v1::Aggregate::kMin:
        side->function = AggregateFunction::kMin;
        side->value.column =
            ResolveField(*table, agg.min(), path + ".min", {v1::INT64, v1::DOUBLE, v1::DATE}, "the value");
        break;
      case v1::Aggregate::kMax:
        side->function = AggregateFunction::kMax;
        side->value.column =
            ResolveField(*table, agg.max(), path + ".max", {v1::INT64, v1::DOUBLE, v1::DATE}, "the value");
        break;
      default:
        return false;
    }

    const bool own = agg.has_period();
    const v1::Placement& pl = own ? agg.period() : ind.period();
    const std::string ppath = own ? path + ".period" : ind_path + ".period";
    if (!pl.year_field().empty()) {
      side->placement = PlacementKind::kYear;
      side->placing.column =
          ResolveField(*table, pl.year_field(), ppath + ".year_field", {v1::INT64}, "the year field");
    } else if (pl.kind() == v1::STOCK_AT_END || pl.kind() == v1::STOCK_DURING) {
      side->placement =
          pl.kind() == v1::STOCK_AT_END ? PlacementKind::kStockAtEnd : PlacementKind::kStockDuring;
      side->opened.column =
          ResolveField(*table, pl.opened(), ppath + ".opened", {v1::DATE}, "the opening date");
      if (!pl.closed().empty()) {
        side->closed.column =
            ResolveField(*table, pl.closed(), ppath + ".closed", {v1::DATE}, "the closing date");
      }
    } else if (pl.by().empty()) {
      sink_.Error(ppath + ".by", "a flow indicator needs the date that places a record in a "
                                 "period (period.by)");
    } else {
      side->placing.column =
          ResolveField(*table, pl.by(), ppath + ".by", {v1::DATE}, "the placing date");
    }
    if (pl.include_before_project()) {
      Unsupported(ppath + ".include_before_project", "records before the project");
    }
    if (pl.window().has_days()) side->window_days = pl.window().days();
    if (pl.window().has_months()) side->window_months = pl.window().months();
    if ((side->window_days > 0 || side->window_months > 0) && side->placement != PlacementKind::kFlow) {
      sink_.Error(ppath + ".window", "a forward window needs a flow placement (period.by)");
    }

    if (side->sensitive) {
      std::string person = table->person();
      if (person.empty() && table->key_size() == 1) person = table->key(0);
      if (person.find('.') != std::string::npos) {
        Unsupported(absl::StrCat("(schema) table ", table->name(), " person"),
                    "person paths through links");
      } else if (!person.empty()) {
        side->person.column = FieldIndex(*table, person);
      }
    }
    LayoutBreakdowns(ind, *table, ind_path, required_dims, side);
    return true;
  }

  IndicatorPlan CompileIndicator(const v1::Indicator& ind, const std::string& path) {
    IndicatorPlan plan;
    plan.proto = &ind;
    plan.computed = ind.source() != v1::REPORTED;
    if (!plan.computed) return plan;
    const v1::Measure& m = ind.measure();
    if (!ind.where().empty()) Unsupported(path + ".where", "indicator filters");
    plan.relative_change = m.relative_change();
    if (ind.baseline().has_value()) plan.baseline = ind.baseline().value();
    if (plan.relative_change && !plan.baseline) {
      sink_.Error(path + ".baseline.value", "a relative change needs a baseline value");
    }
    plan.cumulative = ind.cumulation() == v1::CUMULATIVE;
    plan.life_of_project_latest = ind.life_of_project() == v1::LATEST;
    if (ind.period().every() == v1::CUSTOM) {
      plan.period_kind = PeriodKind{PeriodType::kCustom};
      if (fw_.proto.custom_periods_size() == 0) {
        sink_.Error(path + ".period.every", "CUSTOM periods need the framework's custom_periods");
      }
    } else if (auto kind = KindOf(ind.period().every(), fw_.fiscal_year_start_month)) {
      plan.period_kind = *kind;
    }
    switch (m.kind_case()) {
      case v1::Measure::kValue:
        plan.measure = MeasureKind::kValue;
        CompileSide(ind, m.value(), path + ".measure.value", path, true, &plan.value);
        break;
      case v1::Measure::kRatio: {
        plan.measure = MeasureKind::kRatio;
        plan.factor = m.ratio().has_factor() ? m.ratio().factor() : 1;
        const bool num_ok = CompileSide(ind, m.ratio().numerator(), path + ".measure.ratio.numerator",
                                        path, true, &plan.value);
        const bool den_ok =
            CompileSide(ind, m.ratio().denominator(), path + ".measure.ratio.denominator", path,
                        false, &plan.denominator);
        if (num_ok && den_ok) MatchDenominator(&plan);
        break;
      }
      default:
        Unsupported(path + ".measure", "in_place measures");
        break;
    }
    return plan;
  }

  // For each numerator breakdown, the denominator breakdown over the
  // dimensions the denominator has (adding it when it is not there yet).
  void MatchDenominator(IndicatorPlan* plan) {
    SidePlan& num = plan->value;
    SidePlan& den = plan->denominator;
    plan->denominator_dim.assign(num.dims.size(), -1);
    for (size_t d = 0; d < num.dims.size(); ++d) {
      for (size_t e = 0; e < den.dims.size(); ++e) {
        if (den.dims[e].id == num.dims[d].id) plan->denominator_dim[d] = static_cast<int>(e);
      }
      if (plan->denominator_dim[d] >= 0 &&
          den.dims[plan->denominator_dim[d]].values != num.dims[d].values) {
        sink_.Error("", absl::StrCat("indicator ", Quoted(plan->proto->id()), ": dimension ",
                                     Quoted(num.dims[d].id),
                                     " has different values in the numerator and denominator"));
      }
    }
    for (const BreakdownPlan& b : num.breakdowns) {
      std::vector<int> dims;
      for (int d : b.dims) {
        if (plan->denominator_dim[d] >= 0) dims.push_back(plan->denominator_dim[d]);
      }
      int found = -1;
      for (size_t i = 0; i < den.breakdowns.size(); ++i) {
        if (den.breakdowns[i].dims == dims) found = static_cast<int>(i);
      }
      if (found < 0) {
        BreakdownPlan extra;
        std::vector<std::string> names;
        for (int d : dims) names.push_back(den.dims[d].id);
        extra.name = absl::StrJoin(names, " x ");
        extra.dims = dims;
        extra.first_cell = den.cell_count;
        extra.cell_count = 1;
        for (int d : dims) extra.cell_count *= den.dims[d].radix();
        den.cell_count += extra.cell_count;
        den.breakdowns.push_back(extra);
        found = static_cast<int>(den.breakdowns.size()) - 1;
      }
      plan->denominator_breakdown.push_back(found);
    }
  }

  const FrameworkRep& fw_;
  const SchemaRep& schema_;
  DiagnosticSink& sink_;
};

}  // namespace
}  // namespace internal

Plan::Plan(std::shared_ptr<const internal::PlanRep> rep) : rep_(std::move(rep)) {}

absl::StatusOr<Plan> Plan::Compile(const Framework& framework, const Schema& schema,
                                   Diagnostics* diagnostics) {
  const internal::FrameworkRep& fw = internal::ModelAccess::Rep(framework);
  auto rep = std::make_shared<internal::PlanRep>(framework, schema);
  Diagnostics local;
  internal::DiagnosticSink sink(&fw.source, &local);
  internal::Compiler(fw, internal::ModelAccess::Rep(schema), sink).Run(&rep->indicators);
  if (diagnostics != nullptr) diagnostics->insert(diagnostics->end(), local.begin(), local.end());
  if (sink.has_errors()) return StatusFromDiagnostics(local);
  return Plan(std::move(rep));
}

const Framework& Plan::framework() const { return rep_->framework; }
const Schema& Plan::schema() const { return rep_->schema; }

}  // namespace ctind
