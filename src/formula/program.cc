// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "formula/program.h"

#include <algorithm>
#include <utility>

namespace ctind {
namespace internal {
namespace {

class Planner {
 public:
  explicit Planner(const CheckedFormula& c) : c_(c), ast_(*c.ast) {
    program_.text = ast_.text;
    program_.schema = c.schema;
    program_.table = c.table;
    program_.type = c.type;
    program_.code_list = c.code_list;
  }

  Program Run() {
    program_.root = Plan(ast_.root);
    std::sort(program_.fields_read.begin(), program_.fields_read.end());
    program_.fields_read.erase(std::unique(program_.fields_read.begin(), program_.fields_read.end()),
                               program_.fields_read.end());
    return std::move(program_);
  }

 private:
  const NodeInfo& Info(int32_t i) const { return c_.at(i); }
  ValueType TypeOf(int32_t i) const { return Info(i).type; }

  int32_t Add(PlanNode node) {
    program_.nodes.push_back(std::move(node));
    return static_cast<int32_t>(program_.nodes.size() - 1);
  }
  PlanNode Base(int32_t ast_node, PlanOp op, ValueType type) const {
    PlanNode p;
    p.op = op;
    p.type = type;
    p.begin = ast_.node(ast_node).begin;
    p.end = ast_.node(ast_node).end;
    return p;
  }
  int32_t Missing(int32_t ast_node, ValueType type, const v1::CodeList* list = nullptr) {
    PlanNode p = Base(ast_node, PlanOp::kConst, type);
    p.code_list = list;
    p.present = false;
    if (type == ValueType::kString) {
      p.dictionary = std::make_shared<const std::vector<std::string>>(1, std::string());
    }
    return Add(std::move(p));
  }
  void NoteField(const FieldRef& ref) {
    program_.fields_read.emplace_back(ref.table, ref.field);
    for (const LinkStep& step : ref.links) NoteLink(step);
  }
  void NoteLink(const LinkStep& step) {
    const v1::Table& child = c_.schema->proto.tables(step.table);
    const v1::Link& link = child.links(step.link);
    for (int f = 0; f < child.fields_size(); ++f) {
      if (child.fields(f).name() == link.field()) program_.fields_read.emplace_back(step.table, f);
    }
  }

  // Plans `i` as a value of `want` (converting int to double, turning null
  // into a typed missing constant).
  int32_t As(int32_t i, ValueType want, const v1::CodeList* list = nullptr) {
    if (TypeOf(i) == ValueType::kNull) return Missing(i, want, list);
    const int32_t p = Plan(i);
    if (want == ValueType::kDouble && TypeOf(i) == ValueType::kInt) {
      PlanNode conv = Base(i, PlanOp::kToDouble, ValueType::kDouble);
      conv.args = {p};
      return Add(std::move(conv));
    }
    return p;
  }

  bool AnyNull(const std::vector<int32_t>& nodes) const {
    for (int32_t n : nodes) {
      if (TypeOf(n) == ValueType::kNull) return true;
    }
    return false;
  }

  // The type two compared operands are brought to.
  ValueType CompareType(int32_t a, int32_t b) const {
    const ValueType ta = TypeOf(a), tb = TypeOf(b);
    if (ta == ValueType::kDouble || tb == ValueType::kDouble) return ValueType::kDouble;
    return ta;
  }

  int32_t Compare(int32_t at, BinaryOp op, int32_t a, int32_t b) {
    if (TypeOf(a) == ValueType::kNull || TypeOf(b) == ValueType::kNull) {
      return Missing(at, ValueType::kBool);
    }
    const ValueType t = CompareType(a, b);
    PlanNode p = Base(at, PlanOp::kCompare, ValueType::kBool);
    p.bop = op;
    p.operand_type = t;
    p.args = {As(a, t), As(b, t)};
    return Add(std::move(p));
  }

