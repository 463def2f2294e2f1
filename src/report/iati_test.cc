// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The IATI 2.03 export of the sample publication (report/donor_sample.h):
// its golden file, values worked out by hand from the sample's records,
// suppressed values, escaping, identifiers kept out, and its errors.
// tests/donor/ validates the same document against the IATI schema.

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "ctind/render_donor.h"
#include "ctind/v1/framework.pb.h"
#include "ctind/v1/report.pb.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "report/donor_sample.h"
#include "report/golden_testing.h"
#include "report/iati.h"

namespace ctind {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

using golden_testing::Between;

// The <indicator> element whose title narrative is `title`.
std::string IndicatorElement(const std::string& xml, const std::string& title) {
  const size_t at = xml.find(absl::StrCat("<narrative>", title, "</narrative>"));
  if (at == std::string::npos) return "";
  const size_t start = xml.rfind("<indicator ", at);
  return Between(xml, "<indicator ", "</indicator>", start);
}

// The <period> of `indicator` starting on `start` and ending on `end`.
std::string PeriodElement(const std::string& indicator, const std::string& start,
                          const std::string& end) {
  const std::string head = absl::StrCat("<period-start iso-date=\"", start,
                                        "\"/>\n          <period-end iso-date=\"", end, "\"/>");
  const size_t at = indicator.find(head);
  if (at == std::string::npos) return "";
  return Between(indicator, "<period>", "</period>", indicator.rfind("<period>", at));
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

class IatiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<donor_sample::Sample> sample = donor_sample::MakeSample();
    ASSERT_TRUE(sample.ok()) << sample.status();
    sample_.emplace(*std::move(sample));
    absl::StatusOr<DonorDocument> doc = RenderIati(sample_->framework, sample_->publication);
    ASSERT_TRUE(doc.ok()) << doc.status();
    doc_ = *std::move(doc);
  }

  std::optional<donor_sample::Sample> sample_;
  DonorDocument doc_;
};

TEST_F(IatiTest, MatchesGoldenFile) { golden_testing::ExpectGolden(doc_.text, "donor/sample.iati.xml"); }

TEST_F(IatiTest, Deterministic) {
  absl::StatusOr<DonorDocument> again = RenderIati(sample_->framework, sample_->publication);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->text, doc_.text);
}

TEST_F(IatiTest, ActivityFromTheProject) {
  const std::string& xml = doc_.text;
  // Dated by the as-of date, not the clock.
  EXPECT_THAT(xml, HasSubstr("<iati-activities version=\"2.03\" "
                             "generated-datetime=\"2025-08-15T00:00:00Z\">"));
  EXPECT_THAT(xml, HasSubstr("<iati-activity last-updated-datetime=\"2025-08-15T00:00:00Z\" "
                             "xml:lang=\"en\" default-currency=\"USD\">"));
  EXPECT_THAT(xml, HasSubstr("<iati-identifier>XM-DAC-47066-CT-2025-NPL</iati-identifier>"));
  EXPECT_THAT(xml, HasSubstr("<reporting-org ref=\"XM-DAC-47066\" type=\"40\">\n"
                             "      <narrative>International Organization for Migration</narrative>\n"
                             "      <narrative xml:lang=\"fr\">Organisation internationale pour les "
                             "migrations</narrative>\n    </reporting-org>"));
  // French is a language of the project; Spanish is not, so its
  // translation stays out.
  EXPECT_THAT(xml, HasSubstr("<narrative xml:lang=\"fr\">Protection des victimes de la traite au "
                             "Népal</narrative>"));
  EXPECT_THAT(xml, Not(HasSubstr("Protección")));
  EXPECT_THAT(xml, HasSubstr("<participating-org ref=\"GB-GOV-1\" type=\"10\" role=\"1\">"));
  EXPECT_THAT(xml, HasSubstr("<activity-status code=\"2\"/>"));
  EXPECT_THAT(xml, HasSubstr("<activity-date type=\"1\" iso-date=\"2025-01-01\"/>\n"
                             "    <activity-date type=\"3\" iso-date=\"2025-12-31\"/>"));
  EXPECT_THAT(xml, HasSubstr("<recipient-country code=\"NP\"/>"));
}

