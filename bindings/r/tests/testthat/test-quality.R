# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# Data-quality checks: completeness per field and findings, with record
# keys only on request.

quality_dataset <- function() {
  frame <- data.frame(
    record_id = c("R1", "R2", "R3", "R4", "R5"),
    person_id = c("P1", "P2", "P3", "P4", "P1"),
    # R3's "SA" is not a code; R4's nationality is missing.
    prs_Nationality = c("NA", "NA", "SA", NA, "NA"),
    identified_on = as.Date(c("2025-01-10", "2025-02-11", "2025-03-01",
                              "2025-03-15", "2025-04-02"))
  )
  ct_dataset(list(victims = frame), ct_schema(text = nationality_schema_text))
}

test_that("completeness counts present, missing and invalid values", {
  quality <- ct_quality(quality_dataset())
  completeness <- ct_completeness(quality)
  expect_identical(completeness$tables$table, "victims")
  expect_identical(completeness$tables$rows, 5)
  fields <- completeness$fields
  expect_identical(fields$field, c("record_id", "person_id", "prs_Nationality",
                                   "identified_on"))
  # Nationality: R1 R2 R5 present, R4 missing, R3 invalid.
  nationality <- fields[fields$field == "prs_Nationality", ]
  expect_identical(c(nationality$present, nationality$missing,
                     nationality$invalid), c(3, 1, 1))
  expect_identical(fields$required, c(TRUE, TRUE, FALSE, TRUE))
  expect_true(all(fields$present + fields$missing + fields$invalid == 5))
})

test_that("record keys come only when asked for", {
  dataset <- quality_dataset()
  without <- ct_findings(ct_quality(dataset))
  invalid <- without[without$rule == "invalid_value", ]
  expect_identical(invalid$field, "prs_Nationality")
  expect_identical(invalid$count, 1)
  expect_false("record_keys" %in% names(without))
  with <- as.data.frame(ct_quality(dataset, with_record_keys = TRUE))
  expect_identical(with$record_keys[with$rule == "invalid_value"][[1]], "R3")
})

test_that("the renderings of a quality check", {
  quality <- ct_quality(quality_dataset())
  expect_match(ct_table(quality), "prs_Nationality")
  expect_match(ct_csv(quality), "invalid_value")
  parsed <- jsonlite::fromJSON(ct_json(quality))
  expect_true("invalid_value" %in% parsed$findings$rule)
  # A framework adds its placing dates: every record has one here.
  framework <- ct_framework(text = nationality_framework_text)
  with_framework <- ct_findings(ct_quality(quality_dataset(), framework,
                                           as_of = "2025-12-31"))
  expect_false("no_placing_date" %in% with_framework$rule)
})
