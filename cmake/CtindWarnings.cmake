# Warning flags for ctind's own code (never for generated protobuf code).
#
# GCC's flow-sensitive warnings (-Wmaybe-uninitialized, -Warray-bounds) see the
# code after sanitizer instrumentation and then report false positives inside
# libstdc++ (std::regex's NFA, std::sort on small arrays; GCC PR 105562). In a
# sanitizer build they stay warnings but do not fail the build; every other
# build still treats them as errors, so the code itself is checked.
function(ctind_set_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    if(CTIND_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
      if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_FLAGS MATCHES "-fsanitize=")
        target_compile_options(${target} PRIVATE
          -Wno-error=maybe-uninitialized -Wno-error=array-bounds)
      endif()
    endif()
  elseif(MSVC)
    target_compile_options(${target} PRIVATE /W4 $<$<BOOL:${CTIND_WERROR}>:/WX>)
  endif()
endfunction()
