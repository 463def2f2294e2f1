// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Dataset::LoadColumns: tables given as columns of values load into the
// same columns, with the same checks and findings, as the same data in CSV.

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "ctind/dataset.h"
#include "ctind/date.h"
#include "ctind/v1/report.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/columns.h"

namespace ctind {
namespace {

using ::testing::HasSubstr;
using internal::ValueState;
using Kind = ColumnInput::Kind;

constexpr char kSchema[] = R"pb(
code_lists { id: "gender" codes { value: "Feminine" aliases: "F" } codes { value: "Masculine" } }
code_lists { id: "forms" codes { value: "ForcedLabour" } codes { value: "SexualExploitation" } }
tables {
  name: "victims" key: "person_id" person: "person_id"
  fields { name: "person_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "prs_Gender" type: CATEGORY code_list: "gender" }
  fields { name: "identified_on" type: DATE required: true min_date: "2020-01-01" }
  fields { name: "age" type: INT64 min: 0 max: 120 }
  fields { name: "score" type: DOUBLE }
  fields { name: "consent" type: BOOL format { true_values: "Yes" false_values: "No" } }
  fields { name: "forms" type: CATEGORY code_list: "forms" multi_valued: true }
}
tables { name: "other" fields { name: "x" type: INT64 } })pb";

Schema TestSchema() {
  absl::StatusOr<Schema> schema = Schema::Parse(kSchema, ProtoFormat::kText, "schema");
  EXPECT_TRUE(schema.ok()) << schema.status();
  return *schema;
}

const internal::Column& ColumnOf(const Dataset& d, const char* field) {
  const internal::TableData* t = internal::DatasetAccess::Rep(d).FindTable("victims");
  return t->columns[t->FieldIndex(field)];
}

ColumnInput Of(const char* field, Kind kind) {
  ColumnInput c;
  c.field = field;
  c.kind = kind;
  return c;
}

ColumnInput Text(const char* field, std::vector<std::string> values, std::vector<bool> present = {}) {
  ColumnInput c;
  c.field = field;
  c.kind = Kind::kText;
  c.texts = std::move(values);
  c.present = std::move(present);
  return c;
}

int32_t Day(const char* iso) { return Date::ParseIso(iso)->day_number(); }

// Three victims, every type, in typed columns where the type has one.
std::vector<ColumnInput> ThreeVictims() {
  ColumnInput age = Of("age", Kind::kInt64);
  age.int64s = {34, 0, 7};
  age.present = {true, false, true};
  ColumnInput score = Of("score", Kind::kDouble);
  score.doubles = {1.5, -2000, 0};
  score.present = {true, true, false};
  ColumnInput consent = Of("consent", Kind::kBool);
  consent.bools = {1, 0, 0};
  consent.present = {true, true, false};
  ColumnInput identified = Of("identified_on", Kind::kDate);
  identified.days = {Day("2025-01-15"), Day("2025-02-01"), Day("2025-03-31")};
  return {Text("person_id", {"P1", "P2", "P,3"}), Text("prs_Gender", {"Feminine", "F", ""}),
          identified,
          age,
          score,
          consent,
          Text("forms", {"ForcedLabour;SexualExploitation", " SexualExploitation ", ""})};
}

// The same three victims as CSV.
constexpr char kThreeVictimsCsv[] =
    "person_id,prs_Gender,identified_on,age,score,consent,forms\n"
    "P1,Feminine,2025-01-15,34,1.5,Yes,ForcedLabour;SexualExploitation\n"
    "P2,F,2025-02-01,,-2000,No, SexualExploitation \n"
    "\"P,3\",,2025-03-31,7,,,\n";

TEST(LoadColumnsTest, LoadsTheSameColumnsAsTheSameCsv) {
  Dataset from_columns(TestSchema());
  ASSERT_TRUE(from_columns.LoadColumns("victims", ThreeVictims(), "api").ok());
  Dataset from_csv(TestSchema());
  ASSERT_TRUE(from_csv.LoadCsv("victims", kThreeVictimsCsv, "v.csv").ok());
  EXPECT_EQ(from_columns.RowCount("victims"), 3);
  EXPECT_TRUE(from_columns.IsLoaded("victims"));
  EXPECT_EQ(from_columns.FindingCount(), 0);
  for (const char* field : {"person_id", "prs_Gender", "identified_on", "age", "score", "consent",
                            "forms"}) {
    SCOPED_TRACE(field);
    const internal::Column& a = ColumnOf(from_columns, field);
    const internal::Column& b = ColumnOf(from_csv, field);
    EXPECT_EQ(a.states, b.states);
    EXPECT_EQ(a.int64s, b.int64s);
    EXPECT_EQ(a.doubles, b.doubles);
    EXPECT_EQ(a.int32s, b.int32s);
    EXPECT_EQ(a.offsets, b.offsets);
    EXPECT_EQ(a.multi_codes, b.multi_codes);
    EXPECT_EQ(a.dictionary, b.dictionary);
  }
  // By hand: age 34, missing (present flag 0), 7; gender codes 0, 0 (alias
  // F), missing (""); consent true, false, missing; forms {0, 1}, {1}, {}.
  const internal::Column& age = ColumnOf(from_columns, "age");
  EXPECT_EQ(age.states, (std::vector<ValueState>{ValueState::kPresent, ValueState::kMissing,
                                                 ValueState::kPresent}));
  EXPECT_EQ(age.int64s, (std::vector<int64_t>{34, 0, 7}));
  EXPECT_EQ(ColumnOf(from_columns, "prs_Gender").int32s, (std::vector<int32_t>{0, 0, -1}));
  EXPECT_EQ(ColumnOf(from_columns, "consent").int32s, (std::vector<int32_t>{1, 0, -1}));
  EXPECT_EQ(ColumnOf(from_columns, "forms").offsets, (std::vector<uint32_t>{0, 2, 3, 3}));
  EXPECT_EQ(ColumnOf(from_columns, "forms").multi_codes, (std::vector<int32_t>{0, 1, 1}));
  // Absent optional table fields: none here, but the other table is untouched.
  EXPECT_FALSE(from_columns.IsLoaded("other"));
}

TEST(LoadColumnsTest, InvalidValuesAreKeptAsInvalidAndBecomeFindings) {
  Dataset d(TestSchema());
  std::vector<ColumnInput> columns;
  columns.push_back(Text("person_id", {"P1", "P2", "P3", "P4"}));
  // "X" is no code of list gender: one invalid value, in data row 2.
  columns.push_back(Text("prs_Gender", {"Feminine", "X", "Masculine", "F"}));
  ColumnInput identified = Of("identified_on", Kind::kDate);
  // 2019-12-31 is before min_date 2020-01-01; 3000000 days is after 9999-12-31.
  identified.days = {Day("2025-01-01"), Day("2019-12-31"), 3000000, Day("2020-01-01")};
  columns.push_back(identified);
  ColumnInput age = Of("age", Kind::kInt64);
  age.int64s = {121, 120, -1, 0};  // max 120, min 0: rows 1 and 3 invalid
  columns.push_back(age);
  ColumnInput score = Of("score", Kind::kDouble);
  score.doubles = {std::nan(""), std::numeric_limits<double>::infinity(), 2.5, 0};
  columns.push_back(score);
  ColumnInput consent = Of("consent", Kind::kBool);
  consent.bools = {0, 1, 2, 1};  // 2 is no boolean
  columns.push_back(consent);
  ASSERT_TRUE(d.LoadColumns("victims", columns, "api.victims").ok());
  EXPECT_EQ(d.RowCount("victims"), 4);

  EXPECT_EQ(ColumnOf(d, "prs_Gender").states[1], ValueState::kInvalid);
  EXPECT_EQ(ColumnOf(d, "age").states,
            (std::vector<ValueState>{ValueState::kInvalid, ValueState::kPresent,
                                     ValueState::kInvalid, ValueState::kPresent}));
  EXPECT_EQ(ColumnOf(d, "score").states[2], ValueState::kPresent);
  EXPECT_EQ(ColumnOf(d, "consent").states[2], ValueState::kInvalid);

  // One finding per field with invalid values, in field order: gender (1 of
  // 4), identified_on (2), age (2), score (2), consent (1).
  ASSERT_EQ(d.FindingCount(), 5);
  const std::vector<std::pair<std::string, int64_t>> expected = {
      {"prs_Gender", 1}, {"identified_on", 2}, {"age", 2}, {"score", 2}, {"consent", 1}};
  for (int i = 0; i < 5; ++i) {
    const v1::Finding& f = d.GetFinding(i);
    SCOPED_TRACE(f.message());
    EXPECT_EQ(f.rule(), "invalid_value");
    EXPECT_EQ(f.table(), "victims");
    EXPECT_EQ(f.field(), expected[i].first);
    EXPECT_EQ(f.count(), expected[i].second);
    EXPECT_DOUBLE_EQ(f.share(), expected[i].second / 4.0);
    EXPECT_EQ(f.file(), "api.victims");
    // No line or column: values given as columns have data rows.
    EXPECT_EQ(f.line(), 0);
    EXPECT_EQ(f.column(), 0);
  }
  EXPECT_THAT(d.GetFinding(0).message(), HasSubstr("the first, in data row 2: 'X' is not a code"));
  EXPECT_THAT(d.GetFinding(1).message(), HasSubstr("in data row 2: '2019-12-31' is outside"));
  EXPECT_THAT(d.GetFinding(2).message(), HasSubstr("in data row 1: '121' is outside the field's range"));
  EXPECT_THAT(d.GetFinding(3).message(), HasSubstr("in data row 1: nan is not a finite number"));
  EXPECT_THAT(d.GetFinding(4).message(), HasSubstr("in data row 3: byte 2 is not a boolean"));
}

TEST(LoadColumnsTest, RepeatedKeysAreAFinding) {
  Dataset d(TestSchema());
  ColumnInput identified = Of("identified_on", Kind::kDate);
  identified.days = {Day("2025-01-01"), Day("2025-01-02"), Day("2025-01-03")};
  ASSERT_TRUE(d.LoadColumns("victims", {Text("person_id", {"P1", "P2", "P1"}), identified}, "").ok());
  ASSERT_EQ(d.FindingCount(), 1);
  EXPECT_EQ(d.GetFinding(0).rule(), "duplicate_key");
  EXPECT_EQ(d.GetFinding(0).count(), 1);
  // An empty source name names the table.
  EXPECT_EQ(d.GetFinding(0).file(), "columns of table 'victims'");
}

TEST(LoadColumnsTest, StrictModeFailsOnTheFirstInvalidValueNamingItsRow) {
  Dataset d(TestSchema());
  ColumnInput identified = Of("identified_on", Kind::kDate);
  identified.days = {Day("2025-01-01"), Day("2025-01-02")};
  IngestOptions strict;
  strict.strict = true;
  absl::Status status = d.LoadColumns(
      "victims", {Text("person_id", {"P1", "P2"}), Text("prs_Gender", {"F", "Nope"}), identified},
      "api", strict);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("api: data row 2: field 'prs_Gender'"));
  EXPECT_FALSE(d.IsLoaded("victims"));
  EXPECT_EQ(d.RowCount("victims"), 0);
  EXPECT_EQ(d.FindingCount(), 0);
}

TEST(LoadColumnsTest, StructuralErrorsFailAndLeaveTheTableEmpty) {
  ColumnInput identified = Of("identified_on", Kind::kDate);
  identified.days = {Day("2025-01-01"), Day("2025-01-02")};
  const ColumnInput ids = Text("person_id", {"P1", "P2"});
  struct Case {
    const char* name;
    std::vector<ColumnInput> columns;
    absl::StatusCode code;
    const char* message;
  };
  ColumnInput age_as_double = Of("age", Kind::kDouble);
  age_as_double.doubles = {1, 2};
  ColumnInput short_present = Text("prs_Gender", {"F", "F"}, {true});
  const std::vector<Case> cases = {
      {"unknown field", {ids, identified, Text("agee", {"1", "2"})}, absl::StatusCode::kNotFound,
       "has no field 'agee'"},
      {"field twice", {ids, identified, ids}, absl::StatusCode::kInvalidArgument, "given twice"},
      {"kind of another type", {ids, identified, age_as_double}, absl::StatusCode::kInvalidArgument,
       "is of type INT64, not DOUBLE"},
      {"unequal lengths", {ids, identified, Text("prs_Gender", {"F"})},
       absl::StatusCode::kInvalidArgument, "has 1 values but field 'person_id' has 2"},
      {"present flags of another length", {ids, identified, short_present},
       absl::StatusCode::kInvalidArgument, "has 2 values but 1 present flags"},
      {"required field not given", {ids}, absl::StatusCode::kInvalidArgument,
       "required field 'identified_on'"},
      {"ill-formed UTF-8", {ids, identified, Text("prs_Gender", {"F", "\xC3("})},
       absl::StatusCode::kInvalidArgument, "data row 2: field 'prs_Gender': the text is not well-formed UTF-8"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Dataset d(TestSchema());
    absl::Status status = d.LoadColumns("victims", c.columns, "api");
    EXPECT_EQ(status.code(), c.code) << status;
    EXPECT_THAT(status.message(), HasSubstr(c.message));
    EXPECT_FALSE(d.IsLoaded("victims"));
    EXPECT_EQ(d.FindingCount(), 0);
  }
  Dataset d(TestSchema());
  EXPECT_EQ(d.LoadColumns("victim", {}, "api").code(), absl::StatusCode::kNotFound);
  // A table without required fields loads from no column with 0 rows.
  ASSERT_TRUE(d.LoadColumns("other", {}, "api").ok());
  EXPECT_TRUE(d.IsLoaded("other"));
  EXPECT_EQ(d.RowCount("other"), 0);
  EXPECT_EQ(d.LoadColumns("other", {}, "api").code(), absl::StatusCode::kFailedPrecondition);
}

TEST(LoadColumnsTest, IdentifierValuesAreNotRepeatedInMessages) {
  constexpr char kIdSchema[] = R"pb(
tables { name: "t" fields { name: "id" type: INT64 role: IDENTIFIER min: 0 } })pb";
  absl::StatusOr<Schema> schema = Schema::Parse(kIdSchema, ProtoFormat::kText, "schema");
  ASSERT_TRUE(schema.ok()) << schema.status();
  Dataset d(*schema);
  ColumnInput ids = Of("id", Kind::kInt64);
  ids.int64s = {-4242};
  ASSERT_TRUE(d.LoadColumns("t", {ids}, "api").ok());
  ASSERT_EQ(d.FindingCount(), 1);
  EXPECT_THAT(d.GetFinding(0).message(), HasSubstr("the value is outside the field's range"));
  EXPECT_THAT(d.GetFinding(0).message(), ::testing::Not(HasSubstr("4242")));
}

}  // namespace
}  // namespace ctind
