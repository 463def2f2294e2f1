// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "report/xml_writer.h"

#include <utility>

#include "report/utf8_text.h"

namespace ctind {
namespace {

// XML 1.0, production [2] Char.
bool IsXmlChar(char32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

std::string Escape(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = NextCodePoint(text, &pos);
    if (!IsXmlChar(cp)) cp = kReplacementCharacter;
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\r': out += "&#13;"; break;
      case '"':
        out += attribute ? "&quot;" : "\"";
        break;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        break;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        break;
      default: AppendUtf8(cp, &out);
    }
  }
  return out;
}

}  // namespace

std::string EscapeXmlText(std::string_view text) { return Escape(text, false); }

std::string EscapeXmlAttribute(std::string_view value) { return Escape(value, true); }

XmlWriter::XmlWriter() : out_("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") {}

void XmlWriter::Indent() { out_.append(2 * stack_.size(), ' '); }

void XmlWriter::FinishStartTag() {
  if (stack_.empty() || !stack_.back().start_tag_open) return;
  out_ += '>';
  stack_.back().start_tag_open = false;
}

void XmlWriter::Open(std::string_view name) {
  if (!stack_.empty()) {
    FinishStartTag();
    if (!stack_.back().has_children) out_ += '\n';
    stack_.back().has_children = true;
  }
  Indent();
  out_ += '<';
  out_ += name;
  stack_.push_back(OpenElement{std::string(name)});
}

void XmlWriter::Attribute(std::string_view name, std::string_view value) {
  out_ += ' ';
  out_ += name;
  out_ += "=\"";
  out_ += EscapeXmlAttribute(value);
  out_ += '"';
}

void XmlWriter::Text(std::string_view text) {
  FinishStartTag();
  stack_.back().has_text = true;
  out_ += EscapeXmlText(text);
}

void XmlWriter::Close() {
  OpenElement element = std::move(stack_.back());
  stack_.pop_back();
  if (element.start_tag_open) {
    out_ += "/>\n";
    return;
  }
  if (element.has_children) Indent();
  out_ += "</";
  out_ += element.name;
  out_ += ">\n";
}

void XmlWriter::TextElement(std::string_view name, std::string_view text) {
  Open(name);
  Text(text);
  Close();
}

}  // namespace ctind
