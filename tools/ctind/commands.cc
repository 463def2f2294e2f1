// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "commands.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "ctind/ctind.h"
#include "ctind/v1/framework.pb.h"
#include "ctind/v1/mapping.pb.h"
#include "ctind/v1/report.pb.h"

namespace ctind::cli {
namespace {

constexpr char kUsage[] = R"(ctind — performance indicators of counter-trafficking projects

Usage: ctind COMMAND [OPTIONS]

Commands:
  validate   check a framework (and, with --schema, its indicators against the schema)
  compute    compute raw results from records (for the data owner)
  help       show help for a command: ctind help compute

Options of every command: --help
  ctind --version prints the version.
)";

constexpr char kValidateUsage[] = R"(Usage: ctind validate FRAMEWORK [--schema FILE [--mapping FILE]]

Checks a framework file (.textproto, .json or .binpb): unique ids, references,
the results hierarchy, dates, periods and targets. With --schema, also checks
that every computed indicator's tables, fields and dimensions exist with the
right types. With --mapping (which needs --schema), also checks a CSV column
mapping against the schema (see ctind help compute). Every problem is listed
with its file:line:column.

Exit status: 0 valid, 1 problems found, 2 usage error.
)";

constexpr char kComputeUsage[] = R"(Usage: ctind compute FRAMEWORK --schema FILE --data TABLE=FILE.csv [--data ...]
                     [--mapping FILE] [--as-of YYYY-MM-DD] [--period-type TYPE ...]
                     [--format table|json|csv] [--out FILE]
                     [--strict] [--ignore-unknown-columns]

Computes every indicator of FRAMEWORK from the CSV files and prints RAW
RESULTS: exact counts for the data owner's own use. Raw results are not
protected by disclosure control and must not be given to others.

  --schema FILE              the schema of the records
  --data TABLE=FILE          a CSV file for a table of the schema (repeatable)
  --mapping FILE             a CSV column mapping (.textproto, .json or .binpb)
                             for files exported by a system whose column
                             names, delimiter, formats or codes differ from
                             the schema's: it applies to every --data table
                             it names; other tables load as the schema says
                             (docs/csv-input.md)
  --as-of DATE               last day of data considered (default: today,
                             capped at the project end); pass it for
                             reproducible runs
  --period-type TYPE         also report periods of TYPE besides each
                             indicator's frequency (repeatable), e.g.
                             FINANCIAL_YEAR, YEARLY, MONTHLY
  --format table|json|csv    output format (default table)
  --out FILE                 write the output to FILE instead of stdout
  --strict                   fail on the first invalid value instead of
                             recording it as a data-quality finding
  --ignore-unknown-columns   accept CSV columns that are not in the schema

Exit status: 0 success, 1 invalid input, 2 usage error.
)";

struct Args {
  std::vector<std::string> positional;
  std::multimap<std::string, std::string> options;
  bool help = false;
  std::string error;

  // The last value given for `name` (a later option overrides).
  std::optional<std::string> Get(const std::string& name) const {
    auto [begin, end] = options.equal_range(name);
    if (begin == end) return std::nullopt;
    return std::prev(end)->second;
  }
  std::vector<std::string> All(const std::string& name) const {
    std::vector<std::string> out;
    for (auto [it, end] = options.equal_range(name); it != end; ++it) out.push_back(it->second);
    return out;
  }
};

// Parses `--name value`, `--name=value` and flags listed in `flags`;
// anything not starting with -- is positional.
Args ParseArgs(const std::vector<std::string>& args, const std::vector<std::string>& with_value,
               const std::vector<std::string>& flags) {
  Args out;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      out.help = true;
      continue;
    }
    if (a.rfind("--", 0) != 0) {
      out.positional.push_back(a);
      continue;
    }
    std::string name = a.substr(2), value;
    const size_t eq = name.find('=');
    bool has_value = eq != std::string::npos;
    if (has_value) {
      value = name.substr(eq + 1);
      name.resize(eq);
    }
    if (std::find(flags.begin(), flags.end(), name) != flags.end()) {
      if (has_value) out.error = "option --" + name + " takes no value";
      out.options.emplace(name, "true");
      continue;
    }
    if (std::find(with_value.begin(), with_value.end(), name) == with_value.end()) {
      out.error = "unknown option --" + name;
      return out;
    }
    if (!has_value) {
      if (i + 1 >= args.size()) {
        out.error = "option --" + name + " needs a value";
        return out;
      }
      value = args[++i];
    }
    out.options.emplace(name, value);
  }
  return out;
}

