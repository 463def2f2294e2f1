// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Plan::Compile: resolves every computed indicator's names against the
// schema, collecting every problem with its place in the framework file.

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/str_join.h"
#include "common/strings.h"
#include "common/suggest.h"
#include "ctind/engine.h"
#include "engine/plan.h"
#include "formula/formula.h"
#include "model/model_internal.h"

namespace ctind {
namespace internal {
namespace {

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
    for (int i = 0; i < fw.indicators_size(); ++i) {
      out->push_back(CompileIndicator(fw.indicators(i), absl::StrCat("indicators[", i, "]")));
    }
  }

 private:
  void Unsupported(const std::string& path, std::string_view what) {
    sink_.Error(path, absl::StrCat(Sv(what),
                                   " are not supported by this version of ctind's engine yet"));
  }

  static bool Accepts(std::initializer_list<ValueType> types, ValueType type) {
    if (types.size() == 0) return true;
    for (ValueType t : types) {
      if (t == type) return true;
    }
    return false;
  }

  static std::string Names(std::initializer_list<ValueType> types) {
    std::vector<std::string> names;
    for (ValueType t : types) names.push_back(TypeName(t));
    return absl::StrJoin(names, " or ");
  }

  // Compiles `text` on `table`, which must give one of `types` (any when
  // empty). With `report` false nothing is reported (a ratio's denominator
  // may lack what the numerator has) and nullopt means "not available".
  std::optional<CompiledFormula> Formula(const std::string& text, const v1::Table& table,
                                         const std::string& path,
                                         std::initializer_list<ValueType> types,
                                         std::string_view role, bool report = true,
                                         RequiredType required = RequiredType::kAny) {
    Diagnostics diagnostics;
    absl::StatusOr<CompiledFormula> formula =
        CompileFormula(text, schema_, table.name(), required, &diagnostics);
    if (report) {
      for (const Diagnostic& d : diagnostics) {
        sink_.InString(path, d.offset >= 0 ? static_cast<size_t>(d.offset) : 0, d.message,
                       d.severity);
      }
    }
    if (!formula.ok()) return std::nullopt;
    if (!Accepts(types, formula->type())) {
      if (report) {
        sink_.InString(path, 0,
                       absl::StrCat(Sv(role), " ", Quoted(text), " is ", TypeName(formula->type()),
                                    "; it must be ", Names(types)),
                       Severity::kError);
      }
      return std::nullopt;
    }
    return *std::move(formula);
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

  static std::vector<std::string> CodeValues(const v1::CodeList& list) {
    std::vector<std::string> values;
    for (const v1::Code& c : list.codes()) values.push_back(c.value());
    return values;
  }

  // Resolves dimension `id` on `table`: a declared derived dimension, or a
  // categorical formula (a field, or a parent's field through links such as
  // "case.person.prs_Gender"). Returns false (with a diagnostic when
  // `required`) if the table cannot provide it.
  // The table reached from `table` through the links `path` ("case.person"),
  // or null.
  const v1::Table* FollowLinks(const v1::Table& table, std::string_view path) const {
    const v1::Table* at = &table;
    for (absl::string_view name : absl::StrSplit(Sv(path), '.')) {
      const v1::Table* next = nullptr;
      for (const v1::Link& link : at->links()) {
        if (link.name() == name) next = schema_.FindTable(link.table());
      }
      if (next == nullptr) return nullptr;
      at = next;
    }
    return at;
  }

  bool ResolveDimension(const v1::Table& table, const std::string& id, const std::string& path,
                        bool required, const SidePlan& side, DimensionPlan* out) {
    out->id = id;
    const v1::Dimension* derived = FindDerived(id);
    // A derived dimension of a parent table reached through links, e.g.
    // "case.person.age_band" on services: its input fields are read through
    // the same links ("case.person.prs_Birthdate"); an age is taken at this
    // table's placing date unless the dimension names its reference date.
    std::string link_prefix;
    const v1::Table* dimension_table = &table;
    if (derived == nullptr) {
      const size_t dot = id.rfind('.');
      const v1::Dimension* through = dot == std::string::npos ? nullptr : FindDerived(id.substr(dot + 1));
      const v1::Table* reached = through == nullptr ? nullptr : FollowLinks(table, id.substr(0, dot));
      if (reached != nullptr) {
        derived = through;
        link_prefix = id.substr(0, dot + 1);
        dimension_table = reached;
      }
    }
    // A derived dimension's input read from the dimension's table.
    auto input = [&](const std::string& field) { return absl::StrCat(link_prefix, field); };
    if (derived == nullptr) {
      for (const v1::Field& f : table.fields()) {
        if (f.name() == id && (f.role() == v1::IDENTIFIER || f.role() == v1::PERSONAL_TEXT)) {
          if (required) sink_.Error(path, absl::StrCat("cannot disaggregate by identifier ", Quoted(id)));
          return false;
        }
      }
      Diagnostics diagnostics;
      absl::StatusOr<CompiledFormula> formula =
          CompileFormula(id, schema_, table.name(), RequiredType::kAny, &diagnostics);
      if (!formula.ok()) {
        if (required) {
          for (const Diagnostic& d : diagnostics) {
            sink_.InString(path, d.offset >= 0 ? static_cast<size_t>(d.offset) : 0,
                           absl::StrCat("unknown dimension: ", d.message), d.severity);
          }
        }
        return false;
      }
      if (formula->type() != ValueType::kCategory && formula->type() != ValueType::kCategorySet) {
        if (required) {
          sink_.Error(path, absl::StrCat("cannot disaggregate by ", Quoted(id), ": it is ",
                                         TypeName(formula->type()),
                                         ", not a category (declare bands or a grouping)"));
        }
        return false;
      }
      out->kind = DimensionKind::kField;
      out->multi_valued = formula->type() == ValueType::kCategorySet;
      out->values = CodeValues(*formula->code_list());
      out->source.formula = *std::move(formula);
      return true;
    }
    if (!derived->table().empty() && derived->table() != dimension_table->name()) {
      if (required) {
        sink_.Error(path, absl::StrCat("dimension ", Quoted(id), " is computed on table ",
                                       Quoted(derived->table()), ", not ",
                                       Quoted(dimension_table->name())));
      }
      return false;
    }
    if (!link_prefix.empty() && derived->kind_case() == v1::Dimension::kNumericBands) {
      if (required) {
        sink_.Error(path, absl::StrCat("dimension ", Quoted(id), ": numeric bands are not read "
                                       "through links; declare them on table ",
                                       Quoted(table.name())));
      }
      return false;
    }
    const std::string role = absl::StrCat("dimension ", Quoted(id), ": its input");
    switch (derived->kind_case()) {
      case v1::Dimension::kAgeBand: {
        const v1::AgeBandDimension& age = derived->age_band();
        out->source.formula = Formula(input(age.field()), table, path,
                                      {ValueType::kDate, ValueType::kInt}, role, required);
        if (!out->source.valid()) return false;
        const bool birth = out->source.formula->type() == ValueType::kDate;
        if (birth && !age.reference_date().empty()) {
          out->reference_date.formula =
              Formula(input(age.reference_date()), table, path, {ValueType::kDate}, role, required);
          if (!out->reference_date.valid()) return false;
        } else if (birth && side.placement != PlacementKind::kFlow) {
          if (required) {
            sink_.Error(path, absl::StrCat("age band ", Quoted(id), " needs a placing date or a "
                                           "reference_date to compute the age at"));
          }
          return false;
        }
        out->kind = birth ? DimensionKind::kAgeFromBirth : DimensionKind::kStoredAgeBands;
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
        out->source.formula = Formula(bands.expression(), table, path,
                                      {ValueType::kInt, ValueType::kDouble}, role, required);
        if (!out->source.valid()) return false;
        out->kind = DimensionKind::kNumericBands;
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
        out->source.formula = Formula(input(g.field()), table, path,
                                      {ValueType::kCategory, ValueType::kCategorySet}, role, required);
        if (!out->source.valid()) return false;
        const v1::CodeList* list = out->source.formula->code_list();
        out->kind = DimensionKind::kGrouping;
        out->multi_valued = out->source.formula->type() == ValueType::kCategorySet;
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
                                             " is not a code of list ", Quoted(list->id()),
                                             DidYouMean(member, CodeValues(*list))));
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
        out->source.formula = Formula(input(h.field()), table, path,
                                      {ValueType::kCategory, ValueType::kCategorySet}, role, required);
        if (!out->source.valid()) return false;
        const v1::CodeList* list = out->source.formula->code_list();
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
        out->multi_valued = out->source.formula->type() == ValueType::kCategorySet;
        // Each code's ancestor at `level` (itself when at it).
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
        if (b.name != name) continue;
        if (b.dims != dims && required) {
          sink_.Error(path + ".disaggregate_by",
                      absl::StrCat("two breakdowns of ", Quoted(name),
                                   " declare different values; keep one of them"));
        }
        return;
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

  // One aggregate: table, filters, function, value, placement, units.
  bool CompileSide(const v1::Indicator& ind, const v1::Aggregate& agg, const std::string& path,
                   const std::string& ind_path, bool required_dims, SidePlan* side) {
    const v1::Table* table = ResolveTable(agg.table(), path + ".table");
    if (table == nullptr) return false;
    side->table = schema_.tables.at(agg.table());
    side->sensitive = table->sensitivity() != v1::NON_SENSITIVE && !ind.disclosure().non_sensitive();
    CompileFilters(ind, agg, *table, path, ind_path, side);
    const std::initializer_list<ValueType> numeric = {ValueType::kInt, ValueType::kDouble};
    const std::initializer_list<ValueType> ordered = {ValueType::kInt, ValueType::kDouble,
                                                      ValueType::kDate};
    switch (agg.function_case()) {
      case v1::Aggregate::kCount:
        side->function = AggregateFunction::kCount;
        break;
      case v1::Aggregate::kCountDistinct:
        side->function = AggregateFunction::kCountDistinct;
        side->value.formula = Formula(agg.count_distinct(), *table, path + ".count_distinct",
                                      {ValueType::kString, ValueType::kInt, ValueType::kCategory,
                                       ValueType::kDate, ValueType::kBool},
                                      "the distinct key");
        // A distinct count over the table's own one-field key is a count.
        if (table->key_size() == 1 && table->key(0) == agg.count_distinct()) {
          side->function = AggregateFunction::kCount;
        }
        break;
      case v1::Aggregate::kSum:
        side->function = AggregateFunction::kSum;
        side->value.formula = Formula(agg.sum(), *table, path + ".sum", numeric, "the value");
        break;
      case v1::Aggregate::kMean:
        side->function = AggregateFunction::kMean;
        side->value.formula = Formula(agg.mean(), *table, path + ".mean", numeric, "the value");
        break;
      case v1::Aggregate::kMedian:
        side->function = AggregateFunction::kMedian;
        side->value.formula = Formula(agg.median(), *table, path + ".median", numeric, "the value");
        break;
      case v1::Aggregate::kMin:
        side->function = AggregateFunction::kMin;
        side->value.formula = Formula(agg.min(), *table, path + ".min", ordered, "the value");
        break;
      case v1::Aggregate::kMax:
        side->function = AggregateFunction::kMax;
        side->value.formula = Formula(agg.max(), *table, path + ".max", ordered, "the value");
        break;
      default:
        return false;
    }

    const bool own = agg.has_period();
    const v1::Placement& pl = own ? agg.period() : ind.period();
    const std::string ppath = own ? path + ".period" : ind_path + ".period";
    if (!pl.year_field().empty()) {
      side->placement = PlacementKind::kYear;
      side->placing.formula =
          Formula(pl.year_field(), *table, ppath + ".year_field", {ValueType::kInt}, "the year");
    } else if (pl.kind() == v1::STOCK_AT_END || pl.kind() == v1::STOCK_DURING) {
      side->placement =
          pl.kind() == v1::STOCK_AT_END ? PlacementKind::kStockAtEnd : PlacementKind::kStockDuring;
      side->opened.formula =
          Formula(pl.opened(), *table, ppath + ".opened", {ValueType::kDate}, "the opening date");
      if (!pl.closed().empty()) {
        side->closed.formula =
            Formula(pl.closed(), *table, ppath + ".closed", {ValueType::kDate}, "the closing date");
      }
    } else if (pl.by().empty()) {
      sink_.Error(ppath + ".by", "a flow indicator needs the date that places a record in a "
                                 "period (period.by)");
    } else {
      side->placing.formula =
          Formula(pl.by(), *table, ppath + ".by", {ValueType::kDate}, "the placing date");
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
      if (!person.empty()) {
        side->person.formula = Formula(person, *table, absl::StrCat("(schema) table ",
                                                                    table->name(), " person"),
                                       {}, "the person");
      }
    }
    LayoutBreakdowns(ind, *table, ind_path, required_dims, side);
    return true;
  }

  // The project's population filter (on the tables that have what it
  // reads), the indicator's filter and the aggregate's.
  void CompileFilters(const v1::Indicator& ind, const v1::Aggregate& agg, const v1::Table& table,
                      const std::string& path, const std::string& ind_path, SidePlan* side) {
    const std::string& population = fw_.proto.project().population_filter();
    if (!population.empty()) {
      Diagnostics diagnostics;
      absl::StatusOr<CompiledFormula> f =
          CompileFormula(population, schema_, table.name(), RequiredType::kBool, &diagnostics);
      bool applies = f.ok();
      if (!f.ok()) {
        // It applies to every table with the fields it reads: a table that
        // lacks them is not filtered; any other mistake is reported.
        bool only_unknown_names = true;
        for (const Diagnostic& d : diagnostics) {
          if (d.severity == Severity::kError && d.message.rfind("unknown ", 0) != 0) {
            only_unknown_names = false;
          }
        }
        if (!only_unknown_names) {
          for (const Diagnostic& d : diagnostics) {
            sink_.InString("project.population_filter",
                           d.offset >= 0 ? static_cast<size_t>(d.offset) : 0,
                           absl::StrCat("on table ", Quoted(table.name()), ": ", d.message),
                           d.severity);
          }
        }
      }
      if (applies) side->filters.push_back(*std::move(f));
    }
    for (const auto& [text, fpath] : {std::pair<const std::string&, std::string>{ind.where(), ind_path + ".where"},
                                      {agg.where(), path + ".where"}}) {
      if (text.empty()) continue;
      std::optional<CompiledFormula> f =
          Formula(text, table, fpath, {ValueType::kBool, ValueType::kNull}, "the filter", true,
                  RequiredType::kBool);
      if (f) side->filters.push_back(*std::move(f));
    }
  }

  IndicatorPlan CompileIndicator(const v1::Indicator& ind, const std::string& path) {
    IndicatorPlan plan;
    plan.proto = &ind;
    plan.computed = ind.source() != v1::REPORTED;
    if (!plan.computed) return plan;
    const v1::Measure& m = ind.measure();
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
      case v1::Measure::kInPlace: {
        // An aggregate whose value is the latest record's, of type bool.
        plan.measure = MeasureKind::kValue;
        v1::Aggregate agg;
        agg.set_table(m.in_place().table());
        agg.set_where(m.in_place().where());
        agg.set_count(true);
        if (CompileSide(ind, agg, path + ".measure.in_place", path, true, &plan.value)) {
          plan.value.function = AggregateFunction::kLatest;
          if (const v1::Table* table = schema_.FindTable(agg.table())) {
            plan.value.value.formula = Formula(m.in_place().value(), *table,
                                               path + ".measure.in_place.value",
                                               {ValueType::kBool}, "the in-place value");
          }
          if (plan.value.placement != PlacementKind::kFlow) {
            sink_.Error(path + ".period", "an in-place measure is placed by a date (period.by)");
          }
        }
        break;
      }
      default:
        Unsupported(path + ".measure", "ordinal and qualitative measures of computed indicators");
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
