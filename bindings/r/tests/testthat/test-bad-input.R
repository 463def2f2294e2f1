# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# Bad input from R code: columns of the wrong kind, NA of every type, text
# in encodings other than UTF-8, handles that no longer hold an object.
# Each is an R error or a ctind_error naming what is wrong, never a crash,
# and a refused call leaves the session able to go on.

victims <- function(...) {
  frame <- data.frame(
    record_id = c("R1", "R2"), person_id = c("P1", "P2"),
    prs_Nationality = c("NA", "ZA"),
    identified_on = as.Date(c("2025-01-10", "2025-02-11")),
    stringsAsFactors = FALSE)
  changes <- list(...)
  for (name in names(changes)) frame[[name]] <- changes[[name]]
  frame
}

test_that("columns of kinds no field takes are refused with their name", {
  schema <- ct_schema(text = nationality_schema_text)
  expect_error(ct_dataset(list(victims = victims(prs_Nationality = c(1i, 2i))),
                          schema),
               "column 'prs_Nationality' of table 'victims': columns of class 'complex'")
  expect_error(ct_dataset(list(victims = victims(identified_on = c(TRUE, FALSE))),
                          schema),
               "column 'identified_on' .*logical column fits only a BOOL field")
  expect_error(ct_dataset(list(victims = victims(prs_Nationality = list("NA", "ZA"))),
                          schema),
               "list column fits only a multi-valued field")
  expect_error(ct_dataset(list(victims = victims(
                 identified_on = as.POSIXct(c("2025-01-10", "2025-02-11"), tz = "UTC"))),
               schema), "as.Date")
  expect_error(ct_dataset(list(victims = "not a data frame"), schema),
               "must be a data frame")
  # Rows of different lengths cannot come from a data frame, but from a
  # data frame whose column is a matrix: the library counts the values.
  frame <- victims()
  frame$person_id <- matrix(c("P1", "P2", "P3", "P4"), nrow = 2)
  e <- tryCatch(ct_dataset(list(victims = frame), schema), error = function(e) e)
  expect_s3_class(e, "error")
})

test_that("NA of every type is a missing value", {
  schema <- ct_schema(text = nationality_schema_text)
  framework <- ct_framework(text = nationality_framework_text)
  for (missing in list(NA, NA_character_, factor(NA, levels = c("NA", "ZA")))) {
    frame <- victims()
    frame$prs_Nationality <- if (is.factor(missing)) factor(c("NA", NA), levels = c("NA", "ZA"))
                             else c("NA", missing)
    dataset <- ct_dataset(list(victims = frame), schema)
    expect_identical(nrow(ct_findings(dataset)), 0L)
    results <- as.data.frame(ct_compute(framework, dataset, as_of = "2025-12-31"))
    expect_identical(cell_value(results, "2025Q1", "prs_Nationality=unknown"), 1)
  }
  # A missing key is a finding, not a crash.
  dataset <- ct_dataset(list(victims = victims(record_id = c(NA, "R2"))), schema)
  expect_true("missing_key" %in% ct_findings(dataset)$rule)
})

test_that("Latin-1 text is translated; bytes and ill-formed UTF-8 are refused", {
  schema <- ct_schema(text = nationality_schema_text)
  framework <- ct_framework(text = nationality_framework_text)
  latin1 <- "Jos\xe9"
  Encoding(latin1) <- "latin1"
  dataset <- ct_dataset(list(victims = victims(person_id = c(latin1, "P2"))), schema)
  expect_identical(ct_row_count(dataset, "victims"), 2)
  quality <- as.data.frame(ct_quality(dataset))
  expect_false(any(grepl("\xe9", quality$message, useBytes = TRUE)))

  title <- sub("Nationality test", "Nationalit\xe9", nationality_framework_text,
               useBytes = TRUE)
  Encoding(title) <- "latin1"
  translated <- ct_serialize(ct_framework(text = title))
  expect_identical(Encoding(translated), "UTF-8")
  expect_match(translated, "Nationalit\u00e9", fixed = TRUE)

  bytes <- "P\xff"
  Encoding(bytes) <- "bytes"
  expect_error(ct_dataset(list(victims = victims(person_id = c(bytes, "P2"))), schema),
               "bytes")
  # Ill-formed UTF-8 marked as UTF-8: the library refuses it by row.
  bad <- "P\xff"
  Encoding(bad) <- "UTF-8"
  e <- tryCatch(ct_dataset(list(victims = victims(person_id = c("P1", bad))), schema),
                error = function(e) e)
  expect_s3_class(e, "error")
  expect_match(conditionMessage(e), "not well-formed UTF-8", fixed = TRUE)
  bad_title <- sub("Nationality test", "Nat\xff", nationality_framework_text,
                   useBytes = TRUE)
  Encoding(bad_title) <- "UTF-8"
  e <- tryCatch(ct_framework(text = bad_title), error = function(e) e)
  expect_s3_class(e, "ctind_error")
  expect_match(conditionMessage(e), "invalid UTF-8 byte 0xff", fixed = TRUE)
  # The session goes on.
  results <- as.data.frame(ct_compute(framework, ct_dataset(list(victims = victims()),
                                                             schema),
                                      as_of = "2025-12-31"))
  expect_identical(cell_value(results, "2025Q1"), 2)
})

test_that("a handle that holds no object is refused by every function", {
  schema <- ct_schema(text = nationality_schema_text)
  framework <- ct_framework(text = nationality_framework_text)
  dataset <- ct_dataset(list(victims = victims()), schema)
  results <- ct_compute(framework, dataset, as_of = "2025-12-31")
  report <- ct_report(results)
  restore <- function(x) unserialize(serialize(x, NULL))
  expect_error(ct_serialize(restore(framework)), "no longer valid")
  expect_error(ct_compute(restore(framework), dataset), "no longer valid")
  expect_error(ct_compute(framework, restore(dataset)), "no longer valid")
  expect_error(ct_row_count(restore(dataset), "victims"), "no longer valid")
  expect_error(ct_json(restore(results)), "no longer valid")
  expect_error(ct_report(restore(results)), "no longer valid")
  expect_error(ct_csv(restore(report)), "no longer valid")
  # The originals still work.
  expect_match(ct_csv(report), "VIC-01")
})
