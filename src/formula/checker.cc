// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "formula/checker.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/strings.h"
#include "common/suggest.h"
#include "ctind/date.h"
#include "formula/parser.h"

namespace ctind {
namespace internal {

const char* TypeName(ValueType type) {
  switch (type) {
    case ValueType::kNull: return "null";
    case ValueType::kBool: return "bool";
    case ValueType::kInt: return "int";
    case ValueType::kDouble: return "double";
    case ValueType::kString: return "string";
    case ValueType::kDate: return "date";
    case ValueType::kCategory: return "category";
    case ValueType::kCategorySet: return "category set";
  }
  return "?";
}

namespace {

bool IsNumeric(ValueType t) { return t == ValueType::kInt || t == ValueType::kDouble; }

struct FunctionSpec {
  const char* name;
  Function function;
  int min_args;
  int max_args;  // -1: no limit
};

constexpr FunctionSpec kFunctions[] = {
    {"is_missing", Function::kIsMissing, 1, 1},
    {"coalesce", Function::kCoalesce, 1, -1},
    {"if", Function::kIf, 3, 3},
    {"has", Function::kHas, 2, 2},
    {"days_between", Function::kDaysBetween, 2, 2},
    {"months_between", Function::kMonthsBetween, 2, 2},
    {"years_between", Function::kYearsBetween, 2, 2},
    {"age_at", Function::kAgeAt, 2, 2},
    {"year", Function::kYear, 1, 1},
    {"quarter", Function::kQuarter, 1, 1},
    {"month", Function::kMonth, 1, 1},
    {"add_days", Function::kAddDays, 2, 2},
    {"add_months", Function::kAddMonths, 2, 2},
    {"date", Function::kDate, 1, 1},
    {"count", Function::kCount, 1, 1},
    {"exists", Function::kExists, 1, 1},
    {"min", Function::kMin, 1, 1},
    {"max", Function::kMax, 1, 1},
    {"sum", Function::kSum, 1, 1},
};

bool IsAggregate(Function f) {
  return f == Function::kCount || f == Function::kExists || f == Function::kMin ||
         f == Function::kMax || f == Function::kSum;
}

std::string Arguments(int n) { return n == 1 ? "1 argument" : absl::StrCat(n, " arguments"); }

class Checker {
 public:
  Checker(const Ast& ast, const SchemaRep& schema, Diagnostics* diagnostics)
      : ast_(ast), schema_(schema), diagnostics_(diagnostics), info_(ast.nodes.size()) {}

  struct Scope {
    int32_t table;
    const Scope* outer;  // the record an aggregate is computed for, or null
  };

  std::vector<NodeInfo> TakeInfo() { return std::move(info_); }
  int errors() const { return errors_; }

  void Error(int32_t offset, std::string message) {
    ++errors_;
    diagnostics_->push_back(FormulaDiagnostic(ast_.text, offset, std::move(message)));
  }
  void Warning(int32_t offset, std::string message) {
    diagnostics_->push_back(
        FormulaDiagnostic(ast_.text, offset, std::move(message), Severity::kWarning));
  }

