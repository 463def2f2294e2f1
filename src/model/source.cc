// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "model/source.h"

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

std::string_view LineOf(std::string_view text, int32_t line) {
  size_t begin = 0;
  for (int32_t i = 1; i < line; ++i) {
    const size_t nl = text.find('\n', begin);
    if (nl == std::string_view::npos) return {};
    begin = nl + 1;
  }
  size_t end = text.find('\n', begin);
  if (end == std::string_view::npos) end = text.size();
  std::string_view result = text.substr(begin, end - begin);
  if (!result.empty() && result.back() == '\r') result.remove_suffix(1);
  return result;
}

}  // namespace

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
        const std::string_view text_line = LineOf(text_, loc.line + 1);
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
  const std::string_view text_line = LineOf(text_, line);
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
