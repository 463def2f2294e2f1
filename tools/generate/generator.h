// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// A seeded, deterministic generator of a synthetic counter-trafficking
// caseload in the catalog's case schema (catalog/schema.textproto, id
// "htcds-case"): persons identified over a project span, their cases,
// support plans, services, perpetrators and legal proceedings, and the
// project's trainings and participants, awareness activities, survey
// respondents, coordination mechanisms and population figures. The joint
// distributions, the share of dirty records and the sizes are described in
// docs/synthetic-data.md.
//
// Determinism: the same options give byte-identical CSV on every machine.
// Each person's records (the person, its cases and everything under them)
// are drawn from a random stream named by (seed, person index) alone, and
// each training, activity, respondent and mechanism from its own stream;
// dirty values come from separate streams, so a clean record is the same
// at every dirty rate. A table's rows are therefore the same whichever
// other tables are produced, and in whatever order.
//
// Memory stays small at any size when writing files: persons are generated
// one at a time, each with its linked records, into one buffered file per
// table. GenerateCsv and GenerateInto hold one table's text at a time.
//
// Thread safety: every function may be called from several threads at
// once with distinct outputs.

#ifndef CTIND_TOOLS_GENERATE_GENERATOR_H_
#define CTIND_TOOLS_GENERATE_GENERATOR_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "ctind/dataset.h"
#include "ctind/date.h"

namespace ctind {
namespace generate {

// The tables of the case schema, in load order (a table after those it
// links to).
enum class Table {
  kPersons = 0,
  kCases,
  kSupportPlans,
  kServices,
  kPerpetrators,
  kLegalProceedings,
  kTrainings,
  kTrainingParticipants,
  kAwarenessActivities,
  kSurveyRespondents,
  kCoordinationMechanisms,
  kPopulation,
};
inline constexpr int kTableCount = 12;

// Every table, in load order.
std::vector<Table> AllTables();
// The table's name in the case schema: "persons", "support_plans", ...
std::string_view TableName(Table table);
// The table named `name`, or nullopt.
std::optional<Table> FindTable(std::string_view name);
// The columns written for `table`: its fields' names, in the case schema's
// order (the header of its CSV).
const std::vector<std::string_view>& TableColumns(Table table);

inline constexpr int64_t kMaxPersons = 100'000'000;

struct GeneratorOptions {
  // Persons identified over the span, 1 .. kMaxPersons. Linked tables
  // scale with it (about 1.3 cases per person, 3 services per case, ...).
  int64_t persons = 10'000;
  uint64_t seed = 20260101;
  // Probability that a record carries one dirty value (a misspelt code, an
  // impossible or wrongly formatted date, a value out of range, a case
  // closed before it opens, a duplicated record), in [0, 0.5]. 0 gives
  // data that loads into the case schema with no finding.
  double dirty_rate = 0.02;
  // Whether a dirty record may repeat the key of a person or case, which
  // other tables link to. Such a duplicate makes every indicator reaching
  // the person or case through a link fail with a clear error (a parent's
  // key must be unique), as real exports with duplicates do; false keeps
  // the duplicates to services, so that linked indicators still compute.
  bool duplicate_linked_keys = true;
  // The project span, first and last day inclusive (default 2023-01-01 ..
  // 2025-12-31): at least 90 days, within the years 2000 .. 2100. Every
  // record's placing date lies in it; planned end dates may lie after it.
  Date start = Date::FromDayNumber(19358);  // 2023-01-01
  Date end = Date::FromDayNumber(20453);    // 2025-12-31
  // The tables to produce; empty means all of them.
  std::vector<Table> tables;
};

// OK, or InvalidArgument naming the option that is out of range.
absl::Status ValidateOptions(const GeneratorOptions& options);

struct TableStats {
  int64_t rows = 0;   // data records, without the header
  int64_t bytes = 0;  // CSV bytes, header included
};
struct GenerateStats {
  TableStats tables[kTableCount];
};

// Called on the generating thread every few thousand persons and once at
// the end, with the persons generated so far and the total.
using ProgressCallback = std::function<void(int64_t done, int64_t total)>;

// Writes each selected table to `directory`/<table>.csv (created, with its
// parents, when missing; existing files are replaced): the header is the
// table's columns, fields are RFC 4180-quoted where needed, multi-valued
// fields separate their codes with ';', lines end with LF. Output is
// buffered per table; memory does not grow with `persons`.
// Errors: InvalidArgument for bad options; PermissionDenied / NotFound /
// FailedPrecondition when the directory or a file cannot be created,
// naming the path (before anything is written); DataLoss when a write
// fails (disk full), naming the file. `stats` (optional) receives rows and
// bytes per table.
absl::Status WriteCsvFiles(const GeneratorOptions& options, const std::string& directory,
                           const ProgressCallback& progress = nullptr,
                           GenerateStats* stats = nullptr);

// The CSV text of one table (header included), exactly the bytes
// WriteCsvFiles writes for it. Errors: InvalidArgument for bad options.
absl::StatusOr<std::string> GenerateCsv(const GeneratorOptions& options, Table table);

// Generates each selected table and loads it into `dataset` with
// Dataset::LoadCsv (file name "<table>.csv", default IngestOptions), in
// load order, one table's text in memory at a time. Dirty values load as
// invalid values and findings. Errors: InvalidArgument for bad options or
// a null dataset; otherwise the first LoadCsv error, prefixed with the
// table (NotFound when the dataset's schema lacks a table,
// FailedPrecondition when a table is already loaded). Tables loaded before
// an error stay loaded.
absl::Status GenerateInto(const GeneratorOptions& options, Dataset* dataset,
                          GenerateStats* stats = nullptr);

}  // namespace generate
}  // namespace ctind

#endif  // CTIND_TOOLS_GENERATE_GENERATOR_H_
