// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Seeded random cases for the engine-versus-reference property test: a
// schema (persons-like table, a child table linked to it, a yearly
// non-sensitive population table), rows of raw field texts for each table
// (written as CSV for the engine, read as they are by the reference), a
// framework of random indicators and an as-of date.

#ifndef CTIND_TESTS_PROPERTY_GENERATOR_H_
#define CTIND_TESTS_PROPERTY_GENERATOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "ctind/date.h"
#include "ctind/v1/framework.pb.h"
#include "ctind/v1/schema.pb.h"

namespace ctind {
namespace property {

// The rows of one table as the generator wrote them: one raw text per
// column (exactly the text of the CSV cell, before any parsing).
struct TableRows {
  std::string table;
  // Column names in file order (a field's `column`, else its name). Fields
  // of the table without a column here are absent from the file.
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  char delimiter = ',';
  bool bom = false;
  bool crlf = false;
};

struct GeneratedCase {
  uint64_t seed = 0;
  v1::Schema schema;
  v1::Framework framework;
  std::vector<TableRows> tables;
  Date as_of;
};

struct GeneratorOptions {
  // Random `where` filters on indicators and aggregates, and a project
  // population filter (the engine does not accept them yet).
  bool filters = false;
};

GeneratedCase Generate(uint64_t seed, const GeneratorOptions& options);

// RFC 4180 text of `t` (header first), with its delimiter, BOM and line
// endings.
std::string ToCsv(const TableRows& t);

}  // namespace property
}  // namespace ctind

#endif  // CTIND_TESTS_PROPERTY_GENERATOR_H_
