// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "ctind/diagnostic.h"

#include "absl/strings/str_cat.h"

namespace ctind {
namespace {

std::string Headline(const Diagnostic& d) {
  std::string out;
  if (!d.file.empty()) absl::StrAppend(&out, d.file, ":");
  if (d.line > 0) {
    absl::StrAppend(&out, d.line, ":");
    if (d.column > 0) absl::StrAppend(&out, d.column, ":");
  }
  if (!out.empty()) out += " ";
  if (d.severity == Severity::kWarning) out += "warning: ";
  if (d.severity == Severity::kNote) out += "note: ";
  if (!d.path.empty()) absl::StrAppend(&out, d.path, ": ");
  out += d.message;
  return out;
}

}  // namespace

std::string Diagnostic::ToString() const {
  std::string out = Headline(*this);
  if (!excerpt.empty()) absl::StrAppend(&out, "\n", excerpt);
  return out;
}

bool HasErrors(const Diagnostics& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::kError) return true;
  }
  return false;
}

absl::Status StatusFromDiagnostics(const Diagnostics& diagnostics) {
  const Diagnostic* first = nullptr;
  int errors = 0;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity != Severity::kError) continue;
    if (first == nullptr) first = &d;
    ++errors;
  }
  if (first == nullptr) return absl::OkStatus();
  std::string message = Headline(*first);
  if (errors > 1) absl::StrAppend(&message, " (and ", errors - 1, " more)");
  return absl::InvalidArgumentError(message);
}

}  // namespace ctind
