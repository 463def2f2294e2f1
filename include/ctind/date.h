// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// A calendar date in the proleptic Gregorian calendar, stored as the number
// of days since 1970-01-01. This is the representation of every date column
// and every period bound in ctind: cheap to compare, subtract and hash.
//
// Thread safety: a value type; all functions are pure.

#ifndef CTIND_DATE_H_
#define CTIND_DATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ctind {

struct YearMonthDay {
  int32_t year;
  int32_t month;  // 1..12
  int32_t day;    // 1..31
};

class Date {
 public:
  // The first and last dates ctind accepts: 0001-01-01 and 9999-12-31.
  // Every Date constructed through FromYmd or Parse lies in this range.
  static constexpr int32_t kMinYear = 1;
  static constexpr int32_t kMaxYear = 9999;

  // 1970-01-01.
  constexpr Date() = default;

  // The date with this day number (days since 1970-01-01). The caller
  // guarantees the day lies in [kMinYear, kMaxYear].
  static constexpr Date FromDayNumber(int32_t days) { return Date(days); }

  // The date y-m-d, or nullopt when it does not exist (2025-02-30) or lies
  // outside [kMinYear, kMaxYear].
  static std::optional<Date> FromYmd(int32_t year, int32_t month, int32_t day);

  // Parses exactly "YYYY-MM-DD" (ISO 8601 calendar date, four-digit year);
  // nullopt for anything else, including dates that do not exist.
  static std::optional<Date> ParseIso(std::string_view text);

  constexpr int32_t day_number() const { return days_; }
  YearMonthDay ToYmd() const;
  int32_t year() const { return ToYmd().year; }

  // "YYYY-MM-DD".
  std::string ToIsoString() const;

  // Day of the week, ISO numbering: 1 = Monday … 7 = Sunday.
  int32_t IsoWeekday() const;

  constexpr Date AddDays(int32_t n) const { return Date(days_ + n); }

  friend constexpr bool operator==(Date a, Date b) { return a.days_ == b.days_; }
  friend constexpr bool operator!=(Date a, Date b) { return a.days_ != b.days_; }
  friend constexpr bool operator<(Date a, Date b) { return a.days_ < b.days_; }
  friend constexpr bool operator<=(Date a, Date b) { return a.days_ <= b.days_; }
  friend constexpr bool operator>(Date a, Date b) { return a.days_ > b.days_; }
  friend constexpr bool operator>=(Date a, Date b) { return a.days_ >= b.days_; }

 private:
  constexpr explicit Date(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

// True when `year` is a Gregorian leap year.
constexpr bool IsLeapYear(int32_t year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// Number of days in `month` (1..12) of `year`.
int32_t DaysInMonth(int32_t year, int32_t month);

}  // namespace ctind

#endif  // CTIND_DATE_H_
