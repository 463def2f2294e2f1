# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# Schemas, frameworks, plans and mappings.

# The C API's ctind_format numbers.
format_number <- function(format) {
  c(text = 0L, json = 1L, binary = 2L)[[match.arg(format,
                                                  c("text", "json", "binary"))]]
}

# The definition given as `path` or as `text` (exactly one of them): a
# character vector is joined into lines, a raw vector passed as bytes.
definition_source <- function(path, text) {
  if (is.null(path) == is.null(text)) {
    stop("give either 'path' or 'text'", call. = FALSE)
  }
  if (is.character(text)) text <- paste(text, collapse = "\n")
  text
}

# The bytes of the file at `path` (for the definitions the C API reads
# only from memory).
read_file_bytes <- function(path) {
  path <- path.expand(as.character(path))
  if (!file.exists(path)) {
    stop("cannot open '", path, "': no such file", call. = FALSE)
  }
  readBin(path, "raw", file.size(path))
}

# The format of a definition file by its extension, as the library's own
# *_load_file functions choose it.
format_of_path <- function(path) {
  if (grepl("\\.json$", path)) "json"
  else if (grepl("\\.(binpb|pb)$", path)) "binary"
  else "text"
}

ct_schema <- function(path = NULL, text = NULL,
                      format = c("text", "json", "binary"), file_name = "") {
  text <- definition_source(path, text)
  if (!is.null(path)) {
    return(.Call(C_ctind_r_schema_load_file, path.expand(as.character(path))))
  }
  .Call(C_ctind_r_schema_load, text, format_number(format),
        as.character(file_name))
}

ct_framework <- function(path = NULL, text = NULL,
                         format = c("text", "json", "binary"),
                         file_name = "") {
  text <- definition_source(path, text)
  if (!is.null(path)) {
    return(.Call(C_ctind_r_framework_load_file,
                 path.expand(as.character(path))))
  }
  .Call(C_ctind_r_framework_load, text, format_number(format),
        as.character(file_name))
}

ct_mapping <- function(schema, path = NULL, text = NULL,
                       format = c("text", "json", "binary"), file_name = "") {
  text <- definition_source(path, text)
  if (!is.null(path)) {
    return(.Call(C_ctind_r_mapping_load, schema, read_file_bytes(path),
                 format_number(format_of_path(path)), as.character(path)))
  }
  .Call(C_ctind_r_mapping_load, schema, text, format_number(format),
        as.character(file_name))
}

ct_dhis2_mapping <- function(path = NULL, text = NULL,
                             format = c("text", "json", "binary"),
                             file_name = "") {
  text <- definition_source(path, text)
  if (!is.null(path)) {
    return(.Call(C_ctind_r_dhis2_mapping_load, read_file_bytes(path),
                 format_number(format_of_path(path)), as.character(path)))
  }
  .Call(C_ctind_r_dhis2_mapping_load, text, format_number(format),
        as.character(file_name))
}

ct_validate <- function(framework, schema) {
  invisible(.Call(C_ctind_r_framework_validate, framework, schema))
}

ct_plan <- function(framework, schema) {
  .Call(C_ctind_r_plan_create, framework, schema)
}

ct_serialize <- function(x, format = c("text", "json", "binary")) {
  f <- format_number(format)
  if (inherits(x, "ctind_schema")) {
    .Call(C_ctind_r_schema_serialize, x, f)
  } else if (inherits(x, "ctind_framework")) {
    .Call(C_ctind_r_framework_serialize, x, f)
  } else if (inherits(x, "ctind_mapping")) {
    .Call(C_ctind_r_mapping_serialize, x, f)
  } else if (inherits(x, "ctind_results")) {
    .Call(C_ctind_r_results_serialize, x, f)
  } else if (inherits(x, "ctind_quality")) {
    .Call(C_ctind_r_quality_serialize, x, f)
  } else {
    stop("ct_serialize() takes a ctind_schema, ctind_framework, ",
         "ctind_mapping, ctind_results or ctind_quality object",
         call. = FALSE)
  }
}

# The message of a schema or framework as a list, from its JSON.
definition_json <- function(x) {
  jsonlite::fromJSON(ct_serialize(x, "json"), simplifyVector = FALSE)
}

print.ctind_schema <- function(x, ...) {
  schema <- definition_json(x)
  tables <- vapply(schema$tables, function(t) t$name, character(1))
  cat("<ctind_schema> ", schema$id, "\n", sep = "")
  cat("  tables: ", paste(tables, collapse = ", "), "\n", sep = "")
  invisible(x)
}

print.ctind_framework <- function(x, ...) {
  framework <- definition_json(x)
  cat("<ctind_framework> ", framework$project$id, ": ",
      framework$project$title, "\n", sep = "")
  cat("  indicators: ", length(framework$indicators), "\n", sep = "")
  invisible(x)
}

print.ctind_plan <- function(x, ...) {
  cat("<ctind_plan>\n")
  invisible(x)
}

print.ctind_mapping <- function(x, ...) {
  cat("<ctind_mapping>\n")
  invisible(x)
}

print.ctind_dhis2_mapping <- function(x, ...) {
  cat("<ctind_dhis2_mapping>\n")
  invisible(x)
}
