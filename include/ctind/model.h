// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The model: a validated Schema (the shape of the records) and a validated
// Framework (project, logframe, indicators), loaded from protobuf text
// format, JSON or binary, or built as protos in code.
//
// Both are immutable values with shared, reference-counted state: copying
// is cheap and copies may be used from any number of threads at once.
//
// The generated proto classes are declared here, not defined: include
// "ctind/v1/schema.pb.h" / "ctind/v1/framework.pb.h" to read them.

#ifndef CTIND_MODEL_H_
#define CTIND_MODEL_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "ctind/diagnostic.h"

namespace ctind {
namespace v1 {
class Schema;
class Framework;
}  // namespace v1

// Encodings of a definition.
enum class ProtoFormat {
  kText,    // protobuf text format (.textproto, .txtpb, .pbtxt)
  kJson,    // the proto's canonical JSON mapping (.json)
  kBinary,  // protobuf wire format (.binpb, .pb)
};

// The format named by a file's extension; InvalidArgument for an unknown
// extension, naming the extensions accepted.
absl::StatusOr<ProtoFormat> ProtoFormatFromPath(std::string_view path);

// Parses "text", "json" or "binary".
absl::StatusOr<ProtoFormat> ParseProtoFormat(std::string_view name);

namespace internal {
struct SchemaRep;
struct FrameworkRep;
struct ModelAccess;
}  // namespace internal

class Schema {
 public:
  // Parses `bytes` in `format` and validates the result. `file_name` is
  // used in diagnostics. On a syntax error or any validation error returns
  // InvalidArgument summarising the first error, and appends every problem
  // found (all of them, in one pass) to `*diagnostics` when it is not null.
  // Warnings are appended on success too.
  static absl::StatusOr<Schema> Parse(std::string_view bytes,
                                      ProtoFormat format,
                                      std::string_view file_name,
                                      Diagnostics* diagnostics = nullptr);
  // Validates a schema built in code; errors as for Parse.
  static absl::StatusOr<Schema> FromProto(const v1::Schema& proto,
                                          Diagnostics* diagnostics = nullptr);

  const v1::Schema& proto() const;
  // The definition encoded in `format`; text and JSON are deterministic.
  std::string Serialize(ProtoFormat format) const;

 private:
  friend struct internal::ModelAccess;
  explicit Schema(std::shared_ptr<const internal::SchemaRep> rep);
  std::shared_ptr<const internal::SchemaRep> rep_;
};

class Framework {
 public:
  // As Schema::Parse. Validation here covers the framework on its own:
  // unique ids, references between results and indicators, a results
  // hierarchy without cycles and with levels in order, dates and period
  // identifiers, targets on periods inside the project. References to
  // tables and fields are checked against a schema by Compile (engine.h).
  static absl::StatusOr<Framework> Parse(std::string_view bytes,
                                         ProtoFormat format,
                                         std::string_view file_name,
                                         Diagnostics* diagnostics = nullptr);
  static absl::StatusOr<Framework> FromProto(
      const v1::Framework& proto, Diagnostics* diagnostics = nullptr);

  const v1::Framework& proto() const;
  std::string Serialize(ProtoFormat format) const;

 private:
  friend struct internal::ModelAccess;
  explicit Framework(std::shared_ptr<const internal::FrameworkRep> rep);
  std::shared_ptr<const internal::FrameworkRep> rep_;
};

}  // namespace ctind

#endif  // CTIND_MODEL_H_
