// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The HTML report of the sample publication (report/html_sample.h): its
// structure, escaping of hostile text, suppressed values that never show,
// 0 versus missing versus suppressed, the values the charts carry, the
// data-quality section, languages, errors and the golden file. Expected
// values are worked out by hand from the sample's records (see the
// comments there and here). tests/html/ opens the same report in headless
// Chromium.

#include "report/html.h"

#include <algorithm>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "ctind/render_html.h"
#include "ctind/v1/report.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/golden_testing.h"
#include "report/html_sample.h"

namespace ctind {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using golden_testing::Between;

std::string Section(const std::string& html, const std::string& id) {
  return Between(html, absl::StrCat("<section id=\"", id, "\""), "</section>");
}

std::string Chart(const std::string& html, const std::string& id) {
  return Between(html, absl::StrCat("<svg class=\"chart\" id=\"", id, "\""), "</svg>");
}

// The row of period `period` in IPTT table `table` (1-based, IPTT order).
std::string IpttRow(const std::string& html, int table, const std::string& period) {
  const std::string t =
      Between(html, absl::StrCat("<table class=\"iptt\" id=\"iptt-", table, "\">"), "</table>");
  return Between(t, absl::StrCat("data-period=\"", period, "\""), "</tr>");
}

// The cells of a table row, tags removed, entities kept.
std::vector<std::string> Cells(const std::string& row) {
  std::vector<std::string> out;
  const std::regex cell("<(th|td)[^>]*>(.*?)</\\1>");
  for (auto it = std::sregex_iterator(row.begin(), row.end(), cell); it != std::sregex_iterator();
       ++it) {
    out.push_back(std::regex_replace((*it)[2].str(), std::regex("<[^>]*>"), ""));
  }
  return out;
}

// "state" or "state=value" of the marks of `css_class`, by data-period or
// data-cell.
std::map<std::string, std::string> Marks(const std::string& svg, const std::string& css_class) {
  std::map<std::string, std::string> out;
  const std::regex mark("<g class=\"" + css_class +
                        "\" data-(?:period|cell)=\"([^\"]*)\" data-state=\"([a-z]+)\""
                        "(?: data-value=\"([^\"]*)\")?>");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), mark); it != std::sregex_iterator();
       ++it) {
    const std::smatch& m = *it;
    out[m[1]] = m[2].str() + (m[3].matched ? "=" + m[3].str() : "");
  }
  return out;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

class HtmlReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<html_sample::Sample> sample = html_sample::MakeSample();
    ASSERT_TRUE(sample.ok()) << sample.status();
    sample_.emplace(*std::move(sample));
    absl::StatusOr<std::string> html = html_sample::RenderSample(*sample_);
    ASSERT_TRUE(html.ok()) << html.status();
    html_ = *html;
  }

  v1::Cell* FindCell(v1::Report* report, const std::string& indicator, const std::string& key) {
    for (v1::IndicatorResult& ir : *report->mutable_indicators()) {
      if (ir.indicator_id() != indicator) continue;
      for (v1::Cell& c : *ir.mutable_cells()) {
        if (html_sample::CellKey(c) == key) return &c;
      }
    }
    ADD_FAILURE() << "no cell " << indicator << " " << key;
    return nullptr;
  }

  std::optional<html_sample::Sample> sample_;
  std::string html_;
};

