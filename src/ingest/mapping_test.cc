// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "ctind/mapping.h"

#include <string>
#include <vector>

#include "ctind/dataset.h"
#include "ctind/date.h"
#include "ctind/v1/mapping.pb.h"
#include "ctind/v1/report.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/columns.h"

namespace ctind {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using internal::ValueState;

// HTCDS field names plus system fields, as a shared schema would have them.
constexpr char kSchema[] = R"pb(
id: "htcds-test"
code_lists { id: "gender" codes { value: "Feminine" aliases: "Female" } codes { value: "Masculine" }
             codes { value: "NonSpecifiedUnknown" } }
code_lists { id: "exploitation" codes { value: "ForcedLabour" } codes { value: "SexualExploitation" }
             codes { value: "ForcedBegging" } }
code_lists { id: "country" codes { value: "NA" label: "Namibia" } codes { value: "NP" label: "Nepal" } }
tables {
  name: "persons" key: "person_id" person: "person_id"
  fields { name: "person_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "prs_Gender" type: CATEGORY code_list: "gender" }
  fields { name: "prs_Nationality" type: CATEGORY code_list: "country" }
  fields { name: "identified_on" type: DATE required: true }
  fields { name: "vic_TypeOfExploitation" type: CATEGORY code_list: "exploitation" multi_valued: true }
  fields { name: "consent" type: BOOL }
  fields { name: "income" type: DOUBLE }
  fields { name: "closed_on" type: DATE format { date_format: "%Y%m%d" } }
}
tables {
  name: "services"
  fields { name: "person_id" type: STRING role: IDENTIFIER }
  fields { name: "provided_on" type: DATE }
})pb";

Schema TestSchema() {
  absl::StatusOr<Schema> schema = Schema::Parse(kSchema, ProtoFormat::kText, "schema");
  EXPECT_TRUE(schema.ok()) << schema.status();
  return *schema;
}

const internal::Column& ColumnOf(const Dataset& d, const char* table, const char* field) {
  const internal::TableData* t = internal::DatasetAccess::Rep(d).FindTable(table);
  return t->columns[t->FieldIndex(field)];
}

// The codes of row `row` of a multi-valued column.
std::vector<int> CodesOf(const internal::Column& c, int row) {
  return std::vector<int>(c.multi_codes.begin() + c.offsets[row],
                          c.multi_codes.begin() + c.offsets[row + 1]);
}

int32_t Day(int y, int m, int d) { return Date::FromYmd(y, m, d)->day_number(); }

// A shelter register's export: other headers, ';' delimiter, its own date
// formats, yes/no, decimal comma, '|' between multi-select items, its own
// codes and "-" for missing.
constexpr char kRegisterMapping[] = R"pb(
id: "shelter-register"
schema_id: "htcds-test"
tables {
  table: "persons"
  delimiter: ";"
  format { date_format: "%d/%m/%Y" true_values: "yes" false_values: "no" missing_values: "-" }
  columns { field: "person_id" column: "ID" }
  columns { field: "prs_Gender" column: "Sex"
            values { value: "F" code: "Feminine" } values { value: "M" code: "Masculine" } }
  columns { field: "prs_Nationality" column: "Nationality" }
  columns { field: "identified_on" column: "Date of identification"
            format { date_format: "%d.%m.%Y" } }
  columns { field: "vic_TypeOfExploitation" column: "Exploitation"
            format { multi_value_separator: "|" }
            values { value: "labour" code: "ForcedLabour" } values { value: "sex" code: "SexualExploitation" } }
  columns { field: "income" format { decimal_separator: "," } }
})pb";

CsvMapping RegisterMapping(const Schema& schema) {
  Diagnostics diagnostics;
  absl::StatusOr<CsvMapping> mapping =
      CsvMapping::Parse(kRegisterMapping, ProtoFormat::kText, "register.textproto", schema,
                        &diagnostics);
  EXPECT_TRUE(mapping.ok()) << mapping.status();
  EXPECT_TRUE(diagnostics.empty()) << diagnostics.front().ToString();
  return *mapping;
}

