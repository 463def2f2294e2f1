// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "period/period.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "boost/date_time/gregorian/gregorian.hpp"
#include "ctind/date.h"
#include "gtest/gtest.h"
#include "period/calendar.h"

namespace ctind {
namespace {

// ---- Helpers ----

Date Iso(std::string_view text) {
  const std::optional<Date> d = Date::ParseIso(text);
  EXPECT_TRUE(d.has_value()) << "bad date in test: " << text;
  return d.value_or(Date());
}

Date Ymd(int32_t y, int32_t m, int32_t d) {
  const std::optional<Date> date = Date::FromYmd(y, m, d);
  EXPECT_TRUE(date.has_value())
      << "bad date in test: " << y << "-" << m << "-" << d;
  return date.value_or(Date());
}

std::string Describe(const Period& p) {
  return p.id + " [" + p.start.ToIsoString() + ", " + p.end.ToIsoString() +
         ") " + PeriodKindName(p.kind);
}

constexpr PeriodKind kDaily{PeriodType::kDaily};
constexpr PeriodKind kWeekly{PeriodType::kWeekly};
constexpr PeriodKind kMonthly{PeriodType::kMonthly};
constexpr PeriodKind kQuarterly{PeriodType::kQuarterly};
constexpr PeriodKind kSixMonthly{PeriodType::kSixMonthly};
constexpr PeriodKind kSixMonthlyApril{PeriodType::kSixMonthlyApril};
constexpr PeriodKind kYearly{PeriodType::kYearly};
constexpr PeriodKind Financial(int32_t start_month) {
  return PeriodKind{PeriodType::kFinancialYear, start_month};
}
constexpr PeriodKind FinancialQuarter(int32_t start_month) {
  return PeriodKind{PeriodType::kFinancialQuarter, start_month};
}

// Every calendar kind: the seven fixed types and both financial types with
// each start month.
std::vector<PeriodKind> AllCalendarKinds() {
  std::vector<PeriodKind> kinds = {kDaily,     kWeekly,     kMonthly,
                                   kQuarterly, kSixMonthly, kSixMonthlyApril,
                                   kYearly};
  for (int32_t m = 1; m <= 12; ++m) {
    kinds.push_back(Financial(m));
    kinds.push_back(FinancialQuarter(m));
  }
  return kinds;
}

// Expects `id` to parse to [start, end_exclusive) of `kind`, and the
// period containing its first and last days to be that same period.
void ExpectPeriod(std::string_view id, PeriodKind kind, std::string_view start,
                  std::string_view end_exclusive) {
  SCOPED_TRACE(std::string(id));
  const absl::StatusOr<Period> parsed = ParsePeriodId(id);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->id, id);
  EXPECT_TRUE(parsed->kind == kind) << Describe(*parsed);
  EXPECT_EQ(parsed->start.ToIsoString(), start);
  EXPECT_EQ(parsed->end.ToIsoString(), end_exclusive);
  for (const Date d : {parsed->start, parsed->end.AddDays(-1)}) {
    const absl::StatusOr<Period> containing = PeriodContaining(kind, d);
    ASSERT_TRUE(containing.ok()) << containing.status();
    EXPECT_TRUE(*containing == *parsed)
        << Describe(*containing) << " vs " << Describe(*parsed);
  }
  const absl::StatusOr<Period> next = PeriodContaining(kind, parsed->end);
  ASSERT_TRUE(next.ok()) << next.status();
  EXPECT_EQ(next->start, parsed->end) << Describe(*next);
  EXPECT_NE(next->id, parsed->id);
}

// Expects the period of `kind` containing `date` to have id `id`.
void ExpectContaining(PeriodKind kind, std::string_view date,
                      std::string_view id) {
  SCOPED_TRACE(std::string(date) + " " + PeriodKindName(kind));
  const absl::StatusOr<Period> p = PeriodContaining(kind, Iso(date));
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->id, id);
  EXPECT_TRUE(p->Contains(Iso(date)));
}

// ---- Test vectors (/work/shared/testdata) ----

struct Csv {
  std::string path;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

std::vector<std::string> SplitCsvLine(std::string line) {
  if (!line.empty() && line.back() == '\r') line.pop_back();
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, ',')) fields.push_back(field);
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

