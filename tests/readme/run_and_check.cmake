# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# cmake -DCOMMAND=prog|arg|... -DEXPECT=line -DWORK_DIR=dir -P run_and_check.cmake
# Runs COMMAND in WORK_DIR and fails unless it exits 0 and its standard
# output has EXPECT as one of its lines. (ctest's PASS_REGULAR_EXPRESSION
# would ignore the exit status.)
foreach(v COMMAND EXPECT WORK_DIR)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "run_and_check.cmake: ${v} is not set")
  endif()
endforeach()
string(REPLACE "|" ";" COMMAND "${COMMAND}")
execute_process(COMMAND ${COMMAND} WORKING_DIRECTORY "${WORK_DIR}"
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${COMMAND} failed (exit ${result})")
endif()
string(FIND "\n${out}" "\n${EXPECT}\n" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the output has no line '${EXPECT}'")
endif()
