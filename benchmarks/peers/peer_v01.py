# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""Peers doing the benchmark's one-indicator workload (mix1: V01).

V01 is "victims identified": distinct persons per quarter of 2023-2025, with
cumulative-to-date values and the life of project, each as a total and by
gender, age band at identification, citizenship and the multi-valued type
of exploitation; a value that is missing or not a code of its list is
"unknown" (docs/semantics.md). This script computes it three ways over the
inputs of `ctind_benchmarks --dump_inputs=DIR` and times the computation
alone (the data already in memory, typed):

  ctind    the Python package: ctind.compute on a Dataset loaded from CSV
  pandas   vectorised pandas over the same table (dates parsed, persons as
           integer codes, invalid codes as missing)
  sqlite   Python's sqlite3, in memory, one GROUP BY query per figure set

Each peer's numbers are compared with ctind's, cell by cell, so that the
times are of the same work. Usage (benchmarks/README.md, "Peers"):

  build/release/benchmarks/ctind_benchmarks --dump_inputs=/tmp/peer --victims=1000000
  CTIND_LIBRARY=build/release/capi/libctind.so PYTHONPATH=bindings/python \\
    /usr/bin/python3 benchmarks/peers/peer_v01.py /tmp/peer [--repeat 3]
"""

import argparse
import pathlib
import sqlite3
import time

import numpy as np
import pandas as pd

import ctind

AS_OF = "2025-12-31"
START = pd.Timestamp("2023-01-01")
AGE_BOUNDS = [0, 12, 18, 30, 50]
AGE_LABELS = ["0-11", "12-17", "18-29", "30-49", "50+"]
DIMENSIONS = ["prs_Gender", "age_band", "prs_Citizenship", "vic_TypeOfExploitation"]


def code_lists(schema):
    """{field: set of codes} of the victims table's categorical fields."""
    proto = schema.to_proto()
    lists = {c.id: {code.value for code in c.codes} for c in proto.code_lists}
    table = next(t for t in proto.tables if t.name == "victims")
    return {f.name: lists[f.code_list] for f in table.fields if f.code_list}


def quarters():
    """(id, start, end) of the 12 quarters, end exclusive."""
    out = []
    for year in (2023, 2024, 2025):
        for q in range(4):
            start = pd.Timestamp(year=year, month=3 * q + 1, day=1)
            out.append((f"{year}Q{q + 1}", start, start + pd.DateOffset(months=3)))
    return out


# -- ctind ---------------------------------------------------------------

def ctind_cells(results):
    """{(scope, period, dimension, code): value} of V01, the total's
    dimension and code being ""."""
    out = {}
    for cell in results.cells("V01"):
        if cell.status != "present":
            continue
        (dimension, code), = cell.coordinates.items() if cell.coordinates else (("", ""),)
        out[(cell.scope, cell.period, dimension, code)] = cell.value
    return out


# -- pandas ----------------------------------------------------------------

def prepare_frame(directory, codes):
    """The victims table as pandas would hold it for this work: dates parsed
    (invalid ones NaT), codes outside their list as missing, the age at
    identification in bands, one row per (person, valid exploitation item)
    in a separate frame."""
    raw = pd.read_csv(directory / "victims.csv", dtype=str, keep_default_na=False)
    # Persons as integer codes (ctind interns its strings too).
    frame = pd.DataFrame({"person_id": pd.factorize(raw["person_id"])[0]})
    frame["identified_on"] = pd.to_datetime(raw["identified_on"], format="%Y-%m-%d",
                                            errors="coerce")
    birth = pd.to_datetime(raw["birth_date"], format="%Y-%m-%d", errors="coerce")
    for name in ("prs_Gender", "prs_Citizenship"):
        frame[name] = raw[name].where(raw[name].isin(codes[name]))
    # Completed years on the identification date.
    ident = frame["identified_on"]
    years = ident.dt.year - birth.dt.year - (
        (ident.dt.month < birth.dt.month) |
        ((ident.dt.month == birth.dt.month) & (ident.dt.day < birth.dt.day))).astype("Int64")
    years = years.where(years >= 0)
    frame["age_band"] = pd.cut(years, bins=AGE_BOUNDS + [10_000], right=False,
                               labels=AGE_LABELS).astype(object)
    items = raw["vic_TypeOfExploitation"].str.split(";").explode()
    items = items[items.isin(codes["vic_TypeOfExploitation"])]
    exploitation = pd.DataFrame({"person_id": frame["person_id"].loc[items.index],
                                 "identified_on": ident.loc[items.index],
                                 "vic_TypeOfExploitation": items.values})
    has_item = pd.Series(False, index=raw.index)
    has_item.loc[items.index] = True
    frame["has_exploitation"] = has_item
    return frame, exploitation


