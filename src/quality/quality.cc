// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// CheckQuality: completeness, validity (ingest's findings), outliers, key
// findings (ingest's), the framework's quality rules and the placing-date
// checks of its indicators, table by table.

#include "ctind/quality.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "common/number_format.h"
#include "common/strings.h"
#include "ctind/engine.h"
#include "ctind/v1/report.pb.h"
#include "ctind/version.h"
#include "engine/plan.h"
#include "formula/evaluator.h"
#include "formula/formula.h"
#include "ingest/columns.h"
#include "model/model_internal.h"
#include "quality/outliers.h"
#include "quality/rules.h"

namespace ctind {

struct QualityReport::Rep {
  v1::Report report;
  std::vector<TableCompleteness> tables;
};

QualityReport::QualityReport(std::shared_ptr<const Rep> rep) : rep_(std::move(rep)) {}
const v1::Report& QualityReport::proto() const { return rep_->report; }
const std::vector<TableCompleteness>& QualityReport::tables() const { return rep_->tables; }

namespace internal {
namespace {

// Today's date in UTC, the default as-of date (as Evaluate's).
Date TodayUtc() {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  const int64_t seconds = std::chrono::duration_cast<std::chrono::seconds>(now).count();
  int64_t days = seconds / 86400;
  if (seconds < 0 && seconds % 86400 != 0) --days;
  return Date::FromDayNumber(static_cast<int32_t>(days));
}

// A number for a message: six significant digits, so that the fence's
// bounds read 6.8109 rather than 6.8109000000000002.
std::string Rounded(double value) { return absl::StrFormat("%.6g", value); }

v1::Severity RuleSeverity(const v1::QualityRule& rule) {
  return rule.severity() == v1::SEVERITY_UNSPECIFIED ? v1::WARNING : rule.severity();
}

// Checks one table of the dataset, appending its findings in the order
// QualityReport::proto() documents.
class TableChecker {
 public:
  TableChecker(const SchemaRep& schema, const TableData& data, const QualityOptions& options,
               std::vector<v1::Finding>* out)
      : schema_(schema), data_(data), table_(*data.table), options_(options), out_(out) {
    for (const std::string& k : table_.key()) key_columns_.push_back(data_.FieldIndex(k));
  }

  TableCompleteness Completeness() const {
    TableCompleteness c;
    c.table = table_.name();
    c.loaded = data_.loaded;
    c.rows = data_.rows;
    for (const Column& column : data_.columns) {
      FieldCompleteness f;
      f.field = column.field->name();
      f.required = column.field->required();
      for (ValueState s : column.states) {
        switch (s) {
          case ValueState::kPresent: ++f.present; break;
          case ValueState::kMissing: ++f.missing; break;
          case ValueState::kInvalid: ++f.invalid; break;
        }
      }
      c.fields.push_back(std::move(f));
    }
    return c;
  }

  // Findings of each field, in field order: missing values, invalid values
  // (ingest's finding for the field, from `ingest`), outliers.
  void CheckFields(const std::vector<const v1::Finding*>& ingest,
                   const TableCompleteness& completeness) {
    for (size_t f = 0; f < data_.columns.size(); ++f) {
      const Column& column = data_.columns[f];
      const v1::Field& field = *column.field;
      const FieldCompleteness& counts = completeness.fields[f];
      if (counts.missing > 0) {
        v1::Finding* finding = Add("missing_value", field.required() ? v1::WARNING : v1::INFO,
                                   field.name(), counts.missing);
        finding->set_message(absl::StrCat(counts.missing, " of ", data_.rows,
                                          " records have no value in ",
                                          field.required() ? "required " : "", "field ",
                                          Quoted(field.name()), "; they count as missing"));
        AttachKeys(finding, [&](int64_t r) { return column.states[r] == ValueState::kMissing; });
      }
      for (const v1::Finding* from_ingest : ingest) {
        if (from_ingest->field() != field.name()) continue;
        v1::Finding* finding = Copy(*from_ingest);
        // A multi-valued value with some valid items stays present: its
        // record cannot be told apart from the columns (docs/data-quality.md).
        AttachKeys(finding, [&](int64_t r) { return column.states[r] == ValueState::kInvalid; });
      }
      CheckOutliers(column);
    }
  }

