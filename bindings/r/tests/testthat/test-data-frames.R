# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# Datasets from data frames: each column goes to the library as typed
# values (numbers, logicals, Dates) or as text read like a CSV cell; NA is
# missing; the library checks codes and values and reports findings.

nationality_frame <- function() {
  data.frame(
    record_id = c("R1", "R2", "R3", "R4", "R5"),
    person_id = c("P1", "P2", "P3", "P4", "P1"),
    prs_Nationality = c("NA", "NA", "ZA", NA, "NA"),
    identified_on = as.Date(c("2025-01-10", "2025-02-11", "2025-03-01",
                              "2025-03-15", "2025-04-02")),
    stringsAsFactors = FALSE
  )
}

test_that("a data frame gives the numbers of the same records in CSV", {
  schema <- ct_schema(text = nationality_schema_text)
  framework <- ct_framework(text = nationality_framework_text)
  dataset <- ct_dataset(list(victims = nationality_frame()), schema)
  expect_identical(ct_row_count(dataset, "victims"), 5)
  expect_identical(nrow(ct_findings(dataset)), 0L)
  results <- as.data.frame(ct_compute(framework, dataset, as_of = "2025-12-31"))
  # As in test-missing-values.R: Q1 has P1 P2 (NA), P3 (ZA), P4 (NA in R,
  # missing): 4 persons.
  expect_identical(cell_value(results, "2025Q1"), 4)
  expect_identical(cell_value(results, "2025Q1", "prs_Nationality=NA"), 2)
  expect_identical(cell_value(results, "2025Q1", "prs_Nationality=unknown"), 1)
  expect_identical(cell_value(results, "LOP", "prs_Nationality=NA"), 2)

  path <- tempfile(fileext = ".csv")
  on.exit(unlink(path))
  writeLines(nationality_csv_text, path)
  from_csv <- ct_dataset_csv(list(victims = path), schema)
  expect_identical(
    ct_csv(ct_compute(framework, dataset, as_of = "2025-12-31")),
    ct_csv(ct_compute(framework, from_csv, as_of = "2025-12-31")))
})

test_that("read.csv(na.strings = \"\") keeps Namibia; the default loses it", {
  schema <- ct_schema(text = nationality_schema_text)
  framework <- ct_framework(text = nationality_framework_text)
  path <- tempfile(fileext = ".csv")
  on.exit(unlink(path))
  writeLines(nationality_csv_text, path)
  kept <- ct_dataset(list(victims = read.csv(path, na.strings = "")), schema)
  lost <- ct_dataset(list(victims = read.csv(path)), schema)
  kept <- as.data.frame(ct_compute(framework, kept, as_of = "2025-12-31"))
  lost <- as.data.frame(ct_compute(framework, lost, as_of = "2025-12-31"))
  expect_identical(cell_value(kept, "2025Q1", "prs_Nationality=NA"), 2)
  expect_identical(cell_value(kept, "2025Q1", "prs_Nationality=unknown"), 1)
  # read.csv's default made R1, R2 (and R5) NA: Q1's P1 and P2 become
  # unknown, with P4, whose empty field stayed "" (missing to the library).
  expect_identical(cell_value(lost, "2025Q1", "prs_Nationality=NA"), 0)
  expect_identical(cell_value(lost, "2025Q1", "prs_Nationality=unknown"), 3)
})

test_that("factors are read by their labels and checked against the code list", {
  schema <- ct_schema(text = nationality_schema_text)
  frame <- nationality_frame()
  # "SA" is not a code of list 'country': an invalid value and a finding.
  frame$prs_Nationality <- factor(c("NA", "NA", "SA", NA, "NA"))
  dataset <- ct_dataset(list(victims = frame), schema)
  findings <- ct_findings(dataset)
  expect_identical(findings$rule, "invalid_value")
  expect_identical(findings$field, "prs_Nationality")
  expect_identical(findings$count, 1)
  expect_identical(findings$file, "data frame 'victims'")
  # Appended columns have no line or column.
  expect_identical(findings$line, NA_real_)
  expect_match(findings$message, "'SA' is not a code of list 'country'")
  results <- as.data.frame(ct_compute(
    ct_framework(text = nationality_framework_text), dataset,
    as_of = "2025-12-31"))
  # R3's invalid value counts as missing, with R4's NA: P3 and P4 unknown.
  expect_identical(cell_value(results, "2025Q1", "prs_Nationality=unknown"), 2)
  expect_identical(cell_value(results, "2025Q1", "prs_Nationality=ZA"), 0)
})