// Reads testdata file `name` from $CTIND_TESTDATA_DIR when set, else from
// the compile-time CTIND_TESTDATA_DIR. Fails, naming where it looked, when
// the file is missing, empty or ragged; the vectors contain no quoting.
::testing::AssertionResult ReadCsv(const std::string& name, Csv* out) {
  const char* env = std::getenv("CTIND_TESTDATA_DIR");
#ifdef CTIND_TESTDATA_DIR
  const std::string compiled = CTIND_TESTDATA_DIR;
#else
  const std::string compiled;
#endif
  const std::string dir = env != nullptr && *env != '\0' ? env : compiled;
  const std::string where =
      std::string(" (CTIND_TESTDATA_DIR environment variable: ") +
      (env != nullptr ? "\"" + std::string(env) + "\"" : "unset") +
      "; compile-time CTIND_TESTDATA_DIR: \"" + compiled + "\")";
  if (dir.empty()) {
    return ::testing::AssertionFailure()
           << "no test data directory for " << name << where;
  }
  out->path = dir + "/" + name;
  std::ifstream in(out->path);
  if (!in) {
    return ::testing::AssertionFailure()
           << "cannot open test vectors " << out->path << where;
  }
  std::string line;
  if (!std::getline(in, line)) {
    return ::testing::AssertionFailure() << out->path << " is empty";
  }
  out->header = SplitCsvLine(line);
  int line_number = 1;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty() || line == "\r") continue;
    if (line.find('"') != std::string::npos) {
      return ::testing::AssertionFailure()
             << out->path << ":" << line_number << ": quoting is not expected";
    }
    out->rows.push_back(SplitCsvLine(line));
    if (out->rows.back().size() != out->header.size()) {
      return ::testing::AssertionFailure()
             << out->path << ":" << line_number << ": "
             << out->rows.back().size() << " fields, header has "
             << out->header.size();
    }
  }
  if (out->rows.empty()) {
    return ::testing::AssertionFailure() << out->path << " has no rows";
  }
  return ::testing::AssertionSuccess();
}

// The kind of each column name used by periods.csv and period-bounds.csv.
const std::map<std::string, PeriodKind>& KindsByColumn() {
  static const auto* const kinds = new std::map<std::string, PeriodKind>{
      {"daily", kDaily},
      {"weekly", kWeekly},
      {"monthly", kMonthly},
      {"quarterly", kQuarterly},
      {"sixmonthly", kSixMonthly},
      {"sixmonthly_april", kSixMonthlyApril},
      {"yearly", kYearly},
      {"financial_april", Financial(4)},
      {"financial_july", Financial(7)},
      {"financial_sep", Financial(9)},
      {"financial_oct", Financial(10)},
      {"financial_nov", Financial(11)},
  };
  return *kinds;
}

TEST(PeriodVectorsTest, EveryColumnOfEveryRowOfPeriodsCsv) {
  Csv csv;
  ASSERT_TRUE(ReadCsv("periods.csv", &csv));
  ASSERT_EQ(csv.header.front(), "date");
  std::vector<PeriodKind> kinds;
  for (size_t c = 1; c < csv.header.size(); ++c) {
    const auto it = KindsByColumn().find(csv.header[c]);
    ASSERT_NE(it, KindsByColumn().end())
        << csv.path << ": unknown column " << csv.header[c];
    kinds.push_back(it->second);
  }
  ASSERT_EQ(kinds.size(), KindsByColumn().size()) << csv.path;

  int64_t checked = 0;
  std::optional<Date> previous;
  for (const std::vector<std::string>& row : csv.rows) {
    const Date date = Iso(row[0]);
    if (previous.has_value()) {
      EXPECT_EQ(date, previous->AddDays(1)) << "rows are consecutive days";
    }
    previous = date;
    for (size_t c = 1; c < row.size(); ++c) {
      SCOPED_TRACE(row[0] + " " + csv.header[c]);
      const absl::StatusOr<Period> p = PeriodContaining(kinds[c - 1], date);
      ASSERT_TRUE(p.ok()) << p.status();
      EXPECT_EQ(p->id, row[c]);
      EXPECT_TRUE(p->Contains(date)) << Describe(*p);
      const absl::StatusOr<Period> parsed = ParsePeriodId(row[c]);
      ASSERT_TRUE(parsed.ok()) << parsed.status();
      EXPECT_TRUE(*parsed == *p) << Describe(*parsed) << " vs " << Describe(*p);
      EXPECT_EQ(parsed->id, row[c]);
      ++checked;
    }
  }
  EXPECT_EQ(csv.rows.front()[0], "2019-12-20");
  EXPECT_EQ(csv.rows.back()[0], "2027-01-10");
  EXPECT_EQ(checked, static_cast<int64_t>(csv.rows.size()) * 12);
}

TEST(PeriodVectorsTest, EveryRowOfPeriodBoundsCsv) {
  Csv csv;
  ASSERT_TRUE(ReadCsv("period-bounds.csv", &csv));
  ASSERT_EQ(csv.header,
            (std::vector<std::string>{"type", "id", "start", "end_exclusive"}));
  for (const std::vector<std::string>& row : csv.rows) {
    const auto it = KindsByColumn().find(row[0]);
    ASSERT_NE(it, KindsByColumn().end()) << csv.path << ": type " << row[0];
    ExpectPeriod(row[1], it->second, row[2], row[3]);
  }
}

// ---- Explicit cases ----

