// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "disclosure/rounding.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace ctind {
namespace internal {
namespace {

TEST(RoundToBase5Test, NearestMultipleHalvesUp) {
  // x = 5q + r: down for r ≤ 2, up for r ≥ 3 (2.5 is the half way).
  const int64_t expected[][2] = {{0, 0}, {1, 0}, {2, 0}, {3, 5}, {4, 5}, {5, 5}, {7, 5},
                                 {8, 10}, {12, 10}, {13, 15}, {102, 100}, {103, 105}};
  for (const auto& [x, rounded] : expected) EXPECT_EQ(RoundToBase5(x), rounded) << x;
}

KeyedRandomRounding Rounding(const std::string& key) {
  absl::StatusOr<KeyedRandomRounding> r = KeyedRandomRounding::Create(key);
  EXPECT_TRUE(r.ok()) << r.status();
  return *r;
}

TEST(KeyedRandomRoundingTest, ShortKeysAreRefused) {
  absl::StatusOr<KeyedRandomRounding> r = KeyedRandomRounding::Create("secret");
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("at least 16"), std::string::npos) << r.status();
}

TEST(KeyedRandomRoundingTest, MultiplesOfThreeAndNeighbours) {
  const KeyedRandomRounding r = Rounding("0123456789abcdef-publisher");
  for (int64_t x = 0; x < 60; ++x) {
    for (int i = 0; i < 20; ++i) {
      const int64_t y = r.Round(x, absl::StrCat("cell ", i));
      if (x % 3 == 0) {
        EXPECT_EQ(y, x);
      } else {
        EXPECT_TRUE(y == x - x % 3 || y == x - x % 3 + 3) << x << " → " << y;
      }
    }
  }
}

TEST(KeyedRandomRoundingTest, SameKeyAndCellSameValue) {
  const KeyedRandomRounding a = Rounding("0123456789abcdef-publisher");
  const KeyedRandomRounding again = Rounding("0123456789abcdef-publisher");
  for (int i = 0; i < 200; ++i) {
    const std::string id = absl::StrCat("I|units|SCOPE_PERIOD|2025Q1|", i);
    EXPECT_EQ(a.Round(7, id), a.Round(7, id));
    EXPECT_EQ(a.Round(7, id), again.Round(7, id));
  }
}

TEST(KeyedRandomRoundingTest, OtherKeysDrawOtherwise) {
  // Over 300 cells holding 1, two keys agree on a cell with probability
  // 5/9 (both up 1/9, both down 4/9): about 133 disagreements are
  // expected. The inputs are fixed, so the count is too; any count above
  // 60 shows the draws depend on the key.
  const KeyedRandomRounding a = Rounding("0123456789abcdef-publisher");
  const KeyedRandomRounding b = Rounding("fedcba9876543210-publisher");
  int differ = 0;
  for (int i = 0; i < 300; ++i) {
    const std::string id = absl::StrCat("cell ", i);
    differ += a.Round(1, id) != b.Round(1, id);
  }
  EXPECT_GT(differ, 60);
  EXPECT_LT(differ, 240);
}

TEST(KeyedRandomRoundingTest, Unbiased) {
  // x = 3q + r goes up with probability r / 3. Over 30,000 cells the share
  // rounded up has a standard deviation below 0.003, so ±0.015 (five of
  // them) holds for any key; with this fixed key the result is fixed.
  const KeyedRandomRounding r = Rounding("0123456789abcdef-publisher");
  constexpr int kCells = 30000;
  for (int64_t residue : {1, 2}) {
    int up = 0;
    double sum = 0;
    for (int i = 0; i < kCells; ++i) {
      const int64_t x = 30 + residue;
      const int64_t y = r.Round(x, absl::StrCat("I|numerator|", i));
      up += y > x;
      sum += static_cast<double>(y);
    }
    EXPECT_NEAR(static_cast<double>(up) / kCells, residue / 3.0, 0.015) << residue;
    // The mean of the rounded values is the value: 30 + residue.
    EXPECT_NEAR(sum / kCells, 30.0 + residue, 3 * 0.015) << residue;
  }
}

}  // namespace
}  // namespace internal
}  // namespace ctind