  // The table's other ingest findings (repeated and incomplete keys), with
  // the keys of the records concerned when asked for.
  void CheckKeys(const std::vector<const v1::Finding*>& ingest) {
    for (const v1::Finding* from_ingest : ingest) {
      v1::Finding* finding = Copy(*from_ingest);
      if (!options_.with_record_keys) continue;
      if (finding->rule() == "duplicate_key") {
        AttachKeys(finding, RepeatedKeyRows());
      } else if (finding->rule() == "missing_key") {
        AttachKeys(finding, [&](int64_t r) { return !KeyComplete(r); });
      }
    }
  }

  void CheckRule(const CompiledQualityRule& rule, EvalContext& context) {
    const v1::QualityRule& proto = *rule.proto;
    absl::StatusOr<Vector> result = rule.formula.Evaluate(context);
    if (!result.ok()) {
      NotChecked(absl::StrCat("rule ", Quoted(proto.id())), "", result.status());
      return;
    }
    const Vector& v = *result;
    // Missing counts as passing; only a present false fails.
    auto fails = [&](int64_t r) {
      return v.type == ValueType::kBool && v.present[r] != 0 && v.int32s[r] == 0;
    };
    int64_t failures = 0;
    for (int64_t r = 0; r < data_.rows; ++r) failures += fails(r) ? 1 : 0;
    if (failures == 0) return;
    v1::Finding* finding = Add(proto.id(), RuleSeverity(proto), "", failures);
    finding->set_message(
        proto.message().empty()
            ? absl::StrCat(failures, " of ", data_.rows, " records fail rule ", Quoted(proto.id()),
                           ": ", proto.expression(), " is false for them")
            : absl::StrCat(failures, " of ", data_.rows, " records fail rule ", Quoted(proto.id()),
                           " (", proto.expression(), "): ", proto.message()));
    AttachKeys(finding, fails);
  }

  // The records indicator `ip` leaves out: those its filters keep that have
  // no valid placing date (flow) or opening date (stock), and stock records
  // that close before they open — the engine's no_placing_date and
  // invalid_interval findings, counted as Evaluate counts them.
  void CheckPlacement(const IndicatorPlan& ip, EvalContext& context) {
    const SidePlan& side = ip.value;
    const std::string& id = ip.proto->id();
    if (side.placement == PlacementKind::kYear) return;
    std::vector<uint8_t> keep(static_cast<size_t>(data_.rows), 1);
    for (const CompiledFormula& filter : side.filters) {
      absl::StatusOr<std::vector<uint8_t>> mask = filter.EvaluateMask(context);
      if (!mask.ok()) {
        NotChecked(absl::StrCat("the placing date of indicator ", Quoted(id)), id, mask.status());
        return;
      }
      for (size_t r = 0; r < keep.size(); ++r) keep[r] &= (*mask)[r];
    }
    const bool flow = side.placement == PlacementKind::kFlow;
    const RowSource& placing = flow ? side.placing : side.opened;
    if (!placing.valid()) return;
    absl::StatusOr<Vector> placed = placing.formula->Evaluate(context);
    if (!placed.ok()) {
      NotChecked(absl::StrCat("the placing date of indicator ", Quoted(id)), id, placed.status());
      return;
    }
    auto without = [&](int64_t r) { return keep[r] != 0 && placed->present[r] == 0; };
    int64_t count = 0;
    for (int64_t r = 0; r < data_.rows; ++r) count += without(r) ? 1 : 0;
    if (count > 0) {
      v1::Finding* finding = Add("no_placing_date", v1::WARNING, "", count);
      finding->set_indicator_id(id);
      finding->set_message(absl::StrCat(
          count, " of ", data_.rows, " records have no valid ", flow ? "placing" : "opening",
          " date (", placing.formula->text(), ") and are in no period of indicator ",
          Quoted(id)));
      AttachKeys(finding, without);
    }
    if (flow) return;
    std::optional<Vector> closed;
    if (side.closed.valid()) {
      absl::StatusOr<Vector> c = side.closed.formula->Evaluate(context);
      if (!c.ok()) {
        NotChecked(absl::StrCat("the closing date of indicator ", Quoted(id)), id, c.status());
        return;
      }
      closed = *std::move(c);
    }
    if (!closed.has_value()) return;
    // A closing after the as-of date is not known yet: the record is open.
    const int32_t as_of = context.as_of().day_number();
    auto backwards = [&](int64_t r) {
      if (keep[r] == 0 || placed->present[r] == 0 || closed->present[r] == 0) return false;
      const int32_t opened_on = placed->int32s[r], closed_on = closed->int32s[r];
      return opened_on <= as_of && closed_on <= as_of && closed_on < opened_on;
    };
    int64_t invalid = 0;
    for (int64_t r = 0; r < data_.rows; ++r) invalid += backwards(r) ? 1 : 0;
    if (invalid == 0) return;
    v1::Finding* finding = Add("invalid_interval", v1::WARNING, "", invalid);
    finding->set_indicator_id(id);
    finding->set_message(absl::StrCat(invalid, " of ", data_.rows, " records close (",
                                      side.closed.formula->text(), ") before they open (",
                                      placing.formula->text(),
                                      ") and are left out of stock indicator ", Quoted(id)));
    AttachKeys(finding, backwards);
  }

