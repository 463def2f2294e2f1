// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Debian's Abseil does not alias std::string_view (BUILD-NOTES.md, note 3):
// ctind's interfaces take std::string_view, and Abseil calls get an
// explicit conversion through Sv().

#ifndef CTIND_COMMON_STRINGS_H_
#define CTIND_COMMON_STRINGS_H_

#include <string>
#include <string_view>

#include "absl/strings/string_view.h"

namespace ctind {

inline absl::string_view Sv(std::string_view s) { return {s.data(), s.size()}; }
// `s` in single quotes, as messages quote names and values.
inline std::string Quoted(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '\'';
  out.append(s.data(), s.size());
  out += '\'';
  return out;
}

inline std::string_view StdSv(absl::string_view s) { return {s.data(), s.size()}; }

}  // namespace ctind

#endif  // CTIND_COMMON_STRINGS_H_
