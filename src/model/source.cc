// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "model/source.h"

#include <cctype>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/strings.h"
#include "google/protobuf/descriptor.h"

namespace ctind {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;
using google::protobuf::TextFormat;

}  // namespace

SourceFile::SourceFile(std::string file_name, std::string text)
    : file_name_(std::move(file_name)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

std::string_view SourceFile::Line(int32_t line) const {
  if (line <= 0 || static_cast<size_t>(line) > line_starts_.size()) return {};
  const size_t begin = line_starts_[line - 1];
  size_t end = static_cast<size_t>(line) < line_starts_.size() ? line_starts_[line] - 1 : text_.size();
  std::string_view result = std::string_view(text_).substr(begin, end - begin);
  if (!result.empty() && result.back() == '\r') result.remove_suffix(1);
  return result;
}

int32_t CodePointColumn(std::string_view line, size_t byte_column) {
  int32_t column = 1;
  for (size_t i = 0; i < byte_column && i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

void SourceFile::IndexFields(const Message& message,
                             const TextFormat::ParseInfoTree& tree,
                             const std::string& prefix) {
  const Reflection* reflection = message.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  for (const FieldDescriptor* field : fields) {
    const std::string base =
        prefix.empty() ? field->name() : absl::StrCat(prefix, ".", field->name());
    const int count =
        field->is_repeated() ? reflection->FieldSize(message, field) : 1;
    for (int i = 0; i < count; ++i) {
      const int index = field->is_repeated() ? i : -1;
      const std::string path =
          field->is_repeated() ? absl::StrCat(base, "[", i, "]") : base;
      const TextFormat::ParseLocation loc = tree.GetLocation(field, index);
      if (loc.line >= 0) {
        const std::string_view text_line = Line(loc.line + 1);
        fields_[path] = {loc.line + 1,
                         CodePointColumn(text_line, static_cast<size_t>(loc.column))};
      }
      if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
        const TextFormat::ParseInfoTree* child = tree.GetTreeForNested(field, index);
        if (child == nullptr) continue;
        const Message& sub = field->is_repeated()
                                 ? reflection->GetRepeatedMessage(message, field, i)
                                 : reflection->GetMessage(message, field);
        IndexFields(sub, *child, path);
      }
    }
  }
}

SourceLocation SourceFile::Find(std::string_view path) const {
  std::string key(path);
  while (!key.empty()) {
    auto it = fields_.find(Sv(key));
    if (it != fields_.end()) return it->second;
    // Drop the last component: "a.b[2].c" → "a.b[2]" → "a.b" → "a".
    const size_t cut = key.find_last_of(".[");
    if (cut == std::string::npos) break;
    key.resize(cut);
  }
  return {};
}

std::string SourceFile::Excerpt(int32_t line, int32_t column) const {
  if (line <= 0 || text_.empty()) return {};
  const std::string_view text_line = Line(line);
  if (text_line.empty()) return {};
  std::string caret;
  // Keep tabs so the caret lines up under the same indentation.
  int32_t col = 1;
  for (size_t i = 0; i < text_line.size() && col < column; ++i) {
    const unsigned char c = static_cast<unsigned char>(text_line[i]);
    if ((c & 0xC0) == 0x80) continue;
    caret += c == '\t' ? '\t' : ' ';
    ++col;
  }
  return absl::StrCat("  ", Sv(text_line), "\n  ", caret, "^");
}

int64_t SourceFile::Offset(int32_t line, int32_t column) const {
  if (line <= 0 || column <= 0) return -1;
  size_t at = 0;
  for (int32_t i = 1; i < line; ++i) {
    at = text_.find('\n', at);
    if (at == std::string::npos) return -1;
    ++at;
  }
  for (int32_t c = 1; c < column; ++c) {
    if (at >= text_.size() || text_[at] == '\n') return -1;
    ++at;
    while (at < text_.size() && (static_cast<unsigned char>(text_[at]) & 0xC0) == 0x80) ++at;
  }
  return static_cast<int64_t>(at);
}

Diagnostic SourceFile::AtString(std::string_view path, size_t offset, std::string message,
                                Severity severity) const {
  Diagnostic d = At(path, std::move(message), severity);
  const int64_t field_at = d.offset;
  // Find the opening quote after the field name and walk the literal(s).
  int64_t at = -1;
  if (field_at >= 0 && !text_.empty()) {
    size_t i = static_cast<size_t>(field_at);
    while (i < text_.size() && text_[i] != '"' && text_[i] != '\'' && text_[i] != '\n') ++i;
    if (i < text_.size() && text_[i] != '\n') {
      char quote = text_[i++];
      size_t decoded = 0;
      while (i < text_.size()) {
        if (text_[i] == quote) {
          // Adjacent literals continue the value: "a" "b".
          size_t j = i + 1;
          while (j < text_.size() && (text_[j] == ' ' || text_[j] == '\t' || text_[j] == '\n' ||
                                      text_[j] == '\r')) {
            ++j;
          }
          if (j < text_.size() && (text_[j] == '"' || text_[j] == '\'')) {
            quote = text_[j];
            i = j + 1;
            continue;
          }
          break;
        }
        if (decoded == offset) {
          at = static_cast<int64_t>(i);
          break;
        }
        if (text_[i] == '\\' && i + 1 < text_.size()) {
          const char e = text_[i + 1];
          i += 2;
          if (e == 'x') {
            for (int k = 0; k < 2 && i < text_.size() && std::isxdigit(static_cast<unsigned char>(text_[i])); ++k) ++i;
          } else if (e >= '0' && e <= '7') {
            for (int k = 0; k < 2 && i < text_.size() && text_[i] >= '0' && text_[i] <= '7'; ++k) ++i;
          }
        } else {
          ++i;
        }
        ++decoded;
      }
      if (at < 0 && decoded == offset && i < text_.size()) at = static_cast<int64_t>(i);
    }
  }
  if (at < 0) {
    d.message = absl::StrCat("at character ", offset + 1, " of the formula: ", d.message);
    return d;
  }
  // Line and column of byte `at`.
  int32_t line = 1;
  size_t line_start = 0;
  for (size_t k = 0; k < static_cast<size_t>(at); ++k) {
    if (text_[k] == '\n') {
      ++line;
      line_start = k + 1;
    }
  }
  d.line = line;
  d.column = CodePointColumn(std::string_view(text_).substr(line_start),
                             static_cast<size_t>(at) - line_start);
  d.offset = at;
  d.excerpt = Excerpt(d.line, d.column);
  return d;
}

Diagnostic SourceFile::At(std::string_view path, std::string message,
                          Severity severity) const {
  Diagnostic d;
  d.severity = severity;
  d.path = std::string(path);
  d.message = std::move(message);
  d.file = file_name_;
  const SourceLocation loc = Find(path);
  d.line = loc.line;
  d.column = loc.column;
  d.excerpt = Excerpt(loc.line, loc.column);
  d.offset = Offset(loc.line, loc.column);
  return d;
}

}  // namespace ctind
