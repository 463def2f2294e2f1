// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The attacker property test (docs/privacy.md, "The guarantee"): seeded
// random person-level data and frameworks are evaluated by the engine and
// published; then, for every suppressed cell, an attacker who knows
// everything the publication shows, that counts are non-negative, and every
// linear relation between the figures computes each withheld figure's
// feasible interval with GLPK, and the test fails when one is narrower than
// k (or pinned).
//
// The attacker is written from this test's own knowledge of the schema and
// shares no code with the library's disclosure module. It models
//  - additive counts (records, each in one cell of a single-valued
//    dimension and one period) exactly: each figure is the sum of the
//    counts of the finest cells ("atoms": date segments × the codes of
//    every dimension, sets of codes for multi-valued fields) that it
//    covers, those atom counts being unknowns of any sign; so every linear
//    dependency between additive figures is known to it;
//  - every figure, additive or not (distinct persons, multi-valued cells):
//    a figure whose records are among another's is at most that one; one
//    covered by a family of cells (a breakdown's cells in its dates, a
//    period type's periods in its cell) is at most their sum; a family's
//    disjoint cells inside an additive figure sum to at most it; and a
//    family inside a figure that covers it and whose raw figures add up to
//    it is a partition of it (as an attacker assuming that no one counts
//    twice would take it);
//  - between the figures of one cell: denominator = numerator + complement
//    for a numerator that is a subset of its denominator; persons ≤ records;
//  - cells covering the same records (the same dates and codes, a "latest"
//    life of project and the period it shows) as one figure, and cells the
//    engine leaves out (an unknown that is zero everywhere) as zeros.
// The interval of a figure is at least k wide as soon as two feasible
// points seen are k apart (the raw figures are one; sweeps pushing many
// figures at once give more); the others are maximised and minimised.
//
// Environment: CTIND_ATTACKER_CASES=N seeds (default kDefaultCases),
// CTIND_ATTACKER_SEED=S one seed, printing its framework, data, cells with
// their reasons and the programs' sizes; CTIND_ATTACKER_TIMES=1 the time of
// each seed.

#include <glpk.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "ctind/dataset.h"
#include "ctind/date.h"
#include "ctind/engine.h"
#include "ctind/model.h"
#include "ctind/publish.h"
#include "ctind/v1/report.pb.h"
#include "gtest/gtest.h"

namespace ctind {
namespace attacker {
namespace {

constexpr int kDefaultCases = 300;

// ----------------------------------------------------------------------------
// Deterministic randomness.

class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed * 0x9e3779b97f4a7c15ULL + 0x632be59bd9b4e019ULL) {}
  uint64_t Next() {
    // splitmix64
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }
  bool Chance(double p) { return static_cast<double>(Next() % 1000000) < p * 1e6; }
  template <class T>
  const T& Pick(const std::vector<T>& v) { return v[Below(static_cast<int>(v.size()))]; }

