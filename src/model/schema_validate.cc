// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Validation of a Schema on its own: every problem in one pass.

#include <set>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/strings.h"
#include "model/model_internal.h"

namespace ctind {
namespace internal {

bool ValidDateFormat(std::string_view format) {
  bool y = false, m = false, d = false;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') continue;
    if (i + 1 >= format.size()) return false;
    bool* seen = nullptr;
    switch (format[++i]) {
      case 'Y': seen = &y; break;
      case 'm': seen = &m; break;
      case 'd': seen = &d; break;
      default: return false;
    }
    if (*seen) return false;
    *seen = true;
  }
  return y && m && d;
}

namespace {

void ValidateCodeList(const v1::CodeList& list, const std::string& path,
                      DiagnosticSink& sink) {
  absl::flat_hash_map<std::string, int> values;
  absl::flat_hash_set<std::string> spellings;
  for (int i = 0; i < list.codes_size(); ++i) {
    const v1::Code& code = list.codes(i);
    const std::string code_path = absl::StrCat(path, ".codes[", i, "]");
    if (code.value().empty()) {
      sink.Error(code_path + ".value", "a code needs a value");
      continue;
    }
    if (code.value() == "unknown") {
      sink.Error(code_path + ".value",
                 "'unknown' is reserved for the cell of missing values");
    }
    if (!values.emplace(code.value(), i).second) {
      sink.Error(code_path + ".value",
                 absl::StrCat("duplicate code ", Quoted(code.value()),
                              " in code list ", Quoted(list.id())));
    }
    spellings.insert(code.value());
  }
  for (int i = 0; i < list.codes_size(); ++i) {
    const v1::Code& code = list.codes(i);
    const std::string code_path = absl::StrCat(path, ".codes[", i, "]");
    for (int a = 0; a < code.aliases_size(); ++a) {
      if (!spellings.insert(code.aliases(a)).second) {
        sink.Error(absl::StrCat(code_path, ".aliases[", a, "]"),
                   absl::StrCat("alias ", Quoted(code.aliases(a)),
                                " is already a code or alias of this list"));
      }
    }
    if (!code.parent().empty()) {
      if (list.levels_size() == 0) {
        sink.Error(code_path + ".parent",
                   "a code has a parent but the list declares no levels");
      } else if (!values.contains(code.parent())) {
        sink.Error(code_path + ".parent",
                   absl::StrCat("parent ", Quoted(code.parent()),
                                " is not a code of this list"));
      }
    }
  }
  // Cycles and depth in hierarchical lists.
  for (int i = 0; i < list.codes_size(); ++i) {
    int depth = 0;
    const v1::Code* at = &list.codes(i);
    while (!at->parent().empty()) {
      auto it = values.find(at->parent());
      if (it == values.end()) break;
      at = &list.codes(it->second);
      if (++depth > list.codes_size()) {
        sink.Error(absl::StrCat(path, ".codes[", i, "].parent"),
                   absl::StrCat("the parents of code ",
                                Quoted(list.codes(i).value()), " form a cycle"));
        break;
      }
    }
    if (list.levels_size() > 0 && depth < list.codes_size() &&
        depth >= list.levels_size()) {
      sink.Error(absl::StrCat(path, ".codes[", i, "]"),
                 absl::StrCat("code ", Quoted(list.codes(i).value()),
                              " is at depth ", depth + 1, " but the list has ",
                              list.levels_size(), " levels"));
    }
  }
}

void ValidateField(const v1::Field& field, const std::string& path,
                   const absl::flat_hash_set<std::string>& code_lists,
                   DiagnosticSink& sink) {
  if (field.type() == v1::FIELD_TYPE_UNSPECIFIED) {
    sink.Error(path + ".type",
               absl::StrCat("field ", Quoted(field.name()),
                            " needs a type: INT64, DOUBLE, BOOL, STRING, "
                            "CATEGORY or DATE"));
  }
  if (field.type() == v1::CATEGORY) {
    if (field.code_list().empty()) {
      sink.Error(path + ".code_list",
                 absl::StrCat("CATEGORY field ", Quoted(field.name()),
                              " needs a code_list"));
    } else if (!code_lists.contains(field.code_list())) {
      sink.Error(path + ".code_list",
                 absl::StrCat("unknown code list ", Quoted(field.code_list())));
    }
  } else {
    if (!field.code_list().empty()) {
      sink.Error(path + ".code_list",
                 "only CATEGORY fields have a code list");
    }
    if (field.multi_valued()) {
      sink.Error(path + ".multi_valued",
                 "only CATEGORY fields can be multi-valued");
    }
  }
  const bool numeric = field.type() == v1::INT64 || field.type() == v1::DOUBLE;
  if ((field.has_min() || field.has_max()) && !numeric) {
    sink.Error(path, "min and max apply to INT64 and DOUBLE fields; use "
                     "min_date / max_date for dates");
  }
  if (field.has_min() && field.has_max() && field.min() > field.max()) {
    sink.Error(path + ".max", "max is below min");
  }
  for (const auto& [name, value] :
       {std::pair<const char*, const std::string*>{"min_date", &field.min_date()},
        {"max_date", &field.max_date()}}) {
    if (value->empty()) continue;
    if (field.type() != v1::DATE) {
      sink.Error(absl::StrCat(path, ".", name), "only DATE fields have date bounds");
    } else if (!Date::ParseIso(*value)) {
      sink.Error(absl::StrCat(path, ".", name),
                 absl::StrCat(Quoted(*value), " is not a date (YYYY-MM-DD)"));
    }
  }
  const v1::InputFormat& format = field.format();
  if (!format.date_format().empty() && !ValidDateFormat(format.date_format())) {
    sink.Error(path + ".format.date_format",
               absl::StrCat(Quoted(format.date_format()),
                            " is not a date format: use %Y, %m and %d once "
                            "each, e.g. \"%d/%m/%Y\""));
  }
  if (!format.decimal_separator().empty() && format.decimal_separator() != "." &&
      format.decimal_separator() != ",") {
    sink.Error(path + ".format.decimal_separator",
               "the decimal separator is \".\" or \",\"");
  }
  std::set<std::string> booleans;
  for (const std::string& s : format.true_values()) booleans.insert(s);
  for (const std::string& s : format.false_values()) {
    if (booleans.count(s) > 0) {
      sink.Error(path + ".format",
                 absl::StrCat(Quoted(s), " is both a true and a false value"));
    }
  }
  if ((format.true_values_size() > 0 || format.false_values_size() > 0) &&
      field.type() != v1::BOOL) {
    sink.Error(path + ".format", "true_values / false_values apply to BOOL fields");
  }
}

}  // namespace

bool IsIdentifier(std::string_view name) {
  if (name.empty() || name.size() > 128) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    if (!alpha && (i == 0 || c < '0' || c > '9')) return false;
  }
  return true;
}