  // Checks `i` and everything below it. Depth is bounded by the parser.
  void Check(int32_t i, const Scope& scope) {
    const Node& n = ast_.node(i);
    NodeInfo& info = info_[static_cast<size_t>(i)];
    switch (n.kind) {
      case NodeKind::kNull: info.type = ValueType::kNull; return;
      case NodeKind::kBool: info.type = ValueType::kBool; return;
      case NodeKind::kInt: info.type = ValueType::kInt; return;
      case NodeKind::kDouble: info.type = ValueType::kDouble; return;
      case NodeKind::kString: info.type = ValueType::kString; return;
      case NodeKind::kName: CheckName(i, scope); return;
      case NodeKind::kNot:
        Check(n.children[0], scope);
        Propagate(i);
        RequireBool(n.children[0], "'not'");
        info.type = ValueType::kBool;
        return;
      case NodeKind::kNegate: {
        Check(n.children[0], scope);
        Propagate(i);
        const NodeInfo& a = At(n.children[0]);
        info.type = a.type == ValueType::kNull ? ValueType::kInt : a.type;
        if (!a.bad && !IsNumeric(a.type) && a.type != ValueType::kNull) {
          Bad(i, n.begin, absl::StrCat("cannot negate ", TypeName(a.type)));
        }
        return;
      }
      case NodeKind::kAnd:
      case NodeKind::kOr:
        for (int32_t c : n.children) {
          Check(c, scope);
          RequireBool(c, n.kind == NodeKind::kAnd ? "'and'" : "'or'");
        }
        Propagate(i);
        info.type = ValueType::kBool;
        return;
      case NodeKind::kBinary: CheckBinary(i, scope); return;
      case NodeKind::kIn: CheckIn(i, scope); return;
      case NodeKind::kBetween:
        for (int32_t c : n.children) Check(c, scope);
        Propagate(i);
        info.type = ValueType::kBool;
        if (!info.bad) {
          CheckComparable(i, n.children[0], n.children[1], BinaryOp::kLe, "'between'");
          if (!info.bad) CheckComparable(i, n.children[0], n.children[2], BinaryOp::kLe, "'between'");
        }
        return;
      case NodeKind::kCall: CheckCall(i, scope); return;
      case NodeKind::kWhere:
        Check(n.children[0], scope);
        Bad(i, ast_.node(n.children[1]).begin,
            "'where' filters the linked records of count, exists, min, max or sum, "
            "e.g. count(services where …)");
        return;
    }
  }

  void CheckRoot(int32_t root, RequiredType required) {
    const NodeInfo& info = At(root);
    if (info.bad) return;
    const ValueType t = info.type;
    if (t == ValueType::kNull) return;
    const char* need = nullptr;
    switch (required) {
      case RequiredType::kAny: return;
      case RequiredType::kBool:
        if (t != ValueType::kBool) need = "a filter must be bool";
        break;
      case RequiredType::kNumeric:
        if (!IsNumeric(t)) need = "a value must be int or double";
        break;
      case RequiredType::kDate:
        if (t != ValueType::kDate) need = "a date formula must be date";
        break;
      case RequiredType::kCategory:
        if (t != ValueType::kCategory && t != ValueType::kCategorySet) {
          need = "a dimension must be a category";
        }
        break;
    }
    if (need != nullptr) {
      Error(ast_.node(root).begin, absl::StrCat(need, ", this formula is ", TypeName(t)));
    }
  }

 private:
  NodeInfo& At(int32_t i) { return info_[static_cast<size_t>(i)]; }
  const v1::Table& TableAt(int32_t t) const { return schema_.proto.tables(t); }
  int32_t TableIndex(const std::string& name) const {
    auto it = schema_.tables.find(name);
    return it == schema_.tables.end() ? -1 : it->second;
  }
  int32_t FieldIndex(int32_t t, const std::string& name) const {
    const v1::Table& table = TableAt(t);
    for (int f = 0; f < table.fields_size(); ++f) {
      if (table.fields(f).name() == name) return f;
    }
    return -1;
  }
  int32_t LinkIndex(int32_t t, const std::string& name) const {
    const v1::Table& table = TableAt(t);
    for (int l = 0; l < table.links_size(); ++l) {
      if (table.links(l).name() == name) return l;
    }
    return -1;
  }
  // The records linked to table `t` by name: {name, child table, link}.
  struct Children {
    std::string name;
    LinkStep link;
  };
  std::vector<Children> ChildrenOf(int32_t t) const {
    std::vector<Children> out;
    const std::string& parent = TableAt(t).name();
    for (int c = 0; c < schema_.proto.tables_size(); ++c) {
      const v1::Table& child = TableAt(c);
      for (int l = 0; l < child.links_size(); ++l) {
        if (child.links(l).table() != parent) continue;
        out.push_back({child.links(l).children_name().empty() ? child.name()
                                                               : child.links(l).children_name(),
                       {c, l}});
      }
    }
    return out;
  }
  const Children* FindChildren(const std::vector<Children>& all, const std::string& name) const {
    for (const Children& c : all) {
      if (c.name == name) return &c;
    }
    return nullptr;
  }
  std::vector<std::string> Names(int32_t t, bool fields, bool links, bool children) const {
    std::vector<std::string> out;
    const v1::Table& table = TableAt(t);
    if (fields) {
      for (const v1::Field& f : table.fields()) out.push_back(f.name());
    }
    if (links) {
      for (const v1::Link& l : table.links()) out.push_back(l.name());
    }
    if (children) {
      for (const Children& c : ChildrenOf(t)) out.push_back(c.name);
    }
    return out;
  }

