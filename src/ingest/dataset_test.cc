// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "ctind/dataset.h"

#include <string>
#include <vector>

#include "ctind/date.h"
#include "ctind/v1/report.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/columns.h"

namespace ctind {
namespace {

using ::testing::HasSubstr;
using internal::ValueState;

constexpr char kSchema[] = R"pb(
code_lists { id: "gender" codes { value: "Feminine" aliases: "F" } codes { value: "Masculine" } }
code_lists { id: "forms" codes { value: "ForcedLabour" } codes { value: "SexualExploitation" }
             codes { value: "Other" } }
tables {
  name: "victims" key: "person_id" person: "person_id"
  fields { name: "person_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "prs_Gender" type: CATEGORY code_list: "gender" }
  fields { name: "identified_on" type: DATE required: true }
  fields { name: "age" type: INT64 min: 0 max: 120 }
  fields { name: "score" type: DOUBLE }
  fields { name: "consent" type: BOOL format { true_values: "Yes" false_values: "No" } }
  fields { name: "forms" type: CATEGORY code_list: "forms" multi_valued: true }
  fields { name: "closed_on" type: DATE format { date_format: "%d/%m/%Y" } }
  fields { name: "country" type: STRING }
}
tables { name: "other" fields { name: "x" type: INT64 } csv { delimiter: ";" } })pb";

Schema TestSchema() {
  absl::StatusOr<Schema> schema = Schema::Parse(kSchema, ProtoFormat::kText, "schema");
  EXPECT_TRUE(schema.ok()) << schema.status();
  return *schema;
}

const internal::Column& ColumnOf(const Dataset& d, const char* field) {
  const internal::TableData* t = internal::DatasetAccess::Rep(d).FindTable("victims");
  return t->columns[t->FieldIndex(field)];
}

constexpr char kHeader[] =
    "person_id,prs_Gender,identified_on,age,score,consent,forms,closed_on,country\n";

TEST(DatasetTest, ParsesEveryTypeIntoColumns) {
  Dataset d(TestSchema());
  const std::string csv = std::string("\xEF\xBB\xBF") + kHeader +
                          "P1,Feminine,2025-01-15,34,1.5,Yes,ForcedLabour;SexualExploitation,31/01/2025,NA\r\n"
                          "P2,F,2025-02-01,,-2e3,No, Other ;ForcedLabour ,,\r\n"
                          "\"P,3\",,2025-03-31,0,,,,,\"quoted \"\"x\"\"\"\n";
  ASSERT_TRUE(d.LoadCsv("victims", csv, "v.csv").ok());
  EXPECT_EQ(d.RowCount("victims"), 3);
  EXPECT_EQ(d.FindingCount(), 0);
  const internal::Column& gender = ColumnOf(d, "prs_Gender");
  EXPECT_EQ(gender.int32s[0], 0);
  EXPECT_EQ(gender.int32s[1], 0);  // alias F
  EXPECT_EQ(gender.states[2], ValueState::kMissing);
  EXPECT_EQ(ColumnOf(d, "identified_on").int32s[2], Date::FromYmd(2025, 3, 31)->day_number());
  EXPECT_EQ(ColumnOf(d, "age").states[1], ValueState::kMissing);
  EXPECT_EQ(ColumnOf(d, "age").int64s[2], 0);
  EXPECT_EQ(ColumnOf(d, "score").doubles[1], -2000);
  EXPECT_EQ(ColumnOf(d, "consent").int32s[0], 1);
  EXPECT_EQ(ColumnOf(d, "consent").int32s[1], 0);
  const internal::Column& forms = ColumnOf(d, "forms");
  ASSERT_EQ(forms.offsets.size(), 4u);
  EXPECT_EQ(forms.offsets[1] - forms.offsets[0], 2u);
  EXPECT_EQ(forms.multi_codes[forms.offsets[1]], 0);      // ForcedLabour first, list order
  EXPECT_EQ(forms.multi_codes[forms.offsets[1] + 1], 2);  // Other
  EXPECT_EQ(forms.states[2], ValueState::kMissing);
  EXPECT_EQ(ColumnOf(d, "closed_on").int32s[0], Date::FromYmd(2025, 1, 31)->day_number());
  const internal::Column& country = ColumnOf(d, "country");
  EXPECT_EQ(country.states[0], ValueState::kPresent);
  EXPECT_EQ(country.dictionary[country.int32s[0]], "NA");  // Namibia, not missing
  EXPECT_EQ(country.dictionary[country.int32s[2]], "quoted \"x\"");
  EXPECT_EQ(ColumnOf(d, "person_id").dictionary[2], "P,3");
}

TEST(DatasetTest, ValueErrorsAreFindingsByDefaultAndErrorsInStrictMode) {
  const std::string csv = std::string(kHeader) +
                          "P1,Feminine,2025-02-30,200,x,maybe,ForcedLabour;Bogus,2025-01-31,\n"
                          "P2,Unknownish,2025-01-01,,,,Bogus,,\n";
  Dataset d(TestSchema());
  ASSERT_TRUE(d.LoadCsv("victims", csv, "v.csv").ok());
  EXPECT_EQ(d.FindingCount(), 7);
  EXPECT_EQ(ColumnOf(d, "identified_on").states[0], ValueState::kInvalid);
  EXPECT_EQ(ColumnOf(d, "age").states[0], ValueState::kInvalid);
  EXPECT_EQ(ColumnOf(d, "forms").states[0], ValueState::kPresent);  // keeps ForcedLabour
  EXPECT_EQ(ColumnOf(d, "forms").states[1], ValueState::kInvalid);
  bool saw_date = false;
  for (int i = 0; i < d.FindingCount(); ++i) {
    const v1::Finding& f = d.GetFinding(i);
    EXPECT_EQ(f.rule(), "invalid_value");
    EXPECT_EQ(f.file(), "v.csv");
    if (f.field() == "identified_on") {
      saw_date = true;
      EXPECT_EQ(f.line(), 2);
      EXPECT_EQ(f.column(), 13);
      EXPECT_EQ(f.count(), 1);
      EXPECT_DOUBLE_EQ(f.share(), 0.5);
      EXPECT_THAT(f.message(), HasSubstr("'2025-02-30' is not a valid date"));
    }
  }
  EXPECT_TRUE(saw_date);

  Dataset strict(TestSchema());
  IngestOptions options;
  options.strict = true;
  absl::Status status = strict.LoadCsv("victims", csv, "v.csv", options);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()), HasSubstr("v.csv:2:13: field 'identified_on'"));
  EXPECT_FALSE(strict.IsLoaded("victims"));
  EXPECT_EQ(strict.RowCount("victims"), 0);
}

