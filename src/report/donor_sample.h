// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Test-only: the sample publication of the donor-format tests (the IATI and
// DHIS2 unit tests, and tests/donor/render_donor_samples.cc whose output
// xmllint validates). A small framework and CSV go through the engine; the
// raw report is then made a publication by hand, suppressing the cells that
// disclosure control (k = 5) would withhold, so that the renderers are
// tested on the engine's real output without depending on the disclosure
// module. Values are worked out in the comments.

#ifndef CTIND_REPORT_DONOR_SAMPLE_H_
#define CTIND_REPORT_DONOR_SAMPLE_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "ctind/engine.h"
#include "ctind/render_donor.h"
#include "ctind/v1/report.pb.h"
#include "engine/test_cell_key.h"

namespace ctind {
namespace donor_sample {

inline constexpr char kSchema[] = R"pb(
id: "donor-sample"
code_lists { id: "gender" codes { value: "Feminine" } codes { value: "Masculine" } }
tables {
  name: "identifications" key: "record_id" person: "person_id"
  fields { name: "record_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "person_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "prs_Gender" type: CATEGORY code_list: "gender" }
  fields { name: "identified_on" type: DATE required: true }
  fields { name: "referred" type: BOOL }
})pb";

// Record ids R01…R24 and person ids P01…P21 must never reach a donor file.
// Q1: 8 records of 7 persons (P01 twice): Feminine P01 P02 P05 P06 P07,
//     Masculine P03, gender missing P04; referred R01 R02 R04 R06 R08.
// Q2: 12 records of 11 persons (P10 twice): Masculine P08 P09 P11 P12 P13,
//     Feminine P10 P14 P15 P16 P17 P18; referred R09 R10 R12 R14 R16 R19.
// Q3 up to the as-of date 2025-08-15: 3 records (P19 F, P08 M, P20 F),
//     referred R21 R22; R24 (2025-08-16) is after the as-of date.
inline constexpr char kIdentifications[] =
    "record_id,person_id,prs_Gender,identified_on,referred\n"
    "R01,P01,Feminine,2025-01-10,true\n"
    "R02,P02,Feminine,2025-02-03,true\n"
    "R03,P03,Masculine,2025-02-20,false\n"
    "R04,P01,Feminine,2025-03-05,true\n"
    "R05,P04,,2025-03-30,false\n"
    "R06,P05,Feminine,2025-03-31,true\n"
    "R07,P06,Feminine,2025-01-15,false\n"
    "R08,P07,Feminine,2025-02-14,true\n"
    "R09,P08,Masculine,2025-04-01,true\n"
    "R10,P09,Masculine,2025-05-10,true\n"
    "R11,P10,Feminine,2025-05-11,false\n"
    "R12,P11,Masculine,2025-06-30,true\n"
    "R13,P12,Masculine,2025-06-02,false\n"
    "R14,P13,Masculine,2025-04-20,true\n"
    "R15,P14,Feminine,2025-06-15,false\n"
    "R16,P15,Feminine,2025-05-05,true\n"
    "R17,P16,Feminine,2025-04-04,false\n"
    "R18,P17,Feminine,2025-06-06,false\n"
    "R19,P18,Feminine,2025-05-25,true\n"
    "R20,P10,Feminine,2025-06-20,false\n"
    "R21,P19,Feminine,2025-07-03,true\n"
    "R22,P08,Masculine,2025-07-10,true\n"
    "R23,P20,Feminine,2025-08-15,false\n"
    "R24,P21,Feminine,2025-08-16,true\n";

inline constexpr char kAsOf[] = "2025-08-15";

// User text with every character XML and spreadsheets treat specially.
inline constexpr char kFramework[] = R"pb(
schema_id: "donor-sample"
project {
  id: "CT-2025-NPL"
  title: "Protection of victims of trafficking in Nepal"
  title_translations { lang: "fr" text: "Protection des victimes de la traite au Népal" }
  title_translations { lang: "es" text: "Protección de víctimas de la trata en Nepal" }
  description: "Identification & referral of victims <18 and adults to \"safe\" shelters."
  description_translations { lang: "fr" text: "Identification et orientation des victimes." }
  start_date: "2025-01-01"
  end_date: "2025-12-31"
  iati_identifier: "XM-DAC-47066-CT-2025-NPL"
  reporting_org {
    ref: "XM-DAC-47066" type: "40" name: "International Organization for Migration"
    name_translations { lang: "fr" text: "Organisation internationale pour les migrations" }
  }
  participating_orgs { ref: "XM-DAC-47066" type: "40" role: "4" name: "International Organization for Migration" }
  participating_orgs { ref: "GB-GOV-1" type: "10" role: "1" name: "Donor & Partners" }
  recipient_countries: "NP"
  currency: "USD"
  languages: "fr"
  activity_status: "2"
}
results { id: "G1" code: "1" level: GOAL title: "Trafficking in persons is reduced" }
results {
  id: "O1" code: "1.1" level: OUTCOME parent: "G1"
  title: "Victims are identified and referred"
  title_translations { lang: "fr" text: "Les victimes sont identifiées et orientées" }
}
results { id: "OP1" code: "1.1.1" level: OUTPUT parent: "O1" title: "Communities are aware of trafficking" }
indicators {
  id: "PROT-01" code: "1.1.a"
  title: "Victims identified (<18 & \"minors\") =1+1"
  title_translations { lang: "fr" text: "Victimes identifiées" }
  description: "Distinct persons identified as victims in the quarter."
  result: "O1" level: OUTCOME_INDICATOR unit: "persons"
  measure { value { table: "identifications" count_distinct: "person_id" } }
  period { by: "identified_on" every: QUARTERLY }
  disaggregate_by { dimensions: "prs_Gender" }
  direction: INCREASE
  baseline { value: 30 date: "2024-12-31" note: "2024 annual report" }
  targets { period: "2025Q1" value: 8 }
  targets { period: "2025Q2" value: 10 }
  targets { period: "2025Q2" value: 5 cell { dimension: "prs_Gender" value: "Feminine" } }
  targets { period: "2025Q3" value: 10 }
  targets { period: "2025Q4" value: 12 note: "Revised after the mid-term review" }
  life_of_project_target: 40
  references { vocabulary: "SDG" code: "16.2.2" url: "https://unstats.un.org/sdgs/metadata/" }
  references { vocabulary: "US-F" code: "PS.5.1-28" }
  references { vocabulary: "IOM-HANDBOOK" code: "PROT-1" }
}
indicators {
  id: "PROT-02" code: "1.1.b"
  title: "% of identified victims referred to assistance"
  result: "O1" level: OUTCOME_INDICATOR unit: "%"
  measure { ratio {
    numerator { table: "identifications" count: true where: "referred" }
    denominator { table: "identifications" count: true }
    factor: 100 } }
  period { by: "identified_on" every: QUARTERLY }
  direction: INCREASE
  targets { period: "2025Q2" value: 60 }
}
indicators {
  id: "PROT-03" code: "1.1.c"
  title: "Identifications not referred, since the project start"
  result: "O1" level: OUTCOME_INDICATOR unit: "records"
  measure { value { table: "identifications" count: true where: "referred = false" } }
  period { by: "identified_on" every: QUARTERLY }
  cumulation: CUMULATIVE
  direction: DECREASE
  targets { period: "2025Q2" value: 6 }
}
indicators {
  id: "PREV-01" code: "1.1.1.a"
  title: "Awareness sessions held, as field teams describe them"
  result: "OP1" level: OUTPUT_INDICATOR source: REPORTED
  measure { qualitative: true }
  period { every: QUARTERLY }
  reported { period: "2025Q1" narrative: "Sessions in 3 districts; \"good\" turnout & <50 absent." }
  reported { period: "2025Q2" narrative: "Sessions in 5 districts." }
})pb";

