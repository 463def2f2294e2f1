// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "ctind/model.h"

#include <string>

#include "ctind/v1/framework.pb.h"
#include "ctind/v1/schema.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ctind {
namespace {

using ::testing::HasSubstr;

constexpr char kFramework[] = R"pb(project {
  id: "P1"
  title: "Project"
  start_date: "2025-01-01"
  end_date: "2025-12-31"
  fiscal_year_start_month: 10
}
results { id: "G" title: "Goal" level: GOAL pillar: PROTECTION }
results { id: "O" title: "Outcome" level: OUTCOME parent: "G" }
indicators {
  id: "I1"
  title: "Victims identified"
  result: "O"
  measure { value { table: "victims" count_distinct: "person_id" } }
  period { by: "identified_on" every: QUARTERLY }
  targets { period: "2025Q1" value: 10 }
}
)pb";

const Diagnostic* FindDiagnostic(const Diagnostics& list, const std::string& needle) {
  for (const Diagnostic& d : list) {
    if (d.message.find(needle) != std::string::npos) return &d;
  }
  return nullptr;
}

TEST(FrameworkTest, LoadsTextAndRoundTripsAllFormats) {
  absl::StatusOr<Framework> fw = Framework::Parse(kFramework, ProtoFormat::kText, "fw.textproto");
  ASSERT_TRUE(fw.ok()) << fw.status();
  EXPECT_EQ(fw->proto().indicators(0).id(), "I1");
  for (ProtoFormat format : {ProtoFormat::kText, ProtoFormat::kJson, ProtoFormat::kBinary}) {
    const std::string bytes = fw->Serialize(format);
    absl::StatusOr<Framework> again = Framework::Parse(bytes, format, "again");
    ASSERT_TRUE(again.ok()) << again.status();
    EXPECT_EQ(again->proto().SerializeAsString(), fw->proto().SerializeAsString());
  }
  EXPECT_THAT(fw->Serialize(ProtoFormat::kJson), HasSubstr("\"fiscal_year_start_month\": 10"));
}

TEST(FrameworkTest, TextKeepsUtf8Readable) {
  std::string text = kFramework;
  text.replace(text.find("Victims identified"), 18, "Victimes identifi\xC3\xA9" "es");
  absl::StatusOr<Framework> fw = Framework::Parse(text, ProtoFormat::kText, "fr.textproto");
  ASSERT_TRUE(fw.ok()) << fw.status();
  EXPECT_THAT(fw->Serialize(ProtoFormat::kText), HasSubstr("title: \"Victimes identifi\xC3\xA9" "es\""));
}

TEST(FrameworkTest, MalformedTextNamesLineAndColumn) {
  Diagnostics diagnostics;
  absl::StatusOr<Framework> fw = Framework::Parse("project {\n  id: \"P\"\n  title: \n}\n",
                                                  ProtoFormat::kText, "bad.textproto", &diagnostics);
  ASSERT_FALSE(fw.ok());
  EXPECT_EQ(fw.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(fw.status().message()), HasSubstr("bad.textproto:4:1:"));
  ASSERT_FALSE(diagnostics.empty());
  EXPECT_EQ(diagnostics[0].line, 4);
  EXPECT_EQ(diagnostics[0].offset, 30);  // the closing brace
  EXPECT_THAT(diagnostics[0].excerpt, HasSubstr("^"));
}

TEST(FrameworkTest, DefinitionsMustBeUtf8) {
  // Line 12, after `  title: "Vict` (14 code points), the byte 0xFF.
  std::string text = kFramework;
  const size_t at = text.find("Victims");
  text[at + 4] = '\xFF';
  Diagnostics diagnostics;
  absl::StatusOr<Framework> fw = Framework::Parse(text, ProtoFormat::kText, "f.textproto", &diagnostics);
  ASSERT_FALSE(fw.ok());
  EXPECT_THAT(std::string(fw.status().message()),
              HasSubstr("f.textproto:12:15: invalid UTF-8 byte 0xff; a definition is UTF-8 text"));
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].line, 12);
  EXPECT_EQ(diagnostics[0].column, 15);
  EXPECT_EQ(diagnostics[0].offset, static_cast<int64_t>(at + 4));

  absl::StatusOr<Framework> good = Framework::Parse(kFramework, ProtoFormat::kText, "f");
  ASSERT_TRUE(good.ok()) << good.status();
  std::string json = good->Serialize(ProtoFormat::kJson);
  json[json.find("Victims") + 1] = '\xC3';  // a lead byte without its continuation
  EXPECT_THAT(std::string(Framework::Parse(json, ProtoFormat::kJson, "f.json").status().message()),
              HasSubstr("invalid UTF-8 byte 0xc3"));
  std::string binary = good->Serialize(ProtoFormat::kBinary);
  binary[binary.find("Victims")] = '\xFF';
  EXPECT_THAT(std::string(Framework::Parse(binary, ProtoFormat::kBinary, "f.binpb").status().message()),
              HasSubstr("string field 'ctind.v1.Indicator.title' is not well-formed UTF-8"));
}

