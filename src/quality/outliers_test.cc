// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// The MAD outlier fence, on values worked out by hand in the comments.

#include "quality/outliers.h"

#include <vector>

#include "gtest/gtest.h"

namespace ctind::internal {
namespace {

TEST(MedianTest, OddAndEvenCounts) {
  std::vector<double> odd = {7, 1, 3};  // sorted 1 3 7
  EXPECT_EQ(Median(odd), 3);
  std::vector<double> even = {4, 1, 3, 2};  // sorted 1 2 3 4: (2 + 3) / 2
  EXPECT_EQ(Median(even), 2.5);
  std::vector<double> none;
  EXPECT_EQ(Median(none), 0);
}

TEST(OutlierFenceTest, WorkedExample) {
  // Sorted: -20 10 11 11 12 12 12 13 50, so the median (5th of 9) is 12.
  // |x - 12|: 2 0 1 1 0 1 38 0 32, sorted 0 0 0 1 1 1 2 32 38: MAD = 1.
  // limit = 3.5 x 1.4826 x 1 = 5.1891: 50 (38 away) and -20 (32 away) are
  // outliers, 13 (1 away) and 10 (2 away) are not.
  const std::vector<double> values = {10, 12, 11, 13, 12, 11, 50, 12, -20};
  const OutlierFence fence = ComputeOutlierFence(values);
  ASSERT_TRUE(fence.active);
  EXPECT_EQ(fence.median, 12);
  EXPECT_EQ(fence.mad, 1);
  EXPECT_DOUBLE_EQ(fence.limit, 5.1891);
  EXPECT_TRUE(fence.IsOutlier(50));
  EXPECT_TRUE(fence.IsOutlier(-20));
  EXPECT_FALSE(fence.IsOutlier(13));
  EXPECT_FALSE(fence.IsOutlier(10));
  // The fence is strict: exactly the limit away is not an outlier.
  EXPECT_FALSE(fence.IsOutlier(12 + fence.limit));
  EXPECT_TRUE(fence.IsOutlier(17.19));
  EXPECT_TRUE(fence.IsOutlier(6.81));
  EXPECT_FALSE(fence.IsOutlier(6.82));
}

TEST(OutlierFenceTest, EvenCountUsesTheMeanOfTheMiddleValues) {
  // 1 2 3 4: median 2.5; |x - 2.5|: 1.5 0.5 0.5 1.5, MAD = (0.5 + 1.5) / 2
  // = 1; limit 5.1891: none of them is an outlier, 8 (5.5 away) would be.
  const OutlierFence fence = ComputeOutlierFence({1, 2, 3, 4});
  EXPECT_EQ(fence.median, 2.5);
  EXPECT_EQ(fence.mad, 1);
  for (double x : {1.0, 2.0, 3.0, 4.0}) EXPECT_FALSE(fence.IsOutlier(x)) << x;
  EXPECT_TRUE(fence.IsOutlier(8));
}

TEST(OutlierFenceTest, ZeroMadFlagsNothing) {
  // More than half the values equal: MAD 0, so even 100 is not flagged.
  const OutlierFence fence = ComputeOutlierFence({5, 5, 5, 5, 100});
  EXPECT_EQ(fence.median, 5);
  EXPECT_EQ(fence.mad, 0);
  EXPECT_FALSE(fence.active);
  EXPECT_FALSE(fence.IsOutlier(100));
}

TEST(OutlierFenceTest, NoValuesFlagsNothing) {
  const OutlierFence fence = ComputeOutlierFence({});
  EXPECT_FALSE(fence.active);
  EXPECT_FALSE(fence.IsOutlier(1e9));
}

}  // namespace
}  // namespace ctind::internal
