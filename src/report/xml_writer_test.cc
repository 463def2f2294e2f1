// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "report/xml_writer.h"

#include <string>

#include "gtest/gtest.h"

namespace ctind {
namespace {

TEST(XmlWriterTest, EscapesText) {
  EXPECT_EQ(EscapeXmlText("a < b & c > d \"q\" 'a'"), "a &lt; b &amp; c &gt; d \"q\" 'a'");
  EXPECT_EQ(EscapeXmlText("=1+1"), "=1+1");
  EXPECT_EQ(EscapeXmlText("]]>"), "]]&gt;");
  // A parser would turn a raw CR into LF.
  EXPECT_EQ(EscapeXmlText("a\r\nb\tc"), "a&#13;\nb\tc");
  EXPECT_EQ(EscapeXmlText("Népal \xF0\x9F\x98\x80"), "Népal \xF0\x9F\x98\x80");
}

TEST(XmlWriterTest, EscapesAttributes) {
  EXPECT_EQ(EscapeXmlAttribute("say \"hi\" & <go>"), "say &quot;hi&quot; &amp; &lt;go&gt;");
  // Attribute normalisation would turn these into spaces.
  EXPECT_EQ(EscapeXmlAttribute("a\tb\nc\rd"), "a&#9;b&#10;c&#13;d");
}

TEST(XmlWriterTest, ReplacesWhatXmlCannotCarry) {
  // Controls other than tab, LF and CR; U+FFFE and U+FFFF.
  EXPECT_EQ(EscapeXmlText(std::string("a\0b", 3)), "a\uFFFDb");
  EXPECT_EQ(EscapeXmlText("\x01\x1F\x7F"), "\uFFFD\uFFFD\x7F");
  EXPECT_EQ(EscapeXmlText("\xEF\xBF\xBE\xEF\xBF\xBF"), "\uFFFD\uFFFD");
  // Ill-formed UTF-8: a stray continuation byte, an overlong "/", a
  // surrogate, a truncated sequence, bytes never used.
  EXPECT_EQ(EscapeXmlText("\x80"), "\uFFFD");
  EXPECT_EQ(EscapeXmlText("\xC0\xAF"), "\uFFFD\uFFFD");
  EXPECT_EQ(EscapeXmlText("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(EscapeXmlText("ab\xE2\x82"), "ab\uFFFD\uFFFD");
  EXPECT_EQ(EscapeXmlText("\xF5\xFF"), "\uFFFD\uFFFD");
  // The largest code point is fine; beyond it is not.
  EXPECT_EQ(EscapeXmlText("\xF4\x8F\xBF\xBF"), "\xF4\x8F\xBF\xBF");
  EXPECT_EQ(EscapeXmlText("\xF4\x90\x80\x80"), "\uFFFD\uFFFD\uFFFD\uFFFD");
}

TEST(XmlWriterTest, IndentsElements) {
  XmlWriter xml;
  xml.Open("a");
  xml.Attribute("k", "v&\"");
  xml.Open("b");
  xml.Close();
  xml.TextElement("c", "x<y");
  xml.Open("d");
  xml.Open("e");
  xml.Attribute("n", "1");
  xml.Close();
  xml.Close();
  xml.Close();
  EXPECT_EQ(xml.str(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<a k=\"v&amp;&quot;\">\n"
            "  <b/>\n"
            "  <c>x&lt;y</c>\n"
            "  <d>\n"
            "    <e n=\"1\"/>\n"
            "  </d>\n"
            "</a>\n");
}

}  // namespace
}  // namespace ctind
