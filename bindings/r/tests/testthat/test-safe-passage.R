# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# The bundled example end to end (examples/safe-passage: 27 indicators over
# the twelve tables of the catalog's case schema) on a small generated
# caseload: the R package gives byte for byte what the ctind program gives,
# for the raw results and the publications, from the CSV files and from data
# frames read with na.strings = "". Needs CTIND_CLI and CTIND_GENERATE (ctest
# sets them); skipped without.

as_of <- "2025-09-30"

tool <- function(variable) {
  path <- Sys.getenv(variable)
  if (!nzchar(path) || !file.exists(path)) skip(paste(variable, "is not set"))
  path
}

# The caseload (500 persons, seed 2023) and the schema it follows, made once.
safe_passage <- local({
  made <- NULL
  function() {
    if (is.null(made)) {
      generate <- tool("CTIND_GENERATE")
      dir <- tempfile("safe-passage-")
      status <- system2(generate, c("--out", file.path(dir, "data"), "--persons", "500",
                                    "--seed", "2023", "--no-duplicate-links", "--quiet"))
      if (status != 0) stop("ctind-generate failed")
      schema_path <- file.path(dir, "schema.textproto")
      writeLines(ct_catalog_schema(text = TRUE), schema_path, sep = "")
      files <- list.files(file.path(dir, "data"), pattern = "[.]csv$", full.names = TRUE)
      names(files) <- sub("[.]csv$", "", basename(files))
      made <<- list(schema = schema_path, files = as.list(files))
    }
    made
  }
})

framework_path <- function() source_file("examples", "safe-passage", "framework.textproto")

# Standard output of `ctind ARGS FRAMEWORK --schema ... --as-of ... --data ...`.
cli <- function(...) {
  data <- safe_passage()
  args <- c(..., framework_path(), "--schema", data$schema, "--as-of", as_of,
            as.vector(rbind("--data", paste0(names(data$files), "=", unlist(data$files)))))
  out <- tempfile()
  on.exit(unlink(out))
  status <- system2(tool("CTIND_CLI"), args, stdout = out)
  if (status != 0) stop("ctind ", paste(c(...), collapse = " "), " failed")
  rawToChar(readBin(out, "raw", file.size(out)))
}

loaded <- function() {
  data <- safe_passage()
  schema <- ct_schema(data$schema)
  framework <- ct_framework(framework_path())
  dataset <- ct_dataset_csv(data$files, schema)
  list(schema = schema, framework = framework, dataset = dataset,
       raw = ct_compute(framework, dataset, as_of = as_of))
}

test_that("the raw results equal the ctind program's", {
  raw <- loaded()$raw
  # 24 computed indicators and 3 reported ones, whose cells hold their
  # entered values.
  expect_identical(length(unique(as.data.frame(raw)$indicator_id)), 27L)
  expect_identical(ct_csv(raw), cli("compute", "--format", "csv"))
  expect_identical(ct_json(raw), cli("compute", "--format", "json"))
})

test_that("the publications equal the ctind program's", {
  # `ctind report` publishes, then assesses against the targets.
  report <- ct_assess(ct_report(loaded()$raw))
  expect_identical(ct_csv(report), cli("report", "--format", "csv"))
  expect_identical(ct_json(report), cli("report", "--format", "json"))
  expect_identical(ct_iptt(report, format = "csv"), cli("report", "--format", "iptt"))
  # The IATI document carries notes (what it leaves out) as an attribute.
  expect_identical(as.vector(ct_iati(report)), cli("report", "--format", "iati"))
})

test_that("data frames read with na.strings = \"\" give the CSV numbers", {
  l <- loaded()
  files <- safe_passage()$files
  frames <- lapply(files, read.csv, na.strings = "", colClasses = "character",
                   check.names = FALSE)
  dataset <- ct_dataset(frames, l$schema)
  for (table in names(files)) {
    expect_identical(ct_row_count(dataset, table), ct_row_count(l$dataset, table))
  }
  expect_identical(ct_csv(ct_compute(l$framework, dataset, as_of = as_of)), ct_csv(l$raw))
})
