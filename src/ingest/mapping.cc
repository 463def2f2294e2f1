// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "ctind/mapping.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/strings.h"
#include "common/suggest.h"
#include "ingest/mapping_internal.h"
#include "model/proto_io.h"

namespace ctind {
namespace internal {

const v1::TableMapping* CsvMappingRep::FindTable(std::string_view table) const {
  auto it = tables.find(Sv(table));
  return it == tables.end() ? nullptr : &proto.tables(it->second);
}

namespace {

bool ValidDelimiter(const std::string& d) {
  return d.size() == 1 && d[0] != '"' && d[0] != '\n' && d[0] != '\r' &&
         static_cast<unsigned char>(d[0]) < 0x80;
}

const std::string& SchemaColumn(const v1::Field& field) {
  return field.column().empty() ? field.name() : field.column();
}

// The first value that is both a true and a false value of `format`, with
// its index among the false values.
std::optional<std::pair<std::string, int>> TrueAndFalse(const v1::InputFormat& format) {
  const absl::flat_hash_set<std::string> truths(format.true_values().begin(),
                                                format.true_values().end());
  for (int k = 0; k < format.false_values_size(); ++k) {
    if (truths.contains(format.false_values(k))) return std::make_pair(format.false_values(k), k);
  }
  return std::nullopt;
}

class MappingValidator {
 public:
  MappingValidator(const SchemaRep& schema, const SourceFile& source, DiagnosticSink& sink)
      : schema_(schema), source_(source), sink_(sink) {}

  void Validate(const v1::CsvMapping& mapping) {
    if (!mapping.schema_id().empty() && mapping.schema_id() != schema_.proto.id()) {
      sink_.Error("schema_id", absl::StrCat("the mapping is written for schema ",
                                            Quoted(mapping.schema_id()), " but schema ",
                                            Quoted(schema_.proto.id()), " was given"));
    }
    std::vector<std::string> table_names;
    for (const v1::Table& t : schema_.proto.tables()) table_names.push_back(t.name());
    absl::flat_hash_map<std::string, int> seen;
    for (int t = 0; t < mapping.tables_size(); ++t) {
      const v1::TableMapping& entry = mapping.tables(t);
      const std::string path = absl::StrCat("tables[", t, "]");
      if (entry.table().empty()) {
        sink_.Error(path, "a table mapping needs `table`, the name of a table of the schema");
        continue;
      }
      const v1::Table* table = schema_.FindTable(entry.table());
      if (table == nullptr) {
        std::string hint = DidYouMean(entry.table(), table_names);
        if (hint.empty()) hint = absl::StrCat("; the schema's tables are ", absl::StrJoin(table_names, ", "));
        sink_.Error(path + ".table", absl::StrCat("unknown table ", Quoted(entry.table()), hint));
        continue;
      }
      auto [first, inserted] = seen.emplace(entry.table(), t);
      if (!inserted) {
        sink_.Error(path + ".table",
                    absl::StrCat("table ", Quoted(entry.table()), " is mapped twice",
                                 FirstAt(absl::StrCat("tables[", first->second, "]"))));
        continue;
      }
      ValidateTable(entry, *table, path);
    }
  }