TEST_F(HtmlReportTest, Structure) {
  EXPECT_EQ(html_.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">", 0),
            0u);
  EXPECT_THAT(html_,
              HasSubstr("<title>Safe &lt;migration&gt; &amp; &quot;return&quot; =1+1</title>"));
  for (const char* id : {"reading", "logframe", "iptt", "charts", "data-quality"}) {
    EXPECT_THAT(html_, HasSubstr(absl::StrCat("<section id=\"", id, "\" aria-labelledby=\"", id,
                                              "-h\">\n<h2 id=\"", id, "-h\">")))
        << id;
  }
  EXPECT_EQ(Count(html_, "<h1>"), 1u);
  // Self-contained: no resource outside the file, no script, and a
  // content security policy that would block one anyway.
  for (const char* forbidden : {"http://", "https://", "<script", "<link", "<img", "<iframe",
                                " src=", "@import", "url(h", "url(/", "url(\"", "url('"}) {
    EXPECT_THAT(html_, Not(HasSubstr(forbidden))) << forbidden;
  }
  EXPECT_THAT(html_, HasSubstr("content=\"default-src 'none'; style-src 'unsafe-inline'\""));
  // Every header cell has a scope; every chart is an image with a title
  // and a text alternative.
  EXPECT_EQ(Count(html_, "<th ") + Count(html_, "<th>"),
            Count(html_, "<th scope=\"col\">") + Count(html_, "<th scope=\"row\">"));
  EXPECT_GT(Count(html_, "<th scope=\"col\">"), 0u);
  const size_t charts = Count(html_, "<svg ");
  // PROT-01: periods and gender; PROT-02, PROT-03, PART-01: periods;
  // PREV-01 (narratives): none.
  EXPECT_EQ(charts, 5u);
  EXPECT_EQ(Count(html_, "role=\"img\" aria-labelledby="), charts);
  EXPECT_EQ(Count(html_, "<title id=\""), charts);
  EXPECT_EQ(Count(html_, "<desc id=\""), charts);
  // Elements open and close in pairs.
  for (const char* tag : {"section", "table", "tr", "svg", "g", "figure", "article", "ol", "ul",
                          "li", "dl", "p", "span", "text", "title", "desc"}) {
    const size_t open =
        Count(html_, absl::StrCat("<", tag, " ")) + Count(html_, absl::StrCat("<", tag, ">"));
    EXPECT_EQ(open, Count(html_, absl::StrCat("</", tag, ">"))) << tag;
  }
  EXPECT_THAT(html_, HasSubstr("@media print"));
  EXPECT_EQ(html_.substr(html_.size() - 16), "</body>\n</html>\n");
}

TEST_F(HtmlReportTest, HeaderStatesProtectionAndAsOf) {
  const std::string header = Between(html_, "<header>", "</header>");
  EXPECT_THAT(header, HasSubstr("<dt>Data as of</dt><dd>2025-08-15"));
  // k = 5: values from 1 to 4 persons.
  EXPECT_THAT(header, HasSubstr("Published — values from 1 to 4 persons and values that would "
                                "reveal them are withheld (k = 5)."));
  EXPECT_THAT(header,
              HasSubstr("within 15 percentage points of the target (85% to 115% achieved)"));
}

TEST_F(HtmlReportTest, HostileTextIsEscaped) {
  // Titles, descriptions, labels, comments, narratives and sources of the
  // sample, escaped...
  for (const char* escaped : {
           "Safe &lt;migration&gt; &amp; &quot;return&quot; =1+1",
           "Victims identified (&lt;18 &amp; &quot;minors&quot;) =1+1",
           "Identification &amp; referral of victims &lt;18 and adults.",
           "Shelter &lt;B&gt; closed &amp; &quot;moved&quot;",
           "Referral register &lt;2024&gt;",
           "Q3: floods &amp; &quot;road closures&quot; =1+1",
           "Communities know the &lt;risks&gt;",
           "Sessions in 3 districts; &quot;good&quot; turnout &amp; &lt;50 absent.",
           "Minutes of the &lt;NRM&gt;",
           "Gender &lt;as recorded&gt;",
           "Women &amp; girls",
           "First service should come within 10 days &amp; no later",
           "<code>days_to_service &lt;= 10</code>",
       }) {
    EXPECT_THAT(html_, HasSubstr(escaped)) << escaped;
  }
  // ...and never as they were written.
  for (const char* raw :
       {"<migration>", "<18 ", "\"minors\"", "<B>", "<2024>", "<risks>", "<50", "<NRM>",
        "<as recorded>", "Women & girls", "\"road closures\"", "<= 10"}) {
    EXPECT_THAT(html_, Not(HasSubstr(raw))) << raw;
  }
}

