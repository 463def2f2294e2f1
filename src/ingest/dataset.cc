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
#include "common/utf8.h"
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
  // Where the first one is: line and column of a CSV cell, or 0 and the
  // 1-based data row for values loaded as columns.
  int64_t line = 0;
  int64_t column = 0;
  int64_t row = 0;
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

TableData EmptyTable(const v1::Table& table);

// What loading a table from CSV and from columns share: the parsers of its
// fields, the tally of invalid values, the key checks and the findings.
class TableLoader {
 public:
  TableLoader(const SchemaRep& schema, const v1::Table& table, TableInput input,
              std::string file_name, const IngestOptions& options)
      : schema_(schema), table_(table), input_(std::move(input)),
        file_name_(std::move(file_name)), options_(options) {}

 protected:
  static constexpr int64_t kMaxRows = int64_t{1} << 31;

  // An empty table with a parser per field; the tallies reset.
  absl::Status Start(TableData* data, std::vector<ValueParser>* parsers) {
    *data = EmptyTable(table_);
    parsers->clear();
    parsers->reserve(table_.fields_size());
    for (int f = 0; f < table_.fields_size(); ++f) {
      const v1::Field& field = table_.fields(f);
      absl::StatusOr<ValueParser> parser = ValueParser::Create(
          field, schema_.FindCodeList(field.code_list()), input_.fields[f].encoding);
      if (!parser.ok()) return parser.status();
      parsers->push_back(std::move(*parser));
    }
    tallies_.assign(table_.fields_size(), ProblemTally());
    return absl::OkStatus();
  }

  // Counts an invalid value of field `f`, remembering where the first is.
  void Tally(int f, int64_t line, int64_t column, int64_t row, const std::string& why) {
    ProblemTally& tally = tallies_[f];
    if (tally.count++ == 0) {
      tally.line = line;
      tally.column = column;
      tally.row = row;
      tally.first_reason = why;
    }
  }

  // Key checks and value findings of a fully read table, which is then
  // marked loaded.
  absl::Status Finish(TableData* data, std::vector<v1::Finding>* findings) {
    absl::Status status = CheckKeys(*data, findings);
    if (!status.ok()) return status;
    AddValueFindings(*data, findings);
    data->loaded = true;
    return absl::OkStatus();
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
      // counts as missing. Values loaded as columns have a data row, not a
      // line.
      const std::string where =
          tally.line > 0 ? absl::StrCat("at line ", tally.line,
                                        field.multi_valued() ? absl::StrCat(", column ", tally.column)
                                                             : std::string())
                         : absl::StrCat("in data row ", tally.row);
      const std::string what =
          field.multi_valued()
              ? absl::StrCat(tally.count, " values of ", FieldNamed(f),
                             " have items that are not codes of list '", field.code_list(),
                             "': those items are left out, and a value with no valid item "
                             "counts as missing; the first, ",
                             where, ": ", tally.first_reason)
              : absl::StrCat(tally.count, " values of ", FieldNamed(f),
                             " are invalid and count as missing; the first, ", where, ": ",
                             tally.first_reason);
      v1::Finding finding = MakeFinding("invalid_value", v1::WARNING, field.name(), tally.count,
                                        data.rows, what);
      if (tally.line > 0) {
        finding.set_line(tally.line);
        finding.set_column(tally.column);
      }
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
  std::vector<ProblemTally> tallies_;
};

// Loads one CSV into one table's columns. Structural problems return an
// error; value problems are tallied into findings (or returned, strict).
class CsvTableLoader : private TableLoader {
 public:
  using TableLoader::TableLoader;

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
    std::vector<ValueParser> parsers;
    status = Start(&data, &parsers);
    if (!status.ok()) return status;

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
          Tally(f, cell.line, cell.column, 0, why);
        }
      }
      ++data.rows;
      if (data.rows > kMaxRows) {
        return absl::ResourceExhaustedError(absl::StrCat(
            file_name_, ":", record.line, ": more than ", kMaxRows,
            " rows in one table"));
      }
    }
    status = Finish(&data, findings);
    if (!status.ok()) return status;
    *out = std::move(data);
    return absl::OkStatus();
  }

 private:
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

  size_t header_width_ = 0;
  std::vector<int> column_of_field_;  // field index → CSV column, or -1
};

// Loads one table from columns of values (Dataset::LoadColumns).
class ColumnsTableLoader : private TableLoader {
 public:
  using TableLoader::TableLoader;

