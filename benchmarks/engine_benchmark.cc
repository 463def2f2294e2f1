// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Benchmarks of the computation engine over the synthetic caseload
// (synthetic.h) and the indicator mix (indicator_mix.h):
//
//   BM_Evaluate/<victims>/<indicators>  Evaluate only (dataset loaded and
//       plan compiled beforehand), victims in {10k, 100k, 1M} (and 10M with
//       CTIND_BENCH_10M=1) with their cases (1.3 per victim) and services
//       (about 4 per victim), indicators in {1, 10, 50}. items/s counts
//       victims; `cells` is the number of result cells one evaluation
//       produces.
//   BM_EvaluateEach/<i>  each indicator of the mix alone over 100k victims
//       (label: the indicator's id).
//   BM_Plan1000      Framework::Parse + Plan::Compile of 1,000 indicators.
//   BM_Compile1000   Plan::Compile alone, for the same framework.
//   BM_CsvIngest/<victims>/<table>  Dataset::LoadCsv of one table (0
//       victims, 1 cases, 2 services); bytes/s is the CSV's size.
//
// Memory counters of BM_Evaluate (MiB unless said otherwise), all read from
// /proc/self/status:
//   dataset_MiB      the in-memory dataset: bytes held by its columns
//                    (DatasetBytes);
//   base_MiB         resident set before the dataset was built (the
//                    program, libraries, earlier benchmarks' leftovers);
//   load_peak_MiB    peak resident set while generating and loading it
//                    (includes one table's CSV text at a time);
//   loaded_MiB       resident set once loaded, CSV text freed;
//   eval_peak_MiB    peak resident set while evaluating (dataset + the
//                    evaluation's working memory + the results);
//   peak_x_dataset   (eval_peak − base) / dataset: the target is < 2.
//   maxrss_MiB       getrusage's ru_maxrss at the end of the timed loop.
// Peaks are per phase where the kernel lets a process reset its peak
// (writing 5 to /proc/self/clear_refs, Linux ≥ 4.0; peak_reset = 1): the
// peak is reset before the load and before the timed loop. On Linux that
// resets ru_maxrss too (both read the same high-water mark), so maxrss_MiB
// then equals eval_peak_MiB. Where the reset is refused (peak_reset = 0),
// VmHWM and ru_maxrss are the process-wide peak since start, which is
// clean only for the first size run: run one size per process, e.g.
//   ctind_benchmarks --benchmark_filter='BM_Evaluate/1000000/50$'
// Only one dataset is cached at a time (sizes run in increasing order);
// switching size frees the previous one and trims the heap.

#include <malloc.h>
#include <sys/resource.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "ctind/ctind.h"
#include "ctind/v1/report.pb.h"
#include "indicator_mix.h"
#include "synthetic.h"

namespace ctind {
namespace bench {
namespace {

constexpr double kMiB = 1024.0 * 1024.0;

// --- Memory ---------------------------------------------------------------

struct Resident {
  double rss_mib = 0;  // VmRSS
  double hwm_mib = 0;  // VmHWM: peak since start or since the last reset
};

Resident ReadResident() {
  Resident r;
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    auto kib = [&line](std::string_view key) {
      return std::strtod(line.c_str() + key.size(), nullptr) / 1024.0;
    };
    if (line.rfind("VmRSS:", 0) == 0) r.rss_mib = kib("VmRSS:");
    if (line.rfind("VmHWM:", 0) == 0) r.hwm_mib = kib("VmHWM:");
  }
  return r;
}

// Resets VmHWM to the current resident set; false where not allowed.
bool ResetPeak() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
  clear.flush();
  return static_cast<bool>(clear);
}

double MaxRssMib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // KiB on Linux
}

// --- Cached inputs --------------------------------------------------------

struct LoadedDataset {
  int64_t victims = -1;
  std::unique_ptr<Dataset> dataset;
  BuildStats stats;
  int64_t bytes = 0;
  double base_mib = 0;
  double load_peak_mib = 0;
  double loaded_mib = 0;
  bool peak_reset = false;
  std::string error;
};

