// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "ctind/dataset.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/strings.h"
#include "common/suggest.h"
#include "ingest/columns.h"
#include "ingest/csv_reader.h"
#include "ingest/mapping_internal.h"
#include "ingest/value_parser.h"
#include "model/model_internal.h"

namespace ctind {
namespace internal {

int TableData::FieldIndex(std::string_view field) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].field->name() == field) return static_cast<int>(i);
  }
  return -1;
}

const TableData* DatasetRep::FindTable(std::string_view name) const {
  for (const TableData& t : tables) {
    if (t.table->name() == name) return &t;
  }
  return nullptr;
}

TableData* DatasetRep::FindTable(std::string_view name) {
  return const_cast<TableData*>(std::as_const(*this).FindTable(name));
}

namespace {

// First occurrence and count of one kind of value problem in one column.
struct ProblemTally {
  int64_t count = 0;
  int64_t line = 0;
  int64_t column = 0;
  std::string first_reason;
};

// The number of leading characters `a` and `b` share, ignoring ASCII case.
size_t CommonPrefix(std::string_view a, std::string_view b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() &&
         std::tolower(static_cast<unsigned char>(a[n])) ==
             std::tolower(static_cast<unsigned char>(b[n]))) {
    ++n;
  }
  return n;
}

// Quoted names joined by ", ", at most `limit` of them, then "(and N more)".
std::string NameList(const std::vector<std::string>& names, size_t limit) {
  std::vector<std::string> shown;
  for (size_t i = 0; i < names.size() && i < limit; ++i) shown.push_back(Quoted(names[i]));
  std::string out = absl::StrJoin(shown, ", ");
  if (names.size() > limit) absl::StrAppend(&out, " (and ", names.size() - limit, " more)");
  return out;
}

// Loads one CSV into one table's columns. Structural problems return an
// error; value problems are tallied into findings (or returned, strict).
class CsvTableLoader {
 public:
  CsvTableLoader(const SchemaRep& schema, const v1::Table& table, TableInput input,
                 std::string file_name, const IngestOptions& options)
      : schema_(schema), table_(table), input_(std::move(input)),
        file_name_(std::move(file_name)), options_(options) {}

  absl::Status Load(std::string_view bytes, TableData* out,
                    std::vector<v1::Finding>* findings) {
    CsvOptions csv;
    csv.delimiter = input_.delimiter;
    absl::StatusOr<CsvReader> reader = CsvReader::Create(bytes, file_name_, csv);
    if (!reader.ok()) return reader.status();
    CsvRecord record;
    absl::StatusOr<bool> has = reader->Next(&record);
    if (!has.ok()) return has.status();
    if (!*has) {
      return absl::InvalidArgumentError(absl::StrCat(
          file_name_, ":1:1: empty file; a CSV of table '", table_.name(),
          "' starts with a header line naming its columns"));
    }
    absl::Status status = MapHeader(record);
    if (!status.ok()) return status;

    TableData data;
    data.table = &table_;
    data.columns.resize(table_.fields_size());
    std::vector<ValueParser> parsers;
    parsers.reserve(table_.fields_size());
    for (int f = 0; f < table_.fields_size(); ++f) {
      const v1::Field& field = table_.fields(f);
      Column& column = data.columns[f];
      column.field = &field;
      column.type = field.type();
      column.multi_valued = field.multi_valued();
      absl::StatusOr<ValueParser> parser = ValueParser::Create(
          field, schema_.FindCodeList(field.code_list()), input_.fields[f].encoding);
      if (!parser.ok()) return parser.status();
      parsers.push_back(std::move(*parser));
    }
    tallies_.assign(table_.fields_size(), ProblemTally());

    const size_t width = header_width_;
    std::string why;
    while (true) {
      has = reader->Next(&record);
      if (!has.ok()) return has.status();
      if (!*has) break;
      if (record.fields.size() != width) {
        const CsvField& at = record.fields.size() > width ? record.fields[width]
                                                          : record.fields.back();
        return absl::InvalidArgumentError(absl::StrCat(
            file_name_, ":", record.line, ":", at.column, ": this row has ",
            record.fields.size(), " fields but the header has ", width,
            "; quote fields that contain '", std::string(1, csv.delimiter), "'"));
      }
      for (int f = 0; f < table_.fields_size(); ++f) {
        const int source = column_of_field_[f];
        Column& column = data.columns[f];
        if (source < 0) {
          parsers[f].AppendMissing(&column);
          continue;
        }
        const CsvField& cell = record.fields[source];
        if (!parsers[f].Append(cell.text, &column, &why)) {
          if (options_.strict) {
            return absl::InvalidArgumentError(absl::StrCat(
                file_name_, ":", cell.line, ":", cell.column, ": ", FieldNamed(f), ": ", why,
                " (strict ingest rejects invalid values)"));
          }
          ProblemTally& tally = tallies_[f];
          if (tally.count++ == 0) {
            tally.line = cell.line;
            tally.column = cell.column;
            tally.first_reason = why;
          }
        }
      }
      ++data.rows;
      if (data.rows > kMaxRows) {
        return absl::ResourceExhaustedError(absl::StrCat(
            file_name_, ":", record.line, ": more than ", kMaxRows,
            " rows in one table"));
      }
    }
    status = CheckKeys(data, findings);
    if (!status.ok()) return status;
    AddValueFindings(data, findings);
    data.loaded = true;
    *out = std::move(data);
    return absl::OkStatus();
  }

