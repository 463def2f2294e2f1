// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "commands.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "ctind/assess.h"
#include "ctind/ctind.h"
#include "ctind/publish.h"
#include "ctind/render_donor.h"
#include "ctind/render_html.h"
#include "ctind/v1/framework.pb.h"
#include "ctind/v1/mapping.pb.h"
#include "ctind/v1/report.pb.h"
#include "model/proto_io.h"
#include "report/csv_writer.h"

namespace ctind::cli {
namespace {

constexpr char kUsage[] = R"(ctind — performance indicators of counter-trafficking projects

Usage: ctind COMMAND [OPTIONS]

Commands:
  validate   check a framework (and, with --schema, its indicators against the schema)
  compute    compute raw results from records (for the data owner)
  report     compute, protect and assess: a publication for others, as
             JSON, CSV, IPTT, HTML, IATI XML or DHIS2
  catalog    the built-in indicator catalog and case schema: list, show,
             export, schema
  quality    check the records: completeness, validity, keys, outliers, rules
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

constexpr char kReportUsage[] = R"(Usage: ctind report FRAMEWORK --schema FILE --data TABLE=FILE.csv [--data ...]
                    [--mapping FILE] [--as-of YYYY-MM-DD] [--period-type TYPE ...]
                    [--format json|csv|table|iptt|html|iati|dhis2] [--out FILE]
                    [--min-cell-size K] [--rounding none|base5|random3]
                    [--key-file FILE] [--dhis2-mapping FILE] [--margin POINTS]
                    [--language TAG]
                    [--strict] [--ignore-unknown-columns]

Computes every indicator of FRAMEWORK from the CSV files and writes a
PUBLICATION, safe to give to others: disclosure control suppresses every
value from 1 to k - 1 persons and the values that would reveal it, and
whatever is derived from them (docs/privacy.md); counts may be rounded;
no record key appears. Then the publication is assessed against the
framework's targets (docs/assessment.md) and rendered.

  --schema, --data, --mapping, --as-of, --period-type, --strict,
  --ignore-unknown-columns   as for ctind compute
  --format FORMAT            json (default), csv, table, iptt (the indicator
                             performance tracking table, CSV), html (one
                             self-contained file: logframe, IPTT, data
                             quality and charts, docs/html-report.md), iati
                             (IATI 2.03 results XML) or dhis2 (dataValueSets
                             JSON, with --dhis2-mapping)
                             (docs/output-formats.md, docs/donor-formats.md)
  --out FILE                 write the output to FILE instead of stdout
  --min-cell-size K          the smallest count published, k (default the
                             framework's disclosure.min_cell_size, else 5)
  --rounding MODE            none, base5 (nearest multiple of 5) or random3
                             (unbiased keyed random rounding to a multiple
                             of 3, needs --key-file); default the
                             framework's disclosure.rounding
  --key-file FILE            the publisher's secret key for random3 (at
                             least 16 bytes; the same key gives the same
                             rounded values in every publication; never
                             put it in the framework)
  --dhis2-mapping FILE       the mapping of indicators and cells to DHIS2
                             ids, for --format dhis2
  --margin POINTS            on track within this many points of 100%
                             achieved (default 15)
  --language TAG             html: the language of titles and labels that
                             the framework translates (default the
                             project's)

Notes on what a donor format leaves out are printed on stderr.
Exit status: 0 success, 1 invalid input, 2 usage error.
)";

constexpr char kCatalogUsage[] = R"(Usage: ctind catalog list [--pillar P] [--format table|json|csv]
       ctind catalog show ID [--format text|json]
       ctind catalog export [--pillar P] [--ids ID,ID,...] [--out FILE]
       ctind catalog schema [--out FILE]

The indicator catalog built into ctind, and the case schema "htcds-case"
its indicators are written against.

  list     the indicators: id, pillar, level, computed or reported, title
  show     one indicator's full definition with its references, as a
           framework holds it (text format, or JSON)
  export   a framework of catalog indicators for a project to adopt: the
           indicators of the pillars given plus those listed by --ids (all
           of them without either), around a placeholder project to fill
           in; `ctind validate FILE --schema SCHEMA` accepts it
  schema   the case schema, as shipped