TEST_F(HtmlReportTest, TitleOverrideIsEscaped) {
  HtmlOptions options;
  options.title = "Quarterly <report> & \"more\"";
  absl::StatusOr<std::string> html = html_sample::RenderSample(*sample_, options);
  ASSERT_TRUE(html.ok()) << html.status();
  EXPECT_THAT(*html, HasSubstr("<title>Quarterly &lt;report&gt; &amp; &quot;more&quot;</title>"));
  EXPECT_THAT(*html, HasSubstr("<h1>Quarterly &lt;report&gt; &amp; &quot;more&quot;</h1>"));
}

TEST_F(HtmlReportTest, IpttRowsWorkedOutByHand) {
  // PROT-01, baseline 4 (2024Q4). Q1: 9 persons against 8 (revised from 10)
  // = 112.5 %, on track (85–115); progress (9 − 4) / (8 − 4) = 125 %.
  EXPECT_THAT(Cells(IpttRow(html_, 1, "2025Q1")),
              ElementsAre("2025Q1", "8", "9", "112.5%", "on track", "125.0%",
                          "Target revised on 2025-03-15 from 10 to 8: Shelter &lt;B&gt; closed "
                          "&amp; &quot;moved&quot;."));
  // Q2: 12 against 10 = 120 %, ahead; progress (12 − 4) / (10 − 4) = 133.3 %.
  EXPECT_THAT(Cells(IpttRow(html_, 1, "2025Q2")),
              ElementsAre("2025Q2", "10", "12", "120.0%", "ahead", "133.3%", ""));
  // Q3: suppressed (3 persons), so are its % and progress; target kept.
  EXPECT_THAT(Cells(IpttRow(html_, 1, "2025Q3")),
              ElementsAre("2025Q3 partial", "10", "suppressed", "suppressed", "not assessed",
                          "suppressed", ""));
  // Q4 starts after the as-of date: its target only.
  EXPECT_THAT(Cells(IpttRow(html_, 1, "2025Q4")),
              ElementsAre("2025Q4 future", "12", "—", "—", "not assessed", "—", ""));
  // Life of project: 24 persons against 40 = 60 %, behind; no progress for
  // a value recomputed over the project.
  EXPECT_THAT(Cells(IpttRow(html_, 1, "LOP")),
              ElementsAre("Life of project 2025-01-01 to 2025-08-15", "40", "24", "60.0%", "behind",
                          "—", ""));
  // PROT-02 (%): Q2 7 of 12 = 58.3 %, against 60 = 97.2 %, on track.
  EXPECT_THAT(Cells(IpttRow(html_, 2, "2025Q2")),
              ElementsAre("2025Q2", "60.0", "58.3", "97.2%", "on track", "—", ""));
  // PROT-03, less is better: Q1 mean 8 days against 10 = 80 %, ahead.
  EXPECT_THAT(Cells(IpttRow(html_, 3, "2025Q1")),
              ElementsAre("2025Q1", "10", "8", "80.0%", "ahead", "—", ""));
  // PREV-01: a narrative, quoted in the notes.
  EXPECT_THAT(Cells(IpttRow(html_, 4, "2025Q2")),
              ElementsAre("2025Q2", "—", "narrative", "—", "not assessed", "—",
                          "“Sessions in 5 districts.”"));
  EXPECT_THAT(html_, HasSubstr("<strong>Deviation from target:</strong> Q3: floods &amp; "
                               "&quot;road closures&quot; =1+1"));
}

