// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The DHIS2 dataValueSets export of the sample publication
// (report/donor_sample.h) through its mapping: the golden file, values
// worked out by hand, suppressed and skipped values, identifiers kept out,
// and the mapping's errors.

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "ctind/render_donor.h"
#include "ctind/v1/dhis2.pb.h"
#include "ctind/v1/report.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/dhis2.h"
#include "report/donor_sample.h"
#include "report/golden_testing.h"

namespace ctind {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr char kWithheld[] = "Value withheld to protect individuals (disclosure control).";

class Dhis2Test : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<donor_sample::Sample> sample = donor_sample::MakeSample();
    ASSERT_TRUE(sample.ok()) << sample.status();
    sample_.emplace(*std::move(sample));
  }

  absl::StatusOr<DonorDocument> Render(const std::string& mapping_text,
                                       Diagnostics* diagnostics = nullptr) {
    absl::StatusOr<Dhis2Mapping> mapping =
        Dhis2Mapping::Parse(mapping_text, ProtoFormat::kText, "dhis2.textproto", diagnostics);
    if (!mapping.ok()) return mapping.status();
    return RenderDhis2(sample_->publication, *mapping, diagnostics);
  }

  // The messages of `text` as a mapping of the sample, "line:column:
  // path: message" each.
  std::vector<std::string> Errors(const std::string& text) {
    Diagnostics diagnostics;
    absl::StatusOr<DonorDocument> doc = Render(text, &diagnostics);
    EXPECT_EQ(doc.status().code(), absl::StatusCode::kInvalidArgument);
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics) {
      out.push_back(absl::StrCat(d.line, ":", d.column, ": ", d.path, ": ", d.message));
    }
    return out;
  }

  std::optional<donor_sample::Sample> sample_;
};

TEST_F(Dhis2Test, MatchesGoldenFile) {
  absl::StatusOr<DonorDocument> doc = Render(donor_sample::kDhis2Mapping);
  ASSERT_TRUE(doc.ok()) << doc.status();
  golden_testing::ExpectGolden(doc->text, "donor/sample.dhis2.json");
}

TEST_F(Dhis2Test, ValuesWorkedOutByHand) {
  absl::StatusOr<DonorDocument> doc = Render(donor_sample::kDhis2Mapping);
  ASSERT_TRUE(doc.ok()) << doc.status();
  const std::string& json = doc->text;
  EXPECT_THAT(json, HasSubstr("{\n  \"dataSet\": \"pBOMPrpg1QX\",\n  \"dataValues\": [\n"));
  // PROT-01's total goes to its own data element, with DHIS2's default
  // combo: 7 persons in Q1, 11 in Q2 (Feminine 6, Masculine 5).
  EXPECT_THAT(json, HasSubstr("{\"dataElement\": \"TotPersId01\", \"period\": \"2025Q1\", "
                              "\"orgUnit\": \"DiszpKrYNg8\", \"value\": \"7\"}"));
  EXPECT_THAT(json, HasSubstr("{\"dataElement\": \"TotPersId01\", \"period\": \"2025Q2\", "
                              "\"orgUnit\": \"DiszpKrYNg8\", \"value\": \"11\"}"));
  EXPECT_THAT(json, HasSubstr("{\"dataElement\": \"f7n9E0hX8qk\", \"period\": \"2025Q2\", "
                              "\"orgUnit\": \"DiszpKrYNg8\", \"categoryOptionCombo\": "
                              "\"Prlt0C1RF0s\", \"value\": \"6\"}"));
  EXPECT_THAT(json, HasSubstr("{\"dataElement\": \"f7n9E0hX8qk\", \"period\": \"2025Q2\", "
                              "\"orgUnit\": \"DiszpKrYNg8\", \"categoryOptionCombo\": "
                              "\"V6L425pT3A0\", \"value\": \"5\"}"));
  // PROT-02 in Q2: 6 of 12 referred.
  EXPECT_THAT(json, HasSubstr("{\"dataElement\": \"Ix2HsbDMLea\", \"period\": \"2025Q2\", "
                              "\"orgUnit\": \"DiszpKrYNg8\", \"value\": \"50\"}"));
  // Written: PROT-01 3 periods × (total, F, M), PROT-02 3 periods.
  size_t values = 0;
  for (size_t at = json.find("\"dataElement\""); at != std::string::npos;
       at = json.find("\"dataElement\"", at + 1)) {
    ++values;
  }
  EXPECT_EQ(values, 12u);
  // Life of project has no DHIS2 period.
  EXPECT_THAT(json, Not(HasSubstr("LOP")));
}