TEST(PeriodContainingTest, IsoWeeksCrossingYears) {
  ExpectContaining(kWeekly, "2021-01-03", "2020W53");
  ExpectContaining(kWeekly, "2021-01-04", "2021W1");
  ExpectContaining(kWeekly, "2024-12-29", "2024W52");
  ExpectContaining(kWeekly, "2024-12-30", "2025W1");
  ExpectContaining(kWeekly, "2026-12-31", "2026W53");
  ExpectContaining(kWeekly, "2027-01-03", "2026W53");
  ExpectContaining(kWeekly, "2027-01-04", "2027W1");
  ExpectContaining(kWeekly, "2025-02-10", "2025W7");
  ExpectPeriod("2020W53", kWeekly, "2020-12-28", "2021-01-04");
  ExpectPeriod("2025W1", kWeekly, "2024-12-30", "2025-01-06");
  ExpectPeriod("2026W53", kWeekly, "2026-12-28", "2027-01-04");
  // 2015 starts on a Thursday; 2032 is a leap year starting on a Thursday;
  // 2020 is a leap year starting on a Wednesday.
  ExpectPeriod("2015W53", kWeekly, "2015-12-28", "2016-01-04");
  ExpectPeriod("2032W53", kWeekly, "2032-12-27", "2033-01-03");
  ExpectPeriod("2020W1", kWeekly, "2019-12-30", "2020-01-06");
}

