# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""Smoke test of libctind's C API from Python through ctypes.

Loads the shared library named by the environment variable CTIND_LIBRARY,
computes a small framework over a small CSV and checks the numbers (worked
out by hand), and checks an error path. Standard library only (unittest);
run with Debian's /usr/bin/python3. When CTIND_PROTO_PYTHON_DIR names the
generated *_pb2 modules and python3-protobuf is installed, the serialized
report is also parsed with them.
"""

import ctypes
import os
import sys
import unittest

CTIND_OK = 0
CTIND_INVALID_ARGUMENT = 3
CTIND_FORMAT_TEXT = 0
CTIND_FORMAT_BINARY = 2
SCOPE_PERIOD = 1
SCOPE_LIFE_OF_PROJECT = 3
VALUE_PRESENT = 1

SCHEMA = b"""
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

FRAMEWORK = b"""
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
BAD_FRAMEWORK = b'project {\n  id: "CT-TEST"\n  title "Test project"\n}\n'

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

# (scope, period, gender or None for the total) -> value, as-of 2025-12-31.
EXPECTED = {
    (SCOPE_PERIOD, "2025Q1", None): 3,
    (SCOPE_PERIOD, "2025Q1", "Female"): 2,
    (SCOPE_PERIOD, "2025Q1", "Male"): 1,
    (SCOPE_PERIOD, "2025Q1", "Other"): 0,
    (SCOPE_PERIOD, "2025Q2", None): 2,
    (SCOPE_PERIOD, "2025Q2", "Female"): 1,
    (SCOPE_PERIOD, "2025Q2", "Male"): 0,
    (SCOPE_PERIOD, "2025Q2", "Other"): 0,
    (SCOPE_PERIOD, "2025Q2", "unknown"): 1,
    (SCOPE_PERIOD, "2025Q3", None): 1,
    (SCOPE_PERIOD, "2025Q3", "Male"): 1,
    (SCOPE_PERIOD, "2025Q3", "Female"): 0,
    (SCOPE_PERIOD, "2025Q4", None): 2,
    (SCOPE_PERIOD, "2025Q4", "Male"): 1,
    (SCOPE_PERIOD, "2025Q4", "Other"): 1,
    (SCOPE_LIFE_OF_PROJECT, "LOP", None): 8,
    (SCOPE_LIFE_OF_PROJECT, "LOP", "Female"): 3,
    (SCOPE_LIFE_OF_PROJECT, "LOP", "Male"): 3,
    (SCOPE_LIFE_OF_PROJECT, "LOP", "Other"): 1,
    (SCOPE_LIFE_OF_PROJECT, "LOP", "unknown"): 1,
}

c_char_p_p = ctypes.POINTER(ctypes.c_char_p)
c_void_p_p = ctypes.POINTER(ctypes.c_void_p)


def load_library():
    path = os.environ.get("CTIND_LIBRARY")
    if not path:
        raise RuntimeError("set CTIND_LIBRARY to the path of libctind.so")
    lib = ctypes.CDLL(path)
    sz, st, i32, i64 = ctypes.c_size_t, ctypes.c_int, ctypes.c_int32, ctypes.c_int64
    p = ctypes.c_void_p
    pp = c_void_p_p
    bytes_out = ctypes.POINTER(ctypes.POINTER(ctypes.c_char))
    signatures = {
        "ctind_version": (ctypes.c_char_p, []),
        "ctind_free": (None, [p]),
        "ctind_error_destroy": (None, [p]),
        "ctind_error_code": (st, [p]),
        "ctind_error_message": (ctypes.c_char_p, [p]),
        "ctind_error_diagnostic_count": (sz, [p]),
        "ctind_error_diagnostic": (st, [p, sz, c_char_p_p, c_char_p_p, c_char_p_p,
                                        ctypes.POINTER(i32), ctypes.POINTER(i32),
                                        ctypes.POINTER(i64)]),
        "ctind_schema_load": (st, [ctypes.c_char_p, sz, st, ctypes.c_char_p, sz, pp, pp]),
        "ctind_schema_destroy": (None, [p]),
        "ctind_framework_load": (st, [ctypes.c_char_p, sz, st, ctypes.c_char_p, sz, pp, pp]),
        "ctind_framework_destroy": (None, [p]),
        "ctind_options_create": (st, [pp]),
        "ctind_options_destroy": (None, [p]),
        "ctind_options_set_as_of": (st, [p, ctypes.c_char_p, sz, pp]),
        "ctind_dataset_create": (st, [p, pp]),
        "ctind_dataset_destroy": (None, [p]),
        "ctind_dataset_load_csv": (st, [p, ctypes.c_char_p, sz, ctypes.c_char_p, sz,
                                        ctypes.c_char_p, sz, p, pp]),
        "ctind_dataset_row_count": (st, [p, ctypes.c_char_p, sz, ctypes.POINTER(i64)]),
        "ctind_compute": (st, [p, p, p, pp, pp]),
        "ctind_results_destroy": (None, [p]),
        "ctind_results_serialize": (st, [p, st, bytes_out, ctypes.POINTER(sz), pp]),
        "ctind_results_as_of": (st, [p, c_char_p_p, ctypes.POINTER(sz)]),
        "ctind_results_indicator_count": (st, [p, ctypes.POINTER(sz)]),
        "ctind_results_indicator_id": (st, [p, sz, c_char_p_p, ctypes.POINTER(sz)]),
        "ctind_results_cell_count": (st, [p, sz, ctypes.POINTER(sz)]),
        "ctind_results_get_cell": (st, [p, sz, sz, pp]),
        "ctind_cell_period": (st, [p, c_char_p_p, ctypes.POINTER(sz)]),
        "ctind_cell_scope": (st, [p]),
        "ctind_cell_breakdown": (st, [p, c_char_p_p, ctypes.POINTER(sz)]),
        "ctind_cell_coordinate_count": (sz, [p]),
        "ctind_cell_coordinate": (st, [p, sz, c_char_p_p, ctypes.POINTER(sz),
                                       c_char_p_p, ctypes.POINTER(sz)]),
        "ctind_cell_status": (st, [p]),
        "ctind_cell_value": (ctypes.c_bool, [p, ctypes.POINTER(ctypes.c_double)]),
        "ctind_cell_units": (ctypes.c_bool, [p, ctypes.POINTER(i64)]),
    }
    for name, (restype, argtypes) in signatures.items():
        function = getattr(lib, name)
        function.restype = restype
        function.argtypes = argtypes
    return lib


LIB = load_library()


class CtindError(Exception):
    def __init__(self, code, message, diagnostics):
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message
        self.diagnostics = diagnostics


def raise_for(status, error):
    """Turns a failed call's status and error handle into CtindError."""
    if status == CTIND_OK:
        return
    try:
        message = (LIB.ctind_error_message(error) or b"").decode()
        diagnostics = []
        for i in range(LIB.ctind_error_diagnostic_count(error)):
            msg, path, file = ctypes.c_char_p(), ctypes.c_char_p(), ctypes.c_char_p()
            line, column = ctypes.c_int32(), ctypes.c_int32()
            offset = ctypes.c_int64()
            LIB.ctind_error_diagnostic(error, i, ctypes.byref(msg), ctypes.byref(path),
                                       ctypes.byref(file), ctypes.byref(line),
                                       ctypes.byref(column), ctypes.byref(offset))
            diagnostics.append({
                "message": (msg.value or b"").decode(),
                "path": (path.value or b"").decode(),
                "file": (file.value or b"").decode(),
                "line": line.value,
                "column": column.value,
            })
    finally:
        LIB.ctind_error_destroy(error)
    raise CtindError(status, message, diagnostics)


