// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Reporting periods: half-open date ranges [start, end) named by DHIS2-style
// identifiers, as SEMANTICS.md ("Periods") defines them.
//
// Range: every Period has start and end (the first day after the period)
// inside [0001-01-01, 9999-12-31], and an id whose year is 0001..9999. A
// period whose first day would fall before 0001-01-01, whose exclusive end
// would fall after 9999-12-31 (such as any period containing 9999-12-31), or
// which is a quarter of a financial year starting before 0001 (0000OctQ2)
// cannot be represented; the functions below return OutOfRange for it.
//
// Thread safety: value types; all functions are pure and may be called
// concurrently.

#ifndef CTIND_PERIOD_PERIOD_H_
#define CTIND_PERIOD_PERIOD_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "ctind/date.h"

namespace ctind {

enum class PeriodType {
  // yyyyMMdd
  kDaily,
  // yyyyWn: ISO week (Monday..Sunday) named by its ISO week-year, the year
  // of its Thursday; n without zero padding (2025W7; 2024-12-30 is 2025W1).
  kWeekly,
  // yyyyMM
  kMonthly,
  // yyyyQn
  kQuarterly,
  // yyyySn: S1 = January..June, S2 = July..December.
  kSixMonthly,
  // yyyyAprilSn: S1 = April..September yyyy, S2 = October yyyy..March yyyy+1.
  kSixMonthlyApril,
  // yyyy
  kYearly,
  // yyyy<Mon>: twelve months from month start_month of yyyy, named by the
  // calendar year it starts in. <Mon> is April, July, Sep, Oct, Nov (DHIS2's
  // names) or, for the other start months, Jan, Feb, Mar, May, Jun, Aug, Dec.
  // 2025Jan has the dates of 2025 but is a distinct type.
  kFinancialYear,
  // yyyy<Mon>Qn: quarter n of financial year yyyy<Mon> (2025OctQ1 is
  // October..December 2025, 2025OctQ4 July..September 2026).
  kFinancialQuarter,
  // A user-named range made by CustomPeriod. It has no calendar:
  // PeriodContaining and PeriodsOverlapping reject it, ParsePeriodId never
  // produces it.
  kCustom,
};

struct PeriodKind {
  PeriodType type;
  // The month (1..12) in which the financial year starts. Meaningful only
  // for kFinancialYear and kFinancialQuarter; ignored for the other types
  // (periods returned below carry 1 there).
  int32_t start_month = 1;
};

// Equal when the types are equal and, for the financial types only, the
// start months are equal.
bool operator==(PeriodKind a, PeriodKind b);
inline bool operator!=(PeriodKind a, PeriodKind b) { return !(a == b); }

struct Period {
  PeriodKind kind;
  Date start;      // first day
  Date end;        // first day after the period: the period is [start, end)
  std::string id;  // DHIS2-style identifier; for kCustom, the user's id
  bool Contains(Date d) const { return start <= d && d < end; }
};

// Equal when kind, bounds and id are equal.
bool operator==(const Period& a, const Period& b);
inline bool operator!=(const Period& a, const Period& b) { return !(a == b); }

// The period of `kind` containing `d`, with its canonical identifier.
// O(1); allocates nothing but the id (short enough for the small-string
// buffer of common standard libraries).
// Errors: InvalidArgument when kind.type is kCustom or not an enumerator, or
// a financial kind's start_month is outside 1..12; OutOfRange when `d` or
// the period containing it leaves Date's range (see the top of this file).
absl::StatusOr<Period> PeriodContaining(PeriodKind kind, Date d);

// Parses an identifier of any form listed in PeriodType (not kCustom),
// exactly as written: case-sensitive, no surrounding spaces, a four-digit
// year 0001..9999, no zero padding of week, quarter or half numbers. The
// result's id equals `id`.
// Errors: InvalidArgument, with a message quoting the identifier and listing
// the accepted forms, for anything else (""; " 2025"; "25Q1"; "2025Q5";
// "2025W0"; "2025W07"; "2025W53" when ISO year 2025 has 52 weeks;
// "20250230"; "2025Foo"; "2025Apr"); OutOfRange for a well-formed id whose
// period leaves Date's range ("9999", "9999Oct", "9999W52"; "0001April" is
// in range).
absl::StatusOr<Period> ParsePeriodId(std::string_view id);

// Every period of `kind` that overlaps [from, to_exclusive), in
// chronological order: the first contains `from`, the last contains
// to_exclusive - 1 day, and each starts where the previous ends. Empty when
// from >= to_exclusive. The result has one element per period, so a daily
// kind over a long range is large.
// Errors: InvalidArgument for an invalid kind, as PeriodContaining (even
// when the range is empty); OutOfRange when a period of the result is not
// representable.
absl::StatusOr<std::vector<Period>> PeriodsOverlapping(PeriodKind kind,
                                                       Date from,
                                                       Date to_exclusive);

// A custom reporting period [start, end_inclusive + 1 day) named `id`, with
// the inclusive end date as users write it. Its kind is {kCustom, 1}.
// Errors: InvalidArgument when `id` is empty or end_inclusive < start;
// OutOfRange when end_inclusive is 9999-12-31 (the exclusive end is not
// representable) or a date is outside Date's range.
absl::StatusOr<Period> CustomPeriod(std::string id, Date start,
                                    Date end_inclusive);

// A short English name of `kind` for messages: "daily", "weekly",
// "monthly", "quarterly", "six-monthly", "six-monthly (April)", "yearly",
// "financial year (October)", "financial quarter (July)", "custom". Never
// fails: an invalid start month or type gives a name that says so.
std::string PeriodKindName(PeriodKind kind);

}  // namespace ctind

#endif  // CTIND_PERIOD_PERIOD_H_