TEST(FrameworkTest, UnknownProtoFieldIsAnError) {
  Diagnostics diagnostics;
  absl::StatusOr<Framework> fw =
      Framework::Parse("project { id: \"P\" titel: \"x\" }", ProtoFormat::kText, "f", &diagnostics);
  ASSERT_FALSE(fw.ok());
  EXPECT_THAT(std::string(fw.status().message()), HasSubstr("titel"));
  EXPECT_THAT(std::string(fw.status().message()), HasSubstr("f:1:"));
  absl::StatusOr<Framework> json =
      Framework::Parse(R"({"project": {"titel": "x"}})", ProtoFormat::kJson, "f.json");
  ASSERT_FALSE(json.ok());
  EXPECT_THAT(std::string(json.status().message()), HasSubstr("titel"));
  EXPECT_FALSE(Framework::Parse("\xff\xff\xff", ProtoFormat::kBinary, "f.binpb").ok());
}

TEST(FrameworkTest, CollectsEveryProblemWithPathsAndLocations) {
  const std::string text = std::string(kFramework) + R"pb(
indicators { id: "I1" title: "dup" result: "NOPE" period { every: QUARTERLY }
  measure { value { table: "victims" count: true } } }
results { id: "X" title: "Output" level: OUTPUT parent: "MISSING" }
results { id: "A" title: "A" level: OUTCOME parent: "B" }
results { id: "B" title: "B" level: OUTPUT parent: "A" }
indicators { id: "I3" title: "t" period { every: QUARTERLY }
  measure { value { table: "victims" count: true } }
  targets { period: "2024Q4" value: 1 }
  targets { period: "2025Q5" value: 1 }
  targets { period: "2025" value: 1 } }
)pb";
  Diagnostics d;
  absl::StatusOr<Framework> fw = Framework::Parse(text, ProtoFormat::kText, "fw.textproto", &d);
  ASSERT_FALSE(fw.ok());
  const Diagnostic* dup = FindDiagnostic(d, "duplicate indicator id 'I1'");
  ASSERT_NE(dup, nullptr);
  EXPECT_EQ(dup->path, "indicators[1].id");
  EXPECT_EQ(dup->line, 19);
  EXPECT_EQ(text.substr(static_cast<size_t>(dup->offset), 2), "id");
  const Diagnostic* dangling = FindDiagnostic(d, "unknown result 'NOPE'");
  ASSERT_NE(dangling, nullptr);
  EXPECT_EQ(dangling->path, "indicators[1].result");
  EXPECT_GT(dangling->column, 1);
  EXPECT_NE(FindDiagnostic(d, "unknown parent result 'MISSING'"), nullptr);
  EXPECT_NE(FindDiagnostic(d, "form a cycle"), nullptr);
  EXPECT_NE(FindDiagnostic(d, "cannot sit under"), nullptr);
  EXPECT_NE(FindDiagnostic(d, "lies outside the project"), nullptr);
  EXPECT_NE(FindDiagnostic(d, "2025Q5"), nullptr);
  EXPECT_NE(FindDiagnostic(d, "but indicator 'I3' reports quarterly"), nullptr);
  EXPECT_THAT(std::string(fw.status().message()), HasSubstr("more)"));
}

TEST(FrameworkTest, ProjectDatesAndIdsAreChecked) {
  Diagnostics d;
  EXPECT_FALSE(Framework::Parse(R"pb(project { id: "" title: "t" start_date: "2025-02-30"
                                              end_date: "2024-01-01" fiscal_year_start_month: 13 })pb",
                                ProtoFormat::kText, "f", &d)
                   .ok());
  EXPECT_NE(FindDiagnostic(d, "needs an id"), nullptr);
  EXPECT_NE(FindDiagnostic(d, "'2025-02-30' is not a valid date"), nullptr);
  EXPECT_NE(FindDiagnostic(d, "fiscal year start month"), nullptr);
  d.clear();
  EXPECT_FALSE(Framework::Parse(R"pb(project { id: "p" title: "t" start_date: "2025-01-01"
                                              end_date: "2024-01-01" })pb",
                                ProtoFormat::kText, "f", &d)
                   .ok());
  EXPECT_NE(FindDiagnostic(d, "before it starts"), nullptr);
}