// The dataset of `victims` victims, built on first use. Holds one size at a
// time.
LoadedDataset& DatasetOf(int64_t victims) {
  static LoadedDataset* cache = new LoadedDataset();
  if (cache->victims == victims) return *cache;
  cache->dataset.reset();
  cache->error.clear();
  malloc_trim(0);
  cache->victims = victims;
  cache->base_mib = ReadResident().rss_mib;
  cache->peak_reset = ResetPeak();
  SyntheticOptions options;
  options.victims = victims;
  cache->stats = BuildStats();
  absl::StatusOr<Dataset> dataset = BuildSyntheticDataset(options, &cache->stats);
  if (!dataset.ok()) {
    cache->error = std::string(dataset.status().message());
    return *cache;
  }
  cache->dataset = std::make_unique<Dataset>(*std::move(dataset));
  malloc_trim(0);
  const Resident after = ReadResident();
  cache->load_peak_mib = after.hwm_mib;
  cache->loaded_mib = after.rss_mib;
  cache->bytes = DatasetBytes(*cache->dataset);
  return *cache;
}

// The compiled mix of `indicators` indicators, compiled on first use.
absl::StatusOr<Plan> PlanOf(int indicators) {
  static auto* plans = new std::map<int, absl::StatusOr<Plan>>();
  auto it = plans->find(indicators);
  if (it == plans->end()) {
    absl::StatusOr<Plan> plan = [&]() -> absl::StatusOr<Plan> {
      absl::StatusOr<Framework> framework = IndicatorMix(indicators);
      if (!framework.ok()) return framework.status();
      return Plan::Compile(*framework, SyntheticSchema());
    }();
    it = plans->emplace(indicators, std::move(plan)).first;
  }
  return it->second;
}

EvaluateOptions ProjectEnd() {
  EvaluateOptions options;
  options.as_of = Date::ParseIso(kProjectEnd);
  return options;
}

// --- Benchmarks -----------------------------------------------------------

