// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "ctind/date.h"

#include "boost/date_time/gregorian/gregorian.hpp"
#include "gtest/gtest.h"

namespace ctind {
namespace {

TEST(DateTest, EpochAndKnownDays) {
  EXPECT_EQ(Date::FromYmd(1970, 1, 1)->day_number(), 0);
  EXPECT_EQ(Date::FromYmd(2000, 3, 1)->day_number(), 11017);
  EXPECT_EQ(Date::FromYmd(1969, 12, 31)->day_number(), -1);
}

TEST(DateTest, AgreesWithBoostOverFourCenturies) {
  const boost::gregorian::date epoch(1970, 1, 1);
  for (boost::gregorian::date d(1800, 1, 1); d < boost::gregorian::date(2200, 1, 1);
       d += boost::gregorian::days(1)) {
    std::optional<Date> ours = Date::FromYmd(d.year(), d.month(), d.day());
    ASSERT_TRUE(ours.has_value()) << boost::gregorian::to_iso_extended_string(d);
    ASSERT_EQ(ours->day_number(), (d - epoch).days());
    const YearMonthDay ymd = ours->ToYmd();
    ASSERT_EQ(ymd.year, d.year());
    ASSERT_EQ(ymd.month, d.month());
    ASSERT_EQ(ymd.day, d.day());
    ASSERT_EQ(ours->IsoWeekday(), d.day_of_week() == 0 ? 7 : d.day_of_week().as_number());
  }
}

TEST(DateTest, RejectsDatesThatDoNotExist) {
  EXPECT_FALSE(Date::FromYmd(2025, 2, 29));
  EXPECT_TRUE(Date::FromYmd(2024, 2, 29));
  EXPECT_FALSE(Date::FromYmd(1900, 2, 29));
  EXPECT_TRUE(Date::FromYmd(2000, 2, 29));
  EXPECT_FALSE(Date::FromYmd(2025, 13, 1));
  EXPECT_FALSE(Date::FromYmd(2025, 4, 31));
  EXPECT_FALSE(Date::FromYmd(0, 1, 1));
  EXPECT_FALSE(Date::FromYmd(10000, 1, 1));
}

TEST(DateTest, ParsesOnlyIsoCalendarDates) {
  EXPECT_EQ(Date::ParseIso("2025-02-28")->ToIsoString(), "2025-02-28");
  for (const char* bad : {"2025-02-30", "2025-2-28", "25-02-28", "2025/02/28",
                          "2025-02-28 ", " 2025-02-28", "", "2025-02-2x",
                          "+025-02-28", "0000-01-01"}) {
    EXPECT_FALSE(Date::ParseIso(bad)) << bad;
  }
  EXPECT_EQ(Date::ParseIso("0001-01-01")->ToIsoString(), "0001-01-01");
  EXPECT_EQ(Date::ParseIso("9999-12-31")->ToIsoString(), "9999-12-31");
}

}  // namespace
}  // namespace ctind
