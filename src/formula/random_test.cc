// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Property test: the vectorised evaluator against a tiny recursive
// row-at-a-time interpreter written here, over seeded random expressions
// and a random table with missing values.

#include <cmath>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "formula/formula.h"
#include "formula/test_schema.h"
#include "gtest/gtest.h"
#include "period/calendar.h"

namespace ctind {
namespace internal {
namespace {

using testing_schema::LoadDataset;
using testing_schema::Rep;
using testing_schema::TestSchema;

enum class T { kInt, kDouble, kBool, kDate };

// A reference value: missing, or one of the typed values.
struct Ref {
  bool present = false;
  int64_t i = 0;
  double d = 0;
  bool b = false;
  int32_t day = 0;
};
Ref Missing() { return Ref{}; }
// Set when an operation the interpreter evaluated overflowed.
bool g_overflow = false;
Ref Checked(bool overflow, int64_t v) {
  if (overflow) {
    g_overflow = true;
    return Ref{};
  }
  Ref r;
  r.present = true;
  r.i = v;
  return r;
}
Ref Int(int64_t v) { Ref r; r.present = true; r.i = v; return r; }
Ref Dbl(double v) { Ref r; r.present = true; r.d = v; return r; }
Ref Bool(bool v) { Ref r; r.present = true; r.b = v; return r; }
Ref Day(int32_t v) { Ref r; r.present = true; r.day = v; return r; }

struct Row {
  std::optional<int64_t> age;
  std::optional<double> score;
  std::optional<bool> consent;
  std::optional<int32_t> identified_on, first_service_on;
  std::optional<int32_t> gender;  // code index
  std::optional<std::string> nick;
};

const char* kGenders[] = {"Feminine", "Masculine", "NonBinary"};
const char* kNicks[] = {"ann", "bob", "cy", "dee"};

// A generated expression: text and a row-at-a-time evaluator.
struct Expr {
  std::string text;
  T type;
  std::function<Ref(const Row&)> eval;
};

class Generator {
 public:
  explicit Generator(uint32_t seed) : rng_(seed) {}

  int Pick(int n) { return static_cast<int>(rng_() % static_cast<uint32_t>(n)); }

  Expr Gen(T type, int depth) {
    const bool leaf = depth <= 0 || Pick(4) == 0;
    switch (type) {
      case T::kInt: return leaf ? IntLeaf() : IntNode(depth);
      case T::kDouble: return leaf ? DoubleLeaf() : DoubleNode(depth);
      case T::kBool: return leaf ? BoolLeaf() : BoolNode(depth);
      case T::kDate: return leaf ? DateLeaf() : DateNode(depth);
    }
    return IntLeaf();
  }

 private:
  static Ref AsDouble(const Ref& r, T t) { return t == T::kInt && r.present ? Dbl(static_cast<double>(r.i)) : r; }

