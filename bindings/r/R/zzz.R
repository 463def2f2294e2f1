# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# Loading the package.

ct_version <- function() .Call(C_ctind_r_version)

# Handles stored and not yet destroyed by their finalizers (for the tests).
live_handle_count <- function() .Call(C_ctind_r_live_handle_count)

# Whether a library of version `library` runs glue compiled against the
# header of version `header` ("MAJOR.MINOR.PATCH"): the same major version,
# and no older than the header (whose functions the glue calls). Before
# 1.0.0 the ABI may change with any minor release, so the minor must match.
compatible_versions <- function(header, library) {
  h <- as.integer(strsplit(header, ".", fixed = TRUE)[[1]])
  l <- as.integer(strsplit(library, ".", fixed = TRUE)[[1]])
  if (length(h) != 3L || length(l) != 3L || anyNA(c(h, l))) return(FALSE)
  if (h[[1]] != l[[1]]) return(FALSE)
  if (h[[1]] == 0L && h[[2]] != l[[2]]) return(FALSE)
  sum(l * c(10000, 100, 1)) >= sum(h * c(10000, 100, 1))
}

.onLoad <- function(libname, pkgname) {
  header <- .Call(C_ctind_r_header_version)
  library <- .Call(C_ctind_r_version)
  if (!compatible_versions(header, library)) {
    stop("the ctind package was built against libctind ", header,
         " but loaded libctind ", library, "; reinstall the package",
         call. = FALSE)
  }
}
