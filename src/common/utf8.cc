// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "common/utf8.h"

#include <algorithm>
#include <cstring>

namespace ctind {
namespace {

constexpr uint64_t kOnes = 0x0101010101010101u;
constexpr uint64_t kHighBits = 0x8080808080808080u;

uint64_t Load64(const unsigned char* p) {
  uint64_t word;
  std::memcpy(&word, p, sizeof(word));
  return word;
}

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

bool IsAscii(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  // Four words per iteration: the OR of 32 bytes is tested once.
  for (; i + 32 <= n; i += 32) {
    if ((Load64(p + i) | Load64(p + i + 8) | Load64(p + i + 16) |
         Load64(p + i + 24)) &
        kHighBits) {
      return false;
    }
  }
  for (; i + 8 <= n; i += 8) {
    if (Load64(p + i) & kHighBits) return false;
  }
  for (; i < n; ++i) {
    if (p[i] & 0x80) return false;
  }
  return true;
}

std::optional<size_t> FindInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      while (i + 8 <= n && (Load64(s + i) & kHighBits) == 0) i += 8;
      continue;
    }
    // Table 3-7 of the Unicode Standard: the second byte's range depends on
    // the lead byte (this excludes overlongs, surrogates and > U+10FFFF);
    // later bytes are always 80..BF.
    size_t length;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (c < 0xC2) {
      return i;  // A stray continuation byte, or C0/C1 (always overlong).
    } else if (c < 0xE0) {
      length = 2;
    } else if (c < 0xF0) {
      length = 3;
      if (c == 0xE0) low = 0xA0;
      if (c == 0xED) high = 0x9F;
    } else if (c < 0xF5) {
      length = 4;
      if (c == 0xF0) low = 0x90;
      if (c == 0xF4) high = 0x8F;
    } else {
      return i;
    }
    if (n - i < length || s[i + 1] < low || s[i + 1] > high) return i;
    for (size_t k = 2; k < length; ++k) {
      if (!IsContinuation(s[i + k])) return i;
    }
    i += length;
  }
  return std::nullopt;
}

size_t CountCodePoints(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t continuations = 0;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const uint64_t word = Load64(p + i);
    // The high bit of each continuation byte (10xxxxxx): bit 7 set, bit 6
    // clear; shifting ~word left by one moves each bit 6 under bit 7.
    const uint64_t marks = word & (~word << 1) & kHighBits;
    // One 0/1 per byte, summed into the top byte by the multiplication.
    continuations += static_cast<size_t>(((marks >> 7) * kOnes) >> 56);
  }
  for (; i < n; ++i) continuations += IsContinuation(p[i]) ? 1 : 0;
  return n - continuations;
}

LineColumn LineColumnAt(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  LineColumn position;
  size_t line_start = 0;
  const char* const begin = text.data();
  const char* p = begin;
  const char* const end = begin + offset;
  while (p != end) {
    const void* newline = std::memchr(p, '\n', static_cast<size_t>(end - p));
    if (newline == nullptr) break;
    p = static_cast<const char*>(newline) + 1;
    line_start = static_cast<size_t>(p - begin);
    ++position.line;
  }
  position.column += static_cast<int64_t>(
      CountCodePoints(text.substr(line_start, offset - line_start)));
  return position;
}

}  // namespace ctind
