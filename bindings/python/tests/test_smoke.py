# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""What tests/python/smoke_test.py checked at the ctypes level, through the
package: a small framework over a small CSV with numbers worked out by
hand, the report message, error locations, and NULL arguments in C."""

import ctypes
import re

import pytest

import ctind
from ctind.v1 import report_pb2

SCHEMA = """
id: "ct-test"
code_lists {
  id: "gender"
  codes { value: "Female" }
  codes { value: "Male" }
  codes { value: "Other" }
}
tables {
  name: "victims"
  fields { name: "person_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "prs_Gender" type: CATEGORY code_list: "gender" }
  fields { name: "identified_on" type: DATE required: true }
  key: "person_id"
  person: "person_id"
}
"""

FRAMEWORK = """
project {
  id: "CT-TEST"
  title: "Test project"
  start_date: "2025-01-01"
  end_date: "2025-12-31"
}
results { id: "G1" title: "Victims protected" level: GOAL pillar: PROTECTION }
indicators {
  id: "PROT-01"
  title: "Victims identified"
  result: "G1"
  measure { value { table: "victims" count_distinct: "person_id" } }
  period { by: "identified_on" every: QUARTERLY }
  disaggregate_by { dimensions: "prs_Gender" }
}
"""

# `title "..."` lacks its colon: the string token is at line 3, column 9.
BAD_FRAMEWORK = 'project {\n  id: "CT-TEST"\n  title "Test project"\n}\n'

VICTIMS = (
    b"person_id,prs_Gender,identified_on\n"
    b"P1,Female,2025-01-15\n"
    b"P2,Male,2025-02-10\n"
    b"P3,Female,2025-03-31\n"
    b"P4,Female,2025-04-01\n"
    b"P5,,2025-05-20\n"
    b"P6,Male,2025-09-30\n"
    b"P7,Other,2025-10-01\n"
    b"P8,Male,2025-12-31\n"
)

# (scope, period, gender or None for the total) -> value, as of 2025-12-31,
# counted from VICTIMS by hand: Q1 = P1 P2 P3 (Female 2, Male 1); Q2 = P4
# (Female) and P5 (no gender: the unknown cell); Q3 = P6 (Male; 30 Sep is
# Q3's last day); Q4 = P7 (Other) and P8 (Male; 31 Dec is the as-of day,
# included). The life of project holds all eight persons.
EXPECTED = {
    ("period", "2025Q1", None): 3,
    ("period", "2025Q1", "Female"): 2,
    ("period", "2025Q1", "Male"): 1,
    ("period", "2025Q1", "Other"): 0,
    ("period", "2025Q2", None): 2,
    ("period", "2025Q2", "Female"): 1,
    ("period", "2025Q2", "Male"): 0,
    ("period", "2025Q2", "Other"): 0,
    ("period", "2025Q2", "unknown"): 1,
    ("period", "2025Q3", None): 1,
    ("period", "2025Q3", "Male"): 1,
    ("period", "2025Q3", "Female"): 0,
    ("period", "2025Q4", None): 2,
    ("period", "2025Q4", "Male"): 1,
    ("period", "2025Q4", "Other"): 1,
    ("life_of_project", "LOP", None): 8,
    ("life_of_project", "LOP", "Female"): 3,
    ("life_of_project", "LOP", "Male"): 3,
    ("life_of_project", "LOP", "Other"): 1,
    ("life_of_project", "LOP", "unknown"): 1,
}


@pytest.fixture
def results():
    schema = ctind.Schema.from_text(SCHEMA, file_name="schema.textproto")
    framework = ctind.Framework.from_text(FRAMEWORK, file_name="framework.textproto")
    dataset = ctind.Dataset(schema)
    dataset.load_csv("victims", VICTIMS, file_name="victims.csv")
    assert dataset.row_count("victims") == 8
    with ctind.compute(framework, dataset, as_of="2025-12-31") as raw:
        yield raw


def test_version():
    assert re.fullmatch(r"\d+\.\d+\.\d+", ctind.library_version())


def test_numbers(results):
    assert results.as_of == "2025-12-31"
    assert results.indicator_ids == ["PROT-01"]
    cells = {}
    for cell in results.cells("PROT-01"):
        if cell.breakdown not in ("", "prs_Gender"):
            continue
        key = (cell.scope, cell.period, cell.coordinates.get("prs_Gender"))
        assert key not in cells, f"two cells for {key}"
        cells[key] = cell
    for key, expected in EXPECTED.items():
        assert key in cells, key
        assert cells[key].status == "present", key  # 0 is present, not missing
        assert cells[key].value == expected, key


def test_report_proto(results):
    report = results.to_proto()
    assert report.as_of == "2025-12-31"
    assert [i.indicator_id for i in report.indicators] == ["PROT-01"]
    lop = [c for c in report.indicators[0].cells
           if c.scope == report_pb2.SCOPE_LIFE_OF_PROJECT and not c.breakdown]
    assert len(lop) == 1
    assert lop[0].HasField("value")
    assert lop[0].value == 8


def test_bad_framework():
    with pytest.raises(ctind.InvalidArgumentError) as raised:
        ctind.Framework.from_text(BAD_FRAMEWORK, file_name="bad.textproto")
    error = raised.value
    assert error.code == 3 and error.status == "INVALID_ARGUMENT"
    assert "bad.textproto:3:9" in error.message
    assert error.diagnostics
    assert error.diagnostics[0].file == "bad.textproto"
    assert (error.diagnostics[0].line, error.diagnostics[0].column) == (3, 9)


def test_bad_csv():
    schema = ctind.Schema.from_text(SCHEMA)
    dataset = ctind.Dataset(schema)
    csv = b"person_id,prs_Gender,identified_on\nP1,Female,2025-01-15\nP2,Male\n"
    with pytest.raises(ctind.InvalidArgumentError) as raised:
        dataset.load_csv("victims", csv, file_name="cols.csv")
    assert "cols.csv:3:" in raised.value.message
    assert dataset.row_count("victims") == 0  # on failure the table stays empty


def test_null_arguments_in_c():
    lib = ctind._lib  # pylint: disable=protected-access
    error, out = ctypes.c_void_p(), ctypes.c_void_p()
    status = lib.ctind_schema_load(None, 5, 0, None, 0, ctypes.byref(out), ctypes.byref(error))
    assert status == 3  # CTIND_INVALID_ARGUMENT
    assert not out.value
    assert error.value  # an error handle, which take_error destroys
    exception = ctind._errors.take_error(status, error)  # pylint: disable=protected-access
    assert isinstance(exception, ctind.InvalidArgumentError)
