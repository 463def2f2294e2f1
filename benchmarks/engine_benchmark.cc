// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Ingest and evaluation over synthetic identification records (a stand-in
// until the catalog's generator exists): CSV ingest throughput, and the
// quickstart indicator (distinct persons per quarter by gender and by the
// multi-valued type of exploitation) over 10k to 1M records.

#include <random>
#include <string>

#include "benchmark/benchmark.h"
#include "absl/strings/str_cat.h"
#include "ctind/ctind.h"

namespace ctind {
namespace {

constexpr char kSchema[] = R"pb(
id: "bench"
code_lists { id: "gender" codes { value: "Feminine" } codes { value: "Masculine" }
             codes { value: "TransgenderFeminine" } codes { value: "NonSpecifiedUnknown" } }
code_lists { id: "forms" codes { value: "ForcedLabour" } codes { value: "SexualExploitation" }
             codes { value: "ForcedMarriage" } codes { value: "ForcedBegging" } codes { value: "Other" } }
tables {
  name: "identifications" key: "record_id" person: "person_id"
  fields { name: "record_id" type: STRING role: IDENTIFIER }
  fields { name: "person_id" type: STRING role: IDENTIFIER }
  fields { name: "prs_Gender" type: CATEGORY code_list: "gender" }
  fields { name: "identified_on" type: DATE }
  fields { name: "vic_TypeOfExploitation" type: CATEGORY code_list: "forms" multi_valued: true }
})pb";

constexpr char kFramework[] = R"pb(
project { id: "B" title: "Benchmark" start_date: "2023-01-01" end_date: "2025-12-31" }
indicators {
  id: "PROT-01" title: "Persons identified"
  measure { value { table: "identifications" count_distinct: "person_id" } }
  period { by: "identified_on" every: QUARTERLY }
  cumulation: CUMULATIVE
  disaggregate_by { dimensions: "prs_Gender" }
  disaggregate_by { dimensions: "vic_TypeOfExploitation" }
})pb";

std::string MakeCsv(int64_t rows) {
  std::mt19937_64 rng(42);
  const char* genders[] = {"Feminine", "Masculine", "TransgenderFeminine", "NonSpecifiedUnknown", ""};
  const char* forms[] = {"ForcedLabour", "SexualExploitation", "ForcedMarriage", "ForcedBegging",
                         "ForcedLabour;SexualExploitation"};
  std::string csv = "record_id,person_id,prs_Gender,identified_on,vic_TypeOfExploitation\n";
  csv.reserve(static_cast<size_t>(rows) * 64);
  const Date start = *Date::FromYmd(2023, 1, 1);
  for (int64_t r = 0; r < rows; ++r) {
    const int64_t person = static_cast<int64_t>(rng() % static_cast<uint64_t>(rows * 9 / 10 + 1));
    const Date d = start.AddDays(static_cast<int32_t>(rng() % 1095));
    absl::StrAppend(&csv, "R", r, ",P", person, ",", genders[rng() % 5], ",", d.ToIsoString(),
                    ",", forms[rng() % 5], "\n");
  }
  return csv;
}

Schema BenchSchema() { return *Schema::Parse(kSchema, ProtoFormat::kText, "bench"); }

void BM_CsvIngest(benchmark::State& state) {
  const std::string csv = MakeCsv(state.range(0));
  const Schema schema = BenchSchema();
  for (auto _ : state) {
    Dataset dataset(schema);
    absl::Status status = dataset.LoadCsv("identifications", csv, "bench.csv");
    if (!status.ok()) state.SkipWithError(std::string(status.message()).c_str());
    benchmark::DoNotOptimize(dataset.RowCount("identifications"));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(csv.size()));
}
BENCHMARK(BM_CsvIngest)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

void BM_EvaluateDistinctByGenderAndForm(benchmark::State& state) {
  const Schema schema = BenchSchema();
  Dataset dataset(schema);
  if (!dataset.LoadCsv("identifications", MakeCsv(state.range(0)), "bench.csv").ok()) {
    state.SkipWithError("load failed");
    return;
  }
  const Framework framework = *Framework::Parse(kFramework, ProtoFormat::kText, "fw");
  const Plan plan = *Plan::Compile(framework, schema);
  EvaluateOptions options;
  options.as_of = Date::FromYmd(2025, 12, 31);
  for (auto _ : state) {
    absl::StatusOr<Results> results = Evaluate(plan, dataset, options);
    benchmark::DoNotOptimize(results);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_EvaluateDistinctByGenderAndForm)
    ->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

void BM_CompileFramework(benchmark::State& state) {
  const Schema schema = BenchSchema();
  const Framework framework = *Framework::Parse(kFramework, ProtoFormat::kText, "fw");
  for (auto _ : state) benchmark::DoNotOptimize(Plan::Compile(framework, schema));
}
BENCHMARK(BM_CompileFramework);

}  // namespace
}  // namespace ctind

BENCHMARK_MAIN();
