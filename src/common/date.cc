// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "ctind/date.h"

#include <cstdint>
#include <cstdio>
#include <vector>

namespace ctind {
namespace {

// Days from 1970-01-01 to y-m-d, proleptic Gregorian (H. Hinnant's
// days_from_civil). Valid for every date in [kMinYear, kMaxYear].
constexpr int32_t DaysFromCivil(int32_t y, int32_t m, int32_t d) {
  y -= m <= 2 ? 1 : 0;
  const int32_t era = (y >= 0 ? y : y - 399) / 400;
  const int32_t yoe = y - era * 400;
  const int32_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace

int32_t DaysInMonth(int32_t year, int32_t month) {
  static constexpr int32_t kDays[12] = {31, 28, 31, 30, 31, 30,
                                        31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

std::optional<Date> Date::FromYmd(int32_t year, int32_t month, int32_t day) {
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12 ||
      day < 1 || day > DaysInMonth(year, month)) {
    return std::nullopt;
  }
  return Date(DaysFromCivil(year, month, day));
}

std::optional<Date> Date::ParseIso(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto digits = [&](size_t from, size_t count, int32_t* out) {
    int32_t v = 0;
    for (size_t i = from; i < from + count; ++i) {
      const char c = text[i];
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    *out = v;
    return true;
  };
  int32_t y = 0, m = 0, d = 0;
  if (!digits(0, 4, &y) || !digits(5, 2, &m) || !digits(8, 2, &d)) {
    return std::nullopt;
  }
  return FromYmd(y, m, d);
}

namespace {

// H. Hinnant's civil_from_days.
YearMonthDay CivilFromDays(int32_t days) {
  const int32_t z = days + 719468;
  const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int32_t doe = z - era * 146097;
  const int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int32_t mp = (5 * doy + 2) / 153;
  const int32_t d = doy - (153 * mp + 2) / 5 + 1;
  const int32_t m = mp < 10 ? mp + 3 : mp - 9;
  const int32_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return {y, m, d};
}

// The dates case records hold (1900-01-01 .. 2099-12-31) by day number,
// packed year << 9 | month << 5 | day: engines convert day numbers to
// calendar dates per record (ages, periods), and a lookup is cheaper.
struct CivilTable {
  static constexpr int32_t kFirst = DaysFromCivil(1900, 1, 1);
  static constexpr int32_t kEnd = DaysFromCivil(2100, 1, 1);
  std::vector<uint32_t> packed;
  CivilTable() : packed(static_cast<size_t>(kEnd - kFirst)) {
    for (int32_t d = kFirst; d < kEnd; ++d) {
      const YearMonthDay ymd = CivilFromDays(d);
      packed[static_cast<size_t>(d - kFirst)] =
          static_cast<uint32_t>(ymd.year) << 9 | static_cast<uint32_t>(ymd.month) << 5 |
          static_cast<uint32_t>(ymd.day);
    }
  }
};

}  // namespace

YearMonthDay Date::ToYmd() const {
  static const CivilTable* const table = new CivilTable();
  if (days_ >= CivilTable::kFirst && days_ < CivilTable::kEnd) {
    const uint32_t p = table->packed[static_cast<size_t>(days_ - CivilTable::kFirst)];
    return {static_cast<int32_t>(p >> 9), static_cast<int32_t>((p >> 5) & 15),
            static_cast<int32_t>(p & 31)};
  }
  return CivilFromDays(days_);
}

std::string Date::ToIsoString() const {
  const YearMonthDay ymd = ToYmd();
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "%04d-%02d-%02d", ymd.year, ymd.month,
                ymd.day);
  return buffer;
}

int32_t Date::IsoWeekday() const {
  // 1970-01-01 was a Thursday (ISO 4).
  const int32_t r = ((days_ % 7) + 7 + 3) % 7;  // 0 = Monday
  return r + 1;
}

}  // namespace ctind