def call(function, *args):
    """Calls a fallible function whose last parameter is ctind_error**."""
    error = ctypes.c_void_p()
    status = function(*args, ctypes.byref(error))
    raise_for(status, error)


def borrowed(getter, *args):
    data, size = ctypes.c_char_p(), ctypes.c_size_t()
    status = getter(*args, ctypes.byref(data), ctypes.byref(size))
    if status != CTIND_OK:
        raise CtindError(status, getter.__name__, [])
    return ctypes.string_at(data, size.value).decode()


class Handle:
    """Owns a handle and destroys it."""

    def __init__(self, destroy):
        self.ptr = ctypes.c_void_p()
        self._destroy = destroy

    def close(self):
        if self.ptr:
            self._destroy(self.ptr)
            self.ptr = ctypes.c_void_p()


def load_schema(text):
    schema = Handle(LIB.ctind_schema_destroy)
    call(LIB.ctind_schema_load, text, len(text), CTIND_FORMAT_TEXT,
         b"schema.textproto", 16, ctypes.byref(schema.ptr))
    return schema


def load_framework(text, name=b"framework.textproto"):
    framework = Handle(LIB.ctind_framework_destroy)
    call(LIB.ctind_framework_load, text, len(text), CTIND_FORMAT_TEXT, name,
         len(name), ctypes.byref(framework.ptr))
    return framework


