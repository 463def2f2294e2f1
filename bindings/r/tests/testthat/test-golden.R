# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# The quickstart example through the R package gives the numbers of the
# reviewed golden files that the command-line tests also check
# (tests/golden/quickstart.*, as of 2026-06-30).

quickstart_results <- function() {
  schema <- ct_schema(file.path("examples", "quickstart", "schema.textproto"))
  framework <- ct_framework(
    file.path("examples", "quickstart", "framework.textproto"))
  dataset <- ct_dataset_csv(
    list(identifications = file.path("examples", "quickstart",
                                     "identifications.csv")),
    schema)
  ct_compute(framework, dataset, as_of = "2026-06-30")
}

test_that("the quickstart's cells are those of the golden CSV", {
  results <- in_source_dir(quickstart_results())
  actual <- as.data.frame(results)
  # na.strings = "": in the golden file only an empty field is absent.
  golden <- read.csv(source_file("tests", "golden", "quickstart.csv"),
                     na.strings = "", colClasses = "character")
  expect_equal(nrow(actual), nrow(golden))
  for (column in c("indicator_id", "scope", "period", "status")) {
    expect_identical(actual[[column]], golden[[column]], label = column)
  }
  # Empty text columns are "" in the data frame.
  for (column in c("breakdown", "cell", "flags")) {
    expect_identical(actual[[column]],
                     ifelse(is.na(golden[[column]]), "", golden[[column]]),
                     label = column)
  }
  for (column in c("value", "numerator", "denominator", "units")) {
    expect_identical(actual[[column]], as.numeric(golden[[column]]),
                     label = column)
  }
})

test_that("the renderers give the golden files byte for byte", {
  results <- in_source_dir(quickstart_results())
  read_bytes <- function(path) {
    rawToChar(readBin(path, "raw", file.size(path)))
  }
  expect_identical(ct_csv(results),
                   read_bytes(source_file("tests", "golden", "quickstart.csv")))
  # The JSON names the library's version, which moves with releases.
  without_version <- function(json) {
    sub('"ctind_version": "[^"]*"', '"ctind_version": "VERSION"', json)
  }
  expect_identical(
    without_version(ct_json(results)),
    without_version(read_bytes(source_file("tests", "golden",
                                           "quickstart.json"))))
  expect_identical(ct_table(results),
                   read_bytes(source_file("tests", "golden",
                                          "quickstart.table")))
})

test_that("the quickstart's totals add up as the golden file says", {
  results <- as.data.frame(in_source_dir(quickstart_results()))
  # A person identified in two quarters counts once over the life of the
  # project, so the LOP total cannot exceed the sum of the quarters'; and
  # the gender breakdown of every period adds up to its total, since each
  # person of the example has one gender (or "unknown").
  quarters <- c("2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2")
  totals <- vapply(quarters, function(q) cell_value(results, q), numeric(1))
  expect_lte(cell_value(results, "LOP"), sum(totals))
  for (period in c(quarters, "LOP")) {
    by_gender <- results[results$period == period &
                           results$breakdown == "prs_Gender", "value"]
    expect_equal(sum(by_gender), cell_value(results, period), label = period)
  }
  # The LOP cell is partial: the project runs to 2026-12-31, after the
  # as-of date.
  expect_identical(results$flags[results$period == "LOP" &
                                   results$cell == ""], "partial_period")
  expect_identical(ct_as_of(in_source_dir(quickstart_results())),
                   as.Date("2026-06-30"))
})

test_that("the findings of the quickstart's CSV are its two bad values", {
  # identifications.csv line 19 holds the impossible date 2025-02-30 and
  # line 44 the gender 'F', which is not a code of list 'gender'.
  in_source_dir({
    schema <- ct_schema(file.path("examples", "quickstart", "schema.textproto"))
    dataset <- ct_dataset_csv(
      c(identifications = "examples/quickstart/identifications.csv"), schema)
    expect_identical(ct_row_count(dataset, "identifications"), 260)
    findings <- ct_findings(dataset)
  })
  expect_identical(findings$rule, c("invalid_value", "invalid_value"))
  expect_identical(findings$field, c("prs_Gender", "identified_on"))
  expect_identical(findings$line, c(44, 19))
  expect_identical(findings$count, c(1, 1))
  expect_equal(findings$share, c(1 / 260, 1 / 260))
  expect_match(findings$message[[2]], "'2025-02-30' is not a valid date")
})

test_that("a CSV mapping reads another system's export to the same results", {
  # tests/cli/mapping/shelter_register.csv holds the quickstart's records
  # with another system's columns, formats and words; read through its
  # mapping it gives the golden results byte for byte (as the CLI test
  # mapping_same_results checks).
  in_source_dir({
    schema <- ct_schema(file.path("examples", "quickstart", "schema.textproto"))
    mapping <- ct_mapping(schema, file.path("tests", "cli", "mapping",
                                            "shelter_register.textproto"))
    dataset <- ct_dataset_csv(
      list(identifications = file.path("tests", "cli", "mapping",
                                       "shelter_register.csv")),
      schema, mapping = mapping)
    framework <- ct_framework(
      file.path("examples", "quickstart", "framework.textproto"))
    csv <- ct_csv(ct_compute(framework, dataset, as_of = "2026-06-30"))
  })
  golden <- source_file("tests", "golden", "quickstart.csv")
  expect_identical(csv, rawToChar(readBin(golden, "raw", file.size(golden))))
  # A mapping that names an unknown field fails with its line and column.
  e <- in_source_dir(tryCatch(
    ct_mapping(ct_schema(file.path("examples", "quickstart",
                                   "schema.textproto")),
               file.path("tests", "cli", "mapping", "bad_field.textproto")),
    ctind_error = function(e) e))
  expect_s3_class(e, "ctind_error")
  expect_identical(e$diagnostics$line[[1]], 7L)
  expect_identical(e$diagnostics$column[[1]], 13L)
  expect_match(e$diagnostics$message[[1]], "did you mean 'prs_Gender'")
})

test_that("the results carry the findings of the computation too", {
  findings <- ct_findings(in_source_dir(quickstart_results()))
  placing <- findings[findings$rule == "no_placing_date", ]
  # Two records have no valid identification date: line 19's 2025-02-30
  # and line 101's empty field; they are in no period of PROT-01.
  expect_identical(placing$count, 2)
  expect_identical(placing$indicator_id, "PROT-01")
  expect_setequal(findings$rule, c("invalid_value", "no_placing_date"))
})

test_that("the quickstart as a data frame gives the golden numbers too", {
  # read.csv with na.strings = "" turns only the empty fields (line 101's
  # date) into NA, which ct_dataset passes on as missing: the same records
  # as the library's own reading of the file.
  frame <- read.csv(source_file("examples", "quickstart", "identifications.csv"),
                    na.strings = "")
  schema <- ct_schema(source_file("examples", "quickstart", "schema.textproto"))
  framework <- ct_framework(source_file("examples", "quickstart",
                                        "framework.textproto"))
  dataset <- ct_dataset(list(identifications = frame), schema)
  findings <- ct_findings(dataset)
  expect_identical(findings$field, c("prs_Gender", "identified_on"))
  expect_identical(findings$count, c(1, 1))
  golden <- source_file("tests", "golden", "quickstart.csv")
  expect_identical(ct_csv(ct_compute(framework, dataset, as_of = "2026-06-30")),
                   rawToChar(readBin(golden, "raw", file.size(golden))))
})