 private:
  void ValidateTable(const v1::TableMapping& entry, const v1::Table& table,
                     const std::string& path) {
    if (!entry.delimiter().empty() && !ValidDelimiter(entry.delimiter())) {
      sink_.Error(path + ".delimiter",
                  absl::StrCat(Quoted(entry.delimiter()),
                               " is not a delimiter: use one ASCII character other than a "
                               "quote or a line break, e.g. \";\""));
    }
    ValidateFormat(entry.format(), path + ".format");
    WarnUnusedTableFormat(entry.format(), table, path + ".format");

    absl::flat_hash_map<std::string, int> field_index;
    std::vector<std::string> field_names;
    for (int f = 0; f < table.fields_size(); ++f) {
      field_index.emplace(table.fields(f).name(), f);
      field_names.push_back(table.fields(f).name());
    }
    // entry_of_field[f]: index of the entry in `entry.columns` mapping field f, or -1.
    std::vector<int> entry_of_field(table.fields_size(), -1);
    for (int c = 0; c < entry.columns_size(); ++c) {
      const v1::ColumnMapping& column = entry.columns(c);
      const std::string column_path = absl::StrCat(path, ".columns[", c, "]");
      if (column.field().empty()) {
        sink_.Error(column_path, absl::StrCat("a column mapping needs `field`, the name of a "
                                              "field of table ",
                                              Quoted(table.name())));
        continue;
      }
      auto it = field_index.find(column.field());
      if (it == field_index.end()) {
        sink_.Error(column_path + ".field",
                    absl::StrCat("unknown field ", Quoted(column.field()), " in table ",
                                 Quoted(table.name()), DidYouMean(column.field(), field_names)));
        continue;
      }
      const int f = it->second;
      if (entry_of_field[f] >= 0) {
        sink_.Error(column_path + ".field",
                    absl::StrCat("field ", Quoted(column.field()), " is mapped twice",
                                 FirstAt(absl::StrCat(path, ".columns[", entry_of_field[f], "]"))));
        continue;
      }
      entry_of_field[f] = c;
      const v1::Field& field = table.fields(f);
      ValidateFormat(column.format(), column_path + ".format");
      ValidateFormatApplies(column.format(), field, column_path + ".format");
      ValidateRecodings(column, field, column_path);
    }

    // No two fields may read one column. The schema's own columns are
    // distinct (schema validation), so a clash involves a renamed field.
    absl::flat_hash_map<std::string, int> reader;  // column → field index
    for (int f = 0; f < table.fields_size(); ++f) {
      const int c = entry_of_field[f];
      const bool renamed = c >= 0 && !entry.columns(c).column().empty();
      const std::string& name = renamed ? entry.columns(c).column() : SchemaColumn(table.fields(f));
      auto [it, inserted] = reader.emplace(name, f);
      if (inserted) continue;
      const int g = it->second;
      const bool g_renamed = entry_of_field[g] >= 0 && !entry.columns(entry_of_field[g]).column().empty();
      // Report at the entry that renames; when both do, at the later one.
      const int at = renamed ? c : entry_of_field[g];
      const int other = renamed ? g : f;
      const bool other_renamed = renamed ? g_renamed : false;
      std::string message = absl::StrCat("column ", Quoted(name), " is read by field ",
                                         Quoted(table.fields(g).name()), " and by field ",
                                         Quoted(table.fields(f).name()));
      if (!other_renamed) {
        absl::StrAppend(&message, "; field ", Quoted(table.fields(other).name()),
                        " reads it as the schema declares, so map that field to its own "
                        "column of this export too");
      } else {
        absl::StrAppend(&message, FirstAt(absl::StrCat(path, ".columns[", entry_of_field[other],
                                                       "].column")));
      }
      sink_.Error(absl::StrCat(path, ".columns[", at, "].column"), std::move(message));
    }

    // Booleans whose true and false values clash only once the levels are
    // combined (a clash within one format is reported by ValidateFormat).
    for (int f = 0; f < table.fields_size(); ++f) {
      const v1::Field& field = table.fields(f);
      if (field.type() != v1::BOOL) continue;
      const int c = entry_of_field[f];
      const v1::InputFormat* column_format = c >= 0 ? &entry.columns(c).format() : nullptr;
      if (TrueAndFalse(entry.format()) || (column_format && TrueAndFalse(*column_format))) continue;
      v1::InputFormat effective = OverlayFormat(field.format(), entry.format());
      if (column_format) effective = OverlayFormat(effective, *column_format);
      const auto clash = TrueAndFalse(effective);
      if (!clash) continue;
      const bool column_sets = column_format && (column_format->true_values_size() > 0 ||
                                                 column_format->false_values_size() > 0);
      sink_.Error(column_sets ? absl::StrCat(path, ".columns[", c, "].format")
                              : path + ".format",
                  absl::StrCat(Quoted(clash->first), " is both a true and a false value of field ",
                               Quoted(field.name()),
                               " once the formats of the schema, the table and the column "
                               "are combined; set both true_values and false_values"));
    }

    WarnDelimiterInValues(entry, table, entry_of_field, path);
  }

