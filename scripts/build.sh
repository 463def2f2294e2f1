#!/usr/bin/env bash
# Configures (once) and builds a CMake preset of ctind: scripts/build.sh PRESET [TARGET...]
# Installs missing Debian packages first. Uses ccache when present.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:?usage: scripts/build.sh PRESET [TARGET...]}
shift
bash scripts/setup.sh
launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
if [[ ! -f "build/$preset/build.ninja" ]]; then
  cmake --preset "$preset" "${launcher[@]}" >/dev/null
fi
targets=()
for t in "$@"; do targets+=(--target "$t"); done
cmake --build --preset "$preset" "${targets[@]}"
