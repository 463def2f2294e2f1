// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Robust outlier detection by the median absolute deviation (MAD): a value
// x is an outlier when |x − median| > 3.5 × 1.4826 × MAD, where MAD is the
// median of |x_i − median|; 1.4826 scales the MAD to the standard deviation
// of normal data and 3.5 is the usual cut-off (Iglewicz and Hoaglin). The
// median and the MAD resist the outliers themselves, unlike a mean and a
// standard deviation. A MAD of 0 (more than half the values equal) gives no
// outliers.

#ifndef CTIND_QUALITY_OUTLIERS_H_
#define CTIND_QUALITY_OUTLIERS_H_

#include <cstdint>
#include <vector>

namespace ctind {
namespace internal {

inline constexpr double kOutlierCutoff = 3.5;
inline constexpr double kMadToSigma = 1.4826;

struct OutlierFence {
  double median = 0;
  double mad = 0;
  // kOutlierCutoff × kMadToSigma × mad: a value further than this from the
  // median is an outlier.
  double limit = 0;
  // False when there is nothing to flag: no values, or a MAD of 0.
  bool active = false;

  bool IsOutlier(double x) const;
};

// The median of `values` (the mean of the two middle values for an even
// number); 0 for none. Reorders `values`.
double Median(std::vector<double>& values);

// The fence of `values` (finite numbers, in any order).
OutlierFence ComputeOutlierFence(const std::vector<double>& values);

}  // namespace internal
}  // namespace ctind

#endif  // CTIND_QUALITY_OUTLIERS_H_