 private:
  static constexpr int64_t kMaxRows = int64_t{1} << 31;

  absl::Status MapHeader(const CsvRecord& header) {
    header_width_ = header.fields.size();
    absl::flat_hash_map<std::string, int> column_index;
    std::vector<std::string> header_names;
    for (size_t i = 0; i < header.fields.size(); ++i) {
      const CsvField& f = header.fields[i];
      if (!column_index.emplace(std::string(f.text), static_cast<int>(i)).second) {
        return absl::InvalidArgumentError(absl::StrCat(
            file_name_, ":", f.line, ":", f.column, ": duplicate column '",
            Sv(f.text), "' in the header"));
      }
      header_names.emplace_back(f.text);
    }
    column_of_field_.assign(table_.fields_size(), -1);
    std::vector<bool> used(header.fields.size(), false);
    for (int f = 0; f < table_.fields_size(); ++f) {
      const v1::Field& field = table_.fields(f);
      const std::string& name = input_.fields[f].column;
      auto it = column_index.find(name);
      if (it != column_index.end()) {
        column_of_field_[f] = it->second;
        used[it->second] = true;
      } else if (field.required()) {
        std::string source;
        if (input_.fields[f].column_from_mapping) {
          source = absl::StrCat(" (field '", field.name(), "', as mapped by ",
                                input_.mapping_file.empty() ? "the mapping" : input_.mapping_file,
                                ")");
        } else if (name != field.name()) {
          source = absl::StrCat(" (field '", field.name(), "')");
        }
        return absl::InvalidArgumentError(absl::StrCat(
            file_name_, ":1:1: the header lacks required column '", name,
            "' of table '", table_.name(), "'", source, DidYouMean(name, header_names),
            OtherDelimiterHint(header_names)));
      }
    }
    if (options_.ignore_unknown_columns) return absl::OkStatus();
    std::vector<size_t> unknown;
    for (size_t i = 0; i < header.fields.size(); ++i) {
      if (!used[i]) unknown.push_back(i);
    }
    if (unknown.empty()) return absl::OkStatus();
    const CsvField& first = header.fields[unknown.front()];
    std::string message = absl::StrCat(file_name_, ":", first.line, ":", first.column,
                                       ": unknown column '", Sv(first.text), "' for table '",
                                       table_.name(), "'");
    absl::StrAppend(&message, CloseColumns(first.text));
    if (unknown.size() > 1) {
      std::vector<std::string> others;
      for (size_t k = 1; k < unknown.size(); ++k) others.emplace_back(header.fields[unknown[k]].text);
      absl::StrAppend(&message, "; the header has ", others.size(), " more unknown column",
                      others.size() == 1 ? "" : "s", ": ", NameList(others, 5));
    }
    absl::StrAppend(&message,
                    " (to read a column under another name, map it to its field in a CSV "
                    "mapping; to skip columns that are not in the schema, ignore unknown "
                    "columns)");
    return absl::InvalidArgumentError(message);
  }