TEST(DatasetTest, IdentifiersAreNeverEchoedInFindings) {
  const char* schema_text = R"pb(tables { name: "t" fields { name: "id" type: INT64 role: IDENTIFIER } })pb";
  Dataset d(*Schema::Parse(schema_text, ProtoFormat::kText, "s"));
  ASSERT_TRUE(d.LoadCsv("t", "id\nsecret-person-77\n", "t.csv").ok());
  ASSERT_EQ(d.FindingCount(), 1);
  EXPECT_THAT(d.GetFinding(0).message(), ::testing::Not(HasSubstr("secret")));
}

struct StructuralCase {
  const char* name;
  std::string csv;
  const char* expected;
};

// Keeps gtest from printing the case's bytes into the test's name.
void PrintTo(const StructuralCase& c, std::ostream* os) { *os << c.name; }

class StructuralErrorTest : public ::testing::TestWithParam<StructuralCase> {};

TEST_P(StructuralErrorTest, FailsTheLoadNamingThePlace) {
  Dataset d(TestSchema());
  absl::Status status = d.LoadCsv("victims", GetParam().csv, "v.csv");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()), HasSubstr(GetParam().expected));
  EXPECT_FALSE(d.IsLoaded("victims"));
  EXPECT_EQ(d.FindingCount(), 0);
}

