// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The IATI 2.03 export: the results of one activity, read from a
// publication. Element order follows iati-activities-schema.xsd (2.03),
// whose sequences are strict.

#include "report/iati.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/number_format.h"
#include "common/strings.h"
#include "ctind/render_donor.h"
#include "ctind/v1/framework.pb.h"
#include "ctind/v1/report.pb.h"
#include "model/model_internal.h"
#include "period/period.h"
#include "report/xml_writer.h"

namespace ctind {

std::string IatiResultType(v1::ResultLevel level) {
  switch (level) {
    case v1::GOAL: return "3";
    case v1::OUTCOME: return "2";
    case v1::OUTPUT: return "1";
    default: return "9";
  }
}

std::string IatiResultTypeOfIndicator(v1::IndicatorLevel level) {
  switch (level) {
    case v1::IMPACT: return "3";
    case v1::OUTCOME_INDICATOR: return "2";
    case v1::OUTPUT_INDICATOR: return "1";
    default: return "9";
  }
}

std::string IatiIndicatorMeasure(const v1::Indicator& indicator) {
  const v1::Measure& m = indicator.measure();
  switch (m.kind_case()) {
    case v1::Measure::kQualitative: return "5";
    case v1::Measure::kOrdinal: return "4";
    case v1::Measure::kInPlace: return "3";
    default: break;
  }
  if (m.relative_change() || indicator.unit() == "%") return "2";
  if (m.kind_case() == v1::Measure::kRatio && m.ratio().has_factor() &&
      m.ratio().factor() == 100) {
    return "2";
  }
  if (m.kind_case() == v1::Measure::KIND_NOT_SET && indicator.reported_size() > 0) {
    // A reported indicator without a declared measure: its entered values
    // say what it is.
    switch (indicator.reported(0).value_case()) {
      case v1::ReportedValue::kNarrative: return "5";
      case v1::ReportedValue::kLevel: return "4";
      case v1::ReportedValue::kFlag: return "3";
      default: break;
    }
  }
  return "1";
}

std::optional<bool> IatiAscending(v1::Direction direction) {
  if (direction == v1::INCREASE) return true;
  if (direction == v1::DECREASE) return false;
  return std::nullopt;
}

bool IatiAggregationStatus(const v1::Indicator& indicator) {
  const v1::Measure& m = indicator.measure();
  if (indicator.source() == v1::REPORTED || m.relative_change() ||
      m.kind_case() != v1::Measure::kValue) {
    return false;
  }
  return m.value().function_case() == v1::Aggregate::kCount ||
         m.value().function_case() == v1::Aggregate::kSum;
}

std::optional<std::string> IatiIndicatorVocabulary(
    std::string_view vocabulary,
    const std::vector<std::pair<std::string, std::string>>& extra) {
  for (const auto& [name, code] : extra) {
    if (absl::EqualsIgnoreCase(Sv(name), Sv(vocabulary))) return code;
  }
  // IATI/IATI-Codelists-NonEmbedded, xml/IndicatorVocabulary.xml.
  static constexpr std::pair<const char*, const char*> kBuiltIn[] = {
      {"WHO", "1"}, {"SPHERE", "2"}, {"US-F", "3"}, {"WDI", "4"},
      {"MDG", "5"}, {"HRI", "6"},    {"HIPSO", "8"}, {"SDG", "9"},
  };
  for (const auto& [name, code] : kBuiltIn) {
    if (absl::EqualsIgnoreCase(name, Sv(vocabulary))) return code;
  }
  static constexpr const char* kCodes[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "99"};
  for (const char* code : kCodes) {
    if (vocabulary == code) return std::string(code);
  }
  return std::nullopt;
}

namespace {

using internal::DiagnosticSink;
using internal::FrameworkRep;

constexpr char kWithheld[] = "Value withheld to protect individuals (disclosure control).";

// True for "YYYY-MM-DDThh:mm:ss" with optional fraction and zone, the
// xsd:dateTime lexical form.
bool IsXsdDateTime(std::string_view s) {
  if (s.size() < 19 || s[10] != 'T' || !Date::ParseIso(s.substr(0, 10))) return false;
  const auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i) {
      if (i >= s.size() || !absl::ascii_isdigit(static_cast<unsigned char>(s[i]))) return false;
    }
    return true;
  };
  if (!digits(11, 2) || s[13] != ':' || !digits(14, 2) || s[16] != ':' || !digits(17, 2)) {
    return false;
  }
  if (s.substr(11, 2) > "23" || s.substr(14, 2) > "59" || s.substr(17, 2) > "59") return false;
  size_t i = 19;
  if (i < s.size() && s[i] == '.') {
    size_t start = ++i;
    while (i < s.size() && absl::ascii_isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == start) return false;
  }
  if (i == s.size()) return true;
  if (s[i] == 'Z') return i + 1 == s.size();
  return (s[i] == '+' || s[i] == '-') && i + 6 == s.size() && digits(i + 1, 2) &&
         s[i + 3] == ':' && digits(i + 4, 2);
}