  --pillar P              prevention, protection, prosecution or partnership,
                          in any case (repeatable, or comma-separated)
  --ids ID,ID,...         indicator ids (repeatable)
  --format FORMAT         list: table (default), json or csv;
                          show: text (default) or json
  --out FILE              write to FILE instead of stdout

Exit status: 0 success, 1 failure, 2 usage error (an unknown subcommand,
option, pillar or indicator id).
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

// Loads the file `path` in the format its extension names with `parse`
// (bytes, format, file name, diagnostics) -> StatusOr<T>; prints every
// diagnostic (warnings too), and the error when it has none.
template <typename T, typename Parse>
std::optional<T> LoadFile(const std::string& path, std::ostream& err, Parse parse) {
  absl::StatusOr<ProtoFormat> format = ProtoFormatFromPath(path);
  if (!format.ok()) {
    err << "ctind: " << format.status().message() << "\n";
    return std::nullopt;
  }
  std::string bytes;
  if (!ReadFile(path, &bytes, err)) return std::nullopt;
  Diagnostics diagnostics;
  absl::StatusOr<T> loaded = parse(bytes, *format, path, &diagnostics);
  PrintDiagnostics(diagnostics, err);
  if (!loaded.ok()) {
    if (diagnostics.empty()) err << "ctind: " << loaded.status().message() << "\n";
    return std::nullopt;
  }
  return *std::move(loaded);
}

// A framework or schema file.
template <typename T>
std::optional<T> LoadDefinition(const std::string& path, std::ostream& err) {
  return LoadFile<T>(path, err, [](const std::string& bytes, ProtoFormat format,
                                   const std::string& name, Diagnostics* diagnostics) {
    return T::Parse(bytes, format, name, diagnostics);
  });
}

// A CSV mapping file, validated against `schema`.
std::optional<CsvMapping> LoadMapping(const std::string& path, const Schema& schema,
                                      std::ostream& err) {
  return LoadFile<CsvMapping>(path, err, [&](const std::string& bytes, ProtoFormat format,
                                             const std::string& name, Diagnostics* diagnostics) {
    return CsvMapping::Parse(bytes, format, name, schema, diagnostics);
  });
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

// Loads each --data TABLE=FILE (already checked to have that shape) into
// `dataset`; prints the error and returns 1 when a file cannot be loaded.
int LoadTables(const std::vector<std::string>& specs, const IngestOptions& ingest,
               Dataset* dataset, std::ostream& err) {
  for (const std::string& spec : specs) {
    const size_t eq = spec.find('=');
    const std::string table = spec.substr(0, eq), file = spec.substr(eq + 1);
    std::string bytes;
    if (!ReadFile(file, &bytes, err)) return 1;
    absl::Status status = dataset->LoadCsv(table, bytes, file, ingest);
    if (!status.ok()) {
      err << "ctind: " << status.message() << "\n";
      return 1;
    }
  }
  return 0;
}

// What `compute` and `report` share: the framework (with `min_cell_size`
// as its disclosure k when set), schema and plan, the records of every
// --data table, and their raw results.
struct Computation {
  std::optional<Framework> framework;
  std::optional<Schema> schema;
  std::optional<Plan> plan;
  std::optional<Dataset> dataset;
  std::optional<Results> raw;
};

// Loads and evaluates what the options of `args` name. Returns 0, 1 for
// invalid input (messages printed) or the value of `usage` for a usage
// error.
int LoadAndEvaluate(const Args& args, const std::function<int(const std::string&)>& usage,
                    std::optional<int> min_cell_size, std::ostream& err, Computation* c) {
  if (args.positional.size() != 1) return usage("expected one FRAMEWORK file");
  const std::optional<std::string> schema_path = args.Get("schema");
  if (!schema_path) return usage("--schema FILE is required");
  EvaluateOptions evaluate;
  if (std::optional<std::string> as_of = args.Get("as-of")) {
    evaluate.as_of = Date::ParseIso(*as_of);
    if (!evaluate.as_of) return usage("--as-of '" + *as_of + "' is not a date (YYYY-MM-DD)");
  }
  evaluate.period_types = args.All("period-type");
  IngestOptions ingest;
  ingest.strict = args.Get("strict").has_value();
  ingest.ignore_unknown_columns = args.Get("ignore-unknown-columns").has_value();
  const std::vector<std::string> data = args.All("data");
  if (data.empty()) return usage("at least one --data TABLE=FILE is required");
  for (const std::string& spec : data) {
    const size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
      return usage("--data takes TABLE=FILE, not '" + spec + "'");
    }
  }

  c->framework = LoadDefinition<Framework>(args.positional[0], err);
  if (!c->framework) return 1;
  if (min_cell_size) {
    v1::Framework proto = c->framework->proto();
    proto.mutable_disclosure()->set_min_cell_size(*min_cell_size);
    Diagnostics diagnostics;
    absl::StatusOr<Framework> changed = Framework::FromProto(proto, &diagnostics);
    PrintDiagnostics(diagnostics, err);
    if (!changed.ok()) return 1;
    c->framework = *std::move(changed);
  }
  c->schema = LoadDefinition<Schema>(*schema_path, err);
  if (!c->schema) return 1;
  const Schema& schema = *c->schema;
  Diagnostics diagnostics;
  absl::StatusOr<Plan> plan = Plan::Compile(*c->framework, schema, &diagnostics);
  PrintDiagnostics(diagnostics, err);
  if (!plan.ok()) return 1;
  c->plan = *std::move(plan);
  if (std::optional<std::string> mapping_path = args.Get("mapping")) {
    ingest.mapping = LoadMapping(*mapping_path, schema, err);
    if (!ingest.mapping) return 1;
  }
  Dataset& dataset = c->dataset.emplace(schema);
  if (LoadTables(data, ingest, &dataset, err) != 0) return 1;
  absl::StatusOr<Results> results = Evaluate(*c->plan, dataset, evaluate);
  if (!results.ok()) {
    err << "ctind: " << results.status().message() << "\n";
    return 1;
  }
  c->raw = *std::move(results);
  return 0;
}

bool WriteOutput(const std::string& text, const std::optional<std::string>& out_path,
                 std::ostream& out, std::ostream& err);

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
  const std::string format = args.Get("format").value_or("table");
  if (format != "table" && format != "json" && format != "csv") {
    return usage("--format is table, json or csv, not '" + format + "'");
  }
  Computation c;
  if (const int status = LoadAndEvaluate(args, usage, std::nullopt, err, &c); status != 0) {
    return status;
  }
  const std::string text = format == "json"  ? RenderJson(*c.raw)
                           : format == "csv" ? RenderCsv(*c.raw)
                                             : RenderTable(*c.raw);
  return WriteOutput(text, args.Get("out"), out, err) ? 0 : 1;
}

// Writes `text` to the file `out_path` when given, else to `out`; prints
// the error and returns false when the file cannot be written.
bool WriteOutput(const std::string& text, const std::optional<std::string>& out_path,
                 std::ostream& out, std::ostream& err) {
  if (!out_path) {
    out << text;
    return true;
  }
  std::ofstream file(*out_path, std::ios::binary);
  file << text;
  file.close();
  if (!file.good()) {
    err << "ctind: cannot write '" << *out_path << "'\n";
    return false;
  }
  return true;
}

// The comma-separated items of every value of option `name`, trimmed of
// spaces, empty items dropped.
std::vector<std::string> ListOption(const Args& args, const std::string& name) {
  std::vector<std::string> items;
  for (const std::string& value : args.All(name)) {
    std::istringstream in(value);
    std::string item;
    while (std::getline(in, item, ',')) {
      const size_t first = item.find_first_not_of(' ');
      if (first == std::string::npos) continue;
      items.push_back(item.substr(first, item.find_last_not_of(' ') - first + 1));
    }
  }
  return items;
}

// A JSON string literal of UTF-8 `text`.
std::string JsonString(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[u >> 4];
      out += kHex[u & 0xf];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string SourceName(const CatalogIndicator& indicator) {
  return indicator.computed ? "computed" : "reported";
}

std::string CatalogTable(const std::vector<CatalogIndicator>& indicators) {
  const std::vector<std::string> header = {"ID", "PILLAR", "LEVEL", "SOURCE", "TITLE"};
  std::vector<std::vector<std::string>> rows = {header};
  for (const CatalogIndicator& i : indicators) {
    rows.push_back({i.id, std::string(PillarName(i.pillar)), i.level, SourceName(i), i.title});
  }
  std::vector<size_t> widths(header.size() - 1, 0);
  for (const auto& row : rows) {
    for (size_t c = 0; c < widths.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
  }
  std::string out;
  for (const auto& row : rows) {
    for (size_t c = 0; c < widths.size(); ++c) {
      out += row[c];
      out.append(widths[c] - row[c].size() + 2, ' ');
    }
    out += row.back();
    out += '\n';
  }
  out += std::to_string(indicators.size()) +
         (indicators.size() == 1 ? " indicator\n" : " indicators\n");
  return out;
}

std::string CatalogJson(const std::vector<CatalogIndicator>& indicators) {
  if (indicators.empty()) return "[]\n";
  std::string out = "[\n";
  for (size_t n = 0; n < indicators.size(); ++n) {
    const CatalogIndicator& i = indicators[n];
    std::string references;
    for (const std::string& r : i.references) {
      references += (references.empty() ? "" : ", ") + JsonString(r);
    }
    out += "  {\"id\": " + JsonString(i.id) + ", \"title\": " + JsonString(i.title) +
           ", \"pillar\": " + JsonString(std::string(PillarName(i.pillar))) +
           ", \"level\": " + JsonString(i.level) + ", \"source\": " + JsonString(SourceName(i)) +
           ", \"references\": [" + references + "], \"file\": " + JsonString(i.file) + "}" +
           (n + 1 < indicators.size() ? ",\n" : "\n");
  }
  return out + "]\n";
}

std::string CatalogCsv(const std::vector<CatalogIndicator>& indicators) {
  CsvWriter csv;
  for (const char* name : {"id", "pillar", "level", "source", "title", "references", "file"}) {
    csv.Text(name);
  }
  csv.EndRow();
  for (const CatalogIndicator& i : indicators) {
    csv.Text(i.id);
    csv.Text(PillarName(i.pillar));
    csv.Text(i.level);
    csv.Text(SourceName(i));
    csv.Text(i.title);
    std::string references;
    for (const std::string& r : i.references) references += (references.empty() ? "" : "; ") + r;
    csv.Text(references);
    csv.Text(i.file);
    csv.EndRow();
  }
  return csv.str();
}

// The indicator's definition as a framework holds it, an `indicators { ... }`
// block, after comment lines that summarise it.
std::string ShowText(const CatalogIndicator& indicator) {
  std::string out = "# " + indicator.id + ": " + indicator.title + "\n# " +
                    std::string(PillarName(indicator.pillar)) +
                    (indicator.level.empty() ? "" : ", " + indicator.level + " indicator") + ", " +
                    SourceName(indicator) + "; from " + indicator.file + "\n";
  if (!indicator.references.empty()) {
    out += "# references:";
    for (size_t n = 0; n < indicator.references.size(); ++n) {
      out += (n == 0 ? " " : "; ") + indicator.references[n];
    }
    out += "\n";
  }
  out += "indicators {\n";
  std::istringstream body(SerializeDefinition(*indicator.definition, ProtoFormat::kText));
  std::string line;
  while (std::getline(body, line)) out += "  " + line + "\n";
  return out + "}\n";
}

int CatalogCommand(const std::vector<std::string>& raw, std::ostream& out, std::ostream& err) {
  if (raw.empty()) {
    err << "ctind catalog: expected list, show, export or schema\n" << kCatalogUsage;
    return 2;
  }
  const std::string& subcommand = raw[0];
  if (subcommand == "--help" || subcommand == "-h") {
    out << kCatalogUsage;
    return 0;
  }
  const std::vector<std::string> rest(raw.begin() + 1, raw.end());
  const std::string prefix = "ctind catalog " + subcommand + ": ";
  auto usage = [&](const std::string& message) {
    err << prefix << message << "\n" << kCatalogUsage;
    return 2;
  };
  // An id not in the catalog: the message names the closest one.
  auto unknown = [&](const absl::Status& status) {
    err << prefix << status.message() << " (ctind catalog list shows every id)\n";
    return 2;
  };
  Args args;
  size_t positional = 0;
  if (subcommand == "list") {
    args = ParseArgs(rest, {"pillar", "format"}, {});
  } else if (subcommand == "show") {
    args = ParseArgs(rest, {"format"}, {});
    positional = 1;
  } else if (subcommand == "export") {
    args = ParseArgs(rest, {"pillar", "ids", "out"}, {});
  } else if (subcommand == "schema") {
    args = ParseArgs(rest, {"out"}, {});
  } else {
    err << "ctind catalog: unknown subcommand '" << subcommand << "'\n" << kCatalogUsage;
    return 2;
  }
  if (args.help) {
    out << kCatalogUsage;
    return 0;
  }
  if (!args.error.empty()) return usage(args.error);
  if (args.positional.size() != positional) {
    return usage(positional == 1 ? "expected one indicator ID"
                                 : "takes no argument '" + args.positional[0] + "'");
  }
  std::vector<Pillar> pillars;
  for (const std::string& name : ListOption(args, "pillar")) {
    absl::StatusOr<Pillar> pillar = ParsePillar(name);
    if (!pillar.ok()) {
      err << prefix << pillar.status().message() << "\n";
      return 2;
    }
    pillars.push_back(*pillar);
  }

  absl::StatusOr<Catalog> catalog = Catalog::Builtin();
  if (!catalog.ok()) {
    err << "ctind: " << catalog.status().message() << "\n";
    return 1;
  }
  if (subcommand == "list") {
    const std::string format = args.Get("format").value_or("table");
    if (format != "table" && format != "json" && format != "csv") {
      return usage("--format is table, json or csv, not '" + format + "'");
    }
    std::vector<CatalogIndicator> chosen;
    for (const CatalogIndicator& i : catalog->indicators()) {
      if (pillars.empty() || std::find(pillars.begin(), pillars.end(), i.pillar) != pillars.end()) {
        chosen.push_back(i);
      }
    }
    out << (format == "json"  ? CatalogJson(chosen)
            : format == "csv" ? CatalogCsv(chosen)
                              : CatalogTable(chosen));
    return 0;
  }
  if (subcommand == "show") {
    const std::string format = args.Get("format").value_or("text");
    if (format != "text" && format != "json") {
      return usage("--format is text or json, not '" + format + "'");
    }
    absl::StatusOr<CatalogIndicator> indicator = catalog->Find(args.positional[0]);
    if (!indicator.ok()) return unknown(indicator.status());
    out << (format == "json" ? SerializeDefinition(*indicator->definition, ProtoFormat::kJson)
                             : ShowText(*indicator));
    return 0;
  }
  if (subcommand == "export") {
    CatalogSelection selection;
    selection.pillars = pillars;
    selection.ids = ListOption(args, "ids");
    absl::StatusOr<std::string> text = catalog->ExportText(selection);
    if (!text.ok()) {
      if (text.status().code() == absl::StatusCode::kNotFound) return unknown(text.status());
      err << prefix << text.status().message() << "\n";
      return 1;
    }
    return WriteOutput(*text, args.Get("out"), out, err) ? 0 : 1;
  }
  return WriteOutput(std::string(catalog->schema_text()), args.Get("out"), out, err) ? 0 : 1;
}

constexpr char kQualityUsage[] = R"(Usage: ctind quality [FRAMEWORK] --schema FILE --data TABLE=FILE.csv [--data ...]
                     [--mapping FILE] [--as-of YYYY-MM-DD] [--format table|json|csv]
                     [--with-keys] [--out FILE] [--ignore-unknown-columns]

Checks the records in the CSV files and lists what is wrong with them, per
table with counts and shares: how complete every field is (present, missing,
invalid), invalid values and values out of range (with the line of the
first), repeated and missing keys, numeric outliers (by the median absolute
deviation); with a FRAMEWORK also its quality rules (e.g. closed_on >=
opened_on) and, per indicator, the records left out for want of a placing
date. The checks never change a value (docs/data-quality.md).

  --schema FILE              the schema of the records
  --data TABLE=FILE          a CSV file for a table of the schema (repeatable)
  --mapping FILE             a CSV column mapping (see ctind help compute)
  --as-of DATE               last day of data the framework's rules and
                             indicators consider (default: today, capped at
                             the project end); pass it for reproducible runs
  --format table|json|csv    output format (default table); json is the
                             ctind.v1.Report message holding the findings
  --with-keys                also list the keys of the records concerned (at
                             most 100 per finding). Keys identify persons:
                             they are for the data owner's own follow-up,
                             never to be shared. Without it no key appears.
  --out FILE                 write the output to FILE instead of stdout
  --ignore-unknown-columns   accept CSV columns that are not in the schema

Exit status: 0 when the checks ran (with findings or without), 1 invalid
input (a file that cannot be read, a framework or quality rule with
mistakes), 2 usage error.
)";

int QualityCommand(const std::vector<std::string>& raw, std::ostream& out, std::ostream& err) {
  Args args = ParseArgs(raw, {"schema", "data", "mapping", "as-of", "format", "out"},
                        {"with-keys", "ignore-unknown-columns"});
  if (args.help) {
    out << kQualityUsage;
    return 0;
  }
  auto usage = [&](const std::string& message) {
    err << "ctind quality: " << message << "\n" << kQualityUsage;
    return 2;
  };
  if (!args.error.empty()) return usage(args.error);
  if (args.positional.size() > 1) return usage("expected at most one FRAMEWORK file");
  const std::optional<std::string> schema_path = args.Get("schema");
  if (!schema_path) return usage("--schema FILE is required");
  const std::string format = args.Get("format").value_or("table");
  if (format != "table" && format != "json" && format != "csv") {
    return usage("--format is table, json or csv, not '" + format + "'");
  }
  QualityOptions options;
  options.with_record_keys = args.Get("with-keys").has_value();
  if (std::optional<std::string> as_of = args.Get("as-of")) {
    options.as_of = Date::ParseIso(*as_of);
    if (!options.as_of) return usage("--as-of '" + *as_of + "' is not a date (YYYY-MM-DD)");
  }
  const std::vector<std::string> data = args.All("data");
  if (data.empty()) return usage("at least one --data TABLE=FILE is required");
  for (const std::string& spec : data) {
    const size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
      return usage("--data takes TABLE=FILE, not '" + spec + "'");
    }
  }
  IngestOptions ingest;
  ingest.ignore_unknown_columns = args.Get("ignore-unknown-columns").has_value();

  std::optional<Framework> framework;
  if (!args.positional.empty()) {
    framework = LoadDefinition<Framework>(args.positional[0], err);
    if (!framework) return 1;
  }
  std::optional<Schema> schema = LoadDefinition<Schema>(*schema_path, err);
  if (!schema) return 1;
  if (std::optional<std::string> mapping_path = args.Get("mapping")) {
    ingest.mapping = LoadMapping(*mapping_path, *schema, err);
    if (!ingest.mapping) return 1;
  }
  Dataset dataset(*schema);
  if (int code = LoadTables(data, ingest, &dataset, err); code != 0) return code;
  Diagnostics diagnostics;
  absl::StatusOr<QualityReport> report =
      CheckQuality(dataset, framework ? &*framework : nullptr, options, &diagnostics);
  PrintDiagnostics(diagnostics, err);
  if (!report.ok()) {
    if (diagnostics.empty()) err << "ctind: " << report.status().message() << "\n";
    return 1;
  }
  const std::string text = format == "json"  ? RenderQualityJson(*report)
                           : format == "csv" ? RenderQualityCsv(*report)
                                             : RenderQualityTable(*report);
  return WriteOutput(text, args.Get("out"), out, err) ? 0 : 1;
}


int ReportCommand(const std::vector<std::string>& raw, std::ostream& out, std::ostream& err) {
  Args args = ParseArgs(raw,
                        {"schema", "data", "mapping", "as-of", "period-type", "format", "out",
                         "min-cell-size", "rounding", "key-file", "dhis2-mapping", "margin",
                         "language"},
                        {"strict", "ignore-unknown-columns"});
  if (args.help) {
    out << kReportUsage;
    return 0;
  }
  auto usage = [&](const std::string& message) {
    err << "ctind report: " << message << "\n" << kReportUsage;
    return 2;
  };
  if (!args.error.empty()) return usage(args.error);
  const std::string format = args.Get("format").value_or("json");
  static const std::vector<std::string> kFormats = {"json", "csv", "table", "iptt", "html",
                                                    "iati", "dhis2"};
  if (std::find(kFormats.begin(), kFormats.end(), format) == kFormats.end()) {
    return usage("--format is json, csv, table, iptt, html, iati or dhis2, not '" + format + "'");
  }
  if (format == "dhis2" && !args.Get("dhis2-mapping")) return usage("--format dhis2 needs --dhis2-mapping FILE");
  std::optional<int> min_cell_size;
  if (std::optional<std::string> k = args.Get("min-cell-size")) {
    int value = 0;
    if (!absl::SimpleAtoi(*k, &value) || value < 1) {
      return usage("--min-cell-size '" + *k + "' is not a whole number of at least 1");
    }
    min_cell_size = value;
  }
  PublishOptions publish;
  if (std::optional<std::string> rounding = args.Get("rounding")) {
    if (*rounding == "none") {
      publish.rounding = Rounding::kNone;
    } else if (*rounding == "base5") {
      publish.rounding = Rounding::kBase5;
    } else if (*rounding == "random3") {
      publish.rounding = Rounding::kRandomBase3;
    } else {
      return usage("--rounding is none, base5 or random3, not '" + *rounding + "'");
    }
  }
  if (std::optional<std::string> key_file = args.Get("key-file")) {
    if (!ReadFile(*key_file, &publish.publisher_key, err)) return 1;
  }
  AssessOptions assess;
  if (std::optional<std::string> margin = args.Get("margin")) {
    if (!absl::SimpleAtod(*margin, &assess.margin_points) || !(assess.margin_points >= 0) ||
        !std::isfinite(assess.margin_points)) {
      return usage("--margin '" + *margin + "' is not a number of points of at least 0");
    }
  }

  Computation c;
  if (const int status = LoadAndEvaluate(args, usage, min_cell_size, err, &c); status != 0) {
    return status;
  }
  absl::StatusOr<Publication> publication = Publish(*c.raw, *c.plan, publish);
  if (!publication.ok()) {
    err << "ctind: " << publication.status().message() << "\n";
    return 1;
  }
  v1::Report report = publication->results().proto();
  if (absl::Status status = Assess(*c.framework, &report, assess); !status.ok()) {
    err << "ctind: " << status.message() << "\n";
    return 1;
  }
  std::string text;
  std::vector<std::string> notes;
  if (format == "json" || format == "csv" || format == "table") {
    const Results assessed(std::make_shared<const v1::Report>(report));
    text = format == "json" ? RenderJson(assessed) : format == "csv" ? RenderCsv(assessed)
                                                                      : RenderTable(assessed);
  } else if (format == "iptt" || format == "html") {
    absl::StatusOr<v1::Iptt> iptt = BuildIptt(*c.framework, report);
    if (!iptt.ok()) {
      err << "ctind: " << iptt.status().message() << "\n";
      return 1;
    }
    if (format == "iptt") {
      text = RenderIpttCsv(*iptt);
    } else {
      // The data-quality section: findings of the records (never their keys).
      absl::StatusOr<QualityReport> quality = CheckQuality(*c.dataset, &*c.framework);
      if (!quality.ok()) {
        err << "ctind: " << quality.status().message() << "\n";
        return 1;
      }
      HtmlOptions html;
      html.language = args.Get("language").value_or("");
      html.schema = &*c.schema;
      absl::StatusOr<std::string> page = RenderHtml(*c.framework, report, *iptt, &*quality, html);
      if (!page.ok()) {
        err << "ctind: " << page.status().message() << "\n";
        return 1;
      }
      text = *std::move(page);
    }
  } else {
    Diagnostics diagnostics;
    absl::StatusOr<DonorDocument> document;
    if (format == "iati") {
      document = RenderIati(*c.framework, report, DonorRenderOptions(), &diagnostics);
    } else {
      std::optional<Dhis2Mapping> mapping = LoadDefinition<Dhis2Mapping>(*args.Get("dhis2-mapping"), err);
      if (!mapping) return 1;
      document = RenderDhis2(report, *mapping, &diagnostics);
    }
    PrintDiagnostics(diagnostics, err);
    if (!document.ok()) {
      if (diagnostics.empty()) err << "ctind: " << document.status().message() << "\n";
      return 1;
    }
    text = std::move(document->text);
    notes = std::move(document->notes);
  }
  if (!WriteOutput(text, args.Get("out"), out, err)) return 1;
  for (const std::string& note : notes) err << "ctind report: note: " << note << "\n";
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
  if (command == "report") return ReportCommand(rest, out, err);
  if (command == "catalog") return CatalogCommand(rest, out, err);
  if (command == "quality") return QualityCommand(rest, out, err);
  err << "ctind: unknown command '" << command << "'\n" << kUsage;
  return 2;
}

}  // namespace ctind::cli
