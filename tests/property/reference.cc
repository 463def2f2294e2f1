// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Everything here is deliberately naive: each value of each cell is found by
// walking the records, deciding for each one whether it belongs to the
// value's date range and cell, and aggregating what belongs.

#include "property/reference.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"

namespace ctind {
namespace property {
namespace {

// ---------------------------------------------------------------------------
// Calendar (own versions; Date is only a day number here)

bool Leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int MonthDays(int y, int m) {
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && Leap(y) ? 29 : kDays[m - 1];
}

Date MakeDate(int y, int m, int d) { return *Date::FromYmd(y, m, d); }

Date PlusMonths(Date d, int n) {
  const YearMonthDay ymd = d.ToYmd();
  const int index = ymd.year * 12 + (ymd.month - 1) + n;
  const int y = index / 12, m = index % 12 + 1;
  return MakeDate(y, m, std::min(ymd.day, MonthDays(y, m)));
}

// Completed years on `on`; nullopt when born after it. Comparing (month,
// day) pairs gives the 1 March rule for 29 February birthdays by itself.
std::optional<int> AgeOn(Date birth, Date on) {
  if (birth > on) return std::nullopt;
  const YearMonthDay b = birth.ToYmd(), o = on.ToYmd();
  int age = o.year - b.year;
  if (o.month < b.month || (o.month == b.month && o.day < b.day)) --age;
  return age;
}

const char* MonthToken(int m) {
  static const char* kTokens[12] = {"Jan", "Feb", "Mar", "April", "May", "Jun",
                                    "July", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return kTokens[m - 1];
}

struct Period {
  std::string id;
  Date start, end;  // [start, end)
};

std::string Pad2(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

// The period of `type` containing `d`.
Period PeriodOf(v1::PeriodType type, int fiscal_month, Date d) {
  const YearMonthDay ymd = d.ToYmd();
  Period p;
  switch (type) {
    case v1::MONTHLY:
      p.start = MakeDate(ymd.year, ymd.month, 1);
      p.end = PlusMonths(p.start, 1);
      p.id = std::to_string(ymd.year) + Pad2(ymd.month);
      break;
    case v1::QUARTERLY: {
      const int q = (ymd.month - 1) / 3;
      p.start = MakeDate(ymd.year, q * 3 + 1, 1);
      p.end = PlusMonths(p.start, 3);
      p.id = std::to_string(ymd.year) + "Q" + std::to_string(q + 1);
      break;
    }
    case v1::SIX_MONTHLY: {
      const int h = (ymd.month - 1) / 6;
      p.start = MakeDate(ymd.year, h * 6 + 1, 1);
      p.end = PlusMonths(p.start, 6);
      p.id = std::to_string(ymd.year) + "S" + std::to_string(h + 1);
      break;
    }
    case v1::YEARLY:
      p.start = MakeDate(ymd.year, 1, 1);
      p.end = MakeDate(ymd.year + 1, 1, 1);
      p.id = std::to_string(ymd.year);
      break;
    case v1::FINANCIAL_YEAR:
    case v1::FINANCIAL_QUARTER: {
      const int fy = ymd.month >= fiscal_month ? ymd.year : ymd.year - 1;
      const Date fy_start = MakeDate(fy, fiscal_month, 1);
      const std::string name = std::to_string(fy) + MonthToken(fiscal_month);
      if (type == v1::FINANCIAL_YEAR) {
        p.start = fy_start;
        p.end = PlusMonths(fy_start, 12);
        p.id = name;
      } else {
        const int months = (ymd.year - fy) * 12 + ymd.month - fiscal_month;
        const int q = months / 3;
        p.start = PlusMonths(fy_start, q * 3);
        p.end = PlusMonths(p.start, 3);
        p.id = name + "Q" + std::to_string(q + 1);
      }
      break;
    }
    default:
      std::abort();  // not generated
  }
  return p;
}

// ---------------------------------------------------------------------------
// Values of fields, parsed from the raw texts by the schema

struct Value {
  bool present = false;
  int64_t i = 0;
  double d = 0;
  Date day;
  bool b = false;
  std::string s;
  std::vector<std::string> codes;  // CATEGORY: distinct code values, in list order

  // A text identifying the value, for distinct counts.
  std::string Key(v1::FieldType type) const {
    switch (type) {
      case v1::INT64: return std::to_string(i);
      case v1::DATE: return day.ToIsoString();
      case v1::BOOL: return b ? "true" : "false";
      case v1::CATEGORY: return codes.empty() ? "" : codes[0];
      default: return s;
    }
  }
};

using Row = std::map<std::string, Value>;

const v1::CodeList* FindList(const v1::Schema& schema, const std::string& id) {
  for (const v1::CodeList& l : schema.code_lists()) {
    if (l.id() == id) return &l;
  }
  return nullptr;
}

const v1::Field* FindField(const v1::Table& t, const std::string& name) {
  for (const v1::Field& f : t.fields()) {
    if (f.name() == name) return &f;
  }
  return nullptr;
}

const v1::Table* FindTable(const v1::Schema& schema, const std::string& name) {
  for (const v1::Table& t : schema.tables()) {
    if (t.name() == name) return &t;
  }
  return nullptr;
}

bool AllDigits(const std::string& s, size_t from) {
  if (from >= s.size()) return false;
  for (size_t i = from; i < s.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

std::optional<Date> ParseDateText(const std::string& text, const std::string& format) {
  int y = 0, m = 0, d = 0;
  if (format.empty() || format == "%Y-%m-%d") {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const std::string ys = text.substr(0, 4), ms = text.substr(5, 2), ds = text.substr(8, 2);
    if (!AllDigits(ys, 0) || !AllDigits(ms, 0) || !AllDigits(ds, 0)) return std::nullopt;
    y = std::stoi(ys);
    m = std::stoi(ms);
    d = std::stoi(ds);
  } else if (format == "%d/%m/%Y") {
    if (text.size() != 10 || text[2] != '/' || text[5] != '/') return std::nullopt;
    const std::string ds = text.substr(0, 2), ms = text.substr(3, 2), ys = text.substr(6, 4);
    if (!AllDigits(ys, 0) || !AllDigits(ms, 0) || !AllDigits(ds, 0)) return std::nullopt;
    y = std::stoi(ys);
    m = std::stoi(ms);
    d = std::stoi(ds);
  } else {
    std::abort();  // not generated
  }
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > MonthDays(y, m)) return std::nullopt;
  return MakeDate(y, m, d);
}

// A field's value from its text: missing when empty or a declared missing
// spelling, and missing (invalid) when it does not parse.
Value ParseValue(const v1::Schema& schema, const v1::Field& f, const std::string& text) {
  Value v;
  if (text.empty()) return v;
  for (const std::string& m : f.format().missing_values()) {
    if (m == text) return v;
  }
  switch (f.type()) {
    case v1::INT64: {
      const size_t from = !text.empty() && (text[0] == '-' || text[0] == '+') ? 1 : 0;
      if (!AllDigits(text, from) || text.size() > 18) return v;
      v.i = std::stoll(text);
      if ((f.has_min() && v.i < f.min()) || (f.has_max() && v.i > f.max())) return v;
      v.present = true;
      return v;
    }
    case v1::DOUBLE: {
      std::string t = text;
      if (f.format().decimal_separator() == ",") {
        if (t.find('.') != std::string::npos) return v;
        std::replace(t.begin(), t.end(), ',', '.');
      }
      // Only plain decimals are generated: digits with one optional point.
      size_t digits = 0, points = 0;
      for (size_t i = 0; i < t.size(); ++i) {
        if (std::isdigit(static_cast<unsigned char>(t[i]))) ++digits;
        else if (t[i] == '.') ++points;
        else if (!(i == 0 && t[i] == '-')) return v;
      }
      if (digits == 0 || points > 1) return v;
      v.d = std::strtod(t.c_str(), nullptr);
      if ((f.has_min() && v.d < f.min()) || (f.has_max() && v.d > f.max())) return v;
      v.present = true;
      return v;
    }
    case v1::BOOL: {
      std::vector<std::string> yes(f.format().true_values().begin(), f.format().true_values().end());
      std::vector<std::string> no(f.format().false_values().begin(), f.format().false_values().end());
      if (yes.empty()) yes = {"true"};
      if (no.empty()) no = {"false"};
      if (std::find(yes.begin(), yes.end(), text) != yes.end()) {
        v.b = true;
        v.present = true;
      } else if (std::find(no.begin(), no.end(), text) != no.end()) {
        v.present = true;
      }
      return v;
    }
    case v1::DATE: {
      std::optional<Date> d = ParseDateText(text, f.format().date_format());
      if (!d) return v;
      v.day = *d;
      v.present = true;
      return v;
    }
    case v1::STRING:
      v.s = text;
      v.present = true;
      return v;
    case v1::CATEGORY: {
      const v1::CodeList* list = FindList(schema, f.code_list());
      auto lookup = [&](const std::string& item) -> std::optional<std::string> {
        for (const v1::Code& c : list->codes()) {
          if (c.value() == item) return c.value();
          for (const std::string& a : c.aliases()) {
            if (a == item) return c.value();
          }
        }
        return std::nullopt;
      };
      std::vector<std::string> items;
      if (f.multi_valued()) {
        const std::string sep =
            f.format().multi_value_separator().empty() ? ";" : f.format().multi_value_separator();
        size_t at = 0;
        while (true) {
          const size_t cut = text.find(sep, at);
          const std::string item = text.substr(at, cut == std::string::npos ? std::string::npos : cut - at);
          if (!item.empty()) items.push_back(item);
          if (cut == std::string::npos) break;
          at = cut + sep.size();
        }
      } else {
        items.push_back(text);
      }
      std::set<std::string> found;
      for (const std::string& item : items) {
        if (auto code = lookup(item)) found.insert(*code);
      }
      for (const v1::Code& c : list->codes()) {
        if (found.count(c.value())) v.codes.push_back(c.value());
      }
      v.present = !v.codes.empty();
      return v;
    }
    default:
      return v;
  }
}

// The records of a table: each field of the schema, missing where the file
// has no column for it.
std::vector<Row> ReadTable(const v1::Schema& schema, const v1::Table& table, const TableRows& rows) {
  std::vector<Row> out;
  for (const std::vector<std::string>& raw : rows.rows) {
    Row row;
    for (const v1::Field& f : table.fields()) {
      const std::string column = f.column().empty() ? f.name() : f.column();
      std::string text;
      for (size_t c = 0; c < rows.columns.size(); ++c) {
        if (rows.columns[c] == column) text = raw[c];
      }
      row[f.name()] = ParseValue(schema, f, text);
    }
    out.push_back(std::move(row));
  }
  return out;
}

// ---------------------------------------------------------------------------
// The formula subset: comparisons, and / or / not, in, is_missing,
// days_between, has, date("…") and literals, with three-valued logic.

struct FValue {
  enum Kind { kMissing, kBool, kNumber, kText, kDate, kSet } kind = kMissing;
  bool b = false;
  double n = 0;
  std::string s;
  Date day;
  std::vector<std::string> set;
};

struct Node {
  std::string op;  // "lit", "field", "call", "or", "and", "not", "cmp", "in", "notin"
  std::string name;  // field or function name, comparison operator
  FValue lit;
  std::vector<Node> kids;
};

class FormulaParser {
 public:
  explicit FormulaParser(const std::string& text) : text_(text) { Lex(); }

  absl::StatusOr<Node> Parse() {
    Node n = Or();
    if (!error_.empty()) return absl::InvalidArgumentError(error_);
    if (at_ != tokens_.size()) return absl::InvalidArgumentError("trailing input in " + text_);
    return n;
  }

 private:
  void Lex() {
    size_t i = 0;
    while (i < text_.size()) {
      const char c = text_[i];
      if (std::isspace(static_cast<unsigned char>(c))) {
        ++i;
      } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
        size_t j = i;
        while (j < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[j])) || text_[j] == '_')) ++j;
        tokens_.push_back(text_.substr(i, j - i));
        i = j;
      } else if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
        size_t j = i;
        while (j < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[j])) || text_[j] == '.')) ++j;
        tokens_.push_back(text_.substr(i, j - i));
        i = j;
      } else if (c == '"' || c == '\'') {
        size_t j = i + 1;
        std::string s(1, '"');
        while (j < text_.size() && text_[j] != c) {
          if (text_[j] == '\\' && j + 1 < text_.size()) ++j;
          s += text_[j++];
        }
        tokens_.push_back(s);
        i = j + 1;
      } else if (i + 1 < text_.size() &&
                 (text_.compare(i, 2, "==") == 0 || text_.compare(i, 2, "!=") == 0 ||
                  text_.compare(i, 2, "<>") == 0 || text_.compare(i, 2, "<=") == 0 ||
                  text_.compare(i, 2, ">=") == 0)) {
        tokens_.push_back(text_.substr(i, 2));
        i += 2;
      } else {
        tokens_.push_back(std::string(1, c));
        ++i;
      }
    }
  }

  const std::string& Peek() const {
    static const std::string kEnd;
    return at_ < tokens_.size() ? tokens_[at_] : kEnd;
  }
  std::string Take() { return at_ < tokens_.size() ? tokens_[at_++] : std::string(); }
  void Expect(const std::string& t) {
    if (Take() != t && error_.empty()) error_ = "expected " + t + " in " + text_;
  }

  Node Or() {
    Node left = And();
    while (Peek() == "or") {
      Take();
      Node n;
      n.op = "or";
      n.kids = {left, And()};
      left = n;
    }
    return left;
  }
  Node And() {
    Node left = Not();
    while (Peek() == "and") {
      Take();
      Node n;
      n.op = "and";
      n.kids = {left, Not()};
      left = n;
    }
    return left;
  }
  Node Not() {
    if (Peek() == "not") {
      Take();
      Node n;
      n.op = "not";
      n.kids = {Not()};
      return n;
    }
    return Comparison();
  }
  Node Comparison() {
    Node left = Primary();
    const std::string t = Peek();
    if (t == "=" || t == "==" || t == "!=" || t == "<>" || t == "<" || t == "<=" || t == ">" ||
        t == ">=") {
      Take();
      Node n;
      n.op = "cmp";
      n.name = t == "==" ? "=" : t == "<>" ? "!=" : t;
      n.kids = {left, Primary()};
      return n;
    }
    if (t == "in" || (t == "not" && at_ + 1 < tokens_.size() && tokens_[at_ + 1] == "in")) {
      Node n;
      n.op = t == "in" ? "in" : "notin";
      if (t == "not") Take();
      Take();
      n.kids.push_back(left);
      Expect("[");
      while (Peek() != "]" && error_.empty() && at_ < tokens_.size()) {
        n.kids.push_back(Primary());
        if (Peek() == ",") Take();
      }
      Expect("]");
      return n;
    }
    return left;
  }
  Node Primary() {
    Node n;
    const std::string t = Take();
    if (t.empty()) {
      error_ = "unexpected end of " + text_;
      return n;
    }
    if (t == "(") {
      n = Or();
      Expect(")");
      return n;
    }
    n.op = "lit";
    if (t[0] == '"') {
      n.lit.kind = FValue::kText;
      n.lit.s = t.substr(1);
    } else if (std::isdigit(static_cast<unsigned char>(t[0])) || t[0] == '.') {
      n.lit.kind = FValue::kNumber;
      n.lit.n = std::strtod(t.c_str(), nullptr);
    } else if (t == "-") {
      n = Primary();
      n.lit.n = -n.lit.n;
    } else if (t == "true" || t == "false") {
      n.lit.kind = FValue::kBool;
      n.lit.b = t == "true";
    } else if (t == "null") {
      n.lit.kind = FValue::kMissing;
    } else if (Peek() == "(") {
      Take();
      n.op = "call";
      n.name = t;
      while (Peek() != ")" && error_.empty() && at_ < tokens_.size()) {
        n.kids.push_back(Or());
        if (Peek() == ",") Take();
      }
      Expect(")");
      if (t != "is_missing" && t != "days_between" && t != "has" && t != "date") {
        error_ = "function " + t + " is outside the reference's subset";
      }
    } else {
      n.op = "field";
      n.name = t;
    }
    return n;
  }

  std::string text_;
  std::vector<std::string> tokens_;
  size_t at_ = 0;
  std::string error_;
};

