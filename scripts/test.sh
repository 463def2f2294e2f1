#!/usr/bin/env bash
# Every test of ctind: the release build's suite (C++ unit and integration
# tests, the C API test compiled as C, CLI and golden tests, the Python and R
# packages' tests and R CMD check, the README's examples, consumers of the
# installed and vendored package), then the C++, C and Python tests again
# under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
for preset in release asan; do
  echo "== ctind: build and test, preset '$preset'"
  bash scripts/build.sh "$preset"
  ctest --preset "$preset"
done
echo "== ctind: all tests passed in $(( $(date +%s) - start )) s"
