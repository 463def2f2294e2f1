// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "model/proto_io.h"

#include "absl/strings/str_cat.h"
#include "common/utf8.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/unknown_field_set.h"
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

// Text and JSON definitions must be well-formed UTF-8 as a whole: protobuf's
// parsers would otherwise keep ill-formed bytes in string fields (logging a
// complaint rather than failing), and renderers would pass them on.
absl::Status CheckUtf8(std::string_view bytes, const SourceFile& source,
                       Diagnostics* diagnostics) {
  const std::optional<size_t> bad = FindInvalidUtf8(bytes);
  if (!bad) return absl::OkStatus();
  const LineColumn at = LineColumnAt(bytes, *bad);
  Diagnostic d;
  d.file = source.file_name();
  d.line = static_cast<int>(at.line);
  d.column = static_cast<int>(at.column);
  d.offset = static_cast<int64_t>(*bad);
  d.message = absl::StrCat("invalid UTF-8 byte 0x",
                           absl::Hex(static_cast<unsigned char>(bytes[*bad]), absl::kZeroPad2),
                           "; a definition is UTF-8 text");
  if (diagnostics != nullptr) diagnostics->push_back(d);
  return absl::InvalidArgumentError(d.ToString());
}

// The full name of the first string field whose value in `bytes`, the binary
// encoding of a `type` message, is not well-formed UTF-8; nullopt when there
// is none or when `bytes` is not a valid encoding (the real parse then says
// so). Checked before that parse: protobuf's parser refuses such a string
// too, but logs its complaint to stderr, and the library prints nothing.
std::optional<std::string> FindIllFormedString(std::string_view bytes,
                                               const google::protobuf::Descriptor& type,
                                               int depth) {
  using google::protobuf::FieldDescriptor;
  using google::protobuf::UnknownField;
  constexpr int kMaxDepth = 100;  // protobuf's own recursion limit
  google::protobuf::UnknownFieldSet fields;
  if (depth > kMaxDepth || !fields.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return std::nullopt;
  }
  for (int i = 0; i < fields.field_count(); ++i) {
    const UnknownField& field = fields.field(i);
    if (field.type() != UnknownField::TYPE_LENGTH_DELIMITED) continue;
    const FieldDescriptor* descriptor = type.FindFieldByNumber(field.number());
    if (descriptor == nullptr) continue;
    if (descriptor->type() == FieldDescriptor::TYPE_STRING) {
      if (FindInvalidUtf8(field.length_delimited())) return descriptor->full_name();
    } else if (descriptor->type() == FieldDescriptor::TYPE_MESSAGE) {
      if (std::optional<std::string> inner =
              FindIllFormedString(field.length_delimited(), *descriptor->message_type(), depth + 1)) {
        return inner;
      }
    }
  }
  return std::nullopt;
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
      if (absl::Status utf8 = CheckUtf8(bytes, *source, diagnostics); !utf8.ok()) return utf8;
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
      if (absl::Status utf8 = CheckUtf8(bytes, *source, diagnostics); !utf8.ok()) return utf8;
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
      if (std::optional<std::string> field = FindIllFormedString(bytes, *out->GetDescriptor(), 0)) {
        return SyntaxError(file_name,
                           absl::StrCat("string field '", *field,
                                        "' is not well-formed UTF-8; a definition's text is UTF-8"),
                           diagnostics);
      }
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
      // Titles in French, Nepali or Amharic stay readable: UTF-8 as it is,
      // not octal escapes of its bytes.
      printer.SetUseUtf8StringEscaping(true);
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