void BM_Evaluate(benchmark::State& state) {
  const int64_t victims = state.range(0);
  const int indicators = static_cast<int>(state.range(1));
  absl::StatusOr<Plan> plan = PlanOf(indicators);
  if (!plan.ok()) {
    state.SkipWithError(absl::StrCat("compile: ", plan.status().message()).c_str());
    return;
  }
  LoadedDataset& data = DatasetOf(victims);
  if (data.dataset == nullptr) {
    state.SkipWithError(absl::StrCat("load: ", data.error).c_str());
    return;
  }
  const EvaluateOptions options = ProjectEnd();
  ResetPeak();
  int64_t cells = 0;
  for (auto _ : state) {
    absl::StatusOr<Results> results = Evaluate(*plan, *data.dataset, options);
    if (!results.ok()) {
      state.SkipWithError(absl::StrCat("evaluate: ", results.status().message()).c_str());
      return;
    }
    cells = 0;
    for (const v1::IndicatorResult& r : results->proto().indicators()) cells += r.cells_size();
    benchmark::DoNotOptimize(results);
  }
  const Resident after = ReadResident();
  state.SetItemsProcessed(state.iterations() * victims);
  state.counters["indicators"] = indicators;
  state.counters["cells"] = static_cast<double>(cells);
  state.counters["cells_per_s"] =
      benchmark::Counter(static_cast<double>(cells), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["cases"] = static_cast<double>(data.stats.rows[1]);
  state.counters["services"] = static_cast<double>(data.stats.rows[2]);
  state.counters["dataset_MiB"] = static_cast<double>(data.bytes) / kMiB;
  state.counters["base_MiB"] = data.base_mib;
  state.counters["load_peak_MiB"] = data.load_peak_mib;
  state.counters["loaded_MiB"] = data.loaded_mib;
  state.counters["eval_peak_MiB"] = after.hwm_mib;
  state.counters["maxrss_MiB"] = MaxRssMib();
  state.counters["peak_x_dataset"] =
      data.bytes > 0 ? (after.hwm_mib - data.base_mib) * kMiB / static_cast<double>(data.bytes) : 0;
  state.counters["peak_reset"] = data.peak_reset ? 1 : 0;
}

void EvaluateSizes(benchmark::internal::Benchmark* b) {
  const char* big = std::getenv("CTIND_BENCH_10M");
  const bool with_10m = big != nullptr && std::string_view(big) == "1";
  for (int64_t victims : {int64_t{10000}, int64_t{100000}, int64_t{1000000}, int64_t{10000000}}) {
    if (victims == 10000000 && !with_10m) continue;
    for (int64_t indicators : {1, 10, 50}) b->Args({victims, indicators});
  }
}
BENCHMARK(BM_Evaluate)->Apply(EvaluateSizes)->Unit(benchmark::kMillisecond);

// Each indicator of the mix alone over 100k victims (label: its id), to see
// which kinds of indicator cost what.
void BM_EvaluateEach(benchmark::State& state) {
  const int index = static_cast<int>(state.range(0));
  absl::StatusOr<Framework> framework =
      Framework::Parse(SingleIndicatorText(index), ProtoFormat::kText, "one.textproto");
  absl::StatusOr<Plan> plan = framework.ok() ? Plan::Compile(*framework, SyntheticSchema())
                                             : absl::StatusOr<Plan>(framework.status());
  if (!plan.ok()) {
    state.SkipWithError(absl::StrCat("compile: ", plan.status().message()).c_str());
    return;
  }
  const int64_t victims = 100000;
  LoadedDataset& data = DatasetOf(victims);
  if (data.dataset == nullptr) {
    state.SkipWithError(absl::StrCat("load: ", data.error).c_str());
    return;
  }
  const EvaluateOptions options = ProjectEnd();
  int64_t cells = 0;
  for (auto _ : state) {
    absl::StatusOr<Results> results = Evaluate(*plan, *data.dataset, options);
    if (!results.ok()) {
      state.SkipWithError(absl::StrCat("evaluate: ", results.status().message()).c_str());
      return;
    }
    cells = results->proto().indicators(0).cells_size();
    benchmark::DoNotOptimize(results);
  }
  state.SetLabel(MixIndicatorId(index));
  state.SetItemsProcessed(state.iterations() * victims);
  state.counters["cells"] = static_cast<double>(cells);
}
BENCHMARK(BM_EvaluateEach)->DenseRange(0, kMixSize - 1)->Unit(benchmark::kMillisecond);

void BM_Plan1000(benchmark::State& state) {
  const std::string text = IndicatorMixText(1000);
  const Schema& schema = SyntheticSchema();
  for (auto _ : state) {
    absl::StatusOr<Framework> framework = Framework::Parse(text, ProtoFormat::kText, "mix1000.textproto");
    if (!framework.ok()) {
      state.SkipWithError(absl::StrCat("parse: ", framework.status().message()).c_str());
      return;
    }
    absl::StatusOr<Plan> plan = Plan::Compile(*framework, schema);
    if (!plan.ok()) {
      state.SkipWithError(absl::StrCat("compile: ", plan.status().message()).c_str());
      return;
    }
    benchmark::DoNotOptimize(plan);
  }
  state.SetItemsProcessed(state.iterations() * 1000);  // indicators
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_Plan1000)->Unit(benchmark::kMillisecond);

void BM_Compile1000(benchmark::State& state) {
  absl::StatusOr<Framework> framework = IndicatorMix(1000);
  if (!framework.ok()) {
    state.SkipWithError(absl::StrCat("parse: ", framework.status().message()).c_str());
    return;
  }
  const Schema& schema = SyntheticSchema();
  for (auto _ : state) {
    absl::StatusOr<Plan> plan = Plan::Compile(*framework, schema);
    if (!plan.ok()) {
      state.SkipWithError(absl::StrCat("compile: ", plan.status().message()).c_str());
      return;
    }
    benchmark::DoNotOptimize(plan);
  }
  state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(BM_Compile1000)->Unit(benchmark::kMillisecond);

void BM_CsvIngest(benchmark::State& state) {
  SyntheticOptions options;
  options.victims = state.range(0);
  const auto table = static_cast<SyntheticTable>(state.range(1));
  const std::string csv = GenerateCsv(table, options);
  const std::string file = absl::StrCat(TableName(table), ".csv");
  int64_t rows = 0;
  for (auto _ : state) {
    Dataset dataset(SyntheticSchema());
    absl::Status status = dataset.LoadCsv(TableName(table), csv, file);
    if (!status.ok()) {
      state.SkipWithError(std::string(status.message()).c_str());
      return;
    }
    rows = dataset.RowCount(TableName(table));
    benchmark::DoNotOptimize(rows);
  }
  state.SetLabel(file);
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(csv.size()));
  state.SetItemsProcessed(state.iterations() * rows);
}
BENCHMARK(BM_CsvIngest)
    ->ArgsProduct({{100000, 1000000}, {0, 1, 2}})
    ->Unit(benchmark::kMillisecond);

// Writes the inputs of a size (the three CSVs, the schema and the
// frameworks) to `dir`, for peers doing the same work (DuckDB, pandas…)
// and for inspection.
int DumpInputs(const std::string& dir, int64_t victims) {
  SyntheticOptions options;
  options.victims = victims;
  auto write = [&dir](const std::string& name, const std::string& text) {
    std::ofstream out(dir + "/" + name, std::ios::binary);
    out << text;
    return static_cast<bool>(out);
  };
  bool ok = write("schema.textproto", std::string(SyntheticSchemaText()));
  for (int n : {1, 10, 50, 1000}) ok = ok && write(absl::StrCat("mix", n, ".textproto"), IndicatorMixText(n));
  for (int t = 0; t < kSyntheticTableCount && ok; ++t) {
    const auto table = static_cast<SyntheticTable>(t);
    ok = write(absl::StrCat(TableName(table), ".csv"), GenerateCsv(table, options));
  }
  if (!ok) std::cerr << "cannot write to " << dir << "\n";
  return ok ? 0 : 1;
}

// Compiles the frameworks of every size against the schema (printing the
// diagnostics of any that fails), evaluates the 50-indicator mix over
// `victims` victims and prints each indicator's life-of-project total, to
// check that the mix computes plausible numbers.
int CheckMix(int64_t victims) {
  int failures = 0;
  for (int n : {1, 10, 50, 1000}) {
    Diagnostics diagnostics;
    absl::StatusOr<Framework> framework = IndicatorMix(n);
    absl::StatusOr<Plan> plan = framework.ok() ? Plan::Compile(*framework, SyntheticSchema(), &diagnostics)
                                               : absl::StatusOr<Plan>(framework.status());
    std::cout << "mix of " << n << " indicators: " << (plan.ok() ? "compiles" : plan.status().ToString())
              << "\n";
    for (const Diagnostic& d : diagnostics) std::cout << "  " << d.message << "\n";
    failures += plan.ok() ? 0 : 1;
  }
  SyntheticOptions options;
  options.victims = victims;
  BuildStats stats;
  absl::StatusOr<Dataset> dataset = BuildSyntheticDataset(options, &stats);
  absl::StatusOr<Plan> plan = PlanOf(kMixSize);
  if (!dataset.ok() || !plan.ok()) {
    std::cout << (dataset.ok() ? plan.status() : dataset.status()) << "\n";
    return 1;
  }
  std::cout << victims << " victims, " << stats.rows[1] << " cases, " << stats.rows[2] << " services; "
            << dataset->FindingCount() << " data-quality findings\n";
  for (int f = 0; f < dataset->FindingCount(); ++f) {
    std::cout << "  finding: " << dataset->GetFinding(f).message() << "\n";
  }
  absl::StatusOr<Results> results = Evaluate(*plan, *dataset, ProjectEnd());
  if (!results.ok()) {
    std::cout << results.status() << "\n";
    return 1;
  }
  for (const v1::IndicatorResult& r : results->proto().indicators()) {
    std::string lop = "-";
    for (const v1::Cell& c : r.cells()) {
      if (c.scope() == v1::SCOPE_LIFE_OF_PROJECT && c.coordinates_size() == 0 && c.has_value()) {
        lop = absl::StrCat(c.value());
      }
    }
    std::cout << r.indicator_id() << "\t" << lop << " " << r.unit() << "\t" << r.cells_size() << " cells\t"
              << r.title() << "\n";
  }
  return failures == 0 ? 0 : 1;
}

}  // namespace
}  // namespace bench
}  // namespace ctind

// Google Benchmark's main, plus:
//   ctind_benchmarks --check_mix [--victims=N]
// which compiles every framework and prints the 50 indicators' totals over
// N victims (default 10000), and
//   ctind_benchmarks --dump_inputs=DIR [--victims=N]
// which writes the synthetic inputs of N victims (default 10000) to DIR and
// exits.
int main(int argc, char** argv) {
  std::string dump_dir;
  bool check = false;
  int64_t victims = 10000;
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.rfind("--dump_inputs=", 0) == 0) {
      dump_dir = std::string(arg.substr(14));
    } else if (arg == "--check_mix") {
      check = true;
    } else if (arg.rfind("--victims=", 0) == 0) {
      victims = std::strtoll(argv[i] + 10, nullptr, 10);
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
  if (!dump_dir.empty()) return ctind::bench::DumpInputs(dump_dir, victims);
  if (check) return ctind::bench::CheckMix(victims);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
