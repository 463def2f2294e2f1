#!/bin/sh
# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# consumer_c_pkgconfig: compiles a C program against the installed ctind
# with pkg-config alone and runs it.
#
#   pkgconfig.sh PKG_CONFIG PKGCONFIG_DIR CC SOURCE OUT_DIR VERSION
#
# Exits 77 (ctest: skipped) when PKG_CONFIG is empty or missing.
set -eu

pkg_config=$1
pkgconfig_dir=$2
cc=$3
source=$4
out_dir=$5
version=$6

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

if [ -z "$pkg_config" ] || ! command -v "$pkg_config" >/dev/null 2>&1; then
  echo "pkg-config not found: consumer_c_pkgconfig skipped" >&2
  exit 77
fi

PKG_CONFIG_PATH=$pkgconfig_dir
export PKG_CONFIG_PATH

"$pkg_config" --exists --print-errors ctind || fail "pkg-config finds no ctind"
# The file found must be the one just installed, not one on the system.
pcfiledir=$("$pkg_config" --variable=pcfiledir ctind)
[ "$(cd "$pcfiledir" && pwd -P)" = "$(cd "$pkgconfig_dir" && pwd -P)" ] ||
  fail "ctind.pc found in $pcfiledir, expected $pkgconfig_dir"
found_version=$("$pkg_config" --modversion ctind)
[ "$found_version" = "$version" ] ||
  fail "ctind.pc has version $found_version, expected $version"

includedir=$("$pkg_config" --variable=includedir ctind)
libdir=$("$pkg_config" --variable=libdir ctind)
# pkgconf ends its output with a space: trim it for the comparisons below.
cflags=$("$pkg_config" --cflags ctind | sed 's/^ *//; s/ *$//')
libs=$("$pkg_config" --libs ctind | sed 's/^ *//; s/ *$//')
echo "pkg-config --cflags --libs ctind: $cflags $libs"
[ "$cflags" = "-I$includedir" ] || fail "unexpected --cflags: $cflags"
[ "$libs" = "-L$libdir -lctind" ] || fail "unexpected --libs: $libs"
[ -f "$includedir/ctind.h" ] || fail "no ctind.h in $includedir"

mkdir -p "$out_dir"
program=$out_dir/ctind_consumer_pkgconfig
rm -f "$program"
# $cflags and $libs are split into words on purpose.
# shellcheck disable=SC2086
"$cc" -std=c99 -Wall -Wextra -Wpedantic -Werror $cflags "$source" \
  -o "$program" $libs "-Wl,-rpath,$libdir"
"$program"