// A period of the IATI document: [start, end) with end exclusive, as
// ctind's periods are; the document writes end − 1 day (IATI's period-end
// is inclusive).
struct IatiPeriod {
  std::string id;
  Date start;
  Date end;
  bool partial = false;
};

class IatiRenderer {
 public:
  IatiRenderer(const FrameworkRep& rep, const v1::Report& report,
               const DonorRenderOptions& options, std::string generated)
      : rep_(rep),
        fw_(rep.proto),
        report_(report),
        options_(options),
        generated_(std::move(generated)) {
    default_language_ = fw_.project().default_language().empty()
                            ? "en"
                            : fw_.project().default_language();
    for (const v1::IndicatorResult& ir : report_.indicators()) {
      results_.emplace(ir.indicator_id(), &ir);
    }
  }

  DonorDocument Render() {
    const v1::Project& p = fw_.project();
    xml_.Open("iati-activities");
    xml_.Attribute("version", "2.03");
    xml_.Attribute("generated-datetime", generated_);
    xml_.Open("iati-activity");
    xml_.Attribute("last-updated-datetime", generated_);
    xml_.Attribute("xml:lang", default_language_);
    if (!p.currency().empty()) xml_.Attribute("default-currency", p.currency());
    xml_.TextElement("iati-identifier", p.iati_identifier());
    if (!absl::StartsWith(p.iati_identifier(), p.reporting_org().ref() + "-")) {
      Note(absl::StrCat("the activity identifier ", Quoted(p.iati_identifier()),
                        " does not start with the reporting organisation's ref ",
                        Quoted(p.reporting_org().ref()),
                        " and a hyphen, as IATI requires unless an earlier identifier is "
                        "reported as other-identifier"));
    }
    xml_.Open("reporting-org");
    xml_.Attribute("ref", p.reporting_org().ref());
    xml_.Attribute("type", p.reporting_org().type());
    Narratives(p.reporting_org().name(), p.reporting_org().name_translations());
    xml_.Close();
    xml_.Open("title");
    Narratives(p.title(), p.title_translations());
    xml_.Close();
    xml_.Open("description");
    xml_.Attribute("type", "1");  // DescriptionType 1: general
    Narratives(p.description(), p.description_translations());
    xml_.Close();
    for (const v1::Organisation& org : p.participating_orgs()) {
      xml_.Open("participating-org");
      if (!org.ref().empty()) xml_.Attribute("ref", org.ref());
      if (!org.type().empty()) xml_.Attribute("type", org.type());
      xml_.Attribute("role", org.role());
      if (!org.name().empty()) Narratives(org.name(), org.name_translations());
      xml_.Close();
    }
    xml_.Open("activity-status");
    xml_.Attribute("code", p.activity_status());
    xml_.Close();
    // ActivityDateType 1: planned start, 3: planned end.
    ActivityDate("1", p.start_date());
    ActivityDate("3", p.end_date());
    for (const std::string& country : p.recipient_countries()) {
      xml_.Open("recipient-country");
      xml_.Attribute("code", country);
      xml_.Close();
    }
    if (p.recipient_countries_size() > 1) {
      Note("IATI asks for the share of each recipient country (percentage); the framework "
           "does not record it, so none is written");
    }
    Results();
    xml_.Close();  // iati-activity
    xml_.Close();  // iati-activities
    return DonorDocument{xml_.str(), std::move(notes_)};
  }

