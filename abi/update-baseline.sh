#!/usr/bin/env bash
# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# Moves the ABI baseline of libctind to the library of a Release build:
# rewrites abi/libctind.abi (abidw XML, see abi/abi-dump.sh) and
# abi/libctind.symbols (the exported symbols, sorted). Run it only on
# purpose, when a release adds functions (or, at a new major version,
# changes them), and commit both files with the change that moves them;
# docs/c-api.md, "Stability and the ABI check", says when that is right.
#
#   abi/update-baseline.sh [BUILD_DIR]     (default: build/release)
#
# The build must be configured with CMAKE_BUILD_TYPE=Release and no
# sanitizer, as the ctest abi_compatibility requires, and built (ninja -C
# BUILD_DIR ctind).
set -euo pipefail
source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${1:-${source_dir}/build/release}
cache="${build_dir}/CMakeCache.txt"
library="${build_dir}/capi/libctind.so"
if [[ ! -f "${cache}" ]]; then
  echo "error: ${build_dir} is not a CMake build directory" >&2
  exit 1
fi
if ! grep -qx 'CMAKE_BUILD_TYPE:STRING=Release' "${cache}"; then
  echo "error: ${build_dir} is not a Release build; the baseline describes the Release library" >&2
  exit 1
fi
if grep -q -- '-fsanitize' "${cache}"; then
  echo "error: ${build_dir} is built with a sanitizer" >&2
  exit 1
fi
if [[ ! -e "${library}" ]]; then
  echo "error: ${library} does not exist; build it first: ninja -C ${build_dir} ctind" >&2
  exit 1
fi
header="Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0"
note="The ABI baseline of libctind.so.1, written by abi/update-baseline.sh; do not edit."
dump=$(mktemp)
trap 'rm -f "${dump}"' EXIT
"${source_dir}/abi/abi-dump.sh" "${library}" "${dump}"
# abidiff recognises the file by its first element: the notice goes inside.
{
  head -n 1 "${dump}"
  echo "  <!-- ${header} -->"
  echo "  <!-- ${note} -->"
  tail -n +2 "${dump}"
} > "${source_dir}/abi/libctind.abi"
{
  echo "# ${header}"
  echo "# ${note}"
  echo "# The exported (dynamic, defined) symbols, one a line, sorted (LC_ALL=C)."
  nm -D --defined-only "${library}" | awk '{print $NF}' | LC_ALL=C sort
} > "${source_dir}/abi/libctind.symbols"
echo "baseline moved to ${library}:"
echo "  abi/libctind.abi, abi/libctind.symbols ($(grep -vc '^#' "${source_dir}/abi/libctind.symbols") symbols)"