def cells_of(results):
    """{(scope, period, gender or None): (status, value)} of indicator 0."""
    count = ctypes.c_size_t()
    assert LIB.ctind_results_cell_count(results.ptr, 0, ctypes.byref(count)) == CTIND_OK
    cells = {}
    for i in range(count.value):
        cell = ctypes.c_void_p()
        assert LIB.ctind_results_get_cell(results.ptr, 0, i, ctypes.byref(cell)) == CTIND_OK
        period = borrowed(LIB.ctind_cell_period, cell)
        breakdown = borrowed(LIB.ctind_cell_breakdown, cell)
        gender = None
        if breakdown:
            if breakdown != "prs_Gender":
                continue
            dim, dim_len = ctypes.c_char_p(), ctypes.c_size_t()
            val, val_len = ctypes.c_char_p(), ctypes.c_size_t()
            assert LIB.ctind_cell_coordinate(cell, 0, ctypes.byref(dim), ctypes.byref(dim_len),
                                             ctypes.byref(val), ctypes.byref(val_len)) == CTIND_OK
            gender = ctypes.string_at(val, val_len.value).decode()
        value = ctypes.c_double()
        present = LIB.ctind_cell_value(cell, ctypes.byref(value))
        key = (LIB.ctind_cell_scope(cell), period, gender)
        if key in cells:
            raise AssertionError(f"two cells for {key}")
        cells[key] = (LIB.ctind_cell_status(cell), value.value if present else None)
    return cells


