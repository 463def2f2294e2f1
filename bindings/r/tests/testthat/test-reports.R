# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# Publications (reports): disclosure control with its defaults and options,
# assessment, and the renderers that take only publications.

# 21 persons identified in 2025: in Q1 seven of Namibia (N1-N7) and six of
# South Africa (Z1-Z6); in Q2 six more of Namibia (N8-N13) and two of
# South Africa (Z7, Z8). Raw counts: Q1 13 = 7 + 6, Q2 8 = 6 + 2, Q3 and
# Q4 0, life of project 21 = 13 + 8.
report_results <- function() {
  persons <- c(paste0("N", 1:7), paste0("Z", 1:6), paste0("N", 8:13),
               "Z7", "Z8")
  frame <- data.frame(
    record_id = paste0("R", seq_along(persons)),
    person_id = persons,
    prs_Nationality = c(rep("NA", 7), rep("ZA", 6), rep("NA", 6), "ZA", "ZA"),
    identified_on = as.Date(c(rep("2025-02-01", 13), rep("2025-05-01", 8)))
  )
  schema <- ct_schema(text = nationality_schema_text)
  # The project with what the IATI export needs.
  framework <- ct_framework(text = sub(
    'end_date: "2025-12-31" }',
    'end_date: "2025-12-31"
     iati_identifier: "XM-EXAMPLE-1-NAT" description: "A test project"
     activity_status: "2"
     reporting_org { ref: "XM-EXAMPLE-1" type: "21" name: "Example" }
     participating_orgs { ref: "XM-EXAMPLE-2" type: "10" name: "Donor"
                          role: "1" } }',
    nationality_framework_text, fixed = TRUE))
  ct_compute(framework, ct_dataset(list(victims = frame), schema),
             as_of = "2025-12-31")
}

cell_of <- function(frame, period, cell = "") {
  frame[frame$period == period & frame$cell == cell, ]
}

test_that("raw results are raw; a report is published and suppresses 1..k-1", {
  raw <- report_results()
  expect_identical(ct_protection(raw), "raw")
  report <- ct_report(raw)
  expect_s3_class(report, c("ctind_report", "ctind_results"), exact = TRUE)
  expect_identical(ct_protection(report), "published")
  published <- as.data.frame(report)
  raw_cells <- as.data.frame(raw)
  expect_identical(nrow(published), nrow(raw_cells))
  # Q2's two South Africans are below k = 5: suppressed, without a value.
  za <- cell_of(published, "2025Q2", "prs_Nationality=ZA")
  expect_identical(za$status, "suppressed")
  expect_identical(za$value, NA_real_)
  expect_identical(za$flags, "suppressed")
  # Q2's total 8 is published, so Namibia's 6 must be withheld too (else
  # 8 - 6 gives the 2 back).
  expect_identical(cell_of(published, "2025Q2")$value, 8)
  expect_identical(cell_of(published, "2025Q2", "prs_Nationality=NA")$status,
                   "suppressed")
  # No published count is from 1 to 4, and what is published is the raw
  # value (no rounding asked for); zeros are published.
  present <- published$status == "present"
  expect_false(any(published$value[present] %in% 1:4))
  expect_identical(published$value[present], raw_cells$value[present])
  expect_identical(cell_of(published, "2025Q3")$value, 0)
  # The reasons stay with the data owner: primary for the small count.
  reasons <- as.data.frame(ct_raw_with_reasons(report))
  expect_identical(cell_of(reasons, "2025Q2", "prs_Nationality=ZA")$suppression_reason,
                   "primary")
  expect_identical(cell_of(reasons, "2025Q2", "prs_Nationality=ZA")$value, 2)
  expect_identical(cell_of(reasons, "2025Q2", "prs_Nationality=NA")$suppression_reason,
                   "complementary")
  expect_false("suppression_reason" %in% names(published))
})

test_that("min_cell_size, base-5 rounding and disabled protection", {
  raw <- report_results()
  # k = 1 turns primary suppression off: every count is published as is.
  open <- as.data.frame(ct_report(raw, min_cell_size = 1))
  expect_true(all(open$status == "present"))
  expect_identical(open$value, as.data.frame(raw)$value)
  # Base 5 to the nearest multiple: 13 -> 15, 7 -> 5, 6 -> 5, 8 -> 10,
  # 2 -> 0, 21 -> 20, 0 stays 0.
  rounded <- as.data.frame(ct_report(raw, min_cell_size = 1,
                                     rounding = "base5"))
  expect_identical(cell_of(rounded, "2025Q1")$value, 15)
  expect_identical(cell_of(rounded, "2025Q1", "prs_Nationality=NA")$value, 5)
  expect_identical(cell_of(rounded, "2025Q1", "prs_Nationality=ZA")$value, 5)
  expect_identical(cell_of(rounded, "2025Q2")$value, 10)
  expect_identical(cell_of(rounded, "2025Q2", "prs_Nationality=ZA")$value, 0)
  expect_identical(cell_of(rounded, "LOP")$value, 20)
  expect_identical(cell_of(rounded, "2025Q1")$flags, "rounded")
  internal <- ct_report(raw, disable_protection_for_internal_use = TRUE)
  expect_identical(ct_protection(internal), "raw")
  expect_identical(as.data.frame(internal)$value, as.data.frame(raw)$value)
})

