# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# Shared by the tests: the ctind source tree (for the quickstart example and
# the golden files) and small definitions written out in full.

# A file of the ctind source tree, given by CTIND_SOURCE_DIR (ctest sets it
# for both the testthat run and R CMD check). Without it the test is
# skipped, since an installed package carries no copy of the example.
source_root <- function() {
  root <- Sys.getenv("CTIND_SOURCE_DIR")
  if (!nzchar(root)) skip("CTIND_SOURCE_DIR is not set")
  root
}

source_file <- function(...) {
  path <- file.path(source_root(), ...)
  if (!file.exists(path)) stop("missing file of the source tree: ", path)
  path
}

# Runs `code` with the working directory at the source tree's root, so that
# file names in findings are the relative ones the CLI's golden files hold.
in_source_dir <- function(code) {
  old <- setwd(source_root())
  on.exit(setwd(old), add = TRUE)
  force(code)
}

# Victims identified, with a nationality from a code list that includes
# Namibia ("NA").
nationality_schema_text <- '
id: "nationality-test" version: "1"
code_lists {
  id: "country"
  codes { value: "NA" label: "Namibia" }
  codes { value: "ZA" label: "South Africa" }
}
tables {
  name: "victims" key: "record_id" person: "person_id"
  fields { name: "record_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "person_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "prs_Nationality" type: CATEGORY code_list: "country" }
  fields { name: "identified_on" type: DATE required: true }
}
'

# Distinct persons identified per quarter of 2025, by nationality.
nationality_framework_text <- '
schema_id: "nationality-test"
project { id: "NAT" title: "Nationality test" start_date: "2025-01-01"
          end_date: "2025-12-31" }
indicators {
  id: "VIC-01" title: "Persons identified" unit: "persons"
  measure { value { table: "victims" count_distinct: "person_id" } }
  period { by: "identified_on" every: QUARTERLY }
  disaggregate_by { dimensions: "prs_Nationality" }
}
'

# Five identifications of four persons; the nationality of R4 is empty
# (missing), three are Namibia ("NA") and one South Africa.
nationality_csv_text <- paste(
  "record_id,person_id,prs_Nationality,identified_on",
  "R1,P1,NA,2025-01-10",
  "R2,P2,NA,2025-02-11",
  "R3,P3,ZA,2025-03-01",
  "R4,P4,,2025-03-15",
  "R5,P1,NA,2025-04-02",
  sep = "\n"
)

# The value of the cell of `results` (a data frame) at `period` and `cell`
# ("" for the total).
cell_value <- function(results, period, cell = "") {
  row <- results[results$period == period & results$cell == cell, ]
  if (nrow(row) != 1L) {
    stop("expected one cell at ", period, " / '", cell, "', found ", nrow(row))
  }
  row$value
}
