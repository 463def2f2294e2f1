// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Month arithmetic and ages, as SEMANTICS.md ("Ages", "Linked tables")
// defines them. These are the functions behind the expression language's
// `add_months`, `months_between` and `age_at`.
//
// Thread safety: all functions are pure.

#ifndef CTIND_PERIOD_CALENDAR_H_
#define CTIND_PERIOD_CALENDAR_H_

#include <cstdint>
#include <optional>

#include "ctind/date.h"

namespace ctind {

// `d` moved by `n` calendar months (n may be negative or zero), with the day
// clamped to the last day of the target month: 2025-01-31 + 1 = 2025-02-28,
// 2024-01-31 + 1 = 2024-02-29, 2024-02-29 + 1 = 2024-03-29 (the day is kept,
// never "snapped" to the end of the month). Returns nullopt when the result
// lies outside [Date::kMinYear, Date::kMaxYear]; never overflows.
std::optional<Date> AddMonths(Date d, int32_t n);

// The largest n such that AddMonths(a, n) <= b, so 2025-01-31 to 2025-02-28
// is 1 and 2025-01-31 to 2025-02-27 is 0. Zero or positive when a <= b,
// negative when b < a. For b < a this is the floor of the month difference,
// not its negation: MonthsBetween(2025-01-15, 2025-01-14) is -1 although
// MonthsBetween(2025-01-14, 2025-01-15) is 0. Total: the comparison is made
// in the unbounded proleptic Gregorian calendar, so a result n for which
// AddMonths(a, n) would leave Date's range is still returned.
int32_t MonthsBetween(Date a, Date b);

// The age in completed years of a person born on `birth`, on `on`. A
// 29 February birthday falls on 1 March in common years (born 2008-02-29:
// 16 on 2025-02-28, 17 on 2025-03-01). Returns 0 on the day of birth and
// nullopt when `birth` is after `on` (an invalid age, treated as missing).
std::optional<int32_t> AgeInCompletedYears(Date birth, Date on);

// Completed years from `a` to `b` with the anniversary rule of
// AgeInCompletedYears: equal to *AgeInCompletedYears(a, b) when a <= b, and
// defined as -YearsBetween(b, a) when b < a (truncation toward zero, so
// YearsBetween(a, b) == -YearsBetween(b, a) always; note that MonthsBetween
// rounds toward negative infinity instead). Total.
int32_t YearsBetween(Date a, Date b);

}  // namespace ctind

#endif  // CTIND_PERIOD_CALENDAR_H_