  void Bad(int32_t i, int32_t offset, std::string message) {
    At(i).bad = true;
    Error(offset, std::move(message));
  }
  // Marks `i` bad when a child is.
  void Propagate(int32_t i) {
    for (int32_t c : ast_.node(i).children) {
      if (At(c).bad) At(i).bad = true;
    }
  }

  void RequireBool(int32_t i, const char* what) {
    const NodeInfo& c = At(i);
    if (c.bad || c.type == ValueType::kBool || c.type == ValueType::kNull) return;
    Error(ast_.node(i).begin,
          absl::StrCat(what, " needs bool operands, got ", TypeName(c.type)));
  }

  static ValueType TypeOfField(const v1::Field& f) {
    switch (f.type()) {
      case v1::INT64: return ValueType::kInt;
      case v1::DOUBLE: return ValueType::kDouble;
      case v1::BOOL: return ValueType::kBool;
      case v1::STRING: return ValueType::kString;
      case v1::DATE: return ValueType::kDate;
      case v1::CATEGORY: return f.multi_valued() ? ValueType::kCategorySet : ValueType::kCategory;
      default: return ValueType::kNull;
    }
  }

  // Resolves path[from..] of `n` as links then a field, starting at table
  // `t`. Reports and returns false on failure.
  bool ResolveFieldPath(const Node& n, size_t from, int32_t t, FieldRef* ref) {
    for (size_t s = from; s < n.path.size(); ++s) {
      const std::string& seg = n.path[s];
      const int32_t offset = n.path_offsets[s];
      const std::string& tname = TableAt(t).name();
      if (s + 1 < n.path.size()) {
        const int32_t l = LinkIndex(t, seg);
        if (l < 0) {
          if (FieldIndex(t, seg) >= 0) {
            Error(offset, absl::StrCat(Quoted(seg), " is a field of table ", Quoted(tname),
                                       ", not a link"));
          } else if (FindChildren(ChildrenOf(t), seg) != nullptr) {
            Error(offset, absl::StrCat(Quoted(seg), " are records linked to table ",
                                       Quoted(tname), "; aggregate them, e.g. min(", seg,
                                       ".field)"));
          } else {
            Error(offset, absl::StrCat("unknown link ", Quoted(seg), " in table ", Quoted(tname),
                                       DidYouMean(seg, Names(t, false, true, false))));
          }
          return false;
        }
        ref->links.push_back({t, l});
        t = TableIndex(TableAt(t).links(l).table());
        if (t < 0) {
          Error(offset, absl::StrCat("link ", Quoted(seg), " names an unknown table"));
          return false;
        }
        continue;
      }
      const int32_t f = FieldIndex(t, seg);
      if (f >= 0) {
        ref->table = t;
        ref->field = f;
        return true;
      }
      if (LinkIndex(t, seg) >= 0) {
        Error(offset, absl::StrCat(Quoted(seg), " is a link of table ", Quoted(tname),
                                   "; name a field of the linked record, e.g. ", seg, ".field"));
      } else if (FindChildren(ChildrenOf(t), seg) != nullptr) {
        Error(offset, absl::StrCat(Quoted(seg), " are records linked to table ", Quoted(tname),
                                   "; aggregate them, e.g. count(", seg, ")"));
      } else {
        Error(offset, absl::StrCat("unknown field ", Quoted(seg), " in table ", Quoted(tname),
                                   DidYouMean(seg, Names(t, true, true, true))));
      }
      return false;
    }
    return false;
  }

  void CheckName(int32_t i, const Scope& scope) {
    const Node& n = ast_.node(i);
    NodeInfo& info = At(i);
    const Scope* s = &scope;
    if (n.outer) {
      if (scope.outer == nullptr) {
        Bad(i, n.begin, "'outer' can be used only inside the 'where' of an aggregate");
        return;
      }
      s = scope.outer;
    }
    FieldRef ref;
    ref.outer = n.outer;
    if (!ResolveFieldPath(n, 0, s->table, &ref)) {
      info.bad = true;
      return;
    }
    const v1::Field& field = TableAt(ref.table).fields(ref.field);
    info.type = TypeOfField(field);
    if (field.type() == v1::CATEGORY) info.code_list = schema_.FindCodeList(field.code_list());
    info.field = std::move(ref);
  }

