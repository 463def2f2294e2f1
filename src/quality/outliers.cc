// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "quality/outliers.h"

#include <algorithm>
#include <cmath>

namespace ctind {
namespace internal {

bool OutlierFence::IsOutlier(double x) const {
  return active && std::fabs(x - median) > limit;
}

double Median(std::vector<double>& values) {
  if (values.empty()) return 0;
  const size_t n = values.size();
  const size_t upper = n / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(upper),
                   values.end());
  const double high = values[upper];
  if (n % 2 == 1) return high;
  // The lower middle value is the largest of the values before `upper`.
  const double low = *std::max_element(values.begin(),
                                       values.begin() + static_cast<std::ptrdiff_t>(upper));
  return low + (high - low) / 2;
}

OutlierFence ComputeOutlierFence(const std::vector<double>& values) {
  OutlierFence fence;
  if (values.empty()) return fence;
  std::vector<double> scratch = values;
  fence.median = Median(scratch);
  for (size_t i = 0; i < values.size(); ++i) scratch[i] = std::fabs(values[i] - fence.median);
  fence.mad = Median(scratch);
  fence.limit = kOutlierCutoff * kMadToSigma * fence.mad;
  fence.active = fence.mad > 0 && std::isfinite(fence.limit);
  return fence;
}

}  // namespace internal
}  // namespace ctind