  // The settings of `format` that must hold whatever field they apply to.
  void ValidateFormat(const v1::InputFormat& format, const std::string& path) {
    if (!format.date_format().empty() && !ValidDateFormat(format.date_format())) {
      sink_.Error(path + ".date_format",
                  absl::StrCat(Quoted(format.date_format()),
                               " is not a date format: use %Y, %m and %d once each and "
                               "literal characters, e.g. \"%d/%m/%Y\""));
    }
    if (!format.decimal_separator().empty() && format.decimal_separator() != "." &&
        format.decimal_separator() != ",") {
      sink_.Error(path + ".decimal_separator",
                  absl::StrCat(Quoted(format.decimal_separator()),
                               " is not a decimal separator: use \".\" or \",\""));
    }
    for (const auto& [list, name] :
         {std::pair{&format.true_values(), "true_values"}, {&format.false_values(), "false_values"}}) {
      for (int k = 0; k < list->size(); ++k) {
        if (list->Get(k).empty()) {
          sink_.Error(absl::StrCat(path, ".", name, "[", k, "]"),
                      "an empty field is always missing, so it cannot be a boolean value");
        }
      }
    }
    if (const auto clash = TrueAndFalse(format)) {
      sink_.Error(absl::StrCat(path, ".false_values[", clash->second, "]"),
                  absl::StrCat(Quoted(clash->first), " is both a true and a false value"));
    }
  }

  // A column's format may only set what applies to its field's type.
  void ValidateFormatApplies(const v1::InputFormat& format, const v1::Field& field,
                             const std::string& path) {
    const std::string is = absl::StrCat("field ", Quoted(field.name()), " is ",
                                        v1::FieldType_Name(field.type()));
    if (!format.date_format().empty() && field.type() != v1::DATE) {
      sink_.Error(path + ".date_format", absl::StrCat(is, ": date_format applies to DATE fields"));
    }
    if ((format.true_values_size() > 0 || format.false_values_size() > 0) &&
        field.type() != v1::BOOL) {
      sink_.Error(format.true_values_size() > 0 ? path + ".true_values[0]"
                                                : path + ".false_values[0]",
                  absl::StrCat(is, ": true_values and false_values apply to BOOL fields"));
    }
    if (!format.decimal_separator().empty() && field.type() != v1::DOUBLE) {
      sink_.Error(path + ".decimal_separator",
                  absl::StrCat(is, ": decimal_separator applies to DOUBLE fields"));
    }
    if (!format.multi_value_separator().empty() && !field.multi_valued()) {
      sink_.Error(path + ".multi_value_separator",
                  absl::StrCat("field ", Quoted(field.name()),
                               " is not multi-valued: multi_value_separator applies to "
                               "multi-valued fields"));
    }
  }

  // A table-wide setting that applies to none of the table's fields is
  // probably meant for another table.
  void WarnUnusedTableFormat(const v1::InputFormat& format, const v1::Table& table,
                             const std::string& path) {
    bool date = false, boolean = false, number = false, multi = false;
    for (const v1::Field& field : table.fields()) {
      date = date || field.type() == v1::DATE;
      boolean = boolean || field.type() == v1::BOOL;
      number = number || field.type() == v1::DOUBLE;
      multi = multi || field.multi_valued();
    }
    auto warn = [&](const std::string& at, const char* what) {
      sink_.Warning(at, absl::StrCat("table ", Quoted(table.name()), " has no ", what,
                                     ", so this setting applies to none of its fields"));
    };
    if (!format.date_format().empty() && !date) warn(path + ".date_format", "DATE field");
    if (format.true_values_size() > 0 && !boolean) warn(path + ".true_values[0]", "BOOL field");
    if (format.false_values_size() > 0 && !boolean) warn(path + ".false_values[0]", "BOOL field");
    if (!format.decimal_separator().empty() && !number) {
      warn(path + ".decimal_separator", "DOUBLE field");
    }
    if (!format.multi_value_separator().empty() && !multi) {
      warn(path + ".multi_value_separator", "multi-valued field");
    }
  }

