// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Reading and writing definitions (any proto message) in the three
// encodings, without protobuf printing anything: syntax errors become
// diagnostics with file, line and column.

#ifndef CTIND_MODEL_PROTO_IO_H_
#define CTIND_MODEL_PROTO_IO_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "ctind/diagnostic.h"
#include "ctind/model.h"
#include "google/protobuf/message.h"
#include "model/source.h"

namespace ctind {

// Largest definition accepted, in bytes.
inline constexpr size_t kMaxDefinitionBytes = 256u << 20;

// Parses `bytes` into `*out` (cleared first). For text format, indexes the
// location of every field into `*source` (which also keeps the text). On a
// syntax error appends diagnostics and returns InvalidArgument.
absl::Status ParseDefinition(std::string_view bytes, ProtoFormat format,
                             std::string_view file_name,
                             google::protobuf::Message* out, SourceFile* source,
                             Diagnostics* diagnostics);

// Deterministic encoding of `message`: text format, JSON with the proto
// field names (two-space indented), or binary with deterministic map order.
std::string SerializeDefinition(const google::protobuf::Message& message,
                                ProtoFormat format);

// JSON of a message on one line or indented, with proto field names; fields
// with explicit presence print whenever set, so 0 and unset differ.
std::string MessageToJson(const google::protobuf::Message& message, bool indent);

}  // namespace ctind

#endif  // CTIND_MODEL_PROTO_IO_H_