TEST_F(IatiTest, ResultsAndIndicatorCodes) {
  const std::string& xml = doc_.text;
  // G1 has no indicator: no result. O1 is an outcome (2), not additive
  // since PROT-01 is a distinct count; OP1 an output (1).
  EXPECT_THAT(xml, Not(HasSubstr("Trafficking in persons is reduced")));
  EXPECT_THAT(xml, HasSubstr("<result type=\"2\" aggregation-status=\"false\">\n"
                             "      <title>\n"
                             "        <narrative>Victims are identified and referred</narrative>"));
  EXPECT_THAT(xml, HasSubstr("<result type=\"1\" aggregation-status=\"false\">"));
  EXPECT_THAT(IndicatorElement(xml, "Identifications not referred, since the project start"),
              HasSubstr("<indicator measure=\"1\" ascending=\"false\" aggregation-status=\"true\">"));
  EXPECT_THAT(IndicatorElement(xml, "% of identified victims referred to assistance"),
              HasSubstr("<indicator measure=\"2\" ascending=\"true\" aggregation-status=\"false\">"));
  EXPECT_THAT(IndicatorElement(xml, "Awareness sessions held, as field teams describe them"),
              HasSubstr("<indicator measure=\"5\" aggregation-status=\"false\">"));
}

TEST_F(IatiTest, ReferencesAndBaseline) {
  const std::string prot01 =
      IndicatorElement(doc_.text, "Victims identified (&lt;18 &amp; \"minors\") =1+1");
  ASSERT_FALSE(prot01.empty());
  // SDG is IndicatorVocabulary 9, the US foreign assistance framework 3.
  EXPECT_THAT(prot01, HasSubstr("<reference vocabulary=\"9\" code=\"16.2.2\" "
                                "indicator-uri=\"https://unstats.un.org/sdgs/metadata/\"/>\n"
                                "        <reference vocabulary=\"3\" code=\"PS.5.1-28\"/>\n"
                                "        <baseline year=\"2024\" iso-date=\"2024-12-31\" "
                                "value=\"30\">"));
  EXPECT_THAT(prot01, HasSubstr("<narrative>2024 annual report</narrative>"));
  // The IOM handbook has no IATI code: left out, and said so.
  EXPECT_THAT(prot01, Not(HasSubstr("PROT-1\"")));
  EXPECT_THAT(doc_.notes,
              ElementsAre("indicator 'PROT-01': reference 'IOM-HANDBOOK' 'PROT-1' is not written: "
                          "IATI's IndicatorVocabulary has no code for 'IOM-HANDBOOK'"));
}

