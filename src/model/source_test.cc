// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "model/source.h"

#include "ctind/v1/framework.pb.h"
#include "gtest/gtest.h"
#include "model/proto_io.h"

namespace ctind {
namespace {

SourceFile Parsed(const std::string& text, v1::Framework* fw) {
  SourceFile source;
  Diagnostics d;
  EXPECT_TRUE(ParseDefinition(text, ProtoFormat::kText, "fw.textproto", fw, &source, &d).ok());
  return source;
}

TEST(SourceFileTest, LocatesAnOffsetInsideAFormulaString) {
  const std::string text =
      "indicators {\n"
      "  id: \"I\"\n"
      "  where: \"a = \\\"x\\\" and prs_Gendr = 1\"\n"
      "}\n";
  v1::Framework fw;
  SourceFile source = Parsed(text, &fw);
  const std::string& formula = fw.indicators(0).where();
  const size_t offset = formula.find("prs_Gendr");
  Diagnostic d = source.AtString("indicators[0].where", offset, "unknown field");
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(text.substr(static_cast<size_t>(d.offset), 9), "prs_Gendr");
  EXPECT_EQ(d.column, 25);
  EXPECT_NE(d.excerpt.find("^"), std::string::npos);
}

TEST(SourceFileTest, FollowsAdjacentLiteralsAcrossLines) {
  const std::string text = "indicators {\n  where: \"a = 1 \"\n    'and bogus'\n}\n";
  v1::Framework fw;
  SourceFile source = Parsed(text, &fw);
  const size_t offset = fw.indicators(0).where().find("bogus");
  Diagnostic d = source.AtString("indicators[0].where", offset, "x");
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.column, 10);
}

TEST(SourceFileTest, WithoutTextNamesThePositionInTheMessage) {
  SourceFile source;
  Diagnostic d = source.AtString("indicators[0].where", 4, "unknown field");
  EXPECT_EQ(d.line, 0);
  EXPECT_EQ(d.message, "at character 5 of the formula: unknown field");
}

}  // namespace
}  // namespace ctind
