# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""Data-quality findings (docs/data-quality.md), copied out of libctind."""

import ctypes
import dataclasses

from ._ffi import borrowed, check
from ._library import lib

SEVERITIES = {0: "UNSPECIFIED", 1: "INFO", 2: "WARNING", 3: "ERROR"}


@dataclasses.dataclass(frozen=True)
class Finding:
    """One finding: what is wrong (`rule`, `message`), where (`table`,
    `field`, `indicator_id`, and the first occurrence's `file`, `line`,
    `column`, 0 when unknown), how many records (`count`) and what share of
    the table (`share`, None when unknown). `record_keys` is empty unless
    the data owner asked a quality check for them."""

    rule: str
    severity: str
    message: str
    table: str = ""
    field: str = ""
    indicator_id: str = ""
    count: int = 0
    share: float = None
    file: str = ""
    line: int = 0
    column: int = 0
    record_keys: tuple = ()

    def __str__(self):
        where = f"{self.table}: " if self.table else ""
        return f"[{self.rule}] {where}{self.message}"


def finding_from_pointer(pointer):
    """A Finding copied from a borrowed `const ctind_finding*`."""
    share = ctypes.c_double()
    has_share = lib.ctind_finding_share(pointer, ctypes.byref(share))
    keys = tuple(borrowed(lib.ctind_finding_record_key, pointer, i)
                 for i in range(lib.ctind_finding_record_key_count(pointer)))
    return Finding(rule=borrowed(lib.ctind_finding_rule, pointer),
                   severity=SEVERITIES.get(lib.ctind_finding_severity(pointer), "UNSPECIFIED"),
                   message=borrowed(lib.ctind_finding_message, pointer),
                   table=borrowed(lib.ctind_finding_table, pointer),
                   field=borrowed(lib.ctind_finding_field, pointer),
                   indicator_id=borrowed(lib.ctind_finding_indicator_id, pointer),
                   count=lib.ctind_finding_count(pointer),
                   share=share.value if has_share else None,
                   file=borrowed(lib.ctind_finding_file, pointer),
                   line=lib.ctind_finding_line(pointer),
                   column=lib.ctind_finding_column(pointer),
                   record_keys=keys)


def collect_findings(count_function, get_function, handle):
    """Every finding of `handle` through its count / get pair."""
    count = ctypes.c_size_t()
    check(count_function(handle, ctypes.byref(count)), count_function.__name__)
    findings = []
    for i in range(count.value):
        pointer = ctypes.c_void_p()
        check(get_function(handle, i, ctypes.byref(pointer)), get_function.__name__)
        findings.append(finding_from_pointer(pointer))
    return findings


def findings_frame(findings):
    """The findings as a pandas DataFrame, one row each."""
    import pandas as pd  # pylint: disable=import-outside-toplevel
    columns = [f.name for f in dataclasses.fields(Finding)]
    return pd.DataFrame([dataclasses.astuple(f) for f in findings], columns=columns)