  // What to suggest for the unknown header `name`: the field it names when
  // that field reads another column; else the closest column the header
  // lacks; else the columns it lacks, those sharing the longest prefix
  // with `name` (HTCDS groups names as prs_, vic_, ...) first.
  std::string CloseColumns(std::string_view name) const {
    for (int f = 0; f < table_.fields_size(); ++f) {
      if (table_.fields(f).name() == name && input_.fields[f].column != name) {
        return absl::StrCat("; field '", table_.fields(f).name(), "' is read from column '",
                            input_.fields[f].column, "'",
                            input_.fields[f].column_from_mapping
                                ? absl::StrCat(" (as mapped by ",
                                               input_.mapping_file.empty() ? "the mapping"
                                                                           : input_.mapping_file,
                                               ")")
                                : std::string());
      }
    }
    std::vector<std::string> absent;
    for (int f = 0; f < table_.fields_size(); ++f) {
      if (column_of_field_[f] < 0) absent.push_back(input_.fields[f].column);
    }
    if (absent.empty()) {
      return absl::StrCat("; every column of table '", table_.name(), "' is already in the header");
    }
    std::string hint = DidYouMean(name, absent);
    if (!hint.empty()) return hint;
    std::stable_sort(absent.begin(), absent.end(), [&](const std::string& a, const std::string& b) {
      return CommonPrefix(a, name) > CommonPrefix(b, name);
    });
    return absl::StrCat("; columns of table '", table_.name(), "' that the header lacks: ",
                        NameList(absent, 6));
  }

  // A header read as one column because the file uses another delimiter.
  std::string OtherDelimiterHint(const std::vector<std::string>& header_names) const {
    if (header_names.size() != 1) return {};
    for (const char delimiter : {';', ',', '\t', '|'}) {
      if (delimiter == input_.delimiter ||
          header_names[0].find(delimiter) == std::string::npos) {
        continue;
      }
      const std::string shown = delimiter == '\t' ? "\\t" : std::string(1, delimiter);
      return absl::StrCat("; the header is a single column: if the file's delimiter is '", shown,
                          "', declare it in the schema (csv.delimiter) or in a CSV mapping");
    }
    return {};
  }

  // "field 'x'", with the column it is read from when that has another name.
  std::string FieldNamed(int f) const {
    const std::string& name = table_.fields(f).name();
    const std::string& column = input_.fields[f].column;
    if (column == name) return absl::StrCat("field '", name, "'");
    return absl::StrCat("field '", name, "' (column '", column, "')");
  }

