// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// ctind-generate: writes a synthetic caseload in the catalog's case schema
// as one CSV file per table (generator.h, docs/synthetic-data.md).
// Exit status: 0 written, 1 a write failed part-way, 2 a usage error (an
// unknown option, a bad value, a directory or file that cannot be created;
// nothing is written then).

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "absl/strings/str_format.h"
#include "ctind/version.h"
#include "generator.h"

namespace ctind {
namespace generate {
namespace {

constexpr char kUsage[] = R"(Usage: ctind-generate --out DIR [--persons N] [--seed N] [--dirty RATE]
                      [--start YYYY-MM-DD] [--end YYYY-MM-DD] [--tables LIST]
                      [--no-duplicate-links]
                      [--progress | --quiet]

Writes a synthetic counter-trafficking caseload in the catalog's case schema
(catalog/schema.textproto) as one CSV file per table, DIR/<table>.csv: persons
identified over the project span with their cases, support plans, services,
perpetrators and legal proceedings, and the project's trainings and
participants, awareness activities, survey respondents, coordination
mechanisms and population. The same options give the same bytes on every
machine. Memory stays small at any size: persons are written one at a time
with their linked records. See docs/synthetic-data.md.

  --out DIR            directory to write to (created if missing; files
                       of the same names are replaced)
  --persons N          persons identified, 1 to 100000000 (default 10000);
                       a suffix k or M multiplies by 1000 or 1000000
                       (--persons 10M). Linked tables scale with it: about
                       1.3 cases per person, 0.8 support plans and 3
                       services per case, ...
  --seed N             seed of the random streams, 0 to 2^64-1
                       (default 20260101)
  --dirty RATE         share of records with one dirty value (misspelt
                       code, impossible or wrongly formatted date, value out
                       of range, case closed before it opens, duplicated
                       record), 0 to 0.5 (default 0.02); 0 gives data that
                       loads with no data-quality finding
  --no-duplicate-links never repeat the key of a person or case (tables
                       link to them: a duplicate makes linked indicators
                       fail until it is removed); duplicated services
                       remain
  --start DATE         first day of the project span (default 2023-01-01)
  --end DATE           last day of the project span (default 2025-12-31);
                       the span lies within 2000-2100, at least 90 days
  --tables LIST        only these tables, comma-separated (default all):
                       persons, cases, support_plans, services,
                       perpetrators, legal_proceedings, trainings,
                       training_participants, awareness_activities,
                       survey_respondents, coordination_mechanisms,
                       population
  --progress           show a progress bar on stderr even when stderr is
                       not a terminal (it is shown on a terminal anyway)
  --quiet              no progress bar and no summary
  --help               this help
  --version            the version

Exit status: 0 written, 1 a write failed part-way (disk full), 2 usage error
(unknown option, bad value, directory or file that cannot be created).
)";

struct CommandLine {
  GeneratorOptions options;
  std::string out;
  bool progress = false;
  bool quiet = false;
  bool help = false;
  bool version = false;
};

// A whole non-negative integer, with an optional k / M suffix when
// `suffixes`; nullopt when it is not one or exceeds uint64.
std::optional<uint64_t> ParseCount(std::string_view text, bool suffixes) {
  uint64_t multiplier = 1;
  if (suffixes && !text.empty() && (text.back() == 'k' || text.back() == 'M')) {
    multiplier = text.back() == 'k' ? 1000 : 1000000;
    text.remove_suffix(1);
  }
  uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  if (value > UINT64_MAX / multiplier) return std::nullopt;
  return value * multiplier;
}

std::optional<double> ParseRate(std::string_view text) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

// Parses `args`; on a usage error returns its message.
std::optional<std::string> Parse(const std::vector<std::string>& args, CommandLine* cl) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      cl->help = true;
      continue;
    }
    if (arg == "--version") {
      cl->version = true;
      continue;
    }
    if (arg.rfind("--", 0) != 0) return "unexpected argument '" + arg + "'";
    std::string name = arg.substr(2), value;
    const size_t eq = name.find('=');
    const bool inline_value = eq != std::string::npos;
    if (inline_value) {
      value = name.substr(eq + 1);
      name.resize(eq);
    }
    if (name == "progress" || name == "quiet") {
      if (inline_value) return "option --" + name + " takes no value";
      (name == "progress" ? cl->progress : cl->quiet) = true;
      continue;
    }
    if (name == "no-duplicate-links") {
      if (inline_value) return "option --" + name + " takes no value";
      cl->options.duplicate_linked_keys = false;
      continue;
    }
    if (name != "out" && name != "persons" && name != "seed" && name != "dirty" &&
        name != "start" && name != "end" && name != "tables") {
      return "unknown option --" + name;
    }
    if (!inline_value) {
      if (i + 1 >= args.size()) return "option --" + name + " needs a value";
      value = args[++i];
    }
    GeneratorOptions& o = cl->options;
    if (name == "out") {
      if (value.empty()) return "--out needs a directory";
      cl->out = value;
    } else if (name == "persons") {
      const std::optional<uint64_t> n = ParseCount(value, /*suffixes=*/true);
      if (!n || *n < 1 || *n > static_cast<uint64_t>(kMaxPersons)) {
        return "--persons '" + value + "' is not a whole number from 1 to 100000000";
      }
      o.persons = static_cast<int64_t>(*n);
    } else if (name == "seed") {
      const std::optional<uint64_t> n = ParseCount(value, /*suffixes=*/false);
      if (!n) return "--seed '" + value + "' is not a whole number from 0 to 18446744073709551615";
      o.seed = *n;
    } else if (name == "dirty") {
      const std::optional<double> rate = ParseRate(value);
      if (!rate || !(*rate >= 0 && *rate <= 0.5)) {
        return "--dirty '" + value + "' is not a number from 0 to 0.5 (a share: 0.02 is 2%)";
      }
      o.dirty_rate = *rate;
    } else if (name == "start" || name == "end") {
      const std::optional<Date> day = Date::ParseIso(value);
      if (!day) return "--" + name + " '" + value + "' is not a date (YYYY-MM-DD)";
      (name == "start" ? o.start : o.end) = *day;
    } else {  // tables
      o.tables.clear();
      size_t at = 0;
      while (at <= value.size()) {
        const size_t comma = std::min(value.find(',', at), value.size());
        const std::string table = value.substr(at, comma - at);
        const std::optional<Table> t = FindTable(table);
        if (!t) return "--tables: unknown table '" + table + "'";
        o.tables.push_back(*t);
        at = comma + 1;
      }
    }
  }
  if (cl->help || cl->version) return std::nullopt;
  if (cl->out.empty()) return "--out DIR is required";
  if (cl->progress && cl->quiet) return "--progress and --quiet exclude each other";
  const absl::Status valid = ValidateOptions(cl->options);
  if (!valid.ok()) return std::string(valid.message());
  return std::nullopt;
}

double SecondsSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// A one-line progress bar on stderr, redrawn at most five times a second.
class ProgressBar {
 public:
  ProgressBar() : start_(std::chrono::steady_clock::now()) {}
  void Update(int64_t done, int64_t total) {
    const double elapsed = SecondsSince(start_);
    if (done < total && elapsed - last_drawn_ < 0.2) return;
    last_drawn_ = elapsed;
    constexpr int kWidth = 30;
    const double share = total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1;
    const int filled = static_cast<int>(share * kWidth);
    std::string bar(static_cast<size_t>(filled), '#');
    bar.resize(kWidth, '.');
    std::string eta;
    if (done > 0 && done < total) {
      eta = absl::StrFormat(", %.0f s left", elapsed * (1 - share) / share);
    }
    std::fprintf(stderr, "\rpersons [%s] %3.0f%% %lld/%lld, %.1f s%s   ", bar.c_str(), share * 100,
                 static_cast<long long>(done), static_cast<long long>(total), elapsed, eta.c_str());
    if (done >= total) std::fprintf(stderr, "\n");
    std::fflush(stderr);
  }

 private:
  std::chrono::steady_clock::time_point start_;
  double last_drawn_ = -1;
};

int Main(const std::vector<std::string>& args) {
  CommandLine cl;
  if (const std::optional<std::string> error = Parse(args, &cl)) {
    std::cerr << "ctind-generate: " << *error << "\n\n" << kUsage;
    return 2;
  }
  if (cl.help) {
    std::cout << kUsage;
    return 0;
  }
  if (cl.version) {
    std::cout << "ctind-generate " << CTIND_VERSION_STRING << "\n";
    return 0;
  }
  const bool show_progress = !cl.quiet && (cl.progress || isatty(STDERR_FILENO) == 1);
  ProgressBar bar;
  ProgressCallback progress;
  if (show_progress) progress = [&bar](int64_t done, int64_t total) { bar.Update(done, total); };
  const auto t0 = std::chrono::steady_clock::now();
  GenerateStats stats;
  const absl::Status status = WriteCsvFiles(cl.options, cl.out, progress, &stats);
  if (!status.ok()) {
    if (show_progress) std::fprintf(stderr, "\n");
    std::cerr << "ctind-generate: " << status.message() << "\n";
    return status.code() == absl::StatusCode::kDataLoss ? 1 : 2;
  }
  if (cl.quiet) return 0;
  const double seconds = SecondsSince(t0);
  int64_t total_bytes = 0;
  std::cout << absl::StrFormat(
      "ctind-generate: wrote %s in %.1f s (persons %d, seed %u, dirty %g, %s to %s)\n", cl.out,
      seconds, cl.options.persons, cl.options.seed, cl.options.dirty_rate,
      cl.options.start.ToIsoString(), cl.options.end.ToIsoString());
  for (const Table table : AllTables()) {
    const TableStats& t = stats.tables[static_cast<int>(table)];
    if (t.bytes == 0) continue;
    total_bytes += t.bytes;
    std::cout << absl::StrFormat("  %-28s %12d rows %12.1f MB\n", std::string(TableName(table)),
                                 t.rows, static_cast<double>(t.bytes) / 1e6);
  }
  std::cout << absl::StrFormat("  %-28s %12s      %12.1f MB\n", "total", "",
                               static_cast<double>(total_bytes) / 1e6);
  return 0;
}

}  // namespace
}  // namespace generate
}  // namespace ctind

int main(int argc, char** argv) {
  try {
    return ctind::generate::Main(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const std::exception& e) {
    std::cerr << "ctind-generate: internal error: " << e.what() << "\n";
    return 70;
  }
}
