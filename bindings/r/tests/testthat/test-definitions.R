# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# Schemas, frameworks, plans and the built-in catalog.

test_that("the version is the library's", {
  expect_match(ct_version(), "^[0-9]+\\.[0-9]+\\.[0-9]+$")
  expect_identical(ct_version(), as.character(packageVersion("ctind")))
})

test_that("the package loads only a library its glue can run on", {
  compatible <- ctind:::compatible_versions
  expect_true(compatible("1.0.0", "1.0.0"))
  # A later 1.x has every function of 1.0 (the ABI promise from 1.0.0).
  expect_true(compatible("1.0.0", "1.2.1"))
  # An older library may lack functions the glue calls.
  expect_false(compatible("1.2.0", "1.1.9"))
  expect_false(compatible("1.0.0", "2.0.0"))
  # Before 1.0.0 each minor release may change the ABI.
  expect_false(compatible("0.1.0", "0.2.0"))
  expect_true(compatible("0.1.0", "0.1.3"))
  expect_false(compatible("1.0", "1.0.0"))
})

test_that("a framework round-trips through its text, JSON and binary forms", {
  framework <- ct_framework(text = nationality_framework_text)
  json <- ct_serialize(framework, "json")
  binary <- ct_serialize(framework, "binary")
  expect_type(json, "character")
  expect_type(binary, "raw")
  expect_identical(jsonlite::fromJSON(json)$project$id, "NAT")
  again <- ct_framework(text = binary, format = "binary")
  expect_identical(ct_serialize(again, "text"), ct_serialize(framework, "text"))
  from_json <- ct_framework(text = json, format = "json")
  expect_identical(ct_serialize(from_json, "text"),
                   ct_serialize(framework, "text"))
  schema <- ct_schema(text = nationality_schema_text)
  expect_identical(
    jsonlite::fromJSON(ct_serialize(schema, "json"))$tables$name, "victims")
})

test_that("a plan computes the same results as the framework", {
  schema <- ct_schema(text = nationality_schema_text)
  framework <- ct_framework(text = nationality_framework_text)
  expect_true(ct_validate(framework, schema))
  path <- tempfile(fileext = ".csv")
  on.exit(unlink(path))
  writeLines(nationality_csv_text, path)
  dataset <- ct_dataset_csv(list(victims = path), schema)
  plan <- ct_plan(framework, schema)
  expect_identical(ct_csv(ct_compute(plan, dataset, as_of = "2025-12-31")),
                   ct_csv(ct_compute(framework, dataset,
                                     as_of = as.Date("2025-12-31"))))
})

test_that("extra period types add their periods", {
  schema <- ct_schema(text = nationality_schema_text)
  framework <- ct_framework(text = nationality_framework_text)
  path <- tempfile(fileext = ".csv")
  on.exit(unlink(path))
  writeLines(nationality_csv_text, path)
  dataset <- ct_dataset_csv(list(victims = path), schema)
  results <- as.data.frame(ct_compute(framework, dataset, as_of = "2025-12-31",
                                      period_types = "YEARLY"))
  # The calendar year 2025 holds all five identifications of four persons.
  expect_identical(cell_value(results, "2025"), 4)
  expect_identical(cell_value(results, "2025Q1"), 4)
})

test_that("the catalog lists its indicators and exports a framework", {
  catalog <- ct_catalog()
  expect_named(catalog, c("id", "title", "pillar"))
  expect_true(all(catalog$pillar %in%
                    c("prevention", "protection", "prosecution", "partnership")))
  expect_false(anyDuplicated(catalog$id) > 0)
  # The four pillars come in this order.
  expect_identical(unique(catalog$pillar),
                   c("prevention", "protection", "prosecution", "partnership"))
  first <- catalog$id[[1]]
  expect_match(ct_catalog_indicator(first), paste0('id: "', first, '"'))
  framework <- ct_catalog_framework(ids = first)
  schema <- ct_catalog_schema()
  expect_true(ct_validate(framework, schema))
  exported <- jsonlite::fromJSON(ct_serialize(framework, "json"))
  expect_identical(exported$indicators$id, first)
  expect_identical(exported$project$id, "FILL-IN")
  expect_match(ct_catalog_schema(text = TRUE), 'id: "htcds-case"')
  e <- tryCatch(ct_catalog_framework(pillars = "pursuit"),
                ctind_error = function(e) e)
  expect_identical(e$status, "INVALID_ARGUMENT")
})