test_that("a repeated key is a finding, an error in strict mode", {
  schema <- ct_schema(text = nationality_schema_text)
  frame <- nationality_frame()
  frame$record_id[[5]] <- "R1"
  findings <- ct_findings(ct_dataset(list(victims = frame), schema))
  expect_identical(findings$rule, "duplicate_key")
  e <- tryCatch(ct_dataset(list(victims = frame), schema, strict = TRUE),
                ctind_error = function(e) e)
  expect_s3_class(e, "ctind_error")
  expect_match(conditionMessage(e), "data row 5")
})

# Services to victims with every kind of typed field.
services_schema_text <- '
id: "services-test" version: "1"
tables {
  name: "services" key: "service_id" person: "person_id"
  fields { name: "service_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "person_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "provided_on" type: DATE required: true }
  fields { name: "nights" type: INT64 }
  fields { name: "cost" type: DOUBLE }
  fields { name: "is_minor" type: BOOL }
}
'

services_framework_text <- '
schema_id: "services-test"
project { id: "SRV" title: "Services test" start_date: "2025-01-01"
          end_date: "2025-12-31" }
indicators {
  id: "NIGHTS-MINORS" title: "Shelter nights of minors" unit: "nights"
  measure { value { table: "services" sum: "nights" where: "is_minor" } }
  period { by: "provided_on" every: QUARTERLY }
}
indicators {
  id: "COST" title: "Mean cost of a service" unit: "USD"
  measure { value { table: "services" mean: "cost" } }
  period { by: "provided_on" every: QUARTERLY }
}
'

services_frame <- function() {
  data.frame(
    service_id = c("S1", "S2", "S3", "S4", "S5"),
    person_id = c("P1", "P2", "P3", "P4", "P5"),
    provided_on = as.Date(c("2025-01-05", "2025-02-05", "2025-03-05",
                            "2025-03-06", "2025-05-01")),
    nights = c(3L, 4L, NA, 10L, 2L),
    cost = c(10, 20.5, NA, 40, 8),
    is_minor = c(TRUE, TRUE, TRUE, FALSE, NA),
    stringsAsFactors = FALSE
  )
}

test_that("integer, double, logical and Date columns with NA", {
  schema <- ct_schema(text = services_schema_text)
  framework <- ct_framework(text = services_framework_text)
  dataset <- ct_dataset(list(services = services_frame()), schema)
  expect_identical(nrow(ct_findings(dataset)), 0L)
  results <- as.data.frame(ct_compute(framework, dataset, as_of = "2025-12-31"))
  nights <- results[results$indicator_id == "NIGHTS-MINORS", ]
  cost <- results[results$indicator_id == "COST", ]
  # Q1 minors: S1 (3 nights), S2 (4), S3 (NA nights, skipped); S4 is not a
  # minor: 3 + 4 = 7. Q2: S5's is_minor is NA, so the filter drops it: 0.
  expect_identical(cell_value(nights, "2025Q1"), 7)
  expect_identical(cell_value(nights, "2025Q2"), 0)
  # Q1 costs 10, 20.5 and 40 (S3's NA skipped): 70.5 / 3 = 23.5.
  expect_equal(cell_value(cost, "2025Q1"), 23.5)
  expect_identical(cell_value(cost, "2025Q2"), 8)
})

test_that("whole doubles go to INT64 fields; NaN and Inf are invalid values", {
  schema <- ct_schema(text = services_schema_text)
  framework <- ct_framework(text = services_framework_text)
  frame <- services_frame()
  frame$nights <- c(3, 4, NA, 10, 2)
  frame$cost <- c(10, NaN, NA, Inf, 8)
  dataset <- ct_dataset(list(services = frame), schema)
  findings <- ct_findings(dataset)
  # NaN (S2) and Inf (S4) are not finite: two invalid values of 'cost'; NA
  # (S3) is missing, not invalid.
  expect_identical(findings$rule, "invalid_value")
  expect_identical(findings$field, "cost")
  expect_identical(findings$count, 2)
  results <- as.data.frame(ct_compute(framework, dataset, as_of = "2025-12-31"))
  # Q1 mean cost: only S1's 10 is valid.
  expect_identical(cell_value(results[results$indicator_id == "COST", ],
                              "2025Q1"), 10)
  expect_identical(cell_value(results[results$indicator_id == "NIGHTS-MINORS", ],
                              "2025Q1"), 7)
  frame$nights[[2]] <- 4.5
  expect_error(ct_dataset(list(services = frame), schema),
               "field 'nights' is INT64 but row 2 holds 4.5")
})

