// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#ifndef CTIND_COMMON_NUMBER_FORMAT_H_
#define CTIND_COMMON_NUMBER_FORMAT_H_

#include <string>

namespace ctind {

// The shortest decimal text that reads back as exactly `value` ("12",
// "0.1", "33.333333333333336", "1e+21"); integers print without a decimal
// point. Not for NaN or infinities (printed "nan", "inf", "-inf").
std::string FormatNumber(double value);

// `value` with `decimals` digits after the point, for people ("62.5").
std::string FormatFixed(double value, int decimals);

}  // namespace ctind

#endif  // CTIND_COMMON_NUMBER_FORMAT_H_
