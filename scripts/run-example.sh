#!/usr/bin/env bash
# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# The main job on the bundled example (examples/safe-passage): builds ctind
# (installing missing Debian packages), generates the example's synthetic
# caseload, computes its 27 indicators, prints the indicator table and
# writes the result files to out/safe-passage/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh release ctind_cli ctind_generate >/dev/null
ctind=build/release/tools/ctind
generate=build/release/tools/generate/ctind-generate
example=examples/safe-passage
out=out/safe-passage
data="$out/data"

# The caseload: 5,000 persons identified in 2023-2025 with their cases,
# services, proceedings, trainings, surveys and mechanisms, 2% of records
# dirty (deterministic: the same files on every machine).
"$generate" --out "$data" --persons 5000 --seed 2023 --no-duplicate-links --quiet
"$ctind" catalog schema --out "$out/schema.textproto"

tables=(persons cases support_plans services perpetrators legal_proceedings trainings
        training_participants awareness_activities survey_respondents
        coordination_mechanisms population)
args=(compute "$example/framework.textproto" --schema "$out/schema.textproto" --as-of 2025-09-30)
for t in "${tables[@]}"; do args+=(--data "$t=$data/$t.csv"); done
"$ctind" "${args[@]}" --format table
"$ctind" "${args[@]}" --format json --out "$out/results.json"
"$ctind" "${args[@]}" --format csv --out "$out/results.csv"
echo
echo "Wrote $out/results.json and $out/results.csv (raw results: for the data owner only)."