 private:
  uint64_t state_;
};

// ----------------------------------------------------------------------------
// The schema, and this test's own account of how its dimensions classify.

constexpr char kSchema[] = R"pb(
id: "attack"
code_lists { id: "gender" codes { value: "F" } codes { value: "M" } codes { value: "X" } }
code_lists { id: "forms" codes { value: "Labour" } codes { value: "Sexual" } codes { value: "Other" } }
code_lists { id: "place" levels: ["region", "district"]
  codes { value: "R1" } codes { value: "R2" }
  codes { value: "D1" parent: "R1" } codes { value: "D2" parent: "R1" }
  codes { value: "D3" parent: "R2" } codes { value: "D4" parent: "R2" } }
tables {
  name: "persons" key: "person_id"
  fields { name: "person_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "gender" type: CATEGORY code_list: "gender" }
  fields { name: "age" type: INT64 }
  fields { name: "district" type: CATEGORY code_list: "place" }
  fields { name: "forms" type: CATEGORY code_list: "forms" multi_valued: true }
  fields { name: "identified_on" type: DATE }
  fields { name: "served" type: BOOL }
}
tables {
  name: "identifications" key: "identification_id" person: "person_id"
  fields { name: "identification_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "person_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "gender" type: CATEGORY code_list: "gender" }
  fields { name: "age" type: INT64 }
  fields { name: "district" type: CATEGORY code_list: "place" }
  fields { name: "forms" type: CATEGORY code_list: "forms" multi_valued: true }
  fields { name: "identified_on" type: DATE }
  fields { name: "served" type: BOOL }
}
dimensions { id: "sex" grouping { field: "gender"
  groups { value: "female" members: "F" } groups { value: "male" members: "M" } } }
dimensions { id: "age_band" age_band { field: "age" bands { lower_bounds: [0, 18] labels: ["child", "adult"] } } }
dimensions { id: "age_detail" age_band { field: "age"
  bands { lower_bounds: [0, 18, 25, 60] labels: ["0-17", "18-24", "25-59", "60+"] } } }
dimensions { id: "region" hierarchy_level { field: "district" level: "region" } }
)pb";

enum Axis { kGenderAxis, kAgeAxis, kPlaceAxis, kFormsAxis, kAxisCount };
// Atoms of each axis: gender F M X missing; age 0-17 18-24 25-59 60+
// missing; place R1 R2 D1 D2 D3 D4 missing; forms: the 8 sets of codes as
// bit masks (Labour 1, Sexual 2, Other 4; 0 = none).
constexpr int kAtoms[kAxisCount] = {4, 5, 7, 8};

using Mask = uint32_t;
Mask Full(Axis a) { return (Mask{1} << kAtoms[a]) - 1; }
Mask Bits(std::initializer_list<int> atoms) {
  Mask m = 0;
  for (int a : atoms) m |= Mask{1} << a;
  return m;
}
Mask FormsWith(int code_bit) {
  Mask m = 0;
  for (int s = 0; s < 8; ++s) {
    if (s & code_bit) m |= Mask{1} << s;
  }
  return m;
}

struct DimensionSpec {
  std::string id;
  Axis axis;
  std::vector<std::string> values;  // in order; "unknown" last
  std::map<std::string, Mask> atoms;
  bool covering = true;  // every atom is in some cell
  std::string declared;  // a Breakdown's `values`, when it declares them
};

DimensionSpec Spec(std::string id, Axis axis, std::vector<std::string> values, std::map<std::string, Mask> atoms,
                   bool covering = true, std::string declared = "") {
  DimensionSpec d;
  d.id = std::move(id);
  d.axis = axis;
  d.values = std::move(values);
  d.atoms = std::move(atoms);
  d.covering = covering;
  d.declared = std::move(declared);
  return d;
}

std::vector<DimensionSpec> Dimensions() {
  std::vector<DimensionSpec> d;
  d.push_back(Spec("gender", kGenderAxis, {"F", "M", "X"},
               {{"F", Bits({0})}, {"M", Bits({1})}, {"X", Bits({2})}, {"unknown", Bits({3})}}));
  // gender with declared values F and M: X is in no cell.
  d.push_back(Spec("gender", kGenderAxis, {"F", "M"},
               {{"F", Bits({0})}, {"M", Bits({1})}, {"unknown", Bits({3})}}, false, "values: [\"F\", \"M\"]"));
  // X belongs to no group: unknown, with missing.
  d.push_back(Spec("sex", kGenderAxis, {"female", "male"},
               {{"female", Bits({0})}, {"male", Bits({1})}, {"unknown", Bits({2, 3})}}));
  d.push_back(Spec("age_band", kAgeAxis, {"child", "adult"},
               {{"child", Bits({0})}, {"adult", Bits({1, 2, 3})}, {"unknown", Bits({4})}}));
  d.push_back(Spec("age_detail", kAgeAxis, {"0-17", "18-24", "25-59", "60+"},
               {{"0-17", Bits({0})}, {"18-24", Bits({1})}, {"25-59", Bits({2})}, {"60+", Bits({3})},
                {"unknown", Bits({4})}}));
  d.push_back(Spec("district", kPlaceAxis, {"R1", "R2", "D1", "D2", "D3", "D4"},
               {{"R1", Bits({0})}, {"R2", Bits({1})}, {"D1", Bits({2})}, {"D2", Bits({3})},
                {"D3", Bits({4})}, {"D4", Bits({5})}, {"unknown", Bits({6})}}));
  // A code at the region level is its own region.
  d.push_back(Spec("region", kPlaceAxis, {"R1", "R2"},
               {{"R1", Bits({0, 2, 3})}, {"R2", Bits({1, 4, 5})}, {"unknown", Bits({6})}}));
  d.push_back(Spec("forms", kFormsAxis, {"Labour", "Sexual", "Other"},
               {{"Labour", FormsWith(1)}, {"Sexual", FormsWith(2)}, {"Other", FormsWith(4)},
                {"unknown", Bits({0})}}));
  return d;
}

// ----------------------------------------------------------------------------
// Random cases.

enum class Measure {
  kPersons,          // count of persons (one record each): additive
  kDistinctPersons,  // distinct persons of identifications: not additive
  kServedShare,      // % of persons served: a subset ratio, additive
  kDistinctServed,   // % of identified persons served: a subset ratio of distinct counts
  kRecords,          // identifications: records additive, persons not
  kMeanAge,          // mean age of persons: persons and persons with an age
};

struct IndicatorSpec {
  std::string id;
  Measure measure;
  std::vector<std::vector<int>> breakdowns;  // indexes into Dimensions()
  bool cumulative = false;
  bool latest = false;
  int k = 5;
};

struct Case {
  uint64_t seed = 0;
  std::string start, end, as_of;
  std::vector<std::string> period_types;
  int fiscal_start = 1;
  std::vector<IndicatorSpec> indicators;
  std::string framework;
  std::string persons, identifications;
};

std::string MeasureText(Measure m) {
  switch (m) {
    case Measure::kPersons: return R"(measure { value { table: "persons" count: true } })";
    case Measure::kDistinctPersons:
      return R"(measure { value { table: "identifications" count_distinct: "person_id" } })";
    case Measure::kServedShare:
      return R"(measure { ratio { numerator { table: "persons" count: true where: "served" } denominator { table: "persons" count: true } factor: 100 } })";
    case Measure::kDistinctServed:
      return R"(measure { ratio { numerator { table: "identifications" count_distinct: "person_id" where: "served" } denominator { table: "identifications" count_distinct: "person_id" } factor: 100 } })";
    case Measure::kRecords: return R"(measure { value { table: "identifications" count: true } })";
    case Measure::kMeanAge: return R"(measure { value { table: "persons" mean: "age" } })";
  }
  return "";
}

std::string RandomDate(Random& r, const Date& from, int days) {
  return from.AddDays(r.Below(days)).ToIsoString();
}

Case Generate(uint64_t seed) {
  Random r(seed);
  Case c;
  c.seed = seed;
  c.start = "2025-01-01";
  const int span_choice = r.Below(3);
  c.end = span_choice == 0 ? "2025-06-30" : span_choice == 1 ? "2025-12-31" : "2026-06-30";
  const Date start = *Date::ParseIso(c.start);
  const Date end = *Date::ParseIso(c.end);
  const int days = end.day_number() - start.day_number() + 1;
  c.as_of = r.Chance(0.5) ? c.end : start.AddDays(days / 2 + r.Below(days / 2)).ToIsoString();
  const std::vector<std::vector<std::string>> types = {{}, {"YEARLY"}, {"SIX_MONTHLY"}, {"YEARLY", "SIX_MONTHLY"},
                                                       {"MONTHLY"}, {"FINANCIAL_YEAR"}, {"FINANCIAL_YEAR", "YEARLY"}};
  c.period_types = r.Pick(types);
  // Fiscal years from April, July or October hold whole quarters; one from
  // February does not (it shares boundaries with years and months only).
  c.fiscal_start = r.Pick(std::vector<int>{4, 7, 10, 2});
  if (span_choice == 2 && !c.period_types.empty() && c.period_types[0] == "MONTHLY") c.period_types = {"YEARLY"};
  const std::vector<DimensionSpec> dims = Dimensions();
  // Breakdown choices: dimensions by axis (one-way), or a cross of two
  // axes; at most two axes per indicator keep the atoms few.
  const std::vector<std::vector<int>> by_axis = {{0, 2}, {3, 4}, {5, 6}, {7}};
  const int indicators = 1 + r.Below(2);
  for (int i = 0; i < indicators; ++i) {
    IndicatorSpec ind;
    ind.id = absl::StrCat("I", i);
    ind.measure = static_cast<Measure>(r.Below(6));
    ind.cumulative = r.Chance(0.4);
    ind.latest = !ind.cumulative && r.Chance(0.2);
    ind.k = r.Pick(std::vector<int>{3, 5, 5, 8});
    const int axes = r.Below(3);
    std::vector<int> chosen;
    std::vector<int> axis_order = {0, 1, 2, 3};
    for (int a = 0; a < axes; ++a) {
      const int pick = axis_order[r.Below(static_cast<int>(axis_order.size()))];
      axis_order.erase(std::find(axis_order.begin(), axis_order.end(), pick));
      std::vector<int> options = by_axis[pick];
      if (pick == 0 && r.Chance(0.3)) options = {1};  // gender with declared values
      if (options.size() > 1 && r.Chance(0.5)) {
        chosen.push_back(options[0]);
        chosen.push_back(options[1]);
        ind.breakdowns.push_back({options[0]});
        ind.breakdowns.push_back({options[1]});
      } else {
        const int d = options[r.Below(static_cast<int>(options.size()))];
        chosen.push_back(d);
        ind.breakdowns.push_back({d});
      }
    }
    // A cross of dimensions of two axes.
    if (axes == 2 && r.Chance(0.8)) {
      // The dimension with the fewest values on each axis, most of the time.
      auto smallest = [&](Axis axis) {
        int best = -1;
        for (int d : chosen) {
          if (dims[d].axis == axis && (best < 0 || dims[d].values.size() < dims[best].values.size())) best = d;
        }
        return best;
      };
      int a = chosen.front(), b = chosen.back();
      if (r.Chance(0.7)) {
        a = smallest(dims[a].axis);
        b = smallest(dims[b].axis);
      }
      // (A cross cannot use declared values: its one-way margin would
      // declare them and the cross not.)
      if (dims[a].axis != dims[b].axis && dims[a].declared.empty() && dims[b].declared.empty()) {
        ind.breakdowns.push_back({a, b});
      }
    }
    // Keep the attacker's programs small enough for the test suite: at most
    // about 300 cells over all periods.
    const int months = span_choice == 0 ? 6 : span_choice == 1 ? 12 : 18;
    int slots = (months / 3) * (ind.cumulative ? 2 : 1) + 1;
    for (const std::string& t : c.period_types) {
      const int periods = t == "YEARLY" || t == "FINANCIAL_YEAR" ? (months + 11) / 12 + 1
                          : t == "SIX_MONTHLY"                  ? months / 6
                                                                : months;
      slots += periods * (ind.cumulative ? 2 : 1);
    }
    auto cells = [&]() {
      int n = 1;
      for (const std::vector<int>& b : ind.breakdowns) {
        int product = 1;
        for (int d : b) product *= static_cast<int>(dims[d].values.size()) + 1;
        n += product;
      }
      return n;
    };
    while (!ind.breakdowns.empty() && cells() * slots > 300) ind.breakdowns.pop_back();
    c.indicators.push_back(ind);
  }
  // Framework text.
  c.framework = absl::StrCat("schema_id: \"attack\"\nproject { id: \"P\" title: \"t\" start_date: \"", c.start,
                             "\" end_date: \"", c.end, "\" fiscal_year_start_month: ", c.fiscal_start, " }\n");
  for (const IndicatorSpec& ind : c.indicators) {
    absl::StrAppend(&c.framework, "indicators { id: \"", ind.id, "\" title: \"t\" ", MeasureText(ind.measure),
                    " period { by: \"identified_on\" every: QUARTERLY }",
                    ind.cumulative ? " cumulation: CUMULATIVE" : "", ind.latest ? " life_of_project: LATEST" : "",
                    " disclosure { min_cell_size: ", ind.k, " }");
    for (const std::vector<int>& b : ind.breakdowns) {
      std::vector<std::string> ids;
      for (int d : b) ids.push_back(absl::StrCat("\"", dims[d].id, "\""));
      absl::StrAppend(&c.framework, " disaggregate_by { dimensions: [", absl::StrJoin(ids, ", "), "]");
      if (b.size() == 1 && !dims[b[0]].declared.empty()) absl::StrAppend(&c.framework, " ", dims[b[0]].declared);
      absl::StrAppend(&c.framework, " }");
    }
    absl::StrAppend(&c.framework, " }\n");
  }
  // Data: small groups in some cells make small counts likely.
  const std::vector<std::string> genders = {"F", "F", "M", "M", "X", ""};
  const std::vector<std::string> places = {"R1", "R2", "D1", "D1", "D2", "D3", "D4", ""};
  const std::vector<std::string> forms = {"Labour", "Labour", "Sexual", "Other", "Labour;Sexual", "", "Sexual;Other"};
  const int persons = 5 + r.Below(60);
  c.persons = "person_id,gender,age,district,forms,identified_on,served\n";
  c.identifications = "identification_id,person_id,gender,age,district,forms,identified_on,served\n";
  int next_identification = 1;
  for (int p = 1; p <= persons; ++p) {
    const std::string gender = r.Pick(genders);
    const std::string age = r.Chance(0.1) ? "" : absl::StrCat(r.Below(75));
    const std::string place = r.Pick(places);
    const std::string form = r.Pick(forms);
    const std::string date = RandomDate(r, start, days + 20);  // some after the as-of date
    const bool served = r.Chance(0.6);
    absl::StrAppend(&c.persons, "P", p, ",", gender, ",", age, ",", place, ",", form, ",", date, ",",
                    served ? "true" : "false", "\n");
    const int records = 1 + (r.Chance(0.3) ? 1 + r.Below(2) : 0);
    for (int i = 0; i < records; ++i) {
      // Later identifications may record other values of the person.
      const std::string g = i > 0 && r.Chance(0.3) ? r.Pick(genders) : gender;
      const std::string f = i > 0 && r.Chance(0.3) ? r.Pick(forms) : form;
      const std::string d = i > 0 ? RandomDate(r, start, days + 20) : date;
      absl::StrAppend(&c.identifications, "N", next_identification++, ",P", p, ",", g, ",", age, ",", place, ",",
                      f, ",", d, ",", (i > 0 ? r.Chance(0.5) : served) ? "true" : "false", "\n");
    }
  }
  return c;
}

// ----------------------------------------------------------------------------
// The attacker's figures.

// Where a figure's records are: a date range and, per axis, a set of atoms.
struct Position {
  int32_t start = 0, end = 0;
  std::array<Mask, kAxisCount> atoms{};
  bool operator<(const Position& o) const {
    return std::tie(start, end, atoms) < std::tie(o.start, o.end, o.atoms);
  }
  bool operator==(const Position& o) const { return start == o.start && end == o.end && atoms == o.atoms; }
};

bool Within(const Position& a, const Position& b) {
  if (a.start < b.start || a.end > b.end) return false;
  for (int x = 0; x < kAxisCount; ++x) {
    if ((a.atoms[x] & ~b.atoms[x]) != 0) return false;
  }
  return true;
}

bool Meet(const Position& a, const Position& b) {
  if (a.end <= b.start || b.end <= a.start) return false;
  for (int x = 0; x < kAxisCount; ++x) {
    if ((a.atoms[x] & b.atoms[x]) == 0) return false;
  }
  return true;
}

// What a kind of figure is.
enum class Kind { kUnits, kNumerator, kDenominator, kComplement };
const char* KindName(Kind k) {
  switch (k) {
    case Kind::kUnits: return "units";
    case Kind::kNumerator: return "numerator";
    case Kind::kDenominator: return "denominator";
    case Kind::kComplement: return "complement";
  }
  return "?";
}

struct KindSpec {
  Kind kind;
  bool additive;  // records, each in one place
  bool monotone;  // a figure inside another is at most it
};

std::vector<KindSpec> KindsOf(Measure m) {
  switch (m) {
    case Measure::kPersons: return {{Kind::kUnits, true, true}, {Kind::kNumerator, true, true}};
    case Measure::kDistinctPersons: return {{Kind::kUnits, false, true}, {Kind::kNumerator, false, true}};
    case Measure::kServedShare:
      return {{Kind::kUnits, true, true}, {Kind::kNumerator, true, true}, {Kind::kDenominator, true, true},
              {Kind::kComplement, true, true}};
    case Measure::kDistinctServed:
      // A person not served in one cell may be served through another
      // identification: complements of distinct counts are not monotone.
      return {{Kind::kUnits, false, true}, {Kind::kNumerator, false, true}, {Kind::kDenominator, false, true},
              {Kind::kComplement, false, false}};
    case Measure::kRecords: return {{Kind::kUnits, false, true}, {Kind::kNumerator, true, true}};
    case Measure::kMeanAge: return {{Kind::kUnits, true, true}, {Kind::kDenominator, true, true}};
  }
  return {};
}

std::optional<double> RawOf(Kind k, const v1::Cell& c) {
  switch (k) {
    case Kind::kUnits: return c.has_units() ? std::optional<double>(static_cast<double>(c.units())) : std::nullopt;
    case Kind::kNumerator: return c.has_numerator() ? std::optional<double>(c.numerator()) : std::nullopt;
    case Kind::kDenominator: return c.has_denominator() ? std::optional<double>(c.denominator()) : std::nullopt;
    case Kind::kComplement:
      return c.has_numerator() && c.has_denominator() ? std::optional<double>(c.denominator() - c.numerator())
                                                      : std::nullopt;
  }
  return std::nullopt;
}

struct Figure {
  int kind = 0;  // index into the indicator's kinds
  Position position;
  double raw = 0;
  bool published = false;  // shown by some cell: its value is known
  bool shown_anywhere = false;
  std::vector<std::string> cells;  // keys of the cells showing it
  // The slots and breakdowns of the cells showing it (cells of several
  // breakdowns may cover the same records: sex = female and gender = F).
  std::set<int> slots;
  std::set<int> breakdowns;
};

std::string CellKey(const v1::Cell& c) {
  std::string key = absl::StrCat(v1::Scope_Name(c.scope()), "|", c.period(), "|");
  for (const v1::CellCoordinate& k : c.coordinates()) absl::StrAppend(&key, k.dimension(), "=", k.value(), ";");
  return key;
}

// One indicator's attack.
class Attack {
 public:
  Attack(const IndicatorSpec& spec, const v1::IndicatorResult& raw, const v1::IndicatorResult& published)
      : spec_(spec), raw_(raw), pub_(published), dims_(Dimensions()) {}

