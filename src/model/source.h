// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Where things are in a definition the user wrote: the text of the file and,
// for text-format input, the line and column of every field, by field path
// ("indicators[2].period.by"). Diagnostics found after parsing (validation,
// formula checking) use it to point into the file.

#ifndef CTIND_MODEL_SOURCE_H_
#define CTIND_MODEL_SOURCE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "ctind/diagnostic.h"
#include "google/protobuf/message.h"
#include "google/protobuf/text_format.h"

namespace ctind {

struct SourceLocation {
  int32_t line = 0;    // 1-based
  int32_t column = 0;  // 1-based, in code points
};

class SourceFile {
 public:
  SourceFile() = default;
  SourceFile(std::string file_name, std::string text);

  const std::string& file_name() const { return file_name_; }
  const std::string& text() const { return text_; }

  // Records the locations of every field of `message` from the parser's
  // tree, under `prefix`.
  void IndexFields(const google::protobuf::Message& message,
                   const google::protobuf::TextFormat::ParseInfoTree& tree,
                   const std::string& prefix = "");

  // Location of the field at `path`, or of its nearest enclosing field
  // that has one; line 0 when none is known.
  SourceLocation Find(std::string_view path) const;

  // A diagnostic at `path` with file, line, column and excerpt filled in
  // where known.
  Diagnostic At(std::string_view path, std::string message,
                Severity severity = Severity::kError) const;

  // A diagnostic at byte `offset` of the decoded value of the string field
  // at `path` (a formula): for text input, the line and column inside the
  // quoted string in the file (escapes and adjacent literals accounted
  // for); otherwise the path, with the position inside the formula in the
  // message.
  Diagnostic AtString(std::string_view path, size_t offset, std::string message,
                      Severity severity = Severity::kError) const;

  // Byte offset in the text of `line`:`column` (1-based, code points), or
  // -1 when out of range.
  int64_t Offset(int32_t line, int32_t column) const;

  // The source line `line` (1-based) and a caret under `column`; empty when
  // out of range.
  std::string Excerpt(int32_t line, int32_t column) const;

 private:
  // The text of line `line` (1-based), without its line break.
  std::string_view Line(int32_t line) const;

  std::string file_name_;
  std::string text_;
  // Byte offset of the start of each line, computed once (indexing every
  // field of a large framework stays linear).
  std::vector<size_t> line_starts_;
  absl::flat_hash_map<std::string, SourceLocation> fields_;
};

// Column (1-based, code points) of byte `byte_column` (0-based) of `line`.
int32_t CodePointColumn(std::string_view line, size_t byte_column);

}  // namespace ctind

#endif  // CTIND_MODEL_SOURCE_H_