  // The code index of `s` in `list` (value or alias), or -1.
  static int32_t CodeOf(const v1::CodeList& list, const std::string& s) {
    for (int c = 0; c < list.codes_size(); ++c) {
      if (list.codes(c).value() == s) return c;
    }
    for (int c = 0; c < list.codes_size(); ++c) {
      for (const std::string& alias : list.codes(c).aliases()) {
        if (alias == s) return c;
      }
    }
    return -1;
  }

  // Turns string literal `i` into a code of `list`; false (reported) when
  // it is not one.
  bool Coerce(int32_t i, const v1::CodeList* list) {
    const Node& n = ast_.node(i);
    NodeInfo& info = At(i);
    if (list == nullptr) return false;
    const int32_t code = CodeOf(*list, n.string_value);
    if (code < 0) {
      std::vector<std::string> values;
      for (const v1::Code& c : list->codes()) values.push_back(c.value());
      Bad(i, n.begin, absl::StrCat(Quoted(n.string_value), " is not a code of list ",
                                   Quoted(list->id()), DidYouMean(n.string_value, values)));
      return false;
    }
    info.type = ValueType::kCategory;
    info.code_list = list;
    info.code = code;
    return true;
  }

  // Checks that `a` and `b` may be compared with `op`; marks `parent` bad
  // and reports otherwise. String literals met by a category are coerced.
  void CheckComparable(int32_t parent, int32_t a, int32_t b, BinaryOp op, const char* what) {
    const NodeInfo& A = At(a);
    const NodeInfo& B = At(b);
    if (A.bad || B.bad) {
      At(parent).bad = true;
      return;
    }
    const bool ordering = op != BinaryOp::kEq && op != BinaryOp::kNe;
    const int32_t at = ast_.node(parent).begin;
    if (A.type == ValueType::kNull || B.type == ValueType::kNull) {
      if (!ordering && (ast_.node(a).kind == NodeKind::kNull || ast_.node(b).kind == NodeKind::kNull) &&
          ast_.node(parent).kind == NodeKind::kBinary) {
        Warning(at, "a comparison with null is always missing; use is_missing(…)");
      }
      return;
    }
    if (A.type == ValueType::kCategorySet || B.type == ValueType::kCategorySet) {
      Bad(parent, ast_.node(A.type == ValueType::kCategorySet ? a : b).begin,
          "a category set (multi-valued field) is tested with has(field, \"code\")");
      return;
    }
    if (IsNumeric(A.type) && IsNumeric(B.type)) return;
    if (A.type == ValueType::kCategory || B.type == ValueType::kCategory) {
      const int32_t cat = A.type == ValueType::kCategory ? a : b;
      const int32_t other = cat == a ? b : a;
      const NodeInfo& C = At(cat);
      const NodeInfo& O = At(other);
      if (O.type == ValueType::kCategory) {
        if (O.code_list != C.code_list) {
          Bad(parent, at, absl::StrCat("cannot compare categories of lists ",
                                       Quoted(C.code_list ? C.code_list->id() : ""), " and ",
                                       Quoted(O.code_list ? O.code_list->id() : "")));
          return;
        }
      } else if (ast_.node(other).kind == NodeKind::kString) {
        if (!Coerce(other, C.code_list)) {
          At(parent).bad = true;
          return;
        }
      } else {
        Bad(parent, ast_.node(other).begin,
            absl::StrCat("a category compares with a string literal (a code of list ",
                         Quoted(C.code_list ? C.code_list->id() : ""),
                         ") or a category of the same list, not with ", TypeName(O.type)));
        return;
      }
      if (ordering) {
        Bad(parent, at, absl::StrCat(what, " cannot order categories (code lists have no order); "
                                           "use =, != or in"));
      }
      return;
    }
    if (A.type == B.type && (A.type == ValueType::kDate || A.type == ValueType::kString)) return;
    if (A.type == ValueType::kBool && B.type == ValueType::kBool) {
      if (ordering) Bad(parent, at, absl::StrCat(what, " cannot order bools; use = or !="));
      return;
    }
    Bad(parent, at, absl::StrCat(what, " cannot compare ", TypeName(A.type), " with ",
                                 TypeName(B.type)));
  }

