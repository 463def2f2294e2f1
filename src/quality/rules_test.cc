// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The framework's quality rules: failures counted by hand over linked
// tables, missing counting as passing, the as-of date in linked
// aggregates, and the diagnostics of rules that are wrong.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "ctind/quality.h"
#include "ctind/v1/report.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ctind {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

constexpr char kSchema[] = R"pb(
id: "linked"
tables {
  name: "cases" key: "case_id" record_date: "opened_on"
  fields { name: "case_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "opened_on" type: DATE }
  fields { name: "closed_on" type: DATE }
}
tables {
  name: "services" key: "service_id" person: "case.case_id" record_date: "provided_on"
  fields { name: "service_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "case_id" type: STRING role: IDENTIFIER }
  fields { name: "provided_on" type: DATE }
  links { name: "case" field: "case_id" table: "cases" parent_field: "case_id" children_name: "services" }
})pb";

constexpr char kCases[] =
    "case_id,opened_on,closed_on\n"
    "C1,2025-01-10,\n"
    "C2,2025-02-01,2025-03-01\n"
    "C3,,\n";
constexpr char kServices[] =
    "service_id,case_id,provided_on\n"
    "S1,C1,2025-01-20\n"   // after C1 opened: passes
    "S2,C1,2025-01-05\n"   // before C1 opened (01-10): fails
    "S3,C2,2025-01-31\n"   // before C2 opened (02-01): fails
    "S4,C3,2025-02-01\n"   // C3 has no opening date: missing, passes
    "S5,C9,2025-02-01\n"   // no case C9: missing, passes
    "S6,C2,\n"             // no date: missing, passes
    "S7,C2,2025-02-01\n"   // the day C2 opened: passes
    "S8,C2,2025-03-15\n";  // after C2 closed (03-01)

// Line 2 holds the first rule's expression (the framework's first line is
// the project).
constexpr char kRules[] = R"pb(
quality_rules { id: "served_after_opening" table: "services" expression: "provided_on >= case.opened_on" message: "a service cannot precede the case" severity: ERROR }
quality_rules { id: "no_service_after_closure" table: "cases" expression: "not exists(services where provided_on > outer.closed_on)" })pb";

class RulesTest : public ::testing::Test {
 protected:
  void SetUp() override { Load(kCases); }

  void Load(const char* cases) {
    absl::StatusOr<Schema> schema = Schema::Parse(kSchema, ProtoFormat::kText, "schema");
    ASSERT_TRUE(schema.ok()) << schema.status();
    schema_ = *schema;
    dataset_ = std::make_unique<Dataset>(*schema_);
    ASSERT_TRUE(dataset_->LoadCsv("cases", cases, "cases.csv").ok());
    ASSERT_TRUE(dataset_->LoadCsv("services", kServices, "services.csv").ok());
  }

  static absl::StatusOr<Framework> Parse(const std::string& body,
                                         ProtoFormat format = ProtoFormat::kText) {
    if (format == ProtoFormat::kJson) return Framework::Parse(body, format, "fw.json");
    const std::string text = absl::StrCat(
        "project { id: \"P\" title: \"t\" start_date: \"2025-01-01\" end_date: \"2025-12-31\" }",
        body);
    return Framework::Parse(text, format, "fw.textproto");
  }

  absl::StatusOr<QualityReport> Run(const std::string& rules, const char* as_of = "2025-12-31",
                                    Diagnostics* diagnostics = nullptr) {
    absl::StatusOr<Framework> framework = Parse(rules);
    if (!framework.ok()) return framework.status();
    QualityOptions options;
    options.with_record_keys = true;
    options.as_of = Date::ParseIso(as_of);
    return CheckQuality(*dataset_, &*framework, options, diagnostics);
  }

  static std::vector<const v1::Finding*> Rule(const QualityReport& report,
                                              const std::string& rule) {
    std::vector<const v1::Finding*> out;
    for (const v1::Finding& f : report.proto().findings()) {
      if (f.rule() == rule) out.push_back(&f);
    }
    return out;
  }

  std::optional<Schema> schema_;
  std::unique_ptr<Dataset> dataset_;
};

