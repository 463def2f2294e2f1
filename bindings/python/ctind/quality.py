# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""Data-quality checks of a dataset (docs/data-quality.md)."""

import collections
import ctypes

from ._ffi import Handle, call, call_bytes, check, format_code
from ._library import lib
from ._options import Options
from .findings import collect_findings, findings_frame

TableCompleteness = collections.namedtuple("TableCompleteness", ["table", "loaded", "rows"])


class Quality(Handle):
    """The findings and completeness of one check. Findings carry counts
    and shares, never record keys unless the data owner asked for them."""

    _destroy_name = "ctind_quality_destroy"

    def __init__(self):
        raise TypeError("use ctind.check_quality")

    @property
    def findings(self):
        """The findings (Finding), in the order of docs/data-quality.md."""
        return collect_findings(lib.ctind_quality_finding_count, lib.ctind_quality_get_finding,
                                self._handle)

    def findings_frame(self):
        return findings_frame(self.findings)

    @property
    def tables(self):
        """Per schema table, in schema order: TableCompleteness(table,
        loaded, rows)."""
        count = ctypes.c_size_t()
        check(lib.ctind_quality_table_count(self._handle, ctypes.byref(count)),
              "ctind_quality_table_count")
        tables = []
        for t in range(count.value):
            name, size = ctypes.c_char_p(), ctypes.c_size_t()
            loaded, rows = ctypes.c_bool(), ctypes.c_int64()
            check(lib.ctind_quality_table(self._handle, t, ctypes.byref(name), ctypes.byref(size),
                                          ctypes.byref(loaded), ctypes.byref(rows)),
                  "ctind_quality_table")
            tables.append(TableCompleteness(ctypes.string_at(name, size.value).decode(),
                                            loaded.value, rows.value))
        return tables

    def completeness(self):
        """A pandas DataFrame, one row per field of every table: table,
        field, required, present, missing, invalid (the last three add up
        to the table's rows)."""
        import pandas as pd  # pylint: disable=import-outside-toplevel
        rows = []
        for t, table in enumerate(self.tables):
            count = ctypes.c_size_t()
            check(lib.ctind_quality_field_count(self._handle, t, ctypes.byref(count)),
                  "ctind_quality_field_count")
            for f in range(count.value):
                name, size = ctypes.c_char_p(), ctypes.c_size_t()
                required = ctypes.c_bool()
                present, missing, invalid = ctypes.c_int64(), ctypes.c_int64(), ctypes.c_int64()
                check(lib.ctind_quality_field(self._handle, t, f, ctypes.byref(name),
                                              ctypes.byref(size), ctypes.byref(required),
                                              ctypes.byref(present), ctypes.byref(missing),
                                              ctypes.byref(invalid)), "ctind_quality_field")
                rows.append((table.table, ctypes.string_at(name, size.value).decode(),
                             required.value, present.value, missing.value, invalid.value))
        return pd.DataFrame(rows, columns=["table", "field", "required", "present", "missing",
                                           "invalid"])

    def to_json(self):
        return call_bytes(lib.ctind_quality_to_json, self._handle).decode("utf-8")

    def to_csv(self):
        return call_bytes(lib.ctind_quality_to_csv, self._handle).decode("utf-8")

    def to_table(self):
        return call_bytes(lib.ctind_quality_to_table, self._handle).decode("utf-8")

    def serialize(self, format="binary"):  # pylint: disable=redefined-builtin
        data = call_bytes(lib.ctind_quality_serialize, self._handle, format_code(format))
        return data if format == "binary" else data.decode("utf-8")


def check_quality(dataset, framework=None, *, as_of=None, with_record_keys=False,
                  max_record_keys=None):
    """Checks `dataset`; with `framework` also its quality rules and the
    records each indicator leaves out. `with_record_keys=True` fills each
    finding's record_keys (at most `max_record_keys`, default 100): keys
    identify persons, for the data owner's own follow-up only."""
    with Options(as_of=as_of, with_record_keys=with_record_keys or None,
                 max_record_keys=max_record_keys) as options:
        out = ctypes.c_void_p()
        call(lib.ctind_quality_check, dataset._handle,
             framework._handle if framework is not None else None, options._handle,
             ctypes.byref(out))
    quality = Quality.__new__(Quality)
    Handle.__init__(quality)
    quality._adopt(out)
    quality.dataset = dataset
    return quality
