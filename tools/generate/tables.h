// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Internal interface between the generator's drawing code (caseload.cc:
// persons and the tables under them; programme.cc: trainings, awareness,
// surveys, coordination mechanisms, population) and its outputs
// (generator.cc). Not part of the library's API.

#ifndef CTIND_TOOLS_GENERATE_TABLES_H_
#define CTIND_TOOLS_GENERATE_TABLES_H_

#include <cstdint>
#include <memory>
#include <string>

#include "generator.h"
#include "random.h"

namespace ctind {
namespace generate {
namespace internal {

// The options as the drawing code reads them.
struct Context {
  uint64_t seed = 0;
  double dirty_rate = 0;
  bool duplicate_linked_keys = true;
  int64_t persons = 0;
  int32_t start = 0;  // day numbers, inclusive
  int32_t end = 0;
};

// Random stream families (Rng's `stream`): one per kind of record group,
// and a separate one for the dirty values of each.
enum Stream : uint64_t {
  kPersonStream = 1,
  kPersonDirtStream,
  kTrainingStream,
  kTrainingDirtStream,
  kAwarenessStream,
  kAwarenessDirtStream,
  kRespondentStream,
  kRespondentDirtStream,
  kMechanismStream,
  kMechanismDirtStream,
};

// Where one table's records go: its CSV text so far (the caller flushes it)
// and the count of data records appended.
struct TableOutput {
  std::string text;
  int64_t rows = 0;
};

// Outputs by table (Table as index); null for a table not produced.
using TableOutputs = TableOutput* [kTableCount];

// Draws persons and their cases, support plans, services, perpetrators and
// legal proceedings. Holds the reusable draw of one person, so one
// generator per thread.
class CaseloadGenerator {
 public:
  explicit CaseloadGenerator(const Context& context);
  ~CaseloadGenerator();
  CaseloadGenerator(const CaseloadGenerator&) = delete;
  CaseloadGenerator& operator=(const CaseloadGenerator&) = delete;

  // Appends the records of person `index` (0-based) to the non-null outputs
  // among persons, cases, support_plans, services, perpetrators and
  // legal_proceedings.
  void Generate(int64_t index, const TableOutputs& outputs);

  // One person's records as drawn (caseload.cc).
  struct Draw;

 private:
  Context context_;
  std::unique_ptr<Draw> draw_;
};

// Record counts of the programme tables for `context.persons`.
int64_t TrainingCount(const Context& context);
int64_t AwarenessActivityCount(const Context& context);
int64_t SurveyRespondentCount(const Context& context);
int64_t CoordinationMechanismCount(const Context& context);

// Training `index` (to `trainings`) with its participants (to
// `participants`); either may be null.
void GenerateTraining(const Context& context, int64_t index, TableOutput* trainings,
                      TableOutput* participants);
void GenerateAwarenessActivity(const Context& context, int64_t index, TableOutput* out);
void GenerateSurveyRespondent(const Context& context, int64_t index, TableOutput* out);
// Every quarterly assessment of mechanism `index`.
void GenerateCoordinationMechanism(const Context& context, int64_t index, TableOutput* out);
// The whole population table (one row per year of the span, gender and
// country of citizenship drawn for persons).
void GeneratePopulation(const Context& context, TableOutput* out);

// The countries persons' citizenships are drawn from, by weight (population
// has a row for each).
extern const Weighted<const char*> kCitizenshipCountries[15];

}  // namespace internal
}  // namespace generate
}  // namespace ctind

#endif  // CTIND_TOOLS_GENERATE_TABLES_H_