bool ReadFile(const std::string& path, std::string* out, std::ostream& err) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    err << "ctind: cannot open '" << path << "'\n";
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return true;
}

void PrintDiagnostics(const Diagnostics& diagnostics, std::ostream& err) {
  for (const Diagnostic& d : diagnostics) err << d.ToString() << "\n";
}

// Loads a definition file; on failure prints every diagnostic.
template <typename T>
std::optional<T> LoadDefinition(const std::string& path, std::ostream& err) {
  absl::StatusOr<ProtoFormat> format = ProtoFormatFromPath(path);
  if (!format.ok()) {
    err << "ctind: " << format.status().message() << "\n";
    return std::nullopt;
  }
  std::string bytes;
  if (!ReadFile(path, &bytes, err)) return std::nullopt;
  Diagnostics diagnostics;
  absl::StatusOr<T> loaded = T::Parse(bytes, *format, path, &diagnostics);
  PrintDiagnostics(diagnostics, err);
  if (!loaded.ok()) {
    if (diagnostics.empty()) err << "ctind: " << loaded.status().message() << "\n";
    return std::nullopt;
  }
  return *std::move(loaded);
}

// Loads a CSV mapping file and validates it against `schema`; prints every
// diagnostic (warnings too).
std::optional<CsvMapping> LoadMapping(const std::string& path, const Schema& schema,
                                      std::ostream& err) {
  absl::StatusOr<ProtoFormat> format = ProtoFormatFromPath(path);
  if (!format.ok()) {
    err << "ctind: " << format.status().message() << "\n";
    return std::nullopt;
  }
  std::string bytes;
  if (!ReadFile(path, &bytes, err)) return std::nullopt;
  Diagnostics diagnostics;
  absl::StatusOr<CsvMapping> mapping = CsvMapping::Parse(bytes, *format, path, schema, &diagnostics);
  PrintDiagnostics(diagnostics, err);
  if (!mapping.ok()) {
    if (diagnostics.empty()) err << "ctind: " << mapping.status().message() << "\n";
    return std::nullopt;
  }
  return *std::move(mapping);
}

int Validate(const std::vector<std::string>& raw, std::ostream& out, std::ostream& err) {
  Args args = ParseArgs(raw, {"schema", "mapping"}, {});
  if (args.help) {
    out << kValidateUsage;
    return 0;
  }
  if (!args.error.empty() || args.positional.size() != 1) {
    err << "ctind validate: " << (args.error.empty() ? "expected one FRAMEWORK file" : args.error)
        << "\n" << kValidateUsage;
    return 2;
  }
  const std::optional<std::string> mapping_path = args.Get("mapping");
  if (mapping_path && !args.Get("schema")) {
    err << "ctind validate: --mapping needs --schema\n" << kValidateUsage;
    return 2;
  }
  const std::string& path = args.positional[0];
  std::optional<Framework> framework = LoadDefinition<Framework>(path, err);
  if (!framework) return 1;
  int mapped_tables = 0;
  if (std::optional<std::string> schema_path = args.Get("schema")) {
    std::optional<Schema> schema = LoadDefinition<Schema>(*schema_path, err);
    if (!schema) return 1;
    Diagnostics diagnostics;
    absl::StatusOr<Plan> plan = Plan::Compile(*framework, *schema, &diagnostics);
    PrintDiagnostics(diagnostics, err);
    if (!plan.ok()) return 1;
    if (mapping_path) {
      std::optional<CsvMapping> mapping = LoadMapping(*mapping_path, *schema, err);
      if (!mapping) return 1;
      mapped_tables = mapping->proto().tables_size();
    }
  }
  out << path << ": valid (" << framework->proto().indicators_size() << " indicators, "
      << framework->proto().results_size() << " results)\n";
  if (mapping_path) out << *mapping_path << ": valid (" << mapped_tables << " tables mapped)\n";
  return 0;
}

