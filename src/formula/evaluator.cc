// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "formula/evaluator.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/strings.h"
#include "period/calendar.h"

namespace ctind {
namespace internal {
namespace {

int32_t MinDay() {
  static const int32_t d = Date::FromYmd(Date::kMinYear, 1, 1)->day_number();
  return d;
}
int32_t MaxDay() {
  static const int32_t d = Date::FromYmd(Date::kMaxYear, 12, 31)->day_number();
  return d;
}

// An intermediate result: a Vector, or a single value standing for every
// position (`constant`).
struct Val {
  Vector v;
  bool constant = false;
};

// The positions a node is evaluated at: position i is row rows[i] of
// `table` (row i when rows is null; -1 for a record that does not exist).
// `outer`, inside an aggregate's filter, gives the outer record of each
// position (same positions, its own table and rows).
struct Frame {
  int32_t table = -1;
  int64_t n = 0;
  const std::vector<int32_t>* rows = nullptr;
  const Frame* outer = nullptr;
};

// Positions whose value matters (1), or null for all: errors such as an
// integer overflow count only there (if's untaken branch, and's right side
// after false, coalesce's later arguments).
using Mask = const uint8_t*;

inline bool Active(Mask m, int64_t i) { return m == nullptr || m[i] != 0; }

template <typename F>
inline void For1(bool ca, int64_t n, F&& f) {
  if (ca) {
    for (int64_t i = 0; i < n; ++i) f(i, int64_t{0});
  } else {
    for (int64_t i = 0; i < n; ++i) f(i, i);
  }
}

template <typename F>
inline void For2(bool ca, bool cb, int64_t n, F&& f) {
  if (ca && cb) {
    for (int64_t i = 0; i < n; ++i) f(i, int64_t{0}, int64_t{0});
  } else if (ca) {
    for (int64_t i = 0; i < n; ++i) f(i, int64_t{0}, i);
  } else if (cb) {
    for (int64_t i = 0; i < n; ++i) f(i, i, int64_t{0});
  } else {
    for (int64_t i = 0; i < n; ++i) f(i, i, i);
  }
}

// A result of `type` with `n` positions (1 when constant).
Val Make(ValueType type, int64_t n, bool constant) {
  Val out;
  out.constant = constant;
  out.v.type = type;
  out.v.size = constant ? 1 : n;
  const size_t s = static_cast<size_t>(out.v.size);
  out.v.present.assign(s, 0);
  switch (type) {
    case ValueType::kInt: out.v.ints.assign(s, 0); break;
    case ValueType::kDouble: out.v.doubles.assign(s, 0); break;
    case ValueType::kCategorySet: out.v.offsets.assign(s + 1, 0); break;
    case ValueType::kNull: break;
    default: out.v.int32s.assign(s, 0); break;
  }
  return out;
}

// `v` with one entry per position.
void Expand(Val* v, int64_t n) {
  if (!v->constant) return;
  Vector& x = v->v;
  x.size = n;
  const size_t s = static_cast<size_t>(n);
  x.present.assign(s, x.present.empty() ? 0 : x.present[0]);
  if (!x.ints.empty()) x.ints.assign(s, x.ints[0]);
  if (!x.doubles.empty()) x.doubles.assign(s, x.doubles[0]);
  if (!x.int32s.empty()) x.int32s.assign(s, x.int32s[0]);
  if (x.type == ValueType::kCategorySet) {
    std::vector<int32_t> codes(x.codes.begin(), x.codes.end());
    x.offsets.assign(s + 1, 0);
    x.codes.clear();
    for (size_t i = 0; i < s; ++i) {
      x.codes.insert(x.codes.end(), codes.begin(), codes.end());
      x.offsets[i + 1] = static_cast<uint32_t>(x.codes.size());
    }
  }
  v->constant = false;
}

std::string Excerpt(std::string_view text, size_t limit = 200) {
  if (text.size() <= limit) return std::string(text);
  return absl::StrCat(Sv(text.substr(0, limit)), "…");
}

// Dense ranks of the strings of two dictionaries in one byte order.
void Ranks(const std::vector<std::string>& a, const std::vector<std::string>& b,
           std::vector<int32_t>* ra, std::vector<int32_t>* rb) {
  std::vector<std::pair<std::string_view, int64_t>> all;
  all.reserve(a.size() + b.size());
  for (size_t i = 0; i < a.size(); ++i) all.emplace_back(a[i], static_cast<int64_t>(i));
  for (size_t i = 0; i < b.size(); ++i) all.emplace_back(b[i], -1 - static_cast<int64_t>(i));
  std::sort(all.begin(), all.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  ra->assign(a.size(), 0);
  rb->assign(b.size(), 0);
  int32_t rank = -1;
  for (size_t k = 0; k < all.size(); ++k) {
    if (k == 0 || all[k].first != all[k - 1].first) ++rank;
    const int64_t id = all[k].second;
    if (id >= 0) (*ra)[static_cast<size_t>(id)] = rank;
    else (*rb)[static_cast<size_t>(-1 - id)] = rank;
  }
}

template <typename T>
inline bool CompareValues(BinaryOp op, T a, T b) {
  switch (op) {
    case BinaryOp::kEq: return a == b;
    case BinaryOp::kNe: return a != b;
    case BinaryOp::kLt: return a < b;
    case BinaryOp::kLe: return a <= b;
    case BinaryOp::kGt: return a > b;
    case BinaryOp::kGe: return a >= b;
    default: return false;
  }
}

class Evaluator {
 public:
  Evaluator(const Program& program, EvalContext& context)
      : program_(program), context_(context), dataset_(context.dataset()) {}

  absl::StatusOr<Val> Eval(int32_t index, const Frame& f, Mask active) {
    const PlanNode& p = program_.node(index);
    switch (p.op) {
      case PlanOp::kConst: return Constant(p);
      case PlanOp::kField: return ReadField(p.field, p.type, p.code_list, f);
      case PlanOp::kToDouble: {
        absl::StatusOr<Val> a = Eval(p.args[0], f, active);
        if (!a.ok()) return a.status();
        Val out = Make(ValueType::kDouble, f.n, a->constant);
        const Vector& x = a->v;
        for (int64_t i = 0; i < out.v.size; ++i) {
          out.v.present[i] = x.present[i];
          out.v.doubles[i] = static_cast<double>(x.ints[i]);
        }
        return out;
      }
      case PlanOp::kNot: {
        absl::StatusOr<Val> a = Eval(p.args[0], f, active);
        if (!a.ok()) return a.status();
        for (int32_t& b : a->v.int32s) b = b == 0 ? 1 : 0;
        return a;
      }
      case PlanOp::kNegate: return Negate(p, f, active);
      case PlanOp::kAnd:
      case PlanOp::kOr: return Logical(p, f, active);
      case PlanOp::kArith: return Arith(p, f, active);
      case PlanOp::kCompare: return Compare(p, f, active);
      case PlanOp::kIn: return In(p, f, active);
      case PlanOp::kIsMissing: {
        absl::StatusOr<Val> a = Eval(p.args[0], f, active);
        if (!a.ok()) return a.status();
        Val out = Make(ValueType::kBool, f.n, a->constant);
        for (int64_t i = 0; i < out.v.size; ++i) {
          out.v.present[i] = 1;
          out.v.int32s[i] = a->v.present[i] ? 0 : 1;
        }
        return out;
      }
      case PlanOp::kCoalesce: return Coalesce(p, f, active);
      case PlanOp::kIf: return If(p, f, active);
      case PlanOp::kHas: {
        absl::StatusOr<Val> a = Eval(p.args[0], f, active);
        if (!a.ok()) return a.status();
        const Vector& x = a->v;
        Val out = Make(ValueType::kBool, f.n, a->constant);
        for (int64_t i = 0; i < out.v.size; ++i) {
          out.v.present[i] = x.present[i];
          int32_t found = 0;
          for (uint32_t k = x.offsets[i]; k < x.offsets[i + 1]; ++k) found |= x.codes[k] == p.code;
          out.v.int32s[i] = found;
        }
        return out;
      }
      case PlanOp::kDaysBetween:
      case PlanOp::kMonthsBetween:
      case PlanOp::kYearsBetween:
      case PlanOp::kAgeAt: return DatePair(p, f, active);
      case PlanOp::kYear:
      case PlanOp::kQuarter:
      case PlanOp::kMonth: return DatePart(p, f, active);
      case PlanOp::kAddDays:
      case PlanOp::kAddMonths: return AddToDate(p, f, active);
      case PlanOp::kCount:
      case PlanOp::kExists:
      case PlanOp::kMin:
      case PlanOp::kMax:
      case PlanOp::kSum: return Aggregate(p, f, active);
    }
    return absl::InternalError("unknown plan step");
  }

  absl::Status Overflow(const PlanNode& p) const {
    const std::string_view text = program_.text;
    const std::string_view part =
        text.substr(static_cast<size_t>(p.begin), static_cast<size_t>(p.end - p.begin));
    return absl::OutOfRangeError(absl::StrCat("integer overflow in ", Quoted(Excerpt(part)),
                                              " of formula ", Quoted(Excerpt(text))));
  }

 private:
  Val Constant(const PlanNode& p) const {
    Val out = Make(p.type, 1, true);
    out.v.code_list = p.code_list;
    out.v.present[0] = p.present ? 1 : 0;
    switch (p.type) {
      case ValueType::kInt: out.v.ints[0] = p.i64; break;
      case ValueType::kDouble: out.v.doubles[0] = p.f64; break;
      case ValueType::kString:
        out.v.owned_dictionary = p.dictionary;
        out.v.dictionary = p.dictionary.get();
        out.v.int32s[0] = 0;
        break;
      case ValueType::kNull:
      case ValueType::kCategorySet: break;
      default: out.v.int32s[0] = p.i32; break;
    }
    return out;
  }

  // The rows of `f`'s positions after following `links`; `*storage` holds
  // them when they are not f's own.
  absl::StatusOr<const std::vector<int32_t>*> FollowLinks(const Frame& f,
                                                          const std::vector<LinkStep>& links,
                                                          std::vector<int32_t>* storage) {
    const std::vector<int32_t>* rows = f.rows;
    for (const LinkStep& step : links) {
      absl::StatusOr<const EvalContext::LinkIndex*> index = context_.Link(step, false);
      if (!index.ok()) return index.status();
      const std::vector<int32_t>& parent = (*index)->parent;
      std::vector<int32_t> next(static_cast<size_t>(f.n));
      for (int64_t i = 0; i < f.n; ++i) {
        const int32_t r = rows == nullptr ? static_cast<int32_t>(i) : (*rows)[i];
        next[i] = r < 0 ? -1 : parent[r];
      }
      *storage = std::move(next);
      rows = storage;
    }
    return rows;
  }

  absl::StatusOr<Val> ReadField(const FieldRef& ref, ValueType type, const v1::CodeList* list,
                                const Frame& frame) {
    const Frame& f = ref.outer ? *frame.outer : frame;
    std::vector<int32_t> storage;
    absl::StatusOr<const std::vector<int32_t>*> rows_or = FollowLinks(f, ref.links, &storage);
    if (!rows_or.ok()) return rows_or.status();
    const std::vector<int32_t>* rows = *rows_or;
    const Column& c = dataset_.tables[static_cast<size_t>(ref.table)].columns[static_cast<size_t>(ref.field)];
    Val out = Make(type, f.n, false);
    Vector& v = out.v;
    v.code_list = list;
    const int64_t n = f.n;
    if (type == ValueType::kCategorySet) {
      for (int64_t i = 0; i < n; ++i) {
        const int32_t r = rows == nullptr ? static_cast<int32_t>(i) : (*rows)[i];
        if (r >= 0 && c.states[r] == ValueState::kPresent) {
          v.present[i] = 1;
          v.codes.insert(v.codes.end(), c.multi_codes.begin() + c.offsets[r],
                         c.multi_codes.begin() + c.offsets[r + 1]);
        }
        v.offsets[i + 1] = static_cast<uint32_t>(v.codes.size());
      }
      return out;
    }
    if (type == ValueType::kString) v.dictionary = &c.dictionary;
    auto gather = [&](const auto& src, auto& dst) {
      if (rows == nullptr) {
        for (int64_t i = 0; i < n; ++i) {
          v.present[i] = c.states[i] == ValueState::kPresent;
          dst[i] = src[i];
        }
      } else {
        for (int64_t i = 0; i < n; ++i) {
          const int32_t r = (*rows)[i];
          const bool ok = r >= 0 && c.states[r] == ValueState::kPresent;
          v.present[i] = ok;
          if (ok) dst[i] = src[r];
        }
      }
    };
    switch (type) {
      case ValueType::kInt: gather(c.int64s, v.ints); break;
      case ValueType::kDouble: gather(c.doubles, v.doubles); break;
      default: gather(c.int32s, v.int32s); break;
    }
    return out;
  }

  absl::StatusOr<Val> Negate(const PlanNode& p, const Frame& f, Mask active) {
    absl::StatusOr<Val> a = Eval(p.args[0], f, active);
    if (!a.ok()) return a.status();
    Vector& x = a->v;
    if (p.type == ValueType::kDouble) {
      for (double& d : x.doubles) d = -d;
      return a;
    }
    bool overflow = false;
    for (int64_t i = 0; i < x.size; ++i) {
      overflow |= x.present[i] && x.ints[i] == INT64_MIN && (a->constant || Active(active, i));
      x.ints[i] = x.ints[i] == INT64_MIN ? 0 : -x.ints[i];
    }
    if (overflow) return Overflow(p);
    return a;
  }

  // Three-valued and / or, left to right; a later operand matters only
  // where the result is not yet decided.
  absl::StatusOr<Val> Logical(const PlanNode& p, const Frame& f, Mask active) {
    const bool is_and = p.op == PlanOp::kAnd;
    absl::StatusOr<Val> acc = Eval(p.args[0], f, active);
    if (!acc.ok()) return acc.status();
    std::vector<uint8_t> undecided;
    for (size_t k = 1; k < p.args.size(); ++k) {
      Val& a = *acc;
      Mask next_active = active;
      if (!a.constant) {
        undecided.resize(static_cast<size_t>(f.n));
        for (int64_t i = 0; i < f.n; ++i) {
          const bool decided = a.v.present[i] && (a.v.int32s[i] != 0) != is_and;
          undecided[i] = Active(active, i) && !decided;
        }
        next_active = undecided.data();
      } else if (a.v.present[0] && (a.v.int32s[0] != 0) != is_and) {
        return acc;  // false and …, true or …
      }
      absl::StatusOr<Val> b = Eval(p.args[k], f, next_active);
      if (!b.ok()) return b.status();
      Val out = Make(ValueType::kBool, f.n, a.constant && b->constant);
      const Vector& x = a.v;
      const Vector& y = b->v;
      For2(a.constant, b->constant, out.v.size, [&](int64_t i, int64_t ia, int64_t ib) {
        const uint8_t pa = x.present[ia], pb = y.present[ib];
        const uint8_t va = x.int32s[ia] != 0, vb = y.int32s[ib] != 0;
        if (is_and) {
          out.v.present[i] = (pa & pb) | (pa & !va) | (pb & !vb);
          out.v.int32s[i] = (pa & va) & (pb & vb);
        } else {
          out.v.present[i] = (pa & pb) | (pa & va) | (pb & vb);
          out.v.int32s[i] = (pa & va) | (pb & vb);
        }
      });
      acc = std::move(out);
    }
    return acc;
  }

  absl::StatusOr<Val> Arith(const PlanNode& p, const Frame& f, Mask active) {
    absl::StatusOr<Val> a = Eval(p.args[0], f, active);
    if (!a.ok()) return a.status();
    absl::StatusOr<Val> b = Eval(p.args[1], f, active);
    if (!b.ok()) return b.status();
    const bool constant = a->constant && b->constant;
    const Vector& x = a->v;
    const Vector& y = b->v;
    Val out = Make(p.type, f.n, constant);
    Vector& o = out.v;
    const BinaryOp op = p.bop;
    if (p.operand_type == ValueType::kDate) {
      const int32_t lo = MinDay(), hi = MaxDay();
      For2(a->constant, b->constant, o.size, [&](int64_t i, int64_t ia, int64_t ib) {
        int64_t r = 0;
        const bool ovf = op == BinaryOp::kAdd ? __builtin_add_overflow(int64_t{x.int32s[ia]}, y.ints[ib], &r)
                                              : __builtin_sub_overflow(int64_t{x.int32s[ia]}, y.ints[ib], &r);
        const bool ok = !ovf && r >= lo && r <= hi;
        o.present[i] = x.present[ia] & y.present[ib] & ok;
        o.int32s[i] = ok ? static_cast<int32_t>(r) : 0;
      });
      return out;
    }
    if (p.operand_type == ValueType::kDouble) {
      For2(a->constant, b->constant, o.size, [&](int64_t i, int64_t ia, int64_t ib) {
        const double u = x.doubles[ia], w = y.doubles[ib];
        double r = 0;
        bool ok = true;
        switch (op) {
          case BinaryOp::kAdd: r = u + w; break;
          case BinaryOp::kSub: r = u - w; break;
          case BinaryOp::kMul: r = u * w; break;
          case BinaryOp::kDiv: ok = w != 0; r = ok ? u / w : 0; break;
          default: ok = false; break;
        }
        ok = ok && std::isfinite(r);
        o.present[i] = x.present[ia] & y.present[ib] & ok;
        o.doubles[i] = r;
      });
      return out;
    }
    // int op int
    bool overflow = false;
    For2(a->constant, b->constant, o.size, [&](int64_t i, int64_t ia, int64_t ib) {
      const int64_t u = x.ints[ia], w = y.ints[ib];
      int64_t r = 0;
      bool ovf = false, ok = true;
      switch (op) {
        case BinaryOp::kAdd: ovf = __builtin_add_overflow(u, w, &r); break;
        case BinaryOp::kSub: ovf = __builtin_sub_overflow(u, w, &r); break;
        case BinaryOp::kMul: ovf = __builtin_mul_overflow(u, w, &r); break;
        case BinaryOp::kMod:
          ok = w != 0;
          r = (!ok || w == -1) ? 0 : u % w;
          break;
        default: ok = false; break;
      }
      const uint8_t present = x.present[ia] & y.present[ib];
      overflow |= ovf && present && (constant || Active(active, i));
      o.present[i] = present & ok & !ovf;
      o.ints[i] = r;
    });
    if (overflow) return Overflow(p);
    return out;
  }

  absl::StatusOr<Val> Compare(const PlanNode& p, const Frame& f, Mask active) {
    absl::StatusOr<Val> a = Eval(p.args[0], f, active);
    if (!a.ok()) return a.status();
    absl::StatusOr<Val> b = Eval(p.args[1], f, active);
    if (!b.ok()) return b.status();
    const bool ca = a->constant, cb = b->constant;
    const Vector& x = a->v;
    const Vector& y = b->v;
    Val out = Make(ValueType::kBool, f.n, ca && cb);
    Vector& o = out.v;
    const BinaryOp op = p.bop;
    auto run = [&](const auto& xs, const auto& ys) {
      For2(ca, cb, o.size, [&](int64_t i, int64_t ia, int64_t ib) {
        o.present[i] = x.present[ia] & y.present[ib];
        o.int32s[i] = CompareValues(op, xs[ia], ys[ib]);
      });
    };
    switch (p.operand_type) {
      case ValueType::kInt: run(x.ints, y.ints); break;
      case ValueType::kDouble: run(x.doubles, y.doubles); break;
      case ValueType::kString: {
        std::vector<int32_t> xs, ys;
        StringKeys(x, ca, y, cb, op == BinaryOp::kEq || op == BinaryOp::kNe, &xs, &ys);
        run(xs, ys);
        break;
      }
      default: run(x.int32s, y.int32s); break;
    }
    return out;
  }

  // Integer keys for comparing strings of two dictionaries: equal keys for
  // equal strings (for `equality` only: keys in a shared id space), and
  // otherwise keys in the strings' byte order. O(dictionary), not O(rows).
  void StringKeys(const Vector& x, bool cx, const Vector& y, bool cy, bool equality,
                  std::vector<int32_t>* xs, std::vector<int32_t>* ys) {
    const std::vector<std::string>& dx = *x.dictionary;
    const std::vector<std::string>& dy = *y.dictionary;
    auto remap = [](const Vector& v, const std::vector<int32_t>& key, std::vector<int32_t>* out) {
      out->resize(v.int32s.size());
      for (size_t i = 0; i < v.int32s.size(); ++i) {
        (*out)[i] = v.present[i] ? key[static_cast<size_t>(v.int32s[i])] : -2;
      }
    };
    if (&dx == &dy) {
      if (equality) {
        *xs = x.int32s;
        *ys = y.int32s;
        return;
      }
      std::vector<int32_t> r, unused;
      Ranks(dx, {}, &r, &unused);
      remap(x, r, xs);
      remap(y, r, ys);
      return;
    }
    if (equality && (cx || cy)) {
      // One side is a single string: find it in the other's dictionary.
      const Vector& single = cx ? x : y;
      const Vector& many = cx ? y : x;
      const std::string& s = (*single.dictionary)[static_cast<size_t>(single.int32s[0])];
      int32_t id = -1;
      for (size_t k = 0; k < many.dictionary->size(); ++k) {
        if ((*many.dictionary)[k] == s) {
          id = static_cast<int32_t>(k);
          break;
        }
      }
      std::vector<int32_t>* single_out = cx ? xs : ys;
      std::vector<int32_t>* many_out = cx ? ys : xs;
      *many_out = many.int32s;
      single_out->assign(1, id < 0 ? -3 : id);
      return;
    }
    std::vector<int32_t> rx, ry;
    Ranks(dx, dy, &rx, &ry);
    remap(x, rx, xs);
    remap(y, ry, ys);
  }

  absl::StatusOr<Val> In(const PlanNode& p, const Frame& f, Mask active) {
    absl::StatusOr<Val> a = Eval(p.args[0], f, active);
    if (!a.ok()) return a.status();
    const Vector& x = a->v;
    Val out = Make(ValueType::kBool, f.n, a->constant);
    Vector& o = out.v;
    const int32_t hit = p.negated ? 0 : 1;
    auto run = [&](auto&& member) {
      for (int64_t i = 0; i < o.size; ++i) {
        o.present[i] = x.present[i];
        o.int32s[i] = member(i) ? hit : 1 - hit;
      }
    };
    switch (p.operand_type) {
      case ValueType::kInt:
        run([&](int64_t i) { return std::binary_search(p.set_ints.begin(), p.set_ints.end(), x.ints[i]); });
        break;
      case ValueType::kDouble:
        run([&](int64_t i) {
          return std::binary_search(p.set_doubles.begin(), p.set_doubles.end(), x.doubles[i]);
        });
        break;
      case ValueType::kCategory:
        run([&](int64_t i) {
          const int32_t c = x.int32s[i];
          return c >= 0 && static_cast<size_t>(c) < p.code_mask.size() && p.code_mask[c] != 0;
        });
        break;
      case ValueType::kString: {
        // Membership per dictionary entry, then a lookup per row.
        std::vector<uint8_t> member(x.dictionary->size(), 0);
        for (size_t k = 0; k < member.size(); ++k) {
          for (const std::string& s : p.set_strings) {
            if ((*x.dictionary)[k] == s) member[k] = 1;
          }
        }
        run([&](int64_t i) { return x.present[i] && member[static_cast<size_t>(x.int32s[i])] != 0; });
        break;
      }
      default:
        run([&](int64_t i) {
          return std::binary_search(p.set_int32s.begin(), p.set_int32s.end(), x.int32s[i]);
        });
        break;
    }
    return out;
  }

  // Brings string results to one dictionary (for coalesce and if).
  static void UnifyDictionaries(std::vector<Val*> vals) {
    const std::vector<std::string>* first = nullptr;
    bool same = true;
    for (Val* v : vals) {
      if (first == nullptr) first = v->v.dictionary;
      same = same && v->v.dictionary == first;
    }
    if (same) return;
    auto dict = std::make_shared<std::vector<std::string>>();
    absl::flat_hash_map<std::string, int32_t> ids;
    for (Val* v : vals) {
      std::vector<int32_t> map(v->v.dictionary->size());
      for (size_t k = 0; k < map.size(); ++k) {
        const std::string& s = (*v->v.dictionary)[k];
        auto [it, inserted] = ids.emplace(s, static_cast<int32_t>(dict->size()));
        if (inserted) dict->push_back(s);
        map[k] = it->second;
      }
      for (size_t i = 0; i < v->v.int32s.size(); ++i) {
        if (v->v.present[i]) v->v.int32s[i] = map[static_cast<size_t>(v->v.int32s[i])];
      }
    }
    std::shared_ptr<const std::vector<std::string>> shared = std::move(dict);
    for (Val* v : vals) {
      v->v.owned_dictionary = shared;
      v->v.dictionary = shared.get();
    }
  }

  // out[i] = src[i] where take[i].
  static void Assign(Vector* out, const Val& src, const std::vector<uint8_t>& take) {
    const Vector& s = src.v;
    const bool c = src.constant;
    For1(c, out->size, [&](int64_t i, int64_t is) {
      if (!take[i]) return;
      out->present[i] = s.present[is];
      switch (out->type) {
        case ValueType::kInt: out->ints[i] = s.ints[is]; break;
        case ValueType::kDouble: out->doubles[i] = s.doubles[is]; break;
        default: out->int32s[i] = s.int32s[is]; break;
      }
    });
  }

  absl::StatusOr<Val> Coalesce(const PlanNode& p, const Frame& f, Mask active) {
    absl::StatusOr<Val> first = Eval(p.args[0], f, active);
    if (!first.ok()) return first.status();
    std::vector<Val> parts;
    parts.push_back(std::move(*first));
    Expand(&parts[0], f.n);
    std::vector<uint8_t> need(static_cast<size_t>(f.n));
    std::vector<std::vector<uint8_t>> takes;
    for (size_t k = 1; k < p.args.size(); ++k) {
      // Positions still missing after the arguments so far.
      std::vector<uint8_t> missing(static_cast<size_t>(f.n));
      bool any = false;
      for (int64_t i = 0; i < f.n; ++i) {
        bool have = parts[0].v.present[i];
        for (size_t t = 0; t < takes.size() && !have; ++t) have = takes[t][i] != 0;
        missing[i] = !have;
        need[i] = !have && Active(active, i);
        any = any || need[i];
      }
      if (!any) break;
      absl::StatusOr<Val> next = Eval(p.args[k], f, need.data());
      if (!next.ok()) return next.status();
      std::vector<uint8_t> take(static_cast<size_t>(f.n));
      const bool c = next->constant;
      for (int64_t i = 0; i < f.n; ++i) take[i] = missing[i] && next->v.present[c ? 0 : i];
      parts.push_back(std::move(*next));
      takes.push_back(std::move(take));
    }
    if (p.type == ValueType::kString) {
      std::vector<Val*> all;
      for (Val& v : parts) all.push_back(&v);
      UnifyDictionaries(all);
    }
    Val out = std::move(parts[0]);
    for (size_t t = 0; t < takes.size(); ++t) Assign(&out.v, parts[t + 1], takes[t]);
    out.v.code_list = p.code_list;
    return out;
  }

  absl::StatusOr<Val> If(const PlanNode& p, const Frame& f, Mask active) {
    absl::StatusOr<Val> c = Eval(p.args[0], f, active);
    if (!c.ok()) return c.status();
    if (c->constant) {
      const bool yes = c->v.present[0] && c->v.int32s[0] != 0;
      return Eval(p.args[yes ? 1 : 2], f, active);
    }
    std::vector<uint8_t> then_rows(static_cast<size_t>(f.n)), else_rows(static_cast<size_t>(f.n));
    std::vector<uint8_t> then_active(static_cast<size_t>(f.n)), else_active(static_cast<size_t>(f.n));
    for (int64_t i = 0; i < f.n; ++i) {
      const bool yes = c->v.present[i] && c->v.int32s[i] != 0;
      then_rows[i] = yes;
      else_rows[i] = !yes;
      then_active[i] = yes && Active(active, i);
      else_active[i] = !yes && Active(active, i);
    }
    absl::StatusOr<Val> a = Eval(p.args[1], f, then_active.data());
    if (!a.ok()) return a.status();
    absl::StatusOr<Val> b = Eval(p.args[2], f, else_active.data());
    if (!b.ok()) return b.status();
    Expand(&*a, f.n);
    if (p.type == ValueType::kString) UnifyDictionaries({&*a, &*b});
    Val out = std::move(*a);
    Assign(&out.v, *b, else_rows);
    out.v.code_list = p.code_list;
    return out;
  }

  absl::StatusOr<Val> DatePair(const PlanNode& p, const Frame& f, Mask active) {
    absl::StatusOr<Val> a = Eval(p.args[0], f, active);
    if (!a.ok()) return a.status();
    absl::StatusOr<Val> b = Eval(p.args[1], f, active);
    if (!b.ok()) return b.status();
    const Vector& x = a->v;
    const Vector& y = b->v;
    Val out = Make(ValueType::kInt, f.n, a->constant && b->constant);
    Vector& o = out.v;
    const PlanOp op = p.op;
    For2(a->constant, b->constant, o.size, [&](int64_t i, int64_t ia, int64_t ib) {
      uint8_t present = x.present[ia] & y.present[ib];
      const int32_t u = x.int32s[ia], w = y.int32s[ib];
      int64_t r = 0;
      if (present) {
        switch (op) {
          case PlanOp::kDaysBetween: r = int64_t{w} - u; break;
          case PlanOp::kMonthsBetween:
            r = MonthsBetween(Date::FromDayNumber(u), Date::FromDayNumber(w));
            break;
          case PlanOp::kYearsBetween:
            r = YearsBetween(Date::FromDayNumber(u), Date::FromDayNumber(w));
            break;
          default: {
            const std::optional<int32_t> age =
                AgeInCompletedYears(Date::FromDayNumber(u), Date::FromDayNumber(w));
            present = age.has_value();
            r = age.value_or(0);
            break;
          }
        }
      }
      o.present[i] = present;
      o.ints[i] = r;
    });
    return out;
  }

  absl::StatusOr<Val> DatePart(const PlanNode& p, const Frame& f, Mask active) {
    absl::StatusOr<Val> a = Eval(p.args[0], f, active);
    if (!a.ok()) return a.status();
    const Vector& x = a->v;
    Val out = Make(ValueType::kInt, f.n, a->constant);
    for (int64_t i = 0; i < out.v.size; ++i) {
      out.v.present[i] = x.present[i];
      if (!x.present[i]) continue;
      const YearMonthDay ymd = Date::FromDayNumber(x.int32s[i]).ToYmd();
      out.v.ints[i] = p.op == PlanOp::kYear ? ymd.year
                      : p.op == PlanOp::kMonth ? ymd.month
                                               : (ymd.month - 1) / 3 + 1;
    }
    return out;
  }

  absl::StatusOr<Val> AddToDate(const PlanNode& p, const Frame& f, Mask active) {
    absl::StatusOr<Val> a = Eval(p.args[0], f, active);
    if (!a.ok()) return a.status();
    absl::StatusOr<Val> b = Eval(p.args[1], f, active);
    if (!b.ok()) return b.status();
    const Vector& x = a->v;
    const Vector& y = b->v;
    Val out = Make(ValueType::kDate, f.n, a->constant && b->constant);
    Vector& o = out.v;
    const bool days = p.op == PlanOp::kAddDays;
    const int32_t lo = MinDay(), hi = MaxDay();
    For2(a->constant, b->constant, o.size, [&](int64_t i, int64_t ia, int64_t ib) {
      uint8_t present = x.present[ia] & y.present[ib];
      const int64_t n = y.ints[ib];
      int32_t r = 0;
      if (present) {
        if (days) {
          int64_t s = 0;
          present = !__builtin_add_overflow(int64_t{x.int32s[ia]}, n, &s) && s >= lo && s <= hi;
          r = present ? static_cast<int32_t>(s) : 0;
        } else if (n < INT32_MIN || n > INT32_MAX) {
          present = 0;
        } else {
          const std::optional<Date> d =
              AddMonths(Date::FromDayNumber(x.int32s[ia]), static_cast<int32_t>(n));
          present = d.has_value();
          r = d.has_value() ? d->day_number() : 0;
        }
      }
      o.present[i] = present;
      o.int32s[i] = r;
    });
    return out;
  }

  absl::StatusOr<Val> Aggregate(const PlanNode& p, const Frame& f, Mask active) {
    // The parent record of each position, then its children.
    std::vector<int32_t> storage;
    absl::StatusOr<const std::vector<int32_t>*> owners_or = FollowLinks(f, p.parent_links, &storage);
    if (!owners_or.ok()) return owners_or.status();
    const std::vector<int32_t>* owners = *owners_or;
    absl::StatusOr<const EvalContext::LinkIndex*> link = context_.Link(p.children, true);
    if (!link.ok()) return link.status();
    const EvalContext::LinkIndex& index = **link;
    // Pairs (position, child row), grouped by position.
    std::vector<int64_t> first(static_cast<size_t>(f.n) + 1, 0);
    std::vector<int32_t> pair_child, pair_outer;
    for (int64_t i = 0; i < f.n; ++i) {
      first[i] = static_cast<int64_t>(pair_child.size());
      const int32_t owner = owners == nullptr ? static_cast<int32_t>(i) : (*owners)[i];
      if (owner < 0 || !Active(active, i)) continue;
      const int32_t self = f.rows == nullptr ? static_cast<int32_t>(i) : (*f.rows)[i];
      for (uint32_t k = index.offsets[owner]; k < index.offsets[owner + 1]; ++k) {
        pair_child.push_back(index.children[k]);
        pair_outer.push_back(self);
      }
    }
    first[f.n] = static_cast<int64_t>(pair_child.size());
    const int64_t m = static_cast<int64_t>(pair_child.size());
    Frame outer{f.table, m, &pair_outer, nullptr};
    Frame inner{p.children.table, m, &pair_child, &outer};
    std::vector<uint8_t> keep(static_cast<size_t>(m), 1);
    if (p.filter >= 0) {
      absl::StatusOr<Val> filter = Eval(p.filter, inner, nullptr);
      if (!filter.ok()) return filter.status();
      const bool c = filter->constant;
      for (int64_t j = 0; j < m; ++j) {
        const int64_t k = c ? 0 : j;
        keep[j] = filter->v.present[k] && filter->v.int32s[k] != 0;
      }
    }
    Val values;
    if (p.value.field >= 0) {
      absl::StatusOr<Val> v = ReadField(p.value, p.type, nullptr, inner);
      if (!v.ok()) return v.status();
      values = std::move(*v);
    }
    Val out = Make(p.type, f.n, false);
    Vector& o = out.v;
    bool overflow = false;
    for (int64_t i = 0; i < f.n; ++i) {
      const int32_t owner = owners == nullptr ? static_cast<int32_t>(i) : (*owners)[i];
      if (owner < 0 || !Active(active, i)) continue;
      const int64_t b = first[i], e = first[i + 1];
      switch (p.op) {
        case PlanOp::kCount: {
          int64_t count = 0;
          for (int64_t j = b; j < e; ++j) count += keep[j];
          o.present[i] = 1;
          o.ints[i] = count;
          break;
        }
        case PlanOp::kExists: {
          int32_t any = 0;
          for (int64_t j = b; j < e; ++j) any |= keep[j];
          o.present[i] = 1;
          o.int32s[i] = any;
          break;
        }
        case PlanOp::kSum:
          o.present[i] = 1;
          if (p.type == ValueType::kInt) {
            int64_t sum = 0;
            for (int64_t j = b; j < e; ++j) {
              if (keep[j] && values.v.present[j]) overflow |= __builtin_add_overflow(sum, values.v.ints[j], &sum);
            }
            o.ints[i] = sum;
          } else {
            double sum = 0;
            for (int64_t j = b; j < e; ++j) {
              if (keep[j] && values.v.present[j]) sum += values.v.doubles[j];
            }
            o.doubles[i] = sum;
            o.present[i] = std::isfinite(sum);
          }
          break;
        default: {  // min, max
          const bool is_min = p.op == PlanOp::kMin;
          for (int64_t j = b; j < e; ++j) {
            if (!keep[j] || !values.v.present[j]) continue;
            const bool first_value = !o.present[i];
            o.present[i] = 1;
            switch (p.type) {
              case ValueType::kInt:
                if (first_value || (is_min ? values.v.ints[j] < o.ints[i] : values.v.ints[j] > o.ints[i])) {
                  o.ints[i] = values.v.ints[j];
                }
                break;
              case ValueType::kDouble:
                if (first_value ||
                    (is_min ? values.v.doubles[j] < o.doubles[i] : values.v.doubles[j] > o.doubles[i])) {
                  o.doubles[i] = values.v.doubles[j];
                }
                break;
              default:
                if (first_value ||
                    (is_min ? values.v.int32s[j] < o.int32s[i] : values.v.int32s[j] > o.int32s[i])) {
                  o.int32s[i] = values.v.int32s[j];
                }
                break;
            }
          }
          break;
        }
      }
    }
    if (overflow) return Overflow(p);
    return out;
  }

  const Program& program_;
  EvalContext& context_;
  const DatasetRep& dataset_;
};

absl::Status CheckDataset(const Program& program, const DatasetRep& dataset) {
  const v1::Schema& schema = program.schema->proto;
  for (const auto& [t, f] : program.fields_read) {
    const v1::Table& table = schema.tables(t);
    const bool ok = static_cast<size_t>(t) < dataset.tables.size() &&
                    dataset.tables[t].table != nullptr &&
                    dataset.tables[t].table->name() == table.name() &&
                    static_cast<size_t>(f) < dataset.tables[t].columns.size() &&
                    dataset.tables[t].columns[f].field != nullptr &&
                    dataset.tables[t].columns[f].field->name() == table.fields(f).name() &&
                    dataset.tables[t].columns[f].type == table.fields(f).type() &&
                    dataset.tables[t].columns[f].multi_valued == table.fields(f).multi_valued();
    if (!ok) {
      return absl::FailedPreconditionError(
          absl::StrCat("the dataset does not match the schema the formula was compiled for: field ",
                       Quoted(table.fields(f).name()), " of table ", Quoted(table.name())));
    }
  }
  if (static_cast<size_t>(program.table) >= dataset.tables.size() ||
      dataset.tables[program.table].table->name() != schema.tables(program.table).name()) {
    return absl::FailedPreconditionError(
        absl::StrCat("the dataset has no table ", Quoted(schema.tables(program.table).name()),
                     " where the formula's schema has it"));
  }
  return absl::OkStatus();
}

int64_t LinkKey(LinkStep step) {
  return (static_cast<int64_t>(step.table) << 32) | static_cast<uint32_t>(step.link);
}

}  // namespace

absl::StatusOr<const EvalContext::LinkIndex*> EvalContext::Link(LinkStep step, bool children) {
  const int64_t key = LinkKey(step);
  auto failed = failed_.find(key);
  if (failed != failed_.end()) return failed->second;
  std::unique_ptr<LinkIndex>& slot = links_[key];
  if (slot == nullptr) {
    auto index = std::make_unique<LinkIndex>();
    absl::Status status = BuildParents(step, index.get());
    if (!status.ok()) {
      links_.erase(key);
      failed_.emplace(key, status);
      return status;
    }
    slot = std::move(index);
  }
  if (children && !slot->has_children) BuildChildren(step, slot.get());
  return slot.get();
}

absl::Status EvalContext::BuildParents(LinkStep step, LinkIndex* index) const {
  const TableData& child = dataset_.tables[static_cast<size_t>(step.table)];
  const v1::Link& link = child.table->links(step.link);
  index->parent.assign(static_cast<size_t>(child.rows), -1);
  const TableData* parent = dataset_.FindTable(link.table());
  const int fk = child.FieldIndex(link.field());
  const int pk = parent == nullptr ? -1 : parent->FieldIndex(link.parent_field());
  if (fk < 0 || pk < 0) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the dataset does not match the schema: link ", Quoted(link.name()), " of table ",
        Quoted(child.table->name())));
  }
  if (parent->rows == 0 || child.rows == 0) return absl::OkStatus();
  const Column& pc = parent->columns[static_cast<size_t>(pk)];
  const Column& cc = child.columns[static_cast<size_t>(fk)];
  if (pc.multi_valued || cc.multi_valued || pc.type != cc.type) {
    return absl::FailedPreconditionError(absl::StrCat(
        "link ", Quoted(link.name()), " of table ", Quoted(child.table->name()),
        " joins fields of different or multi-valued types"));
  }
  int64_t repeated = 0;
  if (pc.type == v1::STRING) {
    std::vector<int32_t> row_of_id(pc.dictionary.size(), -1);
    std::vector<uint8_t> counted(pc.dictionary.size(), 0);
    for (int64_t r = 0; r < parent->rows; ++r) {
      if (pc.states[r] != ValueState::kPresent) continue;
      const size_t id = static_cast<size_t>(pc.int32s[r]);
      if (row_of_id[id] < 0) {
        row_of_id[id] = static_cast<int32_t>(r);
      } else if (!counted[id]) {
        counted[id] = 1;
        ++repeated;
      }
    }
    if (repeated == 0) {
      absl::flat_hash_map<std::string_view, int32_t> id_of;
      id_of.reserve(pc.dictionary.size());
      for (size_t id = 0; id < pc.dictionary.size(); ++id) {
        id_of.emplace(pc.dictionary[id], static_cast<int32_t>(id));
      }
      std::vector<int32_t> parent_of_child_id(cc.dictionary.size(), -1);
      for (size_t id = 0; id < cc.dictionary.size(); ++id) {
        auto it = id_of.find(std::string_view(cc.dictionary[id]));
        if (it != id_of.end()) parent_of_child_id[id] = row_of_id[static_cast<size_t>(it->second)];
      }
      for (int64_t r = 0; r < child.rows; ++r) {
        if (cc.states[r] == ValueState::kPresent) {
          index->parent[r] = parent_of_child_id[static_cast<size_t>(cc.int32s[r])];
        }
      }
    }
  } else {
    // Categories of different lists are matched by code value.
    std::vector<int64_t> child_code;
    if (pc.type == v1::CATEGORY && pc.field->code_list() != cc.field->code_list()) {
      const SchemaRep& schema = ModelAccess::Rep(dataset_.schema);
      const v1::CodeList* pl = schema.FindCodeList(pc.field->code_list());
      const v1::CodeList* cl = schema.FindCodeList(cc.field->code_list());
      if (pl != nullptr && cl != nullptr) {
        for (const v1::Code& code : cl->codes()) {
          int64_t match = -1;
          for (int k = 0; k < pl->codes_size(); ++k) {
            if (pl->codes(k).value() == code.value()) match = k;
          }
          child_code.push_back(match);
        }
      }
    }
    auto key = [](const Column& c, int64_t r) -> int64_t {
      switch (c.type) {
        case v1::INT64: return c.int64s[r];
        case v1::DOUBLE: {
          int64_t bits;
          std::memcpy(&bits, &c.doubles[r], sizeof bits);
          return bits;
        }
        default: return c.int32s[r];
      }
    };
    absl::flat_hash_map<int64_t, int32_t> row_of;
    absl::flat_hash_map<int64_t, bool> counted;
    row_of.reserve(static_cast<size_t>(parent->rows));
    for (int64_t r = 0; r < parent->rows; ++r) {
      if (pc.states[r] != ValueState::kPresent) continue;
      auto [it, inserted] = row_of.emplace(key(pc, r), static_cast<int32_t>(r));
      if (!inserted && counted.emplace(it->first, true).second) ++repeated;
    }
    if (repeated == 0) {
      for (int64_t r = 0; r < child.rows; ++r) {
        if (cc.states[r] != ValueState::kPresent) continue;
        int64_t k = key(cc, r);
        if (!child_code.empty()) {
          k = static_cast<size_t>(k) < child_code.size() ? child_code[static_cast<size_t>(k)] : -1;
          if (k < 0) continue;
        }
        auto it = row_of.find(k);
        if (it != row_of.end()) index->parent[r] = it->second;
      }
    }
  }
  if (repeated > 0) {
    return absl::FailedPreconditionError(absl::StrCat(
        "link ", Quoted(link.name()), " of table ", Quoted(child.table->name()), " needs field ",
        Quoted(link.parent_field()), " of table ", Quoted(link.table()), " to be unique, but ",
        repeated, repeated == 1 ? " value appears" : " values appear", " more than once"));
  }
  return absl::OkStatus();
}

