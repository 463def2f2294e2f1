// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Test helpers for disclosure control: a small person-level schema, persons
// written as CSV from counts, and a run of evaluate + publish on a framework
// given as its indicators' text. Test-only (included by *_test.cc).

#ifndef CTIND_DISCLOSURE_DISCLOSURE_FIXTURE_H_
#define CTIND_DISCLOSURE_DISCLOSURE_FIXTURE_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "ctind/dataset.h"
#include "ctind/engine.h"
#include "ctind/model.h"
#include "ctind/publish.h"
#include "ctind/v1/report.pb.h"
#include "engine/test_cell_key.h"
#include "gtest/gtest.h"

namespace ctind {
namespace disclosure_fixture {

// persons: one record per person (a count of records is a count of
// persons). mechanisms: reference data (NON_SENSITIVE).
constexpr char kSchema[] = R"pb(
id: "disclosure"
code_lists { id: "gender" codes { value: "F" } codes { value: "M" } codes { value: "X" } }
code_lists { id: "forms" codes { value: "Labour" } codes { value: "Sexual" } codes { value: "Other" } }
tables {
  name: "persons" key: "person_id"
  fields { name: "person_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "gender" type: CATEGORY code_list: "gender" }
  fields { name: "age" type: INT64 }
  fields { name: "identified_on" type: DATE }
  fields { name: "served" type: BOOL }
  fields { name: "forms" type: CATEGORY code_list: "forms" multi_valued: true }
}
tables {
  name: "mechanisms" key: "mechanism_id" sensitivity: NON_SENSITIVE
  fields { name: "mechanism_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "set_up_on" type: DATE }
}
dimensions { id: "age_band" age_band { field: "age" bands { lower_bounds: [0, 18] labels: ["child", "adult"] } } }
dimensions { id: "sex" grouping { field: "gender"
  groups { value: "female" members: "F" } groups { value: "male" members: "M" } } }
)pb";

// `count` persons alike.
struct PersonGroup {
  int count = 1;
  std::string gender = "F";
  int age = 30;
  std::string identified_on = "2025-01-15";
  bool served = false;
  std::string forms = "Labour";
};

inline std::string PersonsCsv(const std::vector<PersonGroup>& groups) {
  std::string csv = "person_id,gender,age,identified_on,served,forms\n";
  int next = 1;
  for (const PersonGroup& g : groups) {
    for (int i = 0; i < g.count; ++i) {
      absl::StrAppend(&csv, "P", next++, ",", g.gender, ",", g.age, ",", g.identified_on, ",",
                      g.served ? "true" : "false", ",", g.forms, "\n");
    }
  }
  return csv;
}

struct Run {
  std::optional<Plan> plan;
  std::optional<Results> raw;
  std::optional<Publication> publication;
};

// Evaluates `indicators` (the text of one or more `indicators { … }`
// blocks, plus any other framework fields such as `disclosure { … }`)
// over `persons` in a project [start, end] as of `as_of`, then publishes.
inline Run EvaluateAndPublish(const std::string& indicators, const std::string& persons,
                              const std::string& start, const std::string& end,
                              const std::string& as_of,
                              const std::vector<std::string>& period_types = {},
                              const PublishOptions& options = PublishOptions(),
                              const std::string& mechanisms = "mechanism_id,set_up_on\n") {
  Run run;
  absl::StatusOr<Schema> schema = Schema::Parse(kSchema, ProtoFormat::kText, "schema");
  EXPECT_TRUE(schema.ok()) << schema.status();
  if (!schema.ok()) return run;
  const std::string text = absl::StrCat("schema_id: \"disclosure\"\nproject { id: \"P\" title: \"t\" start_date: \"",
                                        start, "\" end_date: \"", end, "\" }\n", indicators);
  absl::StatusOr<Framework> fw = Framework::Parse(text, ProtoFormat::kText, "framework");
  EXPECT_TRUE(fw.ok()) << fw.status();
  if (!fw.ok()) return run;
  absl::StatusOr<Plan> plan = Plan::Compile(*fw, *schema);
  EXPECT_TRUE(plan.ok()) << plan.status();
  if (!plan.ok()) return run;
  Dataset data(*schema);
  absl::Status loaded = data.LoadCsv("persons", persons, "persons.csv");
  EXPECT_TRUE(loaded.ok()) << loaded;
  loaded = data.LoadCsv("mechanisms", mechanisms, "mechanisms.csv");
  EXPECT_TRUE(loaded.ok()) << loaded;
  EvaluateOptions eo;
  eo.as_of = Date::ParseIso(as_of);
  eo.period_types = period_types;
  absl::StatusOr<Results> raw = Evaluate(*plan, data, eo);
  EXPECT_TRUE(raw.ok()) << raw.status();
  if (!raw.ok()) return run;
  run.plan = *plan;
  run.raw = *raw;
  absl::StatusOr<Publication> pub = Publish(*raw, *plan, options);
  EXPECT_TRUE(pub.ok()) << pub.status();
  if (pub.ok()) run.publication = *pub;
  return run;
}

// "SCOPE|period|dimension=value;…" of a cell (engine/test_cell_key.h).
inline std::string Key(const v1::Cell& c) { return testing_cells::CellKey(c); }

// The suppression reason of every cell of indicator `i`, by key, from the
// data owner's annotated raw results.
inline std::map<std::string, v1::SuppressionReason> Reasons(const Run& run, int i) {
  std::map<std::string, v1::SuppressionReason> out;
  if (!run.publication) return out;
  for (const v1::Cell& c : run.publication->raw_with_reasons().proto().indicators(i).cells()) {
    out[Key(c)] = c.suppression();
  }
  return out;
}

// The published cells of indicator `i`, by key.
inline std::map<std::string, v1::Cell> Published(const Run& run, int i) {
  std::map<std::string, v1::Cell> out;
  if (!run.publication) return out;
  for (const v1::Cell& c : run.publication->results().proto().indicators(i).cells()) out[Key(c)] = c;
  return out;
}

// The keys whose reason is not NOT_SUPPRESSED, with the reason's name.
inline std::map<std::string, std::string> Withheld(const Run& run, int i) {
  std::map<std::string, std::string> out;
  for (const auto& [key, reason] : Reasons(run, i)) {
    if (reason != v1::NOT_SUPPRESSED) out[key] = v1::SuppressionReason_Name(reason);
  }
  return out;
}

}  // namespace disclosure_fixture
}  // namespace ctind

#endif  // CTIND_DISCLOSURE_DISCLOSURE_FIXTURE_H_