using testing_cells::CellKey;   // engine/test_cell_key.h
using testing_cells::Suppress;

// Cells withheld, by indicator: primary cells (1 to 4 persons, or a
// percentage whose numerator or complement is 1 to 4) and complementary
// ones, chosen by hand as disclosure control would.
inline const std::set<std::string>& SuppressedCells(const std::string& indicator) {
  static const auto* const kCells = new std::map<std::string, std::set<std::string>>{
      // Q1: Masculine 1 and unknown 1 are primary, Feminine (5) complementary
      // (the total 7 is published). Q3: 3 persons, 2 F, 1 M. LOP: unknown 1
      // primary, Masculine (6) complementary.
      {"PROT-01",
       {"SCOPE_PERIOD|2025Q1|prs_Gender=Feminine;", "SCOPE_PERIOD|2025Q1|prs_Gender=Masculine;",
        "SCOPE_PERIOD|2025Q1|prs_Gender=unknown;", "SCOPE_PERIOD|2025Q3|",
        "SCOPE_PERIOD|2025Q3|prs_Gender=Feminine;", "SCOPE_PERIOD|2025Q3|prs_Gender=Masculine;",
        "SCOPE_PERIOD|2025Q3|prs_Gender=unknown;", "SCOPE_LIFE_OF_PROJECT|LOP|prs_Gender=Masculine;",
        "SCOPE_LIFE_OF_PROJECT|LOP|prs_Gender=unknown;"}},
      // Q1 5 of 8 (complement 3) and Q3 2 of 3 are primary; LOP 13 of 23
      // would narrow them, so it is complementary.
      {"PROT-02", {"SCOPE_PERIOD|2025Q1|", "SCOPE_PERIOD|2025Q3|", "SCOPE_LIFE_OF_PROJECT|LOP|"}},
      // Not referred: Q1 3 (primary, per period and cumulative), Q3 1; the
      // Q3 cumulative (10) and LOP (10) less the Q2 cumulative (9) would
      // give Q3's 1, so they are withheld too.
      {"PROT-03",
       {"SCOPE_PERIOD|2025Q1|", "SCOPE_CUMULATIVE|2025Q1|", "SCOPE_PERIOD|2025Q3|",
        "SCOPE_CUMULATIVE|2025Q3|", "SCOPE_LIFE_OF_PROJECT|LOP|"}},
  };
  static const std::set<std::string> kNone;
  auto it = kCells->find(indicator);
  return it == kCells->end() ? kNone : it->second;
}