void EvalContext::BuildChildren(LinkStep step, LinkIndex* index) const {
  const TableData& child = dataset_.tables[static_cast<size_t>(step.table)];
  const v1::Link& link = child.table->links(step.link);
  const TableData* parent = dataset_.FindTable(link.table());
  const int64_t parents = parent == nullptr ? 0 : parent->rows;
  const Column* dated = nullptr;
  if (!child.table->record_date().empty()) {
    const int rd = child.FieldIndex(child.table->record_date());
    if (rd >= 0) dated = &child.columns[static_cast<size_t>(rd)];
  }
  const int32_t as_of = as_of_.day_number();
  auto kept = [&](int64_t c) {
    return index->parent[c] >= 0 &&
           !(dated != nullptr && dated->states[c] == ValueState::kPresent && dated->int32s[c] > as_of);
  };
  index->offsets.assign(static_cast<size_t>(parents) + 1, 0);
  for (int64_t c = 0; c < child.rows; ++c) {
    if (kept(c)) ++index->offsets[static_cast<size_t>(index->parent[c]) + 1];
  }
  for (int64_t p = 0; p < parents; ++p) index->offsets[p + 1] += index->offsets[p];
  index->children.assign(index->offsets[parents], 0);
  std::vector<uint32_t> cursor(index->offsets.begin(), index->offsets.end() - 1);
  for (int64_t c = 0; c < child.rows; ++c) {
    if (kept(c)) index->children[cursor[index->parent[c]]++] = static_cast<int32_t>(c);
  }
  index->has_children = true;
}

absl::StatusOr<Vector> EvaluateProgram(const Program& program, EvalContext& context) {
  absl::Status status = CheckDataset(program, context.dataset());
  if (!status.ok()) return status;
  const TableData& table = context.dataset().tables[static_cast<size_t>(program.table)];
  Frame frame{program.table, table.rows, nullptr, nullptr};
  Evaluator evaluator(program, context);
  absl::StatusOr<Val> result = evaluator.Eval(program.root, frame, nullptr);
  if (!result.ok()) return result.status();
  Expand(&*result, table.rows);
  result->v.type = program.type;
  if (program.type == ValueType::kCategory || program.type == ValueType::kCategorySet) {
    result->v.code_list = program.code_list;
  }
  return std::move(result->v);
}

}  // namespace internal
}  // namespace ctind