TEST(PeriodContainingTest, LeapDays) {
  ExpectContaining(kDaily, "2024-02-29", "20240229");
  ExpectContaining(kMonthly, "2024-02-29", "202402");
  ExpectContaining(kQuarterly, "2024-02-29", "2024Q1");
  ExpectPeriod("202402", kMonthly, "2024-02-01", "2024-03-01");
  ExpectPeriod("202302", kMonthly, "2023-02-01", "2023-03-01");
  ExpectPeriod("2024Q1", kQuarterly, "2024-01-01", "2024-04-01");
  ExpectPeriod("2023Q1", kQuarterly, "2023-01-01", "2023-04-01");
  ExpectPeriod("20240229", kDaily, "2024-02-29", "2024-03-01");
  ExpectPeriod("20000229", kDaily, "2000-02-29", "2000-03-01");
  EXPECT_EQ(ParsePeriodId("20230229").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParsePeriodId("21000229").status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(PeriodContainingTest, FinancialYearsAndQuartersFromJulyAndOctober) {
  ExpectPeriod("2025July", Financial(7), "2025-07-01", "2026-07-01");
  ExpectPeriod("2025JulyQ1", FinancialQuarter(7), "2025-07-01", "2025-10-01");
  ExpectPeriod("2025JulyQ2", FinancialQuarter(7), "2025-10-01", "2026-01-01");
  ExpectPeriod("2025JulyQ3", FinancialQuarter(7), "2026-01-01", "2026-04-01");
  ExpectPeriod("2025JulyQ4", FinancialQuarter(7), "2026-04-01", "2026-07-01");
  ExpectPeriod("2025Oct", Financial(10), "2025-10-01", "2026-10-01");
  ExpectPeriod("2025OctQ1", FinancialQuarter(10), "2025-10-01", "2026-01-01");
  ExpectPeriod("2025OctQ2", FinancialQuarter(10), "2026-01-01", "2026-04-01");
  ExpectPeriod("2025OctQ3", FinancialQuarter(10), "2026-04-01", "2026-07-01");
  ExpectPeriod("2025OctQ4", FinancialQuarter(10), "2026-07-01", "2026-10-01");
  ExpectContaining(Financial(10), "2025-09-30", "2024Oct");
  ExpectContaining(Financial(10), "2025-10-01", "2025Oct");
  ExpectContaining(FinancialQuarter(10), "2026-09-30", "2025OctQ4");
  ExpectContaining(FinancialQuarter(7), "2026-06-30", "2025JulyQ4");
  ExpectContaining(FinancialQuarter(7), "2026-07-01", "2026JulyQ1");
  ExpectPeriod("2025April", Financial(4), "2025-04-01", "2026-04-01");
  ExpectPeriod("2025AprilQ4", FinancialQuarter(4), "2026-01-01", "2026-04-01");
  ExpectPeriod("2025Sep", Financial(9), "2025-09-01", "2026-09-01");
  ExpectPeriod("2025SepQ2", FinancialQuarter(9), "2025-12-01", "2026-03-01");
  ExpectPeriod("2025Nov", Financial(11), "2025-11-01", "2026-11-01");
}

TEST(PeriodContainingTest, FinancialYearsStartingInJanuaryFebruaryDecember) {
  ExpectPeriod("2025Jan", Financial(1), "2025-01-01", "2026-01-01");
  ExpectPeriod("2025JanQ2", FinancialQuarter(1), "2025-04-01", "2025-07-01");
  ExpectPeriod("2025Feb", Financial(2), "2025-02-01", "2026-02-01");
  ExpectPeriod("2025FebQ4", FinancialQuarter(2), "2025-11-01", "2026-02-01");
  ExpectPeriod("2025Dec", Financial(12), "2025-12-01", "2026-12-01");
  ExpectPeriod("2025DecQ1", FinancialQuarter(12), "2025-12-01", "2026-03-01");
  ExpectPeriod("2025DecQ4", FinancialQuarter(12), "2026-09-01", "2026-12-01");
  ExpectContaining(Financial(2), "2025-01-31", "2024Feb");
  ExpectContaining(Financial(12), "2025-11-30", "2024Dec");
  ExpectContaining(FinancialQuarter(12), "2026-02-28", "2025DecQ1");
  ExpectContaining(FinancialQuarter(12), "2026-03-01", "2025DecQ2");
  ExpectPeriod("2025Mar", Financial(3), "2025-03-01", "2026-03-01");
  ExpectPeriod("2025May", Financial(5), "2025-05-01", "2026-05-01");
  ExpectPeriod("2025Jun", Financial(6), "2025-06-01", "2026-06-01");
  ExpectPeriod("2025Aug", Financial(8), "2025-08-01", "2026-08-01");

  // 2025Jan and 2025 have the same dates but distinct types.
  const absl::StatusOr<Period> jan = ParsePeriodId("2025Jan");
  const absl::StatusOr<Period> year = ParsePeriodId("2025");
  ASSERT_TRUE(jan.ok() && year.ok());
  EXPECT_EQ(jan->start, year->start);
  EXPECT_EQ(jan->end, year->end);
  EXPECT_FALSE(jan->kind == year->kind);
  EXPECT_FALSE(*jan == *year);
  const absl::StatusOr<Period> jan_q1 = ParsePeriodId("2025JanQ1");
  const absl::StatusOr<Period> q1 = ParsePeriodId("2025Q1");
  ASSERT_TRUE(jan_q1.ok() && q1.ok());
  EXPECT_EQ(jan_q1->start, q1->start);
  EXPECT_EQ(jan_q1->end, q1->end);
  EXPECT_FALSE(jan_q1->kind == q1->kind);
}

TEST(PeriodContainingTest, SixMonthlyAndYearly) {
  ExpectPeriod("2025S1", kSixMonthly, "2025-01-01", "2025-07-01");
  ExpectPeriod("2025S2", kSixMonthly, "2025-07-01", "2026-01-01");
  ExpectPeriod("2025AprilS1", kSixMonthlyApril, "2025-04-01", "2025-10-01");
  ExpectPeriod("2025AprilS2", kSixMonthlyApril, "2025-10-01", "2026-04-01");
  ExpectContaining(kSixMonthlyApril, "2026-03-31", "2025AprilS2");
  ExpectContaining(kSixMonthlyApril, "2026-04-01", "2026AprilS1");
  ExpectPeriod("2025", kYearly, "2025-01-01", "2026-01-01");
  ExpectPeriod("20251231", kDaily, "2025-12-31", "2026-01-01");
}

TEST(PeriodContainingTest, StartBelongsEndDoesNot) {
  const absl::StatusOr<Period> q = ParsePeriodId("2025Q2");
  ASSERT_TRUE(q.ok());
  EXPECT_TRUE(q->Contains(Iso("2025-04-01")));
  EXPECT_TRUE(q->Contains(Iso("2025-06-30")));
  EXPECT_FALSE(q->Contains(Iso("2025-07-01")));
  EXPECT_FALSE(q->Contains(Iso("2025-03-31")));
  ExpectContaining(kQuarterly, "2025-03-31", "2025Q1");
  ExpectContaining(kQuarterly, "2025-04-01", "2025Q2");
  ExpectContaining(kQuarterly, "2025-07-01", "2025Q3");
  ExpectContaining(kWeekly, "2025-02-09", "2025W6");  // Sunday
  ExpectContaining(kWeekly, "2025-02-10", "2025W7");  // Monday
  ExpectContaining(kYearly, "2025-12-31", "2025");
  ExpectContaining(kYearly, "2026-01-01", "2026");
}

TEST(PeriodContainingTest, NormalizesStartMonthOfNonFinancialKinds) {
  const absl::StatusOr<Period> p = PeriodContaining(
      PeriodKind{PeriodType::kQuarterly, 7}, Iso("2025-05-05"));
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->id, "2025Q2");
  EXPECT_EQ(p->kind.start_month, 1);
  EXPECT_TRUE((PeriodKind{PeriodType::kQuarterly, 7} == kQuarterly));
  EXPECT_TRUE(Financial(4) != Financial(10));
  EXPECT_TRUE(Financial(1) != kYearly);
  EXPECT_TRUE(FinancialQuarter(1) != kQuarterly);
}

TEST(PeriodContainingTest, RejectsInvalidKinds) {
  for (const PeriodKind kind :
       {Financial(0), Financial(13), FinancialQuarter(-1),
        PeriodKind{PeriodType::kCustom, 1},
        PeriodKind{static_cast<PeriodType>(99), 1}}) {
    SCOPED_TRACE(PeriodKindName(kind));
    EXPECT_EQ(PeriodContaining(kind, Iso("2025-01-01")).status().code(),
              absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(PeriodsOverlapping(kind, Iso("2025-01-01"), Iso("2025-02-01"))
                  .status()
                  .code(),
              absl::StatusCode::kInvalidArgument);
  }
}

TEST(PeriodContainingTest, RangeEdges) {
  const Date first = Ymd(1, 1, 1);
  const Date last = Ymd(9999, 12, 31);
  // 0001-01-01 is a Monday, so week 1 of year 1 starts on it.
  ExpectContaining(kWeekly, "0001-01-01", "0001W1");
  ExpectContaining(kDaily, "0001-01-01", "00010101");
  ExpectContaining(kYearly, "0001-01-01", "0001");
  ExpectContaining(Financial(1), "0001-01-01", "0001Jan");
  ExpectContaining(Financial(4), "0001-04-01", "0001April");
  ExpectContaining(kDaily, "9999-12-30", "99991230");
  ExpectContaining(kMonthly, "9999-11-30", "999911");
  ExpectContaining(kWeekly, "9999-12-26", "9999W51");
  ExpectContaining(kYearly, "9998-12-31", "9998");
  ExpectContaining(Financial(12), "9998-12-01", "9998Dec");

  struct OutOfRangeCase {
    PeriodKind kind;
    Date d;
  };
  for (const OutOfRangeCase& c : std::vector<OutOfRangeCase>{
           {kDaily, last},
           {kDaily, first.AddDays(-1)},
           {kWeekly, Ymd(9999, 12, 27)},
           {kMonthly, Ymd(9999, 12, 1)},
           {kQuarterly, Ymd(9999, 10, 1)},
           {kSixMonthly, Ymd(9999, 7, 1)},
           {kSixMonthlyApril, Ymd(1, 3, 31)},
           {kSixMonthlyApril, Ymd(9999, 10, 1)},
           {kYearly, Ymd(9999, 1, 1)},
           {Financial(4), Ymd(1, 3, 31)},
           {Financial(2), Ymd(9999, 2, 1)},
           {FinancialQuarter(10), Ymd(1, 9, 30)},  // would be 0000OctQ4
           {FinancialQuarter(4), Ymd(1, 1, 1)},    // would be 0000AprilQ4
           {FinancialQuarter(1), Ymd(9999, 10, 1)},
       }) {
    SCOPED_TRACE(PeriodKindName(c.kind) + " " +
                 std::to_string(c.d.day_number()));
    const absl::StatusOr<Period> p = PeriodContaining(c.kind, c.d);
    EXPECT_EQ(p.status().code(), absl::StatusCode::kOutOfRange) << p.status();
  }
}

// ---- ParsePeriodId ----

TEST(ParsePeriodIdTest, RejectsMalformedIdentifiers) {
  for (const std::string_view id : std::vector<std::string_view>{
           "",
           " 2025",
           "2025 ",
           " 2025Q1",
           "2025Q1 ",
           "2025Q1\n",
           "25Q1",
           "025Q1",
           "25",
           "2025Q5",
           "2025Q0",
           "2025Q",
           "2025Q01",
           "2025q1",
           "2025W54",
           "2025W53",
           "2025W0",
           "2025W07",
           "2025W",
           "2025W100",
           "2025w7",
           "20250230",
           "20251301",
           "20250100",
           "202513",
           "202500",
           "2025Foo",
           "2025Apr",
           "2025april",
           "2025APRIL",
           "2025Jul",
           "2025Sept",
           "2025AprilS3",
           "2025AprilS0",
           "2025AprilS",
           "2025OctQ5",
           "2025OctQ0",
           "2025OctQ",
           "2025OctS1",
           "2025JulyS1",
           "2025AprilQ10",
           "2025Oct ",
           "0000",
           "0000Q1",
           "00001231",
           "0000W1",
           "000001",
           "0000Oct",
           "0000OctQ2",
           "2025-01",
           "2025-01-01",
           "2025S3",
           "2025S0",
           "2025S",
           "12345",
           "2025123",
           "202501011",
           "2025W5X",
           "+2025",
           "-2025",
           "2025+1",
           std::string_view("2025\0", 5),
           "\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x95",
           "2025\xff",
           "2025BiW1",
           "2025NovS1",
           "FY2025",
           "2025Q1Q1",
           "2025-Q1",
           "2025/01",
           "2025Se",
           "2025SQ1",
           "2025Sep1",
           "2025SepS1",
           "2025S1x",
           "2025SEP"}) {
    SCOPED_TRACE(std::string(id));
    const absl::StatusOr<Period> p = ParsePeriodId(id);
    EXPECT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument)
        << (p.ok() ? Describe(*p) : p.status().ToString());
    const std::string message(p.status().message());
    EXPECT_NE(message.find("invalid period identifier \""), std::string::npos)
        << message;
    EXPECT_NE(message.find("accepted forms"), std::string::npos) << message;
  }
}

TEST(ParsePeriodIdTest, MessagesNameTheIdentifierAndTheProblem) {
  struct Case {
    std::string_view id;
    std::string_view expected;
  };
  for (const Case& c : std::vector<Case>{
           {"2025Q5", "\"2025Q5\": the quarter must be Q1..Q4"},
           {"2025W53", "ISO week-year 2025 has weeks 1..52"},
           {"2026W54", "ISO week-year 2026 has weeks 1..53"},
           {"2025W07", "without zero padding"},
           {"20250230", "day 30 does not exist in February 2025"},
           {"2025Apr", "the month token for April is \"April\""},
           {"2025jul", "the month token for July is \"July\""},
           {"2025Foo", "unrecognized text after the year"},
           {"", "the identifier is empty"},
           {" 2025", "\" 2025\": it must begin with a four-digit year"},
           {"2025\n", "\"2025\\n\""},
           {"25Q1", "four-digit year"},
       }) {
    SCOPED_TRACE(std::string(c.id));
    const std::string message(ParsePeriodId(c.id).status().message());
    EXPECT_NE(message.find(c.expected), std::string::npos) << message;
  }
}

TEST(ParsePeriodIdTest, WellFormedButUnrepresentableIsOutOfRange) {
  for (const std::string_view id :
       {"9999", "9999Q4", "9999S2", "999912", "99991231", "9999W52", "9999Oct",
        "9999Jan", "9999AprilS2", "9999DecQ1", "9999JanQ4"}) {
    SCOPED_TRACE(std::string(id));
    EXPECT_EQ(ParsePeriodId(id).status().code(), absl::StatusCode::kOutOfRange);
  }
  for (const std::string_view id :
       {"0001", "0001W1", "00010101", "0001April", "0001AprilS1", "0001DecQ1",
        "9998", "9999Q3", "9999S1", "999911", "99991230", "9999W51", "9998Dec",
        "9999JanQ3", "9998AprilS2"}) {
    SCOPED_TRACE(std::string(id));
    const absl::StatusOr<Period> p = ParsePeriodId(id);
    ASSERT_TRUE(p.ok()) << p.status();
    EXPECT_EQ(p->id, id);
  }
}

// ---- PeriodsOverlapping ----

std::vector<std::string> Ids(const absl::StatusOr<std::vector<Period>>& ps) {
  std::vector<std::string> ids;
  EXPECT_TRUE(ps.ok()) << ps.status();
  if (!ps.ok()) return ids;
  for (const Period& p : *ps) ids.push_back(p.id);
  return ids;
}

TEST(PeriodsOverlappingTest, RangeStartingMidPeriod) {
  EXPECT_EQ(
      Ids(PeriodsOverlapping(kQuarterly, Iso("2025-02-15"), Iso("2025-08-01"))),
      (std::vector<std::string>{"2025Q1", "2025Q2", "2025Q3"}));
  // An exclusive end on a boundary does not reach the next period.
  EXPECT_EQ(
      Ids(PeriodsOverlapping(kQuarterly, Iso("2025-02-15"), Iso("2025-07-01"))),
      (std::vector<std::string>{"2025Q1", "2025Q2"}));
  EXPECT_EQ(
      Ids(PeriodsOverlapping(kWeekly, Iso("2024-12-25"), Iso("2025-01-10"))),
      (std::vector<std::string>{"2024W52", "2025W1", "2025W2"}));
  EXPECT_EQ(Ids(PeriodsOverlapping(FinancialQuarter(10), Iso("2025-09-30"),
                                   Iso("2025-10-02"))),
            (std::vector<std::string>{"2024OctQ4", "2025OctQ1"}));
  EXPECT_EQ(
      Ids(PeriodsOverlapping(kDaily, Iso("2024-02-28"), Iso("2024-03-02"))),
      (std::vector<std::string>{"20240228", "20240229", "20240301"}));
  EXPECT_EQ(Ids(PeriodsOverlapping(Financial(4), Iso("2020-01-01"),
                                   Iso("2022-01-01"))),
            (std::vector<std::string>{"2019April", "2020April", "2021April"}));
  EXPECT_EQ(
      Ids(PeriodsOverlapping(kYearly, Iso("2025-06-01"), Iso("2025-06-02"))),
      (std::vector<std::string>{"2025"}));
}

TEST(PeriodsOverlappingTest, ResultTilesTheRange) {
  const Date from = Iso("2023-03-17");
  const Date to = Iso("2026-11-02");
  for (const PeriodKind kind : AllCalendarKinds()) {
    SCOPED_TRACE(PeriodKindName(kind));
    const absl::StatusOr<std::vector<Period>> ps =
        PeriodsOverlapping(kind, from, to);
    ASSERT_TRUE(ps.ok()) << ps.status();
    ASSERT_FALSE(ps->empty());
    EXPECT_TRUE(ps->front().Contains(from));
    EXPECT_TRUE(ps->back().Contains(to.AddDays(-1)));
    for (size_t i = 1; i < ps->size(); ++i) {
      EXPECT_EQ((*ps)[i].start, (*ps)[i - 1].end);
    }
  }
}

TEST(PeriodsOverlappingTest, EmptyAndErrors) {
  const absl::StatusOr<std::vector<Period>> same =
      PeriodsOverlapping(kMonthly, Iso("2025-01-01"), Iso("2025-01-01"));
  ASSERT_TRUE(same.ok());
  EXPECT_TRUE(same->empty());
  const absl::StatusOr<std::vector<Period>> reversed =
      PeriodsOverlapping(kMonthly, Iso("2025-02-01"), Iso("2025-01-01"));
  ASSERT_TRUE(reversed.ok());
  EXPECT_TRUE(reversed->empty());
  EXPECT_EQ(PeriodsOverlapping(kYearly, Iso("9998-06-01"), Iso("9999-06-01"))
                .status()
                .code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(PeriodsOverlapping(Financial(4), Ymd(1, 1, 1), Ymd(1, 6, 1))
                .status()
                .code(),
            absl::StatusCode::kOutOfRange);
}

// ---- CustomPeriod ----

TEST(CustomPeriodTest, InclusiveEndBecomesExclusive) {
  const absl::StatusOr<Period> p =
      CustomPeriod("Baseline", Iso("2024-07-01"), Iso("2025-06-30"));
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->id, "Baseline");
  EXPECT_EQ(p->kind.type, PeriodType::kCustom);
  EXPECT_EQ(p->start.ToIsoString(), "2024-07-01");
  EXPECT_EQ(p->end.ToIsoString(), "2025-07-01");
  EXPECT_TRUE(p->Contains(Iso("2025-06-30")));
  EXPECT_FALSE(p->Contains(Iso("2025-07-01")));
  EXPECT_EQ(PeriodKindName(p->kind), "custom");

  const absl::StatusOr<Period> one_day =
      CustomPeriod("Launch", Iso("2025-03-01"), Iso("2025-03-01"));
  ASSERT_TRUE(one_day.ok()) << one_day.status();
  EXPECT_EQ(one_day->end.ToIsoString(), "2025-03-02");
}

TEST(CustomPeriodTest, Errors) {
  EXPECT_EQ(
      CustomPeriod("", Iso("2025-01-01"), Iso("2025-01-31")).status().code(),
      absl::StatusCode::kInvalidArgument);
  const absl::Status reversed =
      CustomPeriod("Phase 2", Iso("2025-02-01"), Iso("2025-01-31")).status();
  EXPECT_EQ(reversed.code(), absl::StatusCode::kInvalidArgument);
  const std::string message(reversed.message());
  EXPECT_NE(message.find("Phase 2"), std::string::npos) << message;
  EXPECT_NE(message.find("2025-01-31"), std::string::npos) << message;
  EXPECT_EQ(CustomPeriod("Forever", Iso("2025-01-01"), Iso("9999-12-31"))
                .status()
                .code(),
            absl::StatusCode::kOutOfRange);
}

// ---- PeriodKindName ----

TEST(PeriodKindNameTest, Names) {
  EXPECT_EQ(PeriodKindName(kDaily), "daily");
  EXPECT_EQ(PeriodKindName(kWeekly), "weekly");
  EXPECT_EQ(PeriodKindName(kMonthly), "monthly");
  EXPECT_EQ(PeriodKindName(kQuarterly), "quarterly");
  EXPECT_EQ(PeriodKindName(kSixMonthly), "six-monthly");
  EXPECT_EQ(PeriodKindName(kSixMonthlyApril), "six-monthly (April)");
  EXPECT_EQ(PeriodKindName(kYearly), "yearly");
  EXPECT_EQ(PeriodKindName(Financial(10)), "financial year (October)");
  EXPECT_EQ(PeriodKindName(FinancialQuarter(7)), "financial quarter (July)");
  EXPECT_EQ(PeriodKindName(Financial(13)),
            "financial year (invalid start month 13)");
  EXPECT_EQ(PeriodKindName(PeriodKind{static_cast<PeriodType>(42), 1}),
            "unknown period type 42");
}

// ---- Whole-range properties ----

// Walks every representable period of every kind but daily from the first
// to the last and checks that they tile the calendar, round-trip through
// their ids and have the right shape.
TEST(PeriodPropertyTest, EveryPeriodOfTheWholeRange) {
  const Date first_day = Ymd(1, 1, 1);
  const Date last_day = Ymd(9999, 12, 31);
  for (const PeriodKind kind : AllCalendarKinds()) {
    if (kind.type == PeriodType::kDaily) continue;
    SCOPED_TRACE(PeriodKindName(kind));
    // The first representable period starts within a year of 0001-01-01.
    Date d = first_day;
    absl::StatusOr<Period> p = PeriodContaining(kind, d);
    while (!p.ok() && d < Ymd(2, 1, 1)) {
      ASSERT_EQ(p.status().code(), absl::StatusCode::kOutOfRange);
      d = d.AddDays(1);
      p = PeriodContaining(kind, d);
    }
    ASSERT_TRUE(p.ok()) << p.status();
    EXPECT_EQ(p->start, d);
    int64_t count = 0;
    int32_t failures = 0;
    Date end = p->end;
    while (p.ok() && failures < 10) {
      ++count;
      const Period& period = *p;
      bool good = period.kind == kind && period.start < period.end &&
                  period.id.size() <= 15;
      if (kind.type == PeriodType::kWeekly) {
        good = good && period.start.IsoWeekday() == 1 &&
               period.end == period.start.AddDays(7);
      } else {
        const int32_t length =
            kind.type == PeriodType::kMonthly ? 1
            : kind.type == PeriodType::kQuarterly ||
                    kind.type == PeriodType::kFinancialQuarter
                ? 3
            : kind.type == PeriodType::kSixMonthly ||
                    kind.type == PeriodType::kSixMonthlyApril
                ? 6
                : 12;
        const int32_t first_month =
            kind.type == PeriodType::kSixMonthlyApril ? 4 : kind.start_month;
        const YearMonthDay s = period.start.ToYmd();
        good = good && s.day == 1 &&
               ((s.month - first_month) % length + length) % length == 0 &&
               AddMonths(period.start, length) == period.end;
      }
      const absl::StatusOr<Period> last =
          PeriodContaining(kind, period.end.AddDays(-1));
      good = good && last.ok() && *last == period;
      const absl::StatusOr<Period> parsed = ParsePeriodId(period.id);
      good = good && parsed.ok() && *parsed == period;
      if (!good) {
        ++failures;
        ADD_FAILURE() << Describe(period);
      }
      end = period.end;
      p = PeriodContaining(kind, end);
    }
    ASSERT_EQ(failures, 0);
    EXPECT_EQ(p.status().code(), absl::StatusCode::kOutOfRange) << p.status();
    // The walk stops only because the next period would pass 9999-12-31.
    EXPECT_LE(end, last_day);
    EXPECT_GT(end, Ymd(9998, 12, 31));
    if (kind == kYearly) {
      EXPECT_EQ(count, 9998);
    }
    if (kind == kMonthly) {
      EXPECT_EQ(count, 9999 * 12 - 1);
    }
    if (kind == kQuarterly) {
      EXPECT_EQ(count, 9999 * 4 - 1);
    }
    if (kind == kWeekly) {
      // Day 0001-01-01 to 9999-12-27 (the Monday of 9999W52) in weeks.
      EXPECT_EQ(count,
                (Ymd(9999, 12, 27).day_number() - first_day.day_number()) / 7);
    }
  }
}

// Every day of a window around the test vectors, for every kind: the period
// containing a day contains it and is the period containing its start.
TEST(PeriodPropertyTest, EveryDayOfAWindowForEveryKind) {
  const std::vector<PeriodKind> kinds = AllCalendarKinds();
  for (Date d = Ymd(1999, 1, 1); d < Ymd(2032, 1, 1); d = d.AddDays(1)) {
    for (const PeriodKind kind : kinds) {
      const absl::StatusOr<Period> p = PeriodContaining(kind, d);
      ASSERT_TRUE(p.ok()) << p.status();
      ASSERT_TRUE(p->Contains(d)) << Describe(*p) << " " << d.ToIsoString();
      const absl::StatusOr<Period> at_start = PeriodContaining(kind, p->start);
      ASSERT_TRUE(at_start.ok() && *at_start == *p) << Describe(*p);
    }
  }
}

// The daily ids of the first and last years and of a window.
TEST(PeriodPropertyTest, DailyIdsRoundTrip) {
  std::vector<std::pair<Date, Date>> ranges = {
      {Ymd(1, 1, 1), Ymd(2, 1, 1)},
      {Ymd(1999, 1, 1), Ymd(2032, 1, 1)},
      {Ymd(9999, 1, 1), Ymd(9999, 12, 31)}};
  for (const auto& [from, to] : ranges) {
    for (Date d = from; d < to; d = d.AddDays(1)) {
      const absl::StatusOr<Period> p = PeriodContaining(kDaily, d);
      ASSERT_TRUE(p.ok()) << p.status();
      ASSERT_EQ(p->start, d);
      ASSERT_EQ(p->end, d.AddDays(1));
      ASSERT_EQ(p->id, d.ToIsoString().substr(0, 4) +
                           d.ToIsoString().substr(5, 2) +
                           d.ToIsoString().substr(8, 2));
      const absl::StatusOr<Period> parsed = ParsePeriodId(p->id);
      ASSERT_TRUE(parsed.ok() && *parsed == *p) << p->id;
    }
  }
}

// ISO week ids against Boost.Date_Time, a second implementation, for every
// day around each new year and every fifth day (so every weekday) in Boost's
// range 1400..9999.
TEST(PeriodPropertyTest, IsoWeeksAgreeWithBoost) {
  namespace greg = boost::gregorian;
  auto boost_week_id = [](Date d) -> std::string {
    const YearMonthDay ymd = d.ToYmd();
    try {
      const greg::date bd(static_cast<uint16_t>(ymd.year),
                          static_cast<uint16_t>(ymd.month),
                          static_cast<uint16_t>(ymd.day));
      const int week = bd.week_number();
      int year = ymd.year;
      if (week >= 52 && ymd.month == 1) --year;
      if (week == 1 && ymd.month == 12) ++year;
      std::string id = std::to_string(year);
      id.insert(0, 4 - std::min<size_t>(4, id.size()), '0');
      return id + "W" + std::to_string(week);
    } catch (const std::exception& e) {
      return std::string("boost threw: ") + e.what();
    }
  };
  int32_t failures = 0;
  auto check = [&](Date d) {
    const absl::StatusOr<Period> p = PeriodContaining(kWeekly, d);
    const std::string expected = boost_week_id(d);
    if (!p.ok() || p->id != expected) {
      ++failures;
      ADD_FAILURE() << d.ToIsoString() << ": boost " << expected << ", ctind "
                    << (p.ok() ? p->id : p.status().ToString());
    }
  };
  for (int32_t year = 1400; year <= 9999 && failures < 10; ++year) {
    const Date jan1 = Ymd(year, 1, 1);
    for (int32_t offset = -7; offset <= 7; ++offset) {
      const Date d = jan1.AddDays(offset);
      if (d >= Ymd(1400, 1, 1) && d < Ymd(9999, 12, 27)) check(d);
    }
  }
  for (Date d = Ymd(1400, 1, 1); d < Ymd(9999, 12, 27) && failures < 10;
       d = d.AddDays(5)) {
    check(d);
  }
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace ctind