// The raw report of the sample, computed by the engine.
inline absl::StatusOr<Results> ComputeRaw(const Framework& framework) {
  absl::StatusOr<Schema> schema = Schema::Parse(kSchema, ProtoFormat::kText, "schema.textproto");
  if (!schema.ok()) return schema.status();
  absl::StatusOr<Plan> plan = Plan::Compile(framework, *schema);
  if (!plan.ok()) return plan.status();
  Dataset dataset(*schema);
  absl::Status loaded = dataset.LoadCsv("identifications", kIdentifications, "identifications.csv");
  if (!loaded.ok()) return loaded;
  EvaluateOptions options;
  options.as_of = Date::ParseIso(kAsOf);
  return Evaluate(*plan, dataset, options);
}

// The publication made from `raw` by hand: the cells of SuppressedCells
// withheld, PUBLISHED with k = 5.
inline v1::Report Publish(const v1::Report& raw) {
  v1::Report report = raw;
  report.set_protection(v1::PUBLISHED);
  report.mutable_publication()->set_min_cell_size(5);
  report.mutable_publication()->set_rounding(v1::NO_ROUNDING);
  for (v1::IndicatorResult& ir : *report.mutable_indicators()) {
    const std::set<std::string>& withheld = SuppressedCells(ir.indicator_id());
    for (v1::Cell& cell : *ir.mutable_cells()) {
      if (withheld.count(CellKey(cell)) > 0) Suppress(&cell);
    }
  }
  return report;
}

struct Sample {
  Framework framework;
  v1::Report publication;
};

inline absl::StatusOr<Sample> MakeSample(const char* framework_text = kFramework) {
  absl::StatusOr<Framework> framework =
      Framework::Parse(framework_text, ProtoFormat::kText, "framework.textproto");
  if (!framework.ok()) return framework.status();
  absl::StatusOr<Results> raw = ComputeRaw(*framework);
  if (!raw.ok()) return raw.status();
  return Sample{*framework, Publish(raw->proto())};
}

// The sample framework with PROT-01's title holding what XML 1.0 cannot
// carry (controls, U+FFFE) or must escape (a CR, a tab, "]]>", quotes).
inline std::string EscapingFramework() {
  std::string text = kFramework;
  const std::string from = "title: \"Victims identified (<18 & \\\"minors\\\") =1+1\"";
  const std::string to =
      "title: \"Ctl\\001\\037 CR\\r tab\\t ]]> 'apos' \\\"q\\\" \\357\\277\\276 \\360\\237\\230\\200\"";
  text.replace(text.find(from), from.size(), to);
  return text;
}

// The DHIS2 mapping of the sample: PROT-01 by gender (its total to a data
// element of its own; unknown not mapped), PROT-02's total in whole
// numbers; PROT-03 not mapped; PREV-01 mapped but entered, not computed.
inline constexpr char kDhis2Mapping[] = R"pb(
id: "moh-ct-quarterly"
title: "National counter-trafficking data set, quarterly"
project_id: "CT-2025-NPL"
data_set: "pBOMPrpg1QX"
org_unit: "DiszpKrYNg8"
indicators {
  indicator: "PROT-01"
  data_element: "f7n9E0hX8qk"
  period_types: QUARTERLY
  cells { data_element: "TotPersId01" }
  cells { cell { dimension: "prs_Gender" value: "Feminine" } category_option_combo: "Prlt0C1RF0s" }
  cells { cell { dimension: "prs_Gender" value: "Masculine" } category_option_combo: "V6L425pT3A0" }
}
indicators { indicator: "PROT-02" data_element: "Ix2HsbDMLea" decimals: 0 }
indicators { indicator: "PREV-01" data_element: "eY5ehpbEsB7" }
)pb";

}  // namespace donor_sample
}  // namespace ctind

#endif  // CTIND_REPORT_DONOR_SAMPLE_H_
