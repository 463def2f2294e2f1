// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#ifndef CTIND_COMMON_SUGGEST_H_
#define CTIND_COMMON_SUGGEST_H_

#include <string>
#include <string_view>
#include <vector>

namespace ctind {

// "; did you mean 'x'?" for the candidate closest to `word` (case-
// insensitive edit distance, at most about a third of the word), or "".
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace ctind

#endif  // CTIND_COMMON_SUGGEST_H_
