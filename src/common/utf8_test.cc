// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "common/utf8.h"

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"

namespace ctind {
namespace {

using std::string_literals::operator""s;

// The UTF-8 encoding of any value below 0x200000, surrogates included.
std::string Encode(uint32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

// A reference validator written differently from the one under test: it
// decodes each sequence by its bit pattern and then checks the value.
std::optional<size_t> ReferenceFindInvalid(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = s[i];
    size_t length;
    uint32_t cp;
    if ((c & 0x80) == 0) {
      length = 1;
      cp = c;
    } else if ((c & 0xE0) == 0xC0) {
      length = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    for (size_t k = 1; k < length; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    static constexpr uint32_t kMinimum[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMinimum[length] || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return i;
    }
    i += length;
  }
  return std::nullopt;
}

struct InvalidCase {
  std::string name;
  std::string text;
  std::optional<size_t> expected;
};

TEST(FindInvalidUtf8Test, Table) {
  const std::string ascii_run(37, 'a');
  const std::vector<InvalidCase> cases = {
      {"empty", "", std::nullopt},
      {"ascii", "hello, world", std::nullopt},
      {"long_ascii", ascii_run + ascii_run, std::nullopt},
      {"nul", "a\0b"s, std::nullopt},
      {"two_byte_min", "\xC2\x80", std::nullopt},
      {"two_byte_max", "\xDF\xBF", std::nullopt},
      {"three_byte_min", "\xE0\xA0\x80", std::nullopt},
      {"below_surrogates", "\xED\x9F\xBF", std::nullopt},
      {"above_surrogates", "\xEE\x80\x80", std::nullopt},
      {"three_byte_max", "\xEF\xBF\xBF", std::nullopt},
      {"four_byte_min", "\xF0\x90\x80\x80", std::nullopt},
      {"max_code_point", "\xF4\x8F\xBF\xBF", std::nullopt},
      {"mixed_text", "Ñandú €5 😀 ok", std::nullopt},
      {"byte_order_mark", "\xEF\xBB\xBF", std::nullopt},
      {"ff", "a\xFF", 1},
      {"fe", "\xFE", 0},
      {"stray_continuation", "a\x80", 1},
      {"stray_continuation_bf", "\xBF", 0},
      {"overlong_c0", "\xC0\x80", 0},
      {"overlong_c1", "\xC1\xBF", 0},
      {"overlong_three_byte", "\xE0\x9F\xBF", 0},
      {"overlong_four_byte", "\xF0\x8F\xBF\xBF", 0},
      {"surrogate_low_end", "\xED\xA0\x80", 0},
      {"surrogate_high_end", "\xED\xBF\xBF", 0},
      {"above_max", "\xF4\x90\x80\x80", 0},
      {"f5_lead", "\xF5\x80\x80\x80", 0},
      {"truncated_two_byte", "ab\xC3", 2},
      {"truncated_three_byte", "ab\xE2\x82", 2},
      {"truncated_four_byte", "\xF0\x9F\x98", 0},
      {"bad_second_byte", "\xC3(", 0},
      {"bad_third_byte", "\xE2\x82(", 0},
      {"bad_fourth_byte", "\xF0\x9F\x98(", 0},
      {"after_two_byte", "\xC3\xA9\x80", 2},
      {"after_three_byte", "\xE2\x82\xAC\xC3", 3},
      // The word-at-a-time path must stop exactly at the bad byte.
      {"after_ascii_run", ascii_run + "\x80", 37},
      {"after_word", std::string(8, 'x') + "\xFF", 8},
      {"in_ascii_tail", ascii_run + "\xC3\xA9" + ascii_run + "\xFF", 76},
  };
  for (const InvalidCase& c : cases) {
    EXPECT_EQ(FindInvalidUtf8(c.text), c.expected) << c.name;
    EXPECT_EQ(ReferenceFindInvalid(c.text), c.expected) << c.name;
  }
}

TEST(FindInvalidUtf8Test, EveryCodePointAndSurrogate) {
  for (uint32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    const std::string text = "x" + Encode(cp) + "y";
    const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
    const std::optional<size_t> found = FindInvalidUtf8(text);
    if (surrogate) {
      ASSERT_EQ(found, std::optional<size_t>(1)) << std::hex << cp;
    } else {
      ASSERT_EQ(found, std::nullopt) << std::hex << cp;
    }
  }
}

TEST(FindInvalidUtf8Test, EveryTwoByteSequence) {
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const std::string text = {static_cast<char>(a), static_cast<char>(b)};
      ASSERT_EQ(FindInvalidUtf8(text), ReferenceFindInvalid(text))
          << std::hex << a << " " << b;
    }
  }
}

TEST(FindInvalidUtf8Test, AgreesWithReferenceOnRandomBytes) {
  std::mt19937 rng(20260101);
  // Mostly ASCII with some lead and continuation bytes, so that runs of
  // valid text of all lengths occur.
  const std::vector<std::string> pieces = {
      "a",        "bcdefgh",      "0123456789abcdef",
      "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80",
      "\x80",     "\xC3",         "\xE2",
      "\xF0",     "\xED\xA0",     "\xFF",
      "\xF4\x90"};
  std::uniform_int_distribution<size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> count(0, 40);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int iteration = 0; iteration < 4000; ++iteration) {
    std::string text;
    const int n = count(rng);
    for (int k = 0; k < n; ++k) {
      if (iteration % 4 == 0) {
        text += static_cast<char>(byte(rng));
      } else {
        text += pieces[piece(rng)];
      }
    }
    ASSERT_EQ(FindInvalidUtf8(text), ReferenceFindInvalid(text))
        << "iteration " << iteration;
  }
}

TEST(IsAsciiTest, Table) {
  EXPECT_TRUE(IsAscii(""));
  EXPECT_TRUE(IsAscii("plain text, 123\r\n\t\x7F"));
  EXPECT_TRUE(IsAscii(std::string(100, 'z')));
  EXPECT_FALSE(IsAscii("é"));
  // A high byte at every position of texts long enough for every loop.
  for (size_t size = 1; size <= 70; ++size) {
    for (size_t at = 0; at < size; ++at) {
      std::string text(size, 'a');
      text[at] = '\x80';
      ASSERT_FALSE(IsAscii(text)) << size << " " << at;
    }
  }
}

TEST(CountCodePointsTest, Table) {
  EXPECT_EQ(CountCodePoints(""), 0u);
  EXPECT_EQ(CountCodePoints("abc"), 3u);
  EXPECT_EQ(CountCodePoints("Ñandú"), 5u);
  EXPECT_EQ(CountCodePoints("€😀"), 2u);
  // Defined for any bytes: only continuation bytes are not counted.
  EXPECT_EQ(CountCodePoints("\xFF\x80\x80"), 1u);
  // Every byte value at every position of a word and of the tail.
  for (int value = 0; value < 256; ++value) {
    for (size_t at = 0; at < 19; ++at) {
      std::string text(19, 'a');
      text[at] = static_cast<char>(value);
      const size_t expected = (value & 0xC0) == 0x80 ? 18 : 19;
      ASSERT_EQ(CountCodePoints(text), expected) << value << " @" << at;
    }
  }
  const std::string mixed = "Ñandú 😀 €ü" + std::string(9, '.') + "Ñandú";
  EXPECT_EQ(CountCodePoints(mixed), 10u + 9u + 5u);
}

struct PositionCase {
  std::string text;
  size_t offset;
  int64_t line;
  int64_t column;
};

TEST(LineColumnAtTest, Table) {
  // Text, offset, then the expected line and column.
  // clang-format off
  const std::vector<PositionCase> cases = {
      {"", 0, 1, 1},
      {"abc", 0, 1, 1},
      {"abc", 2, 1, 3},
      {"abc", 3, 1, 4},
      {"abc", 99, 1, 4},
      {"a\nbc", 1, 1, 2},
      {"a\nbc", 2, 2, 1},
      {"a\nbc", 3, 2, 2},
      {"a\r\nbc", 1, 1, 2},
      {"a\r\nbc", 3, 2, 1},
      {"a\rbc", 2, 1, 3},  // A lone CR does not end a line.
      {"\n\n\nx", 3, 4, 1},
      {"Ñandú,x", 8, 1, 7},
      {"é\nÑandú\xFF", 10, 2, 6},
      {"😀,b", 5, 1, 3},
  };
  // clang-format on
  for (const PositionCase& c : cases) {
    const LineColumn position = LineColumnAt(c.text, c.offset);
    EXPECT_EQ(position.line, c.line) << c.text << " @" << c.offset;
    EXPECT_EQ(position.column, c.column) << c.text << " @" << c.offset;
  }
}

}  // namespace
}  // namespace ctind