TEST_F(Dhis2Test, SuppressedValuesAreEmptyWithAComment) {
  absl::StatusOr<DonorDocument> doc = Render(donor_sample::kDhis2Mapping);
  ASSERT_TRUE(doc.ok()) << doc.status();
  const std::string& json = doc->text;
  EXPECT_THAT(json, HasSubstr(absl::StrCat(
                        "{\"dataElement\": \"Ix2HsbDMLea\", \"period\": \"2025Q1\", \"orgUnit\": "
                        "\"DiszpKrYNg8\", \"value\": \"\", \"comment\": \"", kWithheld, "\"}")));
  // Q3 is also partial.
  EXPECT_THAT(json, HasSubstr(absl::StrCat(
                        "{\"dataElement\": \"TotPersId01\", \"period\": \"2025Q3\", \"orgUnit\": "
                        "\"DiszpKrYNg8\", \"value\": \"\", \"comment\": \"", kWithheld,
                        " Partial period: data up to 2025-08-15.\"}")));
  // PROT-01: Q1 F M, Q3 total F M; PROT-02: Q1, Q3.
  size_t withheld = 0;
  for (size_t at = json.find(kWithheld); at != std::string::npos; at = json.find(kWithheld, at + 1)) {
    ++withheld;
  }
  EXPECT_EQ(withheld, 7u);
  // Q3's suppressed values (3; 2 F; 1 M; 2 of 3 referred) are nowhere.
  EXPECT_THAT(json, Not(HasSubstr("\"value\": \"3\"")));
  EXPECT_THAT(json, Not(HasSubstr("\"value\": \"2\"")));
  EXPECT_THAT(json, Not(HasSubstr("\"value\": \"1\"")));
  EXPECT_THAT(json, Not(HasSubstr("\"value\": \"67\"")));
}

TEST_F(Dhis2Test, SkippedValuesAreNoted) {
  absl::StatusOr<DonorDocument> doc = Render(donor_sample::kDhis2Mapping);
  ASSERT_TRUE(doc.ok()) << doc.status();
  // PROT-01's unknown cell (in every quarter, since Q1 has one) has no
  // combo; PROT-03 is not mapped (Q1..Q3); PREV-01 is reported and has
  // no entered value: its three quarters are missing.
  EXPECT_THAT(doc->notes,
              ElementsAre("indicator 'PROT-01': 3 values of breakdown 'prs_Gender' are not "
                          "exported: the mapping lists none of their cells (first: 2025Q1 "
                          "prs_Gender=unknown)",
                          "indicator 'PROT-03' is not in the mapping: 3 per-period values are "
                          "not exported",
                          "indicator 'PREV-01': 3 mapped values are missing (no number was "
                          "computed or entered: no denominator, say, or only a narrative) and "
                          "not exported"));
}

TEST_F(Dhis2Test, NoRecordOrPersonIdentifier) {
  absl::StatusOr<DonorDocument> doc = Render(donor_sample::kDhis2Mapping);
  ASSERT_TRUE(doc.ok()) << doc.status();
  for (int i = 1; i <= 24; ++i) {
    EXPECT_THAT(doc->text, Not(HasSubstr(absl::StrCat(i < 10 ? "R0" : "R", i))));
  }
  for (int i = 1; i <= 21; ++i) {
    EXPECT_THAT(doc->text, Not(HasSubstr(absl::StrCat(i < 10 ? "P0" : "P", i))));
  }
}

TEST_F(Dhis2Test, CodesAttributeComboAndDecimals) {
  absl::StatusOr<DonorDocument> doc = Render(R"pb(
    id_scheme: DHIS2_CODE
    org_unit: "NP_KTM"
    attribute_option_combo: "IOM_FUNDED"
    indicators { indicator: "PROT-02" data_element: "CT_REFERRED_PCT" org_unit: "NP_LAL" decimals: 2 }
  )pb");
  ASSERT_TRUE(doc.ok()) << doc.status();
  // No dataSet; idScheme tells DHIS2 these are codes; 50 with 2 decimals.
  EXPECT_THAT(doc->text, HasSubstr("{\n  \"idScheme\": \"CODE\",\n  \"dataValues\": [\n"));
  EXPECT_THAT(doc->text, HasSubstr("{\"dataElement\": \"CT_REFERRED_PCT\", \"period\": \"2025Q2\", "
                                   "\"orgUnit\": \"NP_LAL\", \"attributeOptionCombo\": "
                                   "\"IOM_FUNDED\", \"value\": \"50.00\"}"));
}