 private:
  void Note(std::string note) { notes_.push_back(std::move(note)); }

  bool WantedLanguage(const std::string& lang) const {
    if (lang.empty() || lang == default_language_) return false;
    const auto& languages = fw_.project().languages();
    return languages.empty() ||
           std::find(languages.begin(), languages.end(), lang) != languages.end();
  }

  // The text in the default language, then its translations into the
  // project's languages, each marked with xml:lang.
  void Narratives(const std::string& text,
                  const google::protobuf::RepeatedPtrField<v1::Translation>& translations) {
    xml_.TextElement("narrative", text);
    for (const v1::Translation& t : translations) {
      if (!WantedLanguage(t.lang())) continue;
      xml_.Open("narrative");
      xml_.Attribute("xml:lang", t.lang());
      xml_.Text(t.text());
      xml_.Close();
    }
  }

  // A comment whose text is ctind's own (English) or the user's (default
  // language).
  void Comment(const std::string& text, bool english) {
    xml_.Open("comment");
    xml_.Open("narrative");
    if (english && default_language_ != "en" && !absl::StartsWith(default_language_, "en-")) {
      xml_.Attribute("xml:lang", "en");
    }
    xml_.Text(text);
    xml_.Close();
    xml_.Close();
  }

  void ActivityDate(const char* type, const std::string& date) {
    xml_.Open("activity-date");
    xml_.Attribute("type", type);
    xml_.Attribute("iso-date", date);
    xml_.Close();
  }

  void Results() {
    std::map<std::string, std::vector<const v1::Indicator*>> by_result;
    // Indicators attached to no result, grouped by the result type of their
    // level in order of first appearance.
    std::vector<std::pair<std::string, std::vector<const v1::Indicator*>>> unattached;
    for (const v1::Indicator& ind : fw_.indicators()) {
      if (!ind.result().empty()) {
        by_result[ind.result()].push_back(&ind);
        continue;
      }
      const std::string type = IatiResultTypeOfIndicator(ind.level());
      auto it = std::find_if(unattached.begin(), unattached.end(),
                             [&](const auto& entry) { return entry.first == type; });
      if (it == unattached.end()) {
        unattached.emplace_back(type, std::vector<const v1::Indicator*>{});
        it = unattached.end() - 1;
      }
      it->second.push_back(&ind);
    }
    for (const v1::Result& result : fw_.results()) {
      auto it = by_result.find(result.id());
      if (it == by_result.end()) continue;
      OpenResult(IatiResultType(result.level()), it->second);
      xml_.Open("title");
      Narratives(result.title(), result.title_translations());
      xml_.Close();
      if (!result.description().empty()) {
        xml_.Open("description");
        xml_.TextElement("narrative", result.description());
        xml_.Close();
      }
      for (const v1::Indicator* ind : it->second) Indicator(*ind);
      xml_.Close();
    }
    for (const auto& [type, indicators] : unattached) {
      // IATI groups indicators under results; these have none in the
      // logframe, so their result is titled by the project.
      OpenResult(type, indicators);
      xml_.Open("title");
      Narratives(fw_.project().title(), fw_.project().title_translations());
      xml_.Close();
      for (const v1::Indicator* ind : indicators) Indicator(*ind);
      xml_.Close();
    }
  }

  void OpenResult(const std::string& type, const std::vector<const v1::Indicator*>& indicators) {
    xml_.Open("result");
    xml_.Attribute("type", type);
    const bool additive =
        std::all_of(indicators.begin(), indicators.end(),
                    [](const v1::Indicator* i) { return IatiAggregationStatus(*i); });
    xml_.Attribute("aggregation-status", additive ? "true" : "false");
  }