TEST_F(HtmlReportTest, ZeroMissingAndSuppressedAreDistinct) {
  // PART-01 Q2: 0 meetings entered against 2: a value, 0 %, behind.
  EXPECT_THAT(Cells(IpttRow(html_, 5, "2025Q2")),
              ElementsAre("2025Q2", "2", "0", "0.0%", "behind", "—",
                          "Source: Minutes of the &lt;NRM&gt;."));
  // PROT-03 Q3: no referred person, so no days: the mean is missing.
  EXPECT_THAT(Cells(IpttRow(html_, 3, "2025Q3")),
              ElementsAre("2025Q3 partial", "10", "—", "—", "not assessed", "—", ""));
  EXPECT_THAT(IpttRow(html_, 3, "2025Q3"),
              HasSubstr("<abbr class=\"missing\" title=\"no value\">—</abbr>"));
  // PROT-01 Q3: suppressed.
  EXPECT_THAT(IpttRow(html_, 1, "2025Q3"),
              HasSubstr("<span class=\"suppressed\">suppressed</span>"));
  // In the charts: a 0 bar, a missing period and a suppressed one.
  EXPECT_EQ(Marks(Chart(html_, "indicator-5-periods"), "mark actual").at("2025Q2"), "value=0");
  EXPECT_EQ(Marks(Chart(html_, "indicator-3-periods"), "mark actual").at("2025Q3"), "missing");
  EXPECT_EQ(Marks(Chart(html_, "indicator-1-periods"), "mark actual").at("2025Q3"), "suppressed");
  // The legend explains all three.
  const std::string reading = Section(html_, "reading");
  EXPECT_THAT(reading, HasSubstr("<dt>0</dt><dd>A value"));
  EXPECT_THAT(reading, HasSubstr("—</abbr></dt><dd>No value"));
  EXPECT_THAT(reading, HasSubstr("suppressed</span></dt><dd>Withheld to protect individuals"));
}

TEST_F(HtmlReportTest, ChartsCarryTheValuesWorkedOutByHand) {
  // PROT-01 per quarter: 9, 12, suppressed (3 persons), future; targets 8,
  // 10, 10, 12.
  const std::string prot01 = Chart(html_, "indicator-1-periods");
  EXPECT_EQ(Marks(prot01, "mark actual"),
            (std::map<std::string, std::string>{{"2025Q1", "value=9"},
                                                {"2025Q2", "value=12"},
                                                {"2025Q3", "suppressed"},
                                                {"2025Q4", "missing"}}));
  EXPECT_EQ(Marks(prot01, "mark target"),
            (std::map<std::string, std::string>{{"2025Q1", "value=8"},
                                                {"2025Q2", "value=10"},
                                                {"2025Q3", "value=10"},
                                                {"2025Q4", "value=12"}}));
  EXPECT_THAT(prot01, HasSubstr("2025Q1: actual 9 persons against a target of 8 persons (112.5% "
                                "achieved, on track)."));
  // By gender, life of project: Feminine 15 (P01–P06, P10–P16, P22, P23);
  // Masculine (8, complementary) and unknown (P24's "X", primary) withheld.
  const std::string gender = Chart(html_, "indicator-1-by-1");
  EXPECT_EQ(Marks(gender, "mark cell"),
            (std::map<std::string, std::string>{{"prs_Gender=Feminine", "value=15"},
                                                {"prs_Gender=Masculine", "suppressed"},
                                                {"prs_Gender=unknown", "suppressed"}}));
  EXPECT_THAT(gender, HasSubstr(">Women &amp; girls</text>"));
  EXPECT_THAT(gender, HasSubstr(">Men &amp; boys</text>"));
  EXPECT_THAT(gender, HasSubstr("cell-label unknown\" x=\"202\" y=\"115\" text-anchor=\"end\">Not "
                                "recorded or invalid</text>"));
  EXPECT_THAT(html_, HasSubstr("life of project to 2025-08-15. Total: 24 persons."));
  // PROT-02: Q2 700 / 12 at full precision; Q1, Q3 withheld.
  EXPECT_EQ(Marks(Chart(html_, "indicator-2-periods"), "mark actual"),
            (std::map<std::string, std::string>{{"2025Q1", "suppressed"},
                                                {"2025Q2", "value=58.333333333333336"},
                                                {"2025Q3", "suppressed"}}));
  EXPECT_THAT(Chart(html_, "indicator-2-periods"), HasSubstr(">58.3</text>"));
  // PROT-03 mean days: 56 / 7 = 8, 70 / 7 = 10, Q3 missing.
  EXPECT_EQ(Marks(Chart(html_, "indicator-3-periods"), "mark actual"),
            (std::map<std::string, std::string>{
                {"2025Q1", "value=8"}, {"2025Q2", "value=10"}, {"2025Q3", "missing"}}));
  // PART-01 entered 3 and 0; nothing for Q3; Q4 not reached.
  EXPECT_EQ(Marks(Chart(html_, "indicator-5-periods"), "mark actual"),
            (std::map<std::string, std::string>{{"2025Q1", "value=3"},
                                                {"2025Q2", "value=0"},
                                                {"2025Q3", "missing"},
                                                {"2025Q4", "missing"}}));
  // PREV-01 is narratives: no chart, and a sentence saying why.
  EXPECT_EQ(Chart(html_, "indicator-4-periods"), "");
  EXPECT_THAT(Between(html_, "<article class=\"indicator\" id=\"indicator-4\"", "</article>"),
              HasSubstr("No chart: its values are narratives"));
}