  void CheckBinary(int32_t i, const Scope& scope) {
    const Node& n = ast_.node(i);
    Check(n.children[0], scope);
    Check(n.children[1], scope);
    Propagate(i);
    NodeInfo& info = At(i);
    const BinaryOp op = n.op;
    switch (op) {
      case BinaryOp::kEq: case BinaryOp::kNe: case BinaryOp::kLt:
      case BinaryOp::kLe: case BinaryOp::kGt: case BinaryOp::kGe:
        info.type = ValueType::kBool;
        if (!info.bad) {
          CheckComparable(i, n.children[0], n.children[1], op,
                          absl::StrCat("'", BinaryOpText(op), "'").c_str());
        }
        return;
      default: break;
    }
    if (info.bad) return;
    const ValueType a = At(n.children[0]).type;
    const ValueType b = At(n.children[1]).type;
    auto num = [](ValueType t) { return IsNumeric(t) || t == ValueType::kNull; };
    auto intish = [](ValueType t) { return t == ValueType::kInt || t == ValueType::kNull; };
    auto fail = [&] {
      Bad(i, n.begin, absl::StrCat("cannot apply '", BinaryOpText(op), "' to ", TypeName(a),
                                   " and ", TypeName(b)));
    };
    switch (op) {
      case BinaryOp::kAdd:
        if (a == ValueType::kDate || b == ValueType::kDate) {
          if ((a == ValueType::kDate && intish(b)) || (b == ValueType::kDate && intish(a))) {
            info.type = ValueType::kDate;
          } else {
            fail();
          }
          return;
        }
        [[fallthrough]];
      case BinaryOp::kMul:
        if (!num(a) || !num(b)) return fail();
        info.type = a == ValueType::kDouble || b == ValueType::kDouble ? ValueType::kDouble
                                                                        : ValueType::kInt;
        return;
      case BinaryOp::kSub:
        if (a == ValueType::kDate) {
          if (b == ValueType::kDate) {
            Bad(i, n.begin, "cannot subtract a date from a date; use days_between(a, b)");
          } else if (intish(b)) {
            info.type = ValueType::kDate;
          } else {
            fail();
          }
          return;
        }
        if (!num(a) || !num(b)) return fail();
        info.type = a == ValueType::kDouble || b == ValueType::kDouble ? ValueType::kDouble
                                                                        : ValueType::kInt;
        return;
      case BinaryOp::kDiv:
        if (!num(a) || !num(b)) return fail();
        info.type = ValueType::kDouble;
        return;
      case BinaryOp::kMod:
        if (!intish(a) || !intish(b)) {
          Bad(i, n.begin, absl::StrCat("'%' takes ints, got ", TypeName(a), " and ", TypeName(b)));
          return;
        }
        info.type = ValueType::kInt;
        return;
      default: return;
    }
  }

  bool IsLiteral(int32_t i) const {
    const Node& n = ast_.node(i);
    switch (n.kind) {
      case NodeKind::kBool: case NodeKind::kInt: case NodeKind::kDouble: case NodeKind::kString:
        return true;
      case NodeKind::kCall:
        return n.string_value == "date";
      default: return false;
    }
  }

  void CheckIn(int32_t i, const Scope& scope) {
    const Node& n = ast_.node(i);
    NodeInfo& info = At(i);
    info.type = ValueType::kBool;
    for (int32_t c : n.children) Check(c, scope);
    Propagate(i);
    if (info.bad) return;
    const NodeInfo& x = At(n.children[0]);
    if (x.type == ValueType::kCategorySet) {
      Bad(i, n.begin, "a category set (multi-valued field) is tested with has(field, \"code\")");
      return;
    }
    for (size_t c = 1; c < n.children.size(); ++c) {
      const int32_t e = n.children[c];
      if (ast_.node(e).kind == NodeKind::kNull) {
        Bad(i, ast_.node(e).begin, "null cannot be in the list of 'in'; use is_missing(…)");
        continue;
      }
      if (!IsLiteral(e)) {
        Bad(i, ast_.node(e).begin, "the list of 'in' holds literals (numbers, strings, bools, dates)");
        continue;
      }
      const bool was_bad = info.bad;
      info.bad = false;
      CheckComparable(i, n.children[0], e, BinaryOp::kEq, "'in'");
      info.bad = info.bad || was_bad;
    }
  }

