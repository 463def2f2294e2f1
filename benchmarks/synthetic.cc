// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "synthetic.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "ctind/date.h"
#include "ingest/columns.h"

namespace ctind {
namespace bench {
namespace {

constexpr char kSchemaText[] = R"pb(
id: "ctind-bench"
version: "1"
title: "Synthetic counter-trafficking caseload (benchmarks)"
code_lists { id: "gender"
  codes { value: "Feminine" } codes { value: "Masculine" }
  codes { value: "TransgenderFeminine" } codes { value: "TransgenderMasculine" }
  codes { value: "NonConforming" } codes { value: "NonSpecifiedUnknown" } }
code_lists { id: "country"
  codes { value: "TH" } codes { value: "MM" } codes { value: "KH" } codes { value: "LA" }
  codes { value: "VN" } codes { value: "NP" } codes { value: "BD" } codes { value: "IN" }
  codes { value: "CN" } codes { value: "PH" } codes { value: "ID" } codes { value: "MY" }
  codes { value: "NG" } codes { value: "UA" } codes { value: "NA" label: "Namibia" } }
code_lists { id: "trafficking_status"
  codes { value: "PossibleVictimOfTrafficking" } codes { value: "ActualVictimOfTrafficking" }
  codes { value: "NotAVictimOfTrafficking" } }
code_lists { id: "exploitation"
  codes { value: "ForcedLabour" } codes { value: "SexualExploitation" }
  codes { value: "ChildLabour" } codes { value: "ForcedMarriage" } codes { value: "Servitude" }
  codes { value: "ForcedMilitaryByNonStateActors" } codes { value: "OrganRemoval" }
  codes { value: "ForcedBegging" } codes { value: "ForcedAdoption" } codes { value: "Surrogacy" }
  codes { value: "Other" } }
code_lists { id: "channel"
  codes { value: "Referral" } codes { value: "Outreach" } codes { value: "Hotline" }
  codes { value: "LawEnforcement" } codes { value: "SelfReferral" } }
code_lists { id: "case_status"
  codes { value: "Active" } codes { value: "FollowUp" } codes { value: "Closed" }
  codes { value: "ClosedReferred" } }
code_lists { id: "service_type"
  codes { value: "Medical" } codes { value: "Shelter" } codes { value: "Psychosocial" }
  codes { value: "Legal" } codes { value: "Reintegration" } codes { value: "Education" }
  codes { value: "Financial" } }
tables {
  name: "victims" key: "person_id"
  fields { name: "person_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "prs_Gender" type: CATEGORY code_list: "gender" }
  fields { name: "birth_date" type: DATE }
  fields { name: "prs_Citizenship" type: CATEGORY code_list: "country" }
  fields { name: "vic_TraffickingStatus" type: CATEGORY code_list: "trafficking_status" }
  fields { name: "vic_TypeOfExploitation" type: CATEGORY code_list: "exploitation" multi_valued: true }
  fields { name: "identified_on" type: DATE required: true }
  fields { name: "identification_channel" type: CATEGORY code_list: "channel" }
}
tables {
  name: "cases" key: "case_id" person: "person_id" record_date: "opened_on"
  fields { name: "case_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "person_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "opened_on" type: DATE required: true }
  fields { name: "closed_on" type: DATE }
  fields { name: "cas_Status" type: CATEGORY code_list: "case_status" }
  links { name: "person" field: "person_id" table: "victims" parent_field: "person_id"
          children_name: "cases" }
}
tables {
  name: "services" key: "service_id" person: "case.person_id" record_date: "provided_on"
  fields { name: "service_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "case_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "service_type" type: CATEGORY code_list: "service_type" }
  fields { name: "provided_on" type: DATE }
  links { name: "case" field: "case_id" table: "cases" parent_field: "case_id"
          children_name: "services" }
}
dimensions { id: "age_band" table: "victims"
  age_band { field: "birth_date"
             bands { lower_bounds: [0, 12, 18, 30, 50]
                     labels: ["0-11", "12-17", "18-29", "30-49", "50+"] } } }
dimensions { id: "case_age_band" table: "cases"
  age_band { field: "person.birth_date" reference_date: "opened_on"
             bands { lower_bounds: [0, 12, 18, 30, 50]
                     labels: ["0-11", "12-17", "18-29", "30-49", "50+"] } } }
dimensions { id: "service_age_band" table: "services"
  age_band { field: "case.person.birth_date" reference_date: "provided_on"
             bands { lower_bounds: [0, 12, 18, 30, 50]
                     labels: ["0-11", "12-17", "18-29", "30-49", "50+"] } } }
)pb";

// SplitMix64: a small, fast generator whose output depends only on the
// seed, so that streams are reproducible on every platform (the standard
// library's distributions are not).
class Rng {
 public:
  Rng(uint64_t seed, uint64_t stream) : state_(Mix(seed ^ Mix(stream + 0x632BE59BD9B4E019ULL))) {}

