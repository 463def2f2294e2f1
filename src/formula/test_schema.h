// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
//
// Test support: a schema with linked tables (persons ← cases ← services)
// and a flat table (victims), and a dataset loaded from CSV strings.

#ifndef CTIND_FORMULA_TEST_SCHEMA_H_
#define CTIND_FORMULA_TEST_SCHEMA_H_

#include <map>
#include <string>
#include <utility>

#include "ctind/dataset.h"
#include "ctind/model.h"
#include "gtest/gtest.h"
#include "ingest/columns.h"
#include "model/model_internal.h"

namespace ctind {
namespace internal {
namespace testing_schema {

inline constexpr char kSchema[] = R"pb(
id: "formula-test"
code_lists {
  id: "gender"
  codes { value: "Feminine" aliases: "F" }
  codes { value: "Masculine" aliases: "M" }
  codes { value: "NonBinary" }
}
code_lists { id: "forms" codes { value: "ForcedLabour" } codes { value: "SexualExploitation" } codes { value: "Other" } }
code_lists { id: "service_type" codes { value: "Medical" } codes { value: "Legal" } codes { value: "Shelter" } }
tables {
  name: "persons" key: "person_id"
  fields { name: "person_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "prs_Gender" type: CATEGORY code_list: "gender" }
  fields { name: "birth_date" type: DATE }
}
tables {
  name: "cases" key: "case_id" person: "person_id" record_date: "opened_on"
  fields { name: "case_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "person_id" type: STRING role: IDENTIFIER }
  fields { name: "opened_on" type: DATE }
  fields { name: "closed_on" type: DATE }
  fields { name: "forms" type: CATEGORY code_list: "forms" multi_valued: true }
  fields { name: "budget" type: DOUBLE }
  links { name: "person" field: "person_id" table: "persons" parent_field: "person_id" }
}
tables {
  name: "services" key: "service_id" person: "case.person_id" record_date: "provided_on"
  fields { name: "service_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "case_id" type: STRING role: IDENTIFIER }
  fields { name: "provided_on" type: DATE }
  fields { name: "service_type" type: CATEGORY code_list: "service_type" }
  fields { name: "cost" type: DOUBLE }
  fields { name: "units" type: INT64 }
  links { name: "case" field: "case_id" table: "cases" parent_field: "case_id" }
}
tables {
  name: "victims" key: "record_id"
  fields { name: "record_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "prs_Gender" type: CATEGORY code_list: "gender" }
  fields { name: "identified_on" type: DATE }
  fields { name: "first_service_on" type: DATE }
  fields { name: "forms" type: CATEGORY code_list: "forms" multi_valued: true }
  fields { name: "age" type: INT64 }
  fields { name: "score" type: DOUBLE }
  fields { name: "consent" type: BOOL }
  fields { name: "nick" type: STRING }
  fields { name: "town" type: STRING }
}
tables {
  name: "pairs" sensitivity: NON_SENSITIVE
  fields { name: "a" type: DATE }
  fields { name: "b" type: DATE }
  fields { name: "n" type: INT64 }
  fields { name: "x" type: BOOL }
  fields { name: "y" type: BOOL }
}
)pb";

inline Schema TestSchema(const char* text = kSchema) {
  absl::StatusOr<Schema> schema = Schema::Parse(text, ProtoFormat::kText, "schema");
  EXPECT_TRUE(schema.ok()) << schema.status();
  return *schema;
}

inline const SchemaRep& Rep(const Schema& schema) { return ModelAccess::Rep(schema); }

// A dataset of `schema` with the given tables loaded from CSV.
inline Dataset LoadDataset(const Schema& schema, const std::map<std::string, std::string>& csv) {
  Dataset dataset(schema);
  for (const auto& [table, text] : csv) {
    absl::Status status = dataset.LoadCsv(table, text, table + ".csv");
    EXPECT_TRUE(status.ok()) << status;
  }
  return dataset;
}

}  // namespace testing_schema
}  // namespace internal
}  // namespace ctind

#endif  // CTIND_FORMULA_TEST_SCHEMA_H_
