// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Plain integer arithmetic on year/month/day rather than Boost.Date_Time:
// boost::gregorian's month arithmetic snaps end-of-month dates to the end of
// the target month (2024-02-29 + 1 month = 2024-03-31), which contradicts
// SEMANTICS.md, and its years stop at 1400 while Date starts at year 1.

#include "period/calendar.h"

#include <cstdint>
#include <optional>

#include "ctind/date.h"

namespace ctind {
namespace {

// The anniversary of `birth` in `year`: 29 February becomes 1 March in
// common years. Returned as month * 100 + day, comparable as an integer.
int32_t AnniversaryKey(const YearMonthDay& birth, int32_t year) {
  if (birth.month == 2 && birth.day == 29 && !IsLeapYear(year)) return 301;
  return birth.month * 100 + birth.day;
}

// Completed years from `from` to `to`; requires from <= to.
int32_t CompletedYears(Date from, Date to) {
  const YearMonthDay f = from.ToYmd();
  const YearMonthDay t = to.ToYmd();
  int32_t years = t.year - f.year;
  if (t.month * 100 + t.day < AnniversaryKey(f, t.year)) --years;
  return years;
}

}  // namespace

std::optional<Date> AddMonths(Date d, int32_t n) {
  const YearMonthDay ymd = d.ToYmd();
  // 64 bits: n may be any int32_t.
  const int64_t index = int64_t{ymd.year} * 12 + (ymd.month - 1) + n;
  if (index < int64_t{Date::kMinYear} * 12 ||
      index >= (int64_t{Date::kMaxYear} + 1) * 12) {
    return std::nullopt;
  }
  const int32_t year = static_cast<int32_t>(index / 12);
  const int32_t month = static_cast<int32_t>(index % 12) + 1;
  const int32_t last_day = DaysInMonth(year, month);
  return Date::FromYmd(year, month, ymd.day < last_day ? ymd.day : last_day);
}

int32_t MonthsBetween(Date a, Date b) {
  const YearMonthDay ya = a.ToYmd();
  const YearMonthDay yb = b.ToYmd();
  // AddMonths(a, n) is strictly increasing in n and AddMonths(a, n0) lies in
  // b's month, so the answer is n0 or, when that lands after b, n0 - 1
  // (which lands in the month before b's, hence before b).
  const int32_t n0 = (yb.year - ya.year) * 12 + (yb.month - ya.month);
  const int32_t last_day = DaysInMonth(yb.year, yb.month);
  const int32_t day = ya.day < last_day ? ya.day : last_day;
  return day <= yb.day ? n0 : n0 - 1;
}

std::optional<int32_t> AgeInCompletedYears(Date birth, Date on) {
  if (on < birth) return std::nullopt;
  return CompletedYears(birth, on);
}

int32_t YearsBetween(Date a, Date b) {
  return a <= b ? CompletedYears(a, b) : -CompletedYears(b, a);
}

}  // namespace ctind