  // Multi-valued fields whose separator is the delimiter load only when
  // every such value is quoted; worth a word before the load fails.
  void WarnDelimiterInValues(const v1::TableMapping& entry, const v1::Table& table,
                             const std::vector<int>& entry_of_field, const std::string& path) {
    if (!ValidDelimiter(entry.delimiter())) return;  // unset, or reported
    std::vector<std::string> fields;
    for (int f = 0; f < table.fields_size(); ++f) {
      const v1::Field& field = table.fields(f);
      if (!field.multi_valued()) continue;
      v1::InputFormat effective = OverlayFormat(field.format(), entry.format());
      if (entry_of_field[f] >= 0) {
        effective = OverlayFormat(effective, entry.columns(entry_of_field[f]).format());
      }
      const std::string separator =
          effective.multi_value_separator().empty() ? ";" : effective.multi_value_separator();
      if (separator.find(entry.delimiter()[0]) != std::string::npos) fields.push_back(Quoted(field.name()));
    }
    if (fields.empty()) return;
    sink_.Warning(path + ".delimiter",
                  absl::StrCat("the delimiter ", Quoted(entry.delimiter()),
                               " is also in the multi-value separator of ",
                               absl::StrJoin(fields, ", "),
                               ": their values must be quoted, or set the column's "
                               "format.multi_value_separator"));
  }

  void ValidateRecodings(const v1::ColumnMapping& column, const v1::Field& field,
                         const std::string& path) {
    if (column.values_size() == 0) return;
    if (field.type() != v1::CATEGORY) {
      sink_.Error(path + ".values[0]",
                  absl::StrCat("field ", Quoted(field.name()), " is ",
                               v1::FieldType_Name(field.type()),
                               ": only CATEGORY fields have recoded values"));
      return;
    }
    const v1::CodeList* list = schema_.FindCodeList(field.code_list());
    if (list == nullptr) return;  // schema validation guarantees it exists
    absl::flat_hash_set<std::string> spellings;
    std::vector<std::string> codes;
    for (const v1::Code& code : list->codes()) {
      spellings.insert(code.value());
      codes.push_back(code.value());
      for (const std::string& alias : code.aliases()) spellings.insert(alias);
    }
    absl::flat_hash_map<std::string, int> seen;
    for (int k = 0; k < column.values_size(); ++k) {
      const v1::ValueRecoding& recoding = column.values(k);
      const std::string recoding_path = absl::StrCat(path, ".values[", k, "]");
      if (recoding.value().empty()) {
        sink_.Error(recoding_path,
                    "an empty field is always missing and cannot be recoded; list other "
                    "spellings of missing in format.missing_values");
      } else if (auto [first, inserted] = seen.emplace(recoding.value(), k); !inserted) {
        sink_.Error(recoding_path + ".value",
                    absl::StrCat(Quoted(recoding.value()), " is recoded twice",
                                 FirstAt(absl::StrCat(path, ".values[", first->second, "]"))));
      }
      if (recoding.code().empty()) {
        sink_.Error(recoding_path, absl::StrCat("a recoding needs `code`, a code of list ",
                                                Quoted(list->id())));
      } else if (!spellings.contains(recoding.code())) {
        sink_.Error(recoding_path + ".code",
                    absl::StrCat(Quoted(recoding.code()), " is not a code of list ",
                                 Quoted(list->id()), DidYouMean(recoding.code(), codes)));
      }
    }
  }

  // " (first at line N)" for an earlier entry at `path`.
  std::string FirstAt(const std::string& path) const {
    const SourceLocation at = source_.Find(path);
    if (at.line > 0) return absl::StrCat(" (first at line ", at.line, ")");
    return absl::StrCat(" (first at ", path, ")");
  }