TEST_F(HtmlReportTest, SuppressedValuesNeverAppear) {
  // What the raw results hold for the withheld cells, and what would be
  // derived from them: PROT-01 Q3 3 persons (3 of 10 = 30.0 %, progress
  // (3 − 4) / 6 = −16.7 %); PROT-02 Q1 70 % (116.7 % of 60), Q3 0 %
  // (0.0 % of 60), LOP 56 %; PROT-01 LOP Masculine 8.
  for (const char* derived : {"30.0%", "-16.7%", ">116.7", "116.7%", ">56.0<", ">70<", ">70.0<"}) {
    EXPECT_THAT(html_, Not(HasSubstr(derived))) << derived;
  }
  const std::string prot02 = Between(html_, "<table class=\"iptt\" id=\"iptt-2\">", "</table>");
  EXPECT_THAT(
      Cells(IpttRow(html_, 2, "2025Q1")),
      ElementsAre("2025Q1", "60.0", "suppressed", "suppressed", "not assessed", "suppressed", ""));
  EXPECT_THAT(Cells(IpttRow(html_, 2, "2025Q3")),
              ElementsAre("2025Q3 partial", "60.0", "suppressed", "suppressed", "not assessed",
                          "suppressed", ""));
  EXPECT_THAT(prot02, Not(HasSubstr(">0.0")));
  const std::string gender = Chart(html_, "indicator-1-by-1");
  EXPECT_THAT(gender, Not(HasSubstr(">8<")));
  EXPECT_THAT(gender, Not(HasSubstr("data-value=\"8\"")));
  // A withheld mark has no data-value.
  EXPECT_EQ(Count(html_, "data-state=\"suppressed\" data-value"), 0u);
}

TEST_F(HtmlReportTest, ASuppressedCellIsNeverReadEvenIfItStillHoldsAValue) {
  // A broken publication that marks cells SUPPRESSED but leaves values in
  // them: the report shows "suppressed", never the value.
  v1::Report publication = sample_->publication;
  FindCell(&publication, "PROT-01", "SCOPE_LIFE_OF_PROJECT|LOP|prs_Gender=Masculine;")
      ->set_value(4242);
  FindCell(&publication, "PROT-01", "SCOPE_PERIOD|2025Q3|")->set_value(4343);
  absl::StatusOr<v1::Iptt> iptt = BuildIptt(sample_->framework, publication);
  ASSERT_TRUE(iptt.ok()) << iptt.status();
  HtmlOptions options;
  options.schema = &sample_->schema;
  absl::StatusOr<std::string> html =
      RenderHtml(sample_->framework, publication, *iptt, &*sample_->quality, options);
  ASSERT_TRUE(html.ok()) << html.status();
  EXPECT_THAT(*html, Not(HasSubstr("4242")));
  EXPECT_THAT(*html, Not(HasSubstr("4343")));
  EXPECT_EQ(Marks(Chart(*html, "indicator-1-by-1"), "mark cell").at("prs_Gender=Masculine"),
            "suppressed");
}

