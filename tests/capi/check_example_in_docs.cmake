# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# docs/c-api.md holds tests/capi/example.c verbatim, between the lines
# "```c" and "```" that follow the marker line
# "<!-- example.c: the file tests/capi/example.c, verbatim -->".
# Arguments: EXAMPLE, DOC.
cmake_minimum_required(VERSION 3.25)
file(READ "${EXAMPLE}" example)
file(READ "${DOC}" doc)
set(marker "<!-- example.c: the file tests/capi/example.c, verbatim -->\n```c\n")
string(FIND "${doc}" "${marker}" start)
if(start EQUAL -1)
  message(FATAL_ERROR "${DOC} lacks the marker line and the ```c fence of the example")
endif()
string(LENGTH "${marker}" marker_length)
math(EXPR start "${start} + ${marker_length}")
string(SUBSTRING "${doc}" ${start} -1 rest)
string(FIND "${rest}" "\n```\n" end)
if(end EQUAL -1)
  message(FATAL_ERROR "${DOC}: the example's code block is not closed")
endif()
math(EXPR end "${end} + 1")
string(SUBSTRING "${rest}" 0 ${end} shown)
if(NOT shown STREQUAL example)
  message(FATAL_ERROR "the example in ${DOC} differs from ${EXAMPLE}: copy the file "
                      "into the document (between the marker's fences) again")
endif()
message(STATUS "${DOC} shows ${EXAMPLE} verbatim")
