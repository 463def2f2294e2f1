# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""Datasets from DataFrames, dicts of lists and CSV: every field type,
missing values, invalid values as findings, dates of every kind, Namibia's
"NA", strict mode, unknown columns, CSV mappings. Expected numbers are
counted by hand from the rows written in each test."""

import datetime
import io

import numpy as np
import pandas as pd
import pytest

import ctind
from conftest import QUICKSTART, REPO, read_text

SCHEMA = """
id: "types"
code_lists {
  id: "country"
  codes { value: "NA" label: "Namibia" }
  codes { value: "ZA" label: "South Africa" }
  codes { value: "BW" label: "Botswana" }
}
code_lists {
  id: "need"
  codes { value: "Shelter" }
  codes { value: "Medical" }
  codes { value: "Legal" }
}
tables {
  name: "persons"
  key: "person_id"
  person: "person_id"
  fields { name: "person_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "country" type: CATEGORY code_list: "country" }
  fields { name: "identified_on" type: DATE required: true }
  fields { name: "age" type: INT64 min: 0 max: 120 }
  fields { name: "score" type: DOUBLE }
  fields { name: "consent" type: BOOL }
  fields { name: "needs" type: CATEGORY code_list: "need" multi_valued: true }
}
"""

# One indicator per field type, each over the whole of 2025 (YEARLY).
FRAMEWORK = """
project { id: "TYPES" title: "Types" start_date: "2025-01-01" end_date: "2025-12-31" }
indicators {
  id: "BY_COUNTRY" title: "Persons by country"
  measure { value { table: "persons" count_distinct: "person_id" } }
  period { by: "identified_on" every: YEARLY }
  disaggregate_by { dimensions: "country" }
}
indicators {
  id: "AGE_SUM" title: "Sum of ages"
  measure { value { table: "persons" sum: "age" } }
  period { by: "identified_on" every: YEARLY }
}
indicators {
  id: "SCORE_MEAN" title: "Mean score"
  measure { value { table: "persons" mean: "score" } }
  period { by: "identified_on" every: YEARLY }
}
indicators {
  id: "CONSENTED" title: "Persons who consented"
  measure { value { table: "persons" count: true where: "consent" } }
  period { by: "identified_on" every: YEARLY }
}
indicators {
  id: "BY_NEED" title: "Persons by need"
  measure { value { table: "persons" count_distinct: "person_id" } }
  period { by: "identified_on" every: YEARLY }
  disaggregate_by { dimensions: "needs" }
}
"""


@pytest.fixture(scope="module")
def schema():
    with ctind.Schema.from_text(SCHEMA, file_name="types.textproto") as s:
        yield s


@pytest.fixture(scope="module")
def framework(schema):
    with ctind.Framework.from_text(FRAMEWORK, file_name="types-framework.textproto") as f:
        f.validate(schema)
        yield f


def values(results, indicator, dimension=None):
    """{coordinate value or None (the total): value} of the 2025 cells."""
    out = {}
    for cell in results.cells(indicator):
        if cell.scope != "period" or cell.period != "2025":
            continue
        coordinates = cell.coordinates
        if dimension is None and not coordinates:
            out[None] = cell.value
        elif dimension is not None and list(coordinates) == [dimension]:
            out[coordinates[dimension]] = cell.value
    return out


def compute(framework, dataset):
    return ctind.compute(framework, dataset, as_of="2025-12-31")


# Five persons, written with Python's and pandas' own types:
#   P1 NA (Namibia)  2025-03-01  age 30    score 1.5  consent True   Shelter;Medical
#   P2 ZA            2025-06-15  age None  score NaN  consent False  Legal
#   P3 missing (NaN) 2025-07-01  age 40    score 2.5  consent None   []
#   P4 BW            2025-12-31  age 50    score pd.NA consent True  Medical
#   P5 NA            2026-01-01  (after the as-of date: in no 2025 cell)
# By hand for 2025 (P1-P4): by country NA 1, ZA 1, BW 1, unknown 1 (P3);
# age sum 30 + 40 + 50 = 120 (P2 missing is skipped); mean score (1.5 +
# 2.5) / 2 = 2; consented P1 and P4 = 2 (P3's missing is not true); by
# need Shelter 1 (P1), Medical 2 (P1, P4), Legal 1 (P2), unknown 1 (P3).
def typed_frame():
    return pd.DataFrame({
        "person_id": ["P1", "P2", "P3", "P4", "P5"],
        "country": ["NA", "ZA", np.nan, "BW", "NA"],
        "identified_on": pd.to_datetime(["2025-03-01", "2025-06-15", "2025-07-01",
                                         "2025-12-31", "2026-01-01"]),
        "age": pd.array([30, None, 40, 50, 60], dtype="Int64"),
        "score": pd.array([1.5, None, 2.5, None, 9.0], dtype="Float64"),
        "consent": pd.array([True, False, None, True, True], dtype="boolean"),
        "needs": [["Shelter", "Medical"], "Legal", [], ("Medical",), None],
    })


def check_typed(results):
    assert values(results, "BY_COUNTRY") == {None: 4}
    assert values(results, "BY_COUNTRY", "country") == {"NA": 1, "ZA": 1, "BW": 1, "unknown": 1}
    assert values(results, "AGE_SUM") == {None: 120}
    assert values(results, "SCORE_MEAN") == {None: 2.0}
    assert values(results, "CONSENTED") == {None: 2}
    assert values(results, "BY_NEED", "needs") == {"Shelter": 1, "Medical": 2, "Legal": 1,
                                                    "unknown": 1}


def test_typed_dataframe(schema, framework):
    with ctind.Dataset(schema, {"persons": typed_frame()}) as dataset:
        assert dataset.row_count("persons") == 5
        assert dataset.findings == []  # every value is valid or missing
        check_typed(compute(framework, dataset))


def test_plain_numpy_dtypes(schema, framework):
    # The same persons with numpy's own dtypes: float64 with NaN for the
    # integers and numbers, object for booleans with a gap.
    frame = typed_frame()
    frame["age"] = [30.0, np.nan, 40.0, 50.0, 60.0]
    frame["score"] = [1.5, np.nan, 2.5, np.nan, 9.0]
    frame["consent"] = np.array([True, False, None, True, True], dtype=object)
    frame["country"] = frame["country"].astype("category")
    with ctind.Dataset(schema, {"persons": frame}) as dataset:
        assert dataset.findings == []
        check_typed(compute(framework, dataset))


def test_dict_of_lists_with_every_missing_spelling(schema, framework):
    columns = {
        "person_id": ["P1", "P2", "P3", "P4", "P5"],
        # None, NaN, pd.NA, pd.NaT and "" are all missing.
        "country": ["NA", "ZA", pd.NA, "BW", "NA"],
        "identified_on": [datetime.date(2025, 3, 1), pd.Timestamp("2025-06-15"),
                          np.datetime64("2025-07-01"), "2025-12-31",
                          datetime.datetime(2026, 1, 1, 23, 59)],
        "age": [30, None, 40, 50, 60],
        "score": [1.5, float("nan"), 2.5, pd.NA, 9.0],
        "consent": [True, False, None, np.True_, True],
        "needs": ["Shelter;Medical", "Legal", "", {"Medical"}, pd.NaT],
    }
    with ctind.Dataset(schema, {"persons": columns}) as dataset:
        assert dataset.findings == []
        check_typed(compute(framework, dataset))


def test_csv_reads_the_same(schema, framework, tmp_path):
    csv = ("person_id,country,identified_on,age,score,consent,needs\n"
           "P1,NA,2025-03-01,30,1.5,true,Shelter;Medical\n"
           "P2,ZA,2025-06-15,,,false,Legal\n"
           "P3,,2025-07-01,40,2.5,,\n"
           "P4,BW,2025-12-31,50,,true,Medical\n"
           "P5,NA,2026-01-01,60,9,true,\n")
    path = tmp_path / "persons.csv"
    path.write_text(csv, encoding="utf-8")
    with ctind.Dataset.from_csv(schema, {"persons": path}) as from_file, \
            ctind.Dataset.from_csv(schema, {"persons": csv.encode()}) as from_bytes:
        for dataset in (from_file, from_bytes):
            assert dataset.findings == []
            check_typed(compute(framework, dataset))
        frame = pd.read_csv(path, keep_default_na=False, na_values=[""])
        assert list(frame["country"]) == ["NA", "ZA", np.nan, "BW", "NA"]
        with ctind.Dataset(schema, {"persons": frame}) as from_frame:
            assert compute(framework, from_frame).to_csv() == \
                compute(framework, from_file).to_csv()


def test_namibia_survives_keep_default_na(schema, framework):
    csv = "person_id,country,identified_on\nP1,NA,2025-02-01\nP2,NA,2025-03-01\nP3,ZA,2025-04-01\n"
    # Two Namibians and one South African, counted by hand.
    kept = pd.read_csv(io.StringIO(csv), keep_default_na=False)
    with ctind.Dataset(schema, {"persons": kept}) as dataset:
        assert values(compute(framework, dataset), "BY_COUNTRY", "country") == {
            "NA": 2, "ZA": 1, "BW": 0}
    # pandas' default turns "NA" into NaN: the Namibians become unknown.
    # This is the mistake the docs warn about; the library cannot undo it.
    lost = pd.read_csv(io.StringIO(csv))
    assert lost["country"].isna().sum() == 2
    with ctind.Dataset(schema, {"persons": lost}) as dataset:
        assert values(compute(framework, dataset), "BY_COUNTRY", "country") == {
            "NA": 0, "ZA": 1, "BW": 0, "unknown": 2}


def test_invalid_values_become_findings(schema, framework):
    # P1's country "XX" is not a code, P2's age 130 is above max 120, P3's
    # date cannot be read, P4's need "Food" is not a code (its valid
    # "Legal" counts), P5's age 2.5 is not a whole number: each is kept as
    # invalid, counts as missing and is one finding.
    frame = pd.DataFrame({
        "person_id": ["P1", "P2", "P3", "P4", "P5"],
        "country": ["XX", "ZA", "NA", "BW", "BW"],
        "identified_on": ["2025-01-10", "2025-01-11", "2025-13-01", "2025-01-12", "2025-01-13"],
        "age": [10, 130, 20, 30, 2.5],
        "needs": [None, None, None, "Legal;Food", None],
    })
    with ctind.Dataset(schema, {"persons": frame}) as dataset:
        findings = dataset.findings
        assert [(f.rule, f.field, f.count) for f in findings] == [
            ("invalid_value", "country", 1), ("invalid_value", "identified_on", 1),
            ("invalid_value", "age", 2), ("invalid_value", "needs", 1)]
        assert "'XX' is not a code of list 'country'" in findings[0].message
        assert all(f.table == "persons" and f.severity == "WARNING" for f in findings)
        assert findings[0].share == pytest.approx(1 / 5)
        frame_of_findings = dataset.findings_frame()
        assert list(frame_of_findings["field"]) == ["country", "identified_on", "age", "needs"]
        results = compute(framework, dataset)
        # P3 has no valid date: in no period. P1 (XX) is unknown.
        assert values(results, "BY_COUNTRY", "country") == {"NA": 0, "ZA": 1, "BW": 2,
                                                             "unknown": 1}
        assert values(results, "AGE_SUM") == {None: 10 + 30}  # 130 and 2.5 are invalid
        assert values(results, "BY_NEED", "needs")["Legal"] == 1


def test_strict_mode_fails_the_load(schema):
    frame = pd.DataFrame({"person_id": ["P1", "P2"], "country": ["NA", "XX"],
                          "identified_on": ["2025-01-01", "2025-01-02"]})
    dataset = ctind.Dataset(schema)
    with pytest.raises(ctind.InvalidArgumentError, match="'XX' is not a code"):
        dataset.add_table("persons", frame, strict=True)
    assert dataset.row_count("persons") == 0  # nothing half-loaded
    dataset.add_table("persons", frame)  # not strict: loads, with a finding
    assert dataset.row_count("persons") == 2
    assert [f.field for f in dataset.findings] == ["country"]


def test_duplicate_keys_are_findings(schema):
    frame = {"person_id": ["P1", "P1"], "identified_on": ["2025-01-01", "2025-01-02"]}
    with ctind.Dataset(schema, {"persons": frame}) as dataset:
        assert [(f.rule, f.count) for f in dataset.findings] == [("duplicate_key", 1)]


def test_unknown_columns_and_tables(schema):
    frame = {"person_id": ["P1"], "identified_on": ["2025-01-01"], "nickname": ["x"]}
    with pytest.raises(ctind.NotFoundError, match="unknown column 'nickname'"):
        ctind.Dataset(schema, {"persons": frame})
    with ctind.Dataset(schema, {"persons": frame}, ignore_unknown_columns=True) as dataset:
        assert dataset.row_count("persons") == 1
    with pytest.raises(ctind.NotFoundError, match="no table 'people'"):
        ctind.Dataset(schema, {"people": frame})
    with pytest.raises(ctind.NotFoundError):
        ctind.Dataset(schema).row_count("people")


def test_required_field_and_lengths(schema):
    with pytest.raises(ctind.InvalidArgumentError, match="identified_on"):
        ctind.Dataset(schema, {"persons": {"person_id": ["P1"]}})
    with pytest.raises(ctind.InvalidArgumentError):
        ctind.Dataset(schema, {"persons": {"person_id": ["P1", "P2"],
                                           "identified_on": ["2025-01-01"]}})
    with pytest.raises(TypeError):
        ctind.Dataset(schema, {"persons": [("P1", "2025-01-01")]})


def test_timezones_and_times_keep_the_local_date(schema, framework):
    # Windhoek is UTC+2. 2025-01-01 00:10 there is 2024-12-31 22:10 UTC:
    # only by its local date is it in the project (from 2025-01-01). The
    # local wall-clock date counts, and the time of day is dropped.
    stamps = pd.Series(pd.to_datetime(["2025-12-31 23:30", "2025-01-01 00:10"])).dt.tz_localize(
        "Africa/Windhoek")
    frame = pd.DataFrame({"person_id": ["P1", "P2"], "country": ["NA", "NA"],
                          "identified_on": stamps})
    with ctind.Dataset(schema, {"persons": frame}) as dataset:
        assert values(compute(framework, dataset), "BY_COUNTRY", "country")["NA"] == 2


def test_mapping_reads_another_systems_export(in_repo, quickstart_schema, quickstart_framework):  # pylint: disable=unused-argument
    # tests/cli/mapping/shelter_register.csv holds the quickstart records as
    # another system exports them; through its mapping they give the
    # quickstart's results byte for byte (as the CLI test checks).
    mapping_path = "tests/cli/mapping/shelter_register.textproto"
    export = "tests/cli/mapping/shelter_register.csv"
    with ctind.Dataset.from_csv(quickstart_schema, {"identifications": export},
                                mapping=mapping_path) as dataset:
        results = ctind.compute(quickstart_framework, dataset, as_of="2026-06-30")
        assert results.to_csv() == read_text(REPO / "tests" / "golden" / "quickstart.csv")
        assert "(column 'Sex')" in dataset.findings[0].message
    mapping = ctind.CsvMapping.load(mapping_path, quickstart_schema)
    assert 'column: "Date of identification"' in mapping.serialize()
    with pytest.raises(ctind.InvalidArgumentError) as raised:
        ctind.CsvMapping.load("tests/cli/mapping/bad_field.textproto", quickstart_schema)
    diagnostic = raised.value.diagnostics[0]
    assert (diagnostic.line, diagnostic.column) == (7, 13)
    assert diagnostic.path == "tables[0].columns[0].field"
    assert "did you mean 'prs_Gender'" in diagnostic.message


def test_csv_errors_name_file_line_column(in_repo, quickstart_schema):  # pylint: disable=unused-argument
    dataset = ctind.Dataset(quickstart_schema)
    with pytest.raises(ctind.InvalidArgumentError) as raised:
        dataset.load_csv("identifications", "tests/cli/bad/short_row.csv")
    assert "short_row.csv:3:4: this row has 2 fields but the header has 5" in str(raised.value)
    with pytest.raises(ctind.NotFoundError, match="nonexistent.csv"):
        dataset.load_csv("identifications", "/nonexistent.csv")
    with pytest.raises(ctind.InvalidArgumentError, match="unknown column 'vic_Unknown'"):
        dataset.load_csv("identifications", "tests/cli/bad/unknown_column.csv")
    dataset.load_csv("identifications", "tests/cli/bad/unknown_column.csv",
                     ignore_unknown_columns=True)
    assert dataset.row_count("identifications") > 0


def test_schema_column_names_are_accepted(quickstart_schema):
    # A quickstart frame whose columns are the schema's field names loads
    # as the CSV does; its row count is the file's 260 records.
    frame = pd.read_csv(QUICKSTART / "identifications.csv", dtype=str, keep_default_na=False)
    with ctind.Dataset(quickstart_schema, {"identifications": frame}) as dataset:
        assert dataset.row_count("identifications") == 260


def test_a_failed_load_leaves_the_table_empty(schema):
    dataset = ctind.Dataset(schema)
    # A lone surrogate cannot be written as UTF-8: the load stops before
    # any column reaches the library, and a later load starts afresh.
    bad = {"person_id": ["P1"], "identified_on": ["2025-01-01"], "country": ["\udcff"]}
    with pytest.raises(ValueError, match="column 'country': row 1: the text is not valid"):
        dataset.add_table("persons", bad)
    assert dataset.row_count("persons") == 0
    # The library's own refusal (a required field is missing) also leaves
    # nothing behind.
    with pytest.raises(ctind.InvalidArgumentError):
        dataset.add_table("persons", {"person_id": ["P1"]})
    dataset.add_table("persons", {"person_id": ["P1"], "identified_on": ["2025-01-01"]})
    assert dataset.row_count("persons") == 1
    with pytest.raises(ctind.FailedPreconditionError, match="already loaded"):
        dataset.add_table("persons", {"person_id": ["P2"], "identified_on": ["2025-01-02"]})


def test_columns_by_csv_column_name():
    # A field with a CSV `column` may be given by either name, not both.
    schema = ctind.Schema.from_text("""
        id: "aliases"
        tables {
          name: "persons" key: "person_id" person: "person_id"
          fields { name: "person_id" column: "Person no." type: STRING role: IDENTIFIER required: true }
        }""")
    with ctind.Dataset(schema, {"persons": {"Person no.": ["P1", "P2"]}}) as dataset:
        assert dataset.row_count("persons") == 2
    with pytest.raises(ctind.InvalidArgumentError, match="given twice"):
        ctind.Dataset(schema, {"persons": {"Person no.": ["P1"], "person_id": ["P1"]}})


BOUNDARY_DAYS = ["2024-12-31", "2025-01-01", "2025-12-31", "2026-01-01"]


@pytest.mark.parametrize("kind", ["date", "datetime", "Timestamp", "numpy", "datetime64 column",
                                  "text"])
def test_dates_of_every_kind_on_the_boundaries(schema, framework, kind):
    # 2025 (the project, as of 2025-12-31) holds P2 (ZA, its first day) and
    # P3 (BW, its last day); P1 (NA) is a day early, P4 (NA) a day late. A
    # date one day off either way moves a Namibian in: the NA cell would
    # not be 0.
    days = [datetime.date.fromisoformat(d) for d in BOUNDARY_DAYS]
    given = {"date": days,
             "datetime": [datetime.datetime(d.year, d.month, d.day, 23, 59) for d in days],
             "Timestamp": [pd.Timestamp(d) for d in days],
             "numpy": [np.datetime64(d, "D") for d in days],
             "datetime64 column": pd.Series(pd.to_datetime(BOUNDARY_DAYS)),
             "text": BOUNDARY_DAYS}[kind]
    frame = {"person_id": ["P1", "P2", "P3", "P4"], "country": ["NA", "ZA", "BW", "NA"],
             "identified_on": given}
    with ctind.Dataset(schema, {"persons": frame}) as dataset:
        assert values(compute(framework, dataset), "BY_COUNTRY", "country") == {
            "NA": 0, "ZA": 1, "BW": 1}
