# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""Handles: released once (close, with, garbage collection), never used
after release, borrowed objects keeping their parents alive."""

import gc
import weakref

import pytest

import ctind
from ctind import _ffi  # pylint: disable=protected-access
from conftest import QUICKSTART


class CountingDestroy:
    """Wraps a C destroy function, counting the handles it releases."""

    def __init__(self, monkeypatch, name):
        self.released = []
        original = getattr(ctind._lib, name)  # pylint: disable=protected-access

        def destroy(pointer):
            self.released.append(pointer.value)
            original(pointer)

        monkeypatch.setattr(ctind._lib, name, destroy)  # pylint: disable=protected-access


def load_framework():
    return ctind.Framework.load(QUICKSTART / "framework.textproto")


def test_close_releases_once(monkeypatch):
    counter = CountingDestroy(monkeypatch, "ctind_framework_destroy")
    framework = load_framework()
    address = framework._ptr.value  # pylint: disable=protected-access
    assert not framework.closed
    framework.close()
    framework.close()  # a no-op
    assert framework.closed
    assert counter.released == [address]
    del framework
    gc.collect()
    assert counter.released == [address]  # not again at garbage collection


def test_with_block_releases(monkeypatch):
    counter = CountingDestroy(monkeypatch, "ctind_schema_destroy")
    with ctind.Schema.load(QUICKSTART / "schema.textproto") as schema:
        assert not schema.closed
    assert schema.closed and len(counter.released) == 1


def test_garbage_collection_releases(monkeypatch):
    counter = CountingDestroy(monkeypatch, "ctind_framework_destroy")
    framework = load_framework()
    address = framework._ptr.value  # pylint: disable=protected-access
    del framework
    gc.collect()
    assert counter.released == [address]


def test_closed_handles_refuse_use(quickstart_schema):
    framework = load_framework()
    framework.close()
    with pytest.raises(ValueError, match="Framework is closed"):
        framework.serialize()
    with pytest.raises(ValueError, match="closed"):
        framework.validate(quickstart_schema)
    assert "closed" in repr(framework)


def test_cells_keep_their_results_alive(quickstart_schema, monkeypatch):
    counter = CountingDestroy(monkeypatch, "ctind_results_destroy")
    with ctind.Dataset.from_csv(quickstart_schema,
                                {"identifications": QUICKSTART / "identifications.csv"}) as data:
        results = ctind.compute(load_framework(), data, as_of="2026-06-30")
        cells = results.cells("PROT-01")
        watcher = weakref.ref(results)
        del results
        gc.collect()
        # The cells hold the results: still alive, still readable.
        assert watcher() is not None and counter.released == []
        assert cells[0].value == 38  # 2025Q1's total in tests/golden/quickstart.csv
        del cells
        gc.collect()
        assert watcher() is None and len(counter.released) == 1


def test_cells_of_closed_results_refuse_use(quickstart_schema):
    with ctind.Dataset(quickstart_schema) as data:
        results = ctind.compute(load_framework(), data, as_of="2025-12-31")
        cell = results.cells(0)[0]
        results.close()
        with pytest.raises(ValueError, match="closed"):
            cell.value  # pylint: disable=pointless-statement


def test_borrowed_results_keep_the_publication_alive(quickstart_schema, monkeypatch):
    counter = CountingDestroy(monkeypatch, "ctind_publication_destroy")
    with ctind.Dataset.from_csv(quickstart_schema,
                                {"identifications": QUICKSTART / "identifications.csv"}) as data:
        raw = ctind.compute(load_framework(), data, as_of="2026-06-30")
        report = ctind.publish(raw)
        reasons = report.raw_with_reasons  # borrowed from the publication
        del report
        gc.collect()
        assert counter.released == []
        assert reasons.protection == "RAW" and len(reasons.cells(0)) > 0
        reasons.close()  # closes only this view
        assert reasons.closed
        del reasons
        gc.collect()
        assert len(counter.released) == 1


def test_report_close_releases_publication_and_assessment(quickstart_schema, monkeypatch):
    publications = CountingDestroy(monkeypatch, "ctind_publication_destroy")
    with ctind.Dataset(quickstart_schema) as data:
        raw = ctind.compute(load_framework(), data, as_of="2025-12-31")
        with ctind.publish(raw) as report:
            assessed = report.results
        assert report.closed and assessed.closed
        assert len(publications.released) == 1
        with pytest.raises(ValueError, match="closed"):
            report.to_csv()


def test_dataset_keeps_its_schema_alive():
    schema = ctind.Schema.load(QUICKSTART / "schema.textproto")
    dataset = ctind.Dataset(schema)
    watcher = weakref.ref(schema)
    del schema
    gc.collect()
    assert watcher() is not None
    ctind.compute(load_framework(), dataset, as_of="2025-12-31")  # compiles against it


def test_null_handles_are_refused():
    handle = _ffi.Handle()
    with pytest.raises(ValueError, match="NULL"):
        handle._adopt(0)  # pylint: disable=protected-access
    assert handle.closed