  // Failures, one line each.
  std::vector<std::string> Run() {
    std::vector<std::string> failures;
    if (!ReadSlots(&failures)) return failures;
    kinds_ = KindsOf(spec_.measure);
    MergeEqualKinds();
    if (!MakeFigures(&failures)) return failures;
    Solve(&failures);
    return failures;
  }

 private:
  struct Slot {
    v1::Scope scope;
    std::string period;
    int type = -1;  // index into types_; -1: life of project
    int32_t start = 0, end = 0;
  };

  bool ReadSlots(std::vector<std::string>* failures) {
    std::map<std::string, const v1::ReportPeriod*> periods;
    int32_t ps = 0, re = 0;
    for (const v1::ReportPeriod& p : raw_.periods()) {
      periods[p.id()] = &p;
      if (p.id() == "LOP") {
        ps = Date::ParseIso(p.start())->day_number();
        re = Date::ParseIso(p.end())->day_number();
      } else if (std::find(types_.begin(), types_.end(), p.type()) == types_.end()) {
        types_.push_back(p.type());
      }
    }
    // A "latest value" life of project shows a period's numbers: the
    // latest period of the indicator's own frequency (the first type) whose
    // cells all show the life-of-project cells' numbers covers the same
    // records. (Without one it covers records of its own.)
    int32_t last_start = re + 1, last_end = re + 2;
    if (spec_.latest) {
      std::map<std::string, std::map<std::string, std::string>> numbers;
      for (const v1::Cell& c : raw_.cells()) {
        std::string key = c.breakdown();
        for (const v1::CellCoordinate& k : c.coordinates()) absl::StrAppend(&key, "|", k.value());
        numbers[absl::StrCat(v1::Scope_Name(c.scope()), c.period())][key] =
            absl::StrCat(c.value(), "|", c.numerator(), "|", c.denominator(), "|", c.units(), "|", c.status());
      }
      for (const v1::ReportPeriod& p : raw_.periods()) {
        if (p.id() == "LOP" || types_.empty() || p.type() != types_[0]) continue;
        if (numbers[absl::StrCat(v1::Scope_Name(v1::SCOPE_PERIOD), p.id())] !=
            numbers[absl::StrCat(v1::Scope_Name(v1::SCOPE_LIFE_OF_PROJECT), "LOP")]) {
          continue;
        }
        last_start = std::max(Date::ParseIso(p.start())->day_number(), ps);
        last_end = std::min(Date::ParseIso(p.end())->day_number(), re);
      }
    }
    for (const v1::Cell& c : raw_.cells()) {
      const std::string key = absl::StrCat(v1::Scope_Name(c.scope()), "|", c.period());
      if (slot_index_.count(key)) continue;
      Slot s{c.scope(), c.period()};
      if (c.scope() == v1::SCOPE_LIFE_OF_PROJECT) {
        s.start = spec_.latest ? last_start : ps;
        s.end = spec_.latest ? last_end : re;
      } else {
        const v1::ReportPeriod* p = periods.at(c.period());
        s.type = static_cast<int>(std::find(types_.begin(), types_.end(), p->type()) - types_.begin());
        s.start = c.scope() == v1::SCOPE_CUMULATIVE ? ps : std::max(Date::ParseIso(p->start())->day_number(), ps);
        s.end = std::min(Date::ParseIso(p->end())->day_number(), re);
      }
      slot_index_[key] = static_cast<int>(slots_.size());
      slots_.push_back(s);
    }
    if (raw_.cells_size() != pub_.cells_size()) {
      failures->push_back("the publication has another number of cells than the raw results");
      return false;
    }
    return true;
  }

