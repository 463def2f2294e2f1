// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Test helpers for the catalog's hand-worked fixtures (test-only, included
// by *_test.cc): the case schema and the catalog's indicator definitions
// read from the source tree (CTIND_CATALOG_DIR), a framework of chosen
// catalog indicators around a test project, small CSV fixtures loaded into
// a dataset, and raw results (no disclosure control: the fixtures' counts
// are below any threshold, and the tests read the raw numbers).

#ifndef CTIND_CATALOG_CATALOG_TESTING_H_
#define CTIND_CATALOG_CATALOG_TESTING_H_

#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "ctind/dataset.h"
#include "ctind/diagnostic.h"
#include "ctind/engine.h"
#include "ctind/model.h"
#include "ctind/v1/framework.pb.h"
#include "ctind/v1/report.pb.h"
#include "engine/test_cells.h"
#include "gtest/gtest.h"

namespace ctind {
namespace catalog_testing {

inline std::string ReadCatalogFile(const std::string& relative) {
  const std::string path = absl::StrCat(CTIND_CATALOG_DIR, "/", relative);
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The catalog's case schema (catalog/schema.textproto), parsed once.
inline const Schema& CaseSchema() {
  static const Schema* schema = [] {
    absl::StatusOr<Schema> s =
        Schema::Parse(ReadCatalogFile("schema.textproto"), ProtoFormat::kText, "schema.textproto");
    EXPECT_TRUE(s.ok()) << s.status();
    return new Schema(*std::move(s));
  }();
  return *schema;
}

// Every indicator of the catalog files, by id (catalog/indicators/*.textproto,
// each a ctind.v1.Framework holding only `indicators`).
inline const std::map<std::string, v1::Indicator>& CatalogIndicators() {
  static const auto* all = [] {
    auto* out = new std::map<std::string, v1::Indicator>;
    for (const char* file : {"prevention", "protection", "prosecution", "partnership"}) {
      const std::string name = absl::StrCat("indicators/", file, ".textproto");
      const std::string text = ReadCatalogFile(name);
      if (text.empty()) continue;
      v1::Framework fw;
      absl::StatusOr<Framework> parsed = Framework::Parse(
          absl::StrCat("project { id: \"catalog\" title: \"catalog\" start_date: \"2025-01-01\" "
                       "end_date: \"2025-12-31\" }\n",
                       text),
          ProtoFormat::kText, name);
      EXPECT_TRUE(parsed.ok()) << name << ": " << parsed.status();
      if (!parsed.ok()) continue;
      for (const v1::Indicator& ind : parsed->proto().indicators()) {
        EXPECT_TRUE(out->emplace(ind.id(), ind).second) << "duplicate catalog id " << ind.id();
      }
    }
    return out;
  }();
  return *all;
}

// A test project over calendar 2025 (quarterly periods 2025Q1..2025Q4),
// holding the catalog indicators `ids` (as the catalog defines them), with
// the population filter `population_filter` when not empty.
inline v1::Framework TestFramework(const std::vector<std::string>& ids,
                                   const std::string& population_filter = "") {
  v1::Framework fw;
  v1::Project* p = fw.mutable_project();
  p->set_id("TEST");
  p->set_title("Catalog fixture");
  p->set_start_date("2025-01-01");
  p->set_end_date("2025-12-31");
  p->set_population_filter(population_filter);
  for (const std::string& id : ids) {
    auto it = CatalogIndicators().find(id);
    EXPECT_NE(it, CatalogIndicators().end()) << "no catalog indicator " << id;
    if (it != CatalogIndicators().end()) *fw.add_indicators() = it->second;
  }
  return fw;
}

// Computes `framework` over the CSV `tables` (table name → CSV text) as of
// `as_of` (default the project's last day) against the case schema; fails
// the test (and returns an empty report) on any error.
inline v1::Report Compute(const v1::Framework& framework,
                          const std::map<std::string, std::string>& tables,
                          const std::string& as_of = "2025-12-31") {
  Diagnostics diagnostics;
  absl::StatusOr<Framework> fw = Framework::FromProto(framework, &diagnostics);
  EXPECT_TRUE(fw.ok()) << fw.status();
  if (!fw.ok()) return {};
  absl::StatusOr<Plan> plan = Plan::Compile(*fw, CaseSchema(), &diagnostics);
  EXPECT_TRUE(plan.ok()) << plan.status();
  if (!plan.ok()) return {};
  Dataset dataset(CaseSchema());
  for (const auto& [table, csv] : tables) {
    const absl::Status loaded = dataset.LoadCsv(table, csv, absl::StrCat(table, ".csv"));
    EXPECT_TRUE(loaded.ok()) << loaded;
  }
  EvaluateOptions options;
  const std::optional<Date> day = Date::ParseIso(as_of);
  EXPECT_TRUE(day.has_value()) << "bad as-of date " << as_of;
  options.as_of = day;
  absl::StatusOr<Results> results = Evaluate(*plan, dataset, options);
  EXPECT_TRUE(results.ok()) << results.status();
  if (!results.ok()) return {};
  return results->proto();
}

// The catalog ids beginning with `prefix` ("PROT-"), in id order.
inline std::vector<std::string> IdsWithPrefix(const std::string& prefix) {
  std::vector<std::string> ids;
  for (const auto& [id, indicator] : CatalogIndicators()) {
    if (id.rfind(prefix, 0) == 0) ids.push_back(id);
  }
  return ids;
}

// Compiles the catalog indicators `ids` together, in a test framework with
// `population_filter`, against the case schema; fails the test on an error
// or any diagnostic.
inline void ExpectCompileTogether(const std::vector<std::string>& ids,
                                  const std::string& population_filter = "") {
  Diagnostics diagnostics;
  absl::StatusOr<Framework> fw = Framework::FromProto(TestFramework(ids, population_filter), &diagnostics);
  ASSERT_TRUE(fw.ok()) << fw.status();
  absl::StatusOr<Plan> plan = Plan::Compile(*fw, CaseSchema(), &diagnostics);
  ASSERT_TRUE(plan.ok()) << plan.status();
  for (const Diagnostic& d : diagnostics) ADD_FAILURE() << d.ToString();
}

// Checks what every catalog definition carries: its id as code, a title and
// description, `pillar`, a level, a direction, a reporting frequency, a
// unit and means of verification — and no project data (result, targets,
// baseline, reported values).
inline void ExpectCatalogDefinition(const v1::Indicator& ind, v1::Pillar pillar) {
  SCOPED_TRACE(ind.id());
  EXPECT_EQ(ind.code(), ind.id());
  EXPECT_FALSE(ind.title().empty());
  EXPECT_FALSE(ind.description().empty());
  EXPECT_EQ(ind.pillar(), pillar);
  EXPECT_NE(ind.level(), v1::INDICATOR_LEVEL_UNSPECIFIED);
  EXPECT_NE(ind.direction(), v1::DIRECTION_UNSPECIFIED);
  EXPECT_NE(ind.period().every(), v1::PERIOD_TYPE_UNSPECIFIED);
  EXPECT_FALSE(ind.unit().empty());
  EXPECT_FALSE(ind.means_of_verification().method().empty());
  EXPECT_FALSE(ind.means_of_verification().data_source().empty());
  EXPECT_FALSE(ind.means_of_verification().collection_frequency().empty());
  EXPECT_TRUE(ind.result().empty());
  EXPECT_EQ(ind.targets_size(), 0);
  EXPECT_EQ(ind.reported_size(), 0);
  EXPECT_FALSE(ind.has_baseline());
}

// The result of indicator `id` in `report` (fails the test when absent).
inline const v1::IndicatorResult& ResultOf(const v1::Report& report, const std::string& id) {
  for (const v1::IndicatorResult& r : report.indicators()) {
    if (r.indicator_id() == id) return r;
  }
  ADD_FAILURE() << "no result for " << id;
  static const v1::IndicatorResult empty;
  return empty;
}

// Cells of indicator `id` keyed "SCOPE|period|dimension=value;…" (see
// engine/test_cells.h), e.g. "SCOPE_PERIOD|2025Q1|" for the Q1 total and
// "SCOPE_LIFE_OF_PROJECT|LOP|prs_Gender=Feminine;"; values with
// testing_cells::PresentValue(cells, key).
inline testing_cells::CellMap CellsOf(const v1::Report& report, const std::string& id) {
  return testing_cells::ByCoordinates(ResultOf(report, id));
}

}  // namespace catalog_testing
}  // namespace ctind

#endif  // CTIND_CATALOG_CATALOG_TESTING_H_