  int32_t Plan(int32_t i) {
    const Node& n = ast_.node(i);
    const NodeInfo& info = Info(i);
    switch (n.kind) {
      case NodeKind::kNull: return Missing(i, ValueType::kNull);
      case NodeKind::kBool: {
        PlanNode p = Base(i, PlanOp::kConst, ValueType::kBool);
        p.present = true;
        p.i32 = n.bool_value ? 1 : 0;
        return Add(std::move(p));
      }
      case NodeKind::kInt: {
        PlanNode p = Base(i, PlanOp::kConst, ValueType::kInt);
        p.present = true;
        p.i64 = n.int_value;
        return Add(std::move(p));
      }
      case NodeKind::kDouble: {
        PlanNode p = Base(i, PlanOp::kConst, ValueType::kDouble);
        p.present = true;
        p.f64 = n.double_value;
        return Add(std::move(p));
      }
      case NodeKind::kString: {
        PlanNode p = Base(i, PlanOp::kConst, info.type);
        p.present = true;
        if (info.type == ValueType::kCategory) {
          p.code_list = info.code_list;
          p.i32 = info.code;
        } else {
          p.dictionary = std::make_shared<const std::vector<std::string>>(1, n.string_value);
          p.i32 = 0;
        }
        return Add(std::move(p));
      }
      case NodeKind::kName: {
        PlanNode p = Base(i, PlanOp::kField, info.type);
        p.code_list = info.code_list;
        p.field = info.field;
        NoteField(p.field);
        return Add(std::move(p));
      }
      case NodeKind::kNot: {
        if (AnyNull(n.children)) return Missing(i, ValueType::kBool);
        PlanNode p = Base(i, PlanOp::kNot, ValueType::kBool);
        p.args = {Plan(n.children[0])};
        return Add(std::move(p));
      }
      case NodeKind::kNegate: {
        if (AnyNull(n.children)) return Missing(i, info.type);
        PlanNode p = Base(i, PlanOp::kNegate, info.type);
        p.args = {Plan(n.children[0])};
        return Add(std::move(p));
      }
      case NodeKind::kAnd:
      case NodeKind::kOr: {
        PlanNode p = Base(i, n.kind == NodeKind::kAnd ? PlanOp::kAnd : PlanOp::kOr, ValueType::kBool);
        for (int32_t c : n.children) p.args.push_back(As(c, ValueType::kBool));
        return Add(std::move(p));
      }
      case NodeKind::kBinary: {
        const int32_t a = n.children[0], b = n.children[1];
        if (n.op <= BinaryOp::kGe) return Compare(i, n.op, a, b);
        if (AnyNull(n.children)) return Missing(i, info.type);
        PlanNode p = Base(i, PlanOp::kArith, info.type);
        p.bop = n.op;
        if (info.type == ValueType::kDate) {
          // date ± int, with int + date turned around.
          const bool date_first = TypeOf(a) == ValueType::kDate;
          p.operand_type = ValueType::kDate;
          p.args = {Plan(date_first ? a : b), Plan(date_first ? b : a)};
        } else {
          const ValueType t = n.op == BinaryOp::kDiv ? ValueType::kDouble : info.type;
          p.operand_type = t;
          p.args = {As(a, t), As(b, t)};
        }
        return Add(std::move(p));
      }
      case NodeKind::kBetween: {
        const int32_t x = n.children[0];
        PlanNode p = Base(i, PlanOp::kAnd, ValueType::kBool);
        p.args = {Compare(i, BinaryOp::kLe, n.children[1], x), Compare(i, BinaryOp::kLe, x, n.children[2])};
        int32_t both = Add(std::move(p));
        if (!n.negated) return both;
        PlanNode neg = Base(i, PlanOp::kNot, ValueType::kBool);
        neg.args = {both};
        return Add(std::move(neg));
      }
      case NodeKind::kIn: return PlanIn(i);
      case NodeKind::kCall: return PlanCall(i);
      case NodeKind::kWhere: break;  // rejected by the checker
    }
    return Missing(i, ValueType::kNull);
  }

  int32_t PlanIn(int32_t i) {
    const Node& n = ast_.node(i);
    const int32_t x = n.children[0];
    if (TypeOf(x) == ValueType::kNull) return Missing(i, ValueType::kBool);
    ValueType t = TypeOf(x);
    if (t == ValueType::kInt) {
      for (size_t e = 1; e < n.children.size(); ++e) {
        if (TypeOf(n.children[e]) == ValueType::kDouble) t = ValueType::kDouble;
      }
    }
    PlanNode p = Base(i, PlanOp::kIn, ValueType::kBool);
    p.negated = n.negated;
    p.operand_type = t;
    p.code_list = Info(x).code_list;
    if (t == ValueType::kCategory && p.code_list != nullptr) {
      p.code_mask.assign(static_cast<size_t>(p.code_list->codes_size()), 0);
    }
    for (size_t e = 1; e < n.children.size(); ++e) {
      const Node& el = ast_.node(n.children[e]);
      const NodeInfo& ei = Info(n.children[e]);
      switch (t) {
        case ValueType::kInt: p.set_ints.push_back(el.int_value); break;
        case ValueType::kDouble:
          p.set_doubles.push_back(el.kind == NodeKind::kInt ? static_cast<double>(el.int_value)
                                                            : el.double_value);
          break;
        case ValueType::kDate: p.set_int32s.push_back(ei.date); break;
        case ValueType::kBool: p.set_int32s.push_back(el.bool_value ? 1 : 0); break;
        case ValueType::kString: p.set_strings.push_back(el.string_value); break;
        case ValueType::kCategory:
          if (ei.code >= 0 && static_cast<size_t>(ei.code) < p.code_mask.size()) {
            p.code_mask[static_cast<size_t>(ei.code)] = 1;
          }
          break;
        default: break;
      }
    }
    std::sort(p.set_ints.begin(), p.set_ints.end());
    std::sort(p.set_doubles.begin(), p.set_doubles.end());
    std::sort(p.set_int32s.begin(), p.set_int32s.end());
    p.args = {As(x, t)};
    return Add(std::move(p));
  }

