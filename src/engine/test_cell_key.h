// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Test helpers shared by the fixtures of several stages (test-only; no
// gtest, so that the sample programs of tests/donor and tests/html can use
// them too): a readable key of a cell, and a cell marked as a publication
// shows a suppressed one.

#ifndef CTIND_ENGINE_TEST_CELL_KEY_H_
#define CTIND_ENGINE_TEST_CELL_KEY_H_

#include <string>

#include "absl/strings/str_cat.h"
#include "ctind/v1/report.pb.h"

namespace ctind {
namespace testing_cells {

// "SCOPE|period|dimension=value;…" of a cell (coordinates in order).
inline std::string CellKey(const v1::Cell& c) {
  std::string key = absl::StrCat(v1::Scope_Name(c.scope()), "|", c.period(), "|");
  for (const v1::CellCoordinate& k : c.coordinates()) {
    absl::StrAppend(&key, k.dimension(), "=", k.value(), ";");
  }
  return key;
}

// What a publication shows of a suppressed cell: its coordinates, the
// status and the flag; no value, numerator, denominator, unit count or
// reason.
inline void Suppress(v1::Cell* cell) {
  cell->set_status(v1::SUPPRESSED);
  cell->clear_value();
  cell->clear_numerator();
  cell->clear_denominator();
  cell->clear_units();
  cell->clear_suppression();
  cell->add_flags(v1::SUPPRESSED_FLAG);
}

}  // namespace testing_cells
}  // namespace ctind

#endif  // CTIND_ENGINE_TEST_CELL_KEY_H_
