// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Renderers of results. Output is deterministic: the same results give
// byte-identical bytes. Numbers are written at full precision (shortest
// round-trip form); 0, missing and suppressed are distinct in every format.

#ifndef CTIND_RENDER_H_
#define CTIND_RENDER_H_

#include <string>

#include "ctind/engine.h"

namespace ctind {

// The report message's canonical JSON form (proto field names, indented);
// fields with explicit presence appear whenever set, so a 0 is printed and
// a missing value is absent, with `status` saying which.
std::string RenderJson(const Results& results);

// One row per indicator × scope × period × cell, with a header and a stable
// column order (docs/output-formats.md). Text cells that a spreadsheet would
// execute (starting with = + - @ tab or CR) are quoted and prefixed with '.
std::string RenderCsv(const Results& results);

// A plain-text table per indicator (rows: cells, columns: periods), for a
// terminal: whole numbers as they are, other values to one decimal; "S"
// suppressed, "-" missing.
std::string RenderTable(const Results& results);

}  // namespace ctind

#endif  // CTIND_RENDER_H_