TEST_F(IatiTest, PeriodValuesWorkedOutByHand) {
  const std::string prot01 =
      IndicatorElement(doc_.text, "Victims identified (&lt;18 &amp; \"minors\") =1+1");
  // Q2 is [2025-04-01, 2025-07-01): IATI's inclusive end is 2025-06-30.
  // 11 persons (P10 twice), Feminine 6, Masculine 5, unknown 0 (a cell
  // because Q1 has one).
  const std::string q2 = PeriodElement(prot01, "2025-04-01", "2025-06-30");
  ASSERT_FALSE(q2.empty()) << prot01;
  EXPECT_THAT(q2, HasSubstr("<target value=\"10\"/>"));
  EXPECT_THAT(q2, HasSubstr("<target value=\"5\">\n"
                            "            <dimension name=\"prs_Gender\" value=\"Feminine\"/>"));
  EXPECT_THAT(q2, HasSubstr("<actual value=\"11\"/>"));
  EXPECT_THAT(q2, HasSubstr("<actual value=\"6\">\n"
                            "            <dimension name=\"prs_Gender\" value=\"Feminine\"/>"));
  EXPECT_THAT(q2, HasSubstr("<actual value=\"5\">\n"
                            "            <dimension name=\"prs_Gender\" value=\"Masculine\"/>"));
  EXPECT_THAT(q2, HasSubstr("<actual value=\"0\">\n"
                            "            <dimension name=\"prs_Gender\" value=\"unknown\"/>"));
  // Q1: 7 persons published; its cells withheld.
  EXPECT_THAT(PeriodElement(prot01, "2025-01-01", "2025-03-31"), HasSubstr("<actual value=\"7\"/>"));
  // Q4 lies after the as-of date: its target alone.
  const std::string q4 = PeriodElement(prot01, "2025-10-01", "2025-12-31");
  EXPECT_THAT(q4, HasSubstr("<target value=\"12\">\n            <comment>\n"
                            "              <narrative>Revised after the mid-term review</narrative>"));
  EXPECT_THAT(q4, Not(HasSubstr("<actual")));
  // Life of project: the whole project with its target; 20 persons to the
  // as-of date (P21 comes after it), Feminine 13.
  const std::string lop = PeriodElement(prot01, "2025-01-01", "2025-12-31");
  EXPECT_THAT(lop, HasSubstr("<target value=\"40\"/>"));
  EXPECT_THAT(lop, HasSubstr("<actual value=\"20\">\n            <comment>\n"
                             "              <narrative>Life of project to date: data up to "
                             "2025-08-15.</narrative>"));
  EXPECT_THAT(lop, HasSubstr("<actual value=\"13\">"));

  // 6 of Q2's 12 identifications were referred: 50 %.
  const std::string prot02 =
      IndicatorElement(doc_.text, "% of identified victims referred to assistance");
  const std::string prot02_q2 = PeriodElement(prot02, "2025-04-01", "2025-06-30");
  EXPECT_THAT(prot02_q2, HasSubstr("<target value=\"60\"/>"));
  EXPECT_THAT(prot02_q2, HasSubstr("<actual value=\"50\"/>"));

  // Cumulative: from the project start. Not referred by the end of Q2: 3 in
  // Q1 (R03 R05 R07) and 6 in Q2 (R11 R13 R15 R17 R18 R20).
  const std::string prot03 =
      IndicatorElement(doc_.text, "Identifications not referred, since the project start");
  const std::string prot03_q2 = PeriodElement(prot03, "2025-01-01", "2025-06-30");
  EXPECT_THAT(prot03_q2, HasSubstr("<target value=\"6\"/>"));
  EXPECT_THAT(prot03_q2, HasSubstr("<actual value=\"9\"/>"));

  // Entered narratives: no value, the text as the comment.
  const std::string prev01 =
      IndicatorElement(doc_.text, "Awareness sessions held, as field teams describe them");
  EXPECT_THAT(PeriodElement(prev01, "2025-04-01", "2025-06-30"),
              HasSubstr("<actual>\n            <comment>\n"
                        "              <narrative>Sessions in 5 districts.</narrative>"));
}

