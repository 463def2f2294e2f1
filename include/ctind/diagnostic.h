// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Diagnostics: a user's mistake in a definition or an input file, with the
// place it was found. Infrastructure failures are absl::Status values; a
// definition with mistakes yields diagnostics *and* an InvalidArgument
// status that summarises them.

#ifndef CTIND_DIAGNOSTIC_H_
#define CTIND_DIAGNOSTIC_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"

namespace ctind {

enum class Severity { kError, kWarning, kNote };

struct Diagnostic {
  Severity severity = Severity::kError;
  // Path of the offending field in the definition, e.g.
  // "indicators[2].period.by"; empty for input files.
  std::string path;
  std::string message;
  // Input file name as the user gave it; may be empty.
  std::string file;
  // 1-based line and column (Unicode code points) in `file`; 0 = unknown.
  int32_t line = 0;
  int32_t column = 0;
  // Byte offset in the input; -1 = unknown.
  int64_t offset = -1;
  // The source line the diagnostic points at, with a caret line below it;
  // empty when the source is not known.
  std::string excerpt;

  // "file:line:column: path: message" with the parts that are known,
  // followed by the excerpt on the next lines when there is one.
  std::string ToString() const;
};

using Diagnostics = std::vector<Diagnostic>;

// True when any diagnostic is an error.
bool HasErrors(const Diagnostics& diagnostics);

// OK when `diagnostics` holds no error; otherwise InvalidArgument whose
// message is the first error's ToString() (without excerpt), followed by
// " (and N more)" when there are others.
absl::Status StatusFromDiagnostics(const Diagnostics& diagnostics);

}  // namespace ctind

#endif  // CTIND_DIAGNOSTIC_H_
