# Runs the ctind CLI once and checks what it did. Variables (-D):
#   CTIND      path of the program
#   ARGS       its arguments, joined by "|"
#   EXIT       expected exit code (default 0)
#   STDOUT     regex the standard output must match (optional)
#   STDERR     regex the standard error must match (optional)
#   OUT        file the command writes, compared with GOLDEN (optional)
#   GOLDEN     golden file; with the environment variable
#              CTIND_UPDATE_GOLDEN=1 it is rewritten instead of compared
#   SAME_AS    a file OUT must equal byte for byte, never rewritten (for
#              an output that must be the same as another test's golden)
string(REPLACE "|" ";" ARGS "${ARGS}")
if(NOT DEFINED EXIT)
  set(EXIT 0)
endif()
if(DEFINED OUT)
  file(REMOVE "${OUT}")
endif()
execute_process(COMMAND "${CTIND}" ${ARGS}
  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code STREQUAL "${EXIT}")
  message(FATAL_ERROR "exit code ${code}, expected ${EXIT}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(DEFINED STDOUT AND NOT out MATCHES "${STDOUT}")
  message(FATAL_ERROR "stdout does not match '${STDOUT}':\n${out}")
endif()
if(DEFINED STDERR AND NOT err MATCHES "${STDERR}")
  message(FATAL_ERROR "stderr does not match '${STDERR}':\n${err}")
endif()
if(EXIT EQUAL 0 AND NOT DEFINED STDERR AND NOT err STREQUAL "")
  message(FATAL_ERROR "unexpected output on stderr:\n${err}")
endif()
if(DEFINED GOLDEN)
  if("$ENV{CTIND_UPDATE_GOLDEN}" STREQUAL "1")
    configure_file("${OUT}" "${GOLDEN}" COPYONLY)
    message(STATUS "updated ${GOLDEN}")
  else()
    execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${OUT}" "${GOLDEN}"
                    RESULT_VARIABLE differ)
    if(differ)
      execute_process(COMMAND diff -u "${GOLDEN}" "${OUT}" OUTPUT_VARIABLE delta)
      message(FATAL_ERROR "${OUT} differs from ${GOLDEN} "
              "(run with CTIND_UPDATE_GOLDEN=1 to accept):\n${delta}")
    endif()
  endif()
endif()
if(DEFINED SAME_AS)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${OUT}" "${SAME_AS}"
                  RESULT_VARIABLE differ)
  if(differ)
    execute_process(COMMAND diff -u "${SAME_AS}" "${OUT}" OUTPUT_VARIABLE delta)
    message(FATAL_ERROR "${OUT} differs from ${SAME_AS}:\n${delta}")
  endif()
endif()
