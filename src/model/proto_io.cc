// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "model/proto_io.h"

#include "absl/strings/str_cat.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/json_util.h"

namespace ctind {
namespace {

using google::protobuf::Message;
using google::protobuf::TextFormat;

// Collects text-format syntax errors as diagnostics instead of logging them.
class DiagnosticCollector : public google::protobuf::io::ErrorCollector {
 public:
  DiagnosticCollector(const SourceFile* source, Diagnostics* out)
      : source_(source), out_(out) {}

  void AddError(int line, int column, const std::string& message) override {
    Add(line, column, message, Severity::kError);
  }
  void AddWarning(int line, int column, const std::string& message) override {
    Add(line, column, message, Severity::kWarning);
  }
  bool had_error() const { return had_error_; }

 private:
  void Add(int line, int column, const std::string& message, Severity severity) {
    if (severity == Severity::kError) had_error_ = true;
    if (out_ == nullptr) return;
    Diagnostic d;
    d.severity = severity;
    d.message = message;
    d.file = source_->file_name();
    if (line >= 0) {
      d.line = line + 1;
      d.column = column + 1;
      d.excerpt = source_->Excerpt(d.line, d.column);
      d.offset = source_->Offset(d.line, d.column);
    }
    out_->push_back(std::move(d));
  }

  const SourceFile* source_;
  Diagnostics* out_;
  bool had_error_ = false;
};

absl::Status SyntaxError(std::string_view file_name, std::string message,
                         Diagnostics* diagnostics) {
  Diagnostic d;
  d.file = std::string(file_name);
  d.message = std::move(message);
  if (diagnostics != nullptr) diagnostics->push_back(d);
  return absl::InvalidArgumentError(d.ToString());
}

}  // namespace

absl::Status ParseDefinition(std::string_view bytes, ProtoFormat format,
                             std::string_view file_name, Message* out,
                             SourceFile* source, Diagnostics* diagnostics) {
  out->Clear();
  if (bytes.size() > kMaxDefinitionBytes) {
    return SyntaxError(file_name,
                       absl::StrCat("definition is ", bytes.size(),
                                    " bytes; the limit is ", kMaxDefinitionBytes),
                       diagnostics);
  }
  switch (format) {
    case ProtoFormat::kText: {
      *source = SourceFile(std::string(file_name), std::string(bytes));
      Diagnostics syntax;
      DiagnosticCollector collector(source, &syntax);
      TextFormat::ParseInfoTree tree;
      TextFormat::Parser parser;
      parser.RecordErrorsTo(&collector);
      parser.WriteLocationsTo(&tree);
      google::protobuf::io::ArrayInputStream input(
          bytes.data(), static_cast<int>(bytes.size()));
      const bool ok = parser.Parse(&input, out);
      if (diagnostics != nullptr) {
        diagnostics->insert(diagnostics->end(), syntax.begin(), syntax.end());
      }
      if (!ok || collector.had_error()) {
        absl::Status status = StatusFromDiagnostics(syntax);
        if (status.ok()) {
          status = SyntaxError(file_name, "text format could not be parsed",
                               diagnostics);
        }
        return status;
      }
      source->IndexFields(*out, tree);
      return absl::OkStatus();
    }
    case ProtoFormat::kJson: {
      *source = SourceFile(std::string(file_name), std::string(bytes));
      google::protobuf::util::JsonParseOptions options;
      options.ignore_unknown_fields = false;
      const auto status = google::protobuf::util::JsonStringToMessage(
          google::protobuf::StringPiece(bytes.data(), bytes.size()), out,
          options);
      if (!status.ok()) {
        return SyntaxError(
            file_name,
            absl::StrCat("invalid JSON for ", out->GetDescriptor()->name(), ": ",
                         std::string(status.message().data(),
                                     status.message().size())),
            diagnostics);
      }
      return absl::OkStatus();
    }
    case ProtoFormat::kBinary: {
      *source = SourceFile(std::string(file_name), std::string());
      if (!out->ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
        return SyntaxError(file_name,
                           absl::StrCat("not a valid binary ",
                                        out->GetDescriptor()->full_name()),
                           diagnostics);
      }
      return absl::OkStatus();
    }
  }
  return absl::InvalidArgumentError("unknown definition format");
}

std::string MessageToJson(const Message& message, bool indent) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.add_whitespace = indent;
  std::string out;
  // Printing a valid message cannot fail; an empty string signals the
  // impossible case to the caller's tests.
  (void)google::protobuf::util::MessageToJsonString(message, &out, options);
  return out;
}

std::string SerializeDefinition(const Message& message, ProtoFormat format) {
  switch (format) {
    case ProtoFormat::kText: {
      std::string out;
      TextFormat::Printer printer;
      printer.SetExpandAny(true);
      printer.PrintToString(message, &out);
      return out;
    }
    case ProtoFormat::kJson:
      return MessageToJson(message, /*indent=*/true);
    case ProtoFormat::kBinary: {
      std::string out;
      {
        google::protobuf::io::StringOutputStream stream(&out);
        google::protobuf::io::CodedOutputStream coded(&stream);
        coded.SetSerializationDeterministic(true);
        message.SerializeToCodedStream(&coded);
      }
      return out;
    }
  }
  return {};
}

}  // namespace ctind
