# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# Configures a consumer project in a fresh binary dir, builds it and runs
# its programs; any failing step fails the test. Prints the time of each.
#
#   cmake -DSOURCE_DIR=<dir> -DBINARY_DIR=<dir> -DGENERATOR=<name>
#         [-DCONFIG=<config>] [-DPARALLEL=<jobs>] -DRUN=<program>[,<program>…]
#         -P build_and_run.cmake [-- <configure arguments>…]
foreach(var SOURCE_DIR BINARY_DIR GENERATOR RUN)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "build_and_run.cmake: ${var} is not set")
  endif()
endforeach()
if(NOT PARALLEL)
  set(PARALLEL 2)
endif()

# Everything after "--" configures the project.
set(configure_args)
set(in_args FALSE)
math(EXPR last "${CMAKE_ARGC} - 1")
foreach(i RANGE ${last})
  if(in_args)
    list(APPEND configure_args "${CMAKE_ARGV${i}}")
  elseif(CMAKE_ARGV${i} STREQUAL "--")
    set(in_args TRUE)
  endif()
endforeach()
if(CONFIG)
  list(APPEND configure_args "-DCMAKE_BUILD_TYPE=${CONFIG}")
  set(config_args --config "${CONFIG}")
endif()

function(now out)
  string(TIMESTAMP t "%s %f" UTC)
  string(REPLACE " " ";" t "${t}")
  list(GET t 0 s)
  list(GET t 1 us)
  math(EXPR t "${s} * 1000000 + ${us}")
  set(${out} ${t} PARENT_SCOPE)
endfunction()
function(report step start)
  now(end)
  math(EXPR ms "(${end} - ${start}) / 1000")
  math(EXPR s "${ms} / 1000")
  math(EXPR frac "${ms} % 1000")
  string(LENGTH "${frac}" len)
  if(len EQUAL 1)
    set(frac "00${frac}")
  elseif(len EQUAL 2)
    set(frac "0${frac}")
  endif()
  message(STATUS "[consumer] ${step}: ${s}.${frac} s")
endfunction()

# A fresh binary dir: a stale cache must not hide a broken package.
file(REMOVE_RECURSE "${BINARY_DIR}")
file(MAKE_DIRECTORY "${BINARY_DIR}")

now(t0)
message(STATUS "[consumer] configure ${SOURCE_DIR}: ${configure_args}")
execute_process(
  COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${BINARY_DIR}"
          -G "${GENERATOR}" ${configure_args}
  COMMAND_ERROR_IS_FATAL ANY)
report("configure" ${t0})

now(t0)
execute_process(
  COMMAND "${CMAKE_COMMAND}" --build "${BINARY_DIR}" ${config_args}
          --parallel ${PARALLEL}
  COMMAND_ERROR_IS_FATAL ANY)
report("build (--parallel ${PARALLEL})" ${t0})

string(REPLACE "," ";" programs "${RUN}")
foreach(program IN LISTS programs)
  set(path)
  foreach(candidate "${BINARY_DIR}/${program}"
                    "${BINARY_DIR}/${CONFIG}/${program}"
                    "${BINARY_DIR}/${program}.exe"
                    "${BINARY_DIR}/${CONFIG}/${program}.exe")
    if(EXISTS "${candidate}" AND NOT IS_DIRECTORY "${candidate}")
      set(path "${candidate}")
      break()
    endif()
  endforeach()
  if(NOT path)
    message(FATAL_ERROR "build_and_run.cmake: ${program} was not built in "
            "${BINARY_DIR}")
  endif()
  now(t0)
  message(STATUS "[consumer] run ${path}")
  execute_process(COMMAND "${path}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "build_and_run.cmake: ${program} failed: ${rc}")
  endif()
  report("run ${program}" ${t0})
endforeach()
