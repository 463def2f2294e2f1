// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Test-only: the sample publication of the HTML report's tests
// (report/html_test.cc, and tests/html/render_html_sample.cc whose output
// headless Chromium opens). A small framework and CSV go through the real
// engine; the raw report is made a publication by hand, suppressing the
// cells disclosure control (k = 5) would withhold, then assessed and turned
// into an IPTT, and the dataset is checked for data quality. Values are
// worked out in the comments; the tests' expectations follow from them.

#ifndef CTIND_REPORT_HTML_SAMPLE_H_
#define CTIND_REPORT_HTML_SAMPLE_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "ctind/assess.h"
#include "ctind/dataset.h"
#include "ctind/engine.h"
#include "ctind/model.h"
#include "ctind/quality.h"
#include "ctind/render_html.h"
#include "ctind/v1/report.pb.h"
#include "engine/test_cell_key.h"

namespace ctind {
namespace html_sample {

// Labels and titles hold what HTML must escape.
inline constexpr char kSchema[] = R"pb(
  id: "html-sample"
  code_lists {
    id: "gender"
    codes {
      value: "Feminine"
      label: "Women & girls"
      label_translations { lang: "fr" text: "Femmes et filles" }
    }
    codes {
      value: "Masculine"
      label: "Men & boys"
      label_translations { lang: "fr" text: "Hommes et garçons" }
    }
  }
  tables {
    name: "identifications"
    key: "record_id"
    person: "person_id"
    fields { name: "record_id" type: STRING role: IDENTIFIER required: true }
    fields { name: "person_id" type: STRING role: IDENTIFIER required: true }
    fields { name: "prs_Gender" title: "Gender <as recorded>" type: CATEGORY code_list: "gender" }
    fields { name: "identified_on" type: DATE }
    fields { name: "referred" type: BOOL }
    fields { name: "days_to_service" type: INT64 }
  }
  tables {
    name: "services"
    key: "service_id"
    fields { name: "service_id" type: STRING role: IDENTIFIER }
    fields { name: "provided_on" type: DATE }
  })pb";

// 27 records; the as-of date 2025-08-15 leaves out R26, and R27 has no
// date (no period). Record ids R01…R27 and person ids P01…P26 must never
// appear in the report.
//
// 2025Q1: 10 records of 9 persons (P01 twice): Feminine P01–P06 (6),
//   Masculine P07–P09 (3). Referred 7 of 10 records; days to service of the
//   referred 5 7 12 9 6 11 6: mean 56 / 7 = 8, over 6 persons.
// 2025Q2: 12 records of 12 persons: Feminine P10–P16 (7), Masculine
//   P17–P21 (5). Referred 7 of 12 (58.333…%); days 8 10 12 10 9 11 10: mean
//   70 / 7 = 10.
// 2025Q3 (partial, to 2025-08-15): 3 persons: Feminine P22 P23, P24 with
//   gender "X" (not a code: invalid, counted as unknown); none referred, no
//   days (mean missing).
// Life of project: 24 persons (Feminine 6 + 7 + 2 = 15, Masculine 3 + 5 =
//   8, unknown 1); referred 14 of 25 records; mean days (56 + 70) / 14 = 9.
inline constexpr char kIdentifications[] =
    "record_id,person_id,prs_Gender,identified_on,referred,days_to_service\n"
    "R01,P01,Feminine,2025-01-10,true,5\n"
    "R02,P02,Feminine,2025-01-20,true,7\n"
    "R03,P03,Feminine,2025-02-03,false,\n"
    "R04,P04,Feminine,2025-02-14,true,12\n"
    "R05,P05,Feminine,2025-03-01,true,9\n"
    "R06,P06,Feminine,2025-03-05,false,\n"
    "R07,P07,Masculine,2025-02-20,true,6\n"
    "R08,P08,Masculine,2025-03-10,false,\n"
    "R09,P09,Masculine,2025-03-31,true,11\n"
    "R10,P01,Feminine,2025-03-20,true,6\n"
    "R11,P10,Feminine,2025-04-02,true,8\n"
    "R12,P11,Feminine,2025-04-15,true,10\n"
    "R13,P12,Feminine,2025-05-06,true,12\n"
    "R14,P13,Feminine,2025-05-20,false,\n"
    "R15,P14,Feminine,2025-06-03,true,10\n"
    "R16,P15,Feminine,2025-06-18,false,\n"
    "R17,P16,Feminine,2025-06-30,true,9\n"
    "R18,P17,Masculine,2025-04-09,true,11\n"
    "R19,P18,Masculine,2025-05-12,false,\n"
    "R20,P19,Masculine,2025-05-28,true,10\n"
    "R21,P20,Masculine,2025-06-10,false,\n"
    "R22,P21,Masculine,2025-06-24,false,\n"
    "R23,P22,Feminine,2025-07-03,false,\n"
    "R24,P23,Feminine,2025-07-15,false,\n"
    "R25,P24,X,2025-08-01,false,\n"
    "R26,P25,Masculine,2025-08-20,true,3\n"
    "R27,P26,Feminine,,true,5\n";

inline constexpr char kAsOf[] = "2025-08-15";

// Hostile text in titles, labels and comments: < & " and =1+1.
inline constexpr char kFramework[] = R"pb(
  schema_id: "html-sample"
  project {
    id: "CT-HTML"
    title: "Safe <migration> & \"return\" =1+1"
    title_translations { lang: "fr" text: "Migration sûre et retour" }
    description: "Identification & referral of victims <18 and adults."
    start_date: "2025-01-01"
    end_date: "2025-12-31"
    languages: "fr"
  }
  disclosure { min_cell_size: 5 }
  results { id: "G1" code: "1" level: GOAL title: "Trafficking in persons is reduced" }
  results {
    id: "O1"
    code: "1.1"
    level: OUTCOME
    parent: "G1"
    pillar: PROTECTION
    title: "Victims are identified & referred"
    title_translations { lang: "fr" text: "Les victimes sont identifiées et orientées" }
    assumptions: "Shelters stay open"
  }
  results {
    id: "OP1"
    code: "1.1.1"
    level: OUTPUT
    parent: "O1"
    pillar: PREVENTION
    title: "Communities know the <risks>"
  }
  results {
    id: "O2"
    code: "1.2"
    level: OUTCOME
    parent: "G1"
    pillar: PARTNERSHIP
    title: "Partners coordinate"
  }
  results {
    id: "O3"
    code: "1.3"
    level: OUTCOME
    parent: "G1"
    pillar: PROSECUTION
    title: "Traffickers are prosecuted"
  }
  indicators {
    id: "PROT-01"
    code: "1.1.a"
    title: "Victims identified (<18 & \"minors\") =1+1"
    title_translations { lang: "fr" text: "Victimes identifiées" }
    description: "Distinct persons identified as victims in the quarter."
    result: "O1"
    level: OUTCOME_INDICATOR
    unit: "persons"
    measure { value { table: "identifications" count_distinct: "person_id" } }
    period { by: "identified_on" every: QUARTERLY }
    disaggregate_by { dimensions: "prs_Gender" }
    direction: INCREASE
    baseline { value: 4 period: "2024Q4" note: "Referral register <2024>" }
    targets {
      period: "2025Q1"
      value: 8
      revisions {
        date: "2025-03-15"
        previous_value: 10
        justification: "Shelter <B> closed & \"moved\""
      }
    }
    targets { period: "2025Q2" value: 10 }
    targets { period: "2025Q3" value: 10 }
    targets { period: "2025Q4" value: 12 }
    life_of_project_target: 40
    deviation_comment: "Q3: floods & \"road closures\" =1+1"
  }
  indicators {
    id: "PROT-02"
    code: "1.1.b"
    title: "% of identified victims referred to assistance"
    result: "O1"
    level: OUTCOME_INDICATOR
    unit: "%"
    measure {
      ratio {
        numerator { table: "identifications" count: true where: "referred" }
        denominator { table: "identifications" count: true }
        factor: 100
      }
    }
    period { by: "identified_on" every: QUARTERLY }
    direction: INCREASE
    targets { period: "2025Q1" value: 60 }
    targets { period: "2025Q2" value: 60 }
    targets { period: "2025Q3" value: 60 }
  }
  indicators {
    id: "PROT-03"
    code: "1.1.c"
    title: "Average days to first service"
    result: "O1"
    level: OUTCOME_INDICATOR
    unit: "days"
    measure { value { table: "identifications" mean: "days_to_service" } }
    period { by: "identified_on" every: QUARTERLY }
    direction: DECREASE
    targets { period: "2025Q1" value: 10 }
    targets { period: "2025Q2" value: 10 }
    targets { period: "2025Q3" value: 10 }
    life_of_project_target: 10
  }
  indicators {
    id: "PREV-01"
    code: "1.1.1.a"
    title: "Awareness sessions held, as field teams describe them"
    result: "OP1"
    level: OUTPUT_INDICATOR
    source: REPORTED
    measure { qualitative: true }
    period { every: QUARTERLY }
    reported {
      period: "2025Q1"
      narrative: "Sessions in 3 districts; \"good\" turnout & <50 absent."
    }
    reported { period: "2025Q2" narrative: "Sessions in 5 districts." }
  }
  indicators {
    id: "PART-01"
    code: "1.2.a"
    title: "Coordination meetings held"
    result: "O2"
    level: OUTPUT_INDICATOR
    source: REPORTED
    unit: "meetings"
    period { every: QUARTERLY }
    direction: INCREASE
    disclosure { non_sensitive: true }
    reported { period: "2025Q1" number: 3 source: "Minutes of the <NRM>" }
    reported { period: "2025Q2" number: 0 source: "Minutes of the <NRM>" }
    targets { period: "2025Q1" value: 2 }
    targets { period: "2025Q2" value: 2 }
    targets { period: "2025Q3" value: 2 }
    targets { period: "2025Q4" value: 2 }
  }
  quality_rules {
    id: "service_within_10_days"
    table: "identifications"
    expression: "days_to_service <= 10"
    message: "First service should come within 10 days & no later"
    severity: WARNING
  })pb";

