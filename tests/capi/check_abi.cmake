# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# The ABI check (ctest abi_compatibility): the built libctind.so against the
# committed baseline abi/libctind.abi. Arguments: ABIDIFF, DUMP (abi/abi-dump.sh),
# LIBRARY, BASELINE, OUT (a scratch file).
#
# abidiff's exit status is a bit field (BUILD-NOTES.md, note 17): 1 an
# error, 2 a usage error, 4 the ABI changed, 8 an incompatible change. Bits
# 1, 2 and 8 fail. Bit 4 alone is compatible only when everything that
# changed is an addition: abidiff also reports a changed parameter or
# return type as bit 4 alone, so a second run that leaves added functions
# out must find no change.
cmake_minimum_required(VERSION 3.25)
foreach(arg ABIDIFF DUMP LIBRARY BASELINE OUT)
  if(NOT DEFINED ${arg})
    message(FATAL_ERROR "check_abi.cmake: ${arg} is not set")
  endif()
endforeach()
execute_process(COMMAND "${DUMP}" "${LIBRARY}" "${OUT}"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "abidw failed (${rc}): ${err}")
endif()
execute_process(COMMAND "${ABIDIFF}" "${BASELINE}" "${OUT}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE report ERROR_VARIABLE err)
if(NOT rc MATCHES "^[0-9]+$")
  message(FATAL_ERROR "abidiff did not run: ${rc} ${err}")
endif()
math(EXPR error_bits "${rc} & 3")
math(EXPR incompatible "${rc} & 8")
math(EXPR changed "${rc} & 4")
if(NOT error_bits EQUAL 0)
  message(FATAL_ERROR "abidiff failed (exit status ${rc}): ${err}${report}")
endif()
if(NOT incompatible EQUAL 0)
  message(FATAL_ERROR
    "INCOMPATIBLE ABI CHANGE against ${BASELINE} (abidiff exit status ${rc}):\n"
    "${report}\n"
    "A shipped function of ctind.h was removed or changed. From 1.0.0 that "
    "needs a new major version (docs/c-api.md, \"Stability and the ABI check\").")
endif()
if(NOT changed EQUAL 0)
  execute_process(COMMAND "${ABIDIFF}" --no-added-syms "${BASELINE}" "${OUT}"
                  RESULT_VARIABLE rc_existing OUTPUT_VARIABLE report_existing
                  ERROR_VARIABLE err)
  if(NOT rc_existing EQUAL 0)
    message(FATAL_ERROR
      "ABI CHANGE of existing functions or types against ${BASELINE} "
      "(abidiff exit status ${rc_existing} without additions):\n"
      "${report_existing}\n"
      "A shipped signature, or a type it uses, changed. Give the new behaviour "
      "a new function instead (docs/c-api.md).")
  endif()
  message(STATUS "ABI compatible; functions were added:\n${report}\n"
                 "Move the baseline with abi/update-baseline.sh when they ship.")
else()
  message(STATUS "ABI identical to ${BASELINE}")
endif()
