# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# Errors of the library arrive as conditions of class "ctind_error" with
# the status code, the library's message and its diagnostics.

catch <- function(code) {
  tryCatch({
    code
    NULL
  }, ctind_error = function(e) e)
}

test_that("a malformed framework gives the parser's line and column", {
  # Line 2 breaks off inside the project: the parser expects a string after
  # `id:` at column 15 of line 2 (the 14 bytes "project { id: " before it).
  text <- "schema_id: \"x\"\nproject { id: }\n"
  e <- catch(ct_framework(text = text, file_name = "broken.textproto"))
  expect_s3_class(e, c("ctind_error", "error", "condition"), exact = TRUE)
  expect_identical(e$code, 3L)
  expect_identical(e$status, "INVALID_ARGUMENT")
  expect_identical(nrow(e$diagnostics), 1L)
  expect_identical(e$diagnostics$file, "broken.textproto")
  expect_identical(e$diagnostics$line, 2L)
  expect_identical(e$diagnostics$column, 15L)
  # 15 bytes of line 1 (the 14 of `schema_id: "x"` and its newline), then
  # the 14 before column 15 of line 2.
  expect_identical(e$diagnostics$offset, 15 + 14)
  expect_match(conditionMessage(e), "^broken.textproto:2:15: ")
  # The condition names the user's call, not the package's internals.
  expect_identical(e$call[[1]], as.name("ct_framework"))
})

test_that("a framework that does not fit the schema lists every problem", {
  schema <- ct_schema(text = nationality_schema_text)
  # Two wrong field names: the checker reports both, in one error.
  bad <- sub('count_distinct: "person_id"', 'count_distinct: "persn_id"',
             nationality_framework_text, fixed = TRUE)
  bad <- sub('by: "identified_on"', 'by: "identified"', bad, fixed = TRUE)
  e <- catch(ct_validate(ct_framework(text = bad), schema))
  expect_s3_class(e, "ctind_error")
  expect_identical(e$status, "INVALID_ARGUMENT")
  expect_identical(nrow(e$diagnostics), 2L)
  expect_setequal(e$diagnostics$path, c("indicators[0].measure.value.count_distinct",
                                         "indicators[0].period.by"))
  expect_true(any(grepl("did you mean 'identified_on'", e$diagnostics$message)))
  # Both problems are in the condition's message.
  expect_match(conditionMessage(e), "persn_id")
  expect_match(conditionMessage(e), "'identified'")
})

test_that("a file that does not exist is NOT_FOUND", {
  e <- catch(ct_schema(file.path(tempdir(), "no-such-schema.textproto")))
  expect_s3_class(e, "ctind_error")
  expect_identical(e$status, "NOT_FOUND")
  expect_match(conditionMessage(e), "no-such-schema.textproto")
})

test_that("structural CSV errors stop the load; strict mode stops at a value", {
  schema <- ct_schema(text = nationality_schema_text)
  path <- tempfile(fileext = ".csv")
  on.exit(unlink(path))
  # Row 3 of the file has two fields where the header has four.
  writeLines(c("record_id,person_id,prs_Nationality,identified_on",
               "R1,P1,NA,2025-01-10", "R2,P2"), path)
  e <- catch(ct_dataset_csv(list(victims = path), schema))
  expect_s3_class(e, "ctind_error")
  # The message names the file, line 3 and column 4, where the row's last
  # field "P2" starts (CSV errors carry their place in the message, not as
  # a diagnostic).
  expect_match(conditionMessage(e),
               paste0(basename(path), ":3:4: this row has 2 fields but the ",
                      "header has 4"), fixed = TRUE)

  # 2025-02-30 does not exist: a finding by default, an error when strict.
  writeLines(c("record_id,person_id,prs_Nationality,identified_on",
               "R1,P1,NA,2025-02-30"), path)
  lenient <- ct_dataset_csv(list(victims = path), schema)
  expect_identical(ct_findings(lenient)$rule, "invalid_value")
  e <- catch(ct_dataset_csv(list(victims = path), schema, strict = TRUE))
  expect_s3_class(e, "ctind_error")
  expect_match(conditionMessage(e), "'2025-02-30' is not a valid date")
})

test_that("an unknown table or column is an error naming it", {
  schema <- ct_schema(text = nationality_schema_text)
  path <- tempfile(fileext = ".csv")
  on.exit(unlink(path))
  writeLines(c("record_id,person_id,identified_on,shoe_size",
               "R1,P1,2025-01-10,42"), path)
  e <- catch(ct_dataset_csv(list(persons = path), schema))
  expect_s3_class(e, "ctind_error")
  expect_identical(e$status, "NOT_FOUND")
  expect_match(conditionMessage(e), "schema has no table 'persons'")
  e <- catch(ct_dataset_csv(list(victims = path), schema))
  expect_match(conditionMessage(e), "unknown column 'shoe_size'")
  # ignore_unknown_columns = TRUE skips it.
  dataset <- ct_dataset_csv(list(victims = path), schema,
                            ignore_unknown_columns = TRUE)
  expect_identical(ct_row_count(dataset, "victims"), 1)
})

test_that("a bad as-of date and a bad period type are library errors", {
  schema <- ct_schema(text = nationality_schema_text)
  framework <- ct_framework(text = nationality_framework_text)
  dataset <- ct_dataset_csv(list(), schema)
  e <- catch(ct_compute(framework, dataset, as_of = "2025-02-30"))
  expect_s3_class(e, "ctind_error")
  expect_identical(e$status, "INVALID_ARGUMENT")
  e <- catch(ct_compute(framework, dataset, period_types = "FORTNIGHTLY"))
  expect_s3_class(e, "ctind_error")
  expect_match(conditionMessage(e), "unknown period type 'FORTNIGHTLY'")
})

test_that("wrong R arguments are ordinary R errors", {
  schema <- ct_schema(text = nationality_schema_text)
  expect_error(ct_compute(schema, schema),
               "expected a ctind_framework or ctind_plan object")
  expect_error(ct_framework(), "give either 'path' or 'text'")
  expect_error(ct_findings(schema),
               "expected a ctind_dataset, ctind_results or ctind_quality")
  expect_error(ct_dataset_csv(list("a.csv"), schema), "must be named")
  expect_error(ct_compute(ct_framework(text = nationality_framework_text),
                          ct_dataset_csv(list(), schema), as_of = 20250101),
               "must be a Date")
})

test_that("a handle restored from a saved session is refused, not used", {
  schema <- ct_schema(text = nationality_schema_text)
  # serialize() keeps the R object but not the C++ object behind it: the
  # restored external pointer is NULL.
  restored <- unserialize(serialize(schema, NULL))
  expect_s3_class(restored, "ctind_schema")
  expect_error(ct_dataset_csv(list(), restored), "no longer valid")
})