  void ExpectArg(int32_t call, int index, bool ok, const char* want) {
    const Node& n = ast_.node(call);
    const int32_t arg = n.children[static_cast<size_t>(index)];
    if (At(arg).bad || ok || At(arg).type == ValueType::kNull) return;
    Bad(call, ast_.node(arg).begin,
        absl::StrCat("argument ", index + 1, " of '", n.string_value, "' must be ", want, ", got ",
                     TypeName(At(arg).type)));
  }

  // The common type of `args` (if's branches, coalesce's arguments).
  void Unify(int32_t call, const std::vector<int32_t>& args) {
    const Node& n = ast_.node(call);
    NodeInfo& info = At(call);
    info.type = ValueType::kNull;
    const v1::CodeList* list = nullptr;
    for (int32_t a : args) {
      if (At(a).bad) return;
      if (At(a).type == ValueType::kCategory) {
        list = At(a).code_list;
        info.type = ValueType::kCategory;
      }
    }
    if (list != nullptr) {
      info.code_list = list;
      for (int32_t a : args) {
        const NodeInfo& A = At(a);
        if (A.type == ValueType::kNull) continue;
        if (A.type == ValueType::kCategory) {
          if (A.code_list != list) {
            Bad(call, ast_.node(a).begin,
                absl::StrCat("the arguments of '", n.string_value,
                             "' are categories of different lists"));
          }
        } else if (ast_.node(a).kind == NodeKind::kString) {
          if (!Coerce(a, list)) info.bad = true;
        } else {
          Bad(call, ast_.node(a).begin,
              absl::StrCat("the arguments of '", n.string_value, "' must have one type, got category and ",
                           TypeName(A.type)));
        }
      }
      return;
    }
    for (int32_t a : args) {
      const ValueType t = At(a).type;
      if (t == ValueType::kNull) continue;
      if (t == ValueType::kCategorySet) {
        Bad(call, ast_.node(a).begin,
            absl::StrCat("'", n.string_value, "' cannot choose between category sets"));
        return;
      }
      if (info.type == ValueType::kNull) {
        info.type = t;
      } else if (IsNumeric(info.type) && IsNumeric(t)) {
        if (t == ValueType::kDouble) info.type = ValueType::kDouble;
      } else if (info.type != t) {
        Bad(call, ast_.node(a).begin,
            absl::StrCat("the arguments of '", n.string_value, "' must have one type, got ",
                         TypeName(info.type), " and ", TypeName(t)));
        return;
      }
    }
  }

