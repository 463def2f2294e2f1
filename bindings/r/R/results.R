# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# Raw results, publications (reports), assessment, and reading them.

# The object a ctind object was made from (src/results.c, ctind_r_parent).
parent_of <- function(x) .Call(C_ctind_r_parent, x)

# The plan behind results, reports and publications.
plan_of <- function(x) {
  while (!inherits(x, "ctind_plan")) {
    if (typeof(x) != "externalptr") {
      stop("these results were not computed by this package", call. = FALSE)
    }
    x <- parent_of(x)
  }
  x
}

framework_of <- function(x) .Call(C_ctind_r_plan_parents, plan_of(x))[[1]]
schema_of <- function(x) .Call(C_ctind_r_plan_parents, plan_of(x))[[2]]

ct_compute <- function(x, dataset, as_of = NULL, period_types = character()) {
  plan <- if (inherits(x, "ctind_plan")) {
    x
  } else {
    if (!inherits(x, "ctind_framework")) {
      stop("expected a ctind_framework or ctind_plan object", call. = FALSE)
    }
    # A plan of the framework against the dataset's schema, kept with the
    # results for publishing them.
    ct_plan(x, .Call(C_ctind_r_dataset_schema, dataset))
  }
  .Call(C_ctind_r_compute, plan, dataset,
        settings(as_of = format_date(as_of, "as_of"),
                 period_types = as.character(period_types)))
}

as.data.frame.ctind_results <- function(x, row.names = NULL,
                                        optional = FALSE, ...) {
  columns <- .Call(C_ctind_r_results_cells, x)
  info <- .Call(C_ctind_r_results_info, x)
  if (!info[[3]]) {
    columns[c("target", "percent_achieved", "progress", "assessment")] <- NULL
  }
  # Reasons are carried only by a publication's raw results with reasons.
  if (all(columns$suppression_reason == "")) columns$suppression_reason <- NULL
  as.data.frame(columns, row.names = row.names, optional = optional,
                stringsAsFactors = FALSE)
}

ct_periods <- function(results) {
  columns <- .Call(C_ctind_r_results_periods, results)
  # [start, end): the end is the day after the period, as in the CSV's
  # period_start and period_end.
  data.frame(indicator_id = columns[[1]], title = columns[[2]],
             unit = columns[[3]], period = columns[[4]], type = columns[[5]],
             start = as.Date(columns[[6]]), end = as.Date(columns[[7]]),
             partial = columns[[8]], stringsAsFactors = FALSE)
}

ct_as_of <- function(results) {
  as.Date(.Call(C_ctind_r_results_as_of, results))
}

ct_protection <- function(results) {
  .Call(C_ctind_r_results_info, results)[[2]]
}

ct_report <- function(results, min_cell_size = NULL, rounding = NULL,
                      publisher_key = NULL,
                      disable_protection_for_internal_use = FALSE) {
  options <- settings(
    min_cell_size = min_cell_size, rounding = rounding_number(rounding),
    publisher_key = publisher_key,
    disable_protection_for_internal_use = disable_protection_for_internal_use)
  publication <- .Call(C_ctind_r_publish, results, plan_of(results), options)
  .Call(C_ctind_r_publication_results, publication, 0L)
}

ct_raw_with_reasons <- function(report) {
  if (!inherits(report, "ctind_report")) {
    stop("expected a report made by ct_report()", call. = FALSE)
  }
  # A report made by ct_report() borrows from its publication; an assessed
  # report comes from such a report.
  x <- report
  while (!inherits(x, "ctind_publication")) x <- parent_of(x)
  .Call(C_ctind_r_publication_results, x, 1L)
}

ct_assess <- function(results, margin_points = NULL) {
  .Call(C_ctind_r_derive_results, framework_of(results), results, 0L,
        settings(margin_points = margin_points))
}

ct_add_reported_actuals <- function(results) {
  .Call(C_ctind_r_derive_results, framework_of(results), results, 1L,
        settings())
}

ct_iptt <- function(results,
                    format = c("data.frame", "csv", "text", "json",
                               "binary")) {
  format <- match.arg(format)
  kind <- c(data.frame = 0L, csv = 0L, text = 1L, json = 2L,
            binary = 3L)[[format]]
  out <- .Call(C_ctind_r_iptt, framework_of(results), results, kind)
  if (format != "data.frame") return(out)
  utils::read.csv(text = out, na.strings = "", colClasses = "character",
                  check.names = FALSE)
}

ct_iati <- function(report, generated_datetime = NULL,
                    include_life_of_project = TRUE,
                    indicator_vocabularies = NULL) {
  .Call(C_ctind_r_render_iati, framework_of(report), report,
        settings(generated_datetime = generated_datetime,
                 include_life_of_project = include_life_of_project,
                 indicator_vocabularies = indicator_vocabularies))
}

ct_dhis2 <- function(report, mapping) {
  if (is.character(mapping)) mapping <- ct_dhis2_mapping(mapping)
  .Call(C_ctind_r_render_dhis2, report, mapping)
}

ct_html <- function(report, quality = NULL, language = NULL, title = NULL) {
  .Call(C_ctind_r_render_html, framework_of(report), report, quality,
        schema_of(report), settings(language = language, title = title))
}

# Renderings of results and quality checks: 0 JSON, 1 CSV, 2 table.
render <- function(x, kind) {
  if (inherits(x, "ctind_quality")) {
    .Call(C_ctind_r_quality_render, x, kind)
  } else {
    .Call(C_ctind_r_results_render, x, kind)
  }
}

ct_json <- function(x) render(x, 0L)
ct_csv <- function(x) render(x, 1L)
ct_table <- function(x) render(x, 2L)

print.ctind_results <- function(x, ...) {
  cat(ct_table(x))
  invisible(x)
}

print.ctind_publication <- function(x, ...) {
  cat("<ctind_publication>\n")
  invisible(x)
}