TEST_F(RulesTest, RuleThroughALinkCountsFailuresAndMissingPasses) {
  absl::StatusOr<QualityReport> report = Run(kRules);
  ASSERT_TRUE(report.ok()) << report.status();
  // S2 and S3 fail; S4, S5 and S6 are missing (pass); S1, S7, S8 pass.
  const std::vector<const v1::Finding*> found = Rule(*report, "served_after_opening");
  ASSERT_THAT(found, SizeIs(1));
  const v1::Finding& f = *found[0];
  EXPECT_EQ(f.table(), "services");
  EXPECT_EQ(f.field(), "");
  EXPECT_EQ(f.severity(), v1::ERROR);
  EXPECT_EQ(f.count(), 2);
  EXPECT_DOUBLE_EQ(f.share(), 2.0 / 8.0);
  EXPECT_EQ(f.message(),
            "2 of 8 records fail rule 'served_after_opening' (provided_on >= case.opened_on): "
            "a service cannot precede the case");
  EXPECT_THAT(f.record_keys(), ElementsAre("S2", "S3"));
}

TEST_F(RulesTest, RuleWithAnAggregateOfChildren) {
  absl::StatusOr<QualityReport> report = Run(kRules);
  ASSERT_TRUE(report.ok()) << report.status();
  // C1 and C3 have no closing date: `provided_on > outer.closed_on` is
  // missing for their services, so exists is false and the rule true. C2
  // closed 2025-03-01 and has S8 on 2025-03-15: it fails.
  const std::vector<const v1::Finding*> found = Rule(*report, "no_service_after_closure");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_EQ(found[0]->table(), "cases");
  EXPECT_EQ(found[0]->severity(), v1::WARNING);  // the default
  EXPECT_EQ(found[0]->count(), 1);
  EXPECT_DOUBLE_EQ(found[0]->share(), 1.0 / 3.0);
  EXPECT_THAT(found[0]->message(),
              HasSubstr("1 of 3 records fail rule 'no_service_after_closure': not exists("));
  EXPECT_THAT(found[0]->record_keys(), ElementsAre("C2"));
  // Findings of a table follow the schema's table order: cases first.
  std::vector<std::string> tables;
  for (const v1::Finding& f : report->proto().findings()) tables.push_back(f.table());
  EXPECT_TRUE(std::is_sorted(tables.begin(), tables.end()));
}

TEST_F(RulesTest, LinkedAggregatesSeeOnlyRecordsUpToTheAsOfDate) {
  // As of 2025-03-10, S8 (2025-03-15) is not yet known: C2 passes.
  absl::StatusOr<QualityReport> report = Run(kRules, "2025-03-10");
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_THAT(Rule(*report, "no_service_after_closure"), IsEmpty());
  EXPECT_EQ(report->proto().as_of(), "2025-03-10");
}

TEST_F(RulesTest, ARepeatedParentKeyLeavesTheRuleNotChecked) {
  Load("case_id,opened_on,closed_on\nC1,2025-01-10,\nC1,2025-02-01,\n");
  absl::StatusOr<QualityReport> report = Run(kRules);
  ASSERT_TRUE(report.ok()) << report.status();
  const std::vector<const v1::Finding*> found = Rule(*report, "not_checked");
  ASSERT_THAT(found, SizeIs(2));
  // Both rules read the link; the cases rule comes first (table order).
  EXPECT_THAT(found[0]->message(), HasSubstr("rule 'no_service_after_closure' could not be checked"));
  EXPECT_EQ(found[1]->table(), "services");
  EXPECT_THAT(found[1]->message(), HasSubstr("rule 'served_after_opening' could not be checked"));
  EXPECT_EQ(found[1]->severity(), v1::WARNING);
  // The repeated key itself is ingest's finding.
  EXPECT_THAT(Rule(*report, "duplicate_key"), SizeIs(1));
}