TEST_F(HtmlReportTest, NoRecordKeysOrRecordValues) {
  // Record and person ids, the invalid value "X" and the places of findings
  // in the input file stay out, even when the quality report has the keys.
  Dataset dataset(sample_->schema);
  ASSERT_TRUE(
      dataset.LoadCsv("identifications", html_sample::kIdentifications, "identifications.csv")
          .ok());
  QualityOptions with_keys;
  with_keys.with_record_keys = true;
  with_keys.as_of = Date::ParseIso(html_sample::kAsOf);
  absl::StatusOr<QualityReport> quality = CheckQuality(dataset, &sample_->framework, with_keys);
  ASSERT_TRUE(quality.ok()) << quality.status();
  ASSERT_GT(quality->proto().findings(0).record_keys_size(), 0);  // R25, the gender "X"
  HtmlOptions options;
  options.schema = &sample_->schema;
  absl::StatusOr<std::string> html =
      RenderHtml(sample_->framework, sample_->publication, sample_->iptt, &*quality, options);
  ASSERT_TRUE(html.ok()) << html.status();
  for (const std::string* text : {&html_, &*html}) {
    EXPECT_FALSE(std::regex_search(*text, std::regex("\\b[RP][0-9]{2}\\b")));
    EXPECT_THAT(*text, Not(HasSubstr("identifications.csv")));
    EXPECT_THAT(*text, Not(HasSubstr("&#39;X&#39;")));
    EXPECT_THAT(*text, Not(HasSubstr("line 26")));
  }
}

TEST_F(HtmlReportTest, DataQualityWorkedOutByHand) {
  const std::string quality = Section(html_, "data-quality");
  // 27 records; prs_Gender: 26 present, 1 invalid ("X"): 26 / 27 = 96.3 %;
  // days_to_service: 16 present, 11 missing (the non-referred): 59.3 %.
  EXPECT_THAT(quality, HasSubstr("<p>27 records.</p>"));
  const std::string completeness = Between(quality, "<table class=\"completeness\">", "</table>");
  EXPECT_THAT(Cells(Between(completeness, "Gender &lt;as recorded&gt;", "</tr>")),
              ElementsAre("no", "26", "0", "1", "96.3%"));
  EXPECT_THAT(Cells(Between(completeness, "<code>days_to_service</code></th>", "</tr>")),
              ElementsAre("no", "16", "11", "0", "59.3%"));
  const std::string findings = Between(quality, "<table class=\"findings\">", "</table>");
  // 1 of 27 = 3.7 %, 11 of 27 = 40.7 %.
  EXPECT_THAT(
      Cells(Between(findings, "<tr><td>warning</td><td><code>invalid_value", "</tr>")),
      ElementsAre("warning", "invalid_value", "Gender &lt;as recorded&gt; prs_Gender", "1", "3.7%",
                  "Values written but not valid (not a date or a number, not a code of "
                  "the list, or out of range); they count as missing."));
  EXPECT_THAT(findings, HasSubstr("<code>days_to_service</code></td><td class=\"num\">11</td>"
                                  "<td class=\"num\">40.7%</td>"));
  // The rule fails for 12, 11, 12 and 11 days (R04, R09, R13, R18): 4
  // records selected by a formula, fewer than k = 5, withheld with their
  // share; so are the 1-record no_placing_date findings (R27).
  EXPECT_THAT(Cells(Between(findings, "<td><code>service_within_10_days", "</tr>")),
              ElementsAre("service_within_10_days", "days_to_service &lt;= 10", "suppressed",
                          "suppressed", "First service should come within 10 days &amp; no later"));
  EXPECT_EQ(Count(findings, "<code>no_placing_date</code>"), 3u);
  EXPECT_EQ(Count(findings, "<td class=\"num\"><span class=\"suppressed\">suppressed</span></td>"),
            8u);
  EXPECT_THAT(quality, HasSubstr("Not loaded, so not checked: <code>services</code>."));
}

