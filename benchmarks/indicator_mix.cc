// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "indicator_mix.h"

#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "synthetic.h"

namespace ctind {
namespace bench {
namespace {

// A text-format string literal.
std::string Q(const std::string& s) { return absl::StrCat("\"", absl::CEscape(s), "\""); }

enum class On { kVictims, kCases, kServices };

const char* TableOf(On on) {
  switch (on) {
    case On::kVictims:
      return "victims";
    case On::kCases:
      return "cases";
    case On::kServices:
      return "services";
  }
  return "";
}

// The four breakdowns, reaching the victim's fields through the links.
std::string Breakdowns(On on) {
  const char* prefix = on == On::kVictims ? "" : (on == On::kCases ? "person." : "case.person.");
  const char* age = on == On::kVictims ? "age_band" : (on == On::kCases ? "case_age_band" : "service_age_band");
  return absl::StrCat("  disaggregate_by { dimensions: \"", prefix, "prs_Gender\" }\n",
                      "  disaggregate_by { dimensions: \"", age, "\" }\n",
                      "  disaggregate_by { dimensions: \"", prefix, "prs_Citizenship\" }\n",
                      "  disaggregate_by { dimensions: \"", prefix, "vic_TypeOfExploitation\" }\n");
}

// One indicator of the mix, before its breakdowns.
struct Def {
  std::string id;
  std::string title;
  On on = On::kVictims;
  std::string unit;
  std::string measure;  // the measure { … } text
  std::string where;    // indicator filter, may be empty
  std::string placing;  // FLOW placing date; empty for a stock
  std::string stock;    // "STOCK_AT_END" / "STOCK_DURING" (on opened_on..closed_on)
  int window_days = 0;
  bool cumulative = false;
};

std::string Aggregate(On on, const std::string& function, const std::string& where = "") {
  std::string out = absl::StrCat("table: \"", TableOf(on), "\" ", function);
  if (!where.empty()) absl::StrAppend(&out, " where: ", Q(where));
  return out;
}
std::string Value(On on, const std::string& function, const std::string& where = "") {
  return absl::StrCat("measure { value { ", Aggregate(on, function, where), " } }");
}
std::string Percent(On on, const std::string& numerator_where, const std::string& function = "count: true") {
  return absl::StrCat("measure { ratio {\n    numerator { ", Aggregate(on, function, numerator_where),
                      " }\n    denominator { ", Aggregate(on, function), " }\n    factor: 100 } }");
}

Def Make(std::string id, std::string title, On on, std::string unit, std::string measure,
         std::string where, std::string placing) {
  Def d;
  d.id = std::move(id);
  d.title = std::move(title);
  d.on = on;
  d.unit = std::move(unit);
  d.measure = std::move(measure);
  d.where = std::move(where);
  d.placing = std::move(placing);
  return d;
}

// The 50 indicators; `k` shifts day thresholds (variants for planning
// benchmarks; 0 for the mix itself).
std::vector<Def> Mix(int k) {
  const On V = On::kVictims, C = On::kCases, S = On::kServices;
  const std::string persons = "count_distinct: \"person_id\"";
  const std::string count = "count: true";
  auto days = [k](int d) { return absl::StrCat(d + k); };
  const std::string child = "age_at(birth_date, identified_on) < 18";
  std::vector<Def> m;
  // Victims.
  m.push_back(Make("V01", "Victims identified", V, "persons", Value(V, persons), "", "identified_on"));
  m.back().cumulative = true;
  m.push_back(Make("V02", "Actual victims identified", V, "persons", Value(V, persons),
                   "vic_TraffickingStatus = \"ActualVictimOfTrafficking\"", "identified_on"));
  m.back().cumulative = true;
  m.push_back(Make("V03", "Possible victims identified", V, "persons", Value(V, persons),
                   "vic_TraffickingStatus = \"PossibleVictimOfTrafficking\"", "identified_on"));
  m.push_back(Make("V04", "Child victims identified", V, "persons", Value(V, persons), child, "identified_on"));
  m.push_back(Make("V05", "Adult victims identified", V, "persons", Value(V, persons),
                   "age_at(birth_date, identified_on) >= 18", "identified_on"));
  m.push_back(Make("V06", "Women and girls identified", V, "persons", Value(V, persons),
                   "prs_Gender in [\"Feminine\", \"TransgenderFeminine\"]", "identified_on"));
  m.push_back(Make("V07", "Foreign nationals identified", V, "persons", Value(V, persons),
                   "prs_Citizenship != \"TH\"", "identified_on"));
  m.push_back(Make("V08", "Victims of forced labour", V, "persons", Value(V, persons),
                   "has(vic_TypeOfExploitation, \"ForcedLabour\")", "identified_on"));
  m.push_back(Make("V09", "Victims of sexual exploitation", V, "persons", Value(V, persons),
                   "has(vic_TypeOfExploitation, \"SexualExploitation\")", "identified_on"));
  m.push_back(Make("V10", "Victims of forced marriage or servitude", V, "persons", Value(V, persons),
                   "has(vic_TypeOfExploitation, \"ForcedMarriage\") or has(vic_TypeOfExploitation, \"Servitude\")",
                   "identified_on"));
  m.push_back(Make("V11", "Children in child labour or forced begging", V, "persons", Value(V, persons),
                   child + " and (has(vic_TypeOfExploitation, \"ChildLabour\") or "
                           "has(vic_TypeOfExploitation, \"ForcedBegging\"))",
                   "identified_on"));
  m.push_back(Make("V12", "Victims identified by referral", V, "persons", Value(V, persons),
                   "identification_channel = \"Referral\"", "identified_on"));
  m.push_back(Make("V13", "Victims identified by law enforcement or hotline", V, "persons",
                   Value(V, persons), "identification_channel in [\"LawEnforcement\", \"Hotline\"]",
                   "identified_on"));
  m.push_back(Make("V14", "Namibian victims identified", V, "persons", Value(V, persons),
                   "prs_Citizenship = \"NA\"", "identified_on"));
  m.push_back(Make("V15", "Victims with a case", V, "persons", Value(V, persons), "count(cases) >= 1",
                   "identified_on"));
  m.push_back(Make("V16", "Victims with a case opened within 7 days", V, "persons", Value(V, persons),
                   "exists(cases where opened_on <= add_days(outer.identified_on, " + days(7) + "))",
                   "identified_on"));
  m.push_back(Make("V17", "Victims with two or more cases", V, "persons", Value(V, persons),
                   "count(cases) >= 2", "identified_on"));
  m.push_back(Make("V18", "Victims whose case was opened", C, "persons", Value(C, persons), "", "opened_on"));
  m.back().cumulative = true;
  m.push_back(Make("V19", "Victims whose case was closed", C, "persons", Value(C, persons),
                   "not is_missing(closed_on)", "closed_on"));
  m.push_back(Make("V20", "Victims in an open case at the end of the quarter", C, "persons",
                   Value(C, persons), "", ""));
  m.back().stock = "STOCK_AT_END";
  // Cases.
  m.push_back(Make("C01", "Cases opened", C, "cases", Value(C, count), "", "opened_on"));
  m.back().cumulative = true;
  m.push_back(Make("C02", "Cases closed", C, "cases", Value(C, count), "not is_missing(closed_on)", "closed_on"));
  m.push_back(Make("C03", "Cases opened and still active", C, "cases", Value(C, count),
                   "cas_Status = \"Active\"", "opened_on"));
  m.push_back(Make("C04", "Cases opened and in follow-up", C, "cases", Value(C, count),
                   "cas_Status = \"FollowUp\"", "opened_on"));
  m.push_back(Make("C05", "Cases closed (completed)", C, "cases", Value(C, count),
                   "cas_Status = \"Closed\"", "closed_on"));
  m.push_back(Make("C06", "Cases closed by referral", C, "cases", Value(C, count),
                   "cas_Status = \"ClosedReferred\"", "closed_on"));
  m.push_back(Make("C07", "Open cases at the end of the quarter", C, "cases", Value(C, count), "", ""));
  m.back().stock = "STOCK_AT_END";
  m.push_back(Make("C08", "Cases active during the quarter", C, "cases", Value(C, count), "", ""));
  m.back().stock = "STOCK_DURING";
  m.push_back(Make("C09", "Cases of children opened", C, "cases", Value(C, count),
                   "age_at(person.birth_date, opened_on) < 18", "opened_on"));
  m.push_back(Make("C10", "Cases opened without any service", C, "cases", Value(C, count),
                   "count(services) = 0", "opened_on"));
  // Percentages.
  m.push_back(Make("P01", "% of cases with a first service within 30 days", C, "%",
                   Percent(C, "exists(services where provided_on <= add_days(outer.opened_on, " +
                                  days(30) + "))"),
                   "", "opened_on"));
  m.back().window_days = 30 + k;
  m.push_back(Make("P02", "% of victims with a first service within 30 days of identification", V,
                   "%",
                   Percent(V, "exists(cases where exists(services where provided_on <= "
                              "add_days(outer.person.identified_on, " + days(30) + ")))",
                           persons),
                   "", "identified_on"));
  m.back().window_days = 30 + k;
  m.push_back(Make("P03", "% of cases opened that are closed", C, "%", Percent(C, "not is_missing(closed_on)"),
                   "", "opened_on"));
  m.push_back(Make("P04", "% of victims identified who are children", V, "%", Percent(V, child, persons), "",
                   "identified_on"));
  m.push_back(Make("P05", "% of victims identified confirmed as victims", V, "%",
                   Percent(V, "vic_TraffickingStatus = \"ActualVictimOfTrafficking\"", persons), "",
                   "identified_on"));
  m.push_back(Make("P06", "% of cases closed within 90 days", C, "%",
                   Percent(C, "days_between(opened_on, closed_on) <= " + days(90)),
                   "not is_missing(closed_on)", "closed_on"));
  m.push_back(Make("P07", "% of closed cases closed by referral", C, "%",
                   Percent(C, "cas_Status = \"ClosedReferred\""), "not is_missing(closed_on)", "closed_on"));
  m.push_back(Make("P08", "% of cases opened with a shelter service", C, "%",
                   Percent(C, "exists(services where service_type = \"Shelter\")"), "", "opened_on"));
  // Means and medians.
  m.push_back(Make("M01", "Mean days to closure", C, "days",
                   Value(C, "mean: \"days_between(opened_on, closed_on)\""), "", "closed_on"));
  m.push_back(Make("M02", "Median days to closure", C, "days",
                   Value(C, "median: \"days_between(opened_on, closed_on)\""), "", "closed_on"));
  m.push_back(Make("M03", "Mean services per case", C, "services", Value(C, "mean: \"count(services)\""), "",
                   "opened_on"));
  m.push_back(Make("M04", "Median services per case", C, "services", Value(C, "median: \"count(services)\""),
                   "", "opened_on"));
  m.push_back(Make("M05", "Mean age at identification", V, "years",
                   Value(V, "mean: \"age_at(birth_date, identified_on)\""), "", "identified_on"));
  m.push_back(Make("M06", "Median days from opening to the first service", C, "days",
                   Value(C, "median: \"days_between(opened_on, min(services.provided_on))\""), "",
                   "opened_on"));
  // Services.
  m.push_back(Make("S01", "Services provided", S, "services", Value(S, count), "", "provided_on"));
  m.push_back(Make("S02", "Medical services provided", S, "services", Value(S, count),
                   "service_type = \"Medical\"", "provided_on"));
  m.push_back(Make("S03", "Shelter services provided", S, "services", Value(S, count),
                   "service_type = \"Shelter\"", "provided_on"));
  m.push_back(Make("S04", "Legal and psychosocial services provided", S, "services", Value(S, count),
                   "service_type in [\"Legal\", \"Psychosocial\"]", "provided_on"));
  m.push_back(Make("S05", "Victims served", S, "persons", Value(S, "count_distinct: \"case.person_id\""), "",
                   "provided_on"));
  m.back().cumulative = true;
  m.push_back(Make("S06", "Cases served", S, "cases", Value(S, "count_distinct: \"case_id\""), "",
                   "provided_on"));
  return m;
}

void AppendIndicator(const Def& d, int k, std::string* out) {
  const std::string suffix = k == 0 ? "" : absl::StrCat("-v", k);
  absl::StrAppend(out, "indicators {\n  id: ", Q(d.id + suffix), " title: ", Q(d.title), " unit: ", Q(d.unit),
                  "\n  ", d.measure, "\n");
  std::string where = d.where;
  if (k > 0) {
    // Variants differ in their filters too, not only in their thresholds.
    const std::string date = d.placing.empty() ? "opened_on" : d.placing;
    const std::string extra = absl::StrCat(date, " >= add_days(date(\"", kProjectStart, "\"), ", k, ")");
    where = where.empty() ? extra : absl::StrCat("(", where, ") and ", extra);
  }
  if (!where.empty()) absl::StrAppend(out, "  where: ", Q(where), "\n");
  if (d.stock.empty()) {
    absl::StrAppend(out, "  period { by: ", Q(d.placing), " every: QUARTERLY");
    if (d.window_days > 0) absl::StrAppend(out, " window { days: ", d.window_days, " }");
    absl::StrAppend(out, " }\n");
  } else {
    absl::StrAppend(out, "  period { every: QUARTERLY kind: ", d.stock,
                    " opened: \"opened_on\" closed: \"closed_on\" }\n");
  }
  if (d.cumulative) absl::StrAppend(out, "  cumulation: CUMULATIVE\n");
  absl::StrAppend(out, Breakdowns(d.on), "}\n");
}

std::string ProjectText() {
  return absl::StrCat("project { id: \"BENCH\" title: \"Benchmark project\" start_date: \"",
                                 kProjectStart, "\" end_date: \"", kProjectEnd, "\" }\n",
                                 "schema_id: \"ctind-bench\"\n");
}

}  // namespace

std::string SingleIndicatorText(int index) {
  std::string out = ProjectText();
  AppendIndicator(Mix(0).at(static_cast<size_t>(index)), 0, &out);
  return out;
}

std::string MixIndicatorId(int index) { return Mix(0).at(static_cast<size_t>(index)).id; }

std::string IndicatorMixText(int indicators) {
  std::string out = ProjectText();
  if (indicators <= 10) {
    // One or two of each group.
    static const char* const kTen[] = {"V01", "V04", "V08", "V18", "C01", "C07", "P01", "M01", "M03", "S05"};
    const std::vector<Def> mix = Mix(0);
    for (int i = 0; i < indicators && i < 10; ++i) {
      for (const Def& d : mix) {
        if (d.id == kTen[i]) AppendIndicator(d, 0, &out);
      }
    }
    return out;
  }
  int written = 0;
  for (int k = 0; written < indicators; ++k) {
    for (const Def& d : Mix(k)) {
      if (written == indicators) break;
      AppendIndicator(d, k, &out);
      ++written;
    }
  }
  return out;
}

absl::StatusOr<Framework> IndicatorMix(int indicators) {
  return Framework::Parse(IndicatorMixText(indicators), ProtoFormat::kText,
                          absl::StrCat("mix", indicators, ".textproto"));
}

}  // namespace bench
}  // namespace ctind
