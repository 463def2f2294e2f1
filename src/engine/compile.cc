// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Plan::Compile: resolves every computed indicator's names against the
// schema, collecting every problem with its place in the framework file.

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
                                   " are not supported by this version of ctind's "
                                   "engine yet (formula language and further "
                                   "measures are planned)"));
  }

  // The field `name` of `table`, which must have one of `types`.
  int ResolveField(const v1::Table& table, const std::string& name, const std::string& path,
                   std::initializer_list<v1::FieldType> types, std::string_view role) {
    const int index = FieldIndex(table, name);
    if (index < 0) {
      sink_.Error(path, absl::StrCat("unknown field ", Quoted(name), " in table ",
                                     Quoted(table.name()),
                                     DidYouMean(name, FieldNames(table))));
      return -1;
    }
    const v1::FieldType type = table.fields(index).type();
    bool ok = types.size() == 0;
    for (v1::FieldType t : types) ok = ok || t == type;
    if (!ok) {
      std::vector<std::string> names;
      for (v1::FieldType t : types) names.push_back(v1::FieldType_Name(t));
      sink_.Error(path, absl::StrCat(Sv(role), " ", Quoted(name), " is ",
                                     v1::FieldType_Name(type), "; it must be ",
                                     absl::StrJoin(names, " or ")));
      return -1;
    }
    return index;
  }

  IndicatorPlan CompileIndicator(const v1::Indicator& ind, const std::string& path) {
    IndicatorPlan plan;
    plan.proto = &ind;
    plan.computed = ind.source() != v1::REPORTED;
    if (!plan.computed) return plan;
    const v1::Measure& m = ind.measure();
    if (!ind.where().empty()) Unsupported(path + ".where", "indicator filters");
    if (m.relative_change()) Unsupported(path + ".measure.relative_change", "relative changes");
    if (m.kind_case() != v1::Measure::kValue) {
      Unsupported(path + ".measure", "measures other than count and count_distinct");
      return plan;
    }
    const v1::Aggregate& agg = m.value();
    const std::string agg_path = path + ".measure.value";
    const v1::Table* table = schema_.FindTable(agg.table());
    if (table == nullptr) {
      std::vector<std::string> names;
      for (const v1::Table& t : schema_.proto.tables()) names.push_back(t.name());
      sink_.Error(agg_path + ".table", absl::StrCat("unknown table ", Quoted(agg.table()),
                                                    DidYouMean(agg.table(), names)));
      return plan;
    }
    plan.table = schema_.tables.at(agg.table());
    if (!agg.where().empty()) Unsupported(agg_path + ".where", "aggregate filters");
    if (agg.has_period()) Unsupported(agg_path + ".period", "per-aggregate placements");
    switch (agg.function_case()) {
      case v1::Aggregate::kCount:
        plan.function = AggregateFunction::kCount;
        break;
      case v1::Aggregate::kCountDistinct:
        plan.function = AggregateFunction::kCountDistinct;
        plan.key_column = ResolveField(*table, agg.count_distinct(), agg_path + ".count_distinct",
                                       {v1::STRING, v1::INT64, v1::CATEGORY, v1::DATE, v1::BOOL},
                                       "the distinct key");
        if (plan.key_column >= 0 && table->fields(plan.key_column).multi_valued()) {
          sink_.Error(agg_path + ".count_distinct",
                      "a distinct count needs a single-valued field");
        }
        break;
      default:
        Unsupported(agg_path, "sum, mean, median, min and max");
        return plan;
    }

    const v1::Placement& placement = ind.period();
    if (placement.kind() == v1::STOCK_AT_END || placement.kind() == v1::STOCK_DURING) {
      Unsupported(path + ".period.kind", "stock placements");
    }
    if (placement.window().length_case() != v1::Window::LENGTH_NOT_SET) {
      Unsupported(path + ".period.window", "forward windows");
    }
    if (placement.include_before_project()) {
      Unsupported(path + ".period.include_before_project", "records before the project");
    }
    if (!placement.year_field().empty()) Unsupported(path + ".period.year_field", "year placements");
    if (placement.by().empty()) {
      sink_.Error(path + ".period.by", "a flow indicator needs the date that places a "
                                       "record in a period (period.by)");
    } else {
      plan.placing_column = ResolveField(*table, placement.by(), path + ".period.by",
                                         {v1::DATE}, "the placing date");
    }
    if (placement.every() == v1::CUSTOM) {
      Unsupported(path + ".period.every", "custom reporting periods");
    } else if (auto kind = KindOf(placement.every(), fw_.fiscal_year_start_month)) {
      plan.period_kind = *kind;
    }
    plan.cumulative = ind.cumulation() == v1::CUMULATIVE;

    if (table->sensitivity() != v1::NON_SENSITIVE) {
      std::string person = table->person();
      if (person.empty() && table->key_size() == 1) person = table->key(0);
      if (person.find('.') != std::string::npos) {
        Unsupported(absl::StrCat("(schema) tables.", table->name(), ".person"),
                    "person paths through links");
      } else if (!person.empty()) {
        plan.person_column = FieldIndex(*table, person);
      }
    }

    // Dimensions and breakdowns: the total, then each declared breakdown;
    // a cross brings its one-way margins first (each breakdown once).
    BreakdownPlan total;
    plan.breakdowns.push_back(total);
    auto dimension_index = [&](const std::string& id, const std::string& dpath) -> int {
      for (size_t i = 0; i < plan.dims.size(); ++i) {
        if (plan.dims[i].id == id) return static_cast<int>(i);
      }
      const int column = FieldIndex(*table, id);
      if (column < 0) {
        std::vector<std::string> names = FieldNames(*table);
        bool derived = false;
        for (const v1::Dimension& d : schema_.proto.dimensions()) derived = derived || d.id() == id;
        for (const v1::Dimension& d : fw_.proto.dimensions()) derived = derived || d.id() == id;
        if (derived) {
          Unsupported(dpath, "derived dimensions (age bands, bands, groupings)");
        } else {
          sink_.Error(dpath, absl::StrCat("unknown dimension ", Quoted(id), ": not a field of ",
                                          Quoted(table->name()), " nor a declared dimension",
                                          DidYouMean(id, names)));
        }
        return -1;
      }
      const v1::Field& field = table->fields(column);
      if (field.type() != v1::CATEGORY) {
        sink_.Error(dpath, absl::StrCat("cannot disaggregate by ", Quoted(id), ": it is ",
                                        v1::FieldType_Name(field.type()),
                                        ", not CATEGORY (declare bands or a grouping)"));
        return -1;
      }
      if (field.role() == v1::IDENTIFIER || field.role() == v1::PERSONAL_TEXT) {
        sink_.Error(dpath, absl::StrCat("cannot disaggregate by identifier ", Quoted(id)));
        return -1;
      }
      DimensionPlan dim;
      dim.id = id;
      dim.column = column;
      dim.multi_valued = field.multi_valued();
      const v1::CodeList* list = schema_.FindCodeList(field.code_list());
      for (const v1::Code& c : list->codes()) dim.values.push_back(c.value());
      plan.dims.push_back(std::move(dim));
      return static_cast<int>(plan.dims.size()) - 1;
    };
    auto add_breakdown = [&](std::vector<int> dims) {
      std::vector<std::string> names;
      for (int d : dims) names.push_back(plan.dims[d].id);
      const std::string name = absl::StrJoin(names, " x ");
      for (const BreakdownPlan& b : plan.breakdowns) {
        if (b.name == name) return;
      }
      BreakdownPlan b;
      b.name = name;
      b.dims = std::move(dims);
      plan.breakdowns.push_back(std::move(b));
    };
    for (int b = 0; b < ind.disaggregate_by_size(); ++b) {
      const v1::Breakdown& br = ind.disaggregate_by(b);
      const std::string bpath = absl::StrCat(path, ".disaggregate_by[", b, "]");
      if (br.values_size() > 0) Unsupported(bpath + ".values", "declared breakdown values");
      std::vector<int> dims;
      for (int d = 0; d < br.dimensions_size(); ++d) {
        const int index =
            dimension_index(br.dimensions(d), absl::StrCat(bpath, ".dimensions[", d, "]"));
        if (index >= 0) dims.push_back(index);
      }
      if (dims.size() != static_cast<size_t>(br.dimensions_size()) || dims.empty()) continue;
      if (dims.size() > 1) {
        for (int d : dims) add_breakdown({d});
      }
      add_breakdown(dims);
    }
    int64_t next = 0;
    for (BreakdownPlan& b : plan.breakdowns) {
      b.first_cell = next;
      b.cell_count = 1;
      for (int d : b.dims) b.cell_count *= plan.dims[d].radix();
      if (b.cell_count > kMaxCellsPerBreakdown) {
        sink_.Error(path + ".disaggregate_by",
                    absl::StrCat("breakdown ", Quoted(b.name), " has ", b.cell_count,
                                 " cells; the most is ", kMaxCellsPerBreakdown));
      }
      next += b.cell_count;
    }
    plan.cell_count = next;
    return plan;
  }

  static constexpr int64_t kMaxCellsPerBreakdown = 1 << 20;

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