// Cells changed by hand: a rounded publication, a missing value, and a
// small negative value (a relative change) written without decimals.
TEST_F(Dhis2Test, RoundedMissingAndNegativeValues) {
  v1::Report& report = sample_->publication;
  report.mutable_publication()->set_rounding(v1::BASE_5);
  for (v1::Cell& cell : *report.mutable_indicators(1)->mutable_cells()) {
    if (cell.scope() != v1::SCOPE_PERIOD) continue;
    if (cell.period() == "2025Q2") cell.add_flags(v1::ROUNDED);
    if (cell.period() == "2025Q3") {
      cell.set_status(v1::MISSING);
      cell.clear_flags();
    }
  }
  absl::StatusOr<DonorDocument> doc = Render(R"pb(
    org_unit: "DiszpKrYNg8"
    indicators { indicator: "PROT-02" data_element: "Ix2HsbDMLea" decimals: 0 }
  )pb");
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_THAT(doc->text, HasSubstr("\"period\": \"2025Q2\", \"orgUnit\": \"DiszpKrYNg8\", "
                                   "\"value\": \"50\", \"comment\": \"Rounded to a multiple of "
                                   "5.\"}"));
  EXPECT_THAT(doc->text, Not(HasSubstr("2025Q3")));
  EXPECT_THAT(doc->notes, ElementsAre("indicator 'PROT-01' is not in the mapping: 12 per-period "
                                      "values are not exported",
                                      "indicator 'PROT-02': 1 mapped value is missing (no number "
                                      "was computed or entered: no denominator, say, or only a "
                                      "narrative) and not exported",
                                      "indicator 'PROT-03' is not in the mapping: 3 per-period "
                                      "values are not exported",
                                      "indicator 'PREV-01' is not in the mapping: 3 per-period "
                                      "values are not exported"));

  for (v1::Cell& cell : *report.mutable_indicators(1)->mutable_cells()) {
    if (cell.period() == "2025Q2" && cell.scope() == v1::SCOPE_PERIOD) cell.set_value(-0.4);
  }
  doc = Render(R"pb(
    org_unit: "DiszpKrYNg8"
    indicators { indicator: "PROT-02" data_element: "Ix2HsbDMLea" decimals: 0 }
  )pb");
  ASSERT_TRUE(doc.ok()) << doc.status();
  // -0.4 to whole numbers is 0, without a sign.
  EXPECT_THAT(doc->text, HasSubstr("\"period\": \"2025Q2\", \"orgUnit\": \"DiszpKrYNg8\", "
                                   "\"value\": \"0\""));
}

TEST_F(Dhis2Test, PeriodTypesSelectValues) {
  // The sample has quarters only: a yearly data set gets nothing, and that
  // is the mapping's choice, not a skipped value.
  absl::StatusOr<DonorDocument> doc = Render(R"pb(
    org_unit: "DiszpKrYNg8"
    indicators { indicator: "PROT-02" data_element: "Ix2HsbDMLea" period_types: YEARLY }
  )pb");
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_THAT(doc->text, HasSubstr("\"dataValues\": []\n}\n"));
}

