# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# Missing values: only an empty field is missing for the library, so
# Namibia's code "NA" is a value. R's read.csv() turns the text NA into a
# missing value unless told otherwise (na.strings = "").

nationality_results <- function(dataset) {
  framework <- ct_framework(text = nationality_framework_text)
  as.data.frame(ct_compute(framework, dataset, as_of = "2025-12-31"))
}

test_that("a CSV file's NA is Namibia and its empty field is missing", {
  schema <- ct_schema(text = nationality_schema_text)
  path <- tempfile(fileext = ".csv")
  on.exit(unlink(path))
  writeLines(nationality_csv_text, path)
  dataset <- ct_dataset_csv(list(victims = path), schema)
  expect_identical(nrow(ct_findings(dataset)), 0L)
  results <- nationality_results(dataset)
  # 2025Q1: R1-R4, persons P1 P2 (NA), P3 (ZA) and P4 (missing): 4.
  expect_identical(cell_value(results, "2025Q1"), 4)
  expect_identical(cell_value(results, "2025Q1", "prs_Nationality=NA"), 2)
  expect_identical(cell_value(results, "2025Q1", "prs_Nationality=ZA"), 1)
  expect_identical(cell_value(results, "2025Q1", "prs_Nationality=unknown"), 1)
  # 2025Q2: only R5, P1 again (NA).
  expect_identical(cell_value(results, "2025Q2"), 1)
  expect_identical(cell_value(results, "2025Q2", "prs_Nationality=NA"), 1)
  # Over the year P1 counts once: P1 P2 (NA), P3 (ZA), P4 (unknown).
  expect_identical(cell_value(results, "LOP"), 4)
  expect_identical(cell_value(results, "LOP", "prs_Nationality=NA"), 2)
})

test_that("read.csv keeps Namibia only with na.strings = \"\"", {
  path <- tempfile(fileext = ".csv")
  on.exit(unlink(path))
  writeLines(nationality_csv_text, path)
  kept <- read.csv(path, na.strings = "")
  lost <- read.csv(path)
  # The example's own reading: "NA" is text, the empty field NA.
  expect_identical(kept$prs_Nationality, c("NA", "NA", "ZA", NA, "NA"))
  # R's default reads both the code and the empty field as NA ... (the
  # empty field of a character column stays "").
  expect_identical(lost$prs_Nationality, c(NA, NA, "ZA", "", NA))
})

test_that("the library reads an 'NA' string as Namibia from CSV text", {
  schema <- ct_schema(text = nationality_schema_text)
  # A value that is not a code is a finding, and the text "NA" is not one
  # when the code list lacks it: the check is the library's.
  no_namibia <- sub('codes { value: "NA" label: "Namibia" }', "",
                    nationality_schema_text, fixed = TRUE)
  path <- tempfile(fileext = ".csv")
  on.exit(unlink(path))
  writeLines(nationality_csv_text, path)
  dataset <- ct_dataset_csv(list(victims = path), ct_schema(text = no_namibia))
  findings <- ct_findings(dataset)
  expect_identical(findings$rule, "invalid_value")
  expect_identical(findings$field, "prs_Nationality")
  # R1, R2 and R5 hold "NA"; the first is on line 2 of the file.
  expect_identical(findings$count, 3)
  expect_identical(findings$line, 2)
  expect_match(findings$message, "'NA' is not a code of list 'country'")
  # And the values count as missing: all of Q1's persons but P3 are unknown.
  results <- nationality_results(dataset)
  expect_identical(cell_value(results, "2025Q1", "prs_Nationality=unknown"), 3)
  expect_identical(ct_row_count(dataset, "victims"), 5)
})