FValue Bool3(int v) {
  FValue r;
  if (v >= 0) {
    r.kind = FValue::kBool;
    r.b = v == 1;
  }
  return r;
}

// -1 missing, 0 false, 1 true.
int Truth(const FValue& v) { return v.kind == FValue::kBool ? (v.b ? 1 : 0) : -1; }

// -1 missing, else 0/1: whether `a op b`.
int Compare(const FValue& a, const std::string& op, const FValue& b) {
  if (a.kind == FValue::kMissing || b.kind == FValue::kMissing) return -1;
  int c = 0;
  if (a.kind == FValue::kNumber && b.kind == FValue::kNumber) {
    c = a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
  } else if (a.kind == FValue::kDate && b.kind == FValue::kDate) {
    c = a.day < b.day ? -1 : a.day > b.day ? 1 : 0;
  } else if (a.kind == FValue::kText && b.kind == FValue::kText) {
    c = a.s < b.s ? -1 : a.s > b.s ? 1 : 0;
  } else if (a.kind == FValue::kBool && b.kind == FValue::kBool) {
    c = a.b == b.b ? 0 : (a.b ? 1 : -1);
  } else {
    return -1;
  }
  if (op == "=") return c == 0;
  if (op == "!=") return c != 0;
  if (op == "<") return c < 0;
  if (op == "<=") return c <= 0;
  if (op == ">") return c > 0;
  return c >= 0;
}

