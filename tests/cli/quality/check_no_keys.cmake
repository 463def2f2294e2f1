# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# Runs the ctind CLI once and checks that its output names no record: no
# value of the first COLUMNS columns (the identifiers) of any data row of
# the CSV file DATA appears in the standard output. Variables (-D):
#   CTIND    path of the program
#   ARGS     its arguments, joined by "|"
#   DATA     the CSV file whose identifiers must not appear
#   COLUMNS  how many leading columns hold identifiers
cmake_minimum_required(VERSION 3.25)
string(REPLACE "|" ";" ARGS "${ARGS}")
execute_process(COMMAND "${CTIND}" ${ARGS}
  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "exit code ${code}\nstdout:\n${out}\nstderr:\n${err}")
endif()
# One list item per line: a ';' (which separates CMake list items, and
# multi-select codes in the data) is read as a field separator, which moves
# nothing in the leading columns.
file(READ "${DATA}" text)
string(REPLACE ";" "," text "${text}")
string(REPLACE "\r" "" text "${text}")
string(REPLACE "\n" ";" rows "${text}")
list(POP_FRONT rows)  # the header
set(checked 0)
foreach(row IN LISTS rows)
  if(row STREQUAL "")
    continue()
  endif()
  string(REPLACE "," ";" cells "${row}")
  math(EXPR last "${COLUMNS} - 1")
  foreach(i RANGE ${last})
    list(GET cells ${i} id)
    if(id STREQUAL "")
      continue()
    endif()
    string(FIND "${out}${err}" "${id}" at)
    if(NOT at EQUAL -1)
      message(FATAL_ERROR "the output names record identifier '${id}':\n${out}${err}")
    endif()
    math(EXPR checked "${checked} + 1")
  endforeach()
endforeach()
if(checked EQUAL 0)
  message(FATAL_ERROR "no identifier read from ${DATA}")
endif()
message(STATUS "${checked} identifiers checked, none in the output")