test_that("random rounding needs a key and is keyed", {
  raw <- report_results()
  e <- tryCatch(ct_report(raw, rounding = "random_base3"),
                ctind_error = function(e) e)
  expect_identical(e$status, "INVALID_ARGUMENT")
  expect_match(conditionMessage(e), "publisher")
  key <- "a secret of at least sixteen bytes"
  first <- as.data.frame(ct_report(raw, min_cell_size = 1,
                                   rounding = "random_base3",
                                   publisher_key = key))
  again <- as.data.frame(ct_report(raw, min_cell_size = 1,
                                   rounding = "random_base3",
                                   publisher_key = charToRaw(key)))
  raw_values <- as.data.frame(raw)$value
  expect_identical(first$value, again$value)
  expect_true(all(first$value %% 3 == 0))
  expect_true(all(abs(first$value - raw_values) < 3))
})

test_that("a report is not published twice; renderers refuse raw results", {
  raw <- report_results()
  report <- ct_report(raw)
  e <- tryCatch(ct_report(report), ctind_error = function(e) e)
  expect_identical(e$status, "FAILED_PRECONDITION")
  e <- tryCatch(ct_iati(raw), ctind_error = function(e) e)
  expect_identical(e$status, "FAILED_PRECONDITION")
  expect_error(ct_raw_with_reasons(raw), "made by ct_report")
})

test_that("assessment, the IPTT and the HTML report of a publication", {
  report <- ct_report(report_results())
  assessed <- ct_assess(report)
  expect_s3_class(assessed, "ctind_report")
  cells <- as.data.frame(assessed)
  expect_true(all(c("target", "percent_achieved", "assessment") %in%
                    names(cells)))
  # The test framework has no targets: nothing is assessed.
  expect_true(all(cells$assessment == "not_assessed"))
  iptt <- ct_iptt(assessed)
  # One row per period of the indicator: four quarters and LOP; the
  # suppressed actuals are not there, the published ones are.
  expect_identical(iptt$period, c("2025Q1", "2025Q2", "2025Q3", "2025Q4", "LOP"))
  expect_identical(iptt$actual, c("13", "8", "0", "0", "21"))
  expect_match(ct_iptt(assessed, "csv"), "^[^\r\n]*indicator_id")
  html <- ct_html(assessed, title = "Nationality report")
  expect_match(html, "^<!DOCTYPE html>")
  expect_match(html, "Nationality report")
  expect_false(grepl("<script", html, fixed = TRUE))
  # Unassessed results are not enough for the HTML report.
  expect_error(ct_html(report), class = "ctind_error")
})

test_that("IATI and DHIS2 write suppressed values without their value", {
  report <- ct_report(report_results())
  xml <- ct_iati(report)
  expect_match(xml, "<iati-identifier>XM-EXAMPLE-1-NAT</iati-identifier>",
               fixed = TRUE)
  expect_match(xml, "Value withheld to protect individuals", fixed = TRUE)
  # Q1's published total, and no suppressed value anywhere: the South
  # African count of Q2 (2) never appears as an actual.
  expect_match(xml, '<actual value="13"', fixed = TRUE)
  expect_false(grepl('<actual value="2"', xml, fixed = TRUE))
  mapping <- ct_dhis2_mapping(text = '
    id: "nat" project_id: "NAT" org_unit: "DiszpKrYNg8"
    indicators {
      indicator: "VIC-01" data_element: "f7n9E0hX8qk" period_types: QUARTERLY
      cells { data_element: "TotPersId01" }
      cells { cell { dimension: "prs_Nationality" value: "NA" }
              category_option_combo: "Prlt0C1RF0s" }
    }')
  json <- ct_dhis2(report, mapping)
  values <- jsonlite::fromJSON(json)$dataValues
  totals <- values[values$dataElement == "TotPersId01", ]
  expect_identical(totals$period, c("2025Q1", "2025Q2", "2025Q3", "2025Q4"))
  expect_identical(totals$value, c("13", "8", "0", "0"))
  namibia <- values[values$dataElement == "f7n9E0hX8qk", ]
  # Q1's 7 and Q2's 6 were withheld (complementary): empty values.
  expect_identical(namibia$value, c("", "", "0", "0"))
  # The South African cells are not mapped: the notes say so.
  expect_match(attr(json, "notes"), "prs_Nationality=ZA")
})

test_that("periods give each indicator's reporting periods", {
  periods <- ct_periods(report_results())
  expect_identical(periods$period, c("2025Q1", "2025Q2", "2025Q3", "2025Q4",
                                     "LOP"))
  expect_identical(periods$type[1:4], rep("QUARTERLY", 4))
  # [start, end): Q1 is 2025-01-01 up to 2025-04-01.
  expect_identical(periods$start[[1]], as.Date("2025-01-01"))
  expect_identical(periods$end[[1]], as.Date("2025-04-01"))
  expect_false(any(periods$partial))
})
