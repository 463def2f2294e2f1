# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""Python threads computing on shared objects. ctypes releases the GIL for
every library call, so the threads below really run in the library at the
same time; its contract (capi/ctind.h, "Threads") is that unmodified
handles — framework, schema, a loaded dataset, results, a publication —
may be used by many threads at once. Every thread must get what one
thread alone gets, byte for byte. Run under the ASan build too
(ctest -R python_bad_input_asan)."""

import concurrent.futures
import threading

import ctind
from conftest import QUICKSTART

AS_OF = "2026-06-30"
THREADS = 8
ROUNDS = 4


def _renderings(framework, dataset):
    """Everything one computation gives: raw JSON and CSV, and the
    protected publication's JSON, CSV, IPTT and HTML."""
    with ctind.compute(framework, dataset, as_of=AS_OF) as raw:
        out = [raw.to_json(), raw.to_csv()]
        with ctind.publish(raw) as report:
            out += [report.to_json(), report.to_csv(), report.iptt_csv(),
                    report.html(quality=False)]
    return out


def _run_together(function, count):
    """Runs `function(i)` for i < count in as many threads, started
    together at a barrier; returns the results in order."""
    barrier = threading.Barrier(count)

    def start(i):
        barrier.wait()
        return function(i)

    with concurrent.futures.ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(start, range(count)))


def test_threads_computing_on_one_framework_and_dataset(quickstart_schema, quickstart_framework):
    with ctind.Dataset.from_csv(quickstart_schema,
                                {"identifications": QUICKSTART / "identifications.csv"}) as dataset:
        expected = _renderings(quickstart_framework, dataset)
        assert "PROT-01" in expected[0]

        def work(_):
            return [_renderings(quickstart_framework, dataset) for _ in range(ROUNDS)]

        for rounds in _run_together(work, THREADS):
            for got in rounds:
                assert got == expected


def test_threads_reading_one_results_and_one_publication(quickstart_schema,
                                                         quickstart_framework):
    with ctind.Dataset.from_csv(quickstart_schema,
                                {"identifications": QUICKSTART / "identifications.csv"}) as dataset, \
            ctind.compute(quickstart_framework, dataset, as_of=AS_OF) as raw, \
            ctind.publish(raw) as report:
        expected_cells = [(c.period, c.breakdown, c.value, c.status) for c in raw.cells(0)]
        expected = (raw.to_json(), report.to_csv(), report.iptt_csv())

        def work(_):
            got = []
            for _ in range(ROUNDS):
                cells = [(c.period, c.breakdown, c.value, c.status) for c in raw.cells(0)]
                got.append((cells, (raw.to_json(), report.to_csv(), report.iptt_csv())))
            return got

        for rounds in _run_together(work, THREADS):
            for cells, texts in rounds:
                assert cells == expected_cells
                assert texts == expected


def test_threads_each_loading_their_own_dataset(quickstart_schema, quickstart_framework):
    # Datasets built at the same time from the same frame (a modified
    # handle is each thread's own), against one shared schema.
    import pandas as pd  # pylint: disable=import-outside-toplevel
    frame = pd.read_csv(QUICKSTART / "identifications.csv", dtype=str, keep_default_na=False)
    with ctind.Dataset(quickstart_schema, {"identifications": frame}) as dataset:
        expected = _renderings(quickstart_framework, dataset)

    def work(_):
        with ctind.Dataset(quickstart_schema, {"identifications": frame}) as own:
            return _renderings(quickstart_framework, own)

    for got in _run_together(work, THREADS):
        assert got == expected
