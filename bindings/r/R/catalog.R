# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# The indicator catalog and case schema built into the library.

ct_catalog <- function() {
  columns <- .Call(C_ctind_r_catalog_indicators)
  data.frame(id = columns[[1]], title = columns[[2]], pillar = columns[[3]],
             stringsAsFactors = FALSE)
}

ct_catalog_schema <- function(text = FALSE) {
  if (isTRUE(text)) .Call(C_ctind_r_catalog_schema_text)
  else .Call(C_ctind_r_catalog_schema)
}

ct_catalog_indicator <- function(id, format = c("text", "json", "binary")) {
  .Call(C_ctind_r_catalog_indicator, id, format_number(format))
}

ct_catalog_framework <- function(pillars = character(), ids = character(),
                                 text = FALSE) {
  pillars <- paste(as.character(pillars), collapse = ",")
  ids <- paste(as.character(ids), collapse = ",")
  if (isTRUE(text)) .Call(C_ctind_r_catalog_export_text, pillars, ids)
  else .Call(C_ctind_r_catalog_export, pillars, ids)
}