  absl::Status Load(const std::vector<ColumnInput>& columns, TableData* out,
                    std::vector<v1::Finding>* findings) {
    // Which input column holds each field, and the common length.
    std::vector<const ColumnInput*> input_of_field(table_.fields_size(), nullptr);
    std::optional<size_t> rows;
    const ColumnInput* first = nullptr;
    for (const ColumnInput& c : columns) {
      int f = -1;
      for (int i = 0; i < table_.fields_size(); ++i) {
        if (table_.fields(i).name() == c.field) f = i;
      }
      if (f < 0) {
        std::vector<std::string> names;
        for (const v1::Field& field : table_.fields()) names.push_back(field.name());
        return absl::NotFoundError(absl::StrCat(file_name_, ": table '", table_.name(),
                                                "' has no field ", Quoted(c.field),
                                                DidYouMean(c.field, names)));
      }
      if (input_of_field[f] != nullptr) {
        return absl::InvalidArgumentError(absl::StrCat(
            file_name_, ": field '", c.field, "' of table '", table_.name(), "' is given twice"));
      }
      absl::Status status = CheckKind(table_.fields(f), c);
      if (!status.ok()) return status;
      if (!c.present.empty() && c.present.size() != c.size()) {
        return absl::InvalidArgumentError(absl::StrCat(
            file_name_, ": field '", c.field, "' has ", c.size(), " values but ",
            c.present.size(), " present flags"));
      }
      if (!rows.has_value()) {
        rows = c.size();
        first = &c;
      } else if (c.size() != *rows) {
        return absl::InvalidArgumentError(absl::StrCat(
            file_name_, ": field '", c.field, "' has ", c.size(), " values but field '",
            first->field, "' has ", *rows, "; every column of table '", table_.name(),
            "' has one value per row"));
      }
      input_of_field[f] = &c;
    }
    for (int f = 0; f < table_.fields_size(); ++f) {
      if (input_of_field[f] == nullptr && table_.fields(f).required()) {
        return absl::InvalidArgumentError(absl::StrCat(
            file_name_, ": required field '", table_.fields(f).name(), "' of table '",
            table_.name(), "' is not given"));
      }
    }
    const int64_t row_count = static_cast<int64_t>(rows.value_or(0));
    if (row_count > kMaxRows) {
      return absl::ResourceExhaustedError(
          absl::StrCat(file_name_, ": more than ", kMaxRows, " rows in one table"));
    }

    for (int f = 0; f < table_.fields_size(); ++f) {
      if (input_of_field[f] == nullptr) continue;
      absl::Status status = CheckUtf8(f, *input_of_field[f]);
      if (!status.ok()) return status;
    }

    TableData data;
    std::vector<ValueParser> parsers;
    absl::Status status = Start(&data, &parsers);
    if (!status.ok()) return status;
    std::string why;
    for (int f = 0; f < table_.fields_size(); ++f) {
      Column& column = data.columns[f];
      const ColumnInput* input = input_of_field[f];
      for (int64_t r = 0; r < row_count; ++r) {
        if (input == nullptr || (!input->present.empty() && !input->present[r])) {
          parsers[f].AppendMissing(&column);
          continue;
        }
        if (!AppendValue(*input, r, &parsers[f], &column, &why)) {
          if (options_.strict) {
            return absl::InvalidArgumentError(absl::StrCat(
                file_name_, ": data row ", r + 1, ": ", FieldNamed(f), ": ", why,
                " (strict ingest rejects invalid values)"));
          }
          Tally(f, 0, 0, r + 1, why);
        }
      }
    }
    data.rows = row_count;
    status = Finish(&data, findings);
    if (!status.ok()) return status;
    *out = std::move(data);
    return absl::OkStatus();
  }

 private:
  static const char* KindName(ColumnInput::Kind kind) {
    switch (kind) {
      case ColumnInput::Kind::kText: return "text";
      case ColumnInput::Kind::kInt64: return "64-bit integer";
      case ColumnInput::Kind::kDouble: return "double";
      case ColumnInput::Kind::kBool: return "boolean";
      case ColumnInput::Kind::kDate: return "date (day number)";
    }
    return "unknown";
  }