class SmokeTest(unittest.TestCase):
    def setUp(self):
        self.handles = []

    def tearDown(self):
        for handle in reversed(self.handles):
            handle.close()

    def keep(self, handle):
        self.handles.append(handle)
        return handle

    def compute(self, as_of):
        schema = self.keep(load_schema(SCHEMA))
        framework = self.keep(load_framework(FRAMEWORK))
        dataset = self.keep(Handle(LIB.ctind_dataset_destroy))
        self.assertEqual(LIB.ctind_dataset_create(schema.ptr, ctypes.byref(dataset.ptr)),
                         CTIND_OK)
        call(LIB.ctind_dataset_load_csv, dataset.ptr, b"victims", 7, VICTIMS, len(VICTIMS),
             b"victims.csv", 11, None)
        rows = ctypes.c_int64()
        self.assertEqual(LIB.ctind_dataset_row_count(dataset.ptr, b"victims", 7,
                                                     ctypes.byref(rows)), CTIND_OK)
        self.assertEqual(rows.value, 8)
        options = self.keep(Handle(LIB.ctind_options_destroy))
        self.assertEqual(LIB.ctind_options_create(ctypes.byref(options.ptr)), CTIND_OK)
        call(LIB.ctind_options_set_as_of, options.ptr, as_of, len(as_of))
        results = self.keep(Handle(LIB.ctind_results_destroy))
        call(LIB.ctind_compute, framework.ptr, dataset.ptr, options.ptr,
             ctypes.byref(results.ptr))
        return results

    def test_version(self):
        version = LIB.ctind_version().decode()
        self.assertRegex(version, r"^\d+\.\d+\.\d+$")

    def test_numbers(self):
        results = self.compute(b"2025-12-31")
        self.assertEqual(borrowed(LIB.ctind_results_as_of, results.ptr), "2025-12-31")
        count = ctypes.c_size_t()
        self.assertEqual(LIB.ctind_results_indicator_count(results.ptr, ctypes.byref(count)),
                         CTIND_OK)
        self.assertEqual(count.value, 1)
        self.assertEqual(borrowed(LIB.ctind_results_indicator_id, results.ptr, 0), "PROT-01")
        cells = cells_of(results)
        for key, expected in EXPECTED.items():
            with self.subTest(cell=key):
                self.assertIn(key, cells)
                status, value = cells[key]
                self.assertEqual(status, VALUE_PRESENT)  # 0 is present, not missing
                self.assertEqual(value, expected)

    def test_report_proto(self):
        proto_dir = os.environ.get("CTIND_PROTO_PYTHON_DIR")
        if not proto_dir:
            self.skipTest("CTIND_PROTO_PYTHON_DIR is not set")
        sys.path.insert(0, proto_dir)
        try:
            from ctind.v1 import report_pb2  # pylint: disable=import-outside-toplevel
        except ImportError as e:
            self.skipTest(f"generated protos not importable: {e}")
        results = self.compute(b"2025-12-31")
        data = ctypes.POINTER(ctypes.c_char)()
        size = ctypes.c_size_t()
        call(LIB.ctind_results_serialize, results.ptr, CTIND_FORMAT_BINARY,
             ctypes.byref(data), ctypes.byref(size))
        try:
            payload = ctypes.string_at(data, size.value)
        finally:
            LIB.ctind_free(data)
        report = report_pb2.Report.FromString(payload)
        self.assertEqual(report.as_of, "2025-12-31")
        self.assertEqual([i.indicator_id for i in report.indicators], ["PROT-01"])
        lop = [c for c in report.indicators[0].cells
               if c.scope == SCOPE_LIFE_OF_PROJECT and not c.breakdown]
        self.assertEqual(len(lop), 1)
        self.assertTrue(lop[0].HasField("value"))
        self.assertEqual(lop[0].value, 8)

    def test_bad_framework(self):
        with self.assertRaises(CtindError) as raised:
            self.keep(load_framework(BAD_FRAMEWORK, b"bad.textproto"))
        error = raised.exception
        self.assertEqual(error.code, CTIND_INVALID_ARGUMENT)
        self.assertIn("bad.textproto:3:9", error.message)
        self.assertGreaterEqual(len(error.diagnostics), 1)
        self.assertEqual(error.diagnostics[0]["file"], "bad.textproto")
        self.assertEqual((error.diagnostics[0]["line"], error.diagnostics[0]["column"]),
                         (3, 9))

    def test_bad_csv(self):
        schema = self.keep(load_schema(SCHEMA))
        dataset = self.keep(Handle(LIB.ctind_dataset_destroy))
        self.assertEqual(LIB.ctind_dataset_create(schema.ptr, ctypes.byref(dataset.ptr)),
                         CTIND_OK)
        csv = b"person_id,prs_Gender,identified_on\nP1,Female,2025-01-15\nP2,Male\n"
        with self.assertRaises(CtindError) as raised:
            call(LIB.ctind_dataset_load_csv, dataset.ptr, b"victims", 7, csv, len(csv),
                 b"cols.csv", 8, None)
        self.assertEqual(raised.exception.code, CTIND_INVALID_ARGUMENT)
        self.assertIn("cols.csv:3:", raised.exception.message)

    def test_null_arguments(self):
        error = ctypes.c_void_p()
        out = ctypes.c_void_p()
        status = LIB.ctind_schema_load(None, 5, CTIND_FORMAT_TEXT, None, 0,
                                       ctypes.byref(out), ctypes.byref(error))
        self.assertEqual(status, CTIND_INVALID_ARGUMENT)
        self.assertFalse(out.value)
        with self.assertRaises(CtindError):
            raise_for(status, error)


if __name__ == "__main__":
    unittest.main(verbosity=2)
