// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// An RFC 4180 CSV tokenizer. It splits UTF-8 text into records and fields
// and knows nothing of headers, types or schemas (the layer above maps a
// header to schema fields and parses values).
//
// The grammar accepted:
//  - A UTF-8 byte-order mark at the very start is skipped; positions are
//    counted from the byte after it. The rest must be well-formed UTF-8.
//  - Records end at LF or CRLF; the last may lack a line break. A CR not
//    followed by LF outside quotes is an error. Empty lines (nothing between
//    two line breaks) are skipped; a line of delimiters only is a record of
//    empty fields.
//  - A field that starts with '"' is quoted: up to the closing quote, `""`
//    is one '"' and delimiters, CR and LF are content (kept as written: CRLF
//    inside quotes stays CRLF). The closing quote must be followed by the
//    delimiter, a line break or the end of the input. A '"' anywhere else in
//    a field is an error.
//  - No trimming: spaces around fields and around quotes are content (and
//    so a space before an opening quote makes the quote an error).
//
// Errors are absl::InvalidArgumentError with a message
// "<file>:<line>:<column>: <what>; <what would be right>", e.g.
//   victims.csv:12:7: unterminated quoted field (opened here); ...
// Lines and columns are 1-based; columns count code points (see utf8.h).
// Records before the first problem are returned; of the problems in one
// record, the first met reading left to right is reported: an invalid UTF-8
// sequence at its first byte (before any other problem met there), a field
// that is too long at the byte after it, an extra field at its first byte,
// and an unterminated quote at the end of the input.
//
// Thread safety: a CsvReader and a CsvRecord are not thread-safe; distinct
// readers over the same data may be used from distinct threads.

#ifndef CTIND_INGEST_CSV_READER_H_
#define CTIND_INGEST_CSV_READER_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace ctind {

struct CsvOptions {
  // Separates the fields of a record: an ASCII character other than '"',
  // CR and LF (',' ';' '\t' '|' ...).
  char delimiter = ',';
  // The most bytes a field's text (after unescaping `""`) may have; a longer
  // field is an error. At least 1.
  size_t max_field_bytes = size_t{1} << 20;
  // The most fields a record may have; one more is an error. At least 1.
  size_t max_fields_per_record = 4096;
};

struct CsvField {
  // The field's content: without the surrounding quotes, `""` unescaped.
  // Views the reader's input unless the field contained `""`, in which case
  // it views a buffer owned by the CsvRecord. Valid while the input lives
  // and until the record is next passed to CsvReader::Next or destroyed.
  std::string_view text;
  // Where the field's first byte (its opening quote, if quoted) is: 1-based
  // line, and 1-based column in code points from the start of that line.
  // An empty field at the end of a line starts at the line break.
  int64_t line = 0;
  int64_t column = 0;
  // The field was written in quotes (so `""` is a quoted empty field, and
  // the empty field in `a,,b` is not quoted).
  bool quoted = false;
};

// One record, filled by CsvReader::Next. Reuse one record across calls: its
// storage is kept, so steady-state reading does not allocate.
//
// Move-only: moving keeps every `text` valid (the buffer moves with it);
// a copy would hold views into the original's buffer, so copying is
// disabled. Copy the texts out to keep them past the next call to Next.
struct CsvRecord {
  CsvRecord() = default;
  CsvRecord(CsvRecord&&) = default;
  CsvRecord& operator=(CsvRecord&&) = default;
  CsvRecord(const CsvRecord&) = delete;
  CsvRecord& operator=(const CsvRecord&) = delete;

  // The fields in order; never empty after a successful Next.
  std::vector<CsvField> fields;
  // The line on which the record starts (its first field's line).
  int64_t line = 0;

 private:
  friend class CsvReader;

  // A field's text in unescaped_, recorded while the record is read and
  // resolved into a view when it is complete (appending may reallocate).
  struct UnescapedText {
    size_t field_index;
    size_t offset;
    size_t size;
  };
  // std::vector rather than std::string: a move keeps the heap buffer, so
  // views into it survive a move of the record (a short std::string lives
  // inside the object).
  std::vector<char> unescaped_;
  std::vector<UnescapedText> unescaped_texts_;
};

// Reads the records of CSV text one at a time. Copyable: a copy reads on
// from the same place, independently of the original.
class CsvReader {
 public:
  // A reader of `data`, which the caller keeps alive and unchanged while the
  // reader and the texts of its records are in use. `file_name` is the
  // prefix of error messages. Returns InvalidArgumentError, naming the
  // option, when `options` breaks a rule stated in CsvOptions. The data is
  // not examined here: every problem in it is reported by Next.
  static absl::StatusOr<CsvReader> Create(std::string_view data,
                                          std::string file_name,
                                          CsvOptions options = {});

  // Reads the next record into *record, replacing its contents. Returns
  // true when a record was read and false at the end of the input (at once
  // for an empty input or one holding only a byte-order mark or line breaks;
  // reporting an empty file is the caller's business). Returns
  // InvalidArgumentError, as described at the top of this file, when the
  // data is not well-formed CSV; *record is then left empty, and this and
  // every later call return the same error. Returns InvalidArgumentError
  // when `record` is null.
  absl::StatusOr<bool> Next(CsvRecord* record);

  const std::string& file_name() const { return file_name_; }

 private:
  CsvReader(std::string_view data, std::string file_name, CsvOptions options);

  // Reads the record starting at pos_, which is not at the end of the input
  // nor at a line break.
  absl::Status ReadRecord(CsvRecord* record);

  // Turns each field's column, a count of bytes when this is called, into a
  // count of code points. The record starts at byte `record_start` and is
  // well-formed UTF-8.
  void ResolveColumns(size_t record_start, CsvRecord* record) const;

  // The error `message` at byte `offset` of the record that starts at byte
  // `record_start` on line `record_line`, a problem met when reading byte
  // `detected_at` (data_.size() for the end of the input) — unless an
  // invalid UTF-8 sequence starts at or before `detected_at`: that one is
  // met first and reported instead.
  absl::Status RecordError(size_t record_start, int64_t record_line,
                           size_t offset, size_t detected_at,
                           std::string_view message) const;

  // The error "invalid UTF-8 byte" at byte `offset`, in the record that
  // starts at `record_start` on line `record_line`.
  absl::Status Utf8Error(size_t record_start, int64_t record_line,
                         size_t offset) const;

  // The input, without its byte-order mark.
  std::string_view data_;
  std::string file_name_;
  CsvOptions options_;
  // The bytes that end an unquoted field's text: the delimiter, CR, LF, '"'.
  std::array<bool, 256> ends_unquoted_{};
  // The offset of the next byte to read, and its line.
  size_t pos_ = 0;
  int64_t line_ = 1;
  // The first error met; once set, Next returns it forever.
  absl::Status status_;
};

}  // namespace ctind

#endif  // CTIND_INGEST_CSV_READER_H_