FValue FieldValue(const v1::Table& table, const Row& row, const std::string& name) {
  FValue out;
  const v1::Field* f = FindField(table, name);
  auto it = row.find(name);
  if (f == nullptr || it == row.end() || !it->second.present) return out;
  const Value& v = it->second;
  switch (f->type()) {
    case v1::INT64: out.kind = FValue::kNumber; out.n = static_cast<double>(v.i); break;
    case v1::DOUBLE: out.kind = FValue::kNumber; out.n = v.d; break;
    case v1::BOOL: out.kind = FValue::kBool; out.b = v.b; break;
    case v1::DATE: out.kind = FValue::kDate; out.day = v.day; break;
    case v1::STRING: out.kind = FValue::kText; out.s = v.s; break;
    case v1::CATEGORY:
      if (f->multi_valued()) {
        out.kind = FValue::kSet;
        out.set = v.codes;
      } else {
        out.kind = FValue::kText;
        out.s = v.codes[0];
      }
      break;
    default: break;
  }
  return out;
}

FValue Eval(const Node& n, const v1::Table& table, const Row& row) {
  if (n.op == "lit") return n.lit;
  if (n.op == "field") return FieldValue(table, row, n.name);
  if (n.op == "not") {
    const int v = Truth(Eval(n.kids[0], table, row));
    return Bool3(v < 0 ? -1 : 1 - v);
  }
  if (n.op == "and" || n.op == "or") {
    const int a = Truth(Eval(n.kids[0], table, row)), b = Truth(Eval(n.kids[1], table, row));
    if (n.op == "and") return Bool3(a == 0 || b == 0 ? 0 : (a < 0 || b < 0 ? -1 : 1));
    return Bool3(a == 1 || b == 1 ? 1 : (a < 0 || b < 0 ? -1 : 0));
  }
  if (n.op == "cmp") return Bool3(Compare(Eval(n.kids[0], table, row), n.name, Eval(n.kids[1], table, row)));
  if (n.op == "in" || n.op == "notin") {
    const FValue x = Eval(n.kids[0], table, row);
    if (x.kind == FValue::kMissing) return Bool3(-1);
    int found = 0;
    for (size_t i = 1; i < n.kids.size(); ++i) {
      if (Compare(x, "=", Eval(n.kids[i], table, row)) == 1) found = 1;
    }
    return Bool3(n.op == "in" ? found : 1 - found);
  }
  // Calls.
  if (n.name == "is_missing") return Bool3(Eval(n.kids[0], table, row).kind == FValue::kMissing ? 1 : 0);
  if (n.name == "date") {
    FValue out;
    const FValue t = Eval(n.kids[0], table, row);
    if (auto d = ParseDateText(t.s, "")) {
      out.kind = FValue::kDate;
      out.day = *d;
    }
    return out;
  }
  if (n.name == "days_between") {
    const FValue a = Eval(n.kids[0], table, row), b = Eval(n.kids[1], table, row);
    FValue out;
    if (a.kind == FValue::kDate && b.kind == FValue::kDate) {
      out.kind = FValue::kNumber;
      out.n = b.day.day_number() - a.day.day_number();
    }
    return out;
  }
  // has(x, "code")
  const FValue x = Eval(n.kids[0], table, row), code = Eval(n.kids[1], table, row);
  if (x.kind == FValue::kMissing) return Bool3(-1);
  if (x.kind == FValue::kSet) {
    return Bool3(std::find(x.set.begin(), x.set.end(), code.s) != x.set.end() ? 1 : 0);
  }
  return Bool3(x.s == code.s ? 1 : 0);
}