  int32_t PlanCall(int32_t i) {
    const Node& n = ast_.node(i);
    const NodeInfo& info = Info(i);
    auto simple = [&](PlanOp op) {
      if (AnyNull(n.children)) return Missing(i, info.type);
      PlanNode p = Base(i, op, info.type);
      for (int32_t c : n.children) p.args.push_back(Plan(c));
      return Add(std::move(p));
    };
    switch (info.function) {
      case Function::kIsMissing: {
        PlanNode p = Base(i, PlanOp::kIsMissing, ValueType::kBool);
        if (TypeOf(n.children[0]) == ValueType::kNull) {
          p.op = PlanOp::kConst;
          p.present = true;
          p.i32 = 1;
          return Add(std::move(p));
        }
        p.args = {Plan(n.children[0])};
        return Add(std::move(p));
      }
      case Function::kCoalesce: {
        PlanNode p = Base(i, PlanOp::kCoalesce, info.type);
        p.code_list = info.code_list;
        for (int32_t c : n.children) {
          if (TypeOf(c) != ValueType::kNull) p.args.push_back(As(c, info.type, info.code_list));
        }
        if (p.args.empty()) return Missing(i, info.type, info.code_list);
        if (p.args.size() == 1) return p.args[0];
        return Add(std::move(p));
      }
      case Function::kIf: {
        PlanNode p = Base(i, PlanOp::kIf, info.type);
        p.code_list = info.code_list;
        p.args = {As(n.children[0], ValueType::kBool), As(n.children[1], info.type, info.code_list),
                  As(n.children[2], info.type, info.code_list)};
        return Add(std::move(p));
      }
      case Function::kHas: {
        const int32_t field = n.children[0];
        const int32_t code = Info(n.children[1]).code;
        if (TypeOf(field) == ValueType::kCategory) {
          PlanNode c = Base(n.children[1], PlanOp::kConst, ValueType::kCategory);
          c.present = true;
          c.i32 = code;
          c.code_list = Info(field).code_list;
          PlanNode p = Base(i, PlanOp::kCompare, ValueType::kBool);
          p.bop = BinaryOp::kEq;
          p.operand_type = ValueType::kCategory;
          p.args = {Plan(field), Add(std::move(c))};
          return Add(std::move(p));
        }
        PlanNode p = Base(i, PlanOp::kHas, ValueType::kBool);
        p.code = code;
        p.args = {Plan(field)};
        return Add(std::move(p));
      }
      case Function::kDaysBetween: return simple(PlanOp::kDaysBetween);
      case Function::kMonthsBetween: return simple(PlanOp::kMonthsBetween);
      case Function::kYearsBetween: return simple(PlanOp::kYearsBetween);
      case Function::kAgeAt: return simple(PlanOp::kAgeAt);
      case Function::kYear: return simple(PlanOp::kYear);
      case Function::kQuarter: return simple(PlanOp::kQuarter);
      case Function::kMonth: return simple(PlanOp::kMonth);
      case Function::kAddDays: return simple(PlanOp::kAddDays);
      case Function::kAddMonths: return simple(PlanOp::kAddMonths);
      case Function::kDate: {
        PlanNode p = Base(i, PlanOp::kConst, ValueType::kDate);
        p.present = true;
        p.i32 = info.date;
        return Add(std::move(p));
      }
      case Function::kCount:
      case Function::kExists:
      case Function::kMin:
      case Function::kMax:
      case Function::kSum: {
        static constexpr PlanOp kOps[] = {PlanOp::kCount, PlanOp::kExists, PlanOp::kMin,
                                          PlanOp::kMax, PlanOp::kSum};
        const int index = static_cast<int>(info.function) - static_cast<int>(Function::kCount);
        PlanNode p = Base(i, kOps[index], info.type);
        p.parent_links = info.parent_links;
        for (const LinkStep& step : p.parent_links) NoteLink(step);
        p.children = info.children;
        NoteLink(p.children);
        const v1::Table& child = c_.schema->proto.tables(p.children.table);
        if (!child.record_date().empty()) {
          for (int f = 0; f < child.fields_size(); ++f) {
            if (child.fields(f).name() == child.record_date()) {
              program_.fields_read.emplace_back(p.children.table, f);
            }
          }
        }
        if (info.value.field >= 0) {
          p.value = info.value;
          NoteField(p.value);
        }
        if (info.filter >= 0) p.filter = As(info.filter, ValueType::kBool);
        return Add(std::move(p));
      }
      case Function::kNone: break;
    }
    return Missing(i, info.type);
  }

  const CheckedFormula& c_;
  const Ast& ast_;
  Program program_;
};

}  // namespace

Program PlanFormula(const CheckedFormula& checked) { return Planner(checked).Run(); }

}  // namespace internal
}  // namespace ctind
