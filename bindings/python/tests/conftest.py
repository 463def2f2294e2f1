# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""Shared fixtures of the ctind Python tests.

The suite runs against whichever `ctind` is importable (the source tree's
with PYTHONPATH=bindings/python, or an installed copy) and the libctind it
finds (CTIND_LIBRARY in ctest). Paths are of the source tree, which holds
the examples and golden files.
"""

import os
import pathlib
import subprocess

import math

import pytest

import ctind
from ctind.v1 import report_pb2

REPO = pathlib.Path(__file__).resolve().parents[3]

# The ctest python_venv_install runs this suite against an installed copy:
# make sure that copy, not the source tree's, is the one under test.
if os.environ.get("CTIND_EXPECT_INSTALLED_IN"):
    _prefix = pathlib.Path(os.environ["CTIND_EXPECT_INSTALLED_IN"]).resolve()
    if _prefix not in pathlib.Path(ctind.__file__).resolve().parents:
        raise RuntimeError(f"ctind was imported from {ctind.__file__}, not from {_prefix}")

QUICKSTART = REPO / "examples" / "quickstart"
GOLDEN = REPO / "tests" / "golden"


FLAG_NAMES = {report_pb2.PARTIAL_PERIOD: "partial_period",
              report_pb2.NOT_YET_OBSERVABLE: "not_yet_observable",
              report_pb2.NO_DENOMINATOR: "no_denominator",
              report_pb2.SUPPRESSED_FLAG: "suppressed", report_pb2.ROUNDED: "rounded"}


def optional(message, name):
    return getattr(message, name) if message.HasField(name) else None


def assert_cells_match_the_message(results):
    """Every Cell read through the C getters equals its cell of the
    report message, field by field."""
    report = results.to_proto()
    assert results.indicator_ids == [i.indicator_id for i in report.indicators]
    for index, indicator in enumerate(report.indicators):
        cells = results.cells(index)
        assert len(cells) == len(indicator.cells)
        assert results.indicator_title(index) == indicator.title
        assert results.indicator_unit(indicator.indicator_id) == indicator.unit
        assert [p.id for p in results.periods(index)] == [p.id for p in indicator.periods]
        for cell, message in zip(cells, indicator.cells):
            assert cell.indicator_id == indicator.indicator_id
            assert cell.period == message.period
            assert cell.scope == report_pb2.Scope.Name(message.scope)[len("SCOPE_"):].lower()
            assert cell.breakdown == message.breakdown
            assert cell.coordinates == {c.dimension: c.value for c in message.coordinates}
            assert cell.status == report_pb2.ValueStatus.Name(message.status).lower()
            for name in ("value", "numerator", "denominator", "units", "not_yet_observable",
                         "target", "percent_achieved", "progress"):
                got, expected = getattr(cell, name), optional(message, name)
                both_nan = got is not None and expected is not None and math.isnan(got) \
                    and math.isnan(expected)
                assert got == expected or both_nan, name
            assert cell.flags == tuple(FLAG_NAMES[f] for f in sorted(message.flags))


def read_text(path):
    """A file's exact text (no newline translation: CRLF stays CRLF)."""
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def assert_same_text(got, expected, what="text"):
    """Asserts got == expected; on a difference, names the first differing
    line instead of letting pytest diff megabytes (which takes minutes)."""
    if got == expected:
        return
    got_lines, expected_lines = got.splitlines(True), expected.splitlines(True)
    for number, (a, b) in enumerate(zip(got_lines, expected_lines), start=1):
        if a != b:
            raise AssertionError(f"{what} differs at line {number}:\n  got      {a!r}\n"
                                 f"  expected {b!r}")
    raise AssertionError(f"{what}: {len(got_lines)} lines, expected {len(expected_lines)}")


@pytest.fixture
def in_repo(monkeypatch):
    """Runs the test in the source tree, so that relative file names in
    outputs (findings name their file) are the ones the goldens hold."""
    monkeypatch.chdir(REPO)
    return REPO


@pytest.fixture
def quickstart_schema():
    with ctind.Schema.load(QUICKSTART / "schema.textproto") as schema:
        yield schema


@pytest.fixture
def quickstart_framework():
    with ctind.Framework.load(QUICKSTART / "framework.textproto") as framework:
        yield framework


def _tool(variable, what):
    path = os.environ.get(variable)
    if not path or not os.access(path, os.X_OK):
        pytest.skip(f"set {variable} to the path of {what} (ctest does)")
    return path


@pytest.fixture(scope="session")
def ctind_cli():
    """The ctind command-line program (environment variable CTIND_CLI)."""
    return _tool("CTIND_CLI", "the ctind program")


@pytest.fixture(scope="session")
def safe_passage(tmp_path_factory):
    """The safe-passage example's synthetic caseload, generated small
    (500 persons, seed 2023) by ctind-generate, and its case schema:
    (directory of the CSV files, path of schema.textproto, table names)."""
    generate = _tool("CTIND_GENERATE", "ctind-generate")
    out = tmp_path_factory.mktemp("safe-passage")
    subprocess.run([generate, "--out", str(out / "data"), "--persons", "500", "--seed", "2023",
                    "--no-duplicate-links", "--quiet"], check=True)
    schema_path = out / "schema.textproto"
    schema_path.write_text(ctind.catalog.schema_text(), encoding="utf-8")
    tables = sorted(p.stem for p in (out / "data").glob("*.csv"))
    assert len(tables) == 12, tables
    return out / "data", schema_path, tables