void FieldsOf(const Node& n, std::set<std::string>* out) {
  if (n.op == "field") out->insert(n.name);
  for (const Node& k : n.kids) FieldsOf(k, out);
}

// ---------------------------------------------------------------------------
// Dimensions

struct DimContext {
  std::string field;
  v1::FieldType type = v1::FIELD_TYPE_UNSPECIFIED;
  std::vector<std::string> values;
  std::vector<double> bounds;                // age lower bounds / numeric upper bounds
  std::map<std::string, int> code_to_value;  // grouping and hierarchy: code → index
};

struct Dim {
  std::string id;
  // The breakdown's declared values (subset and order), empty: all.
  std::vector<std::string> declared;
  std::vector<std::string> values;  // known values, in order; unknown = values.size()
  // With declared values: index in the dimension's own values → index in
  // `values`, -1 for a value not declared.
  std::vector<int> restrict_to;
  // Indexes into `values` of the record's values; empty: unknown.
  std::set<int> (*of)(const DimContext&, const Row&, std::optional<Date>) = nullptr;
  std::shared_ptr<DimContext> context;
};

int IndexOf(const std::vector<std::string>& values, const std::string& v) {
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i] == v) return static_cast<int>(i);
  }
  return -1;
}

std::set<int> FieldCodes(const DimContext& c, const Row& row, std::optional<Date>) {
  std::set<int> out;
  const Value& v = row.at(c.field);
  for (const std::string& code : v.codes) out.insert(IndexOf(c.values, code));
  return out;
}

std::set<int> MappedCodes(const DimContext& c, const Row& row, std::optional<Date>) {
  std::set<int> out;
  const Value& v = row.at(c.field);
  for (const std::string& code : v.codes) {
    auto it = c.code_to_value.find(code);
    if (it != c.code_to_value.end()) out.insert(it->second);
  }
  return out;
}

std::set<int> AgeBandOf(const DimContext& c, const Row& row, std::optional<Date> placing) {
  std::set<int> out;
  const Value& v = row.at(c.field);
  if (!v.present) return out;
  int age = 0;
  if (c.type == v1::DATE) {
    if (!placing) return out;
    std::optional<int> a = AgeOn(v.day, *placing);
    if (!a) return out;
    age = *a;
  } else {
    age = static_cast<int>(v.i);
  }
  // Band i: [bounds[i], bounds[i+1]); below the first bound: unknown.
  for (size_t i = 0; i < c.bounds.size(); ++i) {
    const bool above = age >= c.bounds[i];
    const bool below_next = i + 1 == c.bounds.size() || age < c.bounds[i + 1];
    if (above && below_next) out.insert(static_cast<int>(i));
  }
  return out;
}

std::set<int> NumericBandOf(const DimContext& c, const Row& row, std::optional<Date>) {
  std::set<int> out;
  const Value& v = row.at(c.field);
  if (!v.present) return out;
  const double x = c.type == v1::INT64 ? static_cast<double>(v.i) : v.d;
  // Band i: (bounds[i-1], bounds[i]]; the last band is above the last bound.
  for (size_t i = 0; i <= c.bounds.size(); ++i) {
    const bool above_prev = i == 0 || x > c.bounds[i - 1];
    const bool within = i == c.bounds.size() || x <= c.bounds[i];
    if (above_prev && within) out.insert(static_cast<int>(i));
  }
  return out;
}