TEST_F(IatiTest, SuppressedValuesOmittedWithAComment) {
  const std::string& xml = doc_.text;
  // Written suppressed cells: PROT-01 Q1 F M unknown, Q3 total F M unknown,
  // LOP M unknown (9); PROT-02 Q1, Q3, LOP (3); PROT-03's cumulative Q1,
  // Q3 and LOP (3; its per-period cells are not written).
  EXPECT_EQ(Count(xml, "Value withheld to protect individuals (disclosure control)."), 15u);
  // Each is an <actual> without a value.
  for (size_t at = xml.find("Value withheld"); at != std::string::npos;
       at = xml.find("Value withheld", at + 1)) {
    const size_t actual = xml.rfind("<actual", at);
    EXPECT_EQ(xml.compare(actual, 9, "<actual>\n"), 0) << xml.substr(actual, 200);
  }
  const std::string prot01 =
      IndicatorElement(xml, "Victims identified (&lt;18 &amp; \"minors\") =1+1");
  const std::string q3 = PeriodElement(prot01, "2025-07-01", "2025-09-30");
  EXPECT_THAT(q3, HasSubstr("<actual>\n            <comment>\n              <narrative>Value "
                            "withheld to protect individuals (disclosure control). Partial period: "
                            "data up to 2025-08-15.</narrative>"));
  // The suppressed values (Q3: 3 persons, 2 and 1) are nowhere, nor why.
  EXPECT_THAT(q3, Not(HasSubstr("value=\"3\"")));
  EXPECT_THAT(q3, Not(HasSubstr("value=\"2\"")));
  EXPECT_THAT(q3, Not(HasSubstr("value=\"1\"")));
  for (const char* reason : {"PRIMARY", "primary", "COMPLEMENTARY", "complementary", "below"}) {
    EXPECT_THAT(xml, Not(HasSubstr(reason)));
  }
}

TEST_F(IatiTest, NoRecordOrPersonIdentifier) {
  for (int i = 1; i <= 24; ++i) {
    const std::string record = absl::StrCat(i < 10 ? "R0" : "R", i);
    EXPECT_THAT(doc_.text, Not(HasSubstr(record)));
  }
  for (int i = 1; i <= 21; ++i) {
    const std::string person = absl::StrCat(i < 10 ? "P0" : "P", i);
    EXPECT_THAT(doc_.text, Not(HasSubstr(person)));
  }
}

TEST_F(IatiTest, UserTextIsEscaped) {
  const std::string& xml = doc_.text;
  EXPECT_THAT(xml, HasSubstr("<narrative>Victims identified (&lt;18 &amp; \"minors\") =1+1"
                             "</narrative>"));
  EXPECT_THAT(xml, HasSubstr("<narrative>Identification &amp; referral of victims &lt;18 and "
                             "adults to \"safe\" shelters.</narrative>"));
  EXPECT_THAT(xml, HasSubstr("<narrative>Donor &amp; Partners</narrative>"));
  EXPECT_THAT(xml, HasSubstr("<narrative>Sessions in 3 districts; \"good\" turnout &amp; &lt;50 "
                             "absent.</narrative>"));
  EXPECT_THAT(xml, Not(HasSubstr("<18")));
}

TEST(IatiEscapingTest, CharactersXmlCannotCarryAreReplaced) {
  absl::StatusOr<donor_sample::Sample> sample =
      donor_sample::MakeSample(donor_sample::EscapingFramework().c_str());
  ASSERT_TRUE(sample.ok()) << sample.status();
  absl::StatusOr<DonorDocument> doc = RenderIati(sample->framework, sample->publication);
  ASSERT_TRUE(doc.ok()) << doc.status();
  // \001 and \037 and U+FFFE are not XML characters: U+FFFD each. The CR
  // is a character reference; tab, quotes and the emoji stay; "]]>" has
  // its ">" escaped.
  EXPECT_THAT(doc->text, HasSubstr("<narrative>Ctl\uFFFD\uFFFD CR&#13; tab\t ]]&gt; 'apos' \"q\" "
                                   "\uFFFD \U0001F600</narrative>"));
}

