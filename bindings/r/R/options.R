# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# Settings of loading, computing, publishing and rendering, passed to the C
# glue (src/options.c) as a named list; the library checks the values.

# The named list of the settings given, without those left NULL.
settings <- function(...) {
  x <- list(...)
  x[!vapply(x, is.null, logical(1))]
}

# ctind_rounding numbers of the rounding names.
rounding_number <- function(rounding) {
  if (is.null(rounding)) return(NULL)
  choices <- c(framework = 0L, none = 1L, base5 = 2L, random_base3 = 3L)
  choices[[match.arg(rounding, names(choices))]]
}

# "YYYY-MM-DD" of a Date or a date string, or NULL.
format_date <- function(x, what) {
  if (is.null(x)) return(NULL)
  if (inherits(x, "Date")) x <- format(x, "%Y-%m-%d")
  if (!is.character(x) || length(x) != 1L || is.na(x)) {
    stop("'", what, "' must be a Date or a \"YYYY-MM-DD\" string",
         call. = FALSE)
  }
  x
}