  // Kinds equal in every cell are one number.
  void MergeEqualKinds() {
    std::vector<KindSpec> merged;
    for (const KindSpec& k : kinds_) {
      bool same = false;
      for (KindSpec& m : merged) {
        bool equal = true;
        for (const v1::Cell& c : raw_.cells()) equal = equal && RawOf(k.kind, c) == RawOf(m.kind, c);
        if (equal) {
          m.additive = m.additive || k.additive;
          m.monotone = m.monotone || k.monotone;
          alias_[k.kind] = m.kind;
          same = true;
          break;
        }
      }
      if (!same) {
        merged.push_back(k);
        alias_[k.kind] = k.kind;
      }
    }
    kinds_ = merged;
  }

  int KindIndex(Kind k) const {
    if (!alias_.count(k)) return -1;
    const Kind a = alias_.at(k);
    for (size_t i = 0; i < kinds_.size(); ++i) {
      if (kinds_[i].kind == a) return static_cast<int>(i);
    }
    return -1;
  }

  const DimensionSpec& Dim(const std::string& id) const {
    for (const std::vector<int>& b : spec_.breakdowns) {
      for (int d : b) {
        if (dims_[d].id == id) return dims_[d];
      }
    }
    static const DimensionSpec none{};
    return none;
  }

  Position PositionOf(int slot, const std::vector<std::pair<std::string, std::string>>& coords) const {
    Position p;
    p.start = slots_[slot].start;
    p.end = slots_[slot].end;
    for (int a = 0; a < kAxisCount; ++a) p.atoms[a] = Full(static_cast<Axis>(a));
    for (const auto& [dim, value] : coords) {
      const DimensionSpec& d = Dim(dim);
      p.atoms[d.axis] &= d.atoms.at(value);
    }
    return p;
  }

