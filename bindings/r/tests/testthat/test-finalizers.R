# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# Every handle the package creates is destroyed by its finalizer once R
# collects it. The glue counts handles stored and not yet finalized.

live_handles <- function() {
  gc()
  ctind:::live_handle_count()
}

test_that("handles are destroyed after rm() and gc()", {
  before <- live_handles()
  schema <- ct_schema(text = nationality_schema_text)
  framework <- ct_framework(text = nationality_framework_text)
  plan <- ct_plan(framework, schema)
  dataset <- ct_dataset_csv(list(), schema)
  results <- ct_compute(plan, dataset, as_of = "2025-12-31")
  # Five handles: schema, framework, plan, dataset, results.
  expect_identical(live_handles(), before + 5)
  rm(results)
  expect_identical(live_handles(), before + 4)
  rm(schema, framework, plan, dataset)
  expect_identical(live_handles(), before)
})

test_that("a handle outlives the objects it was made from", {
  before <- live_handles()
  schema <- ct_schema(text = nationality_schema_text)
  path <- tempfile(fileext = ".csv")
  on.exit(unlink(path))
  writeLines(nationality_csv_text, path)
  dataset <- ct_dataset_csv(list(victims = path), schema)
  framework <- ct_framework(text = nationality_framework_text)
  # The results keep their plan, which keeps the framework and the schema
  # (for publishing and rendering); the dataset is no longer needed.
  rm(schema)
  results <- ct_compute(framework, dataset, as_of = "2025-12-31")
  rm(framework, dataset)
  # results, plan, framework, schema
  expect_identical(live_handles(), before + 4)
  expect_identical(cell_value(as.data.frame(results), "LOP"), 4)
  rm(results)
  expect_identical(live_handles(), before)
})

test_that("failed calls leave no handle behind", {
  before <- live_handles()
  for (i in 1:20) {
    try(ct_framework(text = "project {"), silent = TRUE)
    try(ct_schema(text = "tables { name: }"), silent = TRUE)
  }
  expect_identical(live_handles(), before)
})
