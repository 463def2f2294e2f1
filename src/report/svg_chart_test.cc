// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The SVG charts on their own: axes worked out by hand, marks carrying
// their values and states, suppressed marks that say nothing about their
// value, escaping, and the text alternative.

#include "report/svg_chart.h"

#include <map>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace ctind {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// data-state / data-value of the marks of `css_class` ("mark actual",
// "mark target", "mark cell"), keyed by data-period or data-cell.
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

// The text of the <g> element of the mark keyed `key`, up to its </g>.
std::string MarkElement(const std::string& svg, const std::string& key) {
  const size_t at = svg.find("\"" + key + "\" data-state=");
  if (at == std::string::npos) return "";
  const size_t start = svg.rfind("<g ", at);
  return svg.substr(start, svg.find("</g>", at) + 4 - start);
}

std::vector<std::string> TickLabels(const std::string& svg) {
  std::vector<std::string> out;
  const std::regex tick("<text class=\"tick\"[^>]*>([^<]*)</text>");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), tick); it != std::sregex_iterator();
       ++it) {
    out.push_back((*it)[1]);
  }
  return out;
}

TEST(NiceAxisTest, StepsOfOneTwoOrFive) {
  // 0..9 in at most 5 steps: 1 needs 9, 2 needs 5 (0..10).
  ValueAxis a = NiceAxis(0, 9);
  EXPECT_EQ(a.step, 2);
  EXPECT_EQ(a.min, 0);
  EXPECT_EQ(a.max, 10);
  EXPECT_EQ(a.decimals, 0);
  // 0..15: 1 needs 15, 2 needs 8, 5 needs 3.
  a = NiceAxis(0, 15);
  EXPECT_EQ(a.step, 5);
  EXPECT_EQ(a.max, 15);
  // 0..58.33: 10 needs 6, 20 needs 3 (0..60).
  a = NiceAxis(0, 700.0 / 12);
  EXPECT_EQ(a.step, 20);
  EXPECT_EQ(a.max, 60);
}

TEST(NiceAxisTest, HoldsZeroAndNegatives) {
  // -3..7: 1 needs 10, 2 needs -2..4 = 6, 5 needs -5..10 = 3.
  ValueAxis a = NiceAxis(-3, 7);
  EXPECT_EQ(a.step, 5);
  EXPECT_EQ(a.min, -5);
  EXPECT_EQ(a.max, 10);
  // All positive values far from 0: the axis still starts at 0, so bars
  // are comparable (40..50 shows 0..50 in steps of 10).
  a = NiceAxis(40, 50);
  EXPECT_EQ(a.min, 0);
  EXPECT_EQ(a.max, 50);
  EXPECT_EQ(a.step, 10);
}

TEST(NiceAxisTest, NothingToShowGivesZeroToOne) {
  // 0..1 in at most 5 steps: 0.1 needs 10, 0.2 needs 5.
  ValueAxis a = NiceAxis(0, 0);
  EXPECT_EQ(a.min, 0);
  EXPECT_EQ(a.max, 1);
  EXPECT_DOUBLE_EQ(a.step, 0.2);
  EXPECT_EQ(a.decimals, 1);
}

TEST(NiceAxisTest, FloatingPointDoesNotAddAStep) {
  // 0.3 / 0.1 is 2.9999999999999996 in binary: three steps of 0.1, not 4.
  ValueAxis a = NiceAxis(0, 0.3, 3);
  EXPECT_DOUBLE_EQ(a.step, 0.1);
  EXPECT_NEAR(a.max, 0.3, 1e-12);
  EXPECT_EQ(a.decimals, 1);
}

PeriodChart SampleChart() {
  PeriodChart chart;
  chart.id = "c1";
  chart.title = "Persons <identified> & \"referred\"";
  chart.value_axis_label = "persons";
  PeriodMark q1;
  q1.period = "2025Q1";
  q1.actual_state = MarkState::kValue;
  q1.actual = 9;
  q1.actual_label = "9";
  q1.target = 8;
  q1.target_label = "8";
  q1.description = "2025Q1: actual 9 against a target of 8.";
  PeriodMark q2;
  q2.period = "2025Q2";
  q2.actual_state = MarkState::kValue;
  q2.actual = 0;
  q2.actual_label = "0";
  q2.description = "2025Q2: actual 0; no target.";
  PeriodMark q3;
  q3.period = "2025Q3";
  q3.note = "partial";
  q3.actual_state = MarkState::kSuppressed;
  q3.target = 10;
  q3.target_label = "10";
  q3.description = "2025Q3: actual suppressed; target 10.";
  PeriodMark q4;
  q4.period = "2025Q4";
  q4.note = "future";
  q4.actual_state = MarkState::kMissing;
  q4.missing_label = "not yet";
  q4.target = 12;
  q4.target_label = "12";
  q4.description = "2025Q4: not reached yet; target 12.";
  chart.marks = {q1, q2, q3, q4};
  return chart;
}