  void Indicator(const v1::Indicator& ind) {
    const std::string measure = IatiIndicatorMeasure(ind);
    qualitative_ = measure == "5";
    xml_.Open("indicator");
    xml_.Attribute("measure", measure);
    if (std::optional<bool> ascending = IatiAscending(ind.direction())) {
      xml_.Attribute("ascending", *ascending ? "true" : "false");
    }
    xml_.Attribute("aggregation-status", IatiAggregationStatus(ind) ? "true" : "false");
    xml_.Open("title");
    Narratives(ind.title(), ind.title_translations());
    xml_.Close();
    if (!ind.description().empty()) {
      xml_.Open("description");
      xml_.TextElement("narrative", ind.description());
      xml_.Close();
    }
    References(ind);
    Baseline(ind);
    Periods(ind);
    xml_.Close();
  }

  void References(const v1::Indicator& ind) {
    std::set<std::string> written;
    for (const v1::ExternalReference& ref : ind.references()) {
      std::optional<std::string> vocabulary =
          IatiIndicatorVocabulary(ref.vocabulary(), options_.indicator_vocabularies);
      if (!vocabulary) {
        Note(absl::StrCat("indicator ", Quoted(ind.id()), ": reference ", Quoted(ref.vocabulary()),
                          " ", Quoted(ref.code()),
                          " is not written: IATI's IndicatorVocabulary has no code for ",
                          Quoted(ref.vocabulary())));
        continue;
      }
      if (!written.insert(*vocabulary).second) {
        Note(absl::StrCat("indicator ", Quoted(ind.id()), ": reference ", Quoted(ref.vocabulary()),
                          " ", Quoted(ref.code()), " is not written: IATI allows one reference "
                          "per vocabulary and an earlier one has vocabulary ", *vocabulary));
        continue;
      }
      xml_.Open("reference");
      xml_.Attribute("vocabulary", *vocabulary);
      xml_.Attribute("code", ref.code());
      if (!ref.url().empty()) xml_.Attribute("indicator-uri", ref.url());
      xml_.Close();
    }
  }

  // The period a framework period id names (custom periods first).
  std::optional<IatiPeriod> Resolve(const std::string& id) const {
    for (const v1::CustomPeriod& cp : fw_.custom_periods()) {
      if (cp.id() != id) continue;
      std::optional<Date> start = Date::ParseIso(cp.start_date());
      std::optional<Date> last = Date::ParseIso(cp.end_date());
      if (!start || !last) return std::nullopt;
      return IatiPeriod{id, *start, last->AddDays(1)};
    }
    absl::StatusOr<Period> period = ParsePeriodId(id);
    if (!period.ok()) return std::nullopt;
    return IatiPeriod{id, period->start, period->end};
  }

  void Baseline(const v1::Indicator& ind) {
    const v1::Baseline& b = ind.baseline();
    if (!b.has_value() && b.date().empty() && b.period().empty()) return;
    std::optional<int32_t> year;
    if (std::optional<Date> date = Date::ParseIso(b.date())) {
      year = date->year();
    } else if (std::optional<IatiPeriod> period = Resolve(b.period())) {
      year = period->start.year();
    }
    if (!year) {
      Note(absl::StrCat("indicator ", Quoted(ind.id()), ": the baseline is not written: IATI "
                        "needs its year, and it has neither a date nor a period"));
      return;
    }
    xml_.Open("baseline");
    xml_.Attribute("year", absl::StrCat(*year));
    if (!b.date().empty()) xml_.Attribute("iso-date", b.date());
    if (b.has_value() && !qualitative_) xml_.Attribute("value", FormatNumber(b.value()));
    std::string comment = b.note();
    if (!b.source().empty()) {
      absl::StrAppend(&comment, comment.empty() ? "" : " ", "(source: ", b.source(), ")");
    }
    if (!comment.empty()) Comment(comment, false);
    xml_.Close();
  }