TEST_F(RulesTest, UnknownFieldNamesTheRuleWithLineAndColumn) {
  // Line 2: `quality_rules { id: "r1" table: "cases" expression: "closed_on >= opend_on" }`:
  // the opening quote is column 53, so the string starts at column 54 and
  // opend_on (13 characters in) is at column 67.
  Diagnostics diagnostics;
  absl::StatusOr<QualityReport> report = Run(
      "\nquality_rules { id: \"r1\" table: \"cases\" expression: \"closed_on >= opend_on\" }",
      "2025-12-31", &diagnostics);
  ASSERT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument);
  ASSERT_THAT(diagnostics, SizeIs(1));
  const Diagnostic& d = diagnostics[0];
  EXPECT_EQ(d.file, "fw.textproto");
  EXPECT_EQ(d.path, "quality_rules[0].expression");
  EXPECT_EQ(d.line, 2);
  EXPECT_EQ(d.column, 67);
  EXPECT_THAT(d.message, HasSubstr("quality rule 'r1': unknown field 'opend_on'"));
  EXPECT_THAT(d.message, HasSubstr("did you mean 'opened_on'?"));
  EXPECT_THAT(std::string(report.status().message()),
              HasSubstr("fw.textproto:2:67: quality_rules[0].expression: quality rule 'r1'"));
}

TEST_F(RulesTest, EveryBadRuleIsReportedInOnePass) {
  Diagnostics diagnostics;
  absl::StatusOr<QualityReport> report = Run(R"pb(
quality_rules { id: "not_a_condition" table: "cases" expression: "days_between(opened_on, closed_on)" }
quality_rules { id: "no_table" table: "casess" expression: "true" }
quality_rules { id: "bad_code" table: "services" expression: "case.nope = 1" })pb",
                                             "2025-12-31", &diagnostics);
  ASSERT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument);
  ASSERT_THAT(diagnostics, SizeIs(3));
  EXPECT_EQ(diagnostics[0].path, "quality_rules[0].expression");
  EXPECT_THAT(diagnostics[0].message,
              HasSubstr("quality rule 'not_a_condition': a quality rule is a condition"));
  EXPECT_THAT(diagnostics[0].message, HasSubstr("is int"));
  EXPECT_EQ(diagnostics[0].line, 2);
  EXPECT_EQ(diagnostics[1].path, "quality_rules[1].table");
  EXPECT_THAT(diagnostics[1].message,
              HasSubstr("quality rule 'no_table': unknown table 'casess'; did you mean 'cases'?"));
  EXPECT_EQ(diagnostics[1].line, 3);
  EXPECT_EQ(diagnostics[2].path, "quality_rules[2].expression");
  EXPECT_THAT(diagnostics[2].message, HasSubstr("quality rule 'bad_code': unknown field 'nope'"));
  EXPECT_THAT(std::string(report.status().message()), HasSubstr("(and 2 more)"));

  // CheckQualityRules reports the same without data.
  absl::StatusOr<Framework> framework = Parse(R"pb(
quality_rules { id: "no_table" table: "casess" expression: "true" })pb");
  ASSERT_TRUE(framework.ok());
  Diagnostics alone;
  EXPECT_EQ(CheckQualityRules(*framework, *schema_, &alone).code(),
            absl::StatusCode::kInvalidArgument);
  ASSERT_THAT(alone, SizeIs(1));
  EXPECT_THAT(alone[0].message, HasSubstr("unknown table 'casess'"));
}

TEST_F(RulesTest, AFrameworkFromJsonNamesThePath) {
  Diagnostics diagnostics;
  absl::StatusOr<Framework> framework = Parse(
      R"({"project": {"id": "P", "title": "t", "startDate": "2025-01-01", "endDate": "2025-12-31"},
          "qualityRules": [{"id": "r", "table": "cases", "expression": "opened_on >= 3"}]})",
      ProtoFormat::kJson);
  ASSERT_TRUE(framework.ok()) << framework.status();
  absl::StatusOr<QualityReport> report = CheckQuality(*dataset_, &*framework, {}, &diagnostics);
  ASSERT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument);
  ASSERT_THAT(diagnostics, SizeIs(1));
  EXPECT_EQ(diagnostics[0].path, "quality_rules[0].expression");
  EXPECT_EQ(diagnostics[0].line, 0);
  EXPECT_THAT(diagnostics[0].message, HasSubstr("quality rule 'r': "));
}

TEST_F(RulesTest, RulesOnlyWithAFramework) {
  absl::StatusOr<QualityReport> report = CheckQuality(*dataset_, nullptr);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->proto().as_of(), "");
  for (const v1::Finding& f : report->proto().findings()) {
    EXPECT_NE(f.rule(), "served_after_opening");
    EXPECT_EQ(f.record_keys_size(), 0);
  }
}

}  // namespace
}  // namespace ctind