 private:
  // Ingest's finding as it is, without keys unless AttachKeys adds them.
  v1::Finding* Copy(const v1::Finding& from_ingest) {
    v1::Finding* f = &out_->emplace_back(from_ingest);
    f->clear_record_keys();
    return f;
  }

  v1::Finding* Add(const std::string& rule, v1::Severity severity, const std::string& field,
                   int64_t count) {
    v1::Finding* f = &out_->emplace_back();
    f->set_rule(rule);
    f->set_severity(severity);
    f->set_table(table_.name());
    f->set_field(field);
    f->set_count(count);
    if (data_.rows > 0) {
      f->set_share(static_cast<double>(count) / static_cast<double>(data_.rows));
    }
    return f;
  }

  void NotChecked(const std::string& what, const std::string& indicator_id,
                  const absl::Status& status) {
    v1::Finding* f = Add("not_checked", v1::WARNING, "", 0);
    f->clear_share();
    f->set_indicator_id(indicator_id);
    f->set_message(absl::StrCat(what, " could not be checked on this data: ",
                                status.message()));
  }

  // Outliers of a numeric attribute: identifiers are numbers only by
  // accident, and personal text is never read into a finding.
  void CheckOutliers(const Column& column) {
    const v1::Field& field = *column.field;
    if (column.type != v1::INT64 && column.type != v1::DOUBLE) return;
    if (field.role() == v1::IDENTIFIER || field.role() == v1::PERSONAL_TEXT) return;
    auto value = [&](int64_t r) {
      return column.type == v1::INT64 ? static_cast<double>(column.int64s[r]) : column.doubles[r];
    };
    std::vector<double> values;
    for (int64_t r = 0; r < data_.rows; ++r) {
      if (column.states[r] == ValueState::kPresent) values.push_back(value(r));
    }
    const OutlierFence fence = ComputeOutlierFence(values);
    if (!fence.active) return;
    auto outlier = [&](int64_t r) {
      return column.states[r] == ValueState::kPresent && fence.IsOutlier(value(r));
    };
    int64_t count = 0;
    for (int64_t r = 0; r < data_.rows; ++r) count += outlier(r) ? 1 : 0;
    if (count == 0) return;
    v1::Finding* finding = Add("outlier", v1::INFO, field.name(), count);
    finding->set_message(absl::StrCat(
        count, " of ", values.size(), " values of field ", Quoted(field.name()),
        " lie far from the others, outside ", Rounded(fence.median - fence.limit), " to ",
        Rounded(fence.median + fence.limit), " (more than ", FormatNumber(kOutlierCutoff),
        " x ", FormatNumber(kMadToSigma), " x the median absolute deviation ",
        Rounded(fence.mad), " from the median ", Rounded(fence.median),
        "); check them for typing errors"));
    AttachKeys(finding, outlier);
  }