TEST(PeriodChartTest, MarksCarryStatesAndValues) {
  const std::string svg = RenderPeriodChart(SampleChart());
  EXPECT_EQ(Marks(svg, "mark actual"), (std::map<std::string, std::string>{{"2025Q1", "value=9"},
                                                                           {"2025Q2", "value=0"},
                                                                           {"2025Q3", "suppressed"},
                                                                           {"2025Q4", "missing"}}));
  EXPECT_EQ(Marks(svg, "mark target"),
            (std::map<std::string, std::string>{
                {"2025Q1", "value=8"}, {"2025Q3", "value=10"}, {"2025Q4", "value=12"}}));
  // Values and targets from 0 to 12 in at most 5 steps: 5 (0..15).
  EXPECT_THAT(TickLabels(svg), testing::ElementsAre("0", "5", "10", "15"));
  // The zero is drawn and labelled; the missing period says so in words.
  EXPECT_THAT(MarkElement(svg, "2025Q2"), HasSubstr(">0</text>"));
  EXPECT_THAT(MarkElement(svg, "2025Q2"), HasSubstr("<rect class=\"actual\""));
  EXPECT_THAT(MarkElement(svg, "2025Q4"), HasSubstr(">not yet</text>"));
  EXPECT_THAT(MarkElement(svg, "2025Q4"), Not(HasSubstr("<rect")));
  EXPECT_THAT(svg, HasSubstr(">target 8</text>"));
  EXPECT_THAT(svg, HasSubstr(">no target</text>"));
  EXPECT_THAT(svg, HasSubstr(">partial</text>"));
}

TEST(PeriodChartTest, SuppressedMarkSpansThePlotWhateverTheScale) {
  // The plot is 190 px high from y = 40 and its 4 slots 480 / 4 = 120 px
  // wide, bars 0.56 of a slot: a suppressed box is 67.2 × 190 on any
  // scale, so its size tells nothing.
  PeriodChart chart = SampleChart();
  const std::string small = MarkElement(RenderPeriodChart(chart), "2025Q3");
  EXPECT_THAT(small, HasSubstr("y=\"40\" width=\"67.2\" height=\"190\""));
  EXPECT_THAT(small, HasSubstr(">suppressed</text>"));
  EXPECT_THAT(small, Not(HasSubstr("data-value")));
  chart.marks[0].actual = 900;
  chart.marks[0].actual_label = "900";
  const std::string large = MarkElement(RenderPeriodChart(chart), "2025Q3");
  EXPECT_EQ(small, large);
}

TEST(PeriodChartTest, AxisIgnoresSuppressedMarks) {
  // One value, 3, and a suppressed period without target: the axis is
  // 0..3 in steps of 1, from the published value alone.
  PeriodChart chart;
  chart.id = "c2";
  chart.title = "t";
  PeriodMark a;
  a.period = "A";
  a.actual_state = MarkState::kValue;
  a.actual = 3;
  a.actual_label = "3";
  PeriodMark b;
  b.period = "B";
  b.actual_state = MarkState::kSuppressed;
  chart.marks = {a, b};
  const std::string svg = RenderPeriodChart(chart);
  EXPECT_THAT(TickLabels(svg), testing::ElementsAre("0", "1", "2", "3"));
  // Everything suppressed: nothing to scale by, the axis is 0..1.
  chart.marks = {b};
  EXPECT_THAT(TickLabels(RenderPeriodChart(chart)),
              testing::ElementsAre("0.0", "0.2", "0.4", "0.6", "0.8", "1.0"));
}

TEST(PeriodChartTest, LegendNamesSuppressionOnlyWhenUsed) {
  PeriodChart chart = SampleChart();
  EXPECT_THAT(RenderPeriodChart(chart), HasSubstr("Suppressed: withheld to protect individuals"));
  chart.marks.erase(chart.marks.begin() + 2);
  const std::string svg = RenderPeriodChart(chart);
  EXPECT_THAT(svg, Not(HasSubstr("Suppressed:")));
  EXPECT_THAT(svg, Not(HasSubstr("-hatch")));
}

TEST(PeriodChartTest, AccessibleAndEscaped) {
  PeriodChart chart = SampleChart();
  chart.marks[0].period = "P<1>&\"'";
  chart.marks[0].description = "a <b> & \"c\" 'd'";
  const std::string svg = RenderPeriodChart(chart);
  EXPECT_THAT(svg, HasSubstr("role=\"img\" aria-labelledby=\"c1-title c1-desc\""));
  EXPECT_THAT(svg, HasSubstr("<title id=\"c1-title\">Persons &lt;identified&gt; &amp; "
                             "&quot;referred&quot;</title>"));
  // The text alternative states every mark, in order.
  EXPECT_THAT(svg, HasSubstr("<desc id=\"c1-desc\">Bars: actual per period; dashed lines: target. "
                             "a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; 2025Q2: actual 0; no "
                             "target. 2025Q3: actual suppressed; target 10. 2025Q4: not reached "
                             "yet; target 12.</desc>"));
  EXPECT_THAT(svg, HasSubstr("data-period=\"P&lt;1&gt;&amp;&quot;&#39;\""));
  EXPECT_THAT(svg, HasSubstr(">P&lt;1&gt;&amp;&quot;&#39;</text>"));
  EXPECT_THAT(svg, Not(HasSubstr("<b>")));
  EXPECT_THAT(svg, Not(HasSubstr("P<1>")));
}