constexpr char kRegisterCsv[] =
    "ID;Sex;Nationality;Date of identification;Exploitation;consent;income;closed_on\n"
    "P1;F;NA;03.02.2025;labour|sex;yes;1,5;31/03/2025\n"
    "P2;M;NP;28.02.2025; sex | ForcedBegging ;no;-;\n"
    "P3;-;-;29.02.2025;labour|Bogus;maybe;2,25;-\n";

TEST(CsvMappingTest, ColumnsDelimiterFormatsAndCodesOfAnExport) {
  const Schema schema = TestSchema();
  Dataset d(schema);
  IngestOptions options;
  options.mapping = RegisterMapping(schema);
  ASSERT_TRUE(d.LoadCsv("persons", kRegisterCsv, "register.csv", options).ok());
  ASSERT_EQ(d.RowCount("persons"), 3);

  const internal::Column& id = ColumnOf(d, "persons", "person_id");
  EXPECT_EQ(id.dictionary[id.int32s[2]], "P3");
  // Recoded F and M; "-" is missing by the table's missing_values.
  const internal::Column& gender = ColumnOf(d, "persons", "prs_Gender");
  EXPECT_EQ(gender.int32s[0], 0);  // Feminine
  EXPECT_EQ(gender.int32s[1], 1);  // Masculine
  EXPECT_EQ(gender.states[2], ValueState::kMissing);
  // NA is Namibia's code, present; only "-" is missing.
  const internal::Column& nationality = ColumnOf(d, "persons", "prs_Nationality");
  EXPECT_EQ(nationality.states[0], ValueState::kPresent);
  EXPECT_EQ(nationality.int32s[0], 0);
  EXPECT_EQ(nationality.int32s[1], 1);
  EXPECT_EQ(nationality.states[2], ValueState::kMissing);
  // The column's %d.%m.%Y wins over the table's %d/%m/%Y; 2025 is no leap year.
  const internal::Column& identified = ColumnOf(d, "persons", "identified_on");
  EXPECT_EQ(identified.int32s[0], Day(2025, 2, 3));
  EXPECT_EQ(identified.int32s[1], Day(2025, 2, 28));
  EXPECT_EQ(identified.states[2], ValueState::kInvalid);
  // '|' separates; spaces around items are ignored; codes in list order
  // (ForcedLabour 0, SexualExploitation 1, ForcedBegging 2); an unknown
  // item is left out and the known one kept.
  const internal::Column& forms = ColumnOf(d, "persons", "vic_TypeOfExploitation");
  EXPECT_EQ(CodesOf(forms, 0), (std::vector<int>{0, 1}));
  EXPECT_EQ(CodesOf(forms, 1), (std::vector<int>{1, 2}));
  EXPECT_EQ(CodesOf(forms, 2), (std::vector<int>{0}));
  EXPECT_EQ(forms.states[2], ValueState::kPresent);
  const internal::Column& consent = ColumnOf(d, "persons", "consent");
  EXPECT_EQ(consent.int32s[0], 1);
  EXPECT_EQ(consent.int32s[1], 0);
  EXPECT_EQ(consent.states[2], ValueState::kInvalid);
  const internal::Column& income = ColumnOf(d, "persons", "income");
  EXPECT_DOUBLE_EQ(income.doubles[0], 1.5);
  EXPECT_EQ(income.states[1], ValueState::kMissing);
  EXPECT_DOUBLE_EQ(income.doubles[2], 2.25);
  // The table's %d/%m/%Y replaces the schema's %Y%m%d for this load.
  const internal::Column& closed = ColumnOf(d, "persons", "closed_on");
  EXPECT_EQ(closed.int32s[0], Day(2025, 3, 31));
  EXPECT_EQ(closed.states[1], ValueState::kMissing);
  EXPECT_EQ(closed.states[2], ValueState::kMissing);

  // Three findings, in field order: the date, the unknown item, the boolean.
  ASSERT_EQ(d.FindingCount(), 3);
  const v1::Finding& date = d.GetFinding(0);
  EXPECT_EQ(date.field(), "identified_on");
  EXPECT_EQ(date.file(), "register.csv");
  EXPECT_EQ(date.line(), 4);
  EXPECT_EQ(date.column(), 8);  // "P3;-;-;" is 7 characters
  EXPECT_THAT(date.message(),
              HasSubstr("field 'identified_on' (column 'Date of identification') are invalid"));
  EXPECT_THAT(date.message(), HasSubstr("'29.02.2025' is not a valid date (%d.%m.%Y)"));
  const v1::Finding& item = d.GetFinding(1);
  EXPECT_EQ(item.field(), "vic_TypeOfExploitation");
  EXPECT_EQ(item.line(), 4);
  EXPECT_EQ(item.column(), 19);  // after "P3;-;-;29.02.2025;" (18 characters)
  EXPECT_THAT(item.message(), HasSubstr("line 4, column 19: 'Bogus' is not a code of list "
                                        "'exploitation'"));
  EXPECT_EQ(d.GetFinding(2).field(), "consent");
  EXPECT_EQ(d.GetFinding(2).column(), 32);  // after "...;labour|Bogus;" (31 characters)
}