  Expr IntLeaf() {
    if (Pick(2) == 0) {
      return {"age", T::kInt, [](const Row& r) { return r.age ? Int(*r.age) : Missing(); }};
    }
    // Now and then 2^62, which overflows when doubled.
    const int64_t v = Pick(12) == 0 ? int64_t{4611686018427387904} : Pick(41) - 20;
    return {absl::StrCat(v), T::kInt, [v](const Row&) { return Int(v); }};
  }
  Expr DoubleLeaf() {
    if (Pick(2) == 0) {
      return {"score", T::kDouble, [](const Row& r) { return r.score ? Dbl(*r.score) : Missing(); }};
    }
    const double v = (Pick(41) - 20) / 2.0;
    return {absl::StrCat("(", v, v == std::floor(v) ? ".0" : "", ")"), T::kDouble, [v](const Row&) { return Dbl(v); }};
  }
  Expr BoolLeaf() {
    switch (Pick(4)) {
      case 0: return {"consent", T::kBool, [](const Row& r) { return r.consent ? Bool(*r.consent) : Missing(); }};
      case 1: {
        const int g = Pick(3);
        return {absl::StrCat("prs_Gender = \"", kGenders[g], "\""), T::kBool,
                [g](const Row& r) { return r.gender ? Bool(*r.gender == g) : Missing(); }};
      }
      case 2: {
        const std::string s = kNicks[Pick(4)];
        const bool less = Pick(2) == 0;
        return {absl::StrCat("nick ", less ? "<" : "=", " \"", s, "\""), T::kBool, [s, less](const Row& r) {
                  return r.nick ? Bool(less ? *r.nick < s : *r.nick == s) : Missing();
                }};
      }
      default: {
        const bool v = Pick(2) == 0;
        return {v ? "true" : "false", T::kBool, [v](const Row&) { return Bool(v); }};
      }
    }
  }
  Expr DateLeaf() {
    switch (Pick(3)) {
      case 0:
        return {"identified_on", T::kDate,
                [](const Row& r) { return r.identified_on ? Day(*r.identified_on) : Missing(); }};
      case 1:
        return {"first_service_on", T::kDate,
                [](const Row& r) { return r.first_service_on ? Day(*r.first_service_on) : Missing(); }};
      default: {
        const Date d = *Date::FromYmd(2024, 1 + Pick(12), 1 + Pick(28));
        return {absl::StrCat("date(\"", d.ToIsoString(), "\")"), T::kDate,
                [d](const Row&) { return Day(d.day_number()); }};
      }
    }
  }

  Expr IntNode(int depth) {
    switch (Pick(8)) {
      case 0: case 1: case 2: {
        const int op = Pick(4);
        Expr a = Gen(T::kInt, depth - 1), b = Gen(T::kInt, depth - 1);
        static const char* kOps[] = {"+", "-", "*", "%"};
        return {absl::StrCat("(", a.text, " ", kOps[op], " ", b.text, ")"), T::kInt,
                [a, b, op](const Row& r) {
                  const Ref x = a.eval(r), y = b.eval(r);
                  if (!x.present || !y.present) return Missing();
                  int64_t v = 0;
                  switch (op) {
                    case 0: {
                      const bool o = __builtin_add_overflow(x.i, y.i, &v);
                      return Checked(o, v);
                    }
                    case 1: {
                      const bool o = __builtin_sub_overflow(x.i, y.i, &v);
                      return Checked(o, v);
                    }
                    case 2: {
                      const bool o = __builtin_mul_overflow(x.i, y.i, &v);
                      return Checked(o, v);
                    }
                    default: return y.i == 0 ? Missing() : Int(y.i == -1 ? 0 : x.i % y.i);
                  }
                }};
      }
      case 3: {
        Expr a = Gen(T::kInt, depth - 1);
        return {absl::StrCat("-", a.text), T::kInt, [a](const Row& r) {
                  const Ref x = a.eval(r);
                  return x.present ? Checked(x.i == INT64_MIN, -(x.i == INT64_MIN ? 0 : x.i)) : Missing();
                }};
      }
      case 4: {
        Expr a = Gen(T::kDate, depth - 1), b = Gen(T::kDate, depth - 1);
        const int f = Pick(3);
        static const char* kFns[] = {"days_between", "months_between", "year"};
        if (f == 2) {
          return {absl::StrCat("year(", a.text, ")"), T::kInt, [a](const Row& r) {
                    const Ref x = a.eval(r);
                    return x.present ? Int(Date::FromDayNumber(x.day).year()) : Missing();
                  }};
        }
        return {absl::StrCat(kFns[f], "(", a.text, ", ", b.text, ")"), T::kInt, [a, b, f](const Row& r) {
                  const Ref x = a.eval(r), y = b.eval(r);
                  if (!x.present || !y.present) return Missing();
                  if (f == 0) return Int(int64_t{y.day} - x.day);
                  return Int(MonthsBetween(Date::FromDayNumber(x.day), Date::FromDayNumber(y.day)));
                }};
      }
      case 5: {
        Expr a = Gen(T::kInt, depth - 1), b = Gen(T::kInt, depth - 1);
        return {absl::StrCat("coalesce(", a.text, ", ", b.text, ")"), T::kInt, [a, b](const Row& r) {
                  const Ref x = a.eval(r);
                  return x.present ? x : b.eval(r);
                }};
      }
      default: {
        Expr c = Gen(T::kBool, depth - 1), a = Gen(T::kInt, depth - 1), b = Gen(T::kInt, depth - 1);
        return {absl::StrCat("if(", c.text, ", ", a.text, ", ", b.text, ")"), T::kInt, [c, a, b](const Row& r) {
                  const Ref x = c.eval(r);
                  return x.present && x.b ? a.eval(r) : b.eval(r);
                }};
      }
    }
  }