INSTANTIATE_TEST_SUITE_P(
    Ingest, StructuralErrorTest,
    ::testing::Values(
        StructuralCase{"Empty", "", "v.csv:1:1: empty file"},
        StructuralCase{"OnlyBom", "\xEF\xBB\xBF", "empty file"},
        StructuralCase{"WrongFieldCount", "person_id,identified_on\nP1,2025-01-01\nP2\n",
                       "v.csv:3:1: this row has 1 fields but the header has 2"},
        StructuralCase{"TooManyFields", "person_id,identified_on\nP1,2025-01-01,x\n",
                       "v.csv:2:15: this row has 3 fields"},
        StructuralCase{"InvalidUtf8", "person_id,identified_on\nP\xff,2025-01-01\n",
                       "v.csv:2:2: invalid UTF-8 byte 0xff"},
        StructuralCase{"MissingRequiredColumn", "person_id,prs_Gender\nP1,Feminine\n",
                       "lacks required column 'identified_on'"},
        StructuralCase{"DuplicateHeader", "person_id,identified_on,person_id\n",
                       "v.csv:1:25: duplicate column 'person_id'"},
        StructuralCase{"UnknownColumn", "person_id,identified_on,prs_Gendre\n",
                       "v.csv:1:25: unknown column 'prs_Gendre' for table 'victims'; did you "
                       "mean 'prs_Gender'?"},
        StructuralCase{"OtherDelimiter", "person_id;identified_on\nP1;2025-01-01\n",
                       "v.csv:1:1: the header lacks required column 'person_id' of table "
                       "'victims'; the header is a single column: if the file's delimiter is "
                       "';', declare it in the schema (csv.delimiter) or in a CSV mapping"},
        StructuralCase{"BrokenQuote", "person_id,identified_on\n\"P1,2025-01-01\n",
                       "v.csv:2:1: unterminated quoted field"}),
    [](const ::testing::TestParamInfo<StructuralCase>& info) { return info.param.name; });