TEST(CsvMappingTest, StrictModeNamesTheColumnOfTheExport) {
  const Schema schema = TestSchema();
  Dataset d(schema);
  IngestOptions options;
  options.mapping = RegisterMapping(schema);
  options.strict = true;
  absl::Status status = d.LoadCsv("persons", kRegisterCsv, "register.csv", options);
  ASSERT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(status.message()),
            "register.csv:4:8: field 'identified_on' (column 'Date of identification'): "
            "'29.02.2025' is not a valid date (%d.%m.%Y) (strict ingest rejects invalid values)");
  EXPECT_FALSE(d.IsLoaded("persons"));
}

TEST(CsvMappingTest, TablesTheMappingDoesNotNameLoadAsTheSchemaSays) {
  const Schema schema = TestSchema();
  Dataset d(schema);
  IngestOptions options;
  options.mapping = RegisterMapping(schema);
  EXPECT_FALSE(options.mapping->MapsTable("services"));
  ASSERT_TRUE(d.LoadCsv("services", "person_id,provided_on\nP1,2025-03-01\n", "s.csv", options)
                  .ok());
  EXPECT_EQ(ColumnOf(d, "services", "provided_on").int32s[0], Day(2025, 3, 1));
}

TEST(CsvMappingTest, HeaderErrorsPointAtTheMapping) {
  const Schema schema = TestSchema();
  IngestOptions options;
  options.mapping = RegisterMapping(schema);
  {
    // The export's header still has the schema's name for a renamed field.
    Dataset d(schema);
    absl::Status status = d.LoadCsv(
        "persons", "ID;prs_Gender;Date of identification\nP1;F;03.02.2025\n", "r.csv", options);
    EXPECT_EQ(std::string(status.message()),
              "r.csv:1:4: unknown column 'prs_Gender' for table 'persons'; field 'prs_Gender' "
              "is read from column 'Sex' (as mapped by register.textproto) (to read a column "
              "under another name, map it to its field in a CSV mapping; to skip columns that "
              "are not in the schema, ignore unknown columns)");
  }
  {
    Dataset d(schema);
    absl::Status status =
        d.LoadCsv("persons", "ID;Date of Identification\nP1;03.02.2025\n", "r.csv", options);
    EXPECT_EQ(std::string(status.message()),
              "r.csv:1:1: the header lacks required column 'Date of identification' of table "
              "'persons' (field 'identified_on', as mapped by register.textproto); did you mean "
              "'Date of Identification'?");
  }
}