  void Dimensions(const google::protobuf::RepeatedPtrField<v1::CellCoordinate>& cell) {
    for (const v1::CellCoordinate& c : cell) {
      xml_.Open("dimension");
      xml_.Attribute("name", c.dimension());
      xml_.Attribute("value", c.value());
      xml_.Close();
    }
  }

  std::string RoundingNote() const {
    switch (report_.publication().rounding()) {
      case v1::BASE_5: return "Rounded to a multiple of 5.";
      case v1::RANDOM_BASE_3: return "Randomly rounded to a multiple of 3.";
      default: return "Rounded.";
    }
  }

  void Periods(const v1::Indicator& ind) {
    const bool cumulative = ind.cumulation() == v1::CUMULATIVE;
    const v1::Scope scope = cumulative ? v1::SCOPE_CUMULATIVE : v1::SCOPE_PERIOD;
    auto found = results_.find(ind.id());
    const v1::IndicatorResult* ir = found == results_.end() ? nullptr : found->second;

    std::vector<IatiPeriod> periods;
    std::set<std::string> ids;
    const v1::ReportPeriod* lop = nullptr;
    if (ir != nullptr) {
      for (const v1::ReportPeriod& rp : ir->periods()) {
        if (rp.id() == "LOP") {
          lop = &rp;
          continue;
        }
        std::optional<Date> start = Date::ParseIso(rp.start());
        std::optional<Date> end = Date::ParseIso(rp.end());
        if (!start || !end) continue;
        periods.push_back(IatiPeriod{rp.id(), *start, *end, rp.partial()});
        ids.insert(rp.id());
      }
    }
    // Periods with targets or entered values that the report does not
    // hold, such as those after the as-of date.
    std::vector<std::string> extra;
    for (const v1::Target& t : ind.targets()) extra.push_back(t.period());
    for (const v1::ReportedValue& r : ind.reported()) extra.push_back(r.period());
    for (const std::string& id : extra) {
      if (!ids.insert(id).second) continue;
      if (std::optional<IatiPeriod> period = Resolve(id)) {
        periods.push_back(*period);
      } else {
        Note(absl::StrCat("indicator ", Quoted(ind.id()), ": period ", Quoted(id),
                          " is not written: it is not a period identifier ctind knows"));
      }
    }
    std::stable_sort(periods.begin(), periods.end(), [](const IatiPeriod& a, const IatiPeriod& b) {
      return a.start != b.start ? a.start < b.start : a.end < b.end;
    });

    for (const IatiPeriod& period : periods) {
      std::vector<const v1::Target*> targets;
      for (const v1::Target& t : ind.targets()) {
        if (t.period() == period.id) targets.push_back(&t);
      }
      std::vector<const v1::Cell*> cells;
      if (ir != nullptr) {
        for (const v1::Cell& c : ir->cells()) {
          if (c.scope() == scope && c.period() == period.id && c.status() != v1::MISSING) {
            cells.push_back(&c);
          }
        }
      }
      std::vector<const v1::ReportedValue*> reported;
      for (const v1::ReportedValue& r : ind.reported()) {
        if (r.period() == period.id) reported.push_back(&r);
      }
      if (targets.empty() && cells.empty() && reported.empty()) continue;
      const Date start = cumulative ? rep_.project_start : period.start;
      OpenPeriod(start, period.end);
      for (const v1::Target* t : targets) Target(*t);
      const std::string partial =
          period.partial ? absl::StrCat("Partial period: data up to ", report_.as_of(), ".") : "";
      for (const v1::Cell* c : cells) Actual(*c, partial);
      for (const v1::ReportedValue* r : reported) Reported(ind, *r);
      xml_.Close();
    }

    if (!options_.include_life_of_project) return;
    std::vector<const v1::Cell*> lop_cells;
    if (ir != nullptr) {
      for (const v1::Cell& c : ir->cells()) {
        if (c.scope() == v1::SCOPE_LIFE_OF_PROJECT && c.status() != v1::MISSING) {
          lop_cells.push_back(&c);
        }
      }
    }
    if (lop_cells.empty() && !ind.has_life_of_project_target()) return;
    OpenPeriod(rep_.project_start, rep_.project_end);
    if (ind.has_life_of_project_target()) {
      xml_.Open("target");
      if (!qualitative_) xml_.Attribute("value", FormatNumber(ind.life_of_project_target()));
      xml_.Close();
    }
    const std::string partial =
        lop != nullptr && lop->partial()
            ? absl::StrCat("Life of project to date: data up to ", report_.as_of(), ".")
            : "";
    for (const v1::Cell* c : lop_cells) Actual(*c, partial);
    xml_.Close();
  }

