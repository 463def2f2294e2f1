#!/usr/bin/env bash
# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
#
# The main job on the bundled example (examples/safe-passage): builds ctind
# (installing missing Debian packages), generates the example's synthetic
# caseload, computes its 27 indicators, prints the indicator table and
# writes raw results, publications (JSON, IPTT, HTML, IATI) and the
# data-quality findings to out/safe-passage/.
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
inputs=("$example/framework.textproto" --schema "$out/schema.textproto" --as-of 2025-09-30)
for t in "${tables[@]}"; do inputs+=(--data "$t=$data/$t.csv"); done

# Raw results, for the data owner.
"$ctind" compute "${inputs[@]}" --format table
"$ctind" compute "${inputs[@]}" --format json --out "$out/results.json"
"$ctind" compute "${inputs[@]}" --format csv --out "$out/results.csv"

# Publications, protected by disclosure control and assessed against the
# targets: what may be given to others.
"$ctind" report "${inputs[@]}" --format json --out "$out/report.json"
"$ctind" report "${inputs[@]}" --format iptt --out "$out/iptt.csv"
"$ctind" report "${inputs[@]}" --format html --out "$out/report.html"
"$ctind" report "${inputs[@]}" --format iati --out "$out/iati.xml" 2>"$out/iati-notes.txt"
"$ctind" quality "${inputs[@]}" --out "$out/quality.txt"
echo
echo "Raw results (for the data owner only): $out/results.json, $out/results.csv"
echo "Publications (protected, assessed): $out/report.json, $out/iptt.csv, $out/report.html, $out/iati.xml"
echo "Data-quality findings: $out/quality.txt"
