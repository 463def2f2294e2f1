// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// CheckQuality on small inline datasets: completeness, invalid values,
// keys, outliers, placing dates, and record keys only on request. Every
// expected count is worked out by hand from the CSV in the comments.

#include <string>
#include <vector>

#include "ctind/engine.h"
#include "ctind/quality.h"
#include "ctind/v1/report.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ctind {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr char kSchema[] = R"pb(
id: "q"
code_lists { id: "gender" codes { value: "Feminine" } codes { value: "Masculine" } }
tables {
  name: "cases" key: "case_id" record_date: "opened_on"
  fields { name: "case_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "prs_Gender" type: CATEGORY code_list: "gender" }
  fields { name: "opened_on" type: DATE required: true min_date: "2020-01-01" }
  fields { name: "closed_on" type: DATE }
  fields { name: "age" type: INT64 min: 0 max: 120 }
}
tables {
  name: "visits"
  fields { name: "visit_no" type: INT64 role: IDENTIFIER }
  fields { name: "hours" type: DOUBLE }
})pb";

// Ten rows. Row 4: 'Female' is not a code; row 5: opened before min_date
// (invalid); row 6: no opening date and age 130 above max (invalid); row 8
// repeats key C02; row 9 has no key. Rows 2 and 7 close before they open.
constexpr char kCases[] =
    "case_id,prs_Gender,opened_on,closed_on,age\n"
    "C01,Feminine,2025-01-10,2025-03-01,30\n"   // row 1
    "C02,Masculine,2025-02-01,2025-01-15,25\n"  // row 2
    "C03,,2025-03-01,,41\n"                     // row 3
    "C04,Female,2025-04-01,2025-05-01,\n"       // row 4
    "C05,Feminine,2019-06-01,,35\n"             // row 5
    "C06,Masculine,,2025-06-01,130\n"           // row 6
    "C07,Feminine,2025-05-05,2025-05-04,28\n"   // row 7
    "C02,Feminine,2025-06-01,,33\n"             // row 8
    ",Masculine,2025-07-01,,31\n"               // row 9
    "C10,Feminine,2025-08-01,,29\n";            // row 10

// hours: the worked example of outliers_test.cc (median 12, MAD 1, limit
// 5.1891) plus one empty value: outliers 50 (row 7) and -20 (row 9).
constexpr char kVisits[] =
    "visit_no,hours\n"
    "1,10\n2,12\n3,11\n4,13\n5,12\n6,11\n7,50\n8,12\n9,-20\n10,\n";

class QualityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<Schema> schema = Schema::Parse(kSchema, ProtoFormat::kText, "schema");
    ASSERT_TRUE(schema.ok()) << schema.status();
    schema_ = *schema;
    dataset_ = std::make_unique<Dataset>(*schema_);
    ASSERT_TRUE(dataset_->LoadCsv("cases", kCases, "cases.csv").ok());
  }

  void LoadVisits() { ASSERT_TRUE(dataset_->LoadCsv("visits", kVisits, "visits.csv").ok()); }

  QualityReport Check(const QualityOptions& options = {}, const Framework* framework = nullptr) {
    Diagnostics diagnostics;
    absl::StatusOr<QualityReport> report =
        CheckQuality(*dataset_, framework, options, &diagnostics);
    EXPECT_TRUE(report.ok()) << report.status();
    EXPECT_THAT(diagnostics, IsEmpty());
    return *std::move(report);
  }

  static Framework ParseFramework(const std::string& body) {
    const std::string text = absl::StrCat(
        "project { id: \"P\" title: \"t\" start_date: \"2025-01-01\" end_date: \"2025-12-31\" }\n",
        body);
    absl::StatusOr<Framework> fw = Framework::Parse(text, ProtoFormat::kText, "fw.textproto");
    EXPECT_TRUE(fw.ok()) << fw.status();
    return *std::move(fw);
  }

  // "rule field" of every finding of `table`, in order.
  static std::vector<std::string> Kinds(const QualityReport& report, const std::string& table) {
    std::vector<std::string> out;
    for (const v1::Finding& f : report.proto().findings()) {
      if (f.table() != table) continue;
      out.push_back(absl::StrCat(f.rule(), f.field().empty() ? "" : " ", f.field(),
                                 f.indicator_id().empty() ? "" : " @", f.indicator_id()));
    }
    return out;
  }

  static const v1::Finding& Find(const QualityReport& report, const std::string& rule,
                                 const std::string& field = "",
                                 const std::string& indicator = "") {
    for (const v1::Finding& f : report.proto().findings()) {
      if (f.rule() == rule && f.field() == field && f.indicator_id() == indicator) return f;
    }
    ADD_FAILURE() << "no finding " << rule << " " << field << " " << indicator;
    static const v1::Finding none;
    return none;
  }

  static std::vector<std::string> Keys(const v1::Finding& f) {
    return {f.record_keys().begin(), f.record_keys().end()};
  }

  std::optional<Schema> schema_;
  std::unique_ptr<Dataset> dataset_;
};