  // Text fits every field; numbers only the field type they are.
  absl::Status CheckKind(const v1::Field& field, const ColumnInput& c) const {
    v1::FieldType wanted = v1::FIELD_TYPE_UNSPECIFIED;
    switch (c.kind) {
      case ColumnInput::Kind::kText: return absl::OkStatus();
      case ColumnInput::Kind::kInt64: wanted = v1::INT64; break;
      case ColumnInput::Kind::kDouble: wanted = v1::DOUBLE; break;
      case ColumnInput::Kind::kBool: wanted = v1::BOOL; break;
      case ColumnInput::Kind::kDate: wanted = v1::DATE; break;
    }
    if (field.type() == wanted) return absl::OkStatus();
    return absl::InvalidArgumentError(absl::StrCat(
        file_name_, ": field '", field.name(), "' of table '", table_.name(), "' is of type ",
        v1::FieldType_Name(field.type()), ", not ", v1::FieldType_Name(wanted), ": ",
        KindName(c.kind), " values cannot be loaded into it",
        field.type() == v1::CATEGORY || field.type() == v1::STRING
            ? " (give its values as text)"
            : ""));
  }

  // Appends row `r` of `input`; false for an invalid value, with the reason
  // in *why.
  static bool AppendValue(const ColumnInput& input, int64_t r, ValueParser* parser,
                          Column* column, std::string* why) {
    const size_t i = static_cast<size_t>(r);
    switch (input.kind) {
      case ColumnInput::Kind::kInt64: return parser->AppendInt64(input.int64s[i], column, why);
      case ColumnInput::Kind::kDouble: return parser->AppendDouble(input.doubles[i], column, why);
      case ColumnInput::Kind::kBool: return parser->AppendBool(input.bools[i], column, why);
      case ColumnInput::Kind::kDate: return parser->AppendDay(input.days[i], column, why);
      case ColumnInput::Kind::kText: break;
    }
    return parser->Append(input.texts[i], column, why);
  }

  // Every present text value of field `f` is well-formed UTF-8, as every
  // byte of a CSV file must be.
  absl::Status CheckUtf8(int f, const ColumnInput& input) const {
    if (input.kind != ColumnInput::Kind::kText) return absl::OkStatus();
    for (size_t r = 0; r < input.texts.size(); ++r) {
      if (!input.present.empty() && !input.present[r]) continue;
      if (const std::optional<size_t> bad = FindInvalidUtf8(input.texts[r])) {
        return absl::InvalidArgumentError(absl::StrCat(
            file_name_, ": data row ", r + 1, ": ", FieldNamed(f),
            ": the text is not well-formed UTF-8 (byte ", *bad + 1, " of the value)"));
      }
    }
    return absl::OkStatus();
  }
};

// NotFound for a table `schema` lacks, naming the tables it has.
absl::Status UnknownTable(const Schema& schema, std::string_view table) {
  std::vector<std::string> names;
  for (const v1::Table& t : schema.proto().tables()) names.push_back(t.name());
  return absl::NotFoundError(absl::StrCat("schema has no table '", Sv(table),
                                          "'; its tables are ", absl::StrJoin(names, ", ")));
}

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
  if (target == nullptr) return internal::UnknownTable(rep_->schema, table);
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

absl::Status Dataset::LoadColumns(std::string_view table, const std::vector<ColumnInput>& columns,
                                  std::string_view source_name, const IngestOptions& options) {
  internal::TableData* target = rep_->FindTable(table);
  if (target == nullptr) return internal::UnknownTable(rep_->schema, table);
  if (target->loaded) {
    return absl::FailedPreconditionError(
        absl::StrCat("table '", Sv(table), "' is already loaded"));
  }
  const std::string name = source_name.empty()
                               ? absl::StrCat("columns of table '", Sv(table), "'")
                               : std::string(source_name);
  std::vector<v1::Finding> findings;
  internal::ColumnsTableLoader loader(internal::ModelAccess::Rep(rep_->schema), *target->table,
                                      internal::ResolveTableInput(*target->table, nullptr, ""),
                                      name, options);
  internal::TableData loaded;
  absl::Status status = loader.Load(columns, &loaded, &findings);
  if (!status.ok()) return status;
  *target = std::move(loaded);
  for (v1::Finding& f : findings) rep_->findings.push_back(std::move(f));
  return absl::OkStatus();
}

size_t ColumnInput::size() const {
  switch (kind) {
    case Kind::kText: return texts.size();
    case Kind::kInt64: return int64s.size();
    case Kind::kDouble: return doubles.size();
    case Kind::kBool: return bools.size();
    case Kind::kDate: return days.size();
  }
  return 0;
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
