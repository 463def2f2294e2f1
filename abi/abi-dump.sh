#!/usr/bin/env bash
# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# Writes the ABI of a built libctind.so as abidw XML, the one way the
# committed baseline (abi/libctind.abi) and the ctest `abi_compatibility`
# describe it: only what capi/ctind.h and version.h declare, with no paths,
# source locations or DT_NEEDED entries (they differ between build trees and
# machines, not between ABIs).
#
#   abi/abi-dump.sh LIBRARY OUT_FILE
set -euo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: $0 LIBRARY OUT_FILE" >&2
  exit 2
fi
library=$1
out=$2
source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
abidw --no-corpus-path --no-comp-dir-path --no-show-locs --no-elf-needed \
  --no-architecture --drop-private-types --drop-undefined-syms \
  --type-id-style hash --exported-interfaces-only \
  --header-file "${source_dir}/capi/ctind.h" \
  --out-file "${out}" "${library}"
