# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# Datasets: records of a schema's tables, from CSV files or data frames,
# and the data-quality findings of loading them.

# `tables` as a named list with one element per table.
named_tables <- function(tables, what) {
  tables <- as.list(tables)
  if (length(tables) > 0L &&
      (is.null(names(tables)) || any(!nzchar(names(tables))))) {
    stop("every element of '", what, "' must be named by its table",
         call. = FALSE)
  }
  if (anyDuplicated(names(tables))) {
    stop("'", what, "' names a table twice", call. = FALSE)
  }
  tables
}

ct_dataset_csv <- function(files, schema, strict = FALSE,
                           ignore_unknown_columns = FALSE, mapping = NULL) {
  files <- named_tables(files, "files")
  options <- settings(strict = strict,
                      ignore_unknown_columns = ignore_unknown_columns,
                      mapping = mapping)
  dataset <- .Call(C_ctind_r_dataset_create, schema)
  for (table in names(files)) {
    .Call(C_ctind_r_dataset_load_csv_file, dataset, table,
          path.expand(as.character(files[[table]])), options)
  }
  dataset
}

# The fields of every table of `schema`: a list by table name of lists by
# field name, each with the field's type and multi-value separator.
schema_fields <- function(schema) {
  tables <- definition_json(schema)$tables
  result <- list()
  for (table in tables) {
    fields <- list()
    for (field in table$fields) {
      separator <- field$format$multi_value_separator
      fields[[field$name]] <- list(
        type = if (is.null(field$type)) "FIELD_TYPE_UNSPECIFIED" else field$type,
        multi_valued = isTRUE(field$multi_valued),
        separator = if (is.null(separator)) ";" else separator
      )
    }
    result[[table$name]] <- fields
  }
  result
}

# Column kinds of src/datasets.c.
column_kinds <- c(text = 0L, int64 = 1L, double = 2L, bool = 3L, date = 4L)

# Text of numbers for a text field: whole numbers in full (an identifier
# 100000 is "100000", not "1e+05"), others with 15 significant digits.
number_text <- function(x) {
  text <- formatC(x, digits = 15, format = "fg", flag = "-")
  text <- trimws(text)
  text[is.na(x)] <- NA_character_
  text
}

# How the R vector `x` goes to field `name` (`field` from schema_fields)
# of `table`: list(kind, values). The library checks the values; this only
# chooses how to pass them, and refuses what has no faithful form.
column_input <- function(x, table, name, field) {
  where <- paste0("column '", name, "' of table '", table, "'")
  type <- field$type
  if (is.factor(x)) x <- as.character(x)
  if (is.list(x)) {
    if (!field$multi_valued) {
      stop(where, ": a list column fits only a multi-valued field",
           call. = FALSE)
    }
    # Each element is the items of one value; no item (or only NA) is a
    # missing value.
    x <- vapply(x, function(items) {
      items <- as.character(unlist(items))
      items <- items[!is.na(items)]
      if (length(items) == 0L) NA_character_
      else paste(items, collapse = field$separator)
    }, character(1))
  }
  if (is.character(x)) return(list(kind = "text", values = x))
  if (inherits(x, "POSIXt")) {
    stop(where, ": date-times are not dates; convert with as.Date() in the ",
         "time zone the dates belong to", call. = FALSE)
  }
  if (inherits(x, "Date")) {
    if (type == "DATE") return(list(kind = "date", values = unclass(x)))
    return(list(kind = "text", values = format(x, "%Y-%m-%d")))
  }
  if (is.logical(x)) {
    if (type == "BOOL") return(list(kind = "bool", values = x))
    # A column of NA alone (R's default type for missing values) is
    # missing whatever the field's type.
    if (all(is.na(x))) {
      return(list(kind = "text", values = rep(NA_character_, length(x))))
    }
    stop(where, ": a logical column fits only a BOOL field; field '", name,
         "' is ", type, call. = FALSE)
  }
  if (is.numeric(x)) {
    if (type == "INT64") {
      whole <- is.na(x) | (is.finite(x) & x == trunc(x) & abs(x) < 2^63)
      if (!all(whole)) {
        row <- which(!whole)[[1]]
        stop(where, ": field '", name, "' is INT64 but row ", row, " holds ",
             format(x[[row]], digits = 17), call. = FALSE)
      }
      return(list(kind = "int64", values = x))
    }
    if (type == "DOUBLE") return(list(kind = "double", values = as.double(x)))
    if (type %in% c("STRING", "CATEGORY")) {
      return(list(kind = "text", values = number_text(x)))
    }
    stop(where, ": a numeric column does not fit field '", name,
         "' of type ", type, call. = FALSE)
  }
  stop(where, ": columns of class '", class(x)[[1]], "' are not supported",
       call. = FALSE)
}

ct_dataset <- function(tables, schema, strict = FALSE,
                       ignore_unknown_columns = FALSE) {
  tables <- named_tables(tables, "tables")
  fields <- schema_fields(schema)
  options <- settings(strict = strict)
  dataset <- .Call(C_ctind_r_dataset_create, schema)
  for (table in names(tables)) {
    frame <- tables[[table]]
    if (!is.data.frame(frame)) {
      stop("table '", table, "' must be a data frame", call. = FALSE)
    }
    table_fields <- fields[[table]]
    for (name in names(frame)) {
      field <- table_fields[[name]]
      if (is.null(field)) {
        if (isTRUE(ignore_unknown_columns)) next
        # The library names the unknown field (and the table's fields).
        .Call(C_ctind_r_dataset_append, dataset, table, name,
              column_kinds[["text"]], as.character(frame[[name]]))
      }
      input <- column_input(frame[[name]], table, name, field)
      .Call(C_ctind_r_dataset_append, dataset, table, name,
            column_kinds[[input$kind]], input$values)
    }
    .Call(C_ctind_r_dataset_end_table, dataset, table,
          paste0("data frame '", table, "'"), options)
  }
  dataset
}

ct_row_count <- function(dataset, table) {
  .Call(C_ctind_r_dataset_row_count, dataset, table)
}

ct_findings <- function(x) {
  columns <- .Call(C_ctind_r_findings, x)
  keys <- columns$record_keys
  columns$record_keys <- NULL
  findings <- as.data.frame(columns, stringsAsFactors = FALSE)
  # Record keys are there only on the data owner's request.
  if (any(lengths(keys) > 0L)) findings$record_keys <- keys
  findings
}

print.ctind_dataset <- function(x, ...) {
  schema <- .Call(C_ctind_r_dataset_schema, x)
  tables <- vapply(definition_json(schema)$tables, function(t) t$name,
                   character(1))
  rows <- vapply(tables, function(t) ct_row_count(x, t), numeric(1))
  cat("<ctind_dataset>\n")
  for (i in seq_along(tables)) cat("  ", tables[[i]], ": ", rows[[i]],
                                   " rows\n", sep = "")
  invisible(x)
}
