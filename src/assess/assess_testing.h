// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Test fixture of the assessment tests (test-only, included by *_test.cc):
// a small case table whose quarterly counts are chosen so that targets
// land on the rules' edges, evaluated by the real engine.
//
// Persons identified per quarter (every person once, so distinct counts
// are plain counts), all aged 30:
//   2025Q1 (2025-02-15): 17 = 10 Feminine + 7 Masculine
//   2025Q2 (2025-05-15): 23 = 12 Feminine + 11 Masculine
//   2025Q3 (2025-08-15): 16 =  8 Feminine + 8 Masculine
//   2025Q4:               0
//   2026Q1 (2026-02-15):  5 =  3 Feminine + 2 Masculine
// Project 2025-01-01 to 2026-12-31; as-of 2026-03-31 (the last day of
// 2026Q1), so the periods are 2025Q1 … 2026Q1, none partial, and the life
// of project (61 persons: 33 Feminine, 28 Masculine) is partial.

#ifndef CTIND_ASSESS_ASSESS_TESTING_H_
#define CTIND_ASSESS_ASSESS_TESTING_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "ctind/dataset.h"
#include "ctind/engine.h"
#include "ctind/model.h"
#include "ctind/v1/report.pb.h"
#include "engine/test_cell_key.h"

namespace ctind {
namespace assess_testing {

inline constexpr char kSchema[] = R"pb(
id: "assess-test"
code_lists { id: "gender" codes { value: "Feminine" } codes { value: "Masculine" } }
tables {
  name: "cases" key: "case_id" person: "person_id"
  fields { name: "case_id" type: STRING role: IDENTIFIER }
  fields { name: "person_id" type: STRING role: IDENTIFIER }
  fields { name: "prs_Gender" type: CATEGORY code_list: "gender" }
  fields { name: "identified_on" type: DATE }
  fields { name: "age" type: INT64 }
}
)pb";

inline constexpr char kProject[] = R"pb(
schema_id: "assess-test"
project { id: "P" title: "Assessment test project" start_date: "2025-01-01" end_date: "2026-12-31" }
)pb";

// A distinct count of persons per quarter, for indicator bodies.
inline constexpr char kPersonsPerQuarter[] = R"pb(
  measure { value { table: "cases" count_distinct: "person_id" } }
  period { by: "identified_on" every: QUARTERLY }
)pb";

// The case table described at the top of this file.
inline std::string CasesCsv() {
  struct Quarter {
    const char* date;
    int feminine;
    int masculine;
  };
  const Quarter quarters[] = {
      {"2025-02-15", 10, 7}, {"2025-05-15", 12, 11}, {"2025-08-15", 8, 8}, {"2026-02-15", 3, 2}};
  std::string csv = "case_id,person_id,prs_Gender,identified_on,age\n";
  int n = 0;
  for (const Quarter& q : quarters) {
    for (int i = 0; i < q.feminine + q.masculine; ++i) {
      ++n;
      absl::StrAppend(&csv, "C", n, ",P", n, ",", i < q.feminine ? "Feminine" : "Masculine", ",",
                      q.date, ",30\n");
    }
  }
  return csv;
}

struct Evaluated {
  std::optional<Framework> framework;
  v1::Report report;
};

// Parses kProject + `indicators` (text of `indicators { … }` blocks and
// any other framework fields), compiles it against kSchema and evaluates
// it over `cases_csv` (default CasesCsv()) as of `as_of`.
inline absl::StatusOr<Evaluated> Evaluate(const std::string& indicators,
                                          const char* as_of = "2026-03-31",
                                          const std::string& project = kProject,
                                          std::optional<std::string> cases_csv = std::nullopt) {
  absl::StatusOr<Schema> schema = Schema::Parse(kSchema, ProtoFormat::kText, "schema");
  if (!schema.ok()) return schema.status();
  Dataset dataset(*schema);
  absl::Status loaded = dataset.LoadCsv("cases", cases_csv ? *cases_csv : CasesCsv(), "cases.csv");
  if (!loaded.ok()) return loaded;
  absl::StatusOr<Framework> framework =
      Framework::Parse(project + indicators, ProtoFormat::kText, "framework");
  if (!framework.ok()) return framework.status();
  absl::StatusOr<Plan> plan = Plan::Compile(*framework, *schema);
  if (!plan.ok()) return plan.status();
  EvaluateOptions options;
  options.as_of = Date::ParseIso(as_of);
  absl::StatusOr<Results> results = ::ctind::Evaluate(*plan, dataset, options);
  if (!results.ok()) return results.status();
  Evaluated out;
  out.framework = *framework;
  out.report = results->proto();
  return out;
}

// The indicator result of `id` in `report`, or null.
inline v1::IndicatorResult* Find(v1::Report* report, const std::string& id) {
  for (v1::IndicatorResult& ir : *report->mutable_indicators()) {
    if (ir.indicator_id() == id) return &ir;
  }
  return nullptr;
}

// Marks `cell` suppressed as disclosure control does (engine/test_cell_key.h).
using testing_cells::Suppress;

}  // namespace assess_testing
}  // namespace ctind

#endif  // CTIND_ASSESS_ASSESS_TESTING_H_