TEST_F(QualityTest, CompletenessCountsEveryField) {
  const QualityReport report = Check();
  ASSERT_EQ(report.tables().size(), 2u);
  const TableCompleteness& cases = report.tables()[0];
  EXPECT_EQ(cases.table, "cases");
  EXPECT_TRUE(cases.loaded);
  EXPECT_EQ(cases.rows, 10);
  ASSERT_EQ(cases.fields.size(), 5u);
  struct Expected {
    const char* field;
    bool required;
    int64_t present, missing, invalid;
  };
  // case_id: row 9 empty. prs_Gender: row 3 empty, row 4 invalid.
  // opened_on: row 6 empty, row 5 invalid. closed_on: rows 3, 5, 8, 9, 10
  // empty. age: row 4 empty, row 6 invalid.
  const Expected expected[] = {{"case_id", true, 9, 1, 0},
                               {"prs_Gender", false, 8, 1, 1},
                               {"opened_on", true, 8, 1, 1},
                               {"closed_on", false, 5, 5, 0},
                               {"age", false, 8, 1, 1}};
  for (size_t i = 0; i < 5; ++i) {
    const FieldCompleteness& f = cases.fields[i];
    EXPECT_EQ(f.field, expected[i].field);
    EXPECT_EQ(f.required, expected[i].required) << f.field;
    EXPECT_EQ(f.present, expected[i].present) << f.field;
    EXPECT_EQ(f.missing, expected[i].missing) << f.field;
    EXPECT_EQ(f.invalid, expected[i].invalid) << f.field;
  }
  // No file for visits: not loaded, no rows, no findings.
  EXPECT_FALSE(report.tables()[1].loaded);
  EXPECT_EQ(report.tables()[1].rows, 0);
  EXPECT_THAT(Kinds(report, "visits"), IsEmpty());
}

TEST_F(QualityTest, FindingsInTableFieldRuleOrder) {
  const QualityReport report = Check();
  // Per field: missing, then ingest's invalid value; then the key findings.
  // age has no outlier: sorted 25 28 29 30 31 33 35 41, median 30.5,
  // |x - 30.5| sorted 0.5 0.5 1.5 2.5 2.5 4.5 5.5 10.5, MAD 2.5, limit
  // 3.5 x 1.4826 x 2.5 = 12.97 > 10.5.
  EXPECT_THAT(Kinds(report, "cases"),
              ElementsAre("missing_value case_id", "missing_value prs_Gender",
                          "invalid_value prs_Gender", "missing_value opened_on",
                          "invalid_value opened_on", "missing_value closed_on",
                          "missing_value age", "invalid_value age", "duplicate_key",
                          "missing_key"));
}

TEST_F(QualityTest, MissingValuesAreWarningsForRequiredFields) {
  const QualityReport report = Check();
  const v1::Finding& id = Find(report, "missing_value", "case_id");
  EXPECT_EQ(id.severity(), v1::WARNING);  // required
  EXPECT_EQ(id.count(), 1);
  EXPECT_DOUBLE_EQ(id.share(), 0.1);
  EXPECT_THAT(id.message(), HasSubstr("1 of 10 records have no value in required field 'case_id'"));
  const v1::Finding& closed = Find(report, "missing_value", "closed_on");
  EXPECT_EQ(closed.severity(), v1::INFO);
  EXPECT_EQ(closed.count(), 5);
  EXPECT_DOUBLE_EQ(closed.share(), 0.5);
  EXPECT_THAT(closed.message(), HasSubstr("5 of 10 records have no value in field 'closed_on'"));
  EXPECT_EQ(Find(report, "missing_value", "opened_on").severity(), v1::WARNING);
}

TEST_F(QualityTest, InvalidValuesAndRangesComeFromIngestWithTheirPlace) {
  const QualityReport report = Check();
  // Ingest's findings, reused as they are: the file, line and column of the
  // first occurrence (the header is line 1, so row 4 is line 5).
  const v1::Finding& gender = Find(report, "invalid_value", "prs_Gender");
  EXPECT_EQ(gender.count(), 1);
  EXPECT_DOUBLE_EQ(gender.share(), 0.1);
  EXPECT_EQ(gender.file(), "cases.csv");
  EXPECT_EQ(gender.line(), 5);
  EXPECT_EQ(gender.column(), 5);
  EXPECT_THAT(gender.message(), HasSubstr("'Female' is not a code of list 'gender'"));
  // min_date and max are ranges: row 5's 2019-06-01 (line 6), row 6's 130
  // (line 7).
  EXPECT_EQ(Find(report, "invalid_value", "opened_on").line(), 6);
  EXPECT_EQ(Find(report, "invalid_value", "age").line(), 7);
  // Exactly one invalid_value finding per field: none duplicated.
  int invalid = 0;
  for (const v1::Finding& f : report.proto().findings()) invalid += f.rule() == "invalid_value";
  EXPECT_EQ(invalid, 3);
}