TEST(PeriodChartTest, NegativeValuesGoBelowZero) {
  // A relative change of -20 and +10: axis -20..10 in steps of 10, bar of
  // -20 from the zero line down.
  PeriodChart chart;
  chart.id = "c3";
  chart.title = "change";
  PeriodMark down;
  down.period = "A";
  down.actual_state = MarkState::kValue;
  down.actual = -20;
  down.actual_label = "-20.0";
  PeriodMark up = down;
  up.period = "B";
  up.actual = 10;
  up.actual_label = "10.0";
  chart.marks = {down, up};
  const std::string svg = RenderPeriodChart(chart);
  EXPECT_THAT(TickLabels(svg), testing::ElementsAre("-20", "-10", "0", "10"));
  // Plot from y = 40 (10) to 230 (-20): zero at 40 + 190 / 3 = 103.3; the
  // bar of -20 starts there and is 126.7 high, 0.56 of a 240 px slot wide.
  EXPECT_THAT(MarkElement(svg, "A"), HasSubstr("y=\"103.3\" width=\"134.4\" height=\"126.7\""));
  EXPECT_EQ(Marks(svg, "mark actual"),
            (std::map<std::string, std::string>{{"A", "value=-20"}, {"B", "value=10"}}));
}

TEST(BreakdownChartTest, CellsWithValuesSuppressedAndUnknown) {
  BreakdownChart chart;
  chart.id = "b1";
  chart.title = "By gender";
  chart.value_axis_label = "persons";
  BreakdownMark feminine;
  feminine.label = "Women & girls";
  feminine.key = "prs_Gender=Feminine";
  feminine.state = MarkState::kValue;
  feminine.value = 15;
  feminine.value_label = "15";
  feminine.description = "Women & girls: 15 persons.";
  BreakdownMark masculine;
  masculine.label = "Men & boys";
  masculine.key = "prs_Gender=Masculine";
  masculine.state = MarkState::kSuppressed;
  masculine.description = "Men & boys: suppressed.";
  BreakdownMark unknown;
  unknown.label = "Not recorded or invalid";
  unknown.key = "prs_Gender=unknown";
  unknown.unknown = true;
  unknown.state = MarkState::kMissing;
  unknown.description = "Not recorded or invalid: no value.";
  chart.marks = {feminine, masculine, unknown};
  const std::string svg = RenderBreakdownChart(chart);
  EXPECT_EQ(Marks(svg, "mark cell"),
            (std::map<std::string, std::string>{{"prs_Gender=Feminine", "value=15"},
                                                {"prs_Gender=Masculine", "suppressed"},
                                                {"prs_Gender=unknown", "missing"}}));
  // 0..15 in steps of 5; the plot is 380 px wide from x = 210, so 15 ends
  // at 590 and is labelled just after it.
  EXPECT_THAT(TickLabels(svg), testing::ElementsAre("0", "5", "10", "15"));
  EXPECT_THAT(
      MarkElement(svg, "prs_Gender=Feminine"),
      HasSubstr("<rect class=\"actual\" x=\"210\" y=\"42\" width=\"380\" height=\"18\"/>"
                "<text class=\"value\" x=\"595\" y=\"55\" text-anchor=\"start\">15</text>"));
  // Suppressed: the whole plot width, labelled, no value.
  const std::string withheld = MarkElement(svg, "prs_Gender=Masculine");
  EXPECT_THAT(withheld, HasSubstr("x=\"210\" y=\"72\" width=\"380\""));
  EXPECT_THAT(withheld, HasSubstr(">suppressed</text>"));
  EXPECT_THAT(MarkElement(svg, "prs_Gender=unknown"), HasSubstr("class=\"cell-label unknown\""));
  EXPECT_THAT(MarkElement(svg, "prs_Gender=unknown"), HasSubstr(">no value</text>"));
  EXPECT_THAT(svg, HasSubstr(">Women &amp; girls</text>"));
}

TEST(BreakdownChartTest, LongLabelsAreCutOnCodePointsWithTheWholeInTheTooltip) {
  BreakdownChart chart;
  chart.id = "b2";
  chart.title = "t";
  BreakdownMark m;
  // 34 code points, the 29 "é" two bytes each.
  m.label = "ééééééééééééééééééééééééééééé <x>\"";
  m.key = "d=\"q\"";
  m.state = MarkState::kValue;
  m.value = 1;
  m.value_label = "1";
  m.description = m.label;
  chart.marks = {m};
  const std::string svg = RenderBreakdownChart(chart);
  // 29 code points and the ellipsis.
  EXPECT_THAT(svg, HasSubstr(">ééééééééééééééééééééééééééééé…</text>"));
  EXPECT_THAT(svg, HasSubstr("<title>ééééééééééééééééééééééééééééé &lt;x&gt;&quot;</title>"));
  EXPECT_THAT(svg, HasSubstr("data-cell=\"d=&quot;q&quot;\""));
}

}  // namespace
}  // namespace ctind
