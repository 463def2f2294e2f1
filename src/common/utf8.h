// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// UTF-8 validation and positions in UTF-8 text: every input (data files,
// definitions, strings given through the APIs) must be well-formed UTF-8, and
// every diagnostic names a line and a column counted in code points.
//
// Thread safety: all functions are pure.

#ifndef CTIND_COMMON_UTF8_H_
#define CTIND_COMMON_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace ctind {

// A position in text: both 1-based. Lines are separated by LF (a CR before
// an LF ends the previous line; any other CR is an ordinary character).
// `column` counts code points from the start of the line.
struct LineColumn {
  int64_t line = 1;
  int64_t column = 1;
};

// True when every byte of `text` is below 0x80 (true for empty text).
bool IsAscii(std::string_view text);

// The byte offset of the first ill-formed UTF-8 sequence in `text`, or
// nullopt when the whole of `text` is well-formed UTF-8 (RFC 3629, Unicode
// table 3-7). Rejected: continuation bytes without a lead byte, the bytes
// C0, C1 and F5..FF, overlong encodings, surrogates (U+D800..U+DFFF), code
// points above U+10FFFF, and sequences truncated by another byte or by the
// end of `text`. The offset is that of the byte that starts the ill-formed
// sequence: the lead byte when its continuation bytes are wrong or missing,
// the stray byte itself otherwise. U+0000 is well-formed.
std::optional<size_t> FindInvalidUtf8(std::string_view text);

// The number of code points in `text`, counted as the bytes that are not
// UTF-8 continuation bytes (10xxxxxx); exact for well-formed UTF-8 and
// defined for any bytes.
size_t CountCodePoints(std::string_view text);

// The line and column of the byte at `offset` in `text`, where `text`
// starts at line 1, column 1. An `offset` past the end is treated as
// text.size() (the position just after the last byte). The column counts
// code points as CountCodePoints does, so it is defined for any bytes.
LineColumn LineColumnAt(std::string_view text, size_t offset);

}  // namespace ctind

#endif  // CTIND_COMMON_UTF8_H_
