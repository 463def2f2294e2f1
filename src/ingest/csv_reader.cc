// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "ingest/csv_reader.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "common/utf8.h"

namespace ctind {
namespace {

constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The code point whose well-formed UTF-8 encoding starts at text[offset].
uint32_t DecodeAt(std::string_view text, size_t offset) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data()) + offset;
  if (s[0] < 0x80) return s[0];
  if (s[0] < 0xE0) return (uint32_t{s[0]} & 0x1F) << 6 | (s[1] & 0x3F);
  if (s[0] < 0xF0) {
    return (uint32_t{s[0]} & 0x0F) << 12 | (uint32_t{s[1]} & 0x3F) << 6 |
           (s[2] & 0x3F);
  }
  return (uint32_t{s[0]} & 0x07) << 18 | (uint32_t{s[1]} & 0x3F) << 12 |
         (uint32_t{s[2]} & 0x3F) << 6 | (s[3] & 0x3F);
}

// The character at text[offset] as messages show it: 'x', tab, U+0001,
// 'Ñ' (U+00D1), or byte 0xff when no well-formed sequence starts there.
std::string DescribeCharacter(std::string_view text, size_t offset) {
  if (FindInvalidUtf8(text.substr(offset, 4)) == size_t{0}) {
    return absl::StrFormat("byte 0x%02x",
                           static_cast<unsigned char>(text[offset]));
  }
  const uint32_t code_point = DecodeAt(text, offset);
  if (code_point == '\t') return "tab";
  if (code_point < 0x20 || code_point == 0x7F) {
    return absl::StrFormat("U+%04X", code_point);
  }
  if (code_point < 0x80) {
    return absl::StrCat("'", std::string(1, text[offset]), "'");
  }
  size_t length = 1;
  while (offset + length < text.size() &&
         IsContinuation(static_cast<unsigned char>(text[offset + length]))) {
    ++length;
  }
  return absl::StrFormat("'%s' (U+%04X)",
                         std::string(text.substr(offset, length)), code_point);
}

std::string DescribeDelimiter(char delimiter) {
  const char text[1] = {delimiter};
  return DescribeCharacter(std::string_view(text, 1), 0);
}

// The first byte in [p, end) that ends an unquoted field's text (those for
// which `ends[byte]` is true: the delimiter, CR, LF, '"'), or `end`.
const char* FindUnquotedEnd(const char* p, const char* end, char delimiter,
                            const std::array<bool, 256>& ends) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  // Eight bytes at a time. In match(w, pattern) a byte of w equal to the
  // pattern's byte has its high bit set; bits above the lowest match may be
  // false positives, so only the lowest set bit of the OR is used.
  constexpr uint64_t kOnes = 0x0101010101010101u;
  constexpr uint64_t kHighBits = 0x8080808080808080u;
  auto match = [](uint64_t word, uint64_t pattern) {
    const uint64_t x = word ^ pattern;
    return (x - kOnes) & ~x & kHighBits;
  };
  const uint64_t delimiters = kOnes * static_cast<unsigned char>(delimiter);
  while (end - p >= 8) {
    uint64_t word;
    std::memcpy(&word, p, sizeof(word));
    const uint64_t found = match(word, delimiters) | match(word, kOnes * '\n') |
                           match(word, kOnes * '\r') | match(word, kOnes * '"');
    if (found != 0) {
#if defined(__GNUC__) || defined(__clang__)
      return p + __builtin_ctzll(found) / 8;
#else
      break;  // The loop below finds the byte within these eight.
#endif
    }
    p += 8;
  }
#else
  static_cast<void>(delimiter);  // Only the table is used.
#endif
  while (p != end && !ends[static_cast<unsigned char>(*p)]) ++p;
  return p;
}

}  // namespace

absl::StatusOr<CsvReader> CsvReader::Create(std::string_view data,
                                            std::string file_name,
                                            CsvOptions options) {
  const auto delimiter = static_cast<unsigned char>(options.delimiter);
  if (delimiter >= 0x80 || delimiter == '"' || delimiter == '\r' ||
      delimiter == '\n') {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s: CsvOptions.delimiter is byte 0x%02x; it must be an ASCII "
        "character other than '\"', CR and LF",
        file_name, delimiter));
  }
  if (options.max_field_bytes == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(file_name,
                     ": CsvOptions.max_field_bytes is 0; it must be at least "
                     "1"));
  }
  if (options.max_fields_per_record == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(file_name,
                     ": CsvOptions.max_fields_per_record is 0; it must be at "
                     "least 1"));
  }
  if (data.substr(0, kUtf8ByteOrderMark.size()) == kUtf8ByteOrderMark) {
    data.remove_prefix(kUtf8ByteOrderMark.size());
  }
  return CsvReader(data, std::move(file_name), options);
}