int Compute(const std::vector<std::string>& raw, std::ostream& out, std::ostream& err) {
  Args args = ParseArgs(raw, {"schema", "data", "mapping", "as-of", "period-type", "format", "out"},
                        {"strict", "ignore-unknown-columns"});
  if (args.help) {
    out << kComputeUsage;
    return 0;
  }
  auto usage = [&](const std::string& message) {
    err << "ctind compute: " << message << "\n" << kComputeUsage;
    return 2;
  };
  if (!args.error.empty()) return usage(args.error);
  if (args.positional.size() != 1) return usage("expected one FRAMEWORK file");
  const std::optional<std::string> schema_path = args.Get("schema");
  if (!schema_path) return usage("--schema FILE is required");
  const std::string format = args.Get("format").value_or("table");
  if (format != "table" && format != "json" && format != "csv") {
    return usage("--format is table, json or csv, not '" + format + "'");
  }
  EvaluateOptions evaluate;
  if (std::optional<std::string> as_of = args.Get("as-of")) {
    evaluate.as_of = Date::ParseIso(*as_of);
    if (!evaluate.as_of) return usage("--as-of '" + *as_of + "' is not a date (YYYY-MM-DD)");
  }
  evaluate.period_types = args.All("period-type");
  IngestOptions ingest;
  ingest.strict = args.Get("strict").has_value();
  ingest.ignore_unknown_columns = args.Get("ignore-unknown-columns").has_value();

  std::optional<Framework> framework = LoadDefinition<Framework>(args.positional[0], err);
  if (!framework) return 1;
  std::optional<Schema> schema = LoadDefinition<Schema>(*schema_path, err);
  if (!schema) return 1;
  Diagnostics diagnostics;
  absl::StatusOr<Plan> plan = Plan::Compile(*framework, *schema, &diagnostics);
  PrintDiagnostics(diagnostics, err);
  if (!plan.ok()) return 1;
  if (std::optional<std::string> mapping_path = args.Get("mapping")) {
    ingest.mapping = LoadMapping(*mapping_path, *schema, err);
    if (!ingest.mapping) return 1;
  }

  Dataset dataset(*schema);
  const std::vector<std::string> data = args.All("data");
  if (data.empty()) return usage("at least one --data TABLE=FILE is required");
  for (const std::string& spec : data) {
    const size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
      return usage("--data takes TABLE=FILE, not '" + spec + "'");
    }
    const std::string table = spec.substr(0, eq), file = spec.substr(eq + 1);
    std::string bytes;
    if (!ReadFile(file, &bytes, err)) return 1;
    absl::Status status = dataset.LoadCsv(table, bytes, file, ingest);
    if (!status.ok()) {
      err << "ctind: " << status.message() << "\n";
      return 1;
    }
  }
  absl::StatusOr<Results> results = Evaluate(*plan, dataset, evaluate);
  if (!results.ok()) {
    err << "ctind: " << results.status().message() << "\n";
    return 1;
  }
  const std::string text = format == "json"  ? RenderJson(*results)
                           : format == "csv" ? RenderCsv(*results)
                                             : RenderTable(*results);
  if (std::optional<std::string> out_path = args.Get("out")) {
    std::ofstream file(*out_path, std::ios::binary);
    file << text;
    if (!file.good()) {
      err << "ctind: cannot write '" << *out_path << "'\n";
      return 1;
    }
    file.close();
    if (!file.good()) {
      err << "ctind: cannot write '" << *out_path << "'\n";
      return 1;
    }
  } else {
    out << text;
  }
  return 0;
}

}  // namespace

int Main(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    err << kUsage;
    return 2;
  }
  const std::string& command = args[0];
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "--help" || command == "-h") {
    out << kUsage;
    return 0;
  }
  if (command == "--version") {
    out << "ctind " << CTIND_VERSION_STRING << "\n";
    return 0;
  }
  if (command == "help") {
    if (rest.empty()) {
      out << kUsage;
      return 0;
    }
    return Main({rest[0], "--help"}, out, err);
  }
  if (command == "validate") return Validate(rest, out, err);
  if (command == "compute") return Compute(rest, out, err);
  err << "ctind: unknown command '" << command << "'\n" << kUsage;
  return 2;
}

}  // namespace ctind::cli
