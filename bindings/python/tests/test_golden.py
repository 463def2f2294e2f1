# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""The quickstart example, as the C++ and CLI golden tests compute it:
byte for byte against tests/golden/quickstart.*, number for number against
a second implementation in pandas, and the same results from DataFrames as
from the CSV file."""

import datetime

import pandas as pd
import pytest

import ctind
from conftest import GOLDEN, QUICKSTART, read_text, assert_same_text

AS_OF = "2026-06-30"
# Relative, as the CLI golden tests pass it: findings name the file so.
CSV = "examples/quickstart/identifications.csv"


@pytest.fixture
def csv_results(in_repo, quickstart_schema, quickstart_framework):  # pylint: disable=unused-argument
    with ctind.Dataset.from_csv(quickstart_schema, {"identifications": CSV}) as dataset:
        with ctind.compute(quickstart_framework, dataset, as_of=AS_OF) as results:
            yield results


@pytest.mark.parametrize("render,golden", [("to_json", "quickstart.json"),
                                           ("to_csv", "quickstart.csv"),
                                           ("to_table", "quickstart.table")])
def test_renderings_equal_the_goldens(csv_results, render, golden):
    assert_same_text(getattr(csv_results, render)(), read_text(GOLDEN / golden), golden)


def test_frame_has_the_csv_rows(csv_results):
    # to_pandas() and to_csv() are two renderings of one report: the same
    # rows in the same order, the same numbers.
    frame = csv_results.to_pandas()
    from_csv = pd.read_csv(GOLDEN / "quickstart.csv", keep_default_na=False, dtype=str)
    assert len(frame) == len(from_csv)
    assert list(frame["period"]) == list(from_csv["period"])
    assert list(frame["breakdown"]) == list(from_csv["breakdown"])
    assert list(frame["status"]) == list(from_csv["status"])
    assert list(frame["flags"]) == list(from_csv["flags"])
    for column in ("value", "numerator", "units"):
        expected = [float(v) if v else None for v in from_csv[column]]
        got = [None if pd.isna(v) else float(v) for v in frame[column]]
        assert got == expected, column
    cells = [";".join(f"{d}={frame.at[i, d]}" for d in ("prs_Gender", "vic_TypeOfExploitation")
                      if frame.at[i, d] is not None) for i in range(len(frame))]
    assert cells == list(from_csv["cell"])
    assert frame["period_start"].iloc[0] == pd.Timestamp("2025-01-01")
    assert frame["period_end"].iloc[0] == pd.Timestamp("2025-04-01")  # [start, end)


def _reference_counts():
    """PROT-01 worked out with pandas alone: distinct persons per quarter
    (by identified_on, from the project start 2025-01-01 to the as-of date
    2026-06-30) and over the life of project; by gender (an invalid or
    empty gender is 'unknown') and by type of exploitation (a multi-select:
    a person counts once under each valid item; no valid item: 'unknown').
    Returns {(period, dimension or None, value or None): count}."""
    schema = {"gender": ["Feminine", "Masculine", "TransgenderFeminine", "TransgenderMasculine",
                         "NonConforming", "NonSpecifiedUnknown"],
              "exploitation": ["ForcedLabour", "SexualExploitation", "ChildLabour",
                               "ForcedMarriage", "Servitude", "ForcedMilitaryByNonStateActors",
                               "OrganRemoval", "ForcedBegging", "ForcedAdoption", "Surrogacy",
                               "Other"]}
    records = pd.read_csv(QUICKSTART / "identifications.csv", dtype=str, keep_default_na=False)
    records["day"] = pd.to_datetime(records["identified_on"], format="%Y-%m-%d", errors="coerce")
    records = records[(records["day"] >= "2025-01-01") & (records["day"] <= AS_OF)].copy()
    records["quarter"] = records["day"].dt.year.astype(str) + "Q" + \
        records["day"].dt.quarter.astype(str)
    records["gender"] = records["prs_Gender"].where(records["prs_Gender"].isin(schema["gender"]),
                                                    "unknown")

    def valid_items(text):
        items = [i.strip() for i in text.split(";") if i.strip() in schema["exploitation"]]
        return sorted(set(items)) or ["unknown"]

    records["exploitation"] = records["vic_TypeOfExploitation"].map(valid_items)
    exploded = records.explode("exploitation")
    counts = {}
    # Each quarter on its own, then the life of project ("LOP": all of them).
    for period in ("quarter", "lop"):
        records["lop"] = exploded["lop"] = "LOP"
        for key, n in records.groupby(period)["person_id"].nunique().items():
            counts[(key, None, None)] = n
        for dimension, column, data in (("prs_Gender", "gender", records),
                                        ("vic_TypeOfExploitation", "exploitation", exploded)):
            for (key, value), n in data.groupby([period, column])["person_id"].nunique().items():
                counts[(key, dimension, value)] = n
    return counts


def test_numbers_equal_a_pandas_reference(csv_results):
    reference = _reference_counts()
    frame = csv_results.to_pandas()
    checked = 0
    for row in frame.itertuples(index=False):
        if row.scope == "cumulative":
            continue
        if row.breakdown == "":
            key = (row.period, None, None)
        else:
            key = (row.period, row.breakdown, getattr(row, row.breakdown))
        # A cell the reference has no group for holds nobody.
        assert row.value == reference.get(key, 0), key
        checked += 1
    # Every group the reference found is a cell of the results.
    cell_keys = {(r.period, None, None) if r.breakdown == "" else
                 (r.period, r.breakdown, getattr(r, r.breakdown))
                 for r in frame.itertuples(index=False) if r.scope != "cumulative"}
    assert set(reference) <= cell_keys
    assert checked > 100


def _compare_with_csv_dataset(schema, framework, tables, csv_results):
    with ctind.Dataset(schema, tables) as dataset:
        assert dataset.row_count("identifications") == 260
        with ctind.compute(framework, dataset, as_of=AS_OF) as results:
            assert results.to_csv() == csv_results.to_csv()
            return [f.message for f in dataset.findings]


def test_frame_of_strings_equals_csv(csv_results, quickstart_schema, quickstart_framework):
    frame = pd.read_csv(QUICKSTART / "identifications.csv", dtype=str, keep_default_na=False)
    messages = _compare_with_csv_dataset(quickstart_schema, quickstart_framework,
                                         {"identifications": frame}, csv_results)
    # The same value problems as the CSV load, named by data row (the
    # header is not a data row: the file's line 44 is data row 43).
    assert len(messages) == 2
    assert "data row 43: 'F' is not a code of list 'gender'" in messages[0]
    assert "data row 18: '2025-02-30' is not a valid date" in messages[1]


def test_typed_frame_equals_csv(csv_results, quickstart_schema, quickstart_framework):
    # Dates as datetime64 (the impossible 2025-02-30 becomes NaT, missing
    # instead of invalid: both count as missing), multi-selects as lists.
    frame = pd.read_csv(QUICKSTART / "identifications.csv", dtype=str, keep_default_na=False)
    frame["identified_on"] = pd.to_datetime(frame["identified_on"], format="%Y-%m-%d",
                                            errors="coerce")
    frame["vic_TypeOfExploitation"] = frame["vic_TypeOfExploitation"].map(
        lambda text: [item.strip() for item in text.split(";")] if text else None)
    frame["prs_Gender"] = frame["prs_Gender"].astype("category")
    messages = _compare_with_csv_dataset(quickstart_schema, quickstart_framework,
                                         {"identifications": frame}, csv_results)
    assert len(messages) == 1 and "'F' is not a code of list 'gender'" in messages[0]


def test_dict_of_lists_equals_csv(csv_results, quickstart_schema, quickstart_framework):
    frame = pd.read_csv(QUICKSTART / "identifications.csv", dtype=str, keep_default_na=False)
    columns = {name: list(frame[name]) for name in frame.columns}
    # Valid dates as datetime.date objects, the invalid one as its text.
    columns["identified_on"] = [
        datetime.date.fromisoformat(v) if v and v != "2025-02-30" else v
        for v in columns["identified_on"]]
    _compare_with_csv_dataset(quickstart_schema, quickstart_framework,
                              {"identifications": columns}, csv_results)


def test_extra_period_types(in_repo, quickstart_schema, quickstart_framework):  # pylint: disable=unused-argument
    # The project's fiscal year starts in October (fiscal_year_start_month
    # 10): 2025-01-01..2026-06-30 meets fiscal years 2024Oct and 2025Oct,
    # and calendar years 2025 and 2026.
    with ctind.Dataset.from_csv(quickstart_schema, {"identifications": CSV}) as dataset:
        results = ctind.compute(quickstart_framework, dataset, as_of=AS_OF,
                                period_types=["FINANCIAL_YEAR", "YEARLY"])
        ids = [p.id for p in results.periods("PROT-01")]
        for period in ("2025Q1", "2026Q2", "2024Oct", "2025Oct", "2025", "2026", "LOP"):
            assert period in ids
        frame = results.to_pandas()
        totals = frame[(frame["breakdown"] == "") & (frame["scope"] == "period")]
        by_period = dict(zip(totals["period"], totals["value"]))
        # The fiscal year 2025Oct (Oct 2025 - Sep 2026, cut at the as-of
        # date) holds 2025Q4, 2026Q1 and 2026Q2: distinct persons, so at
        # most their sum; the calendar year 2025 likewise.
        assert by_period["2025Oct"] <= by_period["2025Q4"] + by_period["2026Q1"] + \
            by_period["2026Q2"]
        assert by_period["2025"] <= sum(by_period[f"2025Q{q}"] for q in range(1, 5))
        assert by_period["2025"] >= max(by_period[f"2025Q{q}"] for q in range(1, 5))
        with pytest.raises(ctind.InvalidArgumentError, match="FORTNIGHTLY"):
            ctind.compute(quickstart_framework, dataset, as_of=AS_OF,
                          period_types=["FORTNIGHTLY"])
