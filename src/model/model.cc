// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "ctind/model.h"

#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/strings.h"
#include "model/model_internal.h"
#include "model/proto_io.h"

namespace ctind {
namespace internal {

const v1::Table* SchemaRep::FindTable(std::string_view name) const {
  auto it = tables.find(Sv(name));
  return it == tables.end() ? nullptr : &proto.tables(it->second);
}

const v1::CodeList* SchemaRep::FindCodeList(std::string_view id) const {
  auto it = code_lists.find(Sv(id));
  return it == code_lists.end() ? nullptr : &proto.code_lists(it->second);
}

namespace {

// Validates `rep->proto` and finishes its indexes. Appends diagnostics to
// `*diagnostics` when not null.
absl::Status FinishSchema(SchemaRep* rep, Diagnostics* diagnostics) {
  Diagnostics local;
  DiagnosticSink sink(&rep->source, &local);
  ValidateSchema(rep->proto, sink);
  if (diagnostics != nullptr) {
    diagnostics->insert(diagnostics->end(), local.begin(), local.end());
  }
  if (sink.has_errors()) return StatusFromDiagnostics(local);
  for (int i = 0; i < rep->proto.tables_size(); ++i) {
    rep->tables.emplace(rep->proto.tables(i).name(), i);
  }
  for (int i = 0; i < rep->proto.code_lists_size(); ++i) {
    rep->code_lists.emplace(rep->proto.code_lists(i).id(), i);
  }
  return absl::OkStatus();
}

absl::Status FinishFramework(FrameworkRep* rep, Diagnostics* diagnostics) {
  Diagnostics local;
  DiagnosticSink sink(&rep->source, &local);
  ValidateFramework(rep->proto, sink);
  if (diagnostics != nullptr) {
    diagnostics->insert(diagnostics->end(), local.begin(), local.end());
  }
  if (sink.has_errors()) return StatusFromDiagnostics(local);
  const v1::Project& project = rep->proto.project();
  // Validation guarantees both dates parse and start <= end.
  rep->project_start = *Date::ParseIso(project.start_date());
  rep->project_end = Date::ParseIso(project.end_date())->AddDays(1);
  if (project.fiscal_year_start_month() > 0) {
    rep->fiscal_year_start_month = project.fiscal_year_start_month();
  }
  for (int i = 0; i < rep->proto.indicators_size(); ++i) {
    rep->indicators.emplace(rep->proto.indicators(i).id(), i);
  }
  for (int i = 0; i < rep->proto.results_size(); ++i) {
    rep->results.emplace(rep->proto.results(i).id(), i);
  }
  return absl::OkStatus();
}

}  // namespace
}  // namespace internal

absl::StatusOr<ProtoFormat> ProtoFormatFromPath(std::string_view path) {
  for (const char* ext : {".textproto", ".txtpb", ".pbtxt", ".txt"}) {
    if (absl::EndsWith(Sv(path), ext)) return ProtoFormat::kText;
  }
  if (absl::EndsWith(Sv(path), ".json")) return ProtoFormat::kJson;
  for (const char* ext : {".binpb", ".pb", ".bin"}) {
    if (absl::EndsWith(Sv(path), ext)) return ProtoFormat::kBinary;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "cannot tell the format of '", Sv(path),
      "' from its extension: use .textproto (text), .json or .binpb (binary)"));
}

absl::StatusOr<ProtoFormat> ParseProtoFormat(std::string_view name) {
  if (name == "text" || name == "textproto") return ProtoFormat::kText;
  if (name == "json") return ProtoFormat::kJson;
  if (name == "binary" || name == "binpb") return ProtoFormat::kBinary;
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown format '", Sv(name), "': use text, json or binary"));
}

Schema::Schema(std::shared_ptr<const internal::SchemaRep> rep)
    : rep_(std::move(rep)) {}

absl::StatusOr<Schema> Schema::Parse(std::string_view bytes, ProtoFormat format,
                                     std::string_view file_name,
                                     Diagnostics* diagnostics) {
  auto rep = std::make_shared<internal::SchemaRep>();
  absl::Status status = ParseDefinition(bytes, format, file_name, &rep->proto,
                                        &rep->source, diagnostics);
  if (!status.ok()) return status;
  status = internal::FinishSchema(rep.get(), diagnostics);
  if (!status.ok()) return status;
  return Schema(std::move(rep));
}

absl::StatusOr<Schema> Schema::FromProto(const v1::Schema& proto,
                                         Diagnostics* diagnostics) {
  auto rep = std::make_shared<internal::SchemaRep>();
  rep->proto = proto;
  absl::Status status = internal::FinishSchema(rep.get(), diagnostics);
  if (!status.ok()) return status;
  return Schema(std::move(rep));
}

const v1::Schema& Schema::proto() const { return rep_->proto; }

std::string Schema::Serialize(ProtoFormat format) const {
  return SerializeDefinition(rep_->proto, format);
}

Framework::Framework(std::shared_ptr<const internal::FrameworkRep> rep)
    : rep_(std::move(rep)) {}

absl::StatusOr<Framework> Framework::Parse(std::string_view bytes,
                                           ProtoFormat format,
                                           std::string_view file_name,
                                           Diagnostics* diagnostics) {
  auto rep = std::make_shared<internal::FrameworkRep>();
  absl::Status status = ParseDefinition(bytes, format, file_name, &rep->proto,
                                        &rep->source, diagnostics);
  if (!status.ok()) return status;
  status = internal::FinishFramework(rep.get(), diagnostics);
  if (!status.ok()) return status;
  return Framework(std::move(rep));
}

absl::StatusOr<Framework> Framework::FromProto(const v1::Framework& proto,
                                               Diagnostics* diagnostics) {
  auto rep = std::make_shared<internal::FrameworkRep>();
  rep->proto = proto;
  absl::Status status = internal::FinishFramework(rep.get(), diagnostics);
  if (!status.ok()) return status;
  return Framework(std::move(rep));
}

const v1::Framework& Framework::proto() const { return rep_->proto; }

std::string Framework::Serialize(ProtoFormat format) const {
  return SerializeDefinition(rep_->proto, format);
}

}  // namespace ctind