TEST(CsvMappingTest, RecodingsMayRenameCodesOfTheList) {
  // An export that swaps the two codes: targets are the list's codes, not
  // other recodings, and a recoding wins over the list's own spelling.
  const Schema schema = TestSchema();
  absl::StatusOr<CsvMapping> mapping = CsvMapping::Parse(
      R"pb(tables { table: "persons"
                    columns { field: "prs_Gender"
                              values { value: "Feminine" code: "Masculine" }
                              values { value: "Masculine" code: "Female" } } })pb",
      ProtoFormat::kText, "swap.textproto", schema);
  ASSERT_TRUE(mapping.ok()) << mapping.status();
  Dataset d(schema);
  IngestOptions options;
  options.mapping = *mapping;
  ASSERT_TRUE(d.LoadCsv("persons",
                        "person_id,prs_Gender,identified_on\nP1,Feminine,2025-01-01\n"
                        "P2,Masculine,2025-01-01\nP3,Female,2025-01-01\n",
                        "p.csv", options)
                  .ok());
  const internal::Column& gender = ColumnOf(d, "persons", "prs_Gender");
  EXPECT_EQ(gender.int32s[0], 1);  // Feminine read as Masculine
  EXPECT_EQ(gender.int32s[1], 0);  // Masculine read as Female, an alias of Feminine
  EXPECT_EQ(gender.int32s[2], 0);  // the list's alias still reads
  EXPECT_EQ(d.FindingCount(), 0);
}

TEST(CsvMappingTest, NaIsMissingOnlyWhenTheMappingSaysSo) {
  const Schema schema = TestSchema();
  absl::StatusOr<CsvMapping> mapping = CsvMapping::Parse(
      R"pb(tables { table: "persons"
                    columns { field: "prs_Gender" format { missing_values: "NA" } } })pb",
      ProtoFormat::kText, "na.textproto", schema);
  ASSERT_TRUE(mapping.ok()) << mapping.status();
  Dataset d(schema);
  IngestOptions options;
  options.mapping = *mapping;
  ASSERT_TRUE(d.LoadCsv("persons",
                        "person_id,prs_Gender,prs_Nationality,identified_on\n"
                        "P1,NA,NA,2025-01-01\n",
                        "p.csv", options)
                  .ok());
  EXPECT_EQ(ColumnOf(d, "persons", "prs_Gender").states[0], ValueState::kMissing);
  EXPECT_EQ(ColumnOf(d, "persons", "prs_Nationality").states[0], ValueState::kPresent);
  EXPECT_EQ(d.FindingCount(), 0);
}

TEST(CsvMappingTest, AMappingOfAnotherSchemaObjectIsCheckedAtLoad) {
  const Schema schema = TestSchema();
  const CsvMapping mapping = RegisterMapping(schema);
  IngestOptions options;
  options.mapping = mapping;
  // An equal schema parsed again: the mapping fits.
  Dataset same(TestSchema());
  EXPECT_TRUE(same.LoadCsv("persons", kRegisterCsv, "register.csv", options).ok());
  // A schema without the mapped fields: the load fails, naming the problem.
  absl::StatusOr<Schema> other = Schema::Parse(
      R"pb(id: "htcds-test"
           tables { name: "persons" fields { name: "person_id" type: STRING } })pb",
      ProtoFormat::kText, "other");
  ASSERT_TRUE(other.ok());
  Dataset d(*other);
  absl::Status status = d.LoadCsv("persons", "ID\nP1\n", "p.csv", options);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()),
              HasSubstr("the CSV mapping does not fit the dataset's schema: register.textproto:"));
  EXPECT_THAT(std::string(status.message()),
              HasSubstr("unknown field 'prs_Gender' in table 'persons'"));
}

