// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Periods are computed with integer arithmetic on day numbers and month
// indices (year * 12 + month - 1) rather than Boost.Date_Time: boost::gregorian
// starts at 1400-01-01 while Date starts at 0001-01-01, and the ISO week rule
// (a week belongs to the ISO year of its Thursday) is a few lines here.
//
// PeriodContaining and ParsePeriodId both end in the same three builders
// (DayPeriod, WeekPeriod, MonthPeriod), which alone make ids; so a parsed id
// and the id of the period containing its start agree by construction.

#include "period/period.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "ctind/date.h"

namespace ctind {
namespace {

// Day numbers of 0001-01-01 and 9999-12-31 (period_test checks them against
// Date::FromYmd).
constexpr int32_t kMinDay = -719162;
constexpr int32_t kMaxDay = 2932896;

// Month indices (year * 12 + month - 1) of January 0001 and of January
// 10000, one past the last month.
constexpr int32_t kMinMonthIndex = Date::kMinYear * 12;
constexpr int32_t kEndMonthIndex = (Date::kMaxYear + 1) * 12;

// Financial-year month tokens, indexed by month - 1: DHIS2's names where
// DHIS2 has the period type, else three-letter English abbreviations.
constexpr absl::string_view kMonthTokens[12] = {"Jan", "Feb", "Mar",  "April",
                                                "May", "Jun", "July", "Aug",
                                                "Sep", "Oct", "Nov",  "Dec"};

constexpr absl::string_view kMonthNames[12] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

constexpr absl::string_view kAcceptedForms =
    "accepted forms: yyyyMMdd (daily), yyyyWn (ISO week, n = 1..53 without "
    "zero padding), yyyyMM (monthly), yyyyQn (quarterly), yyyySn "
    "(six-monthly), yyyyAprilSn (six-monthly from April), yyyy (yearly), "
    "yyyy<Mon> (financial year starting in <Mon>, one of Jan Feb Mar April "
    "May Jun July Aug Sep Oct Nov Dec) and yyyy<Mon>Qn (its quarters), with "
    "a four-digit year 0001..9999";

bool IsFinancial(PeriodType type) {
  return type == PeriodType::kFinancialYear ||
         type == PeriodType::kFinancialQuarter;
}

// A fixed-capacity buffer for ids; the longest id is 11 characters
// ("2025AprilS1", "2025AprilQ4").
class IdWriter {
 public:
  void Year(int32_t year) {
    Digits(year / 1000 % 10);
    Digits(year / 100 % 10);
    Digits(year / 10 % 10);
    Digits(year % 10);
  }
  void TwoDigits(int32_t v) {
    Digits(v / 10 % 10);
    Digits(v % 10);
  }
  // 1..99 without padding.
  void Number(int32_t v) {
    if (v >= 10) Digits(v / 10 % 10);
    Digits(v % 10);
  }
  void Text(absl::string_view text) {
    for (char c : text) Put(c);
  }
  std::string ToString() const { return std::string(buffer_, size_); }