TEST_F(QualityTest, DuplicateAndMissingKeysComeFromIngest) {
  const QualityReport report = Check();
  // Row 8 repeats C02; row 9 has no case_id.
  const v1::Finding& duplicate = Find(report, "duplicate_key");
  EXPECT_EQ(duplicate.severity(), v1::ERROR);
  EXPECT_EQ(duplicate.count(), 1);
  EXPECT_DOUBLE_EQ(duplicate.share(), 0.1);
  EXPECT_EQ(Find(report, "missing_key").count(), 1);
}

TEST_F(QualityTest, RecordKeysOnlyOnRequest) {
  // Without the opt-in no finding carries a key, and no message names one.
  const QualityReport plain = Check();
  for (const v1::Finding& f : plain.proto().findings()) {
    EXPECT_EQ(f.record_keys_size(), 0) << f.rule();
    for (const char* id : {"C01", "C02", "C03", "C04", "C05", "C06", "C07", "C10"}) {
      EXPECT_THAT(f.message(), Not(HasSubstr(id))) << f.rule();
    }
  }
  QualityOptions options;
  options.with_record_keys = true;
  const QualityReport keyed = Check(options);
  // Row 9 has no key: it is named by its data row.
  EXPECT_THAT(Keys(Find(keyed, "missing_value", "case_id")), ElementsAre("row 9"));
  EXPECT_THAT(Keys(Find(keyed, "missing_value", "prs_Gender")), ElementsAre("C03"));
  EXPECT_THAT(Keys(Find(keyed, "invalid_value", "prs_Gender")), ElementsAre("C04"));
  EXPECT_THAT(Keys(Find(keyed, "missing_value", "opened_on")), ElementsAre("C06"));
  EXPECT_THAT(Keys(Find(keyed, "invalid_value", "opened_on")), ElementsAre("C05"));
  // Rows 3, 5, 8, 9, 10 in row order; row 8's key is the repeated C02.
  EXPECT_THAT(Keys(Find(keyed, "missing_value", "closed_on")),
              ElementsAre("C03", "C05", "C02", "row 9", "C10"));
  EXPECT_THAT(Keys(Find(keyed, "duplicate_key")), ElementsAre("C02"));
  EXPECT_THAT(Keys(Find(keyed, "missing_key")), ElementsAre("row 9"));
}