  // Duplicate keys: a finding (an error in strict mode). A key with a
  // missing part is reported as such and not compared.
  absl::Status CheckKeys(const TableData& data, std::vector<v1::Finding>* findings) {
    if (table_.key_size() == 0 || data.rows == 0) return absl::OkStatus();
    std::vector<const Column*> key_columns;
    for (const std::string& k : table_.key()) key_columns.push_back(&data.columns[data.FieldIndex(k)]);
    // Each key part as 64 bits: strings by dictionary id (unique per
    // distinct value), numbers by value or bit pattern.
    auto part = [](const Column& c, int64_t r) -> uint64_t {
      switch (c.type) {
        case v1::INT64: return static_cast<uint64_t>(c.int64s[r]);
        case v1::DOUBLE: {
          uint64_t bits;
          std::memcpy(&bits, &c.doubles[r], sizeof bits);
          return bits;
        }
        default: return static_cast<uint64_t>(static_cast<uint32_t>(c.int32s[r]));
      }
    };
    absl::flat_hash_map<std::string, int64_t> seen_multi;
    absl::flat_hash_map<uint64_t, int64_t> seen_single;
    if (key_columns.size() == 1) {
      seen_single.reserve(static_cast<size_t>(data.rows));
    } else {
      seen_multi.reserve(static_cast<size_t>(data.rows));
    }
    int64_t duplicates = 0, missing = 0;
    std::string key;
    for (int64_t r = 0; r < data.rows; ++r) {
      bool complete = true;
      for (const Column* c : key_columns) complete = complete && c->states[r] == ValueState::kPresent;
      if (!complete) {
        ++missing;
        continue;
      }
      int64_t first_row = -1;
      if (key_columns.size() == 1) {
        auto [it, inserted] = seen_single.emplace(part(*key_columns[0], r), r);
        if (!inserted) first_row = it->second;
      } else {
        key.clear();
        for (const Column* c : key_columns) {
          const uint64_t v = part(*c, r);
          key.append(reinterpret_cast<const char*>(&v), sizeof v);
        }
        auto [it, inserted] = seen_multi.emplace(key, r);
        if (!inserted) first_row = it->second;
      }
      if (first_row >= 0) {
        if (options_.strict) {
          return absl::InvalidArgumentError(absl::StrCat(
              file_name_, ": data row ", r + 1, " repeats the key (",
              absl::StrJoin(table_.key(), ", "), ") of data row ", first_row + 1,
              " (strict ingest rejects duplicate keys)"));
        }
        ++duplicates;
      }
    }
    const std::string key_names = absl::StrJoin(table_.key(), ", ");
    if (duplicates > 0) {
      findings->push_back(MakeFinding(
          "duplicate_key", v1::ERROR, "", duplicates, data.rows,
          absl::StrCat(duplicates, " records of table '", table_.name(),
                       "' repeat the key (", key_names, ") of an earlier record")));
    }
    if (missing > 0) {
      findings->push_back(MakeFinding(
          "missing_key", v1::ERROR, "", missing, data.rows,
          absl::StrCat(missing, " records of table '", table_.name(),
                       "' have no complete key (", key_names, ")")));
    }
    return absl::OkStatus();
  }

  void AddValueFindings(const TableData& data, std::vector<v1::Finding>* findings) {
    for (int f = 0; f < table_.fields_size(); ++f) {
      const ProblemTally& tally = tallies_[f];
      if (tally.count == 0) continue;
      const v1::Field& field = table_.fields(f);
      // A multi-valued value keeps its valid items; only a value with none
      // counts as missing.
      const std::string what =
          field.multi_valued()
              ? absl::StrCat(tally.count, " values of ", FieldNamed(f),
                             " have items that are not codes of list '", field.code_list(),
                             "': those items are left out, and a value with no valid item "
                             "counts as missing; the first, at line ",
                             tally.line, ", column ", tally.column, ": ", tally.first_reason)
              : absl::StrCat(tally.count, " values of ", FieldNamed(f),
                             " are invalid and count as missing; the first, at line ",
                             tally.line, ": ", tally.first_reason);
      v1::Finding finding = MakeFinding("invalid_value", v1::WARNING, field.name(), tally.count,
                                        data.rows, what);
      finding.set_line(tally.line);
      finding.set_column(tally.column);
      findings->push_back(std::move(finding));
    }
  }

  v1::Finding MakeFinding(const char* rule, v1::Severity severity, const std::string& field,
                          int64_t count, int64_t rows, std::string message) const {
    v1::Finding finding;
    finding.set_rule(rule);
    finding.set_severity(severity);
    finding.set_table(table_.name());
    finding.set_field(field);
    finding.set_count(count);
    if (rows > 0) finding.set_share(static_cast<double>(count) / static_cast<double>(rows));
    finding.set_message(std::move(message));
    finding.set_file(file_name_);
    return finding;
  }

