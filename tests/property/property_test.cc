// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The engine against the reference evaluator on random datasets and
// frameworks. Every case is generated from its seed alone:
//   CTIND_PROPERTY_CASES=N      number of seeds (default kDefaultCases)
//   CTIND_PROPERTY_FIRST_SEED=S first seed of the run (default 1)
//   CTIND_PROPERTY_SEED=S       run only seed S, printing the case
//   CTIND_PROPERTY_FILTERS=1    also generate `where` / population filters
//   CTIND_PROPERTY_SUMMARY=1    one line per differing seed
//   CTIND_PROPERTY_STATS=1      print what the compared cases exercised
// On a mismatch the test prints the seed, the framework, the CSV files and
// the first differing cell.

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "ctind/dataset.h"
#include "ctind/engine.h"
#include "ctind/model.h"
#include "ctind/v1/report.pb.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "property/generator.h"
#include "property/reference.h"

namespace ctind {
namespace property {
namespace {

// Filters (indicator, aggregate and population `where` formulas) were off
// while the engine rejected them; since 7f5acfa the engine accepts them and
// agrees with the reference on them (CTIND_PROPERTY_FILTERS=1).
constexpr bool kGenerateFilters = true;
constexpr int kDefaultCases = 3000;
constexpr int kMaxPrintedFailures = 3;

std::optional<int64_t> EnvInt(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') return std::nullopt;
  return std::strtoll(v, nullptr, 10);
}

std::string Text(const google::protobuf::Message& m) {
  std::string out;
  google::protobuf::TextFormat::PrintToString(m, &out);
  return out;
}

std::string CellKey(const v1::Cell& c) {
  std::string key = absl::StrCat(v1::Scope_Name(c.scope()), "|", c.period(), "|", c.breakdown(), "|");
  for (const v1::CellCoordinate& k : c.coordinates()) absl::StrAppend(&key, k.dimension(), "=", k.value(), ";");
  return key;
}

bool SameNumber(double a, double b) {
  if (a == b) return true;
  const double scale = std::max(std::fabs(a), std::fabs(b));
  return std::fabs(a - b) <= 1e-12 * scale || std::fabs(a - b) <= 1e-9;
}

template <class T>
std::string Opt(bool has, T v) {
  return has ? absl::StrCat(v) : std::string("(unset)");
}

// The first difference between two cells with the same key, or "".
std::string CompareCells(const v1::Cell& e, const v1::Cell& r) {
  if (e.status() != r.status()) {
    return absl::StrCat("status: engine ", v1::ValueStatus_Name(e.status()), ", reference ",
                        v1::ValueStatus_Name(r.status()));
  }
  auto number = [](const char* what, bool he, double ve, bool hr, double vr) -> std::string {
    if (he != hr || (he && !SameNumber(ve, vr))) {
      return absl::StrCat(what, ": engine ", Opt(he, ve), ", reference ", Opt(hr, vr));
    }
    return "";
  };
  std::string d = number("value", e.has_value(), e.value(), r.has_value(), r.value());
  if (d.empty()) d = number("numerator", e.has_numerator(), e.numerator(), r.has_numerator(), r.numerator());
  if (d.empty()) {
    d = number("denominator", e.has_denominator(), e.denominator(), r.has_denominator(), r.denominator());
  }
  if (!d.empty()) return d;
  if (e.has_units() != r.has_units() || e.units() != r.units()) {
    return absl::StrCat("units: engine ", Opt(e.has_units(), e.units()), ", reference ",
                        Opt(r.has_units(), r.units()));
  }
  if (e.has_not_yet_observable() != r.has_not_yet_observable() ||
      e.not_yet_observable() != r.not_yet_observable()) {
    return absl::StrCat("not_yet_observable: engine ",
                        Opt(e.has_not_yet_observable(), e.not_yet_observable()), ", reference ",
                        Opt(r.has_not_yet_observable(), r.not_yet_observable()));
  }
  std::set<int> fe(e.flags().begin(), e.flags().end()), fr(r.flags().begin(), r.flags().end());
  if (fe != fr) {
    auto names = [](const std::set<int>& f) {
      std::string s;
      for (int x : f) absl::StrAppend(&s, v1::CellFlag_Name(static_cast<v1::CellFlag>(x)), " ");
      return s;
    };
    return absl::StrCat("flags: engine {", names(fe), "}, reference {", names(fr), "}");
  }
  return "";
}

// The first difference between the engine's report and the reference's.
std::string CompareReports(const v1::Report& e, const v1::Report& r) {
  if (e.project_id() != r.project_id()) return "project_id differs";
  if (e.as_of() != r.as_of()) return absl::StrCat("as_of: engine ", e.as_of(), ", reference ", r.as_of());
  if (e.indicators_size() != r.indicators_size()) return "number of indicators differs";
  for (int i = 0; i < e.indicators_size(); ++i) {
    const v1::IndicatorResult& ei = e.indicators(i);
    const v1::IndicatorResult& ri = r.indicators(i);
    const std::string where = absl::StrCat("indicator ", ri.indicator_id(), ": ");
    if (ei.indicator_id() != ri.indicator_id()) return where + "id differs";
    if (ei.periods_size() != ri.periods_size()) {
      std::string ep, rp;
      for (const v1::ReportPeriod& p : ei.periods()) absl::StrAppend(&ep, p.id(), " ");
      for (const v1::ReportPeriod& p : ri.periods()) absl::StrAppend(&rp, p.id(), " ");
      return absl::StrCat(where, "periods: engine ", ep, "; reference ", rp);
    }
    for (int p = 0; p < ei.periods_size(); ++p) {
      const v1::ReportPeriod& ep = ei.periods(p);
      const v1::ReportPeriod& rp = ri.periods(p);
      if (ep.SerializeAsString() != rp.SerializeAsString()) {
        return absl::StrCat(where, "period ", p, ":\nengine:\n", Text(ep), "reference:\n", Text(rp));
      }
    }
    if (ei.records_without_period() != ri.records_without_period()) {
      return absl::StrCat(where, "records_without_period: engine ", ei.records_without_period(),
                          ", reference ", ri.records_without_period());
    }
    if (ei.records_after_as_of() != ri.records_after_as_of()) {
      return absl::StrCat(where, "records_after_as_of: engine ", ei.records_after_as_of(),
                          ", reference ", ri.records_after_as_of());
    }
    std::map<std::string, const v1::Cell*> ecells, rcells;
    for (const v1::Cell& c : ei.cells()) {
      if (!ecells.emplace(CellKey(c), &c).second) return where + "engine repeats cell " + CellKey(c);
    }
    for (const v1::Cell& c : ri.cells()) rcells.emplace(CellKey(c), &c);
    for (const auto& [key, cell] : rcells) {
      auto it = ecells.find(key);
      if (it == ecells.end()) {
        return absl::StrCat(where, "the engine lacks cell ", key, "\nreference:\n", Text(*cell));
      }
      const std::string d = CompareCells(*it->second, *cell);
      if (!d.empty()) {
        return absl::StrCat(where, "cell ", key, ": ", d, "\nengine:\n", Text(*it->second),
                            "reference:\n", Text(*cell));
      }
    }
    for (const auto& [key, cell] : ecells) {
      if (!rcells.count(key)) {
        return absl::StrCat(where, "the engine has an extra cell ", key, "\nengine:\n", Text(*cell));
      }
    }
    for (int c = 0; c < ei.cells_size(); ++c) {
      if (CellKey(ei.cells(c)) != CellKey(ri.cells(c))) {
        return absl::StrCat(where, "cell order: engine has ", CellKey(ei.cells(c)), " at ", c,
                            ", reference ", CellKey(ri.cells(c)));
      }
    }
  }
  return "";
}

std::string Describe(const GeneratedCase& c) {
  std::string out = absl::StrCat("seed ", c.seed, ", as of ", c.as_of.ToIsoString(), "\n--- framework\n",
                                 Text(c.framework));
  for (const TableRows& t : c.tables) absl::StrAppend(&out, "--- ", t.table, ".csv\n", ToCsv(t));
  absl::StrAppend(&out, "--- schema\n", Text(c.schema));
  return out;
}

// What the compared reports exercised (CTIND_PROPERTY_STATS=1 prints it).
std::map<std::string, int64_t>& Stats() {
  static std::map<std::string, int64_t> stats;
  return stats;
}

void Count(const v1::Framework& fw, const v1::Report& r) {
  std::map<std::string, int64_t>& s = Stats();
  for (const v1::Indicator& ind : fw.indicators()) {
    const v1::Measure& m = ind.measure();
    const v1::Aggregate& a = m.has_ratio() ? m.ratio().numerator() : m.value();
    s["function " + std::to_string(a.function_case())] += 1;
    s[std::string("measure ") + (m.has_ratio() ? "ratio" : "value")] += 1;
    if (m.has_ratio() && m.ratio().denominator().period().year_field().size()) s["ratio by year"] += 1;
    s["period " + v1::PeriodType_Name(ind.period().every())] += 1;
    s["placement " + v1::PlacementKind_Name(ind.period().kind())] += 1;
    if (ind.period().has_window()) s["window"] += 1;
    if (ind.cumulation() == v1::CUMULATIVE) s["cumulative"] += 1;
    if (ind.life_of_project() == v1::LATEST) s["lop latest"] += 1;
    if (m.relative_change()) s["relative change"] += 1;
    for (const v1::Breakdown& b : ind.disaggregate_by()) {
      s["breakdown of " + std::to_string(b.dimensions_size())] += 1;
    }
  }
  for (const v1::IndicatorResult& ir : r.indicators()) {
    if (ir.records_without_period() > 0) s["results with records without period"] += 1;
    if (ir.records_after_as_of() > 0) s["results with records after as-of"] += 1;
    if (ir.periods(ir.periods_size() - 1).partial()) s["results with LOP partial"] += 1;
    for (const v1::Cell& c : ir.cells()) {
      s["cells"] += 1;
      if (c.status() == v1::MISSING) s["cells missing"] += 1;
      if (c.has_value() && c.value() != 0) s["cells non-zero"] += 1;
      if (c.not_yet_observable() > 0) s["cells not yet observable"] += 1;
      for (int f : c.flags()) s["cells flag " + v1::CellFlag_Name(static_cast<v1::CellFlag>(f))] += 1;
      for (const v1::CellCoordinate& k : c.coordinates()) {
        if (k.value() == "unknown") {
          s["cells unknown"] += 1;
          break;
        }
      }
    }
  }
}

// Runs one seed; "" when the engine and the reference agree.
std::string RunCase(uint64_t seed, bool filters, GeneratedCase* out_case) {
  GeneratorOptions options;
  options.filters = filters;
  *out_case = Generate(seed, options);
  const GeneratedCase& c = *out_case;
  // The reference first, so that it runs even where the engine rejects the
  // framework (filters, until the engine accepts them).
  absl::StatusOr<v1::Report> reference = ReferenceEvaluate(c.schema, c.framework, c.tables, c.as_of);
  absl::StatusOr<Schema> schema = Schema::FromProto(c.schema);
  if (!schema.ok()) return absl::StrCat("generated schema rejected: ", schema.status().ToString());
  Dataset dataset(*schema);
  for (const TableRows& t : c.tables) {
    absl::Status s = dataset.LoadCsv(t.table, ToCsv(t), t.table + ".csv");
    if (!s.ok()) return absl::StrCat("load of ", t.table, " failed: ", s.ToString());
    if (dataset.RowCount(t.table) != static_cast<int64_t>(t.rows.size())) {
      return absl::StrCat("table ", t.table, ": the engine loaded ", dataset.RowCount(t.table),
                          " rows of ", t.rows.size());
    }
  }
  absl::StatusOr<Framework> fw = Framework::FromProto(c.framework);
  if (!fw.ok()) return absl::StrCat("generated framework rejected: ", fw.status().ToString());
  Diagnostics diagnostics;
  absl::StatusOr<Plan> plan = Plan::Compile(*fw, *schema, &diagnostics);
  if (!plan.ok()) {
    std::string all;
    for (const Diagnostic& d : diagnostics) absl::StrAppend(&all, "\n  ", d.ToString());
    return absl::StrCat("compile failed: ", plan.status().ToString(), all);
  }
  EvaluateOptions eo;
  eo.as_of = c.as_of;
  absl::StatusOr<Results> engine = Evaluate(*plan, dataset, eo);
  if (!engine.ok() || !reference.ok()) {
    if (!engine.ok() && !reference.ok() && engine.status().code() == reference.status().code()) {
      Stats()["cases failing alike"] += 1;
      return "";
    }
    return absl::StrCat("status: engine ", engine.status().ToString(), "; reference ",
                        reference.status().ToString());
  }
  Count(c.framework, *reference);
  return CompareReports(engine->proto(), *reference);
}

TEST(PropertyTest, EngineMatchesReference) {
  const bool filters = kGenerateFilters || EnvInt("CTIND_PROPERTY_FILTERS").value_or(0) == 1;
  std::vector<uint64_t> seeds;
  if (std::optional<int64_t> one = EnvInt("CTIND_PROPERTY_SEED")) {
    seeds.push_back(static_cast<uint64_t>(*one));
  } else {
    const int64_t n = EnvInt("CTIND_PROPERTY_CASES").value_or(kDefaultCases);
    const int64_t first = EnvInt("CTIND_PROPERTY_FIRST_SEED").value_or(1);
    for (int64_t i = 0; i < n; ++i) seeds.push_back(static_cast<uint64_t>(first + i));
  }
  // One line per differing seed, to sort many failures into causes.
  const bool summary = EnvInt("CTIND_PROPERTY_SUMMARY").value_or(0) == 1;
  int failures = 0;
  std::vector<uint64_t> failed;
  for (uint64_t seed : seeds) {
    GeneratedCase c;
    const std::string diff = RunCase(seed, filters, &c);
    if (seeds.size() == 1) std::cout << Describe(c);
    if (diff.empty()) continue;
    ++failures;
    failed.push_back(seed);
    if (summary) std::cout << "seed " << seed << ": " << diff.substr(0, diff.find('\n')) << "\n";
    if (failures <= kMaxPrintedFailures) {
      ADD_FAILURE() << "engine and reference differ (rerun with CTIND_PROPERTY_SEED=" << seed
                    << "):\n" << diff << "\n" << Describe(c);
    }
  }
  if (EnvInt("CTIND_PROPERTY_STATS").value_or(0) == 1) {
    for (const auto& [what, n] : Stats()) std::cout << what << ": " << n << "\n";
  }
  std::string list;
  for (size_t i = 0; i < failed.size() && i < 50; ++i) absl::StrAppend(&list, failed[i], " ");
  EXPECT_EQ(failures, 0) << failures << " of " << seeds.size() << " cases differ; seeds: " << list;
}

// The reference's calendar against the independent vectors (Python's
// datetime), so that a disagreement is not a shared mistake.
std::vector<std::vector<std::string>> ReadVectors(const std::string& name) {
  std::ifstream in(std::string(CTIND_TESTDATA_DIR) + "/" + name);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();  // the vectors have CRLF endings
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

TEST(ReferenceCalendarTest, PeriodBoundsMatchTheVectors) {
  const std::map<std::string, std::pair<v1::PeriodType, int>> types = {
      {"yearly", {v1::YEARLY, 1}},           {"quarterly", {v1::QUARTERLY, 1}},
      {"monthly", {v1::MONTHLY, 1}},         {"sixmonthly", {v1::SIX_MONTHLY, 1}},
      {"financial_april", {v1::FINANCIAL_YEAR, 4}}, {"financial_july", {v1::FINANCIAL_YEAR, 7}},
      {"financial_oct", {v1::FINANCIAL_YEAR, 10}}};
  const auto rows = ReadVectors("period-bounds.csv");
  ASSERT_GT(rows.size(), 100u);
  int checked = 0;
  for (const auto& row : rows) {
    auto it = types.find(row[0]);
    if (it == types.end()) continue;
    const Date start = *Date::ParseIso(row[2]);
    for (Date d : {start, Date::ParseIso(row[3])->AddDays(-1)}) {
      Date s, e;
      EXPECT_EQ(ReferencePeriod(it->second.first, it->second.second, d, &s, &e), row[1]) << row[2];
      EXPECT_EQ(s.ToIsoString(), row[2]);
      EXPECT_EQ(e.ToIsoString(), row[3]);
      ++checked;
    }
  }
  EXPECT_GT(checked, 200);
  // Fiscal quarters (not in the vectors): quarters of the vectors' years.
  Date s, e;
  EXPECT_EQ(ReferencePeriod(v1::FINANCIAL_QUARTER, 10, *Date::ParseIso("2026-09-30"), &s, &e), "2025OctQ4");
  EXPECT_EQ(s.ToIsoString(), "2026-07-01");
  EXPECT_EQ(ReferencePeriod(v1::FINANCIAL_QUARTER, 7, *Date::ParseIso("2025-12-31"), &s, &e), "2025JulyQ2");
  EXPECT_EQ(ReferencePeriod(v1::FINANCIAL_QUARTER, 4, *Date::ParseIso("2026-03-31"), &s, &e), "2025AprilQ4");
}

TEST(ReferenceCalendarTest, AgesAndMonthsMatchTheVectors) {
  for (const auto& row : ReadVectors("ages.csv")) {
    std::optional<int> age = ReferenceAge(*Date::ParseIso(row[0]), *Date::ParseIso(row[1]));
    EXPECT_EQ(age ? std::to_string(*age) : std::string(), row.size() > 2 ? row[2] : "") << row[0] << " " << row[1];
  }
  for (const auto& row : ReadVectors("months.csv")) {
    if (row[0] != "add_months") continue;
    EXPECT_EQ(ReferenceAddMonths(*Date::ParseIso(row[1]), std::stoi(row[2])).ToIsoString(), row[3]);
  }
}

TEST(ReferenceFormulaTest, ThreeValuedLogic) {
  GeneratedCase c = Generate(1, GeneratorOptions());
  auto eval = [&](const std::vector<std::pair<std::string, std::string>>& fields, const std::string& f) {
    absl::StatusOr<int> v = ReferenceFilter(c.schema, "persons", fields, f);
    EXPECT_TRUE(v.ok()) << f << ": " << v.status();
    return v.value_or(-2);
  };
  const std::vector<std::pair<std::string, std::string>> none;
  const std::vector<std::pair<std::string, std::string>> some = {
      {"prs_Gender", "F"}, {"age", "30"}, {"identified_on", "2025-01-10"}, {"assisted_on", "2025-01-20"},
      {"exploitation", "ForcedLabour"}};
  EXPECT_EQ(eval(some, "prs_Gender = \"Feminine\""), 1);  // an alias loads as its code
  EXPECT_EQ(eval(none, "prs_Gender = \"Feminine\""), -1);
  EXPECT_EQ(eval(none, "not (prs_Gender = \"Feminine\")"), -1);
  EXPECT_EQ(eval(none, "false and age > 3"), 0);
  EXPECT_EQ(eval(none, "true or age > 3"), 1);
  EXPECT_EQ(eval(none, "true and age > 3"), -1);
  EXPECT_EQ(eval(none, "is_missing(age)"), 1);
  EXPECT_EQ(eval(some, "days_between(identified_on, assisted_on) <= 10"), 1);
  EXPECT_EQ(eval(some, "days_between(identified_on, assisted_on) < 10"), 0);
  EXPECT_EQ(eval(none, "days_between(identified_on, assisted_on) <= 30"), -1);
  EXPECT_EQ(eval(some, "has(exploitation, \"ForcedLabour\")"), 1);
  EXPECT_EQ(eval(some, "has(exploitation, \"ForcedMarriage\")"), 0);
  EXPECT_EQ(eval(none, "has(exploitation, \"ForcedLabour\")"), -1);
  EXPECT_EQ(eval(some, "age in [10, 30]"), 1);
  EXPECT_EQ(eval(some, "age not in [10, 30]"), 0);
  EXPECT_EQ(eval(some, "identified_on >= date(\"2025-01-10\")"), 1);
  EXPECT_FALSE(ReferenceFilter(c.schema, "persons", none, "coalesce(age, 1) > 0").ok());
}

}  // namespace
}  // namespace property
}  // namespace ctind
