/* Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
 *
 * The complete example of docs/c-api.md: load a schema and a framework,
 * build a dataset from columns, compute, publish, render the publication
 * as JSON, read its cells, clean up. Build: cc -std=c99 example.c -lctind */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctind.h"

#define LIT(s) (s), (sizeof(s) - 1)

static const char kSchema[] =
    "id: \"example\"\n"
    "code_lists { id: \"gender\" codes { value: \"Female\" } "
    "codes { value: \"Male\" } }\n"
    "tables {\n"
    "  name: \"victims\" key: \"person_id\" person: \"person_id\"\n"
    "  fields { name: \"person_id\" type: STRING role: IDENTIFIER "
    "required: true }\n"
    "  fields { name: \"prs_Gender\" type: CATEGORY code_list: \"gender\" }\n"
    "  fields { name: \"identified_on\" type: DATE required: true }\n"
    "}\n";

static const char kFramework[] =
    "schema_id: \"example\"\n"
    "project { id: \"CT-EXAMPLE\" title: \"Example\" "
    "start_date: \"2025-01-01\" end_date: \"2025-12-31\" }\n"
    "results { id: \"G1\" title: \"Victims protected\" level: GOAL }\n"
    "indicators {\n"
    "  id: \"PROT-01\" title: \"Victims identified\" result: \"G1\"\n"
    "  measure { value { table: \"victims\" count_distinct: \"person_id\" } }\n"
    "  period { by: \"identified_on\" every: QUARTERLY }\n"
    "  disaggregate_by { dimensions: \"prs_Gender\" }\n"
    "}\n";

/* Prints a failed call's error and its diagnostics; true on success. */
static int ok(ctind_status status, ctind_error* error, const char* what) {
  size_t i;
  if (status == CTIND_OK) return 1;
  fprintf(stderr, "%s failed (%d): %s\n", what, (int)status,
          ctind_error_message(error));
  for (i = 0; i < ctind_error_diagnostic_count(error); ++i) {
    const char* message = NULL;
    int32_t line = 0, column = 0;
    ctind_error_diagnostic(error, i, &message, NULL, NULL, &line, &column,
                           NULL);
    fprintf(stderr, "  %d:%d: %s\n", (int)line, (int)column, message);
  }
  ctind_error_destroy(error);
  return 0;
}

int main(void) {
  /* Six persons: four in the first quarter, one of them male. */
  static const char* const ids[6] = {"P1", "P2", "P3", "P4", "P5", "P6"};
  static const size_t id_lens[6] = {2, 2, 2, 2, 2, 2};
  static const char genders[] = "FemaleFemaleMaleFemaleFemaleMale";
  static const uint64_t gender_offsets[7] = {0, 6, 12, 16, 22, 28, 32};
  /* Days since 1970-01-01: 2025-01-01 is day 20089. */
  static const int32_t days[6] = {20098, 20130, 20159, 20167, 20180, 20223};
  ctind_error* error = NULL;
  ctind_schema* schema = NULL;
  ctind_framework* framework = NULL;
  ctind_plan* plan = NULL;
  ctind_dataset* dataset = NULL;
  ctind_options* options = NULL;
  ctind_results* raw = NULL;
  ctind_publication* publication = NULL;
  const ctind_results* published = NULL;
  char* json = NULL;
  size_t json_len = 0, cells = 0, i;
  int success = 0;

  if (!ok(ctind_schema_load(LIT(kSchema), CTIND_FORMAT_TEXT,
                            LIT("schema.textproto"), &schema, &error),
          error, "schema") ||
      !ok(ctind_framework_load(LIT(kFramework), CTIND_FORMAT_TEXT,
                               LIT("framework.textproto"), &framework, &error),
          error, "framework") ||
      !ok(ctind_plan_create(framework, schema, &plan, &error), error, "plan")) {
    goto done;
  }

  /* The dataset, one column at a time; ending the table checks it. */
  if (ctind_dataset_create(schema, &dataset) != CTIND_OK ||
      !ok(ctind_dataset_append_column_string(dataset, LIT("victims"),
                                             LIT("person_id"), ids, id_lens,
                                             NULL, 6, &error),
          error, "person_id") ||
      !ok(ctind_dataset_append_column_string_packed(
              dataset, LIT("victims"), LIT("prs_Gender"), genders,
              sizeof genders - 1, gender_offsets, NULL, 6, &error),
          error, "prs_Gender") ||
      !ok(ctind_dataset_append_column_date(dataset, LIT("victims"),
                                           LIT("identified_on"), days, NULL, 6,
                                           &error),
          error, "identified_on") ||
      !ok(ctind_dataset_end_table(dataset, LIT("victims"), LIT("example"),
                                  NULL, &error),
          error, "end_table")) {
    goto done;
  }

  /* Raw results (for the data owner), then the publication (for others). */
  if (ctind_options_create(&options) != CTIND_OK ||
      !ok(ctind_options_set_as_of(options, LIT("2025-12-31"), &error), error,
          "as_of") ||
      !ok(ctind_plan_compute(plan, dataset, options, &raw, &error), error,
          "compute") ||
      !ok(ctind_options_set_min_cell_size(options, 3, &error), error, "k") ||
      !ok(ctind_publish(raw, plan, options, &publication, &error), error,
          "publish") ||
      ctind_publication_results(publication, &published) != CTIND_OK ||
      !ok(ctind_results_to_json(published, &json, &json_len, &error), error,
          "json")) {
    goto done;
  }
  printf("%zu bytes of JSON\n", json_len);

  /* The cells of the first indicator. Published with a minimum cell size
   * of 3, the counts 1 and 2 are suppressed (2025Q1's male count, every
   * count of 2025Q2, the project's male count), and so is each cell that
   * would reveal one through a total (2025Q1's total and female count, the
   * project's female count). Zeros are published. */
  ctind_results_cell_count(published, 0, &cells);
  for (i = 0; i < cells; ++i) {
    const ctind_cell* cell = NULL;
    const char* period = NULL;
    const char* breakdown = NULL;
    size_t period_len = 0, breakdown_len = 0;
    double value = 0;
    ctind_results_get_cell(published, 0, i, &cell);
    ctind_cell_period(cell, &period, &period_len);
    ctind_cell_breakdown(cell, &breakdown, &breakdown_len);
    printf("%-6.*s %-10.*s", (int)period_len, period, (int)breakdown_len,
           breakdown_len > 0 ? breakdown : "total");
    if (ctind_cell_coordinate_count(cell) == 1) {
      const char *dimension, *code;
      size_t dimension_len, code_len;
      ctind_cell_coordinate(cell, 0, &dimension, &dimension_len, &code,
                            &code_len);
      printf(" %-8.*s", (int)code_len, code);
    } else {
      printf(" %-8s", "");
    }
    if (ctind_cell_status(cell) == CTIND_VALUE_SUPPRESSED) {
      printf(" suppressed\n");
    } else if (ctind_cell_value(cell, &value)) {
      printf(" %g\n", value);
    } else {
      printf(" missing\n");
    }
  }
  success = 1;

done:
  ctind_free(json);
  ctind_publication_destroy(publication);
  ctind_results_destroy(raw);
  ctind_options_destroy(options);
  ctind_dataset_destroy(dataset);
  ctind_plan_destroy(plan);
  ctind_framework_destroy(framework);
  ctind_schema_destroy(schema);
  return success ? EXIT_SUCCESS : EXIT_FAILURE;
}