TEST_F(HtmlReportTest, LogframeIsDepthFirst) {
  const std::string logframe = Section(html_, "logframe");
  // G1, then O1 with its output OP1 nested, then O2 and O3.
  std::vector<size_t> at;
  for (const char* head :
       {"<span class=\"code\">1</span> Trafficking", "<span class=\"code\">1.1</span> Victims",
        "<span class=\"code\">1.1.a</span>", "<span class=\"code\">1.1.1</span> Communities",
        "<span class=\"code\">1.1.1.a</span>", "<span class=\"code\">1.2</span> Partners",
        "<span class=\"code\">1.2.a</span>", "<span class=\"code\">1.3</span> Traffickers"}) {
    at.push_back(logframe.find(head));
    EXPECT_NE(at.back(), std::string::npos) << head;
  }
  EXPECT_TRUE(std::is_sorted(at.begin(), at.end()));
  // OP1 sits in a list inside O1's item: two lists open before it.
  const std::string before_op1 = logframe.substr(0, at[3]);
  EXPECT_EQ(Count(before_op1, "<ol"), 3u);
  EXPECT_EQ(Count(before_op1, "</ol>"), 0u);
  EXPECT_THAT(logframe, HasSubstr("<a href=\"#indicator-1\">"));
  EXPECT_THAT(html_, HasSubstr("<article class=\"indicator\" id=\"indicator-1\""));
}

TEST_F(HtmlReportTest, TranslationsAreMarkedWithTheirLanguage) {
  HtmlOptions options;
  options.language = "fr";
  absl::StatusOr<std::string> html = html_sample::RenderSample(*sample_, options);
  ASSERT_TRUE(html.ok()) << html.status();
  // The report's own words stay English; translated user text says it is
  // French; untranslated text is as written, in the default language.
  EXPECT_THAT(*html, HasSubstr("<html lang=\"en\">"));
  EXPECT_THAT(*html, HasSubstr("<title>Migration sûre et retour</title>"));
  EXPECT_THAT(*html, HasSubstr("<h1><span lang=\"fr\">Migration sûre et retour</span></h1>"));
  EXPECT_THAT(*html, HasSubstr("<span lang=\"fr\">Victimes identifiées</span>"));
  EXPECT_THAT(*html,
              HasSubstr("<span lang=\"fr\">Les victimes sont identifiées et orientées</span>"));
  EXPECT_THAT(Chart(*html, "indicator-1-by-1"), HasSubstr(">Femmes et filles</text>"));
  EXPECT_THAT(*html, HasSubstr("Average days to first service"));
  EXPECT_THAT(*html, Not(HasSubstr("<span lang=\"fr\">Average days")));
}

TEST_F(HtmlReportTest, WithoutSchemaCodesShowAsTheyAre) {
  absl::StatusOr<std::string> html =
      RenderHtml(sample_->framework, sample_->publication, sample_->iptt, nullptr, {});
  ASSERT_TRUE(html.ok()) << html.status();
  EXPECT_THAT(Chart(*html, "indicator-1-by-1"), HasSubstr(">Feminine</text>"));
  EXPECT_THAT(*html, HasSubstr(" by prs_Gender, life of project"));
  EXPECT_THAT(*html, Not(HasSubstr("id=\"data-quality\"")));
  EXPECT_THAT(*html, Not(HasSubstr("href=\"#data-quality\"")));
}

