# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""The bundled example end to end (examples/safe-passage, 27 indicators
over the twelve tables of the catalog's case schema, every field type),
on a small generated caseload: the package gives byte for byte what the
ctind program gives, for raw results and for every publication, and a
dataset built from pandas DataFrames gives the same numbers as the CSV
files. Needs CTIND_CLI and CTIND_GENERATE (ctest sets them)."""

import subprocess

import pandas as pd
import pytest

import ctind
from ctind.v1 import schema_pb2
from conftest import REPO, assert_cells_match_the_message, assert_same_text

FRAMEWORK = REPO / "examples" / "safe-passage" / "framework.textproto"
AS_OF = "2025-09-30"


def cli(ctind_cli, safe_passage, *args):
    """stdout of `ctind ARGS FRAMEWORK --schema ... --as-of ... --data ...`."""
    data, schema, tables = safe_passage
    command = [ctind_cli, *args, str(FRAMEWORK), "--schema", str(schema), "--as-of", AS_OF]
    for table in tables:
        command += ["--data", f"{table}={data / (table + '.csv')}"]
    # Bytes, decoded as such: text mode would turn the CSVs' CRLF into LF.
    return subprocess.run(command, check=True, capture_output=True).stdout.decode("utf-8")


@pytest.fixture(scope="module")
def loaded(safe_passage):
    """(schema, framework, dataset from the CSV files, raw results)."""
    data, schema_path, tables = safe_passage
    schema = ctind.Schema.load(schema_path)
    framework = ctind.Framework.load(FRAMEWORK)
    dataset = ctind.Dataset.from_csv(schema, {t: data / f"{t}.csv" for t in tables})
    raw = ctind.compute(framework, dataset, as_of=AS_OF)
    return schema, framework, dataset, raw


@pytest.fixture(scope="module")
def report(loaded):
    with ctind.publish(loaded[3]) as published:
        yield published


def test_raw_results_equal_the_cli(ctind_cli, safe_passage, loaded):
    raw = loaded[3]
    assert len(raw) == 27
    assert_same_text(raw.to_csv(), cli(ctind_cli, safe_passage, "compute", "--format", "csv"))
    assert_same_text(raw.to_json(), cli(ctind_cli, safe_passage, "compute", "--format", "json"))
    # Ratios, denominators, persons not yet observable: the C getters agree
    # with the message on every cell.
    assert_cells_match_the_message(raw)


@pytest.mark.parametrize("fmt", ["json", "csv", "iptt", "iati", "html"])
def test_publications_equal_the_cli(ctind_cli, safe_passage, report, fmt):
    render = {"json": report.to_json, "csv": report.to_csv, "iptt": report.iptt_csv,
              "iati": report.iati_xml, "html": report.html}[fmt]
    assert_same_text(render(), cli(ctind_cli, safe_passage, "report", "--format", fmt), fmt)


def test_publication_protects_small_counts(loaded, report):
    # SEMANTICS.md, "Disclosure control": a count of 1 to k - 1 persons from
    # a sensitive table is suppressed. So no published cell of a count
    # over a sensitive table (awareness activities, trainings, mechanisms
    # and population are not) shows 1 to k - 1 units, k being the
    # indicator's own or the framework's (5 here).
    schema, framework, _, _ = loaded
    sensitive = {t.name for t in schema.to_proto().tables
                 if t.sensitivity != schema_pb2.NON_SENSITIVE}
    message = framework.to_proto()
    default_k = message.disclosure.min_cell_size or 5
    k_of = {i.id: (i.disclosure.min_cell_size or default_k) for i in message.indicators
            if i.measure.WhichOneof("kind") == "value" and i.measure.value.table in sensitive
            and not i.disclosure.non_sensitive}
    assert len(k_of) >= 8
    published = report.to_pandas()
    present = published[published["status"] == "present"]
    checked = 0
    for indicator, k in k_of.items():
        units = present.loc[present["indicator_id"] == indicator, "units"].dropna()
        assert not ((units >= 1) & (units <= k - 1)).any(), indicator
        checked += len(units)
    assert checked > 1000
    # The raw results have small counts (else this would test nothing),
    # and the publication withholds them: no value, no units.
    raw = loaded[3].to_pandas()
    raw_small = raw[raw["indicator_id"].isin(k_of) & (raw["units"] >= 1) & (raw["units"] <= 4)]
    assert len(raw_small) > 0
    withheld = published[published["status"] == "suppressed"]
    assert len(withheld) >= len(raw_small)
    assert withheld["value"].isna().all() and withheld["units"].isna().all()


def test_no_indicator_with_large_counts_is_withheld_whole(loaded, report):
    # Complementary suppression withholds more cells around the small ones,
    # not a whole indicator: one whose raw cells count 20 persons or more
    # somewhere keeps published values. (PROT-20 was withheld whole, all 240
    # cells, while the search for the next cell to withhold looked only one
    # relation away from a figure the attacker could still narrow.)
    raw = loaded[3]
    published = report.to_pandas()
    for indicator in raw.indicator_ids:
        units = [c.units for c in raw.cells(indicator) if c.units is not None]
        if not units or max(units) < 20:
            continue
        statuses = published.loc[published["indicator_id"] == indicator, "status"]
        assert (statuses == "present").any(), indicator


def read_frames(data, tables, **read_csv_options):
    return {t: pd.read_csv(data / f"{t}.csv", dtype=str, **read_csv_options) for t in tables}


def test_dataframes_give_the_csv_numbers(safe_passage, loaded):
    data, _, tables = safe_passage
    schema, framework, csv_dataset, raw = loaded
    frames = read_frames(data, tables, keep_default_na=False)
    with ctind.Dataset(schema, frames) as dataset:
        for table in tables:
            assert dataset.row_count(table) == csv_dataset.row_count(table) == len(frames[table])
        # The same findings, but named by data row instead of file line.
        assert [(f.rule, f.table, f.field, f.count) for f in dataset.findings] == [
            (f.rule, f.table, f.field, f.count) for f in csv_dataset.findings]
        assert ctind.compute(framework, dataset, as_of=AS_OF).to_csv() == raw.to_csv()


def namibians(results):
    """PROT-01's life-of-project count of persons of citizenship NA."""
    return results.cell("PROT-01", "LOP", "life_of_project", prs_Citizenship="NA").value


def test_namibia(safe_passage, loaded):
    data, _, tables = safe_passage
    schema, framework, _, raw = loaded
    assert namibians(raw) > 0  # the caseload has Namibians in scope
    # pandas' default reading turns a citizenship "NA" into NaN (a value
    # "NA;TH" of the multi-select survives): Namibians are lost.
    frames = read_frames(data, tables)
    assert frames["persons"]["prs_Citizenship"].isna().any()
    with ctind.Dataset(schema, frames) as dataset:
        assert namibians(ctind.compute(framework, dataset, as_of=AS_OF)) < namibians(raw)
    # keep_default_na=False (as docs/python.md says) keeps them:
    # test_dataframes_give_the_csv_numbers gives the CSV's numbers so.
    kept = read_frames(data, ["persons"], keep_default_na=False)["persons"]
    assert (kept["prs_Citizenship"] == "NA").any()
