// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Writing XML 1.0 documents whose element and attribute names are the
// caller's constants and whose text and attribute values are user text:
// every value is escaped, and characters XML 1.0 cannot carry are replaced,
// so that any input gives a well-formed document (SEMANTICS.md, "Outputs").
// Output is indented two spaces per level, one element per line; an element
// holding text is written on one line.

#ifndef CTIND_REPORT_XML_WRITER_H_
#define CTIND_REPORT_XML_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

namespace ctind {

// `text` as XML character data: & < > escaped, CR written as &#13; (a
// parser would otherwise turn it into LF), and every byte sequence that is
// not well-formed UTF-8 or encodes a character outside XML 1.0's Char
// production (controls other than tab, LF and CR; U+FFFE; U+FFFF) replaced
// by U+FFFD.
std::string EscapeXmlText(std::string_view text);

// `value` for a double-quoted attribute: as EscapeXmlText, and also "
// escaped and tab and LF written as character references, which attribute
// normalisation would otherwise turn into spaces.
std::string EscapeXmlAttribute(std::string_view value);

class XmlWriter {
 public:
  // Starts a document with the declaration <?xml version="1.0"
  // encoding="UTF-8"?>.
  XmlWriter();

  // Opens element `name` (a constant of the caller, not user text). Its
  // attributes follow, then its children or its text, then Close().
  void Open(std::string_view name);
  // An attribute of the element just opened; only before its children or
  // text.
  void Attribute(std::string_view name, std::string_view value);
  // The text content of the element just opened, which then has no child
  // elements.
  void Text(std::string_view text);
  // Closes the innermost open element: "/>" when it is empty.
  void Close();
  // Opens `name`, writes `text` and closes it.
  void TextElement(std::string_view name, std::string_view text);

  // The document; every element must be closed.
  const std::string& str() const { return out_; }

 private:
  // Ends the start tag of the innermost element if it is still open.
  void FinishStartTag();
  void Indent();

  struct OpenElement {
    std::string name;
    bool start_tag_open = true;
    bool has_children = false;
    bool has_text = false;
  };
  std::string out_;
  std::vector<OpenElement> stack_;
};

}  // namespace ctind

#endif  // CTIND_REPORT_XML_WRITER_H_