TEST_F(HtmlReportTest, Errors) {
  const Framework& fw = sample_->framework;
  const v1::Report& publication = sample_->publication;
  const v1::Iptt& iptt = sample_->iptt;
  // Raw results are never rendered.
  v1::Report raw = publication;
  raw.set_protection(v1::RAW);
  EXPECT_EQ(RenderHtml(fw, raw, iptt, nullptr).status().code(),
            absl::StatusCode::kFailedPrecondition);
  v1::Iptt raw_iptt = iptt;
  raw_iptt.set_protection(v1::RAW);
  EXPECT_EQ(RenderHtml(fw, publication, raw_iptt, nullptr).status().code(),
            absl::StatusCode::kFailedPrecondition);
  v1::Report unassessed = publication;
  unassessed.clear_assessment();
  EXPECT_EQ(RenderHtml(fw, unassessed, iptt, nullptr).status().code(),
            absl::StatusCode::kFailedPrecondition);
  v1::Report other = publication;
  other.set_project_id("OTHER");
  absl::Status status = RenderHtml(fw, other, iptt, nullptr).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("'OTHER'"));
  v1::Iptt stale = iptt;
  stale.set_as_of("2025-06-30");
  EXPECT_EQ(RenderHtml(fw, publication, stale, nullptr).status().code(),
            absl::StatusCode::kInvalidArgument);
  v1::Report unknown = publication;
  unknown.add_indicators()->set_indicator_id("NOPE");
  status = RenderHtml(fw, unknown, iptt, nullptr).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("'NOPE'"));
}

TEST(EscapeHtmlTest, TextAndAttributes) {
  EXPECT_EQ(EscapeHtml("a<b>&\"c\"'d'=1+1"), "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;=1+1");
  EXPECT_EQ(EscapeHtml("&amp;"), "&amp;amp;");
  // Tab, LF and CR stay; other controls, C1 controls, noncharacters and
  // ill-formed UTF-8 become U+FFFD.
  EXPECT_EQ(EscapeHtml("a\tb\nc\r"), "a\tb\nc\r");
  EXPECT_EQ(EscapeHtml(std::string("x\x01y\x7f", 4)), "x\xEF\xBF\xBDy\xEF\xBF\xBD");
  EXPECT_EQ(EscapeHtml("\xC2\x85"), "\xEF\xBF\xBD");      // U+0085
  EXPECT_EQ(EscapeHtml("\xEF\xBF\xBE"), "\xEF\xBF\xBD");  // U+FFFE
  EXPECT_EQ(EscapeHtml("\xEF\xB7\x90"), "\xEF\xBF\xBD");  // U+FDD0
  EXPECT_EQ(EscapeHtml("\xFF\xC3"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(EscapeHtml("Népal 😀"), "Népal 😀");
}

TEST(FormatPercentTest, OneDecimalHalfAwayFromZero) {
  EXPECT_EQ(FormatPercentOneDecimal(87.5), "87.5");
  EXPECT_EQ(FormatPercentOneDecimal(100), "100.0");
  EXPECT_EQ(FormatPercentOneDecimal(700.0 / 12), "58.3");
  EXPECT_EQ(FormatPercentOneDecimal(-12.34), "-12.3");
  // 2.25 is exact in binary: 22.5 tenths round away from zero to 23.
  EXPECT_EQ(FormatPercentOneDecimal(2.25), "2.3");
  EXPECT_EQ(FormatPercentOneDecimal(-2.25), "-2.3");
  // Nothing rounds to "-0.0".
  EXPECT_EQ(FormatPercentOneDecimal(-0.04), "0.0");
  EXPECT_EQ(FormatPercentOneDecimal(0), "0.0");
}

TEST(TruncateTextTest, CutsBetweenCodePoints) {
  EXPECT_EQ(TruncateText("abc", 3), "abc");
  EXPECT_EQ(TruncateText("abcd", 3), "ab…");
  EXPECT_EQ(TruncateText("ééé", 2), "é…");
  EXPECT_EQ(TruncateText("abc", 0), "");
}

TEST_F(HtmlReportTest, DeterministicAndMatchesTheGoldenFile) {
  absl::StatusOr<std::string> again = html_sample::RenderSample(*sample_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, html_);
  golden_testing::ExpectGolden(html_, "html/sample.html");
}

}  // namespace
}  // namespace ctind
