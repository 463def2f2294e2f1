// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// RenderHtml: the self-contained HTML report of a publication (header,
// logframe, IPTT, charts per indicator, data quality), and the text
// helpers of report/html.h.

#include "report/html.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/number_format.h"
#include "common/strings.h"
#include "ctind/render_html.h"
#include "ctind/v1/framework.pb.h"
#include "ctind/v1/report.pb.h"
#include "ctind/v1/schema.pb.h"
#include "report/svg_chart.h"
#include "report/utf8_text.h"

namespace ctind {

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = NextCodePoint(text, &pos);
    switch (cp) {
      case '&': out += "&amp;"; continue;
      case '<': out += "&lt;"; continue;
      case '>': out += "&gt;"; continue;
      case '"': out += "&quot;"; continue;
      case '\'': out += "&#39;"; continue;
      default: break;
    }
    const bool control =
        (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp <= 0x9F);
    const bool noncharacter = (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    AppendUtf8(control || noncharacter ? kReplacementCharacter : cp, &out);
  }
  return out;
}

std::string FormatPercentOneDecimal(double percent) {
  double rounded = std::round(percent * 10) / 10;
  if (rounded == 0) rounded = 0;  // no "-0.0"
  return FormatFixed(rounded, 1);
}

std::string TruncateText(std::string_view text, size_t max_code_points) {
  std::vector<size_t> starts;  // byte offset of each code point
  size_t pos = 0;
  while (pos < text.size()) {
    starts.push_back(pos);
    NextCodePoint(text, &pos);
  }
  if (starts.size() <= max_code_points) return std::string(text);
  if (max_code_points == 0) return "";
  return absl::StrCat(Sv(text.substr(0, starts[max_code_points - 1])), "…");
}