  const SchemaRep& schema_;
  const v1::Table& table_;
  TableInput input_;
  std::string file_name_;
  IngestOptions options_;
  size_t header_width_ = 0;
  std::vector<int> column_of_field_;  // field index → CSV column, or -1
  std::vector<ProblemTally> tallies_;
};

TableData EmptyTable(const v1::Table& table) {
  TableData data;
  data.table = &table;
  data.columns.resize(table.fields_size());
  for (int f = 0; f < table.fields_size(); ++f) {
    Column& c = data.columns[f];
    c.field = &table.fields(f);
    c.type = c.field->type();
    c.multi_valued = c.field->multi_valued();
    if (c.multi_valued) c.offsets.push_back(0);
  }
  return data;
}

}  // namespace
}  // namespace internal

Dataset::Dataset(Schema schema)
    : rep_(std::make_unique<internal::DatasetRep>(std::move(schema))) {
  for (const v1::Table& table : rep_->schema.proto().tables()) {
    rep_->tables.push_back(internal::EmptyTable(table));
  }
}

Dataset::~Dataset() = default;
Dataset::Dataset(Dataset&&) noexcept = default;
Dataset& Dataset::operator=(Dataset&&) noexcept = default;

absl::Status Dataset::LoadCsv(std::string_view table, std::string_view bytes,
                              std::string_view file_name, const IngestOptions& options) {
  internal::TableData* target = rep_->FindTable(table);
  if (target == nullptr) {
    std::vector<std::string> names;
    for (const v1::Table& t : rep_->schema.proto().tables()) names.push_back(t.name());
    return absl::NotFoundError(absl::StrCat("schema has no table '", Sv(table),
                                            "'; its tables are ",
                                            absl::StrJoin(names, ", ")));
  }
  if (target->loaded) {
    return absl::FailedPreconditionError(
        absl::StrCat("table '", Sv(table), "' is already loaded"));
  }
  const internal::SchemaRep& schema = internal::ModelAccess::Rep(rep_->schema);
  const v1::TableMapping* table_mapping = nullptr;
  std::string mapping_file;
  if (options.mapping.has_value()) {
    const internal::CsvMappingRep& mapping = internal::MappingAccess::Rep(*options.mapping);
    // Validated against another Schema object (perhaps an equal one):
    // check that it fits this one before relying on it.
    if (&internal::ModelAccess::Rep(mapping.schema) != &schema) {
      Diagnostics diagnostics;
      internal::DiagnosticSink sink(&mapping.source, &diagnostics);
      internal::ValidateMapping(mapping.proto, schema, mapping.source, sink);
      if (sink.has_errors()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "the CSV mapping does not fit the dataset's schema: ",
            StatusFromDiagnostics(diagnostics).message()));
      }
    }
    table_mapping = mapping.FindTable(table);
    mapping_file = mapping.source.file_name();
  }
  std::vector<v1::Finding> findings;
  internal::CsvTableLoader loader(
      schema, *target->table,
      internal::ResolveTableInput(*target->table, table_mapping, std::move(mapping_file)),
      std::string(file_name), options);
  internal::TableData loaded;
  absl::Status status = loader.Load(bytes, &loaded, &findings);
  if (!status.ok()) return status;
  *target = std::move(loaded);
  for (v1::Finding& f : findings) rep_->findings.push_back(std::move(f));
  return absl::OkStatus();
}

const Schema& Dataset::schema() const { return rep_->schema; }

int64_t Dataset::RowCount(std::string_view table) const {
  const internal::TableData* t = rep_->FindTable(table);
  return t == nullptr ? -1 : t->rows;
}

bool Dataset::IsLoaded(std::string_view table) const {
  const internal::TableData* t = rep_->FindTable(table);
  return t != nullptr && t->loaded;
}

int Dataset::FindingCount() const { return static_cast<int>(rep_->findings.size()); }

const v1::Finding& Dataset::GetFinding(int index) const { return rep_->findings.at(index); }

}  // namespace ctind
