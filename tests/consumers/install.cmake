# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# The consumer_install fixture: installs the build into a fresh prefix with
#   cmake --install <BUILD_DIR> --prefix <PREFIX>
# and checks the layout the consumers (and docs/using-ctind.md) rely on.
#
#   cmake -DBUILD_DIR=… -DPREFIX=… -DSOURCE_DIR=… [-DCONFIG=…]
#         -DLIBDIR=… -DINCLUDEDIR=… -DCMAKEDIR=… -DPROTODIR=… -DPKGCONFIGDIR=…
#         -DLIB_REAL=<libctind.so.X.Y.Z> -DLIB_SONAME=<libctind.so.X>
#         -DLIB_LINKER=<libctind.so> -DCORE=<libctind_core.a>
#         -DPROTO_LIB=<libctind_proto.a> -DPROTO_FILES=<a.proto,b.proto>
#         -P install.cmake
foreach(var BUILD_DIR PREFIX SOURCE_DIR LIBDIR INCLUDEDIR CMAKEDIR PROTODIR
            PKGCONFIGDIR LIB_REAL LIB_SONAME LIB_LINKER CORE PROTO_LIB
            PROTO_FILES)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "install.cmake: ${var} is not set")
  endif()
endforeach()

# A fresh prefix: files left by an earlier install must not hide a missing
# install rule.
file(REMOVE_RECURSE "${PREFIX}")
if(CONFIG)
  set(config_args --config "${CONFIG}")
endif()
execute_process(
  COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
          ${config_args}
  COMMAND_ERROR_IS_FATAL ANY)

set(problems)
macro(problem)
  string(CONCAT text ${ARGN})
  list(APPEND problems "${text}")
endmacro()
function(expect_file path)
  if(NOT EXISTS "${PREFIX}/${path}" OR IS_DIRECTORY "${PREFIX}/${path}")
    set(problems ${problems} "missing ${path}" PARENT_SCOPE)
  endif()
endfunction()

# The shared library: real file, SONAME link and namelink.
if(LIB_SONAME STREQUAL LIB_LINKER OR LIB_REAL STREQUAL LIB_LINKER)
  problem("libctind has no VERSION/SOVERSION: file ${LIB_REAL}, "
          "soname ${LIB_SONAME}, namelink ${LIB_LINKER}")
endif()
set(lib "${PREFIX}/${LIBDIR}")
if(NOT EXISTS "${lib}/${LIB_REAL}" OR IS_SYMLINK "${lib}/${LIB_REAL}")
  problem("${LIBDIR}/${LIB_REAL} is missing or not a regular file")
endif()
foreach(link ${LIB_SONAME} ${LIB_LINKER})
  if(link STREQUAL LIB_REAL)
    continue()
  endif()
  if(NOT IS_SYMLINK "${lib}/${link}" OR NOT EXISTS "${lib}/${link}")
    problem("${LIBDIR}/${link} is missing or not a symlink to the library")
  else()
    file(REAL_PATH "${lib}/${link}" target)
    file(REAL_PATH "${lib}/${LIB_REAL}" real)
    if(NOT target STREQUAL real)
      problem("${LIBDIR}/${link} points to ${target}, not ${LIB_REAL}")
    endif()
  endif()
endforeach()
expect_file("${LIBDIR}/${CORE}")
expect_file("${LIBDIR}/${PROTO_LIB}")

# Headers: the C header, every public C++ header, version.h, the .pb.h.
expect_file("${INCLUDEDIR}/ctind.h")
expect_file("${INCLUDEDIR}/ctind/version.h")
file(GLOB public_headers RELATIVE "${SOURCE_DIR}/include"
     "${SOURCE_DIR}/include/ctind/*.h")
if(NOT public_headers)
  problem("no public headers in ${SOURCE_DIR}/include/ctind")
endif()
foreach(header IN LISTS public_headers)
  expect_file("${INCLUDEDIR}/${header}")
endforeach()
string(REPLACE "," ";" proto_files "${PROTO_FILES}")
foreach(proto IN LISTS proto_files)
  string(REGEX REPLACE "\\.proto$" ".pb.h" pb_h "${proto}")
  expect_file("${INCLUDEDIR}/${pb_h}")
  expect_file("${PROTODIR}/${proto}")
endforeach()

# Package files.
foreach(file ctindConfig.cmake ctindConfigVersion.cmake ctindTargets.cmake
             ctindCoreTargets.cmake)
  expect_file("${CMAKEDIR}/${file}")
endforeach()
expect_file("${PKGCONFIGDIR}/ctind.pc")

# Nothing installed may point back into the source or build tree (the
# prefix itself lives in the build tree, so look for the folders that must
# not leak rather than for the trees' roots).
file(GLOB package_files "${PREFIX}/${CMAKEDIR}/*.cmake"
     "${PREFIX}/${PKGCONFIGDIR}/ctind.pc")
foreach(file IN LISTS package_files)
  file(READ "${file}" content)
  foreach(leak "${SOURCE_DIR}/include" "${SOURCE_DIR}/capi"
               "${SOURCE_DIR}/src" "${SOURCE_DIR}/proto"
               "${BUILD_DIR}/include" "${BUILD_DIR}/proto"
               "${BUILD_DIR}/src" "${BUILD_DIR}/capi")
    string(FIND "${content}" "${leak}" at)
    if(NOT at EQUAL -1)
      problem("${file} refers to ${leak}")
    endif()
  endforeach()
endforeach()

if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "The installed tree in ${PREFIX} is wrong:\n  ${text}")
endif()
message(STATUS "Installed ctind into ${PREFIX}; layout checked")
