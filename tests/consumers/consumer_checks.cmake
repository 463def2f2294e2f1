# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# Checks shared by the consumer projects in tests/consumers/: they make a
# consumer fail at configure time when it would test the wrong thing.

# The package found must be the one the test installed, of this version,
# with the targets it promises.
function(ctind_consumer_check_package)
  if(DEFINED CTIND_EXPECTED_CONFIG_DIR)
    file(REAL_PATH "${ctind_DIR}" found)
    file(REAL_PATH "${CTIND_EXPECTED_CONFIG_DIR}" expected)
    if(NOT found STREQUAL expected)
      message(FATAL_ERROR "found ctind in ${found}, expected ${expected}")
    endif()
  endif()
  if(DEFINED CTIND_EXPECTED_VERSION AND
     NOT ctind_VERSION VERSION_EQUAL CTIND_EXPECTED_VERSION)
    message(FATAL_ERROR
            "found ctind ${ctind_VERSION}, expected ${CTIND_EXPECTED_VERSION}")
  endif()
  # ctind::ctind always; the C++ targets exactly when CXX is enabled (a C
  # project must not need the core's C++ dependencies).
  get_property(languages GLOBAL PROPERTY ENABLED_LANGUAGES)
  set(expected "ctind::ctind|SHARED_LIBRARY")
  if(CXX IN_LIST languages)
    list(APPEND expected "ctind::core|STATIC_LIBRARY" "ctind::proto|STATIC_LIBRARY")
  else()
    foreach(target ctind::core ctind::proto)
      if(TARGET ${target})
        message(FATAL_ERROR "${target} is defined in a project without CXX")
      endif()
    endforeach()
    if(TARGET absl::base OR TARGET protobuf::libprotobuf OR TARGET Boost::date_time)
      message(FATAL_ERROR "find_package(ctind) looked up the core's C++ "
              "dependencies in a project without CXX")
    endif()
  endif()
  foreach(target_type IN LISTS expected)
    string(REPLACE "|" ";" target_type "${target_type}")
    list(GET target_type 0 target)
    list(GET target_type 1 type)
    if(NOT TARGET ${target})
      message(FATAL_ERROR "the ctind package does not define ${target}")
    endif()
    get_target_property(found_type ${target} TYPE)
    if(NOT found_type STREQUAL type)
      message(FATAL_ERROR "${target} is a ${found_type}, expected ${type}")
    endif()
  endforeach()
  if(NOT IS_DIRECTORY "${ctind_PROTO_DIR}/ctind/v1")
    message(FATAL_ERROR "ctind_PROTO_DIR (${ctind_PROTO_DIR}) has no ctind/v1")
  endif()
endfunction()

# The consumer's own code, and the installed headers it includes when the
# target sets NO_SYSTEM_FROM_IMPORTED, must compile without warnings.
function(ctind_consumer_strict_warnings target)
  if(CMAKE_C_COMPILER_ID MATCHES "GNU|Clang" OR
     CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror)
  elseif(MSVC)
    target_compile_options(${target} PRIVATE /W4 /WX)
  endif()
endfunction()