void ValidateSchema(const v1::Schema& schema, DiagnosticSink& sink) {
  absl::flat_hash_set<std::string> code_lists;
  for (int i = 0; i < schema.code_lists_size(); ++i) {
    const v1::CodeList& list = schema.code_lists(i);
    const std::string path = absl::StrCat("code_lists[", i, "]");
    if (!IsIdentifier(list.id())) {
      sink.Error(path + ".id", absl::StrCat(Quoted(list.id()),
                                            " is not a valid code list id"));
    } else if (!code_lists.insert(list.id()).second) {
      sink.Error(path + ".id", absl::StrCat("duplicate code list ", Quoted(list.id())));
    }
    ValidateCodeList(list, path, sink);
  }

  absl::flat_hash_map<std::string, const v1::Table*> tables;
  for (int t = 0; t < schema.tables_size(); ++t) {
    const v1::Table& table = schema.tables(t);
    const std::string path = absl::StrCat("tables[", t, "]");
    if (!IsIdentifier(table.name())) {
      sink.Error(path + ".name",
                 absl::StrCat(Quoted(table.name()), " is not a valid table name"));
    } else if (!tables.emplace(table.name(), &table).second) {
      sink.Error(path + ".name", absl::StrCat("duplicate table ", Quoted(table.name())));
    }
  }
  if (schema.tables_size() == 0) sink.Error("tables", "a schema needs at least one table");

  for (int t = 0; t < schema.tables_size(); ++t) {
    const v1::Table& table = schema.tables(t);
    const std::string path = absl::StrCat("tables[", t, "]");
    absl::flat_hash_map<std::string, const v1::Field*> fields;
    absl::flat_hash_set<std::string> columns;
    for (int f = 0; f < table.fields_size(); ++f) {
      const v1::Field& field = table.fields(f);
      const std::string field_path = absl::StrCat(path, ".fields[", f, "]");
      if (!IsIdentifier(field.name())) {
        sink.Error(field_path + ".name",
                   absl::StrCat(Quoted(field.name()), " is not a valid field name"));
      } else if (!fields.emplace(field.name(), &field).second) {
        sink.Error(field_path + ".name",
                   absl::StrCat("duplicate field ", Quoted(field.name()),
                                " in table ", Quoted(table.name())));
      }
      const std::string& column = field.column().empty() ? field.name() : field.column();
      if (!columns.insert(column).second) {
        sink.Error(field_path, absl::StrCat("two fields read column ", Quoted(column)));
      }
      ValidateField(field, field_path, code_lists, sink);
    }
    if (table.fields_size() == 0) {
      sink.Error(path + ".fields",
                 absl::StrCat("table ", Quoted(table.name()), " has no fields"));
    }
    for (int k = 0; k < table.key_size(); ++k) {
      if (!fields.contains(table.key(k))) {
        sink.Error(absl::StrCat(path, ".key[", k, "]"),
                   absl::StrCat("key field ", Quoted(table.key(k)),
                                " is not a field of ", Quoted(table.name())));
      }
    }
    if (!table.record_date().empty()) {
      auto it = fields.find(table.record_date());
      if (it == fields.end() || it->second->type() != v1::DATE) {
        sink.Error(path + ".record_date",
                   absl::StrCat("record_date ", Quoted(table.record_date()),
                                " is not a DATE field of ", Quoted(table.name())));
      }
    }
    if (!table.csv().delimiter().empty()) {
      const std::string& d = table.csv().delimiter();
      if (d.size() != 1 || d[0] == '"' || d[0] == '\n' || d[0] == '\r' ||
          static_cast<unsigned char>(d[0]) >= 0x80) {
        sink.Error(path + ".csv.delimiter",
                   "the delimiter is one ASCII character other than a quote or "
                   "line break");
      }
    }
    absl::flat_hash_set<std::string> link_names;
    for (int l = 0; l < table.links_size(); ++l) {
      const v1::Link& link = table.links(l);
      const std::string link_path = absl::StrCat(path, ".links[", l, "]");
      if (!IsIdentifier(link.name())) {
        sink.Error(link_path + ".name",
                   absl::StrCat(Quoted(link.name()), " is not a valid link name"));
      } else if (!link_names.insert(link.name()).second ||
                 fields.contains(link.name())) {
        sink.Error(link_path + ".name",
                   absl::StrCat("link name ", Quoted(link.name()),
                                " is already a field or link of ", Quoted(table.name())));
      }
      if (!fields.contains(link.field())) {
        sink.Error(link_path + ".field",
                   absl::StrCat(Quoted(link.field()), " is not a field of ",
                                Quoted(table.name())));
      }
      auto parent = tables.find(link.table());
      if (parent == tables.end()) {
        sink.Error(link_path + ".table",
                   absl::StrCat("unknown table ", Quoted(link.table())));
        continue;
      }
      bool found = false;
      for (const v1::Field& pf : parent->second->fields()) {
        if (pf.name() != link.parent_field()) continue;
        found = true;
        auto child = fields.find(link.field());
        if (child != fields.end() && child->second->type() != pf.type()) {
          sink.Error(link_path + ".field",
                     absl::StrCat("link field ", Quoted(link.field()),
                                  " and parent field ", Quoted(link.parent_field()),
                                  " have different types"));
        }
      }
      if (!found) {
        sink.Error(link_path + ".parent_field",
                   absl::StrCat(Quoted(link.parent_field()), " is not a field of ",
                                Quoted(link.table())));
      }
    }
    // The person path: a field, or link.name chains ending in a field.
    if (!table.person().empty()) {
      const v1::Table* at = &table;
      std::string_view rest = table.person();
      bool ok = true;
      for (int hops = 0; ok; ++hops) {
        const size_t dot = rest.find('.');
        const std::string_view head = rest.substr(0, dot);
        if (dot == std::string_view::npos) {
          bool has = false;
          for (const v1::Field& f : at->fields()) has = has || f.name() == head;
          ok = has;
          break;
        }
        const v1::Link* via = nullptr;
        for (const v1::Link& l : at->links()) {
          if (l.name() == head) via = &l;
        }
        auto next = via == nullptr ? tables.end() : tables.find(via->table());
        if (next == tables.end() || hops > 16) {
          ok = false;
          break;
        }
        at = next->second;
        rest.remove_prefix(dot + 1);
      }
      if (!ok) {
        sink.Error(path + ".person",
                   absl::StrCat(Quoted(table.person()),
                                " is neither a field of the table nor a field "
                                "reached through its links (\"case.person_id\")"));
      }
    }
  }

  absl::flat_hash_set<std::string> dimensions;
  for (int i = 0; i < schema.dimensions_size(); ++i) {
    const v1::Dimension& dim = schema.dimensions(i);
    const std::string path = absl::StrCat("dimensions[", i, "]");
    if (!IsIdentifier(dim.id())) {
      sink.Error(path + ".id", absl::StrCat(Quoted(dim.id()), " is not a valid dimension id"));
    } else if (!dimensions.insert(dim.id()).second) {
      sink.Error(path + ".id", absl::StrCat("duplicate dimension ", Quoted(dim.id())));
    }
    if (!dim.table().empty() && !tables.contains(dim.table())) {
      sink.Error(path + ".table", absl::StrCat("unknown table ", Quoted(dim.table())));
    }
    if (dim.kind_case() == v1::Dimension::KIND_NOT_SET) {
      sink.Error(path, "a dimension is an age_band, numeric_bands, grouping or "
                       "hierarchy_level");
    }
    if (dim.has_age_band()) {
      const v1::AgeBands& bands = dim.age_band().bands();
      if (bands.lower_bounds_size() == 0) {
        sink.Error(path + ".age_band.bands", "age bands need lower bounds");
      }
      for (int b = 1; b < bands.lower_bounds_size(); ++b) {
        if (bands.lower_bounds(b) <= bands.lower_bounds(b - 1)) {
          sink.Error(path + ".age_band.bands.lower_bounds",
                     "lower bounds must be strictly increasing");
          break;
        }
      }
      if (bands.labels_size() != 0 && bands.labels_size() != bands.lower_bounds_size()) {
        sink.Error(path + ".age_band.bands.labels", "one label per band");
      }
    }
    if (dim.has_numeric_bands()) {
      const v1::NumericBands& bands = dim.numeric_bands();
      for (int b = 1; b < bands.upper_bounds_size(); ++b) {
        if (bands.upper_bounds(b) <= bands.upper_bounds(b - 1)) {
          sink.Error(path + ".numeric_bands.upper_bounds",
                     "upper bounds must be strictly increasing");
          break;
        }
      }
      if (bands.labels_size() != 0 &&
          bands.labels_size() != bands.upper_bounds_size() + 1) {
        sink.Error(path + ".numeric_bands.labels",
                   "one label per band: upper_bounds + 1 labels");
      }
    }
    if (dim.has_grouping()) {
      absl::flat_hash_set<std::string> members, groups;
      for (int g = 0; g < dim.grouping().groups_size(); ++g) {
        const v1::CodeGroup& group = dim.grouping().groups(g);
        if (group.value().empty() || !groups.insert(group.value()).second) {
          sink.Error(absl::StrCat(path, ".grouping.groups[", g, "].value"),
                     "each group needs a unique value");
        }
        for (const std::string& m : group.members()) {
          if (!members.insert(m).second) {
            sink.Error(absl::StrCat(path, ".grouping.groups[", g, "].members"),
                       absl::StrCat("code ", Quoted(m), " is in two groups"));
          }
        }
      }
    }
  }
}

}  // namespace internal
}  // namespace ctind
