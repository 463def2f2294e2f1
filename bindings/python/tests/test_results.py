# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""Results: metadata, the cell getters (C API) against the report message
(parsed with the generated classes), plans reused over datasets, and the
findings results carry."""

import datetime
import json

import numpy as np
import pandas as pd
import pytest

import ctind
from ctind.v1 import report_pb2
from conftest import GOLDEN, assert_cells_match_the_message

AS_OF = "2026-06-30"
CSV = "examples/quickstart/identifications.csv"


@pytest.fixture
def results(in_repo, quickstart_schema, quickstart_framework):  # pylint: disable=unused-argument
    with ctind.Dataset.from_csv(quickstart_schema, {"identifications": CSV}) as dataset:
        yield ctind.compute(quickstart_framework, dataset, as_of=AS_OF)


def test_metadata(results):
    assert results.project_id == "CT-QUICKSTART"
    assert results.as_of == AS_OF
    assert results.protection == "RAW"
    assert not results.is_assessed and results.margin_points is None
    assert len(results) == 1
    assert results.indicator_title("PROT-01") == \
        "Number of persons identified as victims of trafficking"
    assert results.indicator_unit(0) == "persons"
    first, last = results.periods("PROT-01")[0], results.periods("PROT-01")[-1]
    assert first == ("2025Q1", "QUARTERLY", "2025-01-01", "2025-04-01", False)
    # The as-of date 2026-06-30 is 2026Q2's last day, but the project runs
    # to 2026-12-31: the life of project is cut, partial.
    assert last == ("LOP", "", "2025-01-01", "2026-07-01", True)
    with pytest.raises(KeyError):
        results.cells("NOPE")
    with pytest.raises(IndexError):
        results.cells(1)
    with pytest.raises(KeyError):
        results.cell("PROT-01", "2031Q1")
    assert "RAW CT-QUICKSTART" in repr(results)


def test_cells_match_the_message(results):
    assert_cells_match_the_message(results)


def test_cells_of_a_publication_match_the_message(results):
    with ctind.publish(results) as report:
        assert_cells_match_the_message(report.results)  # assessed: targets, % achieved
        assert_cells_match_the_message(report.raw_with_reasons)
        assert report.to_proto().protection == report_pb2.PUBLISHED
        assert report.to_table().startswith("Published results")


def test_findings_of_the_results(results):
    # The findings the golden report carries, field by field.
    golden = json.loads((GOLDEN / "quickstart.json").read_text(encoding="utf-8"))["findings"]
    findings = results.findings
    assert len(findings) == len(golden) == 3
    for finding, expected in zip(findings, golden):
        assert finding.rule == expected["rule"]
        assert finding.severity == expected["severity"]
        assert finding.message == expected["message"]
        assert finding.count == int(expected["count"])
        assert finding.file == expected.get("file", "")
        assert finding.line == int(expected.get("line", 0))
        assert finding.column == int(expected.get("column", 0))
        assert finding.indicator_id == expected.get("indicator_id", "")
    assert list(results.findings_frame()["rule"]) == [f["rule"] for f in golden]


def test_plan_is_reused_over_datasets(in_repo, quickstart_schema, quickstart_framework, results):  # pylint: disable=unused-argument
    plan = ctind.Plan(quickstart_framework, quickstart_schema)
    with ctind.Dataset.from_csv(quickstart_schema, {"identifications": CSV}) as first, \
            ctind.Dataset(quickstart_schema) as empty:
        assert plan.compute(first, as_of=AS_OF).to_csv() == results.to_csv()
        nobody = plan.compute(empty, as_of=AS_OF)
        # No records: every count is 0 (present), never missing.
        assert {c.value for c in nobody.cells("PROT-01")} == {0}
        assert plan.compute(first, as_of=AS_OF).to_csv() == results.to_csv()
    # A dataset of another schema (the catalog's) is refused.
    with ctind.Dataset(ctind.catalog.schema()) as foreign, \
            pytest.raises(ctind.InvalidArgumentError, match="another schema"):
        plan.compute(foreign, as_of=AS_OF)


def test_as_of_dates(in_repo, quickstart_schema, quickstart_framework):  # pylint: disable=unused-argument
    with ctind.Dataset.from_csv(quickstart_schema, {"identifications": CSV}) as dataset:
        for as_of in (datetime.date(2025, 9, 30), pd.Timestamp("2025-09-30 18:00"),
                      np.datetime64("2025-09-30"), "2025-09-30"):
            assert ctind.compute(quickstart_framework, dataset, as_of=as_of).as_of == "2025-09-30"
        with pytest.raises(ctind.InvalidArgumentError):
            ctind.compute(quickstart_framework, dataset, as_of="2025-02-30")
        with pytest.raises(ctind.InvalidArgumentError):  # before the project starts
            ctind.compute(quickstart_framework, dataset, as_of="2024-06-30")