  Expr DoubleNode(int depth) {
    const T ta = Pick(2) == 0 ? T::kInt : T::kDouble;
    const T tb = Pick(2) == 0 ? T::kInt : T::kDouble;
    Expr a = Gen(ta, depth - 1), b = Gen(tb, depth - 1);
    const int op = (ta == T::kInt && tb == T::kInt) ? 3 : Pick(4);
    static const char* kOps[] = {"+", "-", "*", "/"};
    return {absl::StrCat("(", a.text, " ", kOps[op], " ", b.text, ")"), T::kDouble,
            [a, b, op, ta, tb](const Row& r) {
              const Ref x = AsDouble(a.eval(r), ta), y = AsDouble(b.eval(r), tb);
              if (!x.present || !y.present) return Missing();
              double v = 0;
              switch (op) {
                case 0: v = x.d + y.d; break;
                case 1: v = x.d - y.d; break;
                case 2: v = x.d * y.d; break;
                default:
                  if (y.d == 0) return Missing();
                  v = x.d / y.d;
              }
              return std::isfinite(v) ? Dbl(v) : Missing();
            }};
  }

  Expr BoolNode(int depth) {
    switch (Pick(7)) {
      case 0: case 1: {
        const bool is_and = Pick(2) == 0;
        Expr a = Gen(T::kBool, depth - 1), b = Gen(T::kBool, depth - 1);
        return {absl::StrCat("(", a.text, is_and ? " and " : " or ", b.text, ")"), T::kBool,
                [a, b, is_and](const Row& r) {
                  const Ref x = a.eval(r);
                  if (x.present && x.b != is_and) return Bool(x.b);
                  const Ref y = b.eval(r);
                  if (is_and) {
                    if ((x.present && !x.b) || (y.present && !y.b)) return Bool(false);
                    if (x.present && y.present) return Bool(true);
                  } else {
                    if ((x.present && x.b) || (y.present && y.b)) return Bool(true);
                    if (x.present && y.present) return Bool(false);
                  }
                  return Missing();
                }};
      }
      case 2: {
        Expr a = Gen(T::kBool, depth - 1);
        return {absl::StrCat("not ", a.text), T::kBool, [a](const Row& r) {
                  const Ref x = a.eval(r);
                  return x.present ? Bool(!x.b) : Missing();
                }};
      }
      case 3: {
        const T t = static_cast<T>(Pick(4) == 0 ? 3 : Pick(2));  // int, double or date
        Expr a = Gen(t, depth - 1), b = Gen(t == T::kDate ? T::kDate : static_cast<T>(Pick(2)), depth - 1);
        const T tb = b.type;
        const int op = Pick(6);
        static const char* kOps[] = {"=", "!=", "<", "<=", ">", ">="};
        return {absl::StrCat("(", a.text, " ", kOps[op], " ", b.text, ")"), T::kBool,
                [a, b, op, t, tb](const Row& r) {
                  Ref x = a.eval(r), y = b.eval(r);
                  if (!x.present || !y.present) return Missing();
                  double u, w;
                  if (t == T::kDate) {
                    u = x.day;
                    w = y.day;
                  } else {
                    u = t == T::kInt ? static_cast<double>(x.i) : x.d;
                    w = tb == T::kInt ? static_cast<double>(y.i) : y.d;
                  }
                  switch (op) {
                    case 0: return Bool(u == w);
                    case 1: return Bool(u != w);
                    case 2: return Bool(u < w);
                    case 3: return Bool(u <= w);
                    case 4: return Bool(u > w);
                    default: return Bool(u >= w);
                  }
                }};
      }
      case 4: {
        const T t = static_cast<T>(Pick(4));
        Expr a = Gen(t, depth - 1);
        return {absl::StrCat("is_missing(", a.text, ")"), T::kBool,
                [a](const Row& r) { return Bool(!a.eval(r).present); }};
      }
      case 5: {
        Expr x = Gen(T::kInt, depth - 1), lo = Gen(T::kInt, depth - 1), hi = Gen(T::kInt, depth - 1);
        return {absl::StrCat("(", x.text, " between ", lo.text, " and ", hi.text, ")"), T::kBool,
                [x, lo, hi](const Row& r) {
                  const Ref l = lo.eval(r), v = x.eval(r);
                  const Ref a = v.present && l.present ? Bool(l.i <= v.i) : Missing();
                  if (a.present && !a.b) return Bool(false);
                  const Ref v2 = x.eval(r), h = hi.eval(r);
                  const Ref b = v2.present && h.present ? Bool(v2.i <= h.i) : Missing();
                  if ((a.present && !a.b) || (b.present && !b.b)) return Bool(false);
                  if (a.present && b.present) return Bool(true);
                  return Missing();
                }};
      }
      default: {
        Expr c = Gen(T::kBool, depth - 1), a = Gen(T::kBool, depth - 1), b = Gen(T::kBool, depth - 1);
        return {absl::StrCat("if(", c.text, ", ", a.text, ", ", b.text, ")"), T::kBool, [c, a, b](const Row& r) {
                  const Ref x = c.eval(r);
                  return x.present && x.b ? a.eval(r) : b.eval(r);
                }};
      }
    }
  }

