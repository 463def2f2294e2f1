// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The state behind Schema and Framework, for the stages that compile them.

#ifndef CTIND_MODEL_MODEL_INTERNAL_H_
#define CTIND_MODEL_MODEL_INTERNAL_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "ctind/date.h"
#include "ctind/model.h"
#include "ctind/v1/framework.pb.h"
#include "ctind/v1/schema.pb.h"
#include "model/source.h"
#include "period/period.h"

namespace ctind {
namespace internal {

struct SchemaRep {
  v1::Schema proto;
  SourceFile source;
  // Index of each table and code list in `proto`, by name / id.
  absl::flat_hash_map<std::string, int> tables;
  absl::flat_hash_map<std::string, int> code_lists;

  const v1::Table* FindTable(std::string_view name) const;
  const v1::CodeList* FindCodeList(std::string_view id) const;
};

struct FrameworkRep {
  v1::Framework proto;
  SourceFile source;
  // Project span: [project_start, project_end) with project_end the day
  // after the inclusive end date the user wrote.
  Date project_start;
  Date project_end;
  int32_t fiscal_year_start_month = 1;
  absl::flat_hash_map<std::string, int> indicators;
  absl::flat_hash_map<std::string, int> results;
};

struct ModelAccess {
  static const SchemaRep& Rep(const Schema& schema) { return *schema.rep_; }
  static const FrameworkRep& Rep(const Framework& framework) {
    return *framework.rep_;
  }
};

// Collects diagnostics at field paths, locating them in the source.
class DiagnosticSink {
 public:
  DiagnosticSink(const SourceFile* source, Diagnostics* out)
      : source_(source), out_(out) {}
  void Error(std::string_view path, std::string message) {
    Add(path, std::move(message), Severity::kError);
  }
  void Warning(std::string_view path, std::string message) {
    Add(path, std::move(message), Severity::kWarning);
  }
  // A diagnostic located inside the string field at `path` (a formula):
  // `offset` is a byte offset in the field's value.
  void InString(std::string_view path, size_t offset, std::string message, Severity severity) {
    if (severity == Severity::kError) ++errors_;
    out_->push_back(source_->AtString(path, offset, std::move(message), severity));
  }
  bool has_errors() const { return errors_ > 0; }
  int errors() const { return errors_; }
  const Diagnostics& all() const { return *out_; }

 private:
  void Add(std::string_view path, std::string message, Severity severity) {
    if (severity == Severity::kError) ++errors_;
    out_->push_back(source_->At(path, std::move(message), severity));
  }
  const SourceFile* source_;
  Diagnostics* out_;
  int errors_ = 0;
};

// True for [A-Za-z_][A-Za-z0-9_]*.
bool IsIdentifier(std::string_view name);

// True for an InputFormat date format: %Y, %m and %d once each, and literal
// characters (schema.proto, InputFormat.date_format).
bool ValidDateFormat(std::string_view format);

// The period kind a proto period type names, given the project's fiscal
// year start month; nullopt for UNSPECIFIED and CUSTOM.
std::optional<PeriodKind> KindOf(v1::PeriodType type, int32_t fiscal_start_month);

// Schema and framework validation: append every problem to `sink`.
void ValidateSchema(const v1::Schema& schema, DiagnosticSink& sink);
void ValidateFramework(const v1::Framework& framework, DiagnosticSink& sink);

}  // namespace internal
}  // namespace ctind

#endif  // CTIND_MODEL_MODEL_INTERNAL_H_
