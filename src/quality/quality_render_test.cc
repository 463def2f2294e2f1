// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Renderings of a quality report: JSON that reads back as the same Report,
// a CSV with fixed columns and neutralised text, and the terminal table.

#include <memory>
#include <optional>
#include <string>

#include "ctind/quality.h"
#include "ctind/v1/report.pb.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"

namespace ctind {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kSchema[] = R"pb(
id: "r"
code_lists { id: "yn" codes { value: "yes" } codes { value: "no" } }
tables {
  name: "cases" key: "case_id"
  fields { name: "case_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "answer" type: CATEGORY code_list: "yn" }
}
tables {
  name: "unused" key: "id"
  fields { name: "id" type: STRING role: IDENTIFIER }
})pb";

// Four rows: row 2's answer is empty, row 3's 'maybe' is not a code and its
// key '=K3' is what a spreadsheet would run as a formula, row 4 repeats K1.
constexpr char kCases[] = "case_id,answer\nK1,yes\nK2,\n=K3,maybe\nK1,no\n";

class QualityRenderTest : public ::testing::Test {
 protected:
  QualityReport Check(bool with_keys) {
    absl::StatusOr<Schema> schema = Schema::Parse(kSchema, ProtoFormat::kText, "schema");
    EXPECT_TRUE(schema.ok()) << schema.status();
    dataset_ = std::make_unique<Dataset>(*schema);
    EXPECT_TRUE(dataset_->LoadCsv("cases", kCases, "cases.csv").ok());
    QualityOptions options;
    options.with_record_keys = with_keys;
    absl::StatusOr<QualityReport> report = CheckQuality(*dataset_, nullptr, options);
    EXPECT_TRUE(report.ok()) << report.status();
    return *std::move(report);
  }

  std::unique_ptr<Dataset> dataset_;
};

TEST_F(QualityRenderTest, JsonReadsBackAsTheSameReport) {
  const QualityReport report = Check(true);
  const std::string json = RenderQualityJson(report);
  v1::Report parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(json, &parsed).ok()) << json;
  EXPECT_EQ(parsed.SerializeAsString(), report.proto().SerializeAsString());
  // Proto field names, 64-bit counts as strings.
  EXPECT_THAT(json, HasSubstr("\"record_keys\": ["));
  EXPECT_THAT(json, HasSubstr("\"count\": \"1\""));
  EXPECT_THAT(json, HasSubstr("\"protection\": \"RAW\""));
}

TEST_F(QualityRenderTest, CsvHasFixedColumnsAndNeutralisedText) {
  const std::string csv = RenderQualityCsv(Check(true));
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")),
            "table,field,rule,severity,indicator_id,count,share,file,line,column,message,"
            "record_keys");
  // answer: 1 of 4 missing (share 0.25, no file position known), keys K2.
  EXPECT_THAT(csv, HasSubstr("cases,answer,missing_value,INFO,,1,0.25,,,,"
                             "1 of 4 records have no value in field 'answer'; they count as "
                             "missing,K2\r\n"));
  // Ingest's invalid value keeps its place (line 4, column 5); the record
  // key cell '=K3' is quoted and prefixed so that it stays text (the message,
  // which holds commas, is quoted too).
  EXPECT_THAT(csv, HasSubstr("cases,answer,invalid_value,WARNING,,1,0.25,cases.csv,4,5,"));
  EXPECT_THAT(csv, HasSubstr("'maybe' is not a code of list 'yn'\",\"'=K3\"\r\n"));
  EXPECT_THAT(csv, HasSubstr("cases,,duplicate_key,ERROR,,1,0.25,cases.csv,,,"));
}

TEST_F(QualityRenderTest, TableGroupsByTableWithCompleteness) {
  const std::string table = RenderQualityTable(Check(false));
  EXPECT_THAT(table, HasSubstr("Data quality (for the data owner; not for publication): 3 findings"));
  EXPECT_THAT(table, HasSubstr("cases: 4 records\n"));
  // answer: 2 present (yes, no), 1 missing, 1 invalid: 50.0 % complete.
  EXPECT_THAT(table, HasSubstr("  answer         2        1        1     50.0%\n"));
  EXPECT_THAT(table, HasSubstr("  case_id        4        0        0    100.0%  (required)\n"));
  EXPECT_THAT(table, HasSubstr("  INFO      missing_value  answer      1   25.0%\n"));
  EXPECT_THAT(table, HasSubstr("      first at cases.csv:4:5\n"));
  EXPECT_THAT(table, HasSubstr("Not loaded (not checked): unused\n"));
  EXPECT_THAT(table, Not(HasSubstr("records:")));
  const std::string keyed = RenderQualityTable(Check(true));
  EXPECT_THAT(keyed, HasSubstr("      records: K1\n"));  // the repeated key
}

}  // namespace
}  // namespace ctind