  void OpenPeriod(Date start, Date end_exclusive) {
    xml_.Open("period");
    xml_.Open("period-start");
    xml_.Attribute("iso-date", start.ToIsoString());
    xml_.Close();
    xml_.Open("period-end");
    xml_.Attribute("iso-date", end_exclusive.AddDays(-1).ToIsoString());
    xml_.Close();
  }

  void Target(const v1::Target& t) {
    xml_.Open("target");
    if (t.has_value() && !qualitative_) xml_.Attribute("value", FormatNumber(t.value()));
    Dimensions(t.cell());
    if (!t.note().empty()) Comment(t.note(), false);
    xml_.Close();
  }

  // A computed value; `partial` is the comment of a partial period.
  void Actual(const v1::Cell& cell, const std::string& partial) {
    xml_.Open("actual");
    std::vector<std::string> comments;
    if (cell.status() == v1::SUPPRESSED) {
      // The value is left out, and so is why it was withheld: saying it is
      // below k would tell part of it.
      comments.push_back(kWithheld);
    } else {
      xml_.Attribute("value", FormatNumber(cell.value()));
      if (std::find(cell.flags().begin(), cell.flags().end(), v1::ROUNDED) != cell.flags().end()) {
        comments.push_back(RoundingNote());
      }
    }
    if (!partial.empty()) comments.push_back(partial);
    Dimensions(cell.coordinates());
    if (!comments.empty()) Comment(absl::StrJoin(comments, " "), true);
    xml_.Close();
  }

  // An entered value of a reported indicator.
  void Reported(const v1::Indicator& ind, const v1::ReportedValue& r) {
    xml_.Open("actual");
    std::string comment;
    switch (r.value_case()) {
      case v1::ReportedValue::kNumber:
        xml_.Attribute("value", FormatNumber(r.number()));
        break;
      case v1::ReportedValue::kFlag:
        xml_.Attribute("value", r.flag() ? "1" : "0");
        break;
      case v1::ReportedValue::kLevel: {
        // Ordinal: the level's rank on the scale (1 = lowest), named in
        // the comment.
        const auto& levels = ind.measure().ordinal().levels();
        const auto it = std::find(levels.begin(), levels.end(), r.level());
        if (it != levels.end()) {
          xml_.Attribute("value", absl::StrCat(it - levels.begin() + 1));
        }
        comment = r.level();
        break;
      }
      case v1::ReportedValue::kNarrative:
        comment = r.narrative();
        break;
      default: break;
    }
    Dimensions(r.cell());
    if (!comment.empty()) Comment(comment, false);
    xml_.Close();
  }

  const FrameworkRep& rep_;
  const v1::Framework& fw_;
  const v1::Report& report_;
  const DonorRenderOptions& options_;
  const std::string generated_;
  std::string default_language_;
  std::map<std::string, const v1::IndicatorResult*> results_;
  // The measure of the indicator being written is qualitative: IATI wants
  // no @value then.
  bool qualitative_ = false;
  XmlWriter xml_;
  std::vector<std::string> notes_;
};