CsvReader::CsvReader(std::string_view data, std::string file_name,
                     CsvOptions options)
    : data_(data), file_name_(std::move(file_name)), options_(options) {
  ends_unquoted_[static_cast<unsigned char>(options_.delimiter)] = true;
  ends_unquoted_['\r'] = true;
  ends_unquoted_['\n'] = true;
  ends_unquoted_['"'] = true;
}

absl::StatusOr<bool> CsvReader::Next(CsvRecord* record) {
  if (record == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(file_name_, ": CsvReader::Next: record is null"));
  }
  record->fields.clear();
  record->line = 0;
  record->unescaped_.clear();
  record->unescaped_texts_.clear();
  if (!status_.ok()) return status_;

  const char* const data = data_.data();
  const size_t size = data_.size();
  while (pos_ < size) {
    if (data[pos_] == '\n') {
      pos_ += 1;
    } else if (data[pos_] == '\r' && pos_ + 1 < size &&
               data[pos_ + 1] == '\n') {
      pos_ += 2;
    } else {
      break;
    }
    ++line_;
  }
  if (pos_ == size) return false;

  absl::Status status = ReadRecord(record);
  if (!status.ok()) {
    record->fields.clear();
    record->line = 0;
    status_ = status;
    return status;
  }
  return true;
}

absl::Status CsvReader::ReadRecord(CsvRecord* record) {
  const char* const data = data_.data();
  const char* const end = data + data_.size();
  const char delimiter = options_.delimiter;
  const size_t max_field_bytes = options_.max_field_bytes;
  const size_t record_start = pos_;
  const int64_t record_line = line_;
  // line_ is kept in a register while the record is read.
  int64_t line = line_;
  std::vector<CsvField>& fields = record->fields;
  std::vector<char>& unescaped = record->unescaped_;
  record->line = record_line;

  auto offset_of = [data](const char* p) {
    return static_cast<size_t>(p - data);
  };
  auto fail = [&](const char* at, const char* detected_at,
                  std::string_view message) {
    return RecordError(record_start, record_line, offset_of(at),
                       offset_of(detected_at), message);
  };
  auto too_long = [&](const char* field_start, const char* detected_at) {
    return fail(field_start, detected_at,
                absl::StrFormat("field is longer than %d bytes, the most "
                                "accepted",
                                max_field_bytes));
  };

  // The start of the current line: fields get byte columns from it, which
  // ResolveColumns turns into code-point columns when the record is not
  // ASCII.
  const char* line_start = data + record_start;
  const char* p = line_start;
  // Each iteration reads one field and the byte that ends it.
  while (true) {
    const char* const field_start = p;
    if (fields.size() == options_.max_fields_per_record) {
      return fail(
          field_start, field_start,
          absl::StrFormat(
              "record has more than %d %s, the most accepted",
              options_.max_fields_per_record,
              options_.max_fields_per_record == 1 ? "field" : "fields"));
    }
    const auto byte_column = static_cast<int64_t>(field_start - line_start) + 1;
    if (p != end && *p == '"') {
      const int64_t field_line = line;
      const char* const content = p + 1;
      // Once a `""` is seen, the text is copied to `unescaped`; `segment`
      // is the start of what is not copied yet. Copying stops once the text
      // is known to be too long (`overflow`), so that hostile input cannot
      // make the buffer grow past max_field_bytes; the error is still
      // reported at the closing quote, so that a missing one is reported
      // as such.
      const char* segment = content;
      bool escaped = false;
      bool overflow = false;
      size_t unescaped_offset = 0;
      const auto append = [&](const char* to) {
        const auto size = static_cast<size_t>(to - segment);
        if (overflow ||
            unescaped.size() - unescaped_offset + size > max_field_bytes) {
          overflow = true;
        } else {
          unescaped.insert(unescaped.end(), segment, to);
        }
      };
      const char* quote;
      while (true) {
        quote = static_cast<const char*>(
            std::memchr(segment, '"', static_cast<size_t>(end - segment)));
        if (quote == nullptr) {
          return fail(field_start, end,
                      "unterminated quoted field (opened here); end the field "
                      "with a closing quote, and write each quote inside it "
                      "as \"\"");
        }
        if (quote + 1 == end || quote[1] != '"') break;
        if (!escaped) {
          escaped = true;
          unescaped_offset = unescaped.size();
        }
        append(quote + 1);
        segment = quote + 2;
      }
      for (const char* newline = content;
           (newline = static_cast<const char*>(std::memchr(
                newline, '\n', static_cast<size_t>(quote - newline)))) !=
           nullptr;) {
        ++line;
        line_start = ++newline;
      }
      std::string_view text(content, static_cast<size_t>(quote - content));
      if (escaped) {
        append(quote);
        if (overflow) return too_long(field_start, quote);
        const size_t text_size = unescaped.size() - unescaped_offset;
        record->unescaped_texts_.push_back(
            {fields.size(), unescaped_offset, text_size});
        text = std::string_view();
      } else if (text.size() > max_field_bytes) {
        return too_long(field_start, quote);
      }
      // Member by member: a braced temporary is built on the stack and
      // copied, which costs a store-forwarding stall per field.
      CsvField& field = fields.emplace_back();
      field.text = text;
      field.line = field_line;
      field.column = byte_column;
      field.quoted = true;
      p = quote + 1;
      if (p == end) break;
      if (*p == delimiter) {
        ++p;
        continue;
      }
      if (*p != '\n' && *p != '\r') {
        return fail(
            p, p,
            absl::StrCat("unexpected character ",
                         DescribeCharacter(data_, offset_of(p)),
                         " after closing quote; a closing quote must be "
                         "followed by ",
                         DescribeDelimiter(delimiter),
                         ", a line break or the end of the file (write a "
                         "quote inside a quoted field as \"\")"));
      }
    } else {
      p = FindUnquotedEnd(p, end, delimiter, ends_unquoted_);
      const auto size = static_cast<size_t>(p - field_start);
      if (size > max_field_bytes) return too_long(field_start, p);
      CsvField& field = fields.emplace_back();
      field.text = std::string_view(field_start, size);
      field.line = line;
      field.column = byte_column;
      field.quoted = false;
      if (p == end) break;
      if (*p == delimiter) {
        ++p;
        continue;
      }
      if (*p == '"') {
        return fail(p, p,
                    "quote inside an unquoted field; quote the whole field "
                    "and double the quote");
      }
    }
    // *p is CR or LF.
    if (*p == '\n') {
      ++p;
    } else if (p + 1 != end && p[1] == '\n') {
      p += 2;
    } else {
      return fail(p, p,
                  "bare carriage return; end lines with LF or CRLF, or quote "
                  "the field to keep a carriage return in it");
    }
    ++line;
    break;
  }

  const std::string_view raw(data + record_start,
                             static_cast<size_t>(p - data) - record_start);
  if (!IsAscii(raw)) {
    if (const std::optional<size_t> invalid = FindInvalidUtf8(raw)) {
      return Utf8Error(record_start, record_line, record_start + *invalid);
    }
    ResolveColumns(record_start, record);
  }
  for (const CsvRecord::UnescapedText& t : record->unescaped_texts_) {
    fields[t.field_index].text =
        std::string_view(unescaped.data() + t.offset, t.size);
  }
  pos_ = static_cast<size_t>(p - data);
  line_ = line;
  return absl::OkStatus();
}