TEST(FrameworkTest, FinancialQuarterTargetsFollowTheFiscalYear) {
  const std::string text = R"pb(project { id: "p" title: "t" start_date: "2025-10-01"
                                           end_date: "2026-09-30" fiscal_year_start_month: 10 }
    indicators { id: "I" title: "t" period { by: "d" every: FINANCIAL_QUARTER }
      measure { value { table: "t" count: true } }
      targets { period: "2025OctQ1" value: 1 }
      targets { period: "2025JulyQ1" value: 1 } })pb";
  Diagnostics d;
  EXPECT_FALSE(Framework::Parse(text, ProtoFormat::kText, "f", &d).ok());
  ASSERT_EQ(d.size(), 1u) << d[0].ToString();
  EXPECT_EQ(d[0].path, "indicators[0].targets[1].period");
}

TEST(SchemaTest, ValidatesTablesFieldsAndLinks) {
  const char* text = R"pb(
code_lists { id: "g" codes { value: "F" } codes { value: "F" } codes { value: "unknown" } }
tables { name: "victims" key: "nope"
  fields { name: "id" type: STRING }
  fields { name: "gender" type: CATEGORY code_list: "missing" }
  fields { name: "age" type: INT64 min: 10 max: 5 }
  fields { name: "d" type: DATE format { date_format: "%d/%m" } }
  fields { name: "flag" }
  links { name: "case" field: "id" table: "cases" parent_field: "case_id" } }
tables { name: "victims" fields { name: "x" type: BOOL } })pb";
  Diagnostics d;
  absl::StatusOr<Schema> schema = Schema::Parse(text, ProtoFormat::kText, "s.textproto", &d);
  ASSERT_FALSE(schema.ok());
  for (const char* needle : {"duplicate code 'F'", "'unknown' is reserved", "key field 'nope'",
                             "unknown code list 'missing'", "max is below min",
                             "is not a date format", "needs a type", "unknown table 'cases'",
                             "duplicate table 'victims'"}) {
    EXPECT_NE(FindDiagnostic(d, needle), nullptr) << needle;
  }
  const Diagnostic* code_list = FindDiagnostic(d, "unknown code list");
  EXPECT_EQ(code_list->path, "tables[0].fields[1].code_list");
  EXPECT_EQ(code_list->line, 5);
}

TEST(SchemaTest, AcceptsAValidSchema) {
  absl::StatusOr<Schema> schema = Schema::Parse(R"pb(
code_lists { id: "g" codes { value: "F" aliases: "f" } codes { value: "M" } }
tables { name: "victims" key: "id" person: "id"
  fields { name: "id" type: STRING role: IDENTIFIER required: true }
  fields { name: "gender" type: CATEGORY code_list: "g" } })pb",
                                                ProtoFormat::kText, "s");
  ASSERT_TRUE(schema.ok()) << schema.status();
  EXPECT_EQ(schema->proto().tables(0).name(), "victims");
}

TEST(ProtoFormatTest, FromPathAndName) {
  EXPECT_EQ(*ProtoFormatFromPath("a/b.textproto"), ProtoFormat::kText);
  EXPECT_EQ(*ProtoFormatFromPath("b.json"), ProtoFormat::kJson);
  EXPECT_EQ(*ProtoFormatFromPath("b.binpb"), ProtoFormat::kBinary);
  EXPECT_FALSE(ProtoFormatFromPath("b.yaml").ok());
  EXPECT_EQ(*ParseProtoFormat("json"), ProtoFormat::kJson);
  EXPECT_FALSE(ParseProtoFormat("xml").ok());
}

}  // namespace
}  // namespace ctind

namespace ctind {
namespace {

// The library prints nothing: protobuf's parsers report through collectors.
TEST(QuietTest, BadInputPrintsNothing) {
  ::testing::internal::CaptureStderr();
  ::testing::internal::CaptureStdout();
  EXPECT_FALSE(Framework::Parse("project { id: ", ProtoFormat::kText, "f").ok());
  EXPECT_FALSE(Framework::Parse("nonsense: 1", ProtoFormat::kText, "f").ok());
  EXPECT_FALSE(Framework::Parse("{\"project\": 7}", ProtoFormat::kJson, "f").ok());
  EXPECT_FALSE(Framework::Parse("\x0a\xff\xff\xff\xff", ProtoFormat::kBinary, "f").ok());
  EXPECT_FALSE(Schema::Parse("tables { name: 3 }", ProtoFormat::kText, "s").ok());
  EXPECT_FALSE(Framework::Parse("project { title: \"\xFF\" }", ProtoFormat::kText, "f").ok());
  // A string field with ill-formed UTF-8 in a binary definition (field 1
  // project, length 3, its field 2 title, length 1, the byte 0xFF).
  EXPECT_FALSE(Framework::Parse(std::string("\x0a\x03\x12\x01\xff", 5), ProtoFormat::kBinary, "f").ok());
  EXPECT_EQ(::testing::internal::GetCapturedStdout(), "");
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

}  // namespace
}  // namespace ctind