TEST_F(Dhis2Test, RefusesARawReport) {
  absl::StatusOr<Dhis2Mapping> mapping =
      Dhis2Mapping::Parse(donor_sample::kDhis2Mapping, ProtoFormat::kText, "m.textproto");
  ASSERT_TRUE(mapping.ok()) << mapping.status();
  v1::Report raw = sample_->publication;
  raw.set_protection(v1::RAW);
  EXPECT_EQ(RenderDhis2(raw, *mapping).status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST_F(Dhis2Test, UnknownIndicatorInTheMapping) {
  EXPECT_THAT(Errors("org_unit: \"DiszpKrYNg8\"\n"
                     "indicators {\n"
                     "  indicator: \"PROT-1\"\n"
                     "  data_element: \"f7n9E0hX8qk\"\n"
                     "}\n"),
              ElementsAre("3:3: indicators[0].indicator: the report has no indicator 'PROT-1'; "
                          "did you mean 'PROT-01'?"));
}

TEST_F(Dhis2Test, MappingThatDoesNotFitTheReport) {
  EXPECT_THAT(
      Errors("project_id: \"CT-OTHER\"\n"
             "org_unit: \"DiszpKrYNg8\"\n"
             "indicators {\n"
             "  indicator: \"PROT-01\" data_element: \"f7n9E0hX8qk\"\n"
             "  cells { cell { dimension: \"prs_Gendr\" value: \"Feminine\" } }\n"
             "  cells { cell { dimension: \"prs_Gender\" value: \"Femenine\" } }\n"
             "  cells { cell { dimension: \"prs_Gender\" value: \"unknown\" } }\n"
             "}\n"),
      ElementsAre("1:1: project_id: the mapping is written for project 'CT-OTHER' but the report "
                  "is of project 'CT-2025-NPL'",
                  "5:3: indicators[0].cells[0]: indicator 'PROT-01' has no breakdown by "
                  "'prs_Gendr'; did you mean 'prs_Gender'?; its breakdowns: prs_Gender",
                  "6:42: indicators[0].cells[1].cell[0].value: 'Femenine' is not a value of "
                  "'prs_Gender' in indicator 'PROT-01'; did you mean 'Feminine'?"));
}

TEST_F(Dhis2Test, MalformedMappings) {
  // A syntax error, with its place.
  std::vector<std::string> errors = Errors("org_unit \"DiszpKrYNg8\"\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0], HasSubstr("1:10: "));
  // Every problem of a mapping, in one pass. A field written with its
  // default value (value: "") has no place of its own: the message points
  // at its cell.
  EXPECT_THAT(
      Errors("data_set: \"not-a-uid\"\n"
             "indicators { indicator: \"PROT-01\" }\n"
             "indicators { indicator: \"PROT-01\" data_element: \"f7n9E0hX8qk\" decimals: 16\n"
             "  period_types: CUSTOM\n"
             "  cells { cell { dimension: \"prs_Gender\" value: \"Feminine\" } }\n"
             "  cells { cell { dimension: \"prs_Gender\" value: \"Feminine\" } }\n"
             "  cells { cell { dimension: \"prs_Gender\" value: \"\" } }\n"
             "}\n"),
      ElementsAre("1:1: data_set: 'not-a-uid' is not a DHIS2 UID (11 characters: a letter, then "
                  "letters or digits); for codes set id_scheme: DHIS2_CODE",
                  "2:1: indicators[0].data_element: the data element is required",
                  "2:1: indicators[0].org_unit: no organisation unit: set org_unit here or for "
                  "the whole mapping",
                  "3:14: indicators[1].indicator: indicator 'PROT-01' is mapped twice (also in "
                  "indicators[0]); map it once",
                  "3:1: indicators[1].org_unit: no organisation unit: set org_unit here or for "
                  "the whole mapping",
                  "3:63: indicators[1].decimals: decimals is 0 to 15",
                  "4:3: indicators[1].period_types[0]: DHIS2 has no custom periods: choose a "
                  "standard period type",
                  "6:3: indicators[1].cells[1]: cell 'prs_Gender=Feminine' is mapped twice (also "
                  "in cells[0])",
                  "7:11: indicators[1].cells[2].cell[0].value: name the value (a code, or "
                  "\"unknown\")"));
}

TEST(Dhis2TextTest, JsonStrings) {
  EXPECT_EQ(JsonString("plain"), "\"plain\"");
  EXPECT_EQ(JsonString("q\"b\\s/"), "\"q\\\"b\\\\s/\"");
  EXPECT_EQ(JsonString("a\nb\rc\td\x01"), "\"a\\nb\\rc\\td\\u0001\"");
  EXPECT_EQ(JsonString("<&> =1+1"), "\"<&> =1+1\"");
  EXPECT_EQ(JsonString("\xE2\x80\xA8"), "\"\\u2028\"");
  EXPECT_EQ(JsonString("Népal \xFF"), "\"Népal \uFFFD\"");
}

TEST(Dhis2TextTest, Uids) {
  EXPECT_TRUE(IsDhis2Uid("f7n9E0hX8qk"));
  EXPECT_FALSE(IsDhis2Uid("7fn9E0hX8qk"));  // starts with a digit
  EXPECT_FALSE(IsDhis2Uid("f7n9E0hX8q"));   // 10 characters
  EXPECT_FALSE(IsDhis2Uid("f7n9E0hX8q-"));
  EXPECT_FALSE(IsDhis2Uid(""));
}

}  // namespace
}  // namespace ctind
