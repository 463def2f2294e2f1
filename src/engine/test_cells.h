// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Test helpers: an indicator's cells by readable keys, for the engine's
// hand-worked fixtures. Test-only (included by *_test.cc).

#ifndef CTIND_ENGINE_TEST_CELLS_H_
#define CTIND_ENGINE_TEST_CELLS_H_

#include <map>
#include <string>

#include "absl/strings/str_cat.h"
#include "ctind/v1/report.pb.h"
#include "engine/test_cell_key.h"
#include "gtest/gtest.h"

namespace ctind {
namespace testing_cells {

using CellMap = std::map<std::string, v1::Cell>;

// Cells keyed "SCOPE|period|dimension=value;…" (coordinates in order);
// fails the test on a duplicate key.
inline CellMap ByCoordinates(const v1::IndicatorResult& ir) {
  CellMap out;
  for (const v1::Cell& c : ir.cells()) {
    const std::string key = CellKey(c);
    EXPECT_TRUE(out.emplace(key, c).second) << "duplicate cell " << key;
  }
  return out;
}

// Cells keyed "SCOPE|period|value;…", and also "breakdown:SCOPE|period|
// value;…" for breakdowns whose values look alike.
inline CellMap ByValues(const v1::IndicatorResult& ir) {
  CellMap out;
  for (const v1::Cell& c : ir.cells()) {
    std::string key = absl::StrCat(v1::Scope_Name(c.scope()), "|", c.period(), "|");
    for (const v1::CellCoordinate& k : c.coordinates()) absl::StrAppend(&key, k.value(), ";");
    out[key] = c;
    out[absl::StrCat(c.breakdown(), ":", key)] = c;
  }
  return out;
}

// The value of the cell at `key`, which must exist and be present.
inline double PresentValue(const CellMap& cells, const std::string& key) {
  auto it = cells.find(key);
  if (it == cells.end()) {
    ADD_FAILURE() << "no cell " << key;
    return -1;
  }
  EXPECT_EQ(it->second.status(), v1::PRESENT) << key;
  EXPECT_TRUE(it->second.has_value()) << key;
  return it->second.value();
}

}  // namespace testing_cells
}  // namespace ctind

#endif  // CTIND_ENGINE_TEST_CELLS_H_
