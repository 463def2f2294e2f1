// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Data-quality checks of a loaded dataset (docs/data-quality.md): how
// complete every field is, which values are invalid or out of range
// (ingest's findings), repeated keys, numeric outliers, the framework's own
// quality rules (formulas such as `closed_on >= opened_on`) and the records
// an indicator leaves out for want of a placing date. The checks only read
// the dataset; they never change a value.
//
// Findings carry counts and shares, never the records' keys, unless the
// data owner asks for them explicitly (QualityOptions::with_record_keys):
// keys identify persons and must never reach anyone else
// (SEMANTICS.md, "Disclosure control").
//
// The generated proto classes are declared here, not defined: include
// "ctind/v1/report.pb.h" to read the findings.

#ifndef CTIND_QUALITY_H_
#define CTIND_QUALITY_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "ctind/dataset.h"
#include "ctind/date.h"
#include "ctind/diagnostic.h"
#include "ctind/model.h"

namespace ctind {
namespace v1 {
class Report;
}  // namespace v1

struct QualityOptions {
  // Fill Finding.record_keys with the key values of the records concerned
  // (a record with an incomplete key, or of a table without a key, as
  // "row N": its data row, 1-based, the header not counted). Off by default:
  // keys identify persons, so only the data owner's explicit request may
  // turn it on, and the result is for the owner's own use.
  bool with_record_keys = false;
  // With with_record_keys: at most this many keys per finding, those of the
  // first records in row order (Finding.count still counts all). At least 0.
  int32_t max_record_keys = 100;
  // The last day of data considered, inclusive: children dated after it are
  // left out of linked aggregates in rules and filters, and a closing date
  // after it is not yet known (stock indicators), exactly as Evaluate does.
  // Default, as Evaluate's: today (UTC), capped at the project's last day.
  // Used only with a framework.
  std::optional<Date> as_of;
};

// How complete one field is: every row is present, missing (empty in the
// input) or invalid (present but not a valid value; ingest's findings say
// why), so present + missing + invalid = the table's rows.
struct FieldCompleteness {
  std::string field;
  bool required = false;
  int64_t present = 0;
  int64_t missing = 0;
  int64_t invalid = 0;
};

struct TableCompleteness {
  std::string table;
  // False when no file was loaded for the table (rows is then 0).
  bool loaded = false;
  int64_t rows = 0;
  // In the schema's field order.
  std::vector<FieldCompleteness> fields;
};

// The result of CheckQuality. Immutable; cheap to copy.
class QualityReport {
 public:
  // A Report that holds the findings (project_id and as_of when a
  // framework was given, ctind_version, protection RAW); no indicators.
  // Findings are ordered by table (schema order); within a table: per field
  // in field order missing_value, invalid_value, outlier; then the table's
  // other ingest findings (duplicate_key, missing_key) in load order; then
  // the framework's quality rules in framework order; then the indicators'
  // no_placing_date and invalid_interval, in framework order.
  const v1::Report& proto() const;
  // One entry per schema table, in schema order.
  const std::vector<TableCompleteness>& tables() const;

  struct Rep;
  explicit QualityReport(std::shared_ptr<const Rep> rep);

 private:
  std::shared_ptr<const Rep> rep_;
};

// Runs every check on `dataset`; with a `framework` (may be null) also its
// quality rules and the placing-date checks of its computed indicators,
// compiled against the dataset's schema.
// Errors: InvalidArgument when the framework does not compile against the
// schema or a quality rule is wrong (an unknown table or field, a formula
// that is not a condition): every problem is appended to `*diagnostics`
// (when not null), each naming the rule and, for a framework parsed from
// text, its file, line and column; InvalidArgument for a negative
// max_record_keys. A rule that cannot be evaluated on this data (a link
// whose parent key repeats, an integer overflow) is not an error: it gives
// a `not_checked` finding.
// Thread safety: reads the dataset only; may run alongside evaluations.
absl::StatusOr<QualityReport> CheckQuality(const Dataset& dataset, const Framework* framework,
                                           const QualityOptions& options = {},
                                           Diagnostics* diagnostics = nullptr);

// Compiles the framework's quality rules against `schema` without data, as
// `ctind validate` would: OK, or InvalidArgument with every problem in
// `*diagnostics` (when not null), as CheckQuality reports them.
absl::Status CheckQualityRules(const Framework& framework, const Schema& schema,
                               Diagnostics* diagnostics = nullptr);

// The report's canonical JSON (the ctind.v1.Report message with proto field
// names, indented): the findings as the proto defines them.
std::string RenderQualityJson(const QualityReport& report);

// One row per finding, with a header; columns table, field, rule,
// severity, indicator_id, count, share, file, line, column, message,
// record_keys (joined by "; "). Text cells a spreadsheet would execute are
// neutralised as in RenderCsv.
std::string RenderQualityCsv(const QualityReport& report);

// For a terminal: per table, the completeness of every field, then its
// findings with counts and shares (percentages to one decimal).
std::string RenderQualityTable(const QualityReport& report);

}  // namespace ctind

#endif  // CTIND_QUALITY_H_
