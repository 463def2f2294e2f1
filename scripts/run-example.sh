#!/usr/bin/env bash
# The main job on the bundled example: builds ctind (installing missing
# Debian packages), computes the example's indicators, prints the indicator
# table and writes the result files to out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh release ctind_cli >/dev/null
ctind=build/release/tools/ctind
example=examples/quickstart
args=(compute "$example/framework.textproto" --schema "$example/schema.textproto"
      --data "identifications=$example/identifications.csv" --as-of 2026-06-30)
mkdir -p out
"$ctind" "${args[@]}" --format table
"$ctind" "${args[@]}" --format json --out out/quickstart.json
"$ctind" "${args[@]}" --format csv --out out/quickstart.csv
echo
echo "Wrote out/quickstart.json and out/quickstart.csv (raw results: for the data owner only)."