 private:
  void Digits(int32_t digit) { Put(static_cast<char>('0' + digit)); }
  void Put(char c) {
    if (size_ < sizeof(buffer_)) buffer_[size_++] = c;
  }
  char buffer_[16];
  size_t size_ = 0;
};

// How a month-aligned type tiles the calendar: periods of `length` months,
// one of which starts in `first_month` (1..12).
struct MonthLayout {
  int32_t length;
  int32_t first_month;
};

std::optional<MonthLayout> LayoutOf(PeriodKind kind) {
  switch (kind.type) {
    case PeriodType::kMonthly:
      return MonthLayout{1, 1};
    case PeriodType::kQuarterly:
      return MonthLayout{3, 1};
    case PeriodType::kSixMonthly:
      return MonthLayout{6, 1};
    case PeriodType::kSixMonthlyApril:
      return MonthLayout{6, 4};
    case PeriodType::kYearly:
      return MonthLayout{12, 1};
    case PeriodType::kFinancialYear:
      return MonthLayout{12, kind.start_month};
    case PeriodType::kFinancialQuarter:
      return MonthLayout{3, kind.start_month};
    default:
      return std::nullopt;
  }
}

// The kind with start_month 1 where it is not meaningful; InvalidArgument
// for kCustom, values outside the enumeration and bad start months.
absl::StatusOr<PeriodKind> NormalizeKind(PeriodKind kind) {
  switch (kind.type) {
    case PeriodType::kDaily:
    case PeriodType::kWeekly:
    case PeriodType::kMonthly:
    case PeriodType::kQuarterly:
    case PeriodType::kSixMonthly:
    case PeriodType::kSixMonthlyApril:
    case PeriodType::kYearly:
      return PeriodKind{kind.type, 1};
    case PeriodType::kFinancialYear:
    case PeriodType::kFinancialQuarter:
      if (kind.start_month < 1 || kind.start_month > 12) {
        return absl::InvalidArgumentError(
            absl::StrCat(PeriodKindName(kind), ": start_month must be 1..12"));
      }
      return kind;
    case PeriodType::kCustom:
      return absl::InvalidArgumentError(
          "custom periods have no calendar; they are made by CustomPeriod, "
          "not derived from a date");
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown period type ", static_cast<int>(kind.type)));
}

bool InDateRange(Date d) {
  return d.day_number() >= kMinDay && d.day_number() <= kMaxDay;
}

// "YYYY-MM-DD" for dates in range, else the day number.
std::string DateText(Date d) {
  if (InDateRange(d)) return d.ToIsoString();
  return absl::StrCat("day number ", d.day_number());
}

// The period of normalized month-aligned `kind` that starts in month index
// `start_index` and lasts `length` months; nullopt when it leaves Date's
// range or is a quarter of a financial year starting before 0001.
std::optional<Period> MonthPeriod(PeriodKind kind, int32_t start_index,
                                  int32_t length) {
  const int32_t end_index = start_index + length;
  if (start_index < kMinMonthIndex || end_index >= kEndMonthIndex) {
    return std::nullopt;
  }
  const int32_t year = start_index / 12;
  const int32_t month = start_index % 12 + 1;
  IdWriter id;
  switch (kind.type) {
    case PeriodType::kMonthly:
      id.Year(year);
      id.TwoDigits(month);
      break;
    case PeriodType::kQuarterly:
      id.Year(year);
      id.Text("Q");
      id.Number((month - 1) / 3 + 1);
      break;
    case PeriodType::kSixMonthly:
      id.Year(year);
      id.Text("S");
      id.Number(month == 1 ? 1 : 2);
      break;
    case PeriodType::kSixMonthlyApril:
      // S1 starts in April, S2 in October, both of the named year.
      id.Year(year);
      id.Text("AprilS");
      id.Number(month == 4 ? 1 : 2);
      break;
    case PeriodType::kYearly:
      id.Year(year);
      break;
    case PeriodType::kFinancialYear:
      id.Year(year);
      id.Text(kMonthTokens[month - 1]);
      break;
    case PeriodType::kFinancialQuarter: {
      // Named by the financial year, which started in this calendar year
      // or the previous one; a year before 0001 has no identifier.
      const int32_t months_into_year = (month - kind.start_month + 12) % 12;
      const int32_t financial_year =
          month >= kind.start_month ? year : year - 1;
      if (financial_year < Date::kMinYear) return std::nullopt;
      id.Year(financial_year);
      id.Text(kMonthTokens[kind.start_month - 1]);
      id.Text("Q");
      id.Number(months_into_year / 3 + 1);
      break;
    }
    default:
      return std::nullopt;
  }
  const std::optional<Date> start = Date::FromYmd(year, month, 1);
  const std::optional<Date> end =
      Date::FromYmd(end_index / 12, end_index % 12 + 1, 1);
  if (!start.has_value() || !end.has_value()) return std::nullopt;
  return Period{kind, *start, *end, id.ToString()};
}

// The ISO week (Monday..Sunday) containing `d`, named by the ISO week-year
// of its Thursday; nullopt when it leaves Date's range. Requires `d` in
// range.
std::optional<Period> WeekPeriod(Date d) {
  const int32_t monday = d.day_number() - (d.IsoWeekday() - 1);
  if (monday < kMinDay || monday + 7 > kMaxDay) return std::nullopt;
  const Date thursday = Date::FromDayNumber(monday + 3);
  const int32_t iso_year = thursday.year();
  const std::optional<Date> jan1 = Date::FromYmd(iso_year, 1, 1);
  if (!jan1.has_value()) return std::nullopt;
  IdWriter id;
  id.Year(iso_year);
  id.Text("W");
  id.Number((thursday.day_number() - jan1->day_number()) / 7 + 1);
  return Period{PeriodKind{PeriodType::kWeekly, 1}, Date::FromDayNumber(monday),
                Date::FromDayNumber(monday + 7), id.ToString()};
}

// The day `d`; nullopt when `d` is 9999-12-31 (its end is not
// representable). Requires `d` in range.
std::optional<Period> DayPeriod(Date d) {
  if (d.day_number() >= kMaxDay) return std::nullopt;
  const YearMonthDay ymd = d.ToYmd();
  IdWriter id;
  id.Year(ymd.year);
  id.TwoDigits(ymd.month);
  id.TwoDigits(ymd.day);
  return Period{PeriodKind{PeriodType::kDaily, 1}, d, d.AddDays(1),
                id.ToString()};
}

// Weeks in ISO week-year `year`: 53 when 1 January is a Thursday, or a
// Wednesday in a leap year; else 52.
int32_t IsoWeeksInYear(Date jan1, int32_t year) {
  const int32_t weekday = jan1.IsoWeekday();
  return weekday == 4 || (weekday == 3 && IsLeapYear(year)) ? 53 : 52;
}

// ---- Parsing ----

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The value of `text` when it is 1..9 ASCII digits, else nullopt.
std::optional<int32_t> ParseDigits(absl::string_view text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  int32_t value = 0;
  for (char c : text) {
    if (!IsDigit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// `id` C-escaped (so spaces and control characters show) and shortened.
std::string Quote(absl::string_view id) {
  constexpr size_t kMaxShown = 40;
  if (id.size() <= kMaxShown) {
    return absl::StrCat("\"", absl::CHexEscape(id), "\"");
  }
  return absl::StrCat("\"", absl::CHexEscape(id.substr(0, kMaxShown)), "\"...");
}

absl::Status BadId(absl::string_view id, absl::string_view reason) {
  return absl::InvalidArgumentError(absl::StrCat("invalid period identifier ",
                                                 Quote(id), ": ", reason, "; ",
                                                 kAcceptedForms));
}

// A number after a marker letter ("W7", "Q3"): 1..2 digits without a leading
// zero; nullopt otherwise.
std::optional<int32_t> ParseOrdinal(absl::string_view digits) {
  if (digits.empty() || digits.size() > 2 || digits[0] == '0') {
    return std::nullopt;
  }
  return ParseDigits(digits);
}

// The month (1..12) whose English name `text` begins with, ignoring case,
// judged by the first three letters ("apr", "Sept", "JUL"); for hints only.
std::optional<int32_t> GuessMonth(absl::string_view text) {
  if (text.size() < 3) return std::nullopt;
  auto lower = [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  };
  for (int32_t m = 0; m < 12; ++m) {
    const absl::string_view name = kMonthNames[m];
    if (lower(text[0]) == lower(name[0]) && lower(text[1]) == name[1] &&
        lower(text[2]) == name[2]) {
      return m + 1;
    }
  }
  return std::nullopt;
}

// What ParseId found: a kind and either the month index of the first month
// (month-aligned kinds) or a day inside the period (daily and weekly).
struct ParsedId {
  PeriodKind kind;
  int32_t start_index;
  Date day;
};

ParsedId MonthAligned(PeriodKind kind, int32_t start_index) {
  return ParsedId{kind, start_index, Date()};
}

ParsedId DayAligned(PeriodKind kind, Date day) {
  return ParsedId{kind, 0, day};
}

// Parses "<Mon>", "AprilSn" or "<Mon>Qn" after the year.
absl::StatusOr<ParsedId> ParseMonthTokenForm(absl::string_view id, int32_t year,
                                             absl::string_view rest) {
  int32_t month = 0;
  for (int32_t m = 0; m < 12; ++m) {
    if (rest.substr(0, kMonthTokens[m].size()) == kMonthTokens[m]) {
      month = m + 1;
      break;
    }
  }
  if (month == 0) {
    const std::optional<int32_t> guess = GuessMonth(rest);
    if (guess.has_value()) {
      return BadId(id,
                   absl::StrCat("the month token for ", kMonthNames[*guess - 1],
                                " is \"", kMonthTokens[*guess - 1],
                                "\" (case-sensitive)"));
    }
    return BadId(id, "unrecognized text after the year");
  }
  const absl::string_view token = kMonthTokens[month - 1];
  const absl::string_view suffix = rest.substr(token.size());
  const int32_t first = year * 12 + month - 1;
  if (suffix.empty()) {
    return MonthAligned(PeriodKind{PeriodType::kFinancialYear, month}, first);
  }
  if (suffix[0] == 'S' && month == 4) {
    const std::optional<int32_t> half = ParseOrdinal(suffix.substr(1));
    if (!half.has_value() || *half > 2) {
      return BadId(id, "the half after \"AprilS\" must be 1 or 2");
    }
    return MonthAligned(PeriodKind{PeriodType::kSixMonthlyApril, 1},
                        first + (*half - 1) * 6);
  }
  if (suffix[0] == 'Q') {
    const std::optional<int32_t> quarter = ParseOrdinal(suffix.substr(1));
    if (!quarter.has_value() || *quarter > 4) {
      return BadId(id, "a financial quarter must be Q1..Q4");
    }
    return MonthAligned(PeriodKind{PeriodType::kFinancialQuarter, month},
                        first + (*quarter - 1) * 3);
  }
  return BadId(id, absl::StrCat("unrecognized text after \"", token, "\"",
                                month == 4 ? " (expected S1, S2 or Q1..Q4)"
                                           : " (expected Q1..Q4)"));
}

absl::StatusOr<ParsedId> ParseId(absl::string_view id) {
  if (id.empty()) return BadId(id, "the identifier is empty");
  if (id.size() < 4 || !IsDigit(id[0]) || !IsDigit(id[1]) || !IsDigit(id[2]) ||
      !IsDigit(id[3])) {
    return BadId(id, "it must begin with a four-digit year");
  }
  const int32_t year = *ParseDigits(id.substr(0, 4));
  if (year < Date::kMinYear) return BadId(id, "the year must be 0001..9999");
  const absl::string_view rest = id.substr(4);

  if (rest.empty()) {
    return MonthAligned(PeriodKind{PeriodType::kYearly, 1}, year * 12);
  }
  if (IsDigit(rest[0])) {
    const std::optional<int32_t> digits = ParseDigits(rest);
    if (!digits.has_value() || (rest.size() != 2 && rest.size() != 4)) {
      return BadId(id,
                   "an all-digit identifier has 4 (yyyy), 6 (yyyyMM) or 8 "
                   "(yyyyMMdd) digits");
    }
    const int32_t month = rest.size() == 2 ? *digits : *digits / 100;
    if (month < 1 || month > 12) return BadId(id, "the month must be 01..12");
    if (rest.size() == 2) {
      return MonthAligned(PeriodKind{PeriodType::kMonthly, 1},
                          year * 12 + month - 1);
    }
    const int32_t day_of_month = *digits % 100;
    const std::optional<Date> day = Date::FromYmd(year, month, day_of_month);
    if (!day.has_value()) {
      return BadId(id, absl::StrCat("day ", day_of_month, " does not exist in ",
                                    kMonthNames[month - 1], " ", year));
    }
    return DayAligned(PeriodKind{PeriodType::kDaily, 1}, *day);
  }
  // "S" followed by a non-digit starts a month token ("Sep"), not a half.
  const bool is_month_token =
      rest[0] == 'S' && rest.size() > 1 && !IsDigit(rest[1]);
  switch (is_month_token ? '\0' : rest[0]) {
    case 'W': {
      const std::optional<int32_t> week = ParseOrdinal(rest.substr(1));
      if (!week.has_value()) {
        return BadId(id,
                     "the week after \"W\" must be a number 1..53 without "
                     "zero padding");
      }
      // Both exist: 1 <= year <= 9999.
      const Date jan1 = *Date::FromYmd(year, 1, 1);
      const Date jan4 = *Date::FromYmd(year, 1, 4);
      const int32_t weeks = IsoWeeksInYear(jan1, year);
      if (*week > weeks) {
        return BadId(id, absl::StrCat("ISO week-year ", id.substr(0, 4),
                                      " has weeks 1..", weeks));
      }
      // Week 1 is the week containing 4 January; every week of an ISO year
      // 0001..9999 starts inside Date's range.
      const int32_t monday =
          jan4.day_number() - (jan4.IsoWeekday() - 1) + (*week - 1) * 7;
      return DayAligned(PeriodKind{PeriodType::kWeekly, 1},
                        Date::FromDayNumber(monday));
    }
    case 'Q': {
      const std::optional<int32_t> quarter = ParseOrdinal(rest.substr(1));
      if (!quarter.has_value() || *quarter > 4) {
        return BadId(id, "the quarter must be Q1..Q4");
      }
      return MonthAligned(PeriodKind{PeriodType::kQuarterly, 1},
                          year * 12 + (*quarter - 1) * 3);
    }
    case 'S': {
      const std::optional<int32_t> half = ParseOrdinal(rest.substr(1));
      if (!half.has_value() || *half > 2) {
        return BadId(id, "the half must be S1 or S2");
      }
      return MonthAligned(PeriodKind{PeriodType::kSixMonthly, 1},
                          year * 12 + (*half - 1) * 6);
    }
    default:
      return ParseMonthTokenForm(id, year, rest);
  }
}

}  // namespace

bool operator==(PeriodKind a, PeriodKind b) {
  return a.type == b.type &&
         (!IsFinancial(a.type) || a.start_month == b.start_month);
}

bool operator==(const Period& a, const Period& b) {
  return a.kind == b.kind && a.start == b.start && a.end == b.end &&
         a.id == b.id;
}

absl::StatusOr<Period> PeriodContaining(PeriodKind kind, Date d) {
  absl::StatusOr<PeriodKind> normalized = NormalizeKind(kind);
  if (!normalized.ok()) return std::move(normalized).status();
  std::optional<Period> period;
  if (InDateRange(d)) {
    if (normalized->type == PeriodType::kDaily) {
      period = DayPeriod(d);
    } else if (normalized->type == PeriodType::kWeekly) {
      period = WeekPeriod(d);
    } else if (const std::optional<MonthLayout> layout =
                   LayoutOf(*normalized)) {
      const YearMonthDay ymd = d.ToYmd();
      const int32_t month_index = ymd.year * 12 + ymd.month - 1;
      // month_index - offset >= 12 - 11 > 0, so plain division floors.
      const int32_t offset = layout->first_month - 1;
      const int32_t start_index =
          (month_index - offset) / layout->length * layout->length + offset;
      period = MonthPeriod(*normalized, start_index, layout->length);
    }
  }
  if (!period.has_value()) {
    return absl::OutOfRangeError(absl::StrCat(
        "the ", PeriodKindName(*normalized), " period containing ", DateText(d),
        " is not representable: a period must start on or after 0001-01-01, "
        "belong to a year (or financial year) 0001 or later, and end, "
        "exclusive, on or before 9999-12-31"));
  }
  return *std::move(period);
}

absl::StatusOr<Period> ParsePeriodId(std::string_view id_text) {
  // Abseil's string_view may be its own type rather than std::string_view.
  const absl::string_view id(id_text.data(), id_text.size());
  absl::StatusOr<ParsedId> parsed = ParseId(id);
  if (!parsed.ok()) return std::move(parsed).status();
  std::optional<Period> period;
  switch (parsed->kind.type) {
    case PeriodType::kDaily:
      period = DayPeriod(parsed->day);
      break;
    case PeriodType::kWeekly:
      period = WeekPeriod(parsed->day);
      break;
    default:
      if (const std::optional<MonthLayout> layout = LayoutOf(parsed->kind)) {
        period = MonthPeriod(parsed->kind, parsed->start_index, layout->length);
      }
      break;
  }
  if (!period.has_value()) {
    return absl::OutOfRangeError(absl::StrCat(
        "period ", Quote(id),
        " is not representable: the day after its last day is after "
        "9999-12-31"));
  }
  return *std::move(period);
}

absl::StatusOr<std::vector<Period>> PeriodsOverlapping(PeriodKind kind,
                                                       Date from,
                                                       Date to_exclusive) {
  absl::StatusOr<PeriodKind> normalized = NormalizeKind(kind);
  if (!normalized.ok()) return std::move(normalized).status();
  std::vector<Period> periods;
  Date next = from;
  while (next < to_exclusive) {
    absl::StatusOr<Period> period = PeriodContaining(*normalized, next);
    if (!period.ok()) return std::move(period).status();
    next = period->end;
    periods.push_back(*std::move(period));
  }
  return periods;
}

absl::StatusOr<Period> CustomPeriod(std::string id, Date start,
                                    Date end_inclusive) {
  if (id.empty()) {
    return absl::InvalidArgumentError("a custom period needs a non-empty id");
  }
  if (end_inclusive < start) {
    return absl::InvalidArgumentError(absl::StrCat(
        "custom period ", Quote(id), ": its last day ", DateText(end_inclusive),
        " is before its first day ", DateText(start)));
  }
  if (!InDateRange(start) || !InDateRange(end_inclusive) ||
      end_inclusive.day_number() == kMaxDay) {
    return absl::OutOfRangeError(absl::StrCat(
        "custom period ", Quote(id), " [", DateText(start), ", ",
        DateText(end_inclusive),
        "] is not representable: its first day and the day after its last "
        "day must both lie in 0001-01-01..9999-12-31"));
  }
  return Period{PeriodKind{PeriodType::kCustom, 1}, start,
                end_inclusive.AddDays(1), std::move(id)};
}

std::string PeriodKindName(PeriodKind kind) {
  auto financial = [&](absl::string_view what) {
    if (kind.start_month < 1 || kind.start_month > 12) {
      return absl::StrCat(what, " (invalid start month ", kind.start_month,
                          ")");
    }
    return absl::StrCat(what, " (", kMonthNames[kind.start_month - 1], ")");
  };
  switch (kind.type) {
    case PeriodType::kDaily:
      return "daily";
    case PeriodType::kWeekly:
      return "weekly";
    case PeriodType::kMonthly:
      return "monthly";
    case PeriodType::kQuarterly:
      return "quarterly";
    case PeriodType::kSixMonthly:
      return "six-monthly";
    case PeriodType::kSixMonthlyApril:
      return "six-monthly (April)";
    case PeriodType::kYearly:
      return "yearly";
    case PeriodType::kFinancialYear:
      return financial("financial year");
    case PeriodType::kFinancialQuarter:
      return financial("financial quarter");
    case PeriodType::kCustom:
      return "custom";
  }
  return absl::StrCat("unknown period type ", static_cast<int>(kind.type));
}

}  // namespace ctind
