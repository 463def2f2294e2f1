// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Golden files of the renderers' tests (test-only, included by *_test.cc).

#ifndef CTIND_REPORT_GOLDEN_TESTING_H_
#define CTIND_REPORT_GOLDEN_TESTING_H_

#include <cstddef>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace ctind {
namespace golden_testing {

// The bytes of the file at `path` ("" when it cannot be read).
inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Compares `actual` with tests/golden/`name`; CTIND_UPDATE_GOLDEN=1
// rewrites the file instead (then read the diff before committing).
inline void ExpectGolden(const std::string& actual, const std::string& name) {
  const std::string path = absl::StrCat(CTIND_SOURCE_DIR, "/tests/golden/", name);
  const char* update = std::getenv("CTIND_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  const std::string expected = ReadFile(path);
  ASSERT_FALSE(expected.empty()) << "missing golden file " << path;
  EXPECT_EQ(actual, expected) << "differs from " << path
                              << " (run with CTIND_UPDATE_GOLDEN=1 to accept)";
}

// The text from the first `begin` at or after `from` to the end of the
// `end` that follows it; "" when either is missing.
inline std::string Between(const std::string& text, const std::string& begin,
                           const std::string& end, size_t from = 0) {
  const size_t start = text.find(begin, from);
  if (start == std::string::npos) return "";
  const size_t stop = text.find(end, start);
  return stop == std::string::npos ? "" : text.substr(start, stop + end.size() - start);
}

}  // namespace golden_testing
}  // namespace ctind

#endif  // CTIND_REPORT_GOLDEN_TESTING_H_
