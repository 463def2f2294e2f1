# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# Tests ctind-generate end to end (ctest: generate_cli). Variables (-D):
#   GENERATE   path of the program
#   WORK       a scratch directory, emptied first
# Checks: --help documents every option; 2,000 clean persons give every
# table with the schema's header and one row per person in persons.csv;
# a second run gives the same bytes, another seed other bytes; usage
# errors exit with 2 and say what is wrong.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

function(run expected_exit)
  execute_process(COMMAND "${GENERATE}" ${ARGN}
    RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code STREQUAL "${expected_exit}")
    message(FATAL_ERROR "ctind-generate ${ARGN}: exit ${code}, expected ${expected_exit}\n"
                        "stdout:\n${out}\nstderr:\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
endfunction()

function(expect_match text regex what)
  if(NOT text MATCHES "${regex}")
    message(FATAL_ERROR "${what} does not match '${regex}':\n${text}")
  endif()
endfunction()

run(0 --help)
foreach(option --out --persons --seed --dirty --start --end --tables --progress --quiet --help
               --version)
  expect_match("${out}" "${option}" "--help")
endforeach()
run(0 --version)
expect_match("${out}" "^ctind-generate [0-9]+\\.[0-9]+\\.[0-9]+" "--version")

set(tables persons cases support_plans services perpetrators legal_proceedings trainings
           training_participants awareness_activities survey_respondents
           coordination_mechanisms population)
run(0 --persons 2000 --dirty 0 --out "${WORK}/a")
expect_match("${out}" "persons +2000 rows" "the summary")
foreach(table ${tables})
  if(NOT EXISTS "${WORK}/a/${table}.csv")
    message(FATAL_ERROR "no ${table}.csv")
  endif()
endforeach()
file(STRINGS "${WORK}/a/persons.csv" persons)
list(LENGTH persons lines)
if(NOT lines EQUAL 2001)
  message(FATAL_ERROR "persons.csv has ${lines} lines, expected a header and 2000 rows")
endif()
list(GET persons 0 header)
expect_match("${header}" "^person_id,prs_Birthdate,prs_Gender,prs_Citizenship,.*,needs_assessed_on$"
             "the persons header")
file(STRINGS "${WORK}/a/cases.csv" cases LIMIT_COUNT 1)
expect_match("${cases}" "^case_id,person_id,cas_Status,opened_on,closed_on," "the cases header")

# The same options again, with a progress bar forced on: the same bytes.
run(0 --persons=2000 --dirty=0 --out "${WORK}/b" --progress)
expect_match("${err}" "persons \\[#+\\] 100% 2000/2000" "the progress bar")
foreach(table ${tables})
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${WORK}/a/${table}.csv"
                          "${WORK}/b/${table}.csv" RESULT_VARIABLE differ)
  if(differ)
    message(FATAL_ERROR "${table}.csv differs between two runs with the same options")
  endif()
endforeach()
# --quiet: nothing on stdout or stderr.
run(0 --persons 2000 --dirty 0 --seed 99 --out "${WORK}/c" --quiet)
if(NOT out STREQUAL "" OR NOT err STREQUAL "")
  message(FATAL_ERROR "--quiet printed:\n${out}${err}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${WORK}/a/persons.csv"
                        "${WORK}/c/persons.csv" RESULT_VARIABLE differ)
if(NOT differ)
  message(FATAL_ERROR "another seed gave the same persons.csv")
endif()
# Only the tables asked for.
run(0 --persons 2000 --tables cases,services --out "${WORK}/d" --quiet)
if(EXISTS "${WORK}/d/persons.csv" OR NOT EXISTS "${WORK}/d/services.csv")
  message(FATAL_ERROR "--tables cases,services wrote other tables")
endif()

# Usage errors: exit 2 with a message naming the problem.
run(2 --persons 12x --out "${WORK}/e")
expect_match("${err}" "--persons '12x' is not a whole number" "a bad number")
run(2 --persons 0 --out "${WORK}/e")
run(2 --dirty 0.7 --out "${WORK}/e")
expect_match("${err}" "--dirty '0.7' is not a number from 0 to 0.5" "a bad rate")
run(2 --start 2025-02-30 --out "${WORK}/e")
expect_match("${err}" "--start '2025-02-30' is not a date" "a bad date")
run(2 --tables persons,victims --out "${WORK}/e")
expect_match("${err}" "unknown table 'victims'" "a bad table")
run(2 --colour --out "${WORK}/e")
expect_match("${err}" "unknown option --colour" "an unknown option")
run(2 --persons 10)
expect_match("${err}" "--out DIR is required" "a missing --out")
run(2 --persons)
expect_match("${err}" "option --persons needs a value" "a missing value")
# A directory under a regular file cannot be created.
run(2 --persons 10 --out "${WORK}/a/persons.csv/sub")
expect_match("${err}" "cannot create directory '.*persons.csv/sub'" "an unwritable directory")
if(EXISTS "${WORK}/e")
  message(FATAL_ERROR "a usage error wrote files")
endif()
file(REMOVE_RECURSE "${WORK}")