void CsvReader::ResolveColumns(size_t record_start, CsvRecord* record) const {
  const char* const data = data_.data();
  int64_t line = record->line;
  size_t line_start = record_start;
  // Code points before `cursor` on its line are counted in `column`.
  size_t cursor = record_start;
  int64_t column = 1;
  for (CsvField& field : record->fields) {
    while (line < field.line) {
      const auto* newline = static_cast<const char*>(
          std::memchr(data + cursor, '\n', data_.size() - cursor));
      line_start = cursor = static_cast<size_t>(newline - data) + 1;
      column = 1;
      ++line;
    }
    const size_t field_offset =
        line_start + static_cast<size_t>(field.column) - 1;
    column += static_cast<int64_t>(
        CountCodePoints(data_.substr(cursor, field_offset - cursor)));
    cursor = field_offset;
    field.column = column;
  }
}

absl::Status CsvReader::RecordError(size_t record_start, int64_t record_line,
                                    size_t offset, size_t detected_at,
                                    std::string_view message) const {
  // A code point has at most 4 bytes: validating through byte
  // detected_at + 3 tells whether the sequences that start at or before
  // detected_at are well-formed.
  const size_t validate_end = std::min(data_.size(), detected_at + 4);
  const std::optional<size_t> invalid =
      FindInvalidUtf8(data_.substr(record_start, validate_end - record_start));
  if (invalid.has_value() && record_start + *invalid <= detected_at) {
    return Utf8Error(record_start, record_line, record_start + *invalid);
  }
  const LineColumn position =
      LineColumnAt(data_.substr(record_start), offset - record_start);
  return absl::InvalidArgumentError(absl::StrCat(
      file_name_, ":", record_line + position.line - 1, ":", position.column,
      ": ", absl::string_view(message.data(), message.size())));
}

absl::Status CsvReader::Utf8Error(size_t record_start, int64_t record_line,
                                  size_t offset) const {
  const LineColumn position =
      LineColumnAt(data_.substr(record_start), offset - record_start);
  const bool utf16_mark = offset == 0 && (data_.substr(0, 2) == "\xFF\xFE" ||
                                          data_.substr(0, 2) == "\xFE\xFF");
  return absl::InvalidArgumentError(absl::StrFormat(
      "%s:%d:%d: invalid UTF-8 byte 0x%02x; %s", file_name_,
      record_line + position.line - 1, position.column,
      static_cast<unsigned char>(data_[offset]),
      utf16_mark ? "the file starts with a UTF-16 byte-order mark; save it "
                   "as UTF-8"
                 : "save the file as UTF-8"));
}

}  // namespace ctind