namespace {

// The report's own words are English; user text carries its language.
constexpr char kDocumentLanguage[] = "en";

constexpr char kStyle[] = R"css(
:root{--ink:#1a1a1a;--muted:#555;--rule:#c4c4c4;--band:#f3f5f7;--actual:#1f5f8b}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1120px;padding:24px 32px 48px;color:var(--ink);background:#fff;
font:15px/1.45 system-ui,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif}
h1{font-size:1.8em;margin:.1em 0 .4em}
h2{font-size:1.4em;border-bottom:2px solid var(--ink);padding-bottom:.15em;margin:2em 0 .6em}
h3{font-size:1.15em;margin:1.6em 0 .4em}
h4{font-size:1em;margin:1.2em 0 .3em}
.kicker{text-transform:uppercase;letter-spacing:.08em;color:var(--muted);font-size:.85em;margin:0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1.2em;margin:1em 0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
.protection{border-left:6px solid var(--ink);background:var(--band);padding:.6em .9em;margin:1em 0}
.code{font-variant-numeric:tabular-nums;font-weight:600;margin-right:.1em}
.muted,.note{color:var(--muted)}
.note{font-size:.88em;font-style:italic}
code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.92em}
table{border-collapse:collapse;width:100%;margin:.4em 0 1.2em;font-size:.93em}
caption{text-align:left;font-weight:600;padding:.3em 0;caption-side:top}
th,td{border:1px solid var(--rule);padding:.3em .5em;vertical-align:top;text-align:left}
thead th{background:var(--band)}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.lop th,tr.lop td{border-top:2px solid var(--ink)}
tr{break-inside:avoid}
.suppressed{font-style:italic;font-weight:600;letter-spacing:.02em}
.missing{text-decoration:none;border:0;color:var(--muted)}
.status{white-space:nowrap}
.status-on_track{background:#e4f2e4}
.status-ahead{background:#e2edf8}
.status-behind{background:#fbe6d4;font-weight:600}
.status-not_assessed{color:var(--muted)}
dl.legend{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}
dl.legend dt{font-weight:600}
dl.legend dd{margin:0}
ol.logframe,ol.logframe ol{list-style:none;padding-left:0;margin:0}
ol.logframe ol{margin-left:1.4em;border-left:3px solid var(--rule);padding-left:.9em}
li.result{margin:.6em 0}
.result-head{margin:.2em 0;font-weight:600}
.level{display:inline-block;min-width:5.5em;text-transform:uppercase;font-size:.78em;
letter-spacing:.06em;border:1px solid var(--ink);padding:0 .4em;margin-right:.5em;text-align:center}
.pillar{font-weight:400;color:var(--muted);font-size:.9em}
ul.indicator-list{margin:.2em 0 .4em 1.2em;padding-left:1em}
article.indicator{border-top:1px solid var(--rule);margin-top:1.6em}
figure{margin:1em 0 1.4em;break-inside:avoid}
figcaption{color:var(--muted);font-size:.9em;margin-top:.3em}
svg.chart{display:block;max-width:100%;height:auto}
svg text{font-family:inherit;font-size:11px;fill:#333}
svg .actual{fill:var(--actual)}
svg rect.suppressed{stroke:#3a3a3a;stroke-width:1;stroke-dasharray:4 2}
svg .target-line{fill:none;stroke:#111;stroke-width:2.5;stroke-dasharray:6 3}
svg .target-marker{fill:#111}
svg .grid{stroke:#e1e1e1}
svg .zero-line,svg .axis-line{stroke:#333;stroke-width:1.2}
svg .value{font-size:12px;font-weight:700;fill:#111}
svg .value.inside{fill:#fff}
svg .state-label{font-size:12px;font-style:italic;font-weight:600;fill:#111;
paint-order:stroke;stroke:#fff;stroke-width:3px}
svg .period-label{font-weight:600;fill:#111}
svg .target-label,svg .note{fill:#444}
svg .note{font-style:italic}
svg .axis-title{font-size:12px}
svg .cell-label{font-size:12px;fill:#111}
svg .cell-label.unknown{font-style:italic}
nav.contents ol{margin:.3em 0;padding-left:1.4em}
footer{margin-top:3em;border-top:1px solid var(--rule);padding-top:.6em;color:var(--muted);
font-size:.88em}
@page{size:A4;margin:14mm}
@media print{body{max-width:none;padding:0;font-size:10.5pt}nav.contents{display:none}
h2,h3,h4{break-after:avoid}a{color:inherit;text-decoration:none}
thead th,.protection,.status-on_track,.status-ahead,.status-behind{
-webkit-print-color-adjust:exact;print-color-adjust:exact}}
)css";

// A user text and the language it is written in.
struct Localized {
  std::string text;
  std::string lang;
};

std::string LevelWord(v1::ResultLevel level) {
  switch (level) {
    case v1::GOAL: return "Goal";
    case v1::OUTCOME: return "Outcome";
    case v1::OUTPUT: return "Output";
    case v1::ACTIVITY: return "Activity";
    default: return "Result";
  }
}

std::string PillarWord(v1::Pillar pillar) {
  switch (pillar) {
    case v1::PREVENTION: return "Prevention";
    case v1::PROTECTION: return "Protection";
    case v1::PROSECUTION: return "Prosecution";
    case v1::PARTNERSHIP: return "Partnership";
    default: return "";
  }
}

std::string IndicatorLevelWord(v1::IndicatorLevel level) {
  switch (level) {
    case v1::IMPACT: return "impact indicator";
    case v1::OUTCOME_INDICATOR: return "outcome indicator";
    case v1::OUTPUT_INDICATOR: return "output indicator";
    case v1::PROCESS: return "process indicator";
    case v1::INPUT: return "input indicator";
    default: return "indicator";
  }
}

// The period a value of this frequency covers, for "per …" phrases.
std::string PeriodWord(v1::PeriodType type) {
  switch (type) {
    case v1::DAILY: return "day";
    case v1::WEEKLY: return "week";
    case v1::MONTHLY: return "month";
    case v1::QUARTERLY: return "quarter";
    case v1::SIX_MONTHLY:
    case v1::SIX_MONTHLY_APRIL: return "half-year";
    case v1::YEARLY: return "year";
    case v1::FINANCIAL_YEAR: return "fiscal year";
    case v1::FINANCIAL_QUARTER: return "fiscal quarter";
    case v1::CUSTOM: return "reporting period";
    default: return "period";
  }
}

std::string StatusWord(v1::AssessmentStatus status) {
  switch (status) {
    case v1::ON_TRACK: return "on track";
    case v1::AHEAD: return "ahead";
    case v1::BEHIND: return "behind";
    default: return "not assessed";
  }
}

std::string StatusClass(v1::AssessmentStatus status) {
  switch (status) {
    case v1::ON_TRACK: return "on_track";
    case v1::AHEAD: return "ahead";
    case v1::BEHIND: return "behind";
    default: return "not_assessed";
  }
}

std::string DirectionPhrase(v1::Direction direction) {
  switch (direction) {
    case v1::INCREASE: return "more is better";
    case v1::DECREASE: return "less is better";
    default: return "no desired direction (not assessed)";
  }
}

std::string SeverityWord(v1::Severity severity) {
  switch (severity) {
    case v1::INFO: return "info";
    case v1::WARNING: return "warning";
    case v1::ERROR: return "error";
    default: return "";
  }
}

// What a built-in data-quality check means, in plain words; empty for a
// framework quality rule.
std::string FindingMeaning(const std::string& rule) {
  if (rule == "missing_value") return "Records with no value for this field.";
  if (rule == "invalid_value") {
    return "Values written but not valid (not a date or a number, not a code of the list, or "
           "out of range); they count as missing.";
  }
  if (rule == "outlier") return "Numbers far from the others in this field; worth checking.";
  if (rule == "duplicate_key") return "Records whose key repeats an earlier record's.";
  if (rule == "missing_key") return "Records whose key is empty or invalid.";
  if (rule == "no_placing_date") {
    return "Records this indicator counts but cannot place in a period (no valid date): they are "
           "in no period.";
  }
  if (rule == "invalid_interval") {
    return "Records that close before they open: left out of this indicator.";
  }
  if (rule == "not_checked") return "Could not be checked on this data.";
  return "";
}

// Findings whose records are selected by an indicator's filters or a
// rule's formula, which may single out a small group of persons: their
// small counts are withheld like small cells.
bool FindingCountsSelectedRecords(const v1::Finding& finding) {
  return finding.rule() == "no_placing_date" || finding.rule() == "invalid_interval" ||
         finding.rule() == "not_checked" || FindingMeaning(finding.rule()).empty();
}

bool IsPercentUnit(const v1::Indicator& ind) {
  return ind.unit() == "%" || ind.measure().relative_change();
}

// Whether the indicator's values are numbers a chart can show: not
// narratives, levels of a scale, or yes/no flags.
bool HasNumericValues(const v1::Indicator& ind) {
  switch (ind.measure().kind_case()) {
    case v1::Measure::kQualitative:
    case v1::Measure::kOrdinal:
    case v1::Measure::kInPlace: return false;
    default: break;
  }
  for (const v1::ReportedValue& r : ind.reported()) {
    if (r.value_case() != v1::ReportedValue::kNumber &&
        r.value_case() != v1::ReportedValue::VALUE_NOT_SET) {
      return false;
    }
  }
  return true;
}

std::string NoChartReason(const v1::Indicator& ind) {
  if (ind.measure().has_qualitative()) return "its values are narratives";
  if (ind.measure().has_ordinal()) return "its values are levels of a scale";
  if (ind.measure().has_in_place()) return "its values are yes or no";
  for (const v1::ReportedValue& r : ind.reported()) {
    if (r.value_case() == v1::ReportedValue::kNarrative) return "its values are narratives";
    if (r.value_case() == v1::ReportedValue::kLevel) return "its values are levels of a scale";
  }
  return "its values are yes or no";
}

class HtmlReport {
 public:
  HtmlReport(const v1::Framework& fw, const v1::Report& publication, const v1::Iptt& iptt,
             const QualityReport* quality, const HtmlOptions& options)
      : fw_(fw), report_(publication), iptt_(iptt), quality_(quality), options_(options) {
    default_language_ =
        fw_.project().default_language().empty() ? "en" : fw_.project().default_language();
    language_ = options_.language.empty() ? default_language_ : options_.language;
    for (int i = 0; i < fw_.indicators_size(); ++i) indicator_index_[fw_.indicators(i).id()] = i;
    for (int i = 0; i < fw_.results_size(); ++i) result_index_[fw_.results(i).id()] = i;
    for (int i = 0; i < report_.indicators_size(); ++i) {
      result_of_indicator_[report_.indicators(i).indicator_id()] = &report_.indicators(i);
    }
    for (const v1::CustomPeriod& p : fw_.custom_periods()) custom_labels_[p.id()] = p.label();
    // Anchors by framework position, so that ids never carry user text.
    for (int i = 0; i < fw_.indicators_size(); ++i) {
      anchors_[fw_.indicators(i).id()] = absl::StrCat("indicator-", i + 1);
    }
  }

  std::string Render() {
    std::string out;
    const std::string title = DocumentTitle();
    absl::StrAppend(&out, "<!DOCTYPE html>\n<html lang=\"", kDocumentLanguage, "\">\n<head>\n",
                    "<meta charset=\"utf-8\">\n",
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                    "style-src 'unsafe-inline'\">\n",
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
                    "<meta name=\"generator\" content=\"ctind ",
                    EscapeHtml(report_.ctind_version()), "\">\n<title>", EscapeHtml(title),
                    "</title>\n<style>", kStyle, "</style>\n</head>\n<body>\n");
    Header(title, &out);
    absl::StrAppend(&out, "<main>\n");
    Reading(&out);
    Logframe(&out);
    IpttSection(&out);
    Charts(&out);
    if (quality_ != nullptr) DataQuality(&out);
    absl::StrAppend(&out, "</main>\n");
    absl::StrAppend(&out, "<footer>\n<p>Made by ctind ", EscapeHtml(report_.ctind_version()),
                    " from data as of ", EscapeHtml(report_.as_of()), ". ", ProtectionSentence(),
                    "</p>\n</footer>\n</body>\n</html>\n");
    return out;
  }

 private:
  // --- Text -------------------------------------------------------------

  Localized Pick(const std::string& text,
                 const google::protobuf::RepeatedPtrField<v1::Translation>& translations) const {
    if (language_ != default_language_) {
      for (const v1::Translation& t : translations) {
        if (t.lang() == language_ && !t.text().empty()) return {t.text(), t.lang()};
      }
    }
    return {text, default_language_};
  }

  // Escaped, in a span naming its language when it is not the document's.
  std::string H(const Localized& text) const {
    if (text.lang.empty() || text.lang == kDocumentLanguage) return EscapeHtml(text.text);
    return absl::StrCat("<span lang=\"", EscapeHtml(text.lang), "\">", EscapeHtml(text.text),
                        "</span>");
  }
  // User text in the project's default language.
  std::string H(const std::string& text) const { return H(Localized{text, default_language_}); }

  std::string DocumentTitle() const {
    if (!options_.title.empty()) return options_.title;
    const Localized title = Pick(fw_.project().title(), fw_.project().title_translations());
    return title.text.empty() ? fw_.project().id() : title.text;
  }

  const v1::Indicator* FindIndicator(const std::string& id) const {
    auto it = indicator_index_.find(id);
    return it == indicator_index_.end() ? nullptr : &fw_.indicators(it->second);
  }

  const v1::Result* FindResult(const std::string& id) const {
    auto it = result_index_.find(id);
    return it == result_index_.end() ? nullptr : &fw_.results(it->second);
  }

  Localized IndicatorTitle(const v1::Indicator& ind) const {
    return Pick(ind.title(), ind.title_translations());
  }

  // "<span class="code">1.1.a</span> Title", escaped.
  std::string IndicatorName(const v1::Indicator& ind) const {
    std::string out;
    if (!ind.code().empty()) {
      absl::StrAppend(&out, "<span class=\"code\">", H(ind.code()), "</span> ");
    }
    absl::StrAppend(&out, H(IndicatorTitle(ind)));
    return out;
  }

  std::string PeriodLabel(const std::string& id) const {
    if (id == "LOP") return "Life of project";
    auto it = custom_labels_.find(id);
    return it == custom_labels_.end() || it->second.empty() ? id : it->second;
  }

  // A value of `ind` for people: one decimal for percentages, else the
  // shortest round-trip form.
  static std::string Value(const v1::Indicator& ind, double v) {
    return IsPercentUnit(ind) ? FormatPercentOneDecimal(v) : FormatNumber(v);
  }

  // "9 persons", "58.3%", "3" (plain text, not escaped).
  static std::string WithUnit(const v1::Indicator& ind, const std::string& value) {
    if (ind.unit().empty()) return value;
    if (ind.unit() == "%") return absl::StrCat(value, "%");
    return absl::StrCat(value, " ", ind.unit());
  }

  int MinCellSize() const {
    if (report_.publication().min_cell_size() > 0) return report_.publication().min_cell_size();
    if (fw_.disclosure().has_min_cell_size()) return fw_.disclosure().min_cell_size();
    return 5;
  }

  int MinCellSizeOf(const v1::Indicator* ind) const {
    if (ind != nullptr && ind->disclosure().has_min_cell_size()) {
      return ind->disclosure().min_cell_size();
    }
    return MinCellSize();
  }

  // "values from 1 to 4 persons" for k = 5.
  static std::string WithheldRange(int k) {
    if (k <= 1) return "";
    if (k == 2) return "values of 1 person";
    return absl::StrCat("values from 1 to ", k - 1, " persons");
  }

  std::string ProtectionSentence() const {
    const int k = MinCellSize();
    std::string out;
    if (k <= 1) {
      out = "Published — no value is withheld for its size (k = 1).";
    } else {
      out = absl::StrCat("Published — ", WithheldRange(k),
                         " and values that would reveal them are withheld (k = ", k, ").");
    }
    switch (report_.publication().rounding()) {
      case v1::BASE_5:
        absl::StrAppend(&out,
                        " Counts are rounded to a multiple of 5; percentages are computed "
                        "from the rounded counts.");
        break;
      case v1::RANDOM_BASE_3:
        absl::StrAppend(&out,
                        " Counts are randomly rounded to a multiple of 3; percentages are "
                        "computed from the rounded counts.");
        break;
      default: break;
    }
    return out;
  }

  // --- Header and reading guide ----------------------------------------

  void Header(const std::string& title, std::string* out) const {
    const v1::Project& project = fw_.project();
    absl::StrAppend(out, "<header>\n<p class=\"kicker\">Indicator performance report</p>\n<h1>",
                    options_.title.empty() ? H(Pick(project.title(), project.title_translations()))
                                           : EscapeHtml(title),
                    "</h1>\n");
    const Localized description = Pick(project.description(), project.description_translations());
    if (!description.text.empty()) absl::StrAppend(out, "<p>", H(description), "</p>\n");
    absl::StrAppend(out, "<dl class=\"facts\">\n<dt>Project</dt><dd>", H(project.id()), "</dd>\n");
    if (!project.start_date().empty() || !project.end_date().empty()) {
      absl::StrAppend(out, "<dt>Project period</dt><dd>", EscapeHtml(project.start_date()), " to ",
                      EscapeHtml(project.end_date()), "</dd>\n");
    }
    absl::StrAppend(out, "<dt>Data as of</dt><dd>", EscapeHtml(report_.as_of()),
                    " (the last day of data considered)</dd>\n");
    absl::StrAppend(out, "<dt>Assessment</dt><dd>On track when within ",
                    FormatNumber(iptt_.margin_points()), " percentage points of the target (",
                    FormatNumber(100 - iptt_.margin_points()), "% to ",
                    FormatNumber(100 + iptt_.margin_points()), "% achieved).</dd>\n</dl>\n");
    absl::StrAppend(out, "<p class=\"protection\" id=\"protection\"><strong>Protection:</strong> ",
                    ProtectionSentence(),
                    " Withheld values are shown as <span class=\"suppressed\">suppressed</span>, "
                    "never as a number, and nothing is derived from them.</p>\n");
    absl::StrAppend(out, "<nav class=\"contents\" aria-label=\"Contents\">\n<ol>\n",
                    "<li><a href=\"#reading\">How to read this report</a></li>\n",
                    "<li><a href=\"#logframe\">Logframe</a></li>\n",
                    "<li><a href=\"#iptt\">Indicator performance tracking table</a></li>\n",
                    "<li><a href=\"#charts\">Indicators in charts</a></li>\n");
    if (quality_ != nullptr) {
      absl::StrAppend(out, "<li><a href=\"#data-quality\">Data quality</a></li>\n");
    }
    absl::StrAppend(out, "</ol>\n</nav>\n</header>\n");
  }

  void Reading(std::string* out) const {
    absl::StrAppend(
        out, "<section id=\"reading\" aria-labelledby=\"reading-h\">\n",
        "<h2 id=\"reading-h\">How to read this report</h2>\n<dl class=\"legend\">\n",
        "<dt>0</dt><dd>A value: nothing was counted.</dd>\n",
        "<dt><abbr class=\"missing\" title=\"no value\">—</abbr></dt><dd>No value: not computed "
        "(an average over no records, a ratio without denominator, a period not reached yet, "
        "nothing entered), or no target.</dd>\n",
        "<dt><span class=\"suppressed\">suppressed</span></dt><dd>Withheld to protect "
        "individuals: the value, and the % achieved, progress and status that would follow from "
        "it, are not published. In charts, a hatched box across the whole chart, whose size says "
        "nothing about the value.</dd>\n",
        "<dt>% achieved</dt><dd>100 × actual ÷ target of the same period, to one decimal; none "
        "when the target is 0.</dd>\n",
        "<dt>Status</dt><dd><span class=\"status-on_track\">on track</span> within the margin "
        "of the target; <span class=\"status-ahead\">ahead</span> or <span "
        "class=\"status-behind\">behind</span> outside it, in the indicator's desired direction; "
        "not assessed without a target, an actual or a direction.</dd>\n",
        "<dt>Progress from baseline</dt><dd>(actual − baseline) ÷ (target − baseline): 0% at the "
        "baseline, 100% at the target; shown beside the status, never deciding it.</dd>\n",
        "<dt>partial, future</dt><dd>A period only partly observed at the as-of date; a period "
        "starting after it (target only).</dd>\n",
        "</dl>\n</section>\n");
  }

  // --- Logframe ----------------------------------------------------------

  // The results in depth-first order (a result, then its children,
  // siblings in framework order), as (index, depth); a result whose parent
  // is unknown is a root.
  std::vector<std::pair<int, int>> ResultsInOrder() const {
    std::map<std::string, std::vector<int>> children;  // by parent id
    std::vector<int> roots;
    for (int r = 0; r < fw_.results_size(); ++r) {
      const v1::Result& result = fw_.results(r);
      if (result.parent().empty() || FindResult(result.parent()) == nullptr) {
        roots.push_back(r);
      } else {
        children[result.parent()].push_back(r);
      }
    }
    std::vector<std::pair<int, int>> order;
    std::set<int> visited;
    std::vector<std::pair<int, int>> stack;
    for (auto it = roots.rbegin(); it != roots.rend(); ++it) stack.emplace_back(*it, 0);
    while (!stack.empty()) {
      const auto [r, depth] = stack.back();
      stack.pop_back();
      if (!visited.insert(r).second) continue;
      order.emplace_back(r, depth);
      const std::vector<int>& kids = children[fw_.results(r).id()];
      for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.emplace_back(*it, depth + 1);
    }
    return order;
  }

  std::string ResultName(const v1::Result& result) const {
    std::string out = absl::StrCat("<span class=\"level\">", LevelWord(result.level()), "</span> ");
    if (!result.code().empty()) {
      absl::StrAppend(&out, "<span class=\"code\">", H(result.code()), "</span> ");
    }
    absl::StrAppend(&out, H(Pick(result.title(), result.title_translations())));
    return out;
  }

  void LogframeIndicators(const std::string& result_id, std::string* out) const {
    std::string items;
    for (const v1::Indicator& ind : fw_.indicators()) {
      if (ind.result() != result_id) continue;
      absl::StrAppend(&items, "<li><a href=\"#", anchors_.at(ind.id()), "\">", IndicatorName(ind),
                      "</a>");
      std::vector<std::string> facts;
      if (!ind.unit().empty()) facts.push_back(absl::StrCat("unit: ", H(ind.unit())));
      if (ind.baseline().has_value()) {
        facts.push_back(absl::StrCat("baseline ", EscapeHtml(Value(ind, ind.baseline().value()))));
      }
      if (ind.has_life_of_project_target()) {
        facts.push_back(absl::StrCat("life-of-project target ",
                                     EscapeHtml(Value(ind, ind.life_of_project_target()))));
      }
      if (!facts.empty()) {
        absl::StrAppend(&items, " <span class=\"muted\">(", absl::StrJoin(facts, "; "), ")</span>");
      }
      absl::StrAppend(&items, "</li>\n");
    }
    if (!items.empty()) {
      absl::StrAppend(out, "<ul class=\"indicator-list\" aria-label=\"Indicators\">\n", items,
                      "</ul>\n");
    }
  }

  void Logframe(std::string* out) const {
    absl::StrAppend(
        out, "<section id=\"logframe\" aria-labelledby=\"logframe-h\">\n",
        "<h2 id=\"logframe-h\">Logframe</h2>\n",
        "<p>The project's results, from the goal down to outcomes and outputs, with the "
        "indicators that measure each.</p>\n");
    const std::vector<std::pair<int, int>> order = ResultsInOrder();
    if (order.empty()) absl::StrAppend(out, "<p>The framework defines no results.</p>\n");
    int depth = -1;
    for (const auto& [r, d] : order) {
      const v1::Result& result = fw_.results(r);
      if (d > depth) {
        // A new level: open a list (inside the open item, for a child).
        for (int level = depth; level < d; ++level) {
          absl::StrAppend(out, level < 0 ? "<ol class=\"logframe\">\n" : "<ol>\n");
        }
      } else {
        absl::StrAppend(out, "</li>\n");
        for (int level = depth; level > d; --level) absl::StrAppend(out, "</ol>\n</li>\n");
      }
      depth = d;
      absl::StrAppend(out, "<li class=\"result\"><p class=\"result-head\">", ResultName(result));
      const std::string pillar = PillarWord(result.pillar());
      if (!pillar.empty()) absl::StrAppend(out, " <span class=\"pillar\">· ", pillar, "</span>");
      absl::StrAppend(out, "</p>\n");
      if (!result.description().empty()) {
        absl::StrAppend(out, "<p class=\"muted\">", H(result.description()), "</p>\n");
      }
      LogframeIndicators(result.id(), out);
      if (!result.assumptions().empty()) {
        std::vector<std::string> assumptions;
        for (const std::string& a : result.assumptions()) assumptions.push_back(H(a));
        absl::StrAppend(out, "<p class=\"note\">Assumptions: ", absl::StrJoin(assumptions, "; "),
                        "</p>\n");
      }
    }
    if (depth >= 0) {
      absl::StrAppend(out, "</li>\n");
      for (int level = depth; level > 0; --level) absl::StrAppend(out, "</ol>\n</li>\n");
      absl::StrAppend(out, "</ol>\n");
    }
    bool unattached = false;
    for (const v1::Indicator& ind : fw_.indicators()) {
      unattached |= ind.result().empty() || FindResult(ind.result()) == nullptr;
    }
    if (unattached) {
      absl::StrAppend(out, "<h3>Indicators attached to no result</h3>\n");
      std::string items;
      for (const v1::Indicator& ind : fw_.indicators()) {
        if (!ind.result().empty() && FindResult(ind.result()) != nullptr) continue;
        absl::StrAppend(&items, "<li><a href=\"#", anchors_.at(ind.id()), "\">", IndicatorName(ind),
                        "</a></li>\n");
      }
      absl::StrAppend(out, "<ul class=\"indicator-list\">\n", items, "</ul>\n");
    }
    absl::StrAppend(out, "</section>\n");
  }

  // --- IPTT --------------------------------------------------------------

  static std::string Missing(const std::string& meaning = "no value") {
    return absl::StrCat("<abbr class=\"missing\" title=\"", meaning, "\">—</abbr>");
  }
  static std::string SuppressedWord() { return "<span class=\"suppressed\">suppressed</span>"; }

  std::string TargetCell(const v1::Indicator& ind, const v1::IpttPeriod& p) const {
    if (!p.has_target()) return absl::StrCat("<td class=\"num\">", Missing("no target"), "</td>");
    return absl::StrCat("<td class=\"num\">", EscapeHtml(Value(ind, p.target())), "</td>");
  }

  // The actual as the table shows it: a number, "suppressed", "—", or for
  // an entered yes/no or level, the word entered.
  std::string ActualText(const v1::Indicator& ind, const v1::IpttPeriod& p) const {
    if (p.actual_status() == v1::SUPPRESSED) return SuppressedWord();
    const v1::ReportedActual& reported = p.reported();
    if (reported.value_case() == v1::ReportedActual::kFlag) return reported.flag() ? "yes" : "no";
    if (reported.value_case() == v1::ReportedActual::kLevel) {
      std::string out = H(reported.level());
      if (p.actual_status() == v1::PRESENT && p.has_actual()) {
        absl::StrAppend(&out, " <span class=\"muted\">(level ", FormatNumber(p.actual()),
                        ")</span>");
      }
      return out;
    }
    if (p.actual_status() == v1::PRESENT && p.has_actual()) {
      return EscapeHtml(Value(ind, p.actual()));
    }
    if (reported.value_case() == v1::ReportedActual::kNarrative) {
      return "<span class=\"muted\">narrative</span>";
    }
    return Missing(p.future() ? "not reached yet" : "no value");
  }

  std::string PercentCell(const v1::IpttPeriod& p) const {
    if (p.actual_status() == v1::SUPPRESSED) {
      return absl::StrCat("<td class=\"num\">",
                          p.has_target() ? SuppressedWord() : Missing("no target"), "</td>");
    }
    if (p.has_percent_achieved()) {
      return absl::StrCat("<td class=\"num\">", FormatPercentOneDecimal(p.percent_achieved()),
                          "%</td>");
    }
    std::string why = "no value";
    if (!p.has_target()) {
      why = "no target";
    } else if (p.target() == 0 && p.actual_status() == v1::PRESENT) {
      why = "undefined: the target is 0";
    }
    return absl::StrCat("<td class=\"num\">", Missing(why), "</td>");
  }

  std::string ProgressCell(const v1::IpttPeriod& p) const {
    if (p.actual_status() == v1::SUPPRESSED) {
      return absl::StrCat("<td class=\"num\">",
                          p.has_target() ? SuppressedWord() : Missing("no target"), "</td>");
    }
    if (!p.has_progress()) {
      return absl::StrCat("<td class=\"num\">", Missing("not computed"), "</td>");
    }
    return absl::StrCat("<td class=\"num\">", FormatPercentOneDecimal(100 * p.progress()),
                        "%</td>");
  }

  std::string StatusCell(const v1::IpttPeriod& p) const {
    const v1::AssessmentStatus status =
        p.assessment() == v1::ASSESSMENT_STATUS_UNSPECIFIED ? v1::NOT_ASSESSED : p.assessment();
    return absl::StrCat("<td class=\"status status-", StatusClass(status), "\">",
                        StatusWord(status), "</td>");
  }

  std::string NotesCell(const v1::Indicator& ind, const v1::IpttPeriod& p) const {
    std::vector<std::string> notes;
    for (const v1::IpttTargetRevision& r : p.revisions()) {
      std::string text = absl::StrCat(
          "Target revised", r.date().empty() ? "" : absl::StrCat(" on ", EscapeHtml(r.date())),
          " from ", r.has_previous_value() ? EscapeHtml(Value(ind, r.previous_value())) : "?",
          " to ", r.has_revised_value() ? EscapeHtml(Value(ind, r.revised_value())) : "?");
      if (!r.justification().empty()) absl::StrAppend(&text, ": ", H(r.justification()));
      notes.push_back(absl::StrCat(text, "."));
    }
    const v1::ReportedActual& reported = p.reported();
    if (reported.value_case() == v1::ReportedActual::kNarrative) {
      notes.push_back(absl::StrCat("“", H(reported.narrative()), "”"));
    }
    if (!reported.source().empty()) {
      notes.push_back(absl::StrCat("Source: ", H(reported.source()), "."));
    }
    if (!reported.evidence().empty()) {
      notes.push_back(absl::StrCat("Evidence: ", H(reported.evidence()), "."));
    }
    if (!reported.note().empty()) notes.push_back(H(reported.note()));
    return absl::StrCat("<td>", absl::StrJoin(notes, "<br>"), "</td>");
  }

  std::string PeriodRow(const v1::Indicator& ind, const v1::IpttPeriod& p, bool lop) const {
    std::string head = EscapeHtml(PeriodLabel(p.period()));
    if (lop && !p.start().empty()) {
      absl::StrAppend(&head, " <span class=\"note\">", EscapeHtml(p.start()), " to ",
                      EscapeHtml(report_.as_of()), "</span>");
    } else if (p.future()) {
      absl::StrAppend(&head, " <span class=\"note\">future</span>");
    } else if (p.partial()) {
      absl::StrAppend(&head, " <span class=\"note\">partial</span>");
    }
    return absl::StrCat("<tr class=\"",
                        lop          ? "lop"
                        : p.future() ? "future"
                                     : "period",
                        "\" data-period=\"", EscapeHtml(p.period()), "\"><th scope=\"row\">", head,
                        "</th>", TargetCell(ind, p), "<td class=\"num\">", ActualText(ind, p),
                        "</td>", PercentCell(p), StatusCell(p), ProgressCell(p), NotesCell(ind, p),
                        "</tr>\n");
  }

  std::string IndicatorFacts(const v1::Indicator& ind, const v1::IpttIndicator& entry) const {
    std::vector<std::string> facts;
    facts.push_back(IndicatorLevelWord(ind.level()));
    if (!ind.unit().empty()) facts.push_back(absl::StrCat("unit: ", H(ind.unit())));
    facts.push_back(DirectionPhrase(entry.direction()));
    facts.push_back(absl::StrCat(
        "reported per ", PeriodWord(ind.period().every()),
        entry.cumulation() == v1::CUMULATIVE ? ", cumulative since the project start" : ""));
    if (entry.source() == v1::REPORTED) facts.push_back("entered, not computed from records");
    const v1::Baseline& b = entry.baseline();
    if (b.has_value()) {
      std::string text = absl::StrCat("baseline ", EscapeHtml(Value(ind, b.value())));
      std::vector<std::string> when;
      if (!b.period().empty()) when.push_back(EscapeHtml(b.period()));
      if (!b.date().empty()) when.push_back(EscapeHtml(b.date()));
      if (!when.empty()) absl::StrAppend(&text, " (", absl::StrJoin(when, ", "), ")");
      if (!b.note().empty()) absl::StrAppend(&text, ": ", H(b.note()));
      if (!b.source().empty()) absl::StrAppend(&text, "; source: ", H(b.source()));
      facts.push_back(text);
    } else {
      facts.push_back("no baseline");
    }
    return absl::StrJoin(facts, " · ");
  }

  void IpttSection(std::string* out) const {
    absl::StrAppend(out, "<section id=\"iptt\" aria-labelledby=\"iptt-h\">\n",
                    "<h2 id=\"iptt-h\">Indicator performance tracking table</h2>\n",
                    "<p>For every indicator, by result and pillar: targets and actuals per period "
                    "and for the life of the project. Cumulative indicators compare the total "
                    "since the project start with a cumulative target.</p>\n");
    int table = 0;
    for (const v1::IpttGroup& group : iptt_.groups()) {
      const v1::Result* result = FindResult(group.result_id());
      std::string heading;
      if (result != nullptr) {
        heading = ResultName(*result);
      } else if (!group.result_id().empty()) {
        heading = H(group.result_title());
      } else {
        heading = "Indicators attached to no result";
      }
      const std::string pillar = PillarWord(group.pillar());
      if (!pillar.empty()) {
        absl::StrAppend(&heading, " <span class=\"pillar\">· ", pillar, "</span>");
      }
      absl::StrAppend(out, "<h3>", heading, "</h3>\n");
      if (group.indicators().empty()) {
        absl::StrAppend(out, "<p class=\"muted\">No indicator measures this result.</p>\n");
        continue;
      }
      for (const v1::IpttIndicator& entry : group.indicators()) {
        const v1::Indicator* ind = FindIndicator(entry.indicator_id());
        if (ind == nullptr) continue;  // RenderHtml checks the IPTT first
        ++table;
        absl::StrAppend(out, "<table class=\"iptt\" id=\"iptt-", table, "\">\n<caption>",
                        IndicatorName(*ind), " <span class=\"muted\">— ",
                        IndicatorFacts(*ind, entry),
                        "</span></caption>\n<thead><tr><th scope=\"col\">Period</th>",
                        "<th scope=\"col\">Target</th><th scope=\"col\">Actual</th>",
                        "<th scope=\"col\">% achieved</th><th scope=\"col\">Status</th>",
                        "<th scope=\"col\">Progress from baseline</th>",
                        "<th scope=\"col\">Revisions and notes</th></tr></thead>\n<tbody>\n");
        for (const v1::IpttPeriod& p : entry.periods()) {
          absl::StrAppend(out, PeriodRow(*ind, p, false));
        }
        absl::StrAppend(out, PeriodRow(*ind, entry.life_of_project_values(), true),
                        "</tbody>\n</table>\n");
        if (!entry.deviation_comment().empty()) {
          absl::StrAppend(out, "<p class=\"deviation\"><strong>Deviation from target:</strong> ",
                          H(entry.deviation_comment()), "</p>\n");
        }
      }
    }
    absl::StrAppend(out, "</section>\n");
  }

  // --- Charts ------------------------------------------------------------

  std::string PeriodDescription(const v1::Indicator& ind, const v1::IpttPeriod& p) const {
    std::string out = PeriodLabel(p.period());
    if (p.future()) {
      absl::StrAppend(&out, " (future)");
    } else if (p.partial()) {
      absl::StrAppend(&out, " (partial)");
    }
    absl::StrAppend(&out, ": ");
    const std::string target =
        p.has_target() ? WithUnit(ind, Value(ind, p.target())) : std::string();
    if (p.actual_status() == v1::SUPPRESSED) {
      absl::StrAppend(&out, "actual suppressed to protect individuals");
    } else if (p.actual_status() == v1::PRESENT && p.has_actual()) {
      absl::StrAppend(&out, "actual ", WithUnit(ind, Value(ind, p.actual())));
    } else {
      absl::StrAppend(&out, p.future() ? "not reached yet" : "no value");
    }
    if (p.has_target()) {
      absl::StrAppend(
          &out, p.actual_status() == v1::PRESENT ? " against a target of " : "; target ", target);
    } else {
      absl::StrAppend(&out, "; no target");
    }
    if (p.actual_status() == v1::PRESENT) {
      std::vector<std::string> derived;
      if (p.has_percent_achieved()) {
        derived.push_back(
            absl::StrCat(FormatPercentOneDecimal(p.percent_achieved()), "% achieved"));
      }
      if (p.assessment() != v1::NOT_ASSESSED &&
          p.assessment() != v1::ASSESSMENT_STATUS_UNSPECIFIED) {
        derived.push_back(StatusWord(p.assessment()));
      }
      if (!derived.empty()) absl::StrAppend(&out, " (", absl::StrJoin(derived, ", "), ")");
    }
    absl::StrAppend(&out, ".");
    return out;
  }

  std::string PeriodChartSvg(const v1::Indicator& ind, const v1::IpttIndicator& entry,
                             const std::string& id) const {
    PeriodChart chart;
    chart.id = id;
    chart.title = absl::StrCat(IndicatorTitle(ind).text, ": actual against target per ",
                               PeriodWord(ind.period().every()),
                               entry.cumulation() == v1::CUMULATIVE ? " (cumulative)" : "");
    chart.value_axis_label = ind.unit();
    for (const v1::IpttPeriod& p : entry.periods()) {
      PeriodMark& m = chart.marks.emplace_back();
      m.period = PeriodLabel(p.period());
      m.note = p.future() ? "future" : p.partial() ? "partial" : "";
      if (p.actual_status() == v1::SUPPRESSED) {
        m.actual_state = MarkState::kSuppressed;
      } else if (p.actual_status() == v1::PRESENT && p.has_actual()) {
        m.actual_state = MarkState::kValue;
        m.actual = p.actual();
        m.actual_label = Value(ind, p.actual());
      } else {
        m.actual_state = MarkState::kMissing;
        m.missing_label = p.future() ? "not yet" : "no value";
      }
      if (p.has_target()) {
        m.target = p.target();
        m.target_label = Value(ind, p.target());
      }
      m.description = PeriodDescription(ind, p);
    }
    return RenderPeriodChart(chart);
  }

  // Labels of codes and titles of dimensions, from the framework's and the
  // schema's dimensions and the schema's code lists.
  const v1::Dimension* FindDimension(const std::string& id) const {
    for (const v1::Dimension& d : fw_.dimensions()) {
      if (d.id() == id) return &d;
    }
    if (options_.schema == nullptr) return nullptr;
    for (const v1::Dimension& d : options_.schema->proto().dimensions()) {
      if (d.id() == id) return &d;
    }
    return nullptr;
  }

  const v1::Field* FindField(const std::string& name) const {
    if (options_.schema == nullptr) return nullptr;
    for (const v1::Table& t : options_.schema->proto().tables()) {
      for (const v1::Field& f : t.fields()) {
        if (f.name() == name) return &f;
      }
    }
    return nullptr;
  }

  const v1::CodeList* FindCodeList(const std::string& id) const {
    if (options_.schema == nullptr) return nullptr;
    for (const v1::CodeList& list : options_.schema->proto().code_lists()) {
      if (list.id() == id) return &list;
    }
    return nullptr;
  }

  // A dimension as written in a breakdown ("prs_Gender", "person.prs_Gender",
  // "age_band"), reduced to its last name.
  static std::string DimensionName(const std::string& dimension) {
    const size_t dot = dimension.rfind('.');
    return dot == std::string::npos ? dimension : dimension.substr(dot + 1);
  }

  Localized DimensionTitle(const std::string& dimension) const {
    const std::string name = DimensionName(dimension);
    if (const v1::Dimension* d = FindDimension(name); d != nullptr && !d->title().empty()) {
      return Pick(d->title(), d->title_translations());
    }
    if (const v1::Field* f = FindField(name); f != nullptr && !f->title().empty()) {
      return Pick(f->title(), f->title_translations());
    }
    return {dimension, ""};
  }

  Localized CodeLabel(const std::string& code_list, const std::string& value) const {
    if (const v1::CodeList* list = FindCodeList(code_list); list != nullptr) {
      for (const v1::Code& c : list->codes()) {
        if (c.value() == value) {
          return Pick(c.label().empty() ? value : c.label(), c.label_translations());
        }
      }
    }
    return {value, ""};
  }

  Localized CellValueLabel(const std::string& dimension, const std::string& value) const {
    if (value == "unknown") return {"Not recorded or invalid", kDocumentLanguage};
    const std::string name = DimensionName(dimension);
    if (const v1::Dimension* d = FindDimension(name); d != nullptr) {
      if (d->has_grouping()) {
        for (const v1::CodeGroup& g : d->grouping().groups()) {
          if (g.value() == value) {
            return Pick(g.label().empty() ? value : g.label(), g.label_translations());
          }
        }
      } else if (d->has_hierarchy_level()) {
        if (const v1::Field* f = FindField(d->hierarchy_level().field()); f != nullptr) {
          return CodeLabel(f->code_list(), value);
        }
      }
      return {value, ""};
    }
    if (const v1::Field* f = FindField(name); f != nullptr && !f->code_list().empty()) {
      return CodeLabel(f->code_list(), value);
    }
    return {value, ""};
  }

  // The cells of one breakdown chart: the life-of-project cells when the
  // report has them, else those of the latest headline period that has
  // any; with the total of the same scope and period.
  struct BreakdownSelection {
    std::vector<const v1::Cell*> cells;
    const v1::Cell* total = nullptr;
    std::string period;  // period id, "LOP" for the life of project
  };

  static v1::Scope HeadlineScope(const v1::Indicator& ind) {
    return ind.cumulation() == v1::CUMULATIVE ? v1::SCOPE_CUMULATIVE : v1::SCOPE_PERIOD;
  }

  BreakdownSelection SelectCells(const v1::Indicator& ind, const v1::IndicatorResult& ir,
                                 const std::string& breakdown) const {
    BreakdownSelection lop, latest;
    lop.period = "LOP";
    for (const v1::Cell& c : ir.cells()) {
      if (c.breakdown() != breakdown) continue;
      if (c.scope() == v1::SCOPE_LIFE_OF_PROJECT) lop.cells.push_back(&c);
    }
    BreakdownSelection* chosen = &lop;
    if (lop.cells.empty()) {
      // Cells are ordered by period within a scope: the last one wins.
      for (const v1::Cell& c : ir.cells()) {
        if (c.breakdown() == breakdown && c.scope() == HeadlineScope(ind)) {
          latest.period = c.period();
        }
      }
      for (const v1::Cell& c : ir.cells()) {
        if (c.breakdown() == breakdown && c.scope() == HeadlineScope(ind) &&
            c.period() == latest.period) {
          latest.cells.push_back(&c);
        }
      }
      chosen = &latest;
    }
    const v1::Scope scope = chosen == &lop ? v1::SCOPE_LIFE_OF_PROJECT : HeadlineScope(ind);
    for (const v1::Cell& c : ir.cells()) {
      if (c.breakdown().empty() && c.scope() == scope && c.period() == chosen->period) {
        chosen->total = &c;
        break;
      }
    }
    return *chosen;
  }

  std::string CellLabelText(const v1::Cell& cell) const {
    std::vector<std::string> parts;
    for (const v1::CellCoordinate& k : cell.coordinates()) {
      parts.push_back(CellValueLabel(k.dimension(), k.value()).text);
    }
    return absl::StrJoin(parts, " × ");
  }

  std::string CellValueText(const v1::Indicator& ind, const v1::Cell& cell) const {
    if (cell.status() == v1::SUPPRESSED) return "suppressed";
    if (cell.status() == v1::PRESENT && cell.has_value()) {
      return WithUnit(ind, Value(ind, cell.value()));
    }
    return "no value";
  }

  std::string BreakdownTitle(const std::string& breakdown) const {
    std::vector<std::string> parts;
    for (absl::string_view d : absl::StrSplit(breakdown, " x ")) {
      parts.push_back(DimensionTitle(std::string(d)).text);
    }
    return absl::StrJoin(parts, " × ");
  }

  void BreakdownFigure(const v1::Indicator& ind, const v1::IndicatorResult& ir,
                       const std::string& breakdown, const std::string& id,
                       std::string* out) const {
    const BreakdownSelection selection = SelectCells(ind, ir, breakdown);
    if (selection.cells.empty()) return;
    const std::string when = selection.period == "LOP"
                                 ? absl::StrCat("life of project to ", report_.as_of())
                                 : PeriodLabel(selection.period);
    BreakdownChart chart;
    chart.id = id;
    chart.title =
        absl::StrCat(IndicatorTitle(ind).text, " by ", BreakdownTitle(breakdown), ", ", when);
    chart.value_axis_label = ind.unit();
    for (const v1::Cell* cell : selection.cells) {
      BreakdownMark& m = chart.marks.emplace_back();
      m.label = CellLabelText(*cell);
      std::vector<std::string> key;
      for (const v1::CellCoordinate& k : cell->coordinates()) {
        key.push_back(absl::StrCat(k.dimension(), "=", k.value()));
        m.unknown |= k.value() == "unknown";
      }
      m.key = absl::StrJoin(key, ";");
      if (cell->status() == v1::SUPPRESSED) {
        m.state = MarkState::kSuppressed;
      } else if (cell->status() == v1::PRESENT && cell->has_value()) {
        m.state = MarkState::kValue;
        m.value = cell->value();
        m.value_label = Value(ind, cell->value());
      }
      m.description =
          absl::StrCat(m.label, ": ", CellValueText(ind, *cell),
                       cell->status() == v1::SUPPRESSED ? " to protect individuals" : "", ".");
    }
    absl::StrAppend(out, "<figure>\n", RenderBreakdownChart(chart), "<figcaption>",
                    EscapeHtml(chart.title), ". Total: ",
                    selection.total == nullptr ? "not in the report"
                                               : EscapeHtml(CellValueText(ind, *selection.total)),
                    ". A person or record counts in every cell whose value it has, so cells need "
                    "not add up to the total.</figcaption>\n</figure>\n");
  }

  void Charts(std::string* out) const {
    absl::StrAppend(out, "<section id=\"charts\" aria-labelledby=\"charts-h\">\n",
                    "<h2 id=\"charts-h\">Indicators in charts</h2>\n",
                    "<p>Per indicator, its actual against its target in each period (bars: actual, "
                    "with the value written on them; dashed lines: target), then its values by "
                    "disaggregation. Hatched boxes labelled suppressed are withheld values; their "
                    "size means nothing.</p>\n");
    for (const v1::IpttGroup& group : iptt_.groups()) {
      for (const v1::IpttIndicator& entry : group.indicators()) {
        const v1::Indicator* ind = FindIndicator(entry.indicator_id());
        if (ind == nullptr) continue;
        const std::string& anchor = anchors_.at(ind->id());
        absl::StrAppend(out, "<article class=\"indicator\" id=\"", anchor, "\" aria-labelledby=\"",
                        anchor, "-h\">\n<h3 id=\"", anchor, "-h\">", IndicatorName(*ind),
                        "</h3>\n");
        std::vector<std::string> about;
        if (const v1::Result* result = FindResult(ind->result()); result != nullptr) {
          about.push_back(absl::StrCat(LevelWord(result->level()), " ", H(result->code()), " ",
                                       H(Pick(result->title(), result->title_translations()))));
        }
        about.push_back(IndicatorFacts(*ind, entry));
        absl::StrAppend(out, "<p class=\"muted\">", absl::StrJoin(about, " · "), "</p>\n");
        if (!ind->description().empty()) {
          absl::StrAppend(out, "<p>", H(ind->description()), "</p>\n");
        }
        if (ind->disclosure().non_sensitive()) {
          absl::StrAppend(out,
                          "<p class=\"note\">About organisations or mechanisms, not persons: "
                          "its values are not withheld for their size.</p>\n");
        } else if (ind->disclosure().has_min_cell_size() &&
                   ind->disclosure().min_cell_size() != MinCellSize()) {
          const int k = MinCellSizeOf(ind);
          absl::StrAppend(out, "<p class=\"note\">This indicator withholds ",
                          k <= 1 ? "no value for its size" : WithheldRange(k), " (k = ", k,
                          ").</p>\n");
        }
        if (!HasNumericValues(*ind)) {
          absl::StrAppend(out, "<p class=\"note\">No chart: ", NoChartReason(*ind),
                          "; the table above lists them.</p>\n</article>\n");
          continue;
        }
        absl::StrAppend(out, "<figure>\n", PeriodChartSvg(*ind, entry, anchor + "-periods"),
                        "<figcaption>", EscapeHtml(IndicatorTitle(*ind).text), ": actual ",
                        entry.cumulation() == v1::CUMULATIVE ? "since the project start " : "",
                        "against target per ", PeriodWord(ind->period().every()),
                        ".</figcaption>\n</figure>\n");
        auto ir = result_of_indicator_.find(ind->id());
        if (ir != result_of_indicator_.end()) {
          std::vector<std::string> breakdowns;
          for (const v1::Cell& c : ir->second->cells()) {
            if (!c.breakdown().empty() && std::find(breakdowns.begin(), breakdowns.end(),
                                                    c.breakdown()) == breakdowns.end()) {
              breakdowns.push_back(c.breakdown());
            }
          }
          for (size_t b = 0; b < breakdowns.size(); ++b) {
            BreakdownFigure(*ind, *ir->second, breakdowns[b], absl::StrCat(anchor, "-by-", b + 1),
                            out);
          }
        }
        absl::StrAppend(out, "</article>\n");
      }
    }
    absl::StrAppend(out, "</section>\n");
  }

  // --- Data quality ------------------------------------------------------

  std::string FieldName(const std::string& name) const {
    std::string out = absl::StrCat("<code>", EscapeHtml(name), "</code>");
    if (const v1::Field* f = FindField(name); f != nullptr && !f->title().empty()) {
      out = absl::StrCat(H(Pick(f->title(), f->title_translations())), " ", out);
    }
    return out;
  }

  std::string Share(double share) const {
    return absl::StrCat(FormatPercentOneDecimal(100 * share), "%");
  }

  std::string FindingRow(const v1::Finding& f) const {
    std::string about;
    if (!f.field().empty()) {
      about = FieldName(f.field());
    } else if (const v1::Indicator* ind = FindIndicator(f.indicator_id()); ind != nullptr) {
      about = absl::StrCat("indicator ", IndicatorName(*ind));
    } else if (!f.indicator_id().empty()) {
      about = absl::StrCat("indicator ", H(f.indicator_id()));
    }
    std::string meaning = FindingMeaning(f.rule());
    std::string check = EscapeHtml(f.rule());
    if (meaning.empty()) {
      // A framework quality rule: its formula, and its own message.
      meaning = "A quality rule of the framework.";
      for (const v1::QualityRule& rule : fw_.quality_rules()) {
        if (rule.id() != f.rule()) continue;
        if (about.empty()) about = absl::StrCat("<code>", EscapeHtml(rule.expression()), "</code>");
        meaning = rule.message().empty()
                      ? absl::StrCat("Records for which <code>", EscapeHtml(rule.expression()),
                                     "</code> is false.")
                      : H(rule.message());
        break;
      }
    } else {
      meaning = EscapeHtml(meaning);
    }
    // Counts of records selected by a formula are withheld when small, as
    // cells are; so is their share, which would give them back.
    const v1::Indicator* ind = FindIndicator(f.indicator_id());
    const int k = MinCellSizeOf(ind);
    const bool withheld = FindingCountsSelectedRecords(f) && f.count() >= 1 && f.count() < k &&
                          !(ind != nullptr && ind->disclosure().non_sensitive());
    return absl::StrCat("<tr><td>", SeverityWord(f.severity()), "</td><td><code>", check,
                        "</code></td><td>", about, "</td><td class=\"num\">",
                        withheld ? SuppressedWord() : absl::StrCat(f.count()),
                        "</td><td class=\"num\">",
                        withheld        ? SuppressedWord()
                        : f.has_share() ? Share(f.share())
                                        : Missing(),
                        "</td><td>", meaning, "</td></tr>\n");
  }

  void DataQuality(std::string* out) const {
    absl::StrAppend(
        out, "<section id=\"data-quality\" aria-labelledby=\"data-quality-h\">\n",
        "<h2 id=\"data-quality-h\">Data quality</h2>\n",
        "<p>How complete and valid the records behind the indicators are, table by table: "
        "numbers of records, never which records, their values or where they are in the input "
        "files. Invalid values count as missing in every indicator; records without a usable "
        "date are in no period.</p>\n");
    std::map<std::string, std::vector<const v1::Finding*>> by_table;
    for (const v1::Finding& f : quality_->proto().findings()) by_table[f.table()].push_back(&f);
    std::set<std::string> shown;
    std::vector<std::string> not_loaded;
    const std::string findings_head =
        "<thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">Check</th>"
        "<th scope=\"col\">About</th><th scope=\"col\">Records</th>"
        "<th scope=\"col\">Share of the table</th><th scope=\"col\">What it "
        "means</th></tr></thead>\n";
    for (const TableCompleteness& table : quality_->tables()) {
      shown.insert(table.table);
      if (!table.loaded) {
        not_loaded.push_back(absl::StrCat("<code>", EscapeHtml(table.table), "</code>"));
        continue;
      }
      absl::StrAppend(out, "<h3>Table <code>", EscapeHtml(table.table), "</code></h3>\n<p>",
                      table.rows, table.rows == 1 ? " record" : " records", ".</p>\n");
      absl::StrAppend(out,
                      "<table class=\"completeness\">\n<caption>Completeness of the fields of "
                      "<code>",
                      EscapeHtml(table.table),
                      "</code></caption>\n<thead><tr><th scope=\"col\">Field</th>"
                      "<th scope=\"col\">Required</th><th scope=\"col\">Present</th>"
                      "<th scope=\"col\">Missing</th><th scope=\"col\">Invalid</th>"
                      "<th scope=\"col\">Complete</th></tr></thead>\n<tbody>\n");
      for (const FieldCompleteness& f : table.fields) {
        // Complete: the share of records with a usable (present, valid) value.
        const std::string complete =
            table.rows > 0 ? Share(static_cast<double>(f.present) / static_cast<double>(table.rows))
                           : Missing();
        absl::StrAppend(out, "<tr><th scope=\"row\">", FieldName(f.field), "</th><td>",
                        f.required ? "yes" : "no", "</td><td class=\"num\">", f.present,
                        "</td><td class=\"num\">", f.missing, "</td><td class=\"num\">", f.invalid,
                        "</td><td class=\"num\">", complete, "</td></tr>\n");
      }
      absl::StrAppend(out, "</tbody>\n</table>\n");
      auto it = by_table.find(table.table);
      if (it == by_table.end()) {
        absl::StrAppend(out, "<p>No findings in this table.</p>\n");
        continue;
      }
      absl::StrAppend(out, "<table class=\"findings\">\n<caption>Findings in <code>",
                      EscapeHtml(table.table), "</code></caption>\n", findings_head, "<tbody>\n");
      for (const v1::Finding* f : it->second) absl::StrAppend(out, FindingRow(*f));
      absl::StrAppend(out, "</tbody>\n</table>\n");
    }
    std::string others;
    for (const auto& [table, findings] : by_table) {
      if (shown.count(table) > 0) continue;
      for (const v1::Finding* f : findings) absl::StrAppend(&others, FindingRow(*f));
    }
    if (!others.empty()) {
      absl::StrAppend(out,
                      "<h3>Other findings</h3>\n<table class=\"findings\">\n<caption>Findings "
                      "about no loaded table</caption>\n",
                      findings_head, "<tbody>\n", others, "</tbody>\n</table>\n");
    }
    if (!not_loaded.empty()) {
      absl::StrAppend(out, "<p>Not loaded, so not checked: ", absl::StrJoin(not_loaded, ", "),
                      ".</p>\n");
    }
    absl::StrAppend(out, "</section>\n");
  }

  const v1::Framework& fw_;
  const v1::Report& report_;
  const v1::Iptt& iptt_;
  const QualityReport* quality_;
  const HtmlOptions& options_;
  std::string default_language_;
  std::string language_;
  absl::flat_hash_map<std::string, int> indicator_index_;
  absl::flat_hash_map<std::string, int> result_index_;
  absl::flat_hash_map<std::string, const v1::IndicatorResult*> result_of_indicator_;
  absl::flat_hash_map<std::string, std::string> custom_labels_;
  absl::flat_hash_map<std::string, std::string> anchors_;
};

}  // namespace

absl::StatusOr<std::string> RenderHtml(const Framework& framework, const v1::Report& publication,
                                       const v1::Iptt& iptt, const QualityReport* quality,
                                       const HtmlOptions& options) {
  const v1::Framework& fw = framework.proto();
  if (publication.protection() != v1::PUBLISHED) {
    return absl::FailedPreconditionError(
        "the HTML report renders publications only, and this report is not PUBLISHED: protect "
        "the results first (raw results are for the data owner's own use)");
  }
  if (iptt.protection() != v1::PUBLISHED) {
    return absl::FailedPreconditionError(
        "the IPTT was not built from a publication (its protection is not PUBLISHED)");
  }
  if (!publication.has_assessment()) {
    return absl::FailedPreconditionError(
        "the publication has not been assessed against targets: call Assess, then BuildIptt, "
        "before RenderHtml");
  }
  const std::string& project = fw.project().id();
  if (publication.project_id() != project) {
    return absl::InvalidArgumentError(absl::StrCat("the publication is of project ",
                                                   Quoted(publication.project_id()),
                                                   ", not of the framework's ", Quoted(project)));
  }
  if (iptt.project_id() != project) {
    return absl::InvalidArgumentError(absl::StrCat("the IPTT is of project ",
                                                   Quoted(iptt.project_id()),
                                                   ", not of the framework's ", Quoted(project)));
  }
  if (iptt.as_of() != publication.as_of()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the IPTT is as of ", Quoted(iptt.as_of()), " and the publication as of ",
        Quoted(publication.as_of()), ": build the IPTT from the publication rendered"));
  }
  if (quality != nullptr && !quality->proto().project_id().empty() &&
      quality->proto().project_id() != project) {
    return absl::InvalidArgumentError(absl::StrCat("the data-quality report is of project ",
                                                   Quoted(quality->proto().project_id()),
                                                   ", not of the framework's ", Quoted(project)));
  }
  std::set<std::string> indicator_ids;
  for (const v1::Indicator& ind : fw.indicators()) indicator_ids.insert(ind.id());
  for (const v1::IndicatorResult& ir : publication.indicators()) {
    if (indicator_ids.count(ir.indicator_id()) == 0) {
      return absl::InvalidArgumentError(absl::StrCat("the publication has indicator ",
                                                     Quoted(ir.indicator_id()),
                                                     ", which the framework does not have"));
    }
  }
  for (const v1::IpttGroup& group : iptt.groups()) {
    for (const v1::IpttIndicator& ind : group.indicators()) {
      if (indicator_ids.count(ind.indicator_id()) == 0) {
        return absl::InvalidArgumentError(absl::StrCat("the IPTT has indicator ",
                                                       Quoted(ind.indicator_id()),
                                                       ", which the framework does not have"));
      }
    }
  }
  return HtmlReport(fw, publication, iptt, quality, options).Render();
}

}  // namespace ctind