TEST(CsvMappingTest, FromProtoJsonAndSerialize) {
  const Schema schema = TestSchema();
  v1::CsvMapping proto;
  v1::TableMapping* table = proto.add_tables();
  table->set_table("persons");
  v1::ColumnMapping* column = table->add_columns();
  column->set_field("prs_Gender");
  column->set_column("Sex");
  absl::StatusOr<CsvMapping> mapping = CsvMapping::FromProto(proto, schema);
  ASSERT_TRUE(mapping.ok()) << mapping.status();
  EXPECT_EQ(mapping->file_name(), "");
  EXPECT_TRUE(mapping->MapsTable("persons"));
  EXPECT_EQ(mapping->proto().tables(0).columns(0).column(), "Sex");
  // Text and JSON read back to the same mapping.
  for (ProtoFormat format : {ProtoFormat::kText, ProtoFormat::kJson, ProtoFormat::kBinary}) {
    absl::StatusOr<CsvMapping> again =
        CsvMapping::Parse(mapping->Serialize(format), format, "again", schema);
    ASSERT_TRUE(again.ok()) << again.status();
    EXPECT_EQ(again->proto().SerializeAsString(), proto.SerializeAsString());
  }
  // A JSON mapping has no positions: diagnostics give the file and path.
  Diagnostics diagnostics;
  absl::StatusOr<CsvMapping> bad = CsvMapping::Parse(
      R"({"tables": [{"table": "persons", "columns": [{"field": "sex"}]}]})", ProtoFormat::kJson,
      "m.json", schema, &diagnostics);
  ASSERT_FALSE(bad.ok());
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].ToString(),
            "m.json: tables[0].columns[0].field: unknown field 'sex' in table 'persons'");
}

TEST(CsvMappingTest, EveryProblemInOnePass) {
  Diagnostics diagnostics;
  absl::StatusOr<CsvMapping> mapping = CsvMapping::Parse(
      "tables {\n"
      "  table: \"persons\"\n"
      "  columns { field: \"prs_Gendr\" }\n"
      "  columns { field: \"identified_on\" format { date_format: \"%Y\" } }\n"
      "}\n"
      "tables { table: \"service\" }\n",
      ProtoFormat::kText, "m.textproto", TestSchema(), &diagnostics);
  ASSERT_FALSE(mapping.ok());
  EXPECT_EQ(mapping.status().code(), absl::StatusCode::kInvalidArgument);
  // The status summarises the first problem and counts the others.
  EXPECT_EQ(std::string(mapping.status().message()),
            "m.textproto:3:13: tables[0].columns[0].field: unknown field 'prs_Gendr' in table "
            "'persons'; did you mean 'prs_Gender'? (and 2 more)");
  ASSERT_EQ(diagnostics.size(), 3u);
  EXPECT_EQ(diagnostics[1].line, 4);
  EXPECT_EQ(diagnostics[1].path, "tables[0].columns[1].format.date_format");
  EXPECT_EQ(diagnostics[2].line, 6);
  EXPECT_EQ(diagnostics[2].path, "tables[1].table");
  // The excerpt shows the line with a caret under the field.
  EXPECT_EQ(diagnostics[0].excerpt,
            "    columns { field: \"prs_Gendr\" }\n              ^");
}

TEST(CsvMappingTest, WarningsDoNotFailTheMapping) {
  Diagnostics diagnostics;
  absl::StatusOr<CsvMapping> mapping = CsvMapping::Parse(
      "tables { table: \"services\" format { true_values: \"yes\" } }\n"
      "tables { table: \"persons\" delimiter: \";\" }\n",
      ProtoFormat::kText, "m.textproto", TestSchema(), &diagnostics);
  ASSERT_TRUE(mapping.ok()) << mapping.status();
  ASSERT_EQ(diagnostics.size(), 2u);
  EXPECT_EQ(diagnostics[0].severity, Severity::kWarning);
  // "tables { table: \"services\" format { " is 36 characters.
  EXPECT_EQ(diagnostics[0].ToString().substr(0, diagnostics[0].ToString().find('\n')),
            "m.textproto:1:37: warning: tables[0].format.true_values[0]: table 'services' has "
            "no BOOL field, so this setting applies to none of its fields");
  // The default multi-value separator ';' is the delimiter now.
  EXPECT_EQ(diagnostics[1].severity, Severity::kWarning);
  EXPECT_THAT(diagnostics[1].message,
              HasSubstr("the delimiter ';' is also in the multi-value separator of "
                        "'vic_TypeOfExploitation': their values must be quoted"));
}