  Expr DateNode(int depth) {
    Expr d = Gen(T::kDate, depth - 1);
    switch (Pick(3)) {
      case 0: {
        Expr n = Gen(T::kInt, depth - 1);
        return {absl::StrCat("(", d.text, " + ", n.text, ")"), T::kDate, [d, n](const Row& r) {
                  const Ref x = d.eval(r), y = n.eval(r);
                  int64_t v = 0;
                  if (!x.present || !y.present || __builtin_add_overflow(int64_t{x.day}, y.i, &v)) return Missing();
                  if (v < Date::FromYmd(1, 1, 1)->day_number() || v > Date::FromYmd(9999, 12, 31)->day_number()) {
                    return Missing();
                  }
                  return Day(static_cast<int32_t>(v));
                }};
      }
      case 1: {
        Expr n = Gen(T::kInt, depth - 1);
        return {absl::StrCat("add_months(", d.text, ", ", n.text, ")"), T::kDate, [d, n](const Row& r) {
                  const Ref x = d.eval(r), y = n.eval(r);
                  if (!x.present || !y.present || y.i < INT32_MIN || y.i > INT32_MAX) return Missing();
                  const std::optional<Date> v = AddMonths(Date::FromDayNumber(x.day), static_cast<int32_t>(y.i));
                  return v ? Day(v->day_number()) : Missing();
                }};
      }
      default: {
        Expr e = Gen(T::kDate, depth - 1);
        return {absl::StrCat("coalesce(", d.text, ", ", e.text, ")"), T::kDate, [d, e](const Row& r) {
                  const Ref x = d.eval(r);
                  return x.present ? x : e.eval(r);
                }};
      }
    }
  }

