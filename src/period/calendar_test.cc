// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "period/calendar.h"

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "ctind/date.h"
#include "gtest/gtest.h"

namespace ctind {
namespace {

Date Iso(std::string_view text) {
  const std::optional<Date> d = Date::ParseIso(text);
  EXPECT_TRUE(d.has_value()) << "bad date in test: " << text;
  return d.value_or(Date());
}

std::string Text(const std::optional<Date>& d) {
  return d.has_value() ? d->ToIsoString() : "nullopt";
}

std::string Text(const std::optional<int32_t>& n) {
  return n.has_value() ? std::to_string(*n) : "nullopt";
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

int32_t ToInt(const std::string& text) {
  size_t used = 0;
  const int value = std::stoi(text, &used);
  EXPECT_EQ(used, text.size()) << "bad integer in test vectors: " << text;
  return value;
}

TEST(CalendarVectorsTest, EveryRowOfMonthsCsv) {
  Csv csv;
  ASSERT_TRUE(ReadCsv("months.csv", &csv));
  ASSERT_EQ(csv.header,
            (std::vector<std::string>{"function", "a", "b_or_n", "result"}));
  int add_months_rows = 0;
  int months_between_rows = 0;
  for (const std::vector<std::string>& row : csv.rows) {
    SCOPED_TRACE(row[0] + "(" + row[1] + ", " + row[2] + ")");
    const Date a = Iso(row[1]);
    if (row[0] == "add_months") {
      ++add_months_rows;
      EXPECT_EQ(Text(AddMonths(a, ToInt(row[2]))), row[3]);
    } else if (row[0] == "months_between") {
      ++months_between_rows;
      const Date b = Iso(row[2]);
      const int32_t n = MonthsBetween(a, b);
      EXPECT_EQ(n, ToInt(row[3]));
      // The definition: the largest n with AddMonths(a, n) <= b.
      const std::optional<Date> at = AddMonths(a, n);
      const std::optional<Date> after = AddMonths(a, n + 1);
      ASSERT_TRUE(at.has_value() && after.has_value());
      EXPECT_LE(*at, b);
      EXPECT_GT(*after, b);
    } else {
      ADD_FAILURE() << csv.path << ": unknown function " << row[0];
    }
  }
  EXPECT_GT(add_months_rows, 0);
  EXPECT_GT(months_between_rows, 0);
}

TEST(CalendarVectorsTest, EveryRowOfAgesCsv) {
  Csv csv;
  ASSERT_TRUE(ReadCsv("ages.csv", &csv));
  ASSERT_EQ(csv.header, (std::vector<std::string>{"birth_date", "on",
                                                  "age_completed_years"}));
  for (const std::vector<std::string>& row : csv.rows) {
    SCOPED_TRACE(row[0] + " on " + row[1]);
    const Date birth = Iso(row[0]);
    const Date on = Iso(row[1]);
    const std::optional<int32_t> age = AgeInCompletedYears(birth, on);
    if (row[2].empty()) {
      EXPECT_EQ(Text(age), "nullopt");
      EXPECT_LT(on, birth);
      EXPECT_EQ(YearsBetween(birth, on),
                -AgeInCompletedYears(on, birth).value_or(-1));
    } else {
      EXPECT_EQ(Text(age), row[2]);
      EXPECT_EQ(YearsBetween(birth, on), ToInt(row[2]));
    }
  }
}

// ---- AddMonths ----

TEST(AddMonthsTest, ClampsToTheLastDayOfTheMonth) {
  struct Case {
    std::string_view d;
    int32_t n;
    std::string_view expected;
  };
  for (const Case& c : std::vector<Case>{
           {"2025-01-31", 1, "2025-02-28"},
           {"2024-01-31", 1, "2024-02-29"},
           {"2024-01-30", 1, "2024-02-29"},
           {"2025-01-29", 1, "2025-02-28"},
           {"2025-01-28", 1, "2025-02-28"},
           {"2025-03-31", 1, "2025-04-30"},
           {"2024-02-29", 1, "2024-03-29"},  // kept, not snapped to 03-31
           {"2025-02-28", 1, "2025-03-28"},
           {"2024-02-29", 48, "2028-02-29"},
           {"1900-01-31", 1, "1900-02-28"},  // 1900 is not a leap year
           {"2000-01-31", 1, "2000-02-29"},  // 2000 is
           {"2025-06-15", 0, "2025-06-15"},
           {"2025-12-31", 1, "2026-01-31"},
           {"2025-06-15", 12 * 100, "2125-06-15"},
       }) {
    SCOPED_TRACE(std::string(c.d) + " + " + std::to_string(c.n));
    EXPECT_EQ(Text(AddMonths(Iso(c.d), c.n)), c.expected);
  }
}

TEST(AddMonthsTest, NegativeMonths) {
  struct Case {
    std::string_view d;
    int32_t n;
    std::string_view expected;
  };
  for (const Case& c : std::vector<Case>{
           {"2025-03-31", -1, "2025-02-28"},
           {"2024-03-31", -1, "2024-02-29"},
           {"2025-01-15", -1, "2024-12-15"},
           {"2025-01-15", -13, "2023-12-15"},
           {"2024-02-29", -12, "2023-02-28"},
           {"2025-05-31", -3, "2025-02-28"},
           {"2025-07-31", -1, "2025-06-30"},
       }) {
    SCOPED_TRACE(std::string(c.d) + " + " + std::to_string(c.n));
    EXPECT_EQ(Text(AddMonths(Iso(c.d), c.n)), c.expected);
  }
}

TEST(AddMonthsTest, OutOfRangeGivesNullopt) {
  EXPECT_EQ(Text(AddMonths(Iso("9999-12-15"), 1)), "nullopt");
  EXPECT_EQ(Text(AddMonths(Iso("9999-01-31"), 11)), "9999-12-31");
  EXPECT_EQ(Text(AddMonths(Iso("9999-01-31"), 12)), "nullopt");
  EXPECT_EQ(Text(AddMonths(Iso("0001-01-31"), -1)), "nullopt");
  EXPECT_EQ(Text(AddMonths(Iso("0001-12-31"), -11)), "0001-01-31");
  EXPECT_EQ(Text(AddMonths(Iso("0001-01-01"), 0)), "0001-01-01");
  EXPECT_EQ(Text(AddMonths(Iso("0001-01-01"), 9999 * 12 - 1)), "9999-12-01");
  EXPECT_EQ(Text(AddMonths(Iso("0001-01-01"), 9999 * 12)), "nullopt");
  EXPECT_EQ(
      Text(AddMonths(Iso("2025-01-01"), std::numeric_limits<int32_t>::max())),
      "nullopt");
  EXPECT_EQ(
      Text(AddMonths(Iso("2025-01-01"), std::numeric_limits<int32_t>::min())),
      "nullopt");
}

// ---- MonthsBetween ----

TEST(MonthsBetweenTest, Cases) {
  struct Case {
    std::string_view a;
    std::string_view b;
    int32_t expected;
  };
  for (const Case& c : std::vector<Case>{
           {"2025-01-31", "2025-02-28", 1},
           {"2025-01-31", "2025-02-27", 0},
           {"2025-01-31", "2025-03-30", 1},
           {"2025-01-31", "2025-03-31", 2},
           {"2025-01-15", "2025-01-15", 0},
           {"2025-01-15", "2025-01-14", -1},  // floor, not -0
           {"2025-01-14", "2025-01-15", 0},
           {"2025-01-31", "2025-01-30", -1},
           {"2025-03-31", "2025-02-28", -1},
           {"2025-03-31", "2025-02-27", -2},
           {"2026-01-15", "2025-01-15", -12},
           {"2026-01-15", "2025-01-16", -12},
           {"2026-01-15", "2025-01-14", -13},
           {"0001-01-01", "9999-12-31", 9998 * 12 + 11},
           {"9999-12-31", "0001-01-01", -(9998 * 12 + 11) - 1},
           // AddMonths(a, -1) would leave Date's range; still -1.
           {"0001-01-31", "0001-01-01", -1},
       }) {
    SCOPED_TRACE(std::string(c.a) + " to " + std::string(c.b));
    EXPECT_EQ(MonthsBetween(Iso(c.a), Iso(c.b)), c.expected);
  }
}

// The definition, checked over every pair drawn from two years of days
// around a leap year, with every a one of a set of awkward days of month.
TEST(MonthsBetweenTest, IsTheLargestNWithAddMonthsAtMostB) {
  std::vector<Date> as;
  for (Date d = Iso("2023-11-25"); d < Iso("2024-04-05"); d = d.AddDays(1)) {
    as.push_back(d);
  }
  for (const Date a : as) {
    for (Date b = Iso("2022-12-01"); b < Iso("2025-03-10"); b = b.AddDays(1)) {
      const int32_t n = MonthsBetween(a, b);
      const std::optional<Date> at = AddMonths(a, n);
      const std::optional<Date> after = AddMonths(a, n + 1);
      ASSERT_TRUE(at.has_value() && after.has_value());
      ASSERT_TRUE(*at <= b && b < *after)
          << a.ToIsoString() << " to " << b.ToIsoString() << ": " << n;
      ASSERT_EQ(n >= 0, a <= b);
    }
  }
}

// ---- Ages ----

TEST(AgeTest, FebruaryTwentyNinthBirthdays) {
  struct Case {
    std::string_view birth;
    std::string_view on;
    int32_t expected;
  };
  for (const Case& c : std::vector<Case>{
           {"2000-02-29", "2000-02-29", 0},
           {"2000-02-29", "2001-02-28", 0},
           {"2000-02-29", "2001-03-01", 1},
           {"2000-02-29", "2004-02-28", 3},
           {"2000-02-29", "2004-02-29", 4},
           {"2000-02-29", "2004-03-01", 4},
           {"2000-02-29", "2100-02-28", 99},  // 2100 is a common year
           {"2000-02-29", "2100-03-01", 100},
           {"2008-02-29", "2025-02-28", 16},
           {"2008-02-29", "2025-03-01", 17},
           // Not 29 February: 28 February and 1 March births are ordinary.
           {"2007-02-28", "2025-02-28", 18},
           {"2007-03-01", "2025-02-28", 17},
           {"2008-03-01", "2024-02-29", 15},
       }) {
    SCOPED_TRACE(std::string(c.birth) + " on " + std::string(c.on));
    EXPECT_EQ(Text(AgeInCompletedYears(Iso(c.birth), Iso(c.on))),
              std::to_string(c.expected));
    EXPECT_EQ(YearsBetween(Iso(c.birth), Iso(c.on)), c.expected);
  }
}

TEST(AgeTest, BirthAfterOnIsInvalid) {
  EXPECT_EQ(Text(AgeInCompletedYears(Iso("2024-01-01"), Iso("2023-12-31"))),
            "nullopt");
  EXPECT_EQ(Text(AgeInCompletedYears(Iso("2025-06-15"), Iso("2025-06-14"))),
            "nullopt");
  EXPECT_EQ(Text(AgeInCompletedYears(Iso("2025-06-15"), Iso("2025-06-15"))),
            "0");
}

TEST(AgeTest, WholeRange) {
  EXPECT_EQ(Text(AgeInCompletedYears(Iso("0001-01-01"), Iso("9999-12-31"))),
            "9998");
  EXPECT_EQ(Text(AgeInCompletedYears(Iso("0004-02-29"), Iso("9999-02-28"))),
            "9994");
  EXPECT_EQ(Text(AgeInCompletedYears(Iso("0004-02-29"), Iso("9999-03-01"))),
            "9995");
}

// For births other than 29 February, the age is the number of whole
// 12-month steps, an independent formulation through MonthsBetween.
TEST(AgeTest, AgreesWithMonthsBetweenExceptOnLeapDayBirths) {
  for (Date birth = Iso("1999-12-01"); birth < Iso("2001-03-05");
       birth = birth.AddDays(3)) {
    const YearMonthDay b = birth.ToYmd();
    if (b.month == 2 && b.day == 29) continue;
    for (Date on = birth; on < Iso("2007-01-01"); on = on.AddDays(1)) {
      ASSERT_EQ(Text(AgeInCompletedYears(birth, on)),
                std::to_string(MonthsBetween(birth, on) / 12))
          << birth.ToIsoString() << " on " << on.ToIsoString();
    }
  }
}

// ---- YearsBetween ----

TEST(YearsBetweenTest, NegativeWhenBIsBeforeA) {
  EXPECT_EQ(YearsBetween(Iso("2000-01-01"), Iso("2018-01-01")), 18);
  EXPECT_EQ(YearsBetween(Iso("2018-01-01"), Iso("2000-01-01")), -18);
  EXPECT_EQ(YearsBetween(Iso("2018-01-01"), Iso("2000-01-02")), -17);
  EXPECT_EQ(YearsBetween(Iso("2025-02-28"), Iso("2008-02-29")), -16);
  EXPECT_EQ(YearsBetween(Iso("2025-03-01"), Iso("2008-02-29")), -17);
  EXPECT_EQ(YearsBetween(Iso("2025-06-15"), Iso("2025-06-15")), 0);
  EXPECT_EQ(YearsBetween(Iso("2025-06-15"), Iso("2025-06-14")), 0);
  EXPECT_EQ(YearsBetween(Iso("9999-12-31"), Iso("0001-01-01")), -9998);
}

TEST(YearsBetweenTest, Antisymmetric) {
  for (Date a = Iso("2003-12-20"); a < Iso("2004-03-10"); a = a.AddDays(1)) {
    for (Date b = Iso("2000-02-01"); b < Iso("2009-03-05"); b = b.AddDays(7)) {
      ASSERT_EQ(YearsBetween(a, b), -YearsBetween(b, a))
          << a.ToIsoString() << " " << b.ToIsoString();
      if (a <= b) {
        ASSERT_EQ(Text(AgeInCompletedYears(a, b)),
                  std::to_string(YearsBetween(a, b)));
      }
    }
  }
}

}  // namespace
}  // namespace ctind
