#!/usr/bin/env bash
# Installs the Debian packages ctind needs that are missing on this machine.
# Idempotent: when every package is present it prints nothing and changes
# nothing. Needs root (or sudo) only when something is missing.
set -euo pipefail

packages=(
  # build
  cmake ninja-build g++ pkg-config ccache
  libboost-date-time-dev libabsl-dev libprotobuf-dev protobuf-compiler
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-14 libclang-rt-14-dev libxml2-utils
  # the disclosure attacker test (an LP solver; tests only)
  libglpk-dev
  # Python (Debian's interpreter, for the binding and its tests)
  python3 python3-pytest python3-protobuf python3-numpy python3-pandas
  python3-venv python3-pip python3-setuptools
  # R (the R package bindings/r, its one R dependency jsonlite, its tests)
  r-base-core r-base-dev r-cran-testthat r-cran-jsonlite
  # the HTML report's browser test (headless Chromium, PNG reading)
  chromium python3-pil
  # the C ABI check against abi/libctind.abi (abidw, abidiff)
  abigail-tools
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "ctind setup: installing ${missing[*]}" >&2
sudo_cmd=()
[[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq >&2
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