using testing_cells::CellKey;   // engine/test_cell_key.h
using testing_cells::Suppress;

// Cells withheld, by indicator, chosen by hand as disclosure control
// (k = 5) would.
inline const std::set<std::string>& SuppressedCells(const std::string& indicator) {
  static const auto* const kCells = new std::map<std::string, std::set<std::string>>{
      // Q1: Masculine 3 is primary, Feminine 6 complementary (the total 9
      // is published). Q3: the total 3, Feminine 2 and unknown 1 are
      // primary; Masculine 0 is published (zero is). LOP: unknown 1 is
      // primary, Masculine 8 complementary (the total 24 is published).
      {"PROT-01",
       {"SCOPE_PERIOD|2025Q1|prs_Gender=Feminine;", "SCOPE_PERIOD|2025Q1|prs_Gender=Masculine;",
        "SCOPE_PERIOD|2025Q3|", "SCOPE_PERIOD|2025Q3|prs_Gender=Feminine;",
        "SCOPE_PERIOD|2025Q3|prs_Gender=unknown;",
        "SCOPE_LIFE_OF_PROJECT|LOP|prs_Gender=Masculine;",
        "SCOPE_LIFE_OF_PROJECT|LOP|prs_Gender=unknown;"}},
      // Q1 7 of 10 (complement 3) and Q3 0 of 3 (complement 3) are
      // primary; LOP 14 of 25 less Q2's 7 of 12 would narrow them, so it is
      // complementary. Q2 (7 of 12, complement 5) is published.
      {"PROT-02", {"SCOPE_PERIOD|2025Q1|", "SCOPE_PERIOD|2025Q3|", "SCOPE_LIFE_OF_PROJECT|LOP|"}},
  };
  static const std::set<std::string> kNone;
  auto it = kCells->find(indicator);
  return it == kCells->end() ? kNone : it->second;
}

