# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# Runs the R package's tests (bindings/r/CMakeLists.txt) in WORK_DIR, which
# it empties first:
#   MODE=testthat  R CMD build, R CMD INSTALL into WORK_DIR/library, then
#                  the testthat suite against the installed package
#   MODE=check     R CMD build, then R CMD check --no-manual; an ERROR or a
#                  WARNING in the check fails the test (NOTEs do not)
#   MODE=script    R CMD build, R CMD INSTALL into WORK_DIR/library, then
#                  Rscript SCRIPT from SOURCE_DIR (the README's R example),
#                  whose output must have the line EXPECT
# Both find libctind through CTIND_INCLUDE_DIR / CTIND_LIB_DIR, the golden
# files through CTIND_SOURCE_DIR, and (when CLI and GENERATE are given) the
# ctind program and generator through CTIND_CLI and CTIND_GENERATE.
foreach(v R RSCRIPT PACKAGE_DIR SOURCE_DIR INCLUDE_DIRS LIB_DIR MODE WORK_DIR)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "r_package_test.cmake: ${v} is not set")
  endif()
endforeach()

set(ENV{CTIND_INCLUDE_DIR} "${INCLUDE_DIRS}")
set(ENV{CTIND_LIB_DIR} "${LIB_DIR}")
set(ENV{CTIND_SOURCE_DIR} "${SOURCE_DIR}")
# Optional: the ctind program and ctind-generate, for test-safe-passage.R.
if(DEFINED CLI)
  set(ENV{CTIND_CLI} "${CLI}")
endif()
if(DEFINED GENERATE)
  set(ENV{CTIND_GENERATE} "${GENERATE}")
endif()
# Quiet, reproducible R: no user or site profile, English messages.
set(ENV{R_PROFILE_USER} "")
set(ENV{R_ENVIRON_USER} "")
set(ENV{LANGUAGE} "en")

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/library")

function(run what)
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY "${WORK_DIR}"
                  RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message("${out}${err}")
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${what} failed (exit ${result})")
  endif()
endfunction()

# Building the tarball copies the package, so nothing is written into the
# source tree (configure's src/Makevars, objects).
run("R CMD build" "${R}" CMD build --no-build-vignettes --no-manual "${PACKAGE_DIR}")
file(GLOB tarball "${WORK_DIR}/ctind_*.tar.gz")
if(NOT tarball)
  message(FATAL_ERROR "R CMD build wrote no ctind_*.tar.gz")
endif()

if(MODE STREQUAL "testthat")
  run("R CMD INSTALL" "${R}" CMD INSTALL "--library=${WORK_DIR}/library" "${tarball}")
  set(ENV{R_LIBS} "${WORK_DIR}/library")
  run("the testthat suite" "${RSCRIPT}" -e
      "testthat::test_dir('${PACKAGE_DIR}/tests/testthat', package = 'ctind', load_package = 'installed', reporter = testthat::ProgressReporter$new(show_praise = FALSE), stop_on_failure = TRUE, stop_on_warning = TRUE)")
elseif(MODE STREQUAL "script")
  run("R CMD INSTALL" "${R}" CMD INSTALL "--library=${WORK_DIR}/library" "${tarball}")
  set(ENV{R_LIBS} "${WORK_DIR}/library")
  execute_process(COMMAND "${RSCRIPT}" "${SCRIPT}" WORKING_DIRECTORY "${SOURCE_DIR}"
                  RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message("${out}${err}")
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "Rscript ${SCRIPT} failed (exit ${result})")
  endif()
  string(FIND "\n${out}" "\n${EXPECT}\n" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the output of ${SCRIPT} has no line '${EXPECT}'")
  endif()
elseif(MODE STREQUAL "check")
  run("R CMD check" "${R}" CMD check --no-manual "${tarball}")
  file(READ "${WORK_DIR}/ctind.Rcheck/00check.log" log)
  string(REGEX MATCH "Status: [^\n]*" status "${log}")
  if(NOT status)
    message(FATAL_ERROR "R CMD check wrote no status")
  endif()
  if(status MATCHES "ERROR|WARNING")
    message(FATAL_ERROR "R CMD check: ${status}")
  endif()
  message("R CMD check: ${status}")
else()
  message(FATAL_ERROR "r_package_test.cmake: unknown MODE ${MODE}")
endif()
