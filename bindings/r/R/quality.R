# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# Data-quality checks of a dataset (docs/data-quality.md).

ct_quality <- function(dataset, framework = NULL, as_of = NULL,
                       with_record_keys = FALSE, max_record_keys = NULL) {
  .Call(C_ctind_r_quality_check, dataset, framework,
        settings(as_of = format_date(as_of, "as_of"),
                 with_record_keys = with_record_keys,
                 max_record_keys = max_record_keys))
}

ct_completeness <- function(quality) {
  columns <- .Call(C_ctind_r_quality_completeness, quality)
  tables <- columns[[1]]
  fields <- columns[[2]]
  list(
    tables = data.frame(table = tables[[1]], loaded = tables[[2]],
                        rows = tables[[3]], stringsAsFactors = FALSE),
    fields = data.frame(table = fields[[1]], field = fields[[2]],
                        required = fields[[3]], present = fields[[4]],
                        missing = fields[[5]], invalid = fields[[6]],
                        stringsAsFactors = FALSE)
  )
}

as.data.frame.ctind_quality <- function(x, row.names = NULL,
                                        optional = FALSE, ...) {
  findings <- ct_findings(x)
  if (!is.null(row.names)) row.names(findings) <- row.names
  findings
}

print.ctind_quality <- function(x, ...) {
  cat(ct_table(x))
  invisible(x)
}