  uint64_t Next() { return Mix(state_ += 0x9E3779B97F4A7C15ULL); }
  // Uniform in [0, 1).
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  // Uniform in [0, n).
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }
  bool Chance(double p) { return Uniform() < p; }
  // Exponential with the given mean, rounded down.
  int Exponential(double mean) { return static_cast<int>(-std::log(1.0 - Uniform()) * mean); }

 private:
  static uint64_t Mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  uint64_t state_;
};

struct Weighted {
  const char* value;  // "" writes a missing value
  int weight;
};

template <size_t N>
const char* Pick(Rng& rng, const Weighted (&choices)[N]) {
  int total = 0;
  for (const Weighted& c : choices) total += c.weight;
  int r = rng.Below(total);
  for (const Weighted& c : choices) {
    if (r < c.weight) return c.value;
    r -= c.weight;
  }
  return choices[N - 1].value;
}

constexpr Weighted kGender[] = {
    {"Feminine", 580}, {"Masculine", 340}, {"TransgenderFeminine", 15}, {"TransgenderMasculine", 10},
    {"NonConforming", 5}, {"NonSpecifiedUnknown", 20}, {"", 30}};
constexpr Weighted kCitizenship[] = {
    {"TH", 290}, {"MM", 150}, {"KH", 100}, {"LA", 80}, {"VN", 60}, {"NP", 50}, {"BD", 40},
    {"IN", 40},  {"CN", 30},  {"PH", 30},  {"ID", 30}, {"MY", 20}, {"NG", 20}, {"UA", 20},
    {"NA", 20},  {"", 20}};
constexpr Weighted kStatus[] = {{"ActualVictimOfTrafficking", 55},
                                {"PossibleVictimOfTrafficking", 38},
                                {"NotAVictimOfTrafficking", 5},
                                {"", 2}};
constexpr Weighted kChannel[] = {{"Referral", 40}, {"Outreach", 20}, {"Hotline", 15},
                                 {"LawEnforcement", 15}, {"SelfReferral", 8}, {"", 2}};
// Type of exploitation by profile.
constexpr Weighted kFormsFeminine[] = {{"SexualExploitation", 45}, {"ForcedLabour", 30},
                                       {"ForcedMarriage", 10}, {"Servitude", 6},
                                       {"ForcedBegging", 3}, {"Other", 6}};
constexpr Weighted kFormsMasculine[] = {{"ForcedLabour", 70}, {"SexualExploitation", 5},
                                        {"Servitude", 8}, {"ForcedBegging", 7}, {"Other", 10}};
constexpr Weighted kFormsChild[] = {{"ChildLabour", 30}, {"ForcedBegging", 20},
                                    {"SexualExploitation", 20}, {"ForcedLabour", 15},
                                    {"ForcedMarriage", 10}, {"Other", 5}};
constexpr Weighted kCaseOpen[] = {{"Active", 80}, {"FollowUp", 20}};
constexpr Weighted kCaseClosed[] = {{"Closed", 75}, {"ClosedReferred", 25}};
constexpr Weighted kServicesPerCase[] = {{"0", 8},  {"1", 12}, {"2", 15}, {"3", 20},
                                         {"4", 20}, {"5", 15}, {"6", 10}};
constexpr Weighted kServiceType[] = {{"Medical", 20},       {"Shelter", 18}, {"Psychosocial", 18},
                                     {"Legal", 14},         {"Reintegration", 12},
                                     {"Education", 8},      {"Financial", 10}};

// ISO text of every day from 1930-01-01 to 2026-12-31, indexed by day
// number minus kFirstDay: formatting a date is a copy of 10 bytes.
class DateTexts {
 public:
  DateTexts() {
    first_ = Date::FromYmd(1930, 1, 1)->day_number();
    const int32_t last = Date::FromYmd(2026, 12, 31)->day_number();
    text_.reserve(static_cast<size_t>(last - first_ + 1) * 10);
    for (int32_t d = first_; d <= last; ++d) text_ += Date::FromDayNumber(d).ToIsoString();
    project_start_ = Date::ParseIso(kProjectStart)->day_number();
    project_end_ = Date::ParseIso(kProjectEnd)->day_number();
  }
  // Day number → text; days outside the table are clamped to it.
  std::string_view Text(int32_t day) const {
    const int32_t last = first_ + static_cast<int32_t>(text_.size() / 10) - 1;
    day = day < first_ ? first_ : (day > last ? last : day);
    return std::string_view(text_).substr(static_cast<size_t>(day - first_) * 10, 10);
  }
  int32_t project_start() const { return project_start_; }
  int32_t project_end() const { return project_end_; }