  int FigureAt(int kind, const Position& pos) {
    auto key = std::make_pair(kind, pos);
    auto it = index_.find(key);
    if (it != index_.end()) return it->second;
    Figure f;
    f.kind = kind;
    f.position = pos;
    figures_.push_back(f);
    index_[key] = static_cast<int>(figures_.size()) - 1;
    return index_[key];
  }

  bool MakeFigures(std::vector<std::string>* failures) {
    std::set<std::string> present;
    for (int i = 0; i < raw_.cells_size(); ++i) {
      const v1::Cell& c = raw_.cells(i);
      const v1::Cell& p = pub_.cells(i);
      if (CellKey(c) != CellKey(p)) {
        failures->push_back("the publication's cells are not in the raw results' order");
        return false;
      }
      const int slot = slot_index_.at(absl::StrCat(v1::Scope_Name(c.scope()), "|", c.period()));
      std::vector<std::pair<std::string, std::string>> coords;
      for (const v1::CellCoordinate& k : c.coordinates()) coords.push_back({k.dimension(), k.value()});
      present.insert(absl::StrCat(slot, "|", c.breakdown(), "|", CellKey(c)));
      const Position pos = PositionOf(slot, coords);
      const bool suppressed = p.status() == v1::SUPPRESSED;
      for (size_t k = 0; k < kinds_.size(); ++k) {
        const std::optional<double> raw = RawOf(kinds_[k].kind, c);
        if (!raw) continue;
        const int f = FigureAt(static_cast<int>(k), pos);
        Figure& fig = figures_[f];
        fig.slots.insert(slot);
        fig.breakdowns.insert(BreakdownIndex(c.breakdown()));
        if (!fig.shown_anywhere) {
          fig.raw = *raw;
        } else if (fig.raw != *raw) {
          failures->push_back(absl::StrCat("cells ", fig.cells[0], " and ", CellKey(c), " cover the same records "
                                           "but differ in ", KindName(kinds_[k].kind)));
        }
        fig.shown_anywhere = true;
        fig.cells.push_back(CellKey(c));
        if (!suppressed) {
          fig.published = true;
          const std::optional<double> shown = RawOf(kinds_[k].kind, p);
          if (!shown || *shown != *raw) {
            failures->push_back(absl::StrCat(CellKey(c), ": published ", KindName(kinds_[k].kind),
                                             " differs from the raw one"));
          }
        } else if (p.has_value() || p.has_numerator() || p.has_denominator() || p.has_units()) {
          failures->push_back(absl::StrCat(CellKey(c), ": a suppressed cell shows a figure"));
        }
      }
    }
    // Cells the engine leaves out (an unknown that is zero everywhere) are
    // known zeros.
    for (size_t s = 0; s < slots_.size(); ++s) {
      for (size_t b = 0; b <= spec_.breakdowns.size(); ++b) {
        const std::vector<int> dims = b == 0 ? std::vector<int>{} : spec_.breakdowns[b - 1];
        std::vector<std::vector<std::pair<std::string, std::string>>> combos = {{}};
        for (int d : dims) {
          std::vector<std::vector<std::pair<std::string, std::string>>> next;
          std::vector<std::string> values = dims_[d].values;
          values.push_back("unknown");
          for (const auto& combo : combos) {
            for (const std::string& v : values) {
              auto c = combo;
              c.push_back({dims_[d].id, v});
              next.push_back(c);
            }
          }
          combos = next;
        }
        std::vector<std::string> names;
        for (int d : dims) names.push_back(dims_[d].id);
        const std::string breakdown = absl::StrJoin(names, " x ");
        for (const auto& combo : combos) {
          v1::Cell probe;
          probe.set_scope(slots_[s].scope);
          probe.set_period(slots_[s].period);
          for (const auto& [dim, value] : combo) {
            v1::CellCoordinate* k = probe.add_coordinates();
            k->set_dimension(dim);
            k->set_value(value);
          }
          if (present.count(absl::StrCat(s, "|", breakdown, "|", CellKey(probe)))) continue;
          const Position pos = PositionOf(static_cast<int>(s), combo);
          for (size_t k = 0; k < kinds_.size(); ++k) {
            const int f = FigureAt(static_cast<int>(k), pos);
            Figure& fig = figures_[f];
            fig.slots.insert(static_cast<int>(s));
            fig.breakdowns.insert(static_cast<int>(b));
            if (fig.shown_anywhere) continue;  // the same records are shown elsewhere
            fig.published = true;
            fig.raw = 0;
            fig.cells.push_back(CellKey(probe) + " (left out: zero)");
          }
        }
      }
    }
    return true;
  }

  int BreakdownIndex(const std::string& name) const {
    if (name.empty()) return 0;
    for (size_t b = 0; b < spec_.breakdowns.size(); ++b) {
      std::vector<std::string> names;
      for (int d : spec_.breakdowns[b]) names.push_back(dims_[d].id);
      if (absl::StrJoin(names, " x ") == name) return static_cast<int>(b) + 1;
    }
    return -1;
  }

  bool BreakdownCovers(int b) const {
    if (b <= 0) return true;
    for (int d : spec_.breakdowns[b - 1]) {
      if (!dims_[d].covering) return false;
    }
    return true;
  }

