// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Calendar arithmetic on day numbers (days since 1970-01-01, as ctind::Date)
// for the generator.

#ifndef CTIND_TOOLS_GENERATE_CALENDAR_H_
#define CTIND_TOOLS_GENERATE_CALENDAR_H_

#include <cstdint>

#include "ctind/date.h"

namespace ctind {
namespace generate {

inline int32_t DayNumber(int32_t year, int32_t month, int32_t day) {
  return Date::FromYmd(year, month, day)->day_number();
}

// `day` plus `months` calendar months, clamped to the month's last day
// (31 January + 1 month = 28 or 29 February), as SEMANTICS.md's add_months.
inline int32_t AddMonths(int32_t day, int32_t months) {
  const YearMonthDay ymd = Date::FromDayNumber(day).ToYmd();
  const int32_t total = ymd.year * 12 + (ymd.month - 1) + months;
  const int32_t year = total / 12;
  const int32_t month = total % 12 + 1;
  const int32_t last = DaysInMonth(year, month);
  return DayNumber(year, month, ymd.day > last ? last : ymd.day);
}

// `day` minus `years` years, 29 February going to 28 February: the last
// birth date at which a person is `years` old (in completed years, with a
// 29 February birthday falling on 1 March) on `day`.
inline int32_t YearsBefore(int32_t day, int32_t years) {
  const YearMonthDay ymd = Date::FromDayNumber(day).ToYmd();
  const int32_t year = ymd.year - years;
  const int32_t last = DaysInMonth(year, ymd.month);
  return DayNumber(year, ymd.month, ymd.day > last ? last : ymd.day);
}

inline int32_t YearOf(int32_t day) { return Date::FromDayNumber(day).ToYmd().year; }
inline int32_t MonthOf(int32_t day) { return Date::FromDayNumber(day).ToYmd().month; }

}  // namespace generate
}  // namespace ctind

#endif  // CTIND_TOOLS_GENERATE_CALENDAR_H_