  const SchemaRep& schema_;
  const SourceFile& source_;
  DiagnosticSink& sink_;
};

absl::Status FinishMapping(CsvMappingRep* rep, Diagnostics* diagnostics) {
  Diagnostics local;
  DiagnosticSink sink(&rep->source, &local);
  ValidateMapping(rep->proto, ModelAccess::Rep(rep->schema), rep->source, sink);
  if (diagnostics != nullptr) diagnostics->insert(diagnostics->end(), local.begin(), local.end());
  if (sink.has_errors()) return StatusFromDiagnostics(local);
  for (int i = 0; i < rep->proto.tables_size(); ++i) {
    rep->tables.emplace(rep->proto.tables(i).table(), i);
  }
  return absl::OkStatus();
}

}  // namespace

void ValidateMapping(const v1::CsvMapping& mapping, const SchemaRep& schema,
                     const SourceFile& source, DiagnosticSink& sink) {
  MappingValidator(schema, source, sink).Validate(mapping);
}

v1::InputFormat OverlayFormat(const v1::InputFormat& base, const v1::InputFormat& over) {
  v1::InputFormat out = base;
  if (!over.date_format().empty()) out.set_date_format(over.date_format());
  if (over.true_values_size() > 0) *out.mutable_true_values() = over.true_values();
  if (over.false_values_size() > 0) *out.mutable_false_values() = over.false_values();
  if (!over.decimal_separator().empty()) out.set_decimal_separator(over.decimal_separator());
  if (!over.multi_value_separator().empty()) {
    out.set_multi_value_separator(over.multi_value_separator());
  }
  if (over.missing_values_size() > 0) *out.mutable_missing_values() = over.missing_values();
  return out;
}

TableInput ResolveTableInput(const v1::Table& table, const v1::TableMapping* mapping,
                             std::string mapping_file) {
  TableInput input;
  if (!table.csv().delimiter().empty()) input.delimiter = table.csv().delimiter()[0];
  input.fields.resize(table.fields_size());
  for (int f = 0; f < table.fields_size(); ++f) {
    const v1::Field& field = table.fields(f);
    FieldInput& in = input.fields[f];
    in.column = SchemaColumn(field);
    in.encoding.format = mapping == nullptr ? field.format()
                                            : OverlayFormat(field.format(), mapping->format());
  }
  if (mapping == nullptr) return input;
  input.mapping_file = std::move(mapping_file);
  if (!mapping->delimiter().empty()) input.delimiter = mapping->delimiter()[0];
  absl::flat_hash_map<std::string, int> field_index;
  for (int f = 0; f < table.fields_size(); ++f) field_index.emplace(table.fields(f).name(), f);
  for (const v1::ColumnMapping& column : mapping->columns()) {
    auto it = field_index.find(column.field());
    if (it == field_index.end()) continue;  // validation rejects it
    FieldInput& in = input.fields[it->second];
    if (!column.column().empty()) {
      in.column = column.column();
      in.column_from_mapping = true;
    }
    in.encoding.format = OverlayFormat(in.encoding.format, column.format());
    for (const v1::ValueRecoding& recoding : column.values()) {
      in.encoding.recodings.emplace_back(recoding.value(), recoding.code());
    }
  }
  return input;
}

}  // namespace internal

CsvMapping::CsvMapping(std::shared_ptr<const internal::CsvMappingRep> rep)
    : rep_(std::move(rep)) {}

absl::StatusOr<CsvMapping> CsvMapping::Parse(std::string_view bytes, ProtoFormat format,
                                             std::string_view file_name, const Schema& schema,
                                             Diagnostics* diagnostics) {
  auto rep = std::make_shared<internal::CsvMappingRep>(schema);
  absl::Status status =
      ParseDefinition(bytes, format, file_name, &rep->proto, &rep->source, diagnostics);
  if (!status.ok()) return status;
  status = internal::FinishMapping(rep.get(), diagnostics);
  if (!status.ok()) return status;
  return CsvMapping(std::move(rep));
}

absl::StatusOr<CsvMapping> CsvMapping::FromProto(const v1::CsvMapping& proto,
                                                 const Schema& schema,
                                                 Diagnostics* diagnostics) {
  auto rep = std::make_shared<internal::CsvMappingRep>(schema);
  rep->proto = proto;
  absl::Status status = internal::FinishMapping(rep.get(), diagnostics);
  if (!status.ok()) return status;
  return CsvMapping(std::move(rep));
}

const v1::CsvMapping& CsvMapping::proto() const { return rep_->proto; }

const std::string& CsvMapping::file_name() const { return rep_->source.file_name(); }

bool CsvMapping::MapsTable(std::string_view table) const {
  return rep_->FindTable(table) != nullptr;
}

std::string CsvMapping::Serialize(ProtoFormat format) const {
  return SerializeDefinition(rep_->proto, format);
}

}  // namespace ctind