  void CheckCall(int32_t i, const Scope& scope) {
    const Node& n = ast_.node(i);
    NodeInfo& info = At(i);
    const FunctionSpec* spec = nullptr;
    for (const FunctionSpec& f : kFunctions) {
      if (n.string_value == f.name) spec = &f;
    }
    if (spec == nullptr) {
      std::vector<std::string> names;
      for (const FunctionSpec& f : kFunctions) names.push_back(f.name);
      for (int32_t c : n.children) Check(c, scope);
      Bad(i, n.begin, absl::StrCat("unknown function ", Quoted(n.string_value),
                                   DidYouMean(n.string_value, names)));
      return;
    }
    info.function = spec->function;
    const int argc = static_cast<int>(n.children.size());
    if (argc < spec->min_args || (spec->max_args >= 0 && argc > spec->max_args)) {
      for (int32_t c : n.children) {
        if (ast_.node(c).kind != NodeKind::kWhere) Check(c, scope);
      }
      if (spec->max_args < 0) {
        Bad(i, n.begin, absl::StrCat("function '", spec->name, "' takes at least ",
                                     Arguments(spec->min_args), ", got ", argc));
      } else {
        Bad(i, n.begin, absl::StrCat("function '", spec->name, "' takes ",
                                     Arguments(spec->min_args), ", got ", argc));
      }
      return;
    }
    if (IsAggregate(spec->function)) {
      CheckAggregate(i, scope);
      return;
    }
    if (spec->function == Function::kDate) {
      const int32_t arg = n.children[0];
      info.type = ValueType::kDate;
      if (ast_.node(arg).kind != NodeKind::kString) {
        Check(arg, scope);
        Bad(i, ast_.node(arg).begin, "date() takes a string literal \"YYYY-MM-DD\"");
        return;
      }
      std::optional<Date> d = Date::ParseIso(ast_.node(arg).string_value);
      if (!d.has_value()) {
        Bad(i, ast_.node(arg).begin,
            absl::StrCat(Quoted(ast_.node(arg).string_value),
                         " is not a valid date; write date(\"YYYY-MM-DD\")"));
        return;
      }
      info.date = d->day_number();
      At(arg).type = ValueType::kString;
      return;
    }
    for (int32_t c : n.children) Check(c, scope);
    Propagate(i);
    auto type = [&](int k) { return At(n.children[static_cast<size_t>(k)]).type; };
    switch (spec->function) {
      case Function::kIsMissing:
        info.type = ValueType::kBool;
        return;
      case Function::kCoalesce:
        Unify(i, n.children);
        return;
      case Function::kIf:
        ExpectArg(i, 0, type(0) == ValueType::kBool, "bool");
        Unify(i, {n.children[1], n.children[2]});
        return;
      case Function::kHas: {
        info.type = ValueType::kBool;
        const int32_t field = n.children[0];
        const int32_t code = n.children[1];
        if (At(field).bad || At(code).bad) return;
        if (type(0) != ValueType::kCategory && type(0) != ValueType::kCategorySet) {
          Bad(i, ast_.node(field).begin,
              absl::StrCat("argument 1 of 'has' must be a category or category set, got ",
                           TypeName(type(0))));
          return;
        }
        if (ast_.node(code).kind != NodeKind::kString) {
          Bad(i, ast_.node(code).begin,
              absl::StrCat("argument 2 of 'has' must be a string literal (a code of list ",
                           Quoted(At(field).code_list ? At(field).code_list->id() : ""), ")"));
          return;
        }
        if (!Coerce(code, At(field).code_list)) info.bad = true;
        return;
      }
      case Function::kDaysBetween:
      case Function::kMonthsBetween:
      case Function::kYearsBetween:
      case Function::kAgeAt:
        info.type = ValueType::kInt;
        ExpectArg(i, 0, type(0) == ValueType::kDate, "date");
        ExpectArg(i, 1, type(1) == ValueType::kDate, "date");
        return;
      case Function::kYear:
      case Function::kQuarter:
      case Function::kMonth:
        info.type = ValueType::kInt;
        ExpectArg(i, 0, type(0) == ValueType::kDate, "date");
        return;
      case Function::kAddDays:
      case Function::kAddMonths:
        info.type = ValueType::kDate;
        ExpectArg(i, 0, type(0) == ValueType::kDate, "date");
        ExpectArg(i, 1, type(1) == ValueType::kInt, "int");
        return;
      default: return;
    }
  }