  bool KeyComplete(int64_t r) const {
    if (key_columns_.empty()) return false;
    for (int c : key_columns_) {
      if (c < 0 || data_.columns[c].states[r] != ValueState::kPresent) return false;
    }
    return true;
  }

  // Rows whose complete key repeats that of an earlier row.
  std::function<bool(int64_t)> RepeatedKeyRows() const {
    auto repeated = std::make_shared<std::vector<uint8_t>>(static_cast<size_t>(data_.rows), 0);
    absl::flat_hash_set<std::string> seen;
    for (int64_t r = 0; r < data_.rows; ++r) {
      if (KeyComplete(r) && !seen.insert(RecordKey(r)).second) (*repeated)[r] = 1;
    }
    return [repeated](int64_t r) { return (*repeated)[r] != 0; };
  }

  // The text of row r's value in `column` (which must be present).
  std::string ValueText(const Column& column, int64_t r) const {
    switch (column.type) {
      case v1::INT64: return absl::StrCat(column.int64s[r]);
      case v1::DOUBLE: return FormatNumber(column.doubles[r]);
      case v1::BOOL: return column.int32s[r] != 0 ? "true" : "false";
      case v1::DATE: return Date::FromDayNumber(column.int32s[r]).ToIsoString();
      case v1::STRING: return column.dictionary[static_cast<size_t>(column.int32s[r])];
      case v1::CATEGORY: {
        const v1::CodeList* list = schema_.FindCodeList(column.field->code_list());
        if (list == nullptr) return {};
        if (!column.multi_valued) return list->codes(column.int32s[r]).value();
        std::vector<std::string> codes;
        for (uint32_t i = column.offsets[r]; i < column.offsets[r + 1]; ++i) {
          codes.push_back(list->codes(column.multi_codes[i]).value());
        }
        return absl::StrJoin(codes, ";");
      }
      default: return {};
    }
  }

  // The key values of row r joined by "|", or "row N" (1-based data row)
  // when the table has no key or the row's key is incomplete.
  std::string RecordKey(int64_t r) const {
    if (!KeyComplete(r)) return absl::StrCat("row ", r + 1);
    std::vector<std::string> parts;
    for (int c : key_columns_) parts.push_back(ValueText(data_.columns[c], r));
    return absl::StrJoin(parts, "|");
  }

  // With the opt-in only: the keys of the first rows (at most
  // max_record_keys) for which `concerned` holds.
  void AttachKeys(v1::Finding* finding, const std::function<bool(int64_t)>& concerned) const {
    if (!options_.with_record_keys) return;
    const int limit = options_.max_record_keys;
    for (int64_t r = 0; r < data_.rows && finding->record_keys_size() < limit; ++r) {
      if (concerned(r)) finding->add_record_keys(RecordKey(r));
    }
  }