 private:
  int32_t first_ = 0;
  int32_t project_start_ = 0;
  int32_t project_end_ = 0;
  std::string text_;
};

// Debian's Abseil has its own string_view (BUILD-NOTES 3).
absl::string_view A(std::string_view s) { return absl::string_view(s.data(), s.size()); }

const DateTexts& Dates() {
  static const DateTexts* dates = new DateTexts();
  return *dates;
}

// One victim's records, drawn in a fixed order from the victim's stream.
struct CaseDraw {
  int32_t opened = 0;
  int32_t closed = -1;  // day number; -1 while open
  const char* status = "";
  int dirty = 0;        // 0 clean, 1 closed before opened, 2 bad opening date, 3 no status
  int first_service = 0;  // index into VictimDraw::services
  int service_count = 0;
};

struct ServiceDraw {
  int32_t on = 0;
  const char* type = "";
  int dirty = 0;  // 0 clean, 1 misspelt type, 2 missing date
};

struct VictimDraw {
  int32_t identified = 0;
  int32_t birth = 0;
  bool has_birth = true;
  const char* gender = "";
  const char* citizenship = "";
  const char* status = "";
  const char* channel = "";
  const char* forms[2] = {"", nullptr};
  int dirty = 0;  // 0 clean, 1..5 which field is dirty
  CaseDraw cases[2];
  int case_count = 0;
  ServiceDraw services[12];
  int service_count = 0;
};

void Draw(const SyntheticOptions& options, int64_t index, VictimDraw* v) {
  const DateTexts& dates = Dates();
  const int32_t start = dates.project_start();
  const int32_t end = dates.project_end();
  const int span = end - start + 1;
  Rng rng(options.seed, static_cast<uint64_t>(index));

  // A caseload that grows over the project: density rising towards the end.
  v->identified = start + std::min(span - 1, static_cast<int>(span * std::pow(rng.Uniform(), 0.8)));
  const bool child = rng.Chance(0.25);
  const int age = child ? 17 - static_cast<int>(10 * rng.Uniform() * rng.Uniform())
                        : 18 + static_cast<int>(45 * std::pow(rng.Uniform(), 1.8));
  v->birth = v->identified - age * 365 - age / 4 - rng.Below(365);
  v->has_birth = !rng.Chance(0.04);
  v->gender = Pick(rng, kGender);
  v->citizenship = Pick(rng, kCitizenship);
  v->status = Pick(rng, kStatus);
  v->channel = Pick(rng, kChannel);
  const std::string_view gender = v->gender;
  const bool feminine = gender == "Feminine" || gender == "TransgenderFeminine" ||
                        (gender != "Masculine" && gender != "TransgenderMasculine" && rng.Chance(0.6));
  auto form = [&]() {
    if (child && rng.Chance(0.6)) return Pick(rng, kFormsChild);
    return feminine ? Pick(rng, kFormsFeminine) : Pick(rng, kFormsMasculine);
  };
  v->forms[0] = rng.Chance(0.03) ? "" : form();
  v->forms[1] = nullptr;
  if (v->forms[0][0] != '\0' && rng.Chance(0.12)) {
    const char* second = form();
    for (int tries = 0; tries < 4 && std::string_view(second) == v->forms[0]; ++tries) second = form();
    if (std::string_view(second) != v->forms[0]) v->forms[1] = second;
  }
  v->dirty = rng.Chance(options.dirty_rate) ? 1 + rng.Below(5) : 0;

  // Cases: the first opened at or soon after identification; a second one
  // (re-trafficking or a new episode) some months after the first.
  v->case_count = 0;
  v->service_count = 0;
  int32_t opened = v->identified + (rng.Chance(0.4) ? 0 : 1 + rng.Exponential(6));
  const int wanted = rng.Chance(0.45) ? 2 : 1;
  for (int k = 0; k < wanted && opened <= end; ++k) {
    CaseDraw& c = v->cases[v->case_count++];
    c.opened = opened;
    const int32_t closed = opened + 7 + rng.Exponential(110);
    const bool lost = rng.Chance(0.05);
    c.closed = (closed > end || lost) ? -1 : closed;
    c.status = c.closed < 0 ? Pick(rng, kCaseOpen) : Pick(rng, kCaseClosed);
    c.dirty = rng.Chance(options.dirty_rate) ? 1 + rng.Below(3) : 0;
    // Services: the first often on the opening day, then spaced out, up
    // to the closing day and the end of the project.
    c.first_service = v->service_count;
    c.service_count = 0;
    const int n = Pick(rng, kServicesPerCase)[0] - '0';
    int32_t on = opened + (rng.Chance(0.35) ? 0 : 1 + rng.Exponential(14));
    for (int j = 0; j < n && on <= end; ++j) {
      ServiceDraw& s = v->services[v->service_count++];
      ++c.service_count;
      s.on = c.closed >= 0 && on > c.closed ? c.closed : on;
      s.type = Pick(rng, kServiceType);
      s.dirty = rng.Chance(options.dirty_rate) ? 1 + rng.Below(2) : 0;
      on += 1 + rng.Exponential(20);
    }
    opened = (c.closed >= 0 ? c.closed : opened) + 30 + rng.Exponential(200);
  }
}

void AppendVictim(int64_t index, const VictimDraw& v, std::string* out) {
  const DateTexts& dates = Dates();
  absl::StrAppend(out, "V", index, ",", v.dirty == 1 ? "Femenine" : v.gender, ",");
  if (v.dirty == 2) {
    out->append("1990-02-30");
  } else if (v.has_birth) {
    out->append(dates.Text(v.birth));
  }
  absl::StrAppend(out, ",", v.dirty == 3 ? "XX" : v.citizenship, ",", v.status, ",");
  if (v.dirty == 4) {
    out->append("ForcedLabor");
  } else {
    out->append(v.forms[0]);
    if (v.forms[1] != nullptr) absl::StrAppend(out, ";", v.forms[1]);
  }
  out->push_back(',');
  if (v.dirty == 5) {
    // Day first: not the schema's format, so the record has no placing date.
    const std::string_view iso = dates.Text(v.identified);
    absl::StrAppend(out, A(iso.substr(8, 2)), "/", A(iso.substr(5, 2)), "/", A(iso.substr(0, 4)));
  } else {
    out->append(dates.Text(v.identified));
  }
  absl::StrAppend(out, ",", v.channel, "\n");
}

void AppendCases(int64_t index, const VictimDraw& v, std::string* out) {
  const DateTexts& dates = Dates();
  for (int k = 0; k < v.case_count; ++k) {
    const CaseDraw& c = v.cases[k];
    absl::StrAppend(out, "C", index, "-", k + 1, ",V", index, ",",
                    A(c.dirty == 2 ? std::string_view("2024-13-01") : dates.Text(c.opened)), ",");
    if (c.dirty == 1) {
      out->append(dates.Text(c.opened - 1 - static_cast<int32_t>(index % 30)));
    } else if (c.closed >= 0) {
      out->append(dates.Text(c.closed));
    }
    absl::StrAppend(out, ",", c.dirty == 3 ? "" : c.status, "\n");
  }
}

void AppendServices(int64_t index, const VictimDraw& v, std::string* out) {
  const DateTexts& dates = Dates();
  for (int k = 0; k < v.case_count; ++k) {
    const CaseDraw& c = v.cases[k];
    for (int j = 0; j < c.service_count; ++j) {
      const ServiceDraw& s = v.services[c.first_service + j];
      absl::StrAppend(out, "S", index, "-", k + 1, "-", j + 1, ",C", index, "-", k + 1, ",",
                      s.dirty == 1 ? "Medicla" : s.type, ",",
                      A(s.dirty == 2 ? std::string_view() : dates.Text(s.on)), "\n");
    }
  }
}

double SecondsSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

const char* TableName(SyntheticTable table) {
  switch (table) {
    case SyntheticTable::kVictims:
      return "victims";
    case SyntheticTable::kCases:
      return "cases";
    case SyntheticTable::kServices:
      return "services";
  }
  return "";
}

std::string_view SyntheticSchemaText() { return kSchemaText; }

const Schema& SyntheticSchema() {
  static const Schema* schema = [] {
    absl::StatusOr<Schema> parsed = Schema::Parse(kSchemaText, ProtoFormat::kText, "synthetic-schema");
    if (!parsed.ok()) {
      std::cerr << "synthetic schema: " << parsed.status() << "\n";
      std::abort();
    }
    return new Schema(*std::move(parsed));
  }();
  return *schema;
}

std::string GenerateCsv(SyntheticTable table, const SyntheticOptions& options) {
  std::string out;
  // Generous reservations (pages never written are never resident) so the
  // text does not grow by doubling, which would briefly hold it twice.
  const auto n = static_cast<size_t>(options.victims);
  switch (table) {
    case SyntheticTable::kVictims:
      out = "person_id,prs_Gender,birth_date,prs_Citizenship,vic_TraffickingStatus,"
            "vic_TypeOfExploitation,identified_on,identification_channel\n";
      out.reserve(n * 120 + 256);
      break;
    case SyntheticTable::kCases:
      out = "case_id,person_id,opened_on,closed_on,cas_Status\n";
      out.reserve(n * 100 + 256);
      break;
    case SyntheticTable::kServices:
      out = "service_id,case_id,service_type,provided_on\n";
      out.reserve(n * 260 + 256);
      break;
  }
  VictimDraw v;
  for (int64_t i = 0; i < options.victims; ++i) {
    Draw(options, i, &v);
    switch (table) {
      case SyntheticTable::kVictims:
        AppendVictim(i, v, &out);
        break;
      case SyntheticTable::kCases:
        AppendCases(i, v, &out);
        break;
      case SyntheticTable::kServices:
        AppendServices(i, v, &out);
        break;
    }
  }
  return out;
}

absl::StatusOr<Dataset> BuildSyntheticDataset(const SyntheticOptions& options, BuildStats* stats) {
  BuildStats local;
  if (stats == nullptr) stats = &local;
  Dataset dataset(SyntheticSchema());
  for (int t = 0; t < kSyntheticTableCount; ++t) {
    const auto table = static_cast<SyntheticTable>(t);
    auto t0 = std::chrono::steady_clock::now();
    std::string csv = GenerateCsv(table, options);
    stats->generate_seconds += SecondsSince(t0);
    stats->csv_bytes[t] = static_cast<int64_t>(csv.size());
    t0 = std::chrono::steady_clock::now();
    const std::string file = absl::StrCat(TableName(table), ".csv");
    absl::Status status = dataset.LoadCsv(TableName(table), csv, file);
    stats->load_seconds += SecondsSince(t0);
    if (!status.ok()) return status;
    std::string().swap(csv);  // free the text before the next table
    stats->rows[t] = dataset.RowCount(TableName(table));
  }
  return dataset;
}

int64_t DatasetBytes(const Dataset& dataset) {
  constexpr size_t kInlineString = 15;  // libstdc++'s small-string capacity
  int64_t bytes = 0;
  for (const internal::TableData& t : internal::DatasetAccess::Rep(dataset).tables) {
    for (const internal::Column& c : t.columns) {
      size_t b = c.states.size() * sizeof(internal::ValueState) + c.int64s.size() * sizeof(int64_t) +
                 c.doubles.size() * sizeof(double) + c.int32s.size() * sizeof(int32_t) +
                 c.offsets.size() * sizeof(uint32_t) + c.multi_codes.size() * sizeof(internal::CodeIndex) +
                 c.dictionary.size() * sizeof(std::string);
      for (const std::string& s : c.dictionary) {
        if (s.capacity() > kInlineString) b += s.capacity() + 1;
      }
      bytes += static_cast<int64_t>(b);
    }
  }
  return bytes;
}

}  // namespace bench
}  // namespace ctind