struct BadMapping {
  const char* name;
  const char* text;
  // The first diagnostic, without its excerpt.
  const char* expected;
};

void PrintTo(const BadMapping& c, std::ostream* os) { *os << c.name; }

class BadMappingTest : public ::testing::TestWithParam<BadMapping> {};

TEST_P(BadMappingTest, NamesFileLineAndColumn) {
  Diagnostics diagnostics;
  absl::StatusOr<CsvMapping> mapping = CsvMapping::Parse(
      GetParam().text, ProtoFormat::kText, "m.textproto", TestSchema(), &diagnostics);
  ASSERT_FALSE(mapping.ok());
  EXPECT_EQ(mapping.status().code(), absl::StatusCode::kInvalidArgument);
  ASSERT_FALSE(diagnostics.empty());
  const std::string first = diagnostics[0].ToString();
  EXPECT_EQ(first.substr(0, first.find('\n')), GetParam().expected);
  EXPECT_EQ(diagnostics.size(), 1u) << diagnostics.back().ToString();
}

// Columns are counted by hand: a line "  columns { field: ..." has `field`
// at column 13, and each further token after the widths of those before.
INSTANTIATE_TEST_SUITE_P(
    Mapping, BadMappingTest,
    ::testing::Values(
        // protobuf's parser reports an unknown name at the token after it.
        BadMapping{"Syntax", "tables { table: \"persons\" colums { } }",
                   "m.textproto:1:34: Message type \"ctind.v1.TableMapping\" has no field "
                   "named \"colums\"."},
        BadMapping{"SchemaId", "schema_id: \"quickstart\"",
                   "m.textproto:1:1: schema_id: the mapping is written for schema 'quickstart' "
                   "but schema 'htcds-test' was given"},
        BadMapping{"NoTable", "tables { delimiter: \";\" }",
                   "m.textproto:1:1: tables[0]: a table mapping needs `table`, the name of a "
                   "table of the schema"},
        BadMapping{"UnknownTable", "tables {\n  table: \"person\"\n}",
                   "m.textproto:2:3: tables[0].table: unknown table 'person'; did you mean "
                   "'persons'?"},
        BadMapping{"UnknownTableFarOff", "tables { table: \"cases\" }",
                   "m.textproto:1:10: tables[0].table: unknown table 'cases'; the schema's "
                   "tables are persons, services"},
        BadMapping{"TableTwice", "tables { table: \"persons\" }\ntables { table: \"persons\" }",
                   "m.textproto:2:10: tables[1].table: table 'persons' is mapped twice (first "
                   "at line 1)"},
        BadMapping{"UnknownField",
                   "tables {\n  table: \"persons\"\n  columns { field: \"prs_Gendr\" column: "
                   "\"Sex\" }\n}",
                   "m.textproto:3:13: tables[0].columns[0].field: unknown field 'prs_Gendr' in "
                   "table 'persons'; did you mean 'prs_Gender'?"},
        BadMapping{"NoField", "tables {\n  table: \"persons\"\n  columns { column: \"Sex\" }\n}",
                   "m.textproto:3:3: tables[0].columns[0]: a column mapping needs `field`, the "
                   "name of a field of table 'persons'"},
        BadMapping{"FieldTwice",
                   "tables {\n  table: \"persons\"\n"
                   "  columns { field: \"prs_Gender\" column: \"Sex\" }\n"
                   "  columns { field: \"prs_Gender\" column: \"Gender\" }\n}",
                   "m.textproto:4:13: tables[0].columns[1].field: field 'prs_Gender' is mapped "
                   "twice (first at line 3)"},
        // "  columns { field: \"prs_Nationality\" " is 37 characters.
        BadMapping{"ColumnTwice",
                   "tables {\n  table: \"persons\"\n"
                   "  columns { field: \"prs_Gender\" column: \"Sex\" }\n"
                   "  columns { field: \"prs_Nationality\" column: \"Sex\" }\n}",
                   "m.textproto:4:38: tables[0].columns[1].column: column 'Sex' is read by field "
                   "'prs_Gender' and by field 'prs_Nationality' (first at line 3)"},
        // "  columns { field: \"prs_Gender\" " is 32 characters.
        BadMapping{"ColumnOfAnUnmappedField",
                   "tables {\n  table: \"persons\"\n"
                   "  columns { field: \"prs_Gender\" column: \"person_id\" }\n}",
                   "m.textproto:3:33: tables[0].columns[0].column: column 'person_id' is read by "
                   "field 'person_id' and by field 'prs_Gender'; field 'person_id' reads it as "
                   "the schema declares, so map that field to its own column of this export "
                   "too"},
        BadMapping{"Delimiter", "tables {\n  table: \"persons\"\n  delimiter: \";;\"\n}",
                   "m.textproto:3:3: tables[0].delimiter: ';;' is not a delimiter: use one "
                   "ASCII character other than a quote or a line break, e.g. \";\""},
        BadMapping{"QuoteDelimiter", "tables {\n  table: \"persons\"\n  delimiter: '\"'\n}",
                   "m.textproto:3:3: tables[0].delimiter: '\"' is not a delimiter: use one "
                   "ASCII character other than a quote or a line break, e.g. \";\""},
        // "  format { " is 11 characters.
        BadMapping{"DecimalSeparator",
                   "tables {\n  table: \"persons\"\n  format { decimal_separator: \";\" }\n}",
                   "m.textproto:3:12: tables[0].format.decimal_separator: ';' is not a decimal "
                   "separator: use \".\" or \",\""},
        // "  columns { field: \"identified_on\" format { " is 44 characters.
        BadMapping{"DateFormat",
                   "tables {\n  table: \"persons\"\n"
                   "  columns { field: \"identified_on\" format { date_format: \"%d/%m/%y\" } }\n}",
                   "m.textproto:3:45: tables[0].columns[0].format.date_format: '%d/%m/%y' is not "
                   "a date format: use %Y, %m and %d once each and literal characters, e.g. "
                   "\"%d/%m/%Y\""},
        BadMapping{"DateFormatTwiceADay",
                   "tables {\n  table: \"persons\"\n  format { date_format: \"%d%d%m%Y\" }\n}",
                   "m.textproto:3:12: tables[0].format.date_format: '%d%d%m%Y' is not a date "
                   "format: use %Y, %m and %d once each and literal characters, e.g. "
                   "\"%d/%m/%Y\""},
        // "  columns { field: \"prs_Gender\" format { " is 41 characters.
        BadMapping{"DateFormatOfACategory",
                   "tables {\n  table: \"persons\"\n"
                   "  columns { field: \"prs_Gender\" format { date_format: \"%d/%m/%Y\" } }\n}",
                   "m.textproto:3:42: tables[0].columns[0].format.date_format: field "
                   "'prs_Gender' is CATEGORY: date_format applies to DATE fields"},
        BadMapping{"SeparatorOfASingleValue",
                   "tables {\n  table: \"persons\"\n"
                   "  columns { field: \"prs_Gender\" format { multi_value_separator: \"|\" } }\n}",
                   "m.textproto:3:42: tables[0].columns[0].format.multi_value_separator: field "
                   "'prs_Gender' is not multi-valued: multi_value_separator applies to "
                   "multi-valued fields"},
        // "  columns { field: \"income\" format { " is 37 characters.
        BadMapping{"BooleansOfANumber",
                   "tables {\n  table: \"persons\"\n"
                   "  columns { field: \"income\" format { false_values: \"0\" } }\n}",
                   "m.textproto:3:38: tables[0].columns[0].format.false_values[0]: field "
                   "'income' is DOUBLE: true_values and false_values apply to BOOL fields"},
        BadMapping{"DecimalOfABoolean",
                   "tables {\n  table: \"persons\"\n"
                   "  columns { field: \"consent\" format { decimal_separator: \",\" } }\n}",
                   "m.textproto:3:39: tables[0].columns[0].format.decimal_separator: field "
                   "'consent' is BOOL: decimal_separator applies to DOUBLE fields"},
        // The second false_values is after "  format { true_values: \"y\" false_values:
        // \"n\" " (46 characters).
        BadMapping{"TrueAndFalse",
                   "tables {\n  table: \"persons\"\n"
                   "  format { true_values: \"y\" false_values: \"n\" false_values: \"y\" }\n}",
                   "m.textproto:3:47: tables[0].format.false_values[1]: 'y' is both a true and a "
                   "false value"},
        BadMapping{"EmptyBoolean",
                   "tables {\n  table: \"persons\"\n  format { true_values: \"\" }\n}",
                   "m.textproto:3:12: tables[0].format.true_values[0]: an empty field is always "
                   "missing, so it cannot be a boolean value"},
        // Table says yes/no; the column makes "yes" false too.
        BadMapping{"TrueAndFalseAcrossLevels",
                   "tables {\n  table: \"persons\"\n"
                   "  format { true_values: \"yes\" false_values: \"no\" }\n"
                   "  columns { field: \"consent\" format { false_values: \"yes\" } }\n}",
                   "m.textproto:4:30: tables[0].columns[0].format: 'yes' is both a true and a "
                   "false value of field 'consent' once the formats of the schema, the table and "
                   "the column are combined; set both true_values and false_values"},
        // "  columns { field: \"consent\" " is 29 characters.
        BadMapping{"RecodedBoolean",
                   "tables {\n  table: \"persons\"\n"
                   "  columns { field: \"consent\" values { value: \"Y\" code: \"true\" } }\n}",
                   "m.textproto:3:30: tables[0].columns[0].values[0]: field 'consent' is BOOL: "
                   "only CATEGORY fields have recoded values"},
        // "  columns { field: \"prs_Gender\" values { value: \"F\" " is 52 characters.
        BadMapping{"RecodedToNoCode",
                   "tables {\n  table: \"persons\"\n"
                   "  columns { field: \"prs_Gender\" values { value: \"F\" code: \"Feminin\" } }\n}",
                   "m.textproto:3:53: tables[0].columns[0].values[0].code: 'Feminin' is not a "
                   "code of list 'gender'; did you mean 'Feminine'?"},
        BadMapping{"RecodedTwice",
                   "tables {\n  table: \"persons\"\n"
                   "  columns { field: \"prs_Gender\"\n"
                   "    values { value: \"F\" code: \"Feminine\" }\n"
                   "    values { value: \"F\" code: \"Masculine\" } }\n}",
                   "m.textproto:5:14: tables[0].columns[0].values[1].value: 'F' is recoded twice "
                   "(first at line 4)"},
        BadMapping{"RecodedEmpty",
                   "tables {\n  table: \"persons\"\n"
                   "  columns { field: \"prs_Gender\" values { code: \"Feminine\" } }\n}",
                   "m.textproto:3:33: tables[0].columns[0].values[0]: an empty field is always "
                   "missing and cannot be recoded; list other spellings of missing in "
                   "format.missing_values"}),
    [](const ::testing::TestParamInfo<BadMapping>& info) { return info.param.name; });

}  // namespace
}  // namespace ctind
