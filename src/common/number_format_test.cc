// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "common/number_format.h"

#include <cstdlib>

#include "gtest/gtest.h"

namespace ctind {
namespace {

TEST(NumberFormatTest, ShortestRoundTrip) {
  EXPECT_EQ(FormatNumber(12), "12");
  EXPECT_EQ(FormatNumber(0), "0");
  EXPECT_EQ(FormatNumber(-0.0), "0");
  EXPECT_EQ(FormatNumber(0.1), "0.1");
  EXPECT_EQ(FormatNumber(100.0 / 3), "33.333333333333336");
  EXPECT_EQ(FormatNumber(-2.5), "-2.5");
  for (double v : {1e-300, 123456789.123, 2.0 / 3, 9007199254740993.0}) {
    EXPECT_EQ(std::strtod(FormatNumber(v).c_str(), nullptr), v);
  }
}

TEST(NumberFormatTest, FixedForPeople) {
  EXPECT_EQ(FormatFixed(62.55, 1), "62.5");  // binary 62.549999…
  EXPECT_EQ(FormatFixed(100, 1), "100.0");
}

}  // namespace
}  // namespace ctind