TEST(DatasetTest, TableErrors) {
  Dataset d(TestSchema());
  EXPECT_EQ(d.LoadCsv("nope", "x\n", "n.csv").code(), absl::StatusCode::kNotFound);
  ASSERT_TRUE(d.LoadCsv("other", "x\n1\n2\n", "o.csv").ok());
  EXPECT_EQ(d.LoadCsv("other", "x\n1\n", "o.csv").code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(d.RowCount("other"), 2);
  EXPECT_EQ(d.RowCount("nope"), -1);
  IngestOptions lenient;
  lenient.ignore_unknown_columns = true;
  ASSERT_TRUE(d.LoadCsv("victims", "person_id,identified_on,extra\nP1,2025-01-01,z\n", "v.csv",
                        lenient)
                  .ok());
}

TEST(DatasetTest, SemicolonDelimiterFromTheSchema) {
  Dataset d(TestSchema());
  ASSERT_TRUE(d.LoadCsv("other", "x\n1;\n", "o.csv").code() == absl::StatusCode::kInvalidArgument);
}

TEST(DatasetTest, DuplicateKeysAreFindingsOrStrictErrors) {
  const std::string csv = "person_id,identified_on\nP1,2025-01-01\nP1,2025-01-02\nP2,2025-01-03\n";
  Dataset d(TestSchema());
  ASSERT_TRUE(d.LoadCsv("victims", csv, "v.csv").ok());
  ASSERT_EQ(d.FindingCount(), 1);
  EXPECT_EQ(d.GetFinding(0).rule(), "duplicate_key");
  EXPECT_EQ(d.GetFinding(0).count(), 1);
  EXPECT_THAT(d.GetFinding(0).message(), ::testing::Not(HasSubstr("P1")));
  Dataset strict(TestSchema());
  IngestOptions options;
  options.strict = true;
  EXPECT_THAT(std::string(strict.LoadCsv("victims", csv, "v.csv", options).message()),
              HasSubstr("repeats the key"));
}

// A CSV exported with HTCDS field names needs no mapping: the schema's
// field names are its column names, ';' separates multi-select items, and
// the HTCDS defaults (ISO dates) hold.
constexpr char kHtcdsSchema[] = R"pb(
code_lists { id: "gender" codes { value: "Feminine" } codes { value: "Masculine" } }
code_lists { id: "exploitation" codes { value: "ForcedLabour" } codes { value: "SexualExploitation" }
             codes { value: "ForcedBegging" } }
code_lists { id: "country" codes { value: "NA" label: "Namibia" } codes { value: "NP" label: "Nepal" } }
tables {
  name: "victims" key: "person_id" person: "person_id"
  fields { name: "person_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "prs_Gender" type: CATEGORY code_list: "gender" }
  fields { name: "prs_Nationality" type: CATEGORY code_list: "country" }
  fields { name: "identified_on" type: DATE required: true }
  fields { name: "vic_TypeOfExploitation" type: CATEGORY code_list: "exploitation"
           multi_valued: true }
})pb";

Schema HtcdsSchema() {
  absl::StatusOr<Schema> schema = Schema::Parse(kHtcdsSchema, ProtoFormat::kText, "htcds");
  EXPECT_TRUE(schema.ok()) << schema.status();
  return *schema;
}

const internal::Column& VictimsColumn(const Dataset& d, const char* field) {
  const internal::TableData* t = internal::DatasetAccess::Rep(d).FindTable("victims");
  return t->columns[t->FieldIndex(field)];
}

TEST(DatasetTest, HtcdsShapedCsvLoadsWithoutMapping) {
  // Columns in another order than the schema's, a byte-order mark, CRLF.
  const std::string csv =
      "\xEF\xBB\xBFvic_TypeOfExploitation,prs_Gender,person_id,prs_Nationality,identified_on\r\n"
      "ForcedLabour;SexualExploitation,Feminine,P1,NA,2025-01-15\r\n"
      "SexualExploitation,Masculine,P2,NP,2025-02-01\r\n"
      ",,P3,,2025-03-31\r\n";
  Dataset d(HtcdsSchema());
  ASSERT_TRUE(d.LoadCsv("victims", csv, "htcds.csv").ok());
  ASSERT_EQ(d.RowCount("victims"), 3);
  EXPECT_EQ(d.FindingCount(), 0);
  const internal::Column& forms = VictimsColumn(d, "vic_TypeOfExploitation");
  // Row 0 holds codes 0 and 1 (ForcedLabour, SexualExploitation), row 1
  // code 1, row 2 none (missing).
  ASSERT_EQ(forms.offsets, (std::vector<uint32_t>{0, 2, 3, 3}));
  EXPECT_EQ(forms.multi_codes, (std::vector<int32_t>{0, 1, 1}));
  EXPECT_EQ(forms.states[2], ValueState::kMissing);
  EXPECT_EQ(VictimsColumn(d, "prs_Gender").int32s[0], 0);
  EXPECT_EQ(VictimsColumn(d, "prs_Gender").int32s[1], 1);
  // NA is Namibia (code 0), present, not missing.
  const internal::Column& nationality = VictimsColumn(d, "prs_Nationality");
  EXPECT_EQ(nationality.states[0], ValueState::kPresent);
  EXPECT_EQ(nationality.int32s[0], 0);
  EXPECT_EQ(nationality.int32s[1], 1);
  EXPECT_EQ(nationality.states[2], ValueState::kMissing);
  // The BOM is not part of the first column's name: P1 is in person_id.
  const internal::Column& id = VictimsColumn(d, "person_id");
  EXPECT_EQ(id.dictionary[id.int32s[0]], "P1");
}

TEST(DatasetTest, UnknownHtcdsColumnNamesTheTableAndItsCloseColumns) {
  Dataset d(HtcdsSchema());
  absl::Status status = d.LoadCsv(
      "victims", "person_id,identified_on,vic_Unknown,prs_Gender,Notes\n", "v.csv");
  // "person_id,identified_on," is 24 characters. Nothing is within edit
  // distance of vic_Unknown, so the columns the header lacks are listed,
  // those sharing its prefix "vic_" first.
  EXPECT_EQ(std::string(status.message()),
            "v.csv:1:25: unknown column 'vic_Unknown' for table 'victims'; columns of table "
            "'victims' that the header lacks: 'vic_TypeOfExploitation', 'prs_Nationality'; the "
            "header has 1 more unknown column: 'Notes' (to read a column under another name, map "
            "it to its field in a CSV mapping; to skip columns that are not in the schema, "
            "ignore unknown columns)");
  // Every field already has its column: say so rather than list nothing.
  Dataset full(HtcdsSchema());
  status = full.LoadCsv("victims",
                        "person_id,prs_Gender,prs_Nationality,identified_on,"
                        "vic_TypeOfExploitation,vic_Unknown\n",
                        "v.csv");
  EXPECT_THAT(std::string(status.message()),
              HasSubstr("v.csv:1:75: unknown column 'vic_Unknown' for table 'victims'; every "
                        "column of table 'victims' is already in the header"));
}

TEST(DatasetTest, UnknownMultiSelectValueIsAFindingWithItsPlace) {
  const std::string csv =
      "person_id,identified_on,vic_TypeOfExploitation\n"
      "P1,2025-01-02,ForcedLabour;SexualExploitation\n"
      "P2,2025-01-03,ForcedLabour;OrganHarvest\n"
      "P3,2025-01-04,Organ removal\n";
  Dataset d(HtcdsSchema());
  ASSERT_TRUE(d.LoadCsv("victims", csv, "v.csv").ok());
  const internal::Column& forms = VictimsColumn(d, "vic_TypeOfExploitation");
  EXPECT_EQ(forms.states[1], ValueState::kPresent);  // keeps ForcedLabour
  EXPECT_EQ(forms.offsets[2] - forms.offsets[1], 1u);
  EXPECT_EQ(forms.states[2], ValueState::kInvalid);  // no valid item
  ASSERT_EQ(d.FindingCount(), 1);
  const v1::Finding& f = d.GetFinding(0);
  EXPECT_EQ(f.rule(), "invalid_value");
  EXPECT_EQ(f.table(), "victims");
  EXPECT_EQ(f.field(), "vic_TypeOfExploitation");
  EXPECT_EQ(f.file(), "v.csv");
  EXPECT_EQ(f.line(), 3);
  EXPECT_EQ(f.column(), 15);  // after "P2,2025-01-03," (14 characters)
  EXPECT_EQ(f.count(), 2);    // rows 2 and 3 of 3
  EXPECT_DOUBLE_EQ(f.share(), 2.0 / 3.0);
  EXPECT_EQ(f.message(),
            "2 values of field 'vic_TypeOfExploitation' have items that are not codes of list "
            "'exploitation': those items are left out, and a value with no valid item counts as "
            "missing; the first, at line 3, column 15: 'OrganHarvest' is not a code of list "
            "'exploitation'");

  Dataset strict(HtcdsSchema());
  IngestOptions options;
  options.strict = true;
  EXPECT_EQ(std::string(strict.LoadCsv("victims", csv, "v.csv", options).message()),
            "v.csv:3:15: field 'vic_TypeOfExploitation': 'OrganHarvest' is not a code of list "
            "'exploitation' (strict ingest rejects invalid values)");
}

}  // namespace
}  // namespace ctind