// Appends an error for every element IATI requires that the project lacks.
void CheckProjectForIati(const v1::Project& p, DiagnosticSink& sink) {
  if (p.iati_identifier().empty()) {
    sink.Error("project.iati_identifier",
               "the IATI export needs the activity identifier: the reporting organisation's "
               "ref, a hyphen and the activity's own id, e.g. \"XM-DAC-47066-CT-2025-NPL\"");
  }
  if (p.reporting_org().ref().empty()) {
    sink.Error("project.reporting_org.ref",
               "the IATI export needs the reporting organisation's IATI identifier (ref), "
               "e.g. \"XM-DAC-47066\"");
  }
  if (p.reporting_org().type().empty()) {
    sink.Error("project.reporting_org.type",
               "the IATI export needs the reporting organisation's OrganisationType code "
               "(type), e.g. \"21\" (international NGO)");
  }
  if (p.reporting_org().name().empty()) {
    sink.Error("project.reporting_org.name",
               "the IATI export needs the reporting organisation's name");
  }
  if (p.description().empty()) {
    sink.Error("project.description", "the IATI export needs a description of the project");
  }
  if (p.activity_status().empty()) {
    sink.Error("project.activity_status",
               "the IATI export needs the ActivityStatus code (activity_status), e.g. \"2\" "
               "(implementation)");
  }
  if (p.participating_orgs_size() == 0) {
    sink.Error("project.participating_orgs",
               "the IATI export needs at least one participating organisation with its role "
               "(1 funding, 2 accountable, 3 extending, 4 implementing)");
  }
  for (int i = 0; i < p.participating_orgs_size(); ++i) {
    const v1::Organisation& org = p.participating_orgs(i);
    const std::string path = absl::StrCat("project.participating_orgs[", i, "]");
    if (org.role().empty()) {
      sink.Error(path + ".role",
                 "a participating organisation needs its OrganisationRole code (role): 1 "
                 "funding, 2 accountable, 3 extending, 4 implementing");
    }
    if (org.ref().empty() && org.name().empty()) {
      sink.Error(path, "a participating organisation needs a ref or a name");
    }
  }
}

}  // namespace

absl::StatusOr<DonorDocument> RenderIati(const Framework& framework,
                                         const v1::Report& publication,
                                         const DonorRenderOptions& options,
                                         Diagnostics* diagnostics) {
  if (publication.protection() != v1::PUBLISHED) {
    return absl::FailedPreconditionError(
        "the IATI export reads a publication, and this report is not one (protection is not "
        "PUBLISHED): raw results are for the data owner; protect them with disclosure control "
        "first");
  }
  const FrameworkRep& rep = internal::ModelAccess::Rep(framework);
  if (publication.project_id() != rep.proto.project().id()) {
    return absl::InvalidArgumentError(
        absl::StrCat("the report is of project ", Quoted(publication.project_id()),
                     " but the framework is of project ", Quoted(rep.proto.project().id())));
  }
  for (const v1::IndicatorResult& ir : publication.indicators()) {
    if (!rep.indicators.contains(ir.indicator_id())) {
      return absl::InvalidArgumentError(
          absl::StrCat("the report holds indicator ", Quoted(ir.indicator_id()),
                       ", which the framework does not define: render a report with the "
                       "framework it was computed from"));
    }
  }
  std::string generated = options.generated_datetime;
  if (generated.empty()) {
    if (!Date::ParseIso(publication.as_of())) {
      return absl::InvalidArgumentError(
          absl::StrCat("the report's as-of date ", Quoted(publication.as_of()),
                       " is not a date (YYYY-MM-DD); it dates the IATI file"));
    }
    generated = publication.as_of() + "T00:00:00Z";
  } else if (!IsXsdDateTime(generated)) {
    return absl::InvalidArgumentError(
        absl::StrCat("generated_datetime ", Quoted(generated),
                     " is not an xsd:dateTime such as \"2026-07-01T09:00:00Z\""));
  }
  Diagnostics local;
  DiagnosticSink sink(&rep.source, &local);
  CheckProjectForIati(rep.proto.project(), sink);
  if (diagnostics != nullptr) diagnostics->insert(diagnostics->end(), local.begin(), local.end());
  if (sink.has_errors()) return StatusFromDiagnostics(local);
  return IatiRenderer(rep, publication, options, std::move(generated)).Render();
}

}  // namespace ctind