  const SchemaRep& schema_;
  const TableData& data_;
  const v1::Table& table_;
  const QualityOptions& options_;
  std::vector<v1::Finding>* out_;
  std::vector<int> key_columns_;  // column index of each key field
};

// Compiles what the framework adds: its indicators (for the placing-date
// checks) and its quality rules. Every problem goes to `diagnostics`.
absl::Status CompileFramework(const Framework& framework, const Schema& schema,
                              std::optional<Plan>* plan, std::vector<CompiledQualityRule>* rules,
                              Diagnostics* diagnostics) {
  Diagnostics local;
  absl::StatusOr<Plan> compiled = Plan::Compile(framework, schema, &local);
  const FrameworkRep& fw = ModelAccess::Rep(framework);
  DiagnosticSink sink(&fw.source, &local);
  *rules = CompileQualityRules(fw, ModelAccess::Rep(schema), sink);
  if (diagnostics != nullptr) diagnostics->insert(diagnostics->end(), local.begin(), local.end());
  if (!compiled.ok() || sink.has_errors()) return StatusFromDiagnostics(local);
  *plan = *std::move(compiled);
  return absl::OkStatus();
}

}  // namespace
}  // namespace internal

absl::Status CheckQualityRules(const Framework& framework, const Schema& schema,
                               Diagnostics* diagnostics) {
  Diagnostics local;
  internal::DiagnosticSink sink(&internal::ModelAccess::Rep(framework).source, &local);
  internal::CompileQualityRules(internal::ModelAccess::Rep(framework),
                                internal::ModelAccess::Rep(schema), sink);
  if (diagnostics != nullptr) diagnostics->insert(diagnostics->end(), local.begin(), local.end());
  return StatusFromDiagnostics(local);
}

absl::StatusOr<QualityReport> CheckQuality(const Dataset& dataset, const Framework* framework,
                                           const QualityOptions& options,
                                           Diagnostics* diagnostics) {
  if (options.max_record_keys < 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "max_record_keys is ", options.max_record_keys, "; it must be at least 0"));
  }
  const internal::DatasetRep& data = internal::DatasetAccess::Rep(dataset);
  const internal::SchemaRep& schema = internal::ModelAccess::Rep(data.schema);
  auto rep = std::make_shared<QualityReport::Rep>();
  v1::Report& report = rep->report;
  report.set_ctind_version(CTIND_VERSION_STRING);
  report.set_protection(v1::RAW);

  std::optional<Plan> plan;
  std::vector<internal::CompiledQualityRule> rules;
  std::optional<Date> as_of;
  if (framework != nullptr) {
    absl::Status status =
        internal::CompileFramework(*framework, data.schema, &plan, &rules, diagnostics);
    if (!status.ok()) return status;
    const internal::FrameworkRep& fw = internal::ModelAccess::Rep(*framework);
    as_of = options.as_of.value_or(std::min(internal::TodayUtc(), fw.project_end.AddDays(-1)));
    report.set_project_id(fw.proto.project().id());
    report.set_as_of(as_of->ToIsoString());
  }
  // One context for every formula, so that link indexes are built once.
  std::optional<internal::EvalContext> context;
  if (as_of.has_value()) context.emplace(data, *as_of);

  std::vector<v1::Finding> findings;
  for (size_t t = 0; t < data.tables.size(); ++t) {
    const internal::TableData& table = data.tables[t];
    internal::TableChecker checker(schema, table, options, &findings);
    TableCompleteness completeness = checker.Completeness();
    std::vector<const v1::Finding*> invalid_values, others;
    for (const v1::Finding& f : data.findings) {
      if (f.table() != table.table->name()) continue;
      (f.rule() == "invalid_value" && !f.field().empty() ? invalid_values : others).push_back(&f);
    }
    checker.CheckFields(invalid_values, completeness);
    checker.CheckKeys(others);
    rep->tables.push_back(std::move(completeness));
    if (!context.has_value() || table.rows == 0) continue;
    for (const internal::CompiledQualityRule& rule : rules) {
      if (static_cast<size_t>(rule.table) == t) checker.CheckRule(rule, *context);
    }
    for (const internal::IndicatorPlan& ip : internal::PlanAccess::Rep(*plan).indicators) {
      if (ip.computed && static_cast<size_t>(ip.value.table) == t) {
        checker.CheckPlacement(ip, *context);
      }
    }
  }
  for (v1::Finding& f : findings) *report.add_findings() = std::move(f);
  return QualityReport(std::move(rep));
}

}  // namespace ctind