  void CheckAggregate(int32_t i, const Scope& scope) {
    const Node& n = ast_.node(i);
    NodeInfo& info = At(i);
    const Function f = info.function;
    const bool counts = f == Function::kCount || f == Function::kExists;
    info.type = f == Function::kCount ? ValueType::kInt : ValueType::kBool;
    int32_t source = n.children[0];
    int32_t filter = -1;
    if (ast_.node(source).kind == NodeKind::kWhere) {
      filter = ast_.node(source).children[1];
      source = ast_.node(source).children[0];
    }
    const Node& s = ast_.node(source);
    const std::string example = counts ? absl::StrCat(n.string_value, "(services)")
                                       : absl::StrCat(n.string_value, "(services.amount)");
    if (s.kind != NodeKind::kName || s.outer) {
      Bad(i, s.begin, absl::StrCat("the argument of '", n.string_value,
                                   "' names linked records, e.g. ", example));
      return;
    }
    int32_t t = scope.table;
    size_t seg = 0;
    const Children* found = nullptr;
    std::vector<Children> children;
    for (; seg < s.path.size(); ++seg) {
      const std::string& name = s.path[seg];
      children = ChildrenOf(t);
      found = FindChildren(children, name);
      if (found != nullptr) break;
      const int32_t l = LinkIndex(t, name);
      if (l >= 0 && seg + 1 < s.path.size()) {
        info.parent_links.push_back({t, l});
        t = TableIndex(TableAt(t).links(l).table());
        if (t < 0) {
          Bad(i, s.path_offsets[seg], absl::StrCat("link ", Quoted(name), " names an unknown table"));
          return;
        }
        continue;
      }
      std::vector<std::string> names;
      for (const Children& c : children) names.push_back(c.name);
      if (seg + 1 < s.path.size()) {
        for (const v1::Link& link : TableAt(t).links()) names.push_back(link.name());
      }
      Bad(i, s.path_offsets[seg],
          absl::StrCat("unknown linked records ", Quoted(name), " of table ",
                       Quoted(TableAt(t).name()), DidYouMean(name, names)));
      return;
    }
    info.children = found->link;
    const int32_t child_table = found->link.table;
    if (counts && seg + 1 < s.path.size()) {
      Bad(i, s.path_offsets[seg + 1],
          absl::StrCat("'", n.string_value, "' takes linked records, not a field: write ",
                       n.string_value, "(", s.path[seg], ") or ", n.string_value, "(",
                       s.path[seg], " where …)"));
      return;
    }
    if (!counts) {
      if (seg + 1 >= s.path.size()) {
        Bad(i, s.end, absl::StrCat("'", n.string_value, "' needs a field of the linked records, e.g. ",
                                   n.string_value, "(", s.path[seg], ".",
                                   TableAt(child_table).fields_size() > 0
                                       ? TableAt(child_table).fields(0).name()
                                       : std::string("field"),
                                   ")"));
        return;
      }
      if (!ResolveFieldPath(s, seg + 1, child_table, &info.value)) {
        info.bad = true;
        return;
      }
      const ValueType vt = TypeOfField(TableAt(info.value.table).fields(info.value.field));
      const bool ok = f == Function::kSum ? IsNumeric(vt) : IsNumeric(vt) || vt == ValueType::kDate;
      if (!ok) {
        Bad(i, s.begin, absl::StrCat("'", n.string_value, "' needs ",
                                     f == Function::kSum ? "an int or double" : "an int, double or date",
                                     " field, ", Quoted(s.path.back()), " is ", TypeName(vt)));
        return;
      }
      info.type = vt;
    }
    if (filter >= 0) {
      Scope inner{child_table, &scope};
      Check(filter, inner);
      if (At(filter).bad) info.bad = true;
      RequireBool(filter, "'where'");
      info.filter = filter;
    }
  }

  const Ast& ast_;
  const SchemaRep& schema_;
  Diagnostics* diagnostics_;
  std::vector<NodeInfo> info_;
  int errors_ = 0;
};

}  // namespace

std::optional<CheckedFormula> CheckFormula(std::shared_ptr<const Ast> ast, const SchemaRep& schema,
                                           std::string_view table, RequiredType required,
                                           Diagnostics* diagnostics) {
  auto it = schema.tables.find(std::string(table));
  if (it == schema.tables.end()) {
    std::vector<std::string> names;
    for (const v1::Table& t : schema.proto.tables()) names.push_back(t.name());
    diagnostics->push_back(FormulaDiagnostic(
        ast->text, 0,
        absl::StrCat("unknown table ", Quoted(table), DidYouMean(table, names))));
    return std::nullopt;
  }
  Checker checker(*ast, schema, diagnostics);
  Checker::Scope scope{it->second, nullptr};
  checker.Check(ast->root, scope);
  checker.CheckRoot(ast->root, required);
  if (checker.errors() > 0) return std::nullopt;
  CheckedFormula out;
  out.info = checker.TakeInfo();
  out.schema = &schema;
  out.table = it->second;
  out.type = out.at(ast->root).type;
  out.code_list = out.at(ast->root).code_list;
  out.ast = std::move(ast);
  return out;
}

}  // namespace internal
}  // namespace ctind