test_that("text columns are read with the field's type, like CSV cells", {
  schema <- ct_schema(text = services_schema_text)
  framework <- ct_framework(text = services_framework_text)
  frame <- services_frame()
  frame$provided_on <- c("2025-01-05", "2025-02-05", "2025-03-05",
                         "2025-03-06", "2025-02-30")
  frame$is_minor <- c("true", "true", "true", "false", "")
  frame$nights <- c("3", "4", "", "10", "2")
  dataset <- ct_dataset(list(services = frame), schema)
  findings <- ct_findings(dataset)
  # Only 2025-02-30 is invalid (a date that does not exist).
  expect_identical(findings$field, "provided_on")
  expect_match(findings$message, "'2025-02-30' is not a valid date")
  results <- as.data.frame(ct_compute(framework, dataset, as_of = "2025-12-31"))
  expect_identical(cell_value(results[results$indicator_id == "NIGHTS-MINORS", ],
                              "2025Q1"), 7)
})

test_that("columns that do not fit are refused with the column's name", {
  schema <- ct_schema(text = services_schema_text)
  frame <- services_frame()
  frame$is_minor <- c(1, 1, 1, 0, NA)
  expect_error(ct_dataset(list(services = frame), schema),
               "column 'is_minor' of table 'services': a numeric column")
  frame <- services_frame()
  frame$provided_on <- as.POSIXct(frame$provided_on)
  expect_error(ct_dataset(list(services = frame), schema), "as.Date")
  # A column that is not a field: the library's error, unless ignored.
  frame <- services_frame()
  frame$shoe_size <- 42
  e <- tryCatch(ct_dataset(list(services = frame), schema),
                ctind_error = function(e) e)
  expect_s3_class(e, "ctind_error")
  expect_identical(e$status, "NOT_FOUND")
  expect_match(conditionMessage(e), "shoe_size")
  dataset <- ct_dataset(list(services = frame), schema,
                        ignore_unknown_columns = TRUE)
  expect_identical(ct_row_count(dataset, "services"), 5)
  # A required field not given.
  frame <- services_frame()
  frame$provided_on <- NULL
  e <- tryCatch(ct_dataset(list(services = frame), schema),
                ctind_error = function(e) e)
  expect_match(conditionMessage(e), "provided_on")
})

test_that("list columns hold the items of multi-select fields", {
  schema <- ct_schema(text = '
    id: "multi" version: "1"
    code_lists { id: "exploitation" codes { value: "ForcedLabour" }
                 codes { value: "SexualExploitation" } }
    tables {
      name: "victims" key: "record_id" person: "record_id"
      fields { name: "record_id" type: STRING role: IDENTIFIER required: true }
      fields { name: "identified_on" type: DATE required: true }
      fields { name: "forms" type: CATEGORY code_list: "exploitation"
               multi_valued: true }
    }')
  framework <- ct_framework(text = '
    schema_id: "multi"
    project { id: "M" title: "M" start_date: "2025-01-01" end_date: "2025-12-31" }
    indicators {
      id: "V" title: "Victims" unit: "persons"
      measure { value { table: "victims" count: true } }
      period { by: "identified_on" every: YEARLY }
      disaggregate_by { dimensions: "forms" }
    }')
  frame <- data.frame(record_id = c("R1", "R2", "R3"),
                      identified_on = as.Date("2025-06-01") + 0:2)
  frame$forms <- list(c("ForcedLabour", "SexualExploitation"), "ForcedLabour",
                      character())
  results <- as.data.frame(ct_compute(
    framework, ct_dataset(list(victims = frame), schema), as_of = "2025-12-31"))
  # R1 has both forms, R2 forced labour, R3 none (missing).
  expect_identical(cell_value(results, "2025", "forms=ForcedLabour"), 2)
  expect_identical(cell_value(results, "2025", "forms=SexualExploitation"), 1)
  expect_identical(cell_value(results, "2025"), 3)
})