// A bound printed as absl::StrCat prints a double (six significant digits).
std::string BoundText(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

const v1::Dimension* FindDerived(const v1::Schema& schema, const v1::Framework& fw,
                                 const std::string& id) {
  for (const v1::Dimension& d : fw.dimensions()) {
    if (d.id() == id) return &d;
  }
  for (const v1::Dimension& d : schema.dimensions()) {
    if (d.id() == id) return &d;
  }
  return nullptr;
}

// Dimension `id` on `table`, or nullopt when the table cannot provide it.
std::optional<Dim> ResolveDim(const v1::Schema& schema, const v1::Framework& fw,
                              const v1::Table& table, const std::string& id) {
  Dim dim;
  dim.id = id;
  auto ctx = std::make_shared<DimContext>();
  dim.context = ctx;
  if (const v1::Field* f = FindField(table, id)) {
    if (f->type() != v1::CATEGORY) return std::nullopt;
    for (const v1::Code& c : FindList(schema, f->code_list())->codes()) dim.values.push_back(c.value());
    ctx->field = id;
    ctx->values = dim.values;
    dim.of = FieldCodes;
    return dim;
  }
  const v1::Dimension* d = FindDerived(schema, fw, id);
  if (d == nullptr || (!d->table().empty() && d->table() != table.name())) return std::nullopt;
  switch (d->kind_case()) {
    case v1::Dimension::kAgeBand: {
      const v1::Field* f = FindField(table, d->age_band().field());
      if (f == nullptr) return std::nullopt;
      ctx->field = f->name();
      ctx->type = f->type();
      const v1::AgeBands& b = d->age_band().bands();
      for (int i = 0; i < b.lower_bounds_size(); ++i) {
        ctx->bounds.push_back(b.lower_bounds(i));
        if (i < b.labels_size()) {
          dim.values.push_back(b.labels(i));
        } else if (i + 1 < b.lower_bounds_size()) {
          dim.values.push_back(std::to_string(b.lower_bounds(i)) + "-" +
                               std::to_string(b.lower_bounds(i + 1) - 1));
        } else {
          dim.values.push_back(std::to_string(b.lower_bounds(i)) + "+");
        }
      }
      dim.of = AgeBandOf;
      return dim;
    }
    case v1::Dimension::kNumericBands: {
      const v1::NumericBands& b = d->numeric_bands();
      const v1::Field* f = FindField(table, b.expression());
      if (f == nullptr) return std::nullopt;
      ctx->field = f->name();
      ctx->type = f->type();
      const int n = b.upper_bounds_size();
      for (int i = 0; i <= n; ++i) {
        if (i < n) ctx->bounds.push_back(b.upper_bounds(i));
        if (i < b.labels_size()) {
          dim.values.push_back(b.labels(i));
        } else if (i == 0) {
          dim.values.push_back("<=" + BoundText(b.upper_bounds(0)));
        } else if (i < n) {
          dim.values.push_back(">" + BoundText(b.upper_bounds(i - 1)) + " <=" + BoundText(b.upper_bounds(i)));
        } else {
          dim.values.push_back(">" + BoundText(b.upper_bounds(i - 1)));
        }
      }
      dim.of = NumericBandOf;
      return dim;
    }
    case v1::Dimension::kGrouping: {
      const v1::CodeGrouping& g = d->grouping();
      const v1::Field* f = FindField(table, g.field());
      if (f == nullptr) return std::nullopt;
      ctx->field = f->name();
      for (const v1::CodeGroup& group : g.groups()) dim.values.push_back(group.value());
      for (const v1::Code& c : FindList(schema, f->code_list())->codes()) {
        int to = g.other_group().empty() ? -1 : IndexOf(dim.values, g.other_group());
        for (int gi = 0; gi < g.groups_size(); ++gi) {
          for (const std::string& m : g.groups(gi).members()) {
            if (m == c.value()) to = gi;
          }
        }
        if (to >= 0) ctx->code_to_value[c.value()] = to;
      }
      dim.of = MappedCodes;
      return dim;
    }
    case v1::Dimension::kHierarchyLevel: {
      const v1::HierarchyLevel& h = d->hierarchy_level();
      const v1::Field* f = FindField(table, h.field());
      if (f == nullptr) return std::nullopt;
      ctx->field = f->name();
      const v1::CodeList* list = FindList(schema, f->code_list());
      const int level = IndexOf(std::vector<std::string>(list->levels().begin(), list->levels().end()),
                                h.level());
      std::map<std::string, std::string> parent;
      for (const v1::Code& c : list->codes()) parent[c.value()] = c.parent();
      auto chain = [&](const std::string& code) {  // root first
        std::vector<std::string> up;
        for (std::string at = code; !at.empty(); at = parent[at]) up.insert(up.begin(), at);
        return up;
      };
      for (const v1::Code& c : list->codes()) {
        if (static_cast<int>(chain(c.value()).size()) - 1 == level) dim.values.push_back(c.value());
      }
      for (const v1::Code& c : list->codes()) {
        const std::vector<std::string> up = chain(c.value());
        if (static_cast<int>(up.size()) > level) {
          ctx->code_to_value[c.value()] = IndexOf(dim.values, up[static_cast<size_t>(level)]);
        }
      }
      dim.of = MappedCodes;
      return dim;
    }
    default:
      return std::nullopt;
  }
}

// ---------------------------------------------------------------------------
// Sides, slots and membership

struct Slot {
  v1::Scope scope = v1::SCOPE_PERIOD;
  std::string id;
  Date from, to;            // the values' date range, within [start, range end)
  Date year_from, year_to;  // the range whose years a year-placed side uses
  bool partial = false;
};

struct Side {
  const v1::Aggregate* agg = nullptr;
  const v1::Table* table = nullptr;
  v1::Placement placement;
  std::vector<Row> rows;
  bool sensitive = true;
  std::string person;  // field counting units; empty: records
  std::vector<Dim> dims;  // of the indicator's dimensions, those the table has
};

enum class Membership { kOut, kIn, kNotYet };

struct Context {
  Date start, project_end, range_end, as_of;
};

bool Windowed(const v1::Placement& pl) {
  return (pl.window().has_days() && pl.window().days() > 0) ||
         (pl.window().has_months() && pl.window().months() > 0);
}

// The placing date of a flow record; nullopt for stock or missing.
std::optional<Date> PlacingDate(const Side& side, const Row& row) {
  if (!side.placement.year_field().empty()) return std::nullopt;
  if (side.placement.kind() == v1::STOCK_AT_END || side.placement.kind() == v1::STOCK_DURING) {
    return std::nullopt;
  }
  const Value& v = row.at(side.placement.by());
  if (!v.present) return std::nullopt;
  return v.day;
}

Membership Member(const Context& cx, const Side& side, const Row& row, const Slot& slot) {
  const v1::Placement& pl = side.placement;
  if (pl.kind() == v1::STOCK_AT_END || pl.kind() == v1::STOCK_DURING) {
    const Value& o = row.at(pl.opened());
    if (!o.present || o.day > cx.as_of) return Membership::kOut;
    const Date far = MakeDate(9999, 12, 31);
    Date c = far;
    if (!pl.closed().empty()) {
      const Value& cv = row.at(pl.closed());
      if (cv.present && cv.day <= cx.as_of) c = cv.day;
    }
    if (c < o.day) return Membership::kOut;
    if (pl.kind() == v1::STOCK_DURING) {
      return o.day < slot.to && c >= slot.from ? Membership::kIn : Membership::kOut;
    }
    const Date last = slot.to.AddDays(-1);
    return o.day <= last && c >= last ? Membership::kIn : Membership::kOut;
  }
  const std::optional<Date> d = PlacingDate(side, row);
  if (!d || *d > cx.as_of || *d < slot.from || *d >= slot.to) return Membership::kOut;
  if (Windowed(pl)) {
    Date end = *d;
    if (pl.window().has_months()) end = PlusMonths(end, pl.window().months());
    if (pl.window().has_days()) end = end.AddDays(pl.window().days());
    if (end > cx.as_of) return Membership::kNotYet;
  }
  return Membership::kIn;
}

// The side's dimension with this id and declared values, or nullptr.
const Dim* SideDim(const Side& side, const std::string& id, const std::vector<std::string>& declared) {
  for (const Dim& d : side.dims) {
    if (d.id == id && d.declared == declared) return &d;
  }
  return nullptr;
}

// The record's values of `dim` (indexes into dim.values); `unknown` when
// it has none at all. With declared values, values not declared are
// dropped: a record having only such values is in no cell (and not unknown).
struct Codes {
  bool unknown = false;
  std::set<int> codes;
};

Codes CodesOf(const Side& side, const Dim& dim, const Row& row) {
  Codes out;
  const std::set<int> all = dim.of(*dim.context, row, PlacingDate(side, row));
  out.unknown = all.empty();
  for (int v : all) {
    const int to = dim.declared.empty() ? v : dim.restrict_to[static_cast<size_t>(v)];
    if (to >= 0) out.codes.insert(to);
  }
  return out;
}

// An aggregate's value over some records.
struct Aggregated {
  bool present = false;
  double value = 0;
  double sum = 0;         // of the values (mean: its numerator)
  int64_t values = 0;     // records with a value (mean: its denominator)
};

Aggregated AggregateOver(const Side& side, const std::vector<const Row*>& rows) {
  const v1::Aggregate& a = *side.agg;
  Aggregated out;
  auto number = [&](const Row& row, const std::string& field, double* x) {
    const Value& v = row.at(field);
    if (!v.present) return false;
    *x = FindField(*side.table, field)->type() == v1::INT64 ? static_cast<double>(v.i) : v.d;
    return true;
  };
  switch (a.function_case()) {
    case v1::Aggregate::kCount:
      out.present = true;
      out.value = static_cast<double>(rows.size());
      return out;
    case v1::Aggregate::kCountDistinct: {
      out.present = true;
      const v1::Table& t = *side.table;
      if (t.key_size() == 1 && t.key(0) == a.count_distinct()) {
        out.value = static_cast<double>(rows.size());
        return out;
      }
      std::set<std::string> keys;
      const v1::FieldType type = FindField(t, a.count_distinct())->type();
      for (const Row* r : rows) {
        const Value& v = r->at(a.count_distinct());
        if (v.present) keys.insert(v.Key(type));
      }
      out.value = static_cast<double>(keys.size());
      return out;
    }
    default:
      break;
  }
  const std::string field = a.has_sum() ? a.sum() : a.has_mean() ? a.mean() : a.has_median() ? a.median()
                            : a.has_min() ? a.min() : a.max();
  std::vector<double> xs;
  for (const Row* r : rows) {
    double x = 0;
    if (number(*r, field, &x)) {
      xs.push_back(x);
      out.sum += x;
    }
  }
  out.values = static_cast<int64_t>(xs.size());
  if (a.has_sum()) {
    out.present = true;
    out.value = out.sum;
    return out;
  }
  if (xs.empty()) return out;
  out.present = true;
  std::sort(xs.begin(), xs.end());
  if (a.has_mean()) {
    out.value = out.sum / static_cast<double>(xs.size());
  } else if (a.has_median()) {
    const size_t n = xs.size();
    out.value = n % 2 == 1 ? xs[n / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
  } else if (a.has_min()) {
    out.value = xs.front();
  } else {
    out.value = xs.back();
  }
  return out;
}

int64_t UnitsOf(const Side& side, const std::vector<const Row*>& rows) {
  if (!side.sensitive || side.person.empty()) return static_cast<int64_t>(rows.size());
  // Distinct persons; a record whose person is unknown is a unit of its own.
  std::set<std::string> persons;
  int64_t unknown = 0;
  const v1::FieldType type = FindField(*side.table, side.person)->type();
  for (const Row* r : rows) {
    const Value& v = r->at(side.person);
    if (v.present) {
      persons.insert(v.Key(type));
    } else {
      ++unknown;
    }
  }
  return static_cast<int64_t>(persons.size()) + unknown;
}

// Whether `row` is in the cell where each (dimension, value index) holds;
// the unknown index matches a record without a value.
bool Matches(const Side& side, const Row& row, const std::vector<std::pair<const Dim*, int>>& where) {
  for (const auto& [dim, index] : where) {
    const Codes codes = CodesOf(side, *dim, row);
    const bool unknown = index == static_cast<int>(dim->values.size());
    if (unknown ? !codes.unknown : codes.codes.count(index) == 0) return false;
  }
  return true;
}

// A year-placed side over a slot: the mean over the slot's years of the
// yearly aggregates of the matching records.
absl::StatusOr<Aggregated> YearlyValue(const Side& side, const Slot& slot,
                                       const std::vector<std::pair<const Dim*, int>>& where,
                                       const std::string& indicator) {
  const int first = slot.year_from.year();
  const int days = slot.year_to.day_number() - slot.year_from.day_number();
  const int last = days <= 366 ? first : slot.year_to.AddDays(-1).year();
  const std::string& yf = side.placement.year_field();
  Aggregated out;
  out.present = true;
  double total = 0;
  for (int y = first; y <= last; ++y) {
    bool any = false;
    std::vector<const Row*> rows;
    for (const Row& r : side.rows) {
      const Value& v = r.at(yf);
      if (!v.present || v.i != y) continue;
      any = true;
      if (Matches(side, r, where)) rows.push_back(&r);
    }
    if (!any) {
      return absl::FailedPreconditionError("indicator '" + indicator + "', " + slot.id +
                                           ": no row of table '" + side.table->name() +
                                           "' for year " + std::to_string(y));
    }
    const Aggregated a = AggregateOver(side, rows);
    if (!a.present) out.present = false;
    total += a.value;
  }
  out.value = total / (last - first + 1);
  return out;
}

// ---------------------------------------------------------------------------
// One indicator

struct Breakdown {
  std::string name;
  std::vector<std::string> dims;
  std::vector<std::string> declared;  // one-dimension breakdowns only
};

std::vector<Breakdown> Breakdowns(const v1::Indicator& ind) {
  std::vector<Breakdown> out(1);
  auto add = [&](const std::vector<std::string>& dims, const std::vector<std::string>& declared) {
    Breakdown b;
    b.dims = dims;
    b.declared = declared;
    for (size_t i = 0; i < dims.size(); ++i) b.name += (i > 0 ? " x " : "") + dims[i];
    for (const Breakdown& e : out) {
      if (e.name == b.name) return;
    }
    out.push_back(b);
  };
  for (const v1::Breakdown& br : ind.disaggregate_by()) {
    std::vector<std::string> dims(br.dimensions().begin(), br.dimensions().end());
    if (dims.size() > 1) {
      for (const std::string& d : dims) add({d}, {});
      add(dims, {});
    } else {
      add(dims, std::vector<std::string>(br.values().begin(), br.values().end()));
    }
  }
  return out;
}

// Every cell of a breakdown, as value indexes (unknown last), in order.
std::vector<std::vector<int>> AllCells(const std::vector<const Dim*>& dims) {
  std::vector<std::vector<int>> out(1);
  for (const Dim* d : dims) {
    std::vector<std::vector<int>> next;
    for (const std::vector<int>& prefix : out) {
      for (int v = 0; v <= static_cast<int>(d->values.size()); ++v) {
        std::vector<int> c = prefix;
        c.push_back(v);
        next.push_back(c);
      }
    }
    out = next;
  }
  return out;
}

// The cells of `row` in a breakdown: the product of its dimensions' values.
std::vector<std::vector<int>> CellsOfRow(const Side& side, const std::vector<const Dim*>& dims,
                                         const Row& row) {
  std::vector<std::vector<int>> out(1);
  for (const Dim* d : dims) {
    const Codes c = CodesOf(side, *d, row);
    std::set<int> codes = c.codes;
    if (c.unknown) codes.insert(static_cast<int>(d->values.size()));
    std::vector<std::vector<int>> next;
    for (const std::vector<int>& prefix : out) {
      for (int v : codes) {
        std::vector<int> c = prefix;
        c.push_back(v);
        next.push_back(c);
      }
    }
    out = next;
  }
  return out;
}

struct Inputs {
  const v1::Schema* schema;
  const v1::Framework* fw;
  std::map<std::string, std::vector<Row>> tables;
  Context cx;
};

// Builds a side of `ind` from aggregate `agg`, keeping the records that
// pass the population filter and the filters.
absl::StatusOr<Side> MakeSide(const Inputs& in, const v1::Indicator& ind, const v1::Aggregate& agg) {
  Side side;
  side.agg = &agg;
  side.table = FindTable(*in.schema, agg.table());
  side.placement = agg.has_period() ? agg.period() : ind.period();
  side.sensitive = side.table->sensitivity() != v1::NON_SENSITIVE && !ind.disclosure().non_sensitive();
  side.person = side.table->person();
  if (side.person.empty() && side.table->key_size() == 1) side.person = side.table->key(0);
  std::vector<std::string> filters;
  if (!in.fw->project().population_filter().empty()) {
    FormulaParser parser(in.fw->project().population_filter());
    absl::StatusOr<Node> node = parser.Parse();
    if (!node.ok()) return node.status();
    std::set<std::string> fields;
    FieldsOf(*node, &fields);
    bool has_all = true;
    for (const std::string& f : fields) has_all = has_all && FindField(*side.table, f) != nullptr;
    if (has_all) filters.push_back(in.fw->project().population_filter());
  }
  if (!ind.where().empty()) filters.push_back(ind.where());
  if (!agg.where().empty()) filters.push_back(agg.where());
  std::vector<Node> nodes;
  for (const std::string& f : filters) {
    absl::StatusOr<Node> node = FormulaParser(f).Parse();
    if (!node.ok()) return node.status();
    nodes.push_back(*node);
  }
  for (const Row& r : in.tables.at(agg.table())) {
    bool keep = true;
    for (const Node& n : nodes) keep = keep && Truth(Eval(n, *side.table, r)) == 1;
    if (keep) side.rows.push_back(r);
  }
  for (const Breakdown& b : Breakdowns(ind)) {
    for (const std::string& id : b.dims) {
      if (SideDim(side, id, b.declared) != nullptr) continue;
      if (std::optional<Dim> d = ResolveDim(*in.schema, *in.fw, *side.table, id)) {
        if (!b.declared.empty()) {
          d->declared = b.declared;
          for (const std::string& v : d->values) d->restrict_to.push_back(IndexOf(b.declared, v));
          d->values = b.declared;
        }
        side.dims.push_back(std::move(*d));
      }
    }
  }
  return side;
}

absl::Status EvaluateIndicator(const Inputs& in, const v1::Indicator& ind, v1::IndicatorResult* out) {
  const Context& cx = in.cx;
  out->set_indicator_id(ind.id());
  out->set_code(ind.code());
  out->set_title(ind.title());
  out->set_unit(ind.unit());
  const int fiscal = in.fw->project().fiscal_year_start_month() > 0
                         ? in.fw->project().fiscal_year_start_month() : 1;

  // Periods overlapping [start, range end), and the LOP range.
  std::vector<Period> periods;
  for (Period p = PeriodOf(ind.period().every(), fiscal, cx.start); p.start < cx.range_end;
       p = PeriodOf(ind.period().every(), fiscal, p.end)) {
    periods.push_back(p);
  }
  const bool lop_partial = cx.range_end != cx.project_end;
  std::vector<Slot> slots;
  for (const Period& p : periods) {
    v1::ReportPeriod* rp = out->add_periods();
    rp->set_id(p.id);
    rp->set_type(ind.period().every());
    rp->set_start(p.start.ToIsoString());
    rp->set_end(p.end.ToIsoString());
    const bool partial = p.start <= cx.as_of && cx.as_of < p.end && cx.as_of.AddDays(1) != p.end;
    rp->set_partial(partial);
    Slot s;
    s.scope = v1::SCOPE_PERIOD;
    s.id = p.id;
    s.from = std::max(p.start, cx.start);
    s.to = std::min(p.end, cx.range_end);
    s.year_from = p.start;
    s.year_to = p.end;
    s.partial = partial;
    slots.push_back(s);
  }
  v1::ReportPeriod* lop = out->add_periods();
  lop->set_id("LOP");
  lop->set_start(cx.start.ToIsoString());
  lop->set_end(cx.range_end.ToIsoString());
  lop->set_partial(lop_partial);
  if (ind.cumulation() == v1::CUMULATIVE) {
    for (size_t i = 0; i < periods.size(); ++i) {
      Slot s = slots[i];
      s.scope = v1::SCOPE_CUMULATIVE;
      s.from = cx.start;
      s.year_from = cx.start;
      s.year_to = s.to;
      slots.push_back(s);
    }
  }
  // Sides.
  const v1::Measure& m = ind.measure();
  const bool ratio = m.has_ratio();
  absl::StatusOr<Side> num = MakeSide(in, ind, ratio ? m.ratio().numerator() : m.value());
  if (!num.ok()) return num.status();
  std::optional<Side> den;
  if (ratio) {
    absl::StatusOr<Side> d = MakeSide(in, ind, m.ratio().denominator());
    if (!d.ok()) return d.status();
    den = std::move(*d);
  }

  Slot life;
  if (ind.life_of_project() == v1::LATEST) {
    // The latest period with records (of the numerator, or of a
    // denominator not placed by year), else the last period.
    size_t latest = periods.size() - 1;
    for (size_t p = periods.size(); p-- > 0;) {
      bool any = false;
      for (const Row& r : num->rows) any = any || Member(cx, *num, r, slots[p]) == Membership::kIn;
      if (den && den->placement.year_field().empty()) {
        for (const Row& r : den->rows) any = any || Member(cx, *den, r, slots[p]) == Membership::kIn;
      }
      if (any) {
        latest = p;
        break;
      }
    }
    life = slots[latest];
  } else {
    life.from = cx.start;
    life.to = cx.range_end;
    life.year_from = cx.start;
    life.year_to = cx.range_end;
  }
  life.scope = v1::SCOPE_LIFE_OF_PROJECT;
  life.id = "LOP";
  life.partial = lop_partial;
  slots.push_back(life);

  // Counters of the numerator side.
  int64_t without_period = 0, after_as_of = 0;
  for (const Row& r : num->rows) {
    const v1::Placement& pl = num->placement;
    const bool stock = pl.kind() == v1::STOCK_AT_END || pl.kind() == v1::STOCK_DURING;
    const Value& d = r.at(stock ? pl.opened() : pl.by());
    if (!d.present) {
      ++without_period;
    } else if (d.day > cx.as_of) {
      ++after_as_of;
    }
  }
  out->set_records_without_period(without_period);
  out->set_records_after_as_of(after_as_of);

  // Records of each slot × breakdown × cell, and the not yet observable.
  const std::vector<Breakdown> breakdowns = Breakdowns(ind);
  using CellKey = std::pair<size_t, std::vector<int>>;  // breakdown, value indexes
  std::vector<std::map<CellKey, std::vector<const Row*>>> members(slots.size());
  std::vector<std::map<CellKey, int64_t>> not_yet(slots.size());
  std::vector<std::vector<const Dim*>> bdims(breakdowns.size());
  for (size_t b = 0; b < breakdowns.size(); ++b) {
    for (const std::string& id : breakdowns[b].dims) {
      bdims[b].push_back(SideDim(*num, id, breakdowns[b].declared));
    }
  }
  for (size_t s = 0; s < slots.size(); ++s) {
    for (const Row& r : num->rows) {
      const Membership mem = Member(cx, *num, r, slots[s]);
      if (mem == Membership::kOut) continue;
      for (size_t b = 0; b < breakdowns.size(); ++b) {
        for (const std::vector<int>& cell : CellsOfRow(*num, bdims[b], r)) {
          if (mem == Membership::kIn) {
            members[s][{b, cell}].push_back(&r);
          } else {
            not_yet[s][{b, cell}] += 1;
          }
        }
      }
    }
  }
  // The denominator's records per slot.
  std::vector<std::vector<const Row*>> den_rows(slots.size()), den_not_yet(slots.size());
  if (den && den->placement.year_field().empty()) {
    for (size_t s = 0; s < slots.size(); ++s) {
      for (const Row& r : den->rows) {
        const Membership mem = Member(cx, *den, r, slots[s]);
        if (mem == Membership::kIn) den_rows[s].push_back(&r);
        if (mem == Membership::kNotYet) den_not_yet[s].push_back(&r);
      }
    }
  }

  for (size_t s = 0; s < slots.size(); ++s) {
    const Slot& slot = slots[s];
    for (size_t b = 0; b < breakdowns.size(); ++b) {
      for (const std::vector<int>& cell : AllCells(bdims[b])) {
        bool unknown = false;
        for (size_t i = 0; i < cell.size(); ++i) {
          unknown = unknown || cell[i] == static_cast<int>(bdims[b][i]->values.size());
        }
        if (unknown) {
          bool shown = false;
          for (size_t t = 0; t < slots.size(); ++t) {
            shown = shown || members[t].count({b, cell}) > 0 || not_yet[t].count({b, cell}) > 0;
          }
          // Or records of the denominator (not placed by year) in the cell
          // it is divided by.
          if (!shown && den && den->placement.year_field().empty()) {
            std::vector<std::pair<const Dim*, int>> where;
            for (size_t i = 0; i < cell.size(); ++i) {
              if (const Dim* dd = SideDim(*den, bdims[b][i]->id, bdims[b][i]->declared)) {
                where.push_back({dd, cell[i]});
              }
            }
            for (size_t t = 0; t < slots.size() && !shown; ++t) {
              for (const Row* r : den_rows[t]) shown = shown || Matches(*den, *r, where);
            }
          }
          if (!shown) continue;
        }
        v1::Cell* c = out->add_cells();
        c->set_period(slot.id);
        c->set_scope(slot.scope);
        c->set_breakdown(breakdowns[b].name);
        for (size_t i = 0; i < cell.size(); ++i) {
          v1::CellCoordinate* k = c->add_coordinates();
          k->set_dimension(bdims[b][i]->id);
          k->set_value(cell[i] == static_cast<int>(bdims[b][i]->values.size())
                           ? "unknown" : bdims[b][i]->values[static_cast<size_t>(cell[i])]);
        }
        const std::vector<const Row*> rows =
            members[s].count({b, cell}) ? members[s].at({b, cell}) : std::vector<const Row*>();
        const Aggregated a = AggregateOver(*num, rows);
        c->set_units(UnitsOf(*num, rows));
        int64_t nyo = not_yet[s].count({b, cell}) ? not_yet[s].at({b, cell}) : 0;
        std::optional<double> value;
        if (!ratio) {
          if (a.present) value = a.value;
          if (m.value().has_mean()) {
            c->set_numerator(a.sum);
            c->set_denominator(static_cast<double>(a.values));
          } else if (m.value().has_count() || m.value().has_count_distinct() || m.value().has_sum()) {
            c->set_numerator(a.value);
          }
        } else {
          // The denominator over the dimensions its table has.
          std::vector<std::pair<const Dim*, int>> where;
          for (size_t i = 0; i < cell.size(); ++i) {
            if (const Dim* dd = SideDim(*den, bdims[b][i]->id, bdims[b][i]->declared)) {
              where.push_back({dd, cell[i]});
            }
          }
          Aggregated d;
          if (!den->placement.year_field().empty()) {
            absl::StatusOr<Aggregated> y = YearlyValue(*den, slot, where, ind.id());
            if (!y.ok()) return y.status();
            d = *y;
          } else {
            std::vector<const Row*> matching;
            for (const Row* r : den_rows[s]) {
              if (Matches(*den, *r, where)) matching.push_back(r);
            }
            d = AggregateOver(*den, matching);
            // Records not yet observable leave both sides: the cell counts
            // those of the side missing more of them (for a percentage of
            // a subset, the denominator's).
            int64_t den_nyo = 0;
            for (const Row* r : den_not_yet[s]) den_nyo += Matches(*den, *r, where) ? 1 : 0;
            nyo = std::max(nyo, den_nyo);
          }
          if (a.present) c->set_numerator(a.value);
          if (d.present) c->set_denominator(d.value);
          if (!d.present || d.value == 0) {
            c->add_flags(v1::NO_DENOMINATOR);
          } else if (a.present) {
            const double factor = m.ratio().has_factor() ? m.ratio().factor() : 1;
            value = factor * a.value / d.value;
          }
        }
        if (nyo > 0) {
          c->add_flags(v1::NOT_YET_OBSERVABLE);
          c->set_not_yet_observable(nyo);
        }
        if (value && m.relative_change()) {
          const double base = ind.baseline().value();
          if (base == 0) {
            value.reset();
          } else {
            value = 100 * (*value - base) / base;
          }
        }
        if (value) {
          c->set_status(v1::PRESENT);
          c->set_value(*value);
        } else {
          c->set_status(v1::MISSING);
        }
        if (slot.partial) c->add_flags(v1::PARTIAL_PERIOD);
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::Report> ReferenceEvaluate(const v1::Schema& schema, const v1::Framework& framework,
                                             const std::vector<TableRows>& tables, Date as_of) {
  Inputs in;
  in.schema = &schema;
  in.fw = &framework;
  for (const v1::Table& t : schema.tables()) {
    in.tables[t.name()];
    for (const TableRows& rows : tables) {
      if (rows.table == t.name()) in.tables[t.name()] = ReadTable(schema, t, rows);
    }
  }
  in.cx.start = *Date::ParseIso(framework.project().start_date());
  in.cx.project_end = Date::ParseIso(framework.project().end_date())->AddDays(1);
  in.cx.as_of = as_of;
  in.cx.range_end = std::min(as_of.AddDays(1), in.cx.project_end);
  v1::Report report;
  report.set_project_id(framework.project().id());
  report.set_as_of(as_of.ToIsoString());
  for (const v1::Indicator& ind : framework.indicators()) {
    absl::Status s = EvaluateIndicator(in, ind, report.add_indicators());
    if (!s.ok()) return s;
  }
  return report;
}

std::string ReferencePeriod(v1::PeriodType type, int fiscal_month, Date d, Date* start, Date* end) {
  const Period p = PeriodOf(type, fiscal_month, d);
  *start = p.start;
  *end = p.end;
  return p.id;
}

std::optional<int> ReferenceAge(Date birth, Date on) { return AgeOn(birth, on); }

Date ReferenceAddMonths(Date d, int n) { return PlusMonths(d, n); }

absl::StatusOr<int> ReferenceFilter(const v1::Schema& schema, const std::string& table,
                                    const std::vector<std::pair<std::string, std::string>>& fields,
                                    const std::string& formula) {
  const v1::Table* t = FindTable(schema, table);
  if (t == nullptr) return absl::NotFoundError("no table " + table);
  Row row;
  for (const v1::Field& f : t->fields()) {
    std::string text;
    for (const auto& [name, value] : fields) {
      if (name == f.name()) text = value;
    }
    row[f.name()] = ParseValue(schema, f, text);
  }
  absl::StatusOr<Node> node = FormulaParser(formula).Parse();
  if (!node.ok()) return node.status();
  return Truth(Eval(*node, *t, row));
}

}  // namespace property
}  // namespace ctind