// The publication made from `raw` by hand: the cells of SuppressedCells
// withheld, PUBLISHED with k = 5 and no rounding.
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
  Schema schema;
  // The engine's output, for tests that compare what is withheld.
  v1::Report raw;
  // Published, then assessed.
  v1::Report publication;
  v1::Iptt iptt;
  std::optional<QualityReport> quality;
};

// Evaluates the sample, publishes it by hand, assesses it, builds its
// IPTT and checks its data quality. `framework_text` replaces kFramework.
inline absl::StatusOr<Sample> MakeSample(const std::string& framework_text = kFramework) {
  absl::StatusOr<Schema> schema = Schema::Parse(kSchema, ProtoFormat::kText, "schema.textproto");
  if (!schema.ok()) return schema.status();
  absl::StatusOr<Framework> framework =
      Framework::Parse(framework_text, ProtoFormat::kText, "framework.textproto");
  if (!framework.ok()) return framework.status();
  absl::StatusOr<Plan> plan = Plan::Compile(*framework, *schema);
  if (!plan.ok()) return plan.status();
  Dataset dataset(*schema);
  absl::Status loaded = dataset.LoadCsv("identifications", kIdentifications, "identifications.csv");
  if (!loaded.ok()) return loaded;
  EvaluateOptions options;
  options.as_of = Date::ParseIso(kAsOf);
  absl::StatusOr<Results> raw = Evaluate(*plan, dataset, options);
  if (!raw.ok()) return raw.status();
  v1::Report publication = Publish(raw->proto());
  if (absl::Status assessed = Assess(*framework, &publication); !assessed.ok()) return assessed;
  absl::StatusOr<v1::Iptt> iptt = BuildIptt(*framework, publication);
  if (!iptt.ok()) return iptt.status();
  QualityOptions quality_options;
  quality_options.as_of = options.as_of;
  absl::StatusOr<QualityReport> quality = CheckQuality(dataset, &*framework, quality_options);
  if (!quality.ok()) return quality.status();
  return Sample{*framework,         *schema, raw->proto(), std::move(publication), *std::move(iptt),
                *std::move(quality)};
}

// The sample's HTML report, with the schema's labels.
inline absl::StatusOr<std::string> RenderSample(const Sample& sample, HtmlOptions options = {}) {
  options.schema = &sample.schema;
  return RenderHtml(sample.framework, sample.publication, sample.iptt, &*sample.quality, options);
}

}  // namespace html_sample
}  // namespace ctind

#endif  // CTIND_REPORT_HTML_SAMPLE_H_
