# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# Errors of the library as R conditions.

# Names of the ctind_status codes (equal to absl::StatusCode), from 0.
status_names <- c(
  "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED",
  "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED",
  "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED",
  "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"
)

status_name <- function(code) {
  if (code >= 0 && code < length(status_names)) status_names[[code + 1]]
  else paste0("STATUS_", code)
}

# Renders one diagnostic as "file:line:column: path: message", leaving out
# the parts that are unknown.
format_diagnostic <- function(message, path, file, line, column) {
  where <- c(if (nzchar(file)) file, if (!is.na(line)) line,
             if (!is.na(line) && !is.na(column)) column)
  prefix <- c(if (length(where) > 0L) paste(where, collapse = ":"),
              if (nzchar(path)) path)
  paste(c(prefix, message), collapse = ": ")
}

# The call the user made: the outermost frame running a function of this
# package (ct_framework(...), not its helpers).
user_call <- function() {
  ns <- topenv(environment(user_call))
  frames <- sys.nframe() - 1L
  for (n in seq_len(frames)) {
    f <- sys.function(n)
    if (!is.primitive(f) && identical(topenv(environment(f)), ns)) {
      return(sys.call(n))
    }
  }
  NULL
}

# Called from the C glue (src/handles.c) with a copy of a ctind_error:
# raises a condition of class c("ctind_error", "error", "condition") whose
# message is the library's message followed by those diagnostics it does
# not already contain.
ctind_stop <- function(code, message, d_message, d_path, d_file, d_line,
                       d_column, d_offset) {
  diagnostics <- data.frame(
    message = d_message, path = d_path, file = d_file, line = d_line,
    column = d_column, offset = d_offset, stringsAsFactors = FALSE
  )
  if (!nzchar(message)) {
    message <- paste("ctind call failed with status", status_name(code))
  }
  lines <- vapply(seq_len(nrow(diagnostics)), function(i) {
    format_diagnostic(d_message[[i]], d_path[[i]], d_file[[i]], d_line[[i]],
                      d_column[[i]])
  }, character(1))
  extra <- lines[!vapply(d_message, grepl, logical(1), x = message,
                         fixed = TRUE)]
  full <- paste(c(message, extra), collapse = "\n")
  condition <- structure(
    class = c("ctind_error", "error", "condition"),
    list(message = full, call = user_call(), code = code,
         status = status_name(code), library_message = message,
         diagnostics = diagnostics)
  )
  stop(condition)
}
