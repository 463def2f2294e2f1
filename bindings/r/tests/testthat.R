# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
# Runs the testthat suite (R CMD check and `ctest -R r_package`).
library(testthat)
library(ctind)

test_check("ctind")