  std::mt19937 rng_;
};

TEST(RandomizedTest, VectorisedEvaluatorMatchesRowInterpreter) {
  std::mt19937 rng(20260101);
  auto maybe = [&](int missing_in) { return rng() % static_cast<uint32_t>(missing_in) != 0; };
  std::vector<Row> rows(300);
  std::string csv = "record_id,prs_Gender,identified_on,first_service_on,age,score,consent,nick\n";
  for (size_t i = 0; i < rows.size(); ++i) {
    Row& r = rows[i];
    if (maybe(5)) r.age = static_cast<int64_t>(rng() % 61) - 10;
    if (maybe(5)) r.score = (static_cast<int>(rng() % 41) - 20) / 4.0;
    if (maybe(5)) r.consent = rng() % 2 == 0;
    if (maybe(5)) r.identified_on = Date::FromYmd(2023 + rng() % 3, 1 + rng() % 12, 1 + rng() % 31).value_or(Date()).day_number();
    if (maybe(4)) r.first_service_on = Date::FromYmd(2024, 1 + rng() % 12, 1 + rng() % 28)->day_number();
    if (maybe(5)) r.gender = static_cast<int32_t>(rng() % 3);
    if (maybe(5)) r.nick = kNicks[rng() % 4];
    absl::StrAppend(&csv, "R", i, ",", r.gender ? kGenders[*r.gender] : "", ",",
                    r.identified_on ? Date::FromDayNumber(*r.identified_on).ToIsoString() : "", ",",
                    r.first_service_on ? Date::FromDayNumber(*r.first_service_on).ToIsoString() : "", ",",
                    r.age ? absl::StrCat(*r.age) : "", ",", r.score ? absl::StrCat(*r.score) : "", ",",
                    r.consent ? (*r.consent ? "true" : "false") : "", ",", r.nick ? *r.nick : "", "\n");
  }
  const Schema schema = TestSchema();
  Dataset dataset = LoadDataset(schema, {{"victims", csv}});
  EvalContext context(DatasetAccess::Rep(dataset), *Date::ParseIso("2025-06-30"));
  Generator gen(7);
  int compared = 0, overflows = 0;
  for (int k = 0; k < 3000; ++k) {
    const T type = static_cast<T>(k % 4);
    const Expr e = gen.Gen(type, 1 + k % 5);
    Diagnostics d;
    absl::StatusOr<CompiledFormula> f =
        CompileFormula(e.text, Rep(schema), "victims", RequiredType::kAny, &d);
    ASSERT_TRUE(f.ok()) << e.text << ": " << f.status();
    absl::StatusOr<Vector> v = f->Evaluate(context);
    g_overflow = false;
    std::vector<Ref> wants;
    for (const Row& row : rows) wants.push_back(e.eval(row));
    if (g_overflow) {
      ASSERT_EQ(v.status().code(), absl::StatusCode::kOutOfRange) << e.text;
      ++overflows;
      continue;
    }
    ASSERT_TRUE(v.ok()) << e.text << ": " << v.status();
    ASSERT_EQ(v->size, static_cast<int64_t>(rows.size()));
    for (size_t r = 0; r < rows.size(); ++r) {
      const Ref& want = wants[r];
      ASSERT_EQ(v->present[r] != 0, want.present) << e.text << " row " << r;
      if (!want.present) continue;
      switch (v->type) {
        case ValueType::kInt: ASSERT_EQ(v->ints[r], want.i) << e.text << " row " << r; break;
        case ValueType::kDouble:
          ASSERT_DOUBLE_EQ(v->doubles[r], type == T::kInt ? static_cast<double>(want.i) : want.d)
              << e.text << " row " << r;
          break;
        case ValueType::kBool: ASSERT_EQ(v->int32s[r] != 0, want.b) << e.text << " row " << r; break;
        case ValueType::kDate: ASSERT_EQ(v->int32s[r], want.day) << e.text << " row " << r; break;
        default: FAIL() << e.text << " has type " << TypeName(v->type);
      }
      ++compared;
    }
  }
  EXPECT_GT(compared, 100000);
  EXPECT_GT(overflows, 0);
}

}  // namespace
}  // namespace internal
}  // namespace ctind
