// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// A seeded, deterministic generator of synthetic counter-trafficking case
// records for the benchmarks: victims, their cases and the services given
// in each case, as CSV text per table, with the schema they load into.
//
// The joint distributions are meant to look like a real caseload, not to
// be one: gender mostly Feminine / Masculine with some other HTCDS codes and
// missing values; about a quarter children at identification; citizenship
// among 15 ISO 3166 codes (one of them "NA", Namibia, which must not load as
// missing); a multi-valued type of exploitation depending on gender and
// age, about 12% with two; identification dates over a three-year project
// (2023-2025) with a growing caseload; 1-2 cases per victim (1.3 on
// average) with opening and closing dates, some still open; 0-6 services
// per case (3.0 on average) with types and dates; and a few percent
// dirty values (misspelt codes, impossible or wrongly formatted dates,
// cases closed before they open), which load as invalid values with
// data-quality findings.
//
// Every victim's records are drawn from a random stream seeded by (seed,
// victim index) alone, so each table can be generated on its own, in any
// order, and the same options always give the same bytes. Sizes: about
// 92 bytes of CSV per victim, 45 per case and 40 per service, i.e. about
// 3.1 GB of CSV text for 10M victims (13.0M cases, 38.9M services).

#ifndef CTIND_BENCHMARKS_SYNTHETIC_H_
#define CTIND_BENCHMARKS_SYNTHETIC_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "ctind/dataset.h"
#include "ctind/model.h"

namespace ctind {
namespace bench {

// The tables of the synthetic schema, in load order (parents first).
enum class SyntheticTable { kVictims = 0, kCases = 1, kServices = 2 };
inline constexpr int kSyntheticTableCount = 3;
// "victims", "cases", "services".
const char* TableName(SyntheticTable table);

struct SyntheticOptions {
  int64_t victims = 10000;
  uint64_t seed = 20260101;
  // Probability that a record has one dirty value.
  double dirty_rate = 0.02;
};

// The project the data spans: 2023-01-01 to 2025-12-31 (12 quarters).
inline constexpr char kProjectStart[] = "2023-01-01";
inline constexpr char kProjectEnd[] = "2025-12-31";

// The schema, in protobuf text format: victims (key person_id), cases
// (link "person" to victims, children "cases", record_date opened_on) and
// services (link "case" to cases, children "services", record_date
// provided_on), with the derived dimensions age_band (victims, at the
// placing date), case_age_band (cases, at opening) and service_age_band
// (services, at the service's date).
std::string_view SyntheticSchemaText();
// SyntheticSchemaText() parsed; aborts if it does not validate.
const Schema& SyntheticSchema();

// The CSV text (header included) of one table for `options`.
std::string GenerateCsv(SyntheticTable table, const SyntheticOptions& options);

struct BuildStats {
  int64_t rows[kSyntheticTableCount] = {0, 0, 0};
  int64_t csv_bytes[kSyntheticTableCount] = {0, 0, 0};
  double generate_seconds = 0;
  double load_seconds = 0;
};

// Generates and loads the three tables one after the other, freeing each
// table's CSV text once it is loaded, so that at most one table's text is
// in memory next to the dataset.
absl::StatusOr<Dataset> BuildSyntheticDataset(const SyntheticOptions& options,
                                              BuildStats* stats = nullptr);

// Bytes of the dataset's columns (vectors' sizes, not their capacities,
// which may be reserved but never touched; string dictionaries with their
// heap buffers), i.e. the in-memory dataset the memory target is relative
// to. Reads the ingest layer's internal columns
// (src/ingest/columns.h), so it follows their layout.
int64_t DatasetBytes(const Dataset& dataset);

}  // namespace bench
}  // namespace ctind

#endif  // CTIND_BENCHMARKS_SYNTHETIC_H_