def pandas_cells(frame, exploitation):
    """V01 computed with pandas: the same keys as ctind_cells."""
    out = {}
    ranges = [("period", qid, qs, qe) for qid, qs, qe in quarters()]
    ranges += [("cumulative", qid, START, qe) for qid, _, qe in quarters()]
    ranges += [("life_of_project", "LOP", START, pd.Timestamp(AS_OF) + pd.Timedelta(days=1))]
    placed = frame[frame["identified_on"].notna()]
    for scope, pid, start, end in ranges:
        rows = placed[(placed["identified_on"] >= start) & (placed["identified_on"] < end)]
        out[(scope, pid, "", "")] = rows["person_id"].nunique()
        for dimension in ("prs_Gender", "age_band", "prs_Citizenship"):
            counts = rows.groupby(rows[dimension].fillna("unknown"))["person_id"].nunique()
            for code, n in counts.items():
                out[(scope, pid, dimension, code)] = n
        items = exploitation[(exploitation["identified_on"] >= start) &
                             (exploitation["identified_on"] < end)]
        for code, n in items.groupby("vic_TypeOfExploitation")["person_id"].nunique().items():
            out[(scope, pid, "vic_TypeOfExploitation", code)] = n
        none = rows.loc[~rows["has_exploitation"], "person_id"].nunique()
        if none:
            out[(scope, pid, "vic_TypeOfExploitation", "unknown")] = none
    return out


# -- SQLite ------------------------------------------------------------------

def prepare_sqlite(frame, exploitation):
    db = sqlite3.connect(":memory:")
    victims = frame.assign(identified_on=frame["identified_on"].dt.strftime("%Y-%m-%d"))
    victims.drop(columns=["has_exploitation"]).assign(
        has_exploitation=frame["has_exploitation"].astype(int)).to_sql("victims", db, index=False)
    exploitation.assign(identified_on=exploitation["identified_on"].dt.strftime("%Y-%m-%d")).to_sql(
        "exploitation", db, index=False)
    db.execute("CREATE INDEX victims_on ON victims(identified_on)")
    db.execute("CREATE INDEX exploitation_on ON exploitation(identified_on)")
    return db


def sqlite_cells(db):
    out = {}
    ranges = [("period", qid, qs, qe) for qid, qs, qe in quarters()]
    ranges += [("cumulative", qid, START, qe) for qid, _, qe in quarters()]
    ranges += [("life_of_project", "LOP", START, pd.Timestamp(AS_OF) + pd.Timedelta(days=1))]
    for scope, pid, start, end in ranges:
        bounds = (start.strftime("%Y-%m-%d"), end.strftime("%Y-%m-%d"))
        where = "identified_on >= ? AND identified_on < ?"
        (total,), = db.execute(f"SELECT COUNT(DISTINCT person_id) FROM victims WHERE {where}",
                               bounds)
        out[(scope, pid, "", "")] = total
        for dimension in ("prs_Gender", "age_band", "prs_Citizenship"):
            for code, n in db.execute(
                    f"SELECT COALESCE({dimension}, 'unknown'), COUNT(DISTINCT person_id) "
                    f"FROM victims WHERE {where} GROUP BY 1", bounds):
                out[(scope, pid, dimension, code)] = n
        for code, n in db.execute(
                "SELECT vic_TypeOfExploitation, COUNT(DISTINCT person_id) FROM exploitation "
                f"WHERE {where} GROUP BY 1", bounds):
            out[(scope, pid, "vic_TypeOfExploitation", code)] = n
        (none,), = db.execute("SELECT COUNT(DISTINCT person_id) FROM victims "
                              f"WHERE {where} AND has_exploitation = 0", bounds)
        if none:
            out[(scope, pid, "vic_TypeOfExploitation", "unknown")] = none
    return out


def timed(function, repeat):
    """(best wall seconds of `repeat` runs, the last result)."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def compare(name, got, expected):
    """The cells on which `got` differs from ctind's (zeros ctind publishes
    as cells and a peer leaves out are equal)."""
    keys = set(got) | set(expected)
    wrong = [k for k in sorted(keys) if got.get(k, 0) != expected.get(k, 0)]
    if wrong:
        raise SystemExit(f"{name}: {len(wrong)} cells differ from ctind, e.g. "
                         f"{wrong[0]}: {got.get(wrong[0], 0)} vs {expected.get(wrong[0], 0)}")
    return len(keys)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=pathlib.Path, help="--dump_inputs directory")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sqlite-repeat", type=int, default=1)
    args = parser.parse_args()
    directory = args.directory

    schema = ctind.Schema.load(directory / "schema.textproto")
    framework = ctind.Framework.load(directory / "mix1.textproto")
    plan = ctind.Plan(framework, schema)
    dataset = ctind.Dataset.from_csv(schema, {"victims": directory / "victims.csv"})
    rows = dataset.row_count("victims")
    ctind_time, results = timed(lambda: plan.compute(dataset, as_of=AS_OF), args.repeat)
    expected = ctind_cells(results)

    frame, exploitation = prepare_frame(directory, code_lists(schema))
    pandas_time, got = timed(lambda: pandas_cells(frame, exploitation), args.repeat)
    cells = compare("pandas", got, expected)

    db = prepare_sqlite(frame, exploitation)
    sqlite_time, got = timed(lambda: sqlite_cells(db), args.sqlite_repeat)
    compare("sqlite", got, expected)

    print(f"V01 over {rows:,} victims: {cells} cells, the same numbers from each "
          f"(best of {args.repeat}, SQLite of {args.sqlite_repeat}; computation only)")
    for name, seconds in (("ctind", ctind_time), ("pandas", pandas_time),
                          ("sqlite", sqlite_time)):
        print(f"  {name:7s} {seconds * 1000:9.1f} ms   {seconds / ctind_time:6.1f}x ctind")


if __name__ == "__main__":
    main()