TEST_F(QualityTest, RecordKeysAreCapped) {
  QualityOptions options;
  options.with_record_keys = true;
  options.max_record_keys = 2;
  const QualityReport report = Check(options);
  const v1::Finding& closed = Find(report, "missing_value", "closed_on");
  EXPECT_THAT(Keys(closed), ElementsAre("C03", "C05"));
  EXPECT_EQ(closed.count(), 5);  // still every record
  options.max_record_keys = -1;
  EXPECT_EQ(CheckQuality(*dataset_, nullptr, options).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(QualityTest, MadOutliersOfANumericField) {
  LoadVisits();
  QualityOptions options;
  options.with_record_keys = true;
  const QualityReport report = Check(options);
  // hours: 50 and -20 are outliers (outliers_test.cc, worked example);
  // share 2 / 10 rows. visit_no is an identifier: never checked for
  // outliers. visits has no key: records are named by their row.
  EXPECT_THAT(Kinds(report, "visits"), ElementsAre("missing_value hours", "outlier hours"));
  const v1::Finding& outlier = Find(report, "outlier", "hours");
  EXPECT_EQ(outlier.severity(), v1::INFO);
  EXPECT_EQ(outlier.count(), 2);
  EXPECT_DOUBLE_EQ(outlier.share(), 0.2);
  EXPECT_THAT(outlier.message(),
              HasSubstr("2 of 9 values of field 'hours' lie far from the others, outside "
                        "6.8109 to 17.1891"));
  EXPECT_THAT(outlier.message(), HasSubstr("median absolute deviation 1 from the median 12"));
  EXPECT_THAT(Keys(outlier), ElementsAre("row 7", "row 9"));
}

constexpr char kIndicators[] = R"pb(
indicators {
  id: "FEMININE" title: "t"
  measure { value { table: "cases" count: true } }
  where: "prs_Gender = \"Feminine\""
  period { by: "opened_on" every: QUARTERLY }
}
indicators {
  id: "ALL" title: "t"
  measure { value { table: "cases" count: true } }
  period { by: "opened_on" every: QUARTERLY }
}
indicators {
  id: "OPEN" title: "t"
  measure { value { table: "cases" count: true } }
  period { kind: STOCK_AT_END opened: "opened_on" closed: "closed_on" every: QUARTERLY }
})pb";

TEST_F(QualityTest, RecordsWithoutAPlacingDatePerIndicator) {
  const Framework framework = ParseFramework(kIndicators);
  QualityOptions options;
  options.with_record_keys = true;
  options.as_of = Date::ParseIso("2025-12-31");
  const QualityReport report = Check(options, &framework);
  EXPECT_EQ(report.proto().project_id(), "P");
  EXPECT_EQ(report.proto().as_of(), "2025-12-31");
  // No opening date: row 5 (invalid) and row 6 (empty). FEMININE keeps
  // rows 1, 5, 7, 8, 10 (row 4's 'Female' is invalid, so not Feminine):
  // of those only row 5 lacks the date. ALL and OPEN: rows 5 and 6.
  const v1::Finding& feminine = Find(report, "no_placing_date", "", "FEMININE");
  EXPECT_EQ(feminine.count(), 1);
  EXPECT_DOUBLE_EQ(feminine.share(), 0.1);
  EXPECT_THAT(Keys(feminine), ElementsAre("C05"));
  EXPECT_THAT(feminine.message(),
              HasSubstr("1 of 10 records have no valid placing date (opened_on) and are in no "
                        "period of indicator 'FEMININE'"));
  EXPECT_EQ(Find(report, "no_placing_date", "", "ALL").count(), 2);
  EXPECT_THAT(Keys(Find(report, "no_placing_date", "", "OPEN")), ElementsAre("C05", "C06"));
  // OPEN: rows 2 (closed 2025-01-15 < opened 2025-02-01) and 7 (05-04 <
  // 05-05) close before they open.
  const v1::Finding& backwards = Find(report, "invalid_interval", "", "OPEN");
  EXPECT_EQ(backwards.count(), 2);
  EXPECT_THAT(Keys(backwards), ElementsAre("C02", "C07"));
  // After the table's own findings, in framework order.
  const std::vector<std::string> kinds = Kinds(report, "cases");
  ASSERT_EQ(kinds.size(), 14u);
  EXPECT_THAT(std::vector<std::string>(kinds.begin() + 10, kinds.end()),
              ElementsAre("no_placing_date @FEMININE", "no_placing_date @ALL",
                          "no_placing_date @OPEN", "invalid_interval @OPEN"));

  // The same counts as the engine's own.
  absl::StatusOr<Plan> plan = Plan::Compile(framework, *schema_);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EvaluateOptions evaluate;
  evaluate.as_of = options.as_of;
  absl::StatusOr<Results> results = Evaluate(*plan, *dataset_, evaluate);
  ASSERT_TRUE(results.ok()) << results.status();
  EXPECT_EQ(results->proto().indicators(0).records_without_period(), 1);
  EXPECT_EQ(results->proto().indicators(1).records_without_period(), 2);
  EXPECT_EQ(results->proto().indicators(2).records_without_period(), 2);
}

TEST_F(QualityTest, AClosingAfterTheAsOfDateIsNotKnownYet) {
  const Framework framework = ParseFramework(kIndicators);
  QualityOptions options;
  options.as_of = Date::ParseIso("2025-05-04");
  const QualityReport report = Check(options, &framework);
  // Row 7 opens on 2025-05-05, after the as-of date: left out, so only
  // row 2 closes before it opens.
  EXPECT_EQ(Find(report, "invalid_interval", "", "OPEN").count(), 1);
}

TEST_F(QualityTest, ChecksNeverChangeValues) {
  // Checking twice, with keys, gives the same counts, and ingest's
  // findings are untouched.
  const int ingest_findings = dataset_->FindingCount();
  QualityOptions options;
  options.with_record_keys = true;
  const QualityReport first = Check(options);
  const QualityReport second = Check(options);
  EXPECT_EQ(first.proto().SerializeAsString(), second.proto().SerializeAsString());
  EXPECT_EQ(dataset_->FindingCount(), ingest_findings);
  for (int i = 0; i < dataset_->FindingCount(); ++i) {
    EXPECT_EQ(dataset_->GetFinding(i).record_keys_size(), 0);
  }
}

}  // namespace
}  // namespace ctind