  // The LP. Columns: one per figure (its value: fixed when published,
  // ≥ 0 otherwise), then the atom counts of additive kinds (free). Rows:
  // each additive figure is the sum of its atoms; the relations between
  // figures.
  void Solve(std::vector<std::string>* failures) {
    // Atoms of additive kinds: date segments × the axes the indicator uses.
    std::set<int32_t> bounds;
    for (const Slot& s : slots_) {
      bounds.insert(s.start);
      bounds.insert(s.end);
    }
    segments_.assign(bounds.begin(), bounds.end());
    std::vector<int> used_axes;
    for (const std::vector<int>& b : spec_.breakdowns) {
      for (int d : b) {
        if (std::find(used_axes.begin(), used_axes.end(), dims_[d].axis) == used_axes.end()) {
          used_axes.push_back(dims_[d].axis);
        }
      }
    }
    std::sort(used_axes.begin(), used_axes.end());
    size_t per_segment = 1;
    for (int a : used_axes) per_segment *= static_cast<size_t>(kAtoms[a]);
    const size_t atoms_per_kind = (segments_.size() - 1) * per_segment;

    glp_prob* lp = glp_create_prob();
    std::unique_ptr<glp_prob, void (*)(glp_prob*)> owner(lp, glp_delete_prob);
    // Subset ratios: denominator = numerator + complement. An additive
    // one's denominator has no atoms of its own.
    const bool subset = spec_.measure == Measure::kServedShare || spec_.measure == Measure::kDistinctServed;
    const int num_k = KindIndex(Kind::kNumerator);
    const int den_k = subset ? KindIndex(Kind::kDenominator) : -1;
    const int com_k = subset ? KindIndex(Kind::kComplement) : -1;
    const bool derived_denominator = subset && den_k != num_k && den_k != com_k && kinds_[den_k].additive &&
                                     kinds_[num_k].additive && kinds_[com_k].additive;
    const int figure_columns = static_cast<int>(figures_.size());
    int columns = figure_columns;
    std::vector<int> atom_base(kinds_.size(), -1);
    for (size_t k = 0; k < kinds_.size(); ++k) {
      if (!kinds_[k].additive || (derived_denominator && static_cast<int>(k) == den_k)) continue;
      atom_base[k] = columns;
      columns += static_cast<int>(atoms_per_kind);
    }
    glp_add_cols(lp, columns);
    for (int f = 0; f < figure_columns; ++f) {
      if (figures_[f].published) {
        glp_set_col_bnds(lp, f + 1, GLP_FX, figures_[f].raw, figures_[f].raw);
      } else {
        glp_set_col_bnds(lp, f + 1, GLP_LO, 0, 0);
      }
    }
    for (int j = figure_columns + 1; j <= columns; ++j) glp_set_col_bnds(lp, j, GLP_FR, 0, 0);
    std::vector<int> ia = {0}, ja = {0};
    std::vector<double> ar = {0};
    int rows = 0;
    auto add_row = [&](const std::map<int, double>& terms, int type) {
      glp_add_rows(lp, 1);
      ++rows;
      glp_set_row_bnds(lp, rows, type, 0, 0);
      for (const auto& [j, v] : terms) {
        if (v == 0) continue;
        ia.push_back(rows);
        ja.push_back(j);
        ar.push_back(v);
      }
    };
    auto add_atoms = [&](int kind, const Position& p, double sign, std::map<int, double>* out) {
      for (size_t s = 0; s + 1 < segments_.size(); ++s) {
        if (segments_[s] < p.start || segments_[s + 1] > p.end) continue;
        for (size_t combo = 0; combo < per_segment; ++combo) {
          size_t rest = combo;
          bool inside = true;
          for (size_t a = used_axes.size(); a-- > 0;) {
            const int atom = static_cast<int>(rest % kAtoms[used_axes[a]]);
            rest /= kAtoms[used_axes[a]];
            if (!(p.atoms[used_axes[a]] & (Mask{1} << atom))) inside = false;
          }
          if (inside) (*out)[atom_base[kind] + static_cast<int>(s * per_segment + combo) + 1] += sign;
        }
      }
    };
    // Additive figures: the sums of their atoms.
    for (int f = 0; f < figure_columns; ++f) {
      const int kind = figures_[f].kind;
      if (!kinds_[kind].additive) continue;
      std::map<int, double> terms = {{f + 1, 1}};
      if (atom_base[kind] >= 0) {
        add_atoms(kind, figures_[f].position, -1, &terms);
      } else {
        add_atoms(num_k, figures_[f].position, -1, &terms);
        add_atoms(com_k, figures_[f].position, -1, &terms);
      }
      add_row(terms, GLP_FX);
    }
    // A relation among published figures only tells nothing new.
    auto has_variable = [&](const std::vector<int>& fs) {
      for (int f : fs) {
        if (!figures_[f].published) return true;
      }
      return false;
    };
    auto relate = [&](const std::vector<std::pair<int, double>>& parts, int type) {
      std::vector<int> fs;
      std::map<int, double> terms;
      for (const auto& [f, v] : parts) {
        fs.push_back(f);
        terms[f + 1] += v;
      }
      if (has_variable(fs)) add_row(terms, type);
    };
    // Relations between figures of one kind.
    for (size_t y = 0; y < figures_.size(); ++y) {
      const Figure& fy = figures_[y];
      const KindSpec& kind = kinds_[fy.kind];
      const int yi = static_cast<int>(y);
      std::vector<int> same_kind;
      for (size_t x = 0; x < figures_.size(); ++x) {
        if (x != y && figures_[x].kind == fy.kind) same_kind.push_back(static_cast<int>(x));
      }
      // Containment, between each figure and the smallest ones holding it
      // (the others follow).
      if (kind.monotone) {
        std::vector<int> holders;
        for (int x : same_kind) {
          if (Within(fy.position, figures_[x].position)) holders.push_back(x);
        }
        for (int x : holders) {
          bool smallest = true;
          for (int z : holders) {
            if (z != x && Within(figures_[z].position, figures_[x].position)) smallest = false;
          }
          if (smallest) relate({{yi, 1}, {x, -1}}, GLP_UP);
        }
      }
      // Families: a breakdown's cells in the same dates; a period type's
      // periods in the same cell.
      std::vector<std::vector<int>> families;
      // (A family holding y itself tells nothing.)
      for (size_t b = 0; b <= spec_.breakdowns.size(); ++b) {
        if (!BreakdownCovers(static_cast<int>(b)) || fy.breakdowns.count(static_cast<int>(b))) continue;
        std::vector<int> members;
        for (int x : same_kind) {
          const Figure& fx = figures_[x];
          if (fx.breakdowns.count(static_cast<int>(b)) && fx.position.start == fy.position.start &&
              fx.position.end == fy.position.end && Meet(fx.position, fy.position)) {
            members.push_back(x);
          }
        }
        families.push_back(members);
      }
      for (size_t t = 0; t < types_.size(); ++t) {
        if (types_[t] == v1::CUSTOM) continue;
        bool own = false;
        for (int sl : fy.slots) own = own || (slots_[sl].scope == v1::SCOPE_PERIOD && slots_[sl].type == static_cast<int>(t));
        if (own) continue;
        std::vector<int> members;
        for (int x : same_kind) {
          const Figure& fx = figures_[x];
          bool period_of_type = false;
          for (int sl : fx.slots) {
            period_of_type = period_of_type || (slots_[sl].scope == v1::SCOPE_PERIOD && slots_[sl].type == static_cast<int>(t));
          }
          if (!period_of_type) continue;
          if (fx.position.atoms != fy.position.atoms || !Meet(fx.position, fy.position)) continue;
          members.push_back(x);
        }
        families.push_back(members);
      }
      for (const std::vector<int>& members : families) {
        if (members.empty()) continue;
        std::vector<std::pair<int, double>> parts = {{yi, 1}};
        std::vector<int> inside;
        for (int x : members) {
          parts.push_back({x, -1});
          if (Within(figures_[x].position, fy.position)) inside.push_back(x);
        }
        // Covering: y ≤ Σ members (for a complement of distinct counts only
        // when every member is inside y: a person not served in y may be
        // served in the part of a member outside it).
        if (kind.monotone || inside.size() == members.size()) relate(parts, GLP_UP);
        // Members inside y that cover it (none partial) whose raw figures
        // add up to it: a partition, as an attacker who assumes no unit
        // counts twice takes it.
        double inside_sum = 0;
        for (int x : inside) inside_sum += figures_[x].raw;
        if (inside.size() == members.size() && inside_sum == fy.raw) relate(parts, GLP_FX);
        // Disjoint members inside y sum to at most y (additive kinds).
        if (kind.additive && !inside.empty()) {
          bool disjoint = true;
          for (size_t i = 0; i < inside.size() && disjoint; ++i) {
            for (size_t j = i + 1; j < inside.size() && disjoint; ++j) {
              disjoint = !Meet(figures_[inside[i]].position, figures_[inside[j]].position);
            }
          }
          if (disjoint) {
            std::vector<std::pair<int, double>> in = {{yi, -1}};
            for (int x : inside) in.push_back({x, 1});
            relate(in, GLP_UP);
          }
        }
      }
    }
    // Between the figures of one cell.
    const int units_k = KindIndex(Kind::kUnits);
    for (size_t f = 0; f < figures_.size(); ++f) {
      const Figure& fig = figures_[f];
      const int fi = static_cast<int>(f);
      auto twin = [&](int kind) -> int {
        auto it = index_.find({kind, fig.position});
        return it == index_.end() ? -1 : it->second;
      };
      if (subset && !derived_denominator && fig.kind == den_k && den_k != num_k && den_k != com_k) {
        const int n = twin(num_k), c = twin(com_k);
        if (n >= 0 && c >= 0) relate({{fi, 1}, {n, -1}, {c, -1}}, GLP_FX);
      }
      if (spec_.measure == Measure::kRecords && fig.kind == units_k && units_k != num_k) {
        const int n = twin(num_k);
        if (n >= 0) relate({{fi, 1}, {n, -1}}, GLP_UP);
      }
    }
    if (rows == 0) return;
    glp_load_matrix(lp, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.presolve = GLP_OFF;
    // The smallest and largest value of each figure at the points seen (the
    // raw figures are one).
    std::vector<double> low(figures_.size()), high(figures_.size());
    for (size_t f = 0; f < figures_.size(); ++f) low[f] = high[f] = figures_[f].raw;
    auto look = [&]() {
      for (int f = 0; f < figure_columns; ++f) {
        const double x = glp_get_col_prim(lp, f + 1);
        low[f] = std::min(low[f], x);
        high[f] = std::max(high[f], x);
      }
    };
    auto wide = [&](size_t f) { return high[f] - low[f] >= spec_.k - 1e-6; };
    // Optimises Σ of `objective`'s figures; nullopt when unbounded.
    auto optimum = [&](const std::vector<std::pair<int, double>>& objective, bool maximize,
                       bool* failed) -> std::optional<double> {
      for (int j = 1; j <= columns; ++j) glp_set_obj_coef(lp, j, 0);
      for (const auto& [f, weight] : objective) glp_set_obj_coef(lp, f + 1, weight);
      glp_set_obj_dir(lp, maximize ? GLP_MAX : GLP_MIN);
      int ret = glp_simplex(lp, &parm);
      if (ret != 0) {
        glp_std_basis(lp);  // start again from a fresh basis
        ret = glp_simplex(lp, &parm);
      }
      const int status = glp_get_status(lp);
      if (ret != 0 || (status != GLP_OPT && status != GLP_UNBND)) {
        failures->push_back(absl::StrCat("the attacker's program could not be solved (glp_simplex ", ret,
                                         ", status ", status, ")"));
        *failed = true;
        return std::nullopt;
      }
      if (status == GLP_UNBND) return std::nullopt;
      look();
      return glp_get_obj_val(lp);
    };
    if (std::getenv("CTIND_ATTACKER_SEED")) {
      std::cout << spec_.id << ": " << rows << " rows, " << columns << " columns, " << ia.size() << " nonzeros\n";
    }
    std::vector<int> withheld;
    for (size_t f = 0; f < figures_.size(); ++f) {
      if (!figures_[f].published && figures_[f].shown_anywhere) withheld.push_back(static_cast<int>(f));
    }
    // Sweeps: the withheld figures not yet seen k apart, all up, all down,
    // then pushed up or down at random, move many figures at once.
    bool failed = false;
    Random coin(figures_.size() * 7919 + withheld.size());
    // Within a box (each withheld figure at most raw + 2k, a slice of the
    // attacker's set) so that a sweep has an optimum.
    for (int f : withheld) glp_set_col_bnds(lp, f + 1, GLP_DB, 0, figures_[f].raw + 2 * spec_.k);
    for (int sweep = 0; sweep < 10; ++sweep) {
      std::vector<std::pair<int, double>> objective;
      for (int f : withheld) {
        if (!wide(f)) objective.push_back({f, sweep < 2 ? 1.0 : (coin.Chance(0.5) ? 1.0 : -1.0)});
      }
      if (objective.size() < 2) break;
      optimum(objective, sweep != 1, &failed);
      if (failed) return;
    }
    for (int f : withheld) glp_set_col_bnds(lp, f + 1, GLP_LO, 0, 0);
    if (std::getenv("CTIND_ATTACKER_SEED")) {
      int short_count = 0;
      for (int f : withheld) short_count += !wide(f);
      std::cout << spec_.id << ": " << withheld.size() << " withheld, " << short_count << " short after sweeps\n";
    }
    // Then each figure still short: its maximum, then its minimum.
    for (int f : withheld) {
      if (wide(f)) continue;
      const Figure& fig = figures_[f];
      const std::optional<double> up = optimum({{f, 1.0}}, true, &failed);
      if (failed) return;
      if (!up || wide(f)) continue;
      const std::optional<double> down = optimum({{f, 1.0}}, false, &failed);
      if (failed) return;
      if (!wide(f)) {
        failures->push_back(absl::StrCat(spec_.id, " ", KindName(kinds_[fig.kind].kind), " of ",
                                         absl::StrJoin(fig.cells, ", "), " (raw ", fig.raw,
                                         "): the attacker narrows it to [", *down, ", ", *up,
                                         "], narrower than k = ", spec_.k));
      }
    }
  }

  const IndicatorSpec& spec_;
  const v1::IndicatorResult& raw_;
  const v1::IndicatorResult& pub_;
  const std::vector<DimensionSpec> dims_;
  std::vector<v1::PeriodType> types_;
  std::vector<Slot> slots_;
  std::map<std::string, int> slot_index_;
  std::vector<KindSpec> kinds_;
  std::map<Kind, Kind> alias_;
  std::vector<Figure> figures_;
  std::map<std::pair<int, Position>, int> index_;
  std::vector<int32_t> segments_;
};

std::optional<int64_t> EnvInt(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') return std::nullopt;
  return std::strtoll(v, nullptr, 10);
}

// Runs one case; failures, one line each.
std::vector<std::string> RunCase(const Case& c, bool print, int* suppressed_cells) {
  std::vector<std::string> failures;
  absl::StatusOr<Schema> schema = Schema::Parse(kSchema, ProtoFormat::kText, "schema");
  if (!schema.ok()) return {std::string(schema.status().message())};
  absl::StatusOr<Framework> fw = Framework::Parse(c.framework, ProtoFormat::kText, "framework");
  if (!fw.ok()) return {absl::StrCat("framework: ", fw.status().message())};
  absl::StatusOr<Plan> plan = Plan::Compile(*fw, *schema);
  if (!plan.ok()) return {absl::StrCat("compile: ", plan.status().message())};
  Dataset data(*schema);
  absl::Status s = data.LoadCsv("persons", c.persons, "persons.csv");
  if (s.ok()) s = data.LoadCsv("identifications", c.identifications, "identifications.csv");
  if (!s.ok()) return {absl::StrCat("data: ", s.message())};
  EvaluateOptions options;
  options.as_of = Date::ParseIso(c.as_of);
  options.period_types = c.period_types;
  absl::StatusOr<Results> raw = Evaluate(*plan, data, options);
  if (!raw.ok()) return {absl::StrCat("evaluate: ", raw.status().message())};
  absl::StatusOr<Publication> pub = Publish(*raw, *plan);
  if (!pub.ok()) return {absl::StrCat("publish: ", pub.status().message())};
  for (size_t i = 0; i < c.indicators.size(); ++i) {
    if (print) {
      for (const v1::Cell& cell : pub->raw_with_reasons().proto().indicators(static_cast<int>(i)).cells()) {
        std::cout << c.indicators[i].id << " " << CellKey(cell) << " units " << cell.units() << " numerator "
                  << cell.numerator() << " denominator " << cell.denominator() << " "
                  << v1::SuppressionReason_Name(cell.suppression()) << "\n";
      }
    }
    const v1::IndicatorResult& r = raw->proto().indicators(static_cast<int>(i));
    const v1::IndicatorResult& p = pub->results().proto().indicators(static_cast<int>(i));
    for (const v1::Cell& cell : p.cells()) *suppressed_cells += cell.status() == v1::SUPPRESSED;
    std::vector<std::string> f = Attack(c.indicators[i], r, p).Run();
    failures.insert(failures.end(), f.begin(), f.end());
  }
  return failures;
}

TEST(AttackerTest, NoWithheldFigureNarrowerThanK) {
  glp_term_out(GLP_OFF);
  const std::optional<int64_t> only = EnvInt("CTIND_ATTACKER_SEED");
  const int64_t cases = EnvInt("CTIND_ATTACKER_CASES").value_or(kDefaultCases);
  int failed = 0, suppressed = 0;
  // What the cases exercised.
  std::map<std::string, int> exercised;
  for (int64_t seed = only.value_or(1); seed <= (only ? *only : cases); ++seed) {
    const Case c = Generate(static_cast<uint64_t>(seed));
    for (const IndicatorSpec& ind : c.indicators) {
      ++exercised[absl::StrCat("measure ", static_cast<int>(ind.measure))];
      if (ind.cumulative) ++exercised["cumulative"];
      if (ind.latest) ++exercised["latest"];
      for (const std::vector<int>& b : ind.breakdowns) {
        ++exercised[b.size() > 1 ? "cross" : absl::StrCat("one-way ", Dimensions()[b[0]].id,
                                                          Dimensions()[b[0]].declared.empty() ? "" : " (declared)")];
      }
    }
    for (const std::string& t : c.period_types) ++exercised[absl::StrCat("with ", t)];
    if (only) {
      std::cout << c.framework << "\nas of " << c.as_of << ", period types " << absl::StrJoin(c.period_types, ",")
                << "\n" << c.persons << "\n" << c.identifications << "\n";
    }
    const auto began = std::chrono::steady_clock::now();
    const std::vector<std::string> failures = RunCase(c, only.has_value(), &suppressed);
    if (std::getenv("CTIND_ATTACKER_TIMES")) {
      std::cout << "seed " << seed << ": "
                << std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count() << " s\n";
    }
    if (failures.empty()) continue;
    ++failed;
    if (failed <= 3) {
      ADD_FAILURE() << "seed " << seed << " (CTIND_ATTACKER_SEED=" << seed << " to print it):\n  "
                    << absl::StrJoin(failures.begin(), failures.begin() + std::min<size_t>(failures.size(), 8), "\n  ");
    }
  }
  EXPECT_EQ(failed, 0);
  // The cases do exercise suppression.
  EXPECT_GT(suppressed, 0);
  std::cout << "attacker: " << suppressed << " suppressed cells attacked; indicators and breakdowns:";
  for (const auto& [what, n] : exercised) std::cout << " " << what << " " << n << ";";
  std::cout << "\n";
}

}  // namespace
}  // namespace attacker
}  // namespace ctind