TEST_F(IatiTest, RefusesARawReport) {
  v1::Report raw = sample_->publication;
  raw.set_protection(v1::RAW);
  absl::StatusOr<DonorDocument> doc = RenderIati(sample_->framework, raw);
  EXPECT_EQ(doc.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(doc.status().message(), HasSubstr("raw results are for the data owner"));
}

TEST_F(IatiTest, RefusesAReportOfAnotherProject) {
  v1::Report other = sample_->publication;
  other.set_project_id("CT-OTHER");
  absl::StatusOr<DonorDocument> doc = RenderIati(sample_->framework, other);
  EXPECT_EQ(doc.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(doc.status().message(),
              HasSubstr("the report is of project 'CT-OTHER' but the framework is of project "
                        "'CT-2025-NPL'"));
}

TEST_F(IatiTest, GeneratedDatetimeOption) {
  DonorRenderOptions options;
  options.generated_datetime = "2025-09-01T10:30:00+05:45";
  absl::StatusOr<DonorDocument> doc = RenderIati(sample_->framework, sample_->publication, options);
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_THAT(doc->text, HasSubstr("generated-datetime=\"2025-09-01T10:30:00+05:45\""));
  for (const char* bad : {"2025-09-01", "2025-09-01 10:30:00", "2025-02-30T10:30:00Z",
                          "2025-09-01T24:00:00Z", "2025-09-01T10:30:00+0545"}) {
    options.generated_datetime = bad;
    doc = RenderIati(sample_->framework, sample_->publication, options);
    EXPECT_EQ(doc.status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
}

TEST_F(IatiTest, VocabularyOptionMapsMoreReferences) {
  DonorRenderOptions options;
  options.indicator_vocabularies = {{"iom-handbook", "99"}};
  absl::StatusOr<DonorDocument> doc = RenderIati(sample_->framework, sample_->publication, options);
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_THAT(doc->text, HasSubstr("<reference vocabulary=\"99\" code=\"PROT-1\"/>"));
  EXPECT_TRUE(doc->notes.empty());
}

TEST_F(IatiTest, RoundedValuesSaySo) {
  v1::Report report = sample_->publication;
  report.mutable_publication()->set_rounding(v1::RANDOM_BASE_3);
  for (v1::Cell& cell : *report.mutable_indicators(1)->mutable_cells()) {
    if (cell.status() == v1::PRESENT) cell.add_flags(v1::ROUNDED);
  }
  absl::StatusOr<DonorDocument> doc = RenderIati(sample_->framework, report);
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_THAT(doc->text, HasSubstr("<actual value=\"50\">\n            <comment>\n"
                                   "              <narrative>Randomly rounded to a multiple of "
                                   "3.</narrative>"));
}

TEST_F(IatiTest, LifeOfProjectCanBeLeftOut) {
  DonorRenderOptions options;
  options.include_life_of_project = false;
  absl::StatusOr<DonorDocument> doc = RenderIati(sample_->framework, sample_->publication, options);
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_THAT(doc->text, Not(HasSubstr("Life of project")));
  EXPECT_THAT(doc->text, Not(HasSubstr("<target value=\"40\"/>")));
}

// A project written in French: the activity's language is French, and
// ctind's own (English) comments say they are English.
TEST(IatiLanguageTest, DefaultLanguageOtherThanEnglish) {
  std::string text = donor_sample::kFramework;
  const std::string from = "languages: \"fr\"";
  text.replace(text.find(from), from.size(), "default_language: \"fr\" languages: \"en\"");
  absl::StatusOr<donor_sample::Sample> sample = donor_sample::MakeSample(text.c_str());
  ASSERT_TRUE(sample.ok()) << sample.status();
  absl::StatusOr<DonorDocument> doc = RenderIati(sample->framework, sample->publication);
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_THAT(doc->text, HasSubstr("xml:lang=\"fr\" default-currency=\"USD\">"));
  EXPECT_THAT(doc->text, HasSubstr("<narrative xml:lang=\"en\">Value withheld to protect "
                                   "individuals (disclosure control).</narrative>"));
  EXPECT_THAT(doc->text, Not(HasSubstr("<narrative>Value withheld")));
  // The French translations are now the default language's: left out.
  EXPECT_THAT(doc->text, Not(HasSubstr("<narrative xml:lang=\"fr\">")));
}

// A framework without what IATI requires: every missing element is named,
// with its place in the file.
TEST(IatiErrorsTest, MissingProjectElementsAreListed) {
  const char* text =
      "schema_id: \"donor-sample\"\n"
      "project {\n"
      "  id: \"CT-2025-NPL\" title: \"t\" start_date: \"2025-01-01\" end_date: \"2025-12-31\"\n"
      "  reporting_org { ref: \"XM-DAC-47066\" }\n"
      "  participating_orgs { name: \"Partner\" }\n"
      "}\n"
      "indicators { id: \"I\" title: \"t\" measure { value { table: \"identifications\" "
      "count: true } } period { by: \"identified_on\" every: QUARTERLY } }\n";
  absl::StatusOr<Framework> fw = Framework::Parse(text, ProtoFormat::kText, "fw.textproto");
  ASSERT_TRUE(fw.ok()) << fw.status();
  absl::StatusOr<Results> raw = donor_sample::ComputeRaw(*fw);
  ASSERT_TRUE(raw.ok()) << raw.status();
  Diagnostics diagnostics;
  absl::StatusOr<DonorDocument> doc =
      RenderIati(*fw, donor_sample::Publish(raw->proto()), {}, &diagnostics);
  EXPECT_EQ(doc.status().code(), absl::StatusCode::kInvalidArgument);
  std::vector<std::string> messages;
  for (const Diagnostic& d : diagnostics) {
    messages.push_back(absl::StrCat(d.file, ":", d.line, ":", d.column, ": ", d.path));
  }
  // Missing fields point at their enclosing field: project (2:1),
  // reporting_org (4:3), the participating organisation (5:3).
  EXPECT_THAT(messages, ElementsAre("fw.textproto:2:1: project.iati_identifier",
                                    "fw.textproto:4:3: project.reporting_org.type",
                                    "fw.textproto:4:3: project.reporting_org.name",
                                    "fw.textproto:2:1: project.description",
                                    "fw.textproto:2:1: project.activity_status",
                                    "fw.textproto:5:3: project.participating_orgs[0].role"));
  EXPECT_THAT(doc.status().message(), HasSubstr("the IATI export needs the activity identifier"));
  EXPECT_THAT(doc.status().message(), HasSubstr("(and 5 more)"));
}

// Indicators attached to no result are gathered by their level, under a
// result titled by the project.
TEST(IatiUnattachedTest, IndicatorsWithoutAResult) {
  std::string text = donor_sample::kFramework;
  const std::string from = "result: \"O1\" level: OUTCOME_INDICATOR unit: \"%\"";
  text.replace(text.find(from), from.size(), "level: IMPACT unit: \"%\"");
  absl::StatusOr<donor_sample::Sample> sample = donor_sample::MakeSample(text.c_str());
  ASSERT_TRUE(sample.ok()) << sample.status();
  absl::StatusOr<DonorDocument> doc = RenderIati(sample->framework, sample->publication);
  ASSERT_TRUE(doc.ok()) << doc.status();
  const std::string last = Between(doc->text, "<result type=\"3\"", "</result>");
  EXPECT_THAT(last, HasSubstr("<narrative>Protection of victims of trafficking in Nepal</narrative>"));
  EXPECT_THAT(last, HasSubstr("% of identified victims referred to assistance"));
  // It comes after the logframe's results.
  EXPECT_GT(doc->text.find("<result type=\"3\""), doc->text.find("<result type=\"1\""));
}

TEST(IatiCodesTest, ResultTypes) {
  EXPECT_EQ(IatiResultType(v1::GOAL), "3");
  EXPECT_EQ(IatiResultType(v1::OUTCOME), "2");
  EXPECT_EQ(IatiResultType(v1::OUTPUT), "1");
  EXPECT_EQ(IatiResultType(v1::ACTIVITY), "9");
  EXPECT_EQ(IatiResultType(v1::RESULT_LEVEL_UNSPECIFIED), "9");
  EXPECT_EQ(IatiResultTypeOfIndicator(v1::IMPACT), "3");
  EXPECT_EQ(IatiResultTypeOfIndicator(v1::OUTCOME_INDICATOR), "2");
  EXPECT_EQ(IatiResultTypeOfIndicator(v1::OUTPUT_INDICATOR), "1");
  EXPECT_EQ(IatiResultTypeOfIndicator(v1::PROCESS), "9");
}

TEST(IatiCodesTest, Measures) {
  struct Case {
    const char* indicator;
    const char* measure;
  };
  for (const Case& c : std::vector<Case>{
           {"measure { value { count: true } }", "1"},
           {"measure { value { mean: \"x\" } }", "1"},
           {"measure { value { count: true } } unit: \"%\"", "2"},
           {"measure { ratio { factor: 100 } }", "2"},
           {"measure { ratio { factor: 100000 } }", "1"},
           {"measure { ratio { } }", "1"},
           {"measure { value { count: true } relative_change: true }", "2"},
           {"measure { in_place { value: \"x\" } }", "3"},
           {"measure { ordinal { levels: \"low\" } }", "4"},
           {"measure { qualitative: true }", "5"},
           {"source: REPORTED reported { flag: true }", "3"},
           {"source: REPORTED reported { narrative: \"n\" }", "5"},
           {"source: REPORTED reported { number: 3 }", "1"},
       }) {
    v1::Indicator ind;
    ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(c.indicator, &ind)) << c.indicator;
    EXPECT_EQ(IatiIndicatorMeasure(ind), c.measure) << c.indicator;
  }
}

TEST(IatiCodesTest, AscendingAndAggregation) {
  EXPECT_EQ(IatiAscending(v1::INCREASE), true);
  EXPECT_EQ(IatiAscending(v1::DECREASE), false);
  EXPECT_EQ(IatiAscending(v1::NONE), std::nullopt);
  EXPECT_EQ(IatiAscending(v1::DIRECTION_UNSPECIFIED), std::nullopt);
  v1::Indicator ind;
  ind.mutable_measure()->mutable_value()->set_count(true);
  EXPECT_TRUE(IatiAggregationStatus(ind));
  ind.mutable_measure()->mutable_value()->set_sum("x");
  EXPECT_TRUE(IatiAggregationStatus(ind));
  ind.mutable_measure()->mutable_value()->set_count_distinct("person_id");
  EXPECT_FALSE(IatiAggregationStatus(ind));
  ind.mutable_measure()->mutable_ratio();
  EXPECT_FALSE(IatiAggregationStatus(ind));
}

TEST(IatiCodesTest, IndicatorVocabularies) {
  const std::vector<std::pair<std::string, std::string>> none;
  EXPECT_EQ(IatiIndicatorVocabulary("SDG", none), "9");
  EXPECT_EQ(IatiIndicatorVocabulary("sdg", none), "9");
  EXPECT_EQ(IatiIndicatorVocabulary("US-F", none), "3");
  EXPECT_EQ(IatiIndicatorVocabulary("WHO", none), "1");
  EXPECT_EQ(IatiIndicatorVocabulary("99", none), "99");
  EXPECT_EQ(IatiIndicatorVocabulary("7", none), "7");
  EXPECT_EQ(IatiIndicatorVocabulary("10", none), std::nullopt);
  EXPECT_EQ(IatiIndicatorVocabulary("GLOTIP", none), std::nullopt);
  EXPECT_EQ(IatiIndicatorVocabulary("IATI", none), std::nullopt);
  EXPECT_EQ(IatiIndicatorVocabulary("GLOTIP", {{"glotip", "99"}}), "99");
  EXPECT_EQ(IatiIndicatorVocabulary("SDG", {{"SDG", "99"}}), "99");
}

}  // namespace
}  // namespace ctind
