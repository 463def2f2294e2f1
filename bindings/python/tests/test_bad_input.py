# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""Bad input from Python code: columns of the wrong kind, every spelling of
a missing value, closed handles, objects of the wrong class, text that is
not UTF-8. Each is a clear exception (or, for a value that does not fit
its field, a finding, as in CSV), never a crash and never a half-loaded
table. Run under the ASan build too (ctest -R python_bad_input_asan)."""

import datetime
import decimal

import numpy as np
import pandas as pd
import pytest

import ctind
from conftest import QUICKSTART

SCHEMA = """
id: "bad"
code_lists { id: "country" codes { value: "NA" } codes { value: "ZA" } }
tables {
  name: "persons" key: "person_id" person: "person_id"
  fields { name: "person_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "country" type: CATEGORY code_list: "country" }
  fields { name: "identified_on" type: DATE required: true }
  fields { name: "age" type: INT64 }
  fields { name: "score" type: DOUBLE }
  fields { name: "consent" type: BOOL }
}
"""

FRAMEWORK = """
schema_id: "bad"
project { id: "BAD" title: "Bad input" start_date: "2025-01-01" end_date: "2025-12-31" }
indicators {
  id: "PERSONS" title: "Persons"
  measure { value { table: "persons" count_distinct: "person_id" } }
  period { by: "identified_on" every: YEARLY }
  disaggregate_by { dimensions: "country" }
}
indicators {
  id: "AGES" title: "Sum of ages"
  measure { value { table: "persons" sum: "age" } }
  period { by: "identified_on" every: YEARLY }
}
"""


@pytest.fixture(name="schema")
def fixture_schema():
    with ctind.Schema.from_text(SCHEMA) as schema:
        yield schema


@pytest.fixture(name="framework")
def fixture_framework():
    with ctind.Framework.from_text(FRAMEWORK) as framework:
        yield framework


def persons(**columns):
    """Two persons identified in 2025, with `columns` replacing or adding."""
    table = {"person_id": ["P1", "P2"], "identified_on": ["2025-01-10", "2025-02-10"]}
    table.update(columns)
    return table


def total(results, indicator, breakdown=""):
    return {c.coordinates.get(breakdown): c.value for c in results.cells(indicator)
            if c.period == "2025" and c.breakdown == breakdown}


# -- columns of the wrong kind --------------------------------------------

@pytest.mark.parametrize("column,values,error,message", [
    ("country", [{"code": "NA"}, "ZA"], TypeError,
     "column 'country': row 1: a value of type dict cannot be a value of a field"),
    ("age", [1 + 2j, 3], TypeError, "column 'age': row 1: a value of type complex"),
    ("score", [object(), 1.5], TypeError, "column 'score': row 1: a value of type object"),
    ("age", np.array([1 + 0j, 2 + 0j]), TypeError, "column 'age': row 1: .*complex"),
    ("age", 5, TypeError, "column 'age': expected the column's values .* not int"),
    ("age", None, TypeError, "column 'age': expected the column's values .* not NoneType"),
    ("country", "NA", TypeError, "column 'country': expected the column's values .* not str"),
    ("age", np.zeros((2, 2)), ValueError, r"column 'age': .*one-dimensional.*\(2, 2\)"),
])
def test_columns_that_cannot_be_a_field_are_refused(schema, column, values, error, message):
    dataset = ctind.Dataset(schema)
    with pytest.raises(error, match=f"table 'persons', {message}"):
        dataset.add_table("persons", persons(**{column: values}))
    # Nothing reached the library: the table loads afresh.
    assert dataset.row_count("persons") == 0
    dataset.add_table("persons", persons())
    assert dataset.row_count("persons") == 2


@pytest.mark.parametrize("column,values", [
    ("consent", [1.0, 0.5]),                                  # numbers in a BOOL field
    ("identified_on", [20250110, 20250210]),                  # numbers in a DATE field
    ("age", [datetime.date(2025, 1, 1), 3]),                  # a date in an INT64 field
    ("age", [2**70, 3]),                                      # beyond int64
    ("country", [["NA", "ZA"], "ZA"]),                        # a list in a one-valued field
    ("score", ["high", 1.5]),                                 # text that is no number
])
def test_values_that_do_not_fit_become_findings_as_in_csv(schema, column, values):
    with ctind.Dataset(schema, {"persons": persons(**{column: values})}) as dataset:
        findings = [(f.rule, f.field) for f in dataset.findings]
        assert ("invalid_value", column) in findings
    with pytest.raises(ctind.InvalidArgumentError, match=column):
        ctind.Dataset(schema, {"persons": persons(**{column: values})}, strict=True)


def test_real_numbers_of_every_python_kind_are_numbers(schema, framework):
    ages = [decimal.Decimal("30"), np.int16(12)]
    with ctind.Dataset(schema, {"persons": persons(age=ages, score=[decimal.Decimal("1.5"),
                                                                     np.float32(2.5)])}) as data:
        assert list(data.findings) == []
        with ctind.compute(framework, data, as_of="2025-12-31") as results:
            assert total(results, "AGES") == {None: 42}


# -- missing values --------------------------------------------------------

@pytest.mark.parametrize("missing", [None, float("nan"), np.nan, pd.NA, pd.NaT, ""])
def test_every_missing_spelling_is_missing_in_every_field_type(schema, framework, missing):
    table = persons(country=["NA", missing], age=[7, missing], score=[1.0, missing],
                    consent=[True, missing])
    with ctind.Dataset(schema, {"persons": table}) as dataset:
        assert list(dataset.findings) == []  # missing is not invalid
        with ctind.compute(framework, dataset, as_of="2025-12-31") as results:
            assert total(results, "PERSONS", "country") == {"NA": 1, "ZA": 0, "unknown": 1}
            assert total(results, "AGES") == {None: 7}


def test_missing_keys_are_findings_not_crashes(schema):
    with ctind.Dataset(schema, {"persons": persons(person_id=[None, "P2"])}) as dataset:
        assert [f.rule for f in dataset.findings] == ["missing_key"]


def test_nullable_pandas_dtypes(schema, framework):
    frame = pd.DataFrame({
        "person_id": pd.array(["P1", "P2"], dtype="string"),
        "country": pd.Categorical(["NA", None]),
        "identified_on": pd.to_datetime(["2025-01-10", None]),
        "age": pd.array([4, pd.NA], dtype="Int64"),
        "consent": pd.array([True, pd.NA], dtype="boolean"),
    })
    with ctind.Dataset(schema, {"persons": frame}) as dataset:
        with ctind.compute(framework, dataset, as_of="2025-12-31") as results:
            # P2 has no identification date: in no period.
            assert total(results, "PERSONS", "country") == {"NA": 1, "ZA": 0}
            assert total(results, "AGES") == {None: 4}


# -- closed handles and objects of the wrong class --------------------------

def test_every_closed_handle_refuses_use(schema, framework):
    dataset = ctind.Dataset(schema, {"persons": persons()})
    results = ctind.compute(framework, dataset, as_of="2025-12-31")
    report = ctind.publish(results)
    quality = ctind.check_quality(dataset, framework)
    uses = [(schema, lambda: schema.serialize()), (framework, lambda: framework.serialize()),
            (dataset, lambda: dataset.row_count("persons")), (results, lambda: results.to_json()),
            (report, lambda: report.to_csv()), (quality, lambda: quality.to_json())]
    for handle, use in reversed(uses):
        handle.close()
        handle.close()  # closing twice is a no-op
        with pytest.raises(ValueError, match="is closed"):
            use()


def test_computing_with_a_closed_dataset_or_framework(schema, framework):
    dataset = ctind.Dataset(schema, {"persons": persons()})
    dataset.close()
    with pytest.raises(ValueError, match="Dataset is closed"):
        ctind.compute(framework, dataset)
    with ctind.Dataset(schema, {"persons": persons()}) as open_dataset:
        framework.close()
        with pytest.raises(ValueError, match="Framework is closed"):
            ctind.compute(framework, open_dataset)


def test_objects_of_the_wrong_class_are_type_errors(schema, framework):
    with ctind.Dataset(schema, {"persons": persons()}) as dataset:
        with pytest.raises((TypeError, AttributeError)):
            ctind.compute("framework.textproto", dataset)
        with pytest.raises((TypeError, AttributeError)):
            ctind.compute(framework, {"persons": persons()})
        with pytest.raises(TypeError):
            ctind.publish(dataset)
    with pytest.raises(TypeError, match="expected a pandas DataFrame or a dict"):
        ctind.Dataset(schema, {"persons": [["P1", "2025-01-10"]]})


# -- text that is not UTF-8 --------------------------------------------------

def test_bytes_that_are_not_utf8_are_refused_with_their_row(schema):
    with pytest.raises(ValueError, match="column 'person_id': row 2: the bytes are not "
                                         "well-formed UTF-8"):
        ctind.Dataset(schema, {"persons": persons(person_id=[b"P1", b"P\xff2"])})
    # Well-formed bytes are text.
    with ctind.Dataset(schema, {"persons": persons(person_id=[b"P1", "P\u00e92".encode()])}) as d:
        assert d.row_count("persons") == 2


def test_lone_surrogates_are_refused(schema):
    with pytest.raises(ValueError, match="column 'country': row 1: the text is not valid Unicode"):
        ctind.Dataset(schema, {"persons": persons(country=["\ud800", "NA"])})
    with pytest.raises(ValueError):
        ctind.Framework.from_text(FRAMEWORK.replace("Bad input", "Bad \udcff input"))


def test_definitions_that_are_not_utf8(schema):
    bad = FRAMEWORK.replace("Bad input", "Bad \xff input").encode("latin-1")
    with pytest.raises(ctind.InvalidArgumentError):
        ctind.Framework.from_text(bad)
    with pytest.raises(ctind.InvalidArgumentError):
        ctind.Schema.from_text(SCHEMA.encode("utf-16"))
    assert schema.serialize()  # the good one is untouched


def test_a_csv_file_that_is_not_utf8_names_file_line_column(schema, tmp_path):
    path = tmp_path / "persons.csv"
    path.write_bytes("person_id,identified_on,country\nP1,2025-01-10,NA\nJos\xe9,2025-02-10,ZA\n"
                     .encode("latin-1"))
    with pytest.raises(ctind.InvalidArgumentError, match=r"persons\.csv:3:4: invalid UTF-8 "
                                                          r"byte 0xe9"):
        ctind.Dataset.from_csv(schema, {"persons": path})
    utf16 = tmp_path / "utf16.csv"
    utf16.write_bytes("person_id,identified_on\nP1,2025-01-10\n".encode("utf-16"))
    with pytest.raises(ctind.InvalidArgumentError, match="UTF-16"):
        ctind.Dataset.from_csv(schema, {"persons": utf16})


def test_a_csv_file_that_does_not_exist(schema, tmp_path):
    with pytest.raises((ctind.NotFoundError, FileNotFoundError)):
        ctind.Dataset.from_csv(schema, {"persons": tmp_path / "missing.csv"})


def test_bad_option_values(schema, framework):
    with ctind.Dataset(schema, {"persons": persons()}) as dataset:
        for as_of in ("2025-02-30", "yesterday", "2025-01-01\x00"):
            with pytest.raises(ctind.InvalidArgumentError):
                ctind.compute(framework, dataset, as_of=as_of)
        with pytest.raises(ctind.InvalidArgumentError):
            ctind.compute(framework, dataset, period_types=["FORTNIGHTLY"])
        with ctind.compute(framework, dataset, as_of="2025-12-31") as results:
            with pytest.raises((ValueError, ctind.InvalidArgumentError)):
                ctind.publish(results, min_cell_size=-1)
            with pytest.raises((ValueError, ctind.InvalidArgumentError)):
                ctind.publish(results, rounding="random3")  # no key
            with pytest.raises((ValueError, ctind.InvalidArgumentError)):
                ctind.publish(results, rounding="base7")


def test_quickstart_still_computes_after_all_this(quickstart_schema, quickstart_framework):
    # The library holds no state that a refused call could have spoiled.
    with ctind.Dataset.from_csv(quickstart_schema,
                                {"identifications": QUICKSTART / "identifications.csv"}) as data:
        with ctind.compute(quickstart_framework, data, as_of="2026-06-30") as results:
            assert results.cells("PROT-01")[0].value == 38
