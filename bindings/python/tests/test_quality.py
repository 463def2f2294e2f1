# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""check_quality(): completeness, findings and record keys of the
quickstart records, against tests/cli/quality/'s goldens and by hand."""

import pytest

import ctind
from conftest import REPO, read_text, assert_same_text

QUALITY = REPO / "tests" / "cli" / "quality"
CSV = "examples/quickstart/identifications.csv"


@pytest.fixture
def dataset(in_repo, quickstart_schema):  # pylint: disable=unused-argument
    with ctind.Dataset.from_csv(quickstart_schema, {"identifications": CSV}) as loaded:
        yield loaded


@pytest.mark.parametrize("render,golden", [("to_json", "quickstart.json"),
                                           ("to_csv", "quickstart.csv"),
                                           ("to_table", "quickstart.table")])
def test_renderings_equal_the_cli_goldens(dataset, quickstart_framework, render, golden):
    with ctind.check_quality(dataset, quickstart_framework, as_of="2026-06-30") as quality:
        assert_same_text(getattr(quality, render)(), read_text(QUALITY / golden), golden)


def test_completeness_and_findings(dataset, quickstart_framework):
    # The dirty quickstart records (as tests/cli/CMakeLists.txt counts
    # them): 4 empty and 1 invalid gender, 1 empty and 1 invalid date, so 2
    # records in no period of PROT-01; 260 records in all.
    with ctind.check_quality(dataset, quickstart_framework, as_of="2026-06-30") as quality:
        assert quality.tables == [("identifications", True, 260)]
        fields = quality.completeness().set_index("field")
        assert tuple(fields.loc["prs_Gender", ["present", "missing", "invalid"]]) == (255, 4, 1)
        assert tuple(fields.loc["identified_on", ["present", "missing", "invalid"]]) == (258, 1, 1)
        assert bool(fields.loc["identified_on", "required"])
        rules = [(f.rule, f.field or f.indicator_id, f.count) for f in quality.findings]
        assert ("missing_value", "prs_Gender", 4) in rules
        assert ("invalid_value", "prs_Gender", 1) in rules
        assert ("no_placing_date", "PROT-01", 2) in rules
        invalid = next(f for f in quality.findings if f.rule == "invalid_value")
        assert (invalid.file, invalid.line, invalid.column) == (CSV, 44, 14)
        assert all(f.record_keys == () for f in quality.findings)  # no keys unless asked
        assert list(quality.findings_frame()["rule"]) == [f.rule for f in quality.findings]


def test_record_keys_only_on_request(dataset, quickstart_framework):
    # The empty date's record is R00100 and the invalid one's R00018: PROT-01
    # leaves out R00018 and R00100 (row order).
    with ctind.check_quality(dataset, quickstart_framework, as_of="2026-06-30",
                             with_record_keys=True) as quality:
        placing = next(f for f in quality.findings if f.rule == "no_placing_date")
        assert placing.record_keys == ("R00018", "R00100")
    with ctind.check_quality(dataset, quickstart_framework, as_of="2026-06-30",
                             with_record_keys=True, max_record_keys=1) as quality:
        placing = next(f for f in quality.findings if f.rule == "no_placing_date")
        assert placing.record_keys == ("R00018",)


def test_quality_rules(dataset):
    # tests/cli/quality/rules.textproto: 14 records say NonSpecifiedUnknown.
    rules = ctind.Framework.load(QUALITY / "rules.textproto")
    with ctind.check_quality(dataset, rules) as quality:
        finding = next(f for f in quality.findings if f.rule == "gender_recorded")
        assert (finding.count, finding.severity) == (14, "INFO")
        assert not [f for f in quality.findings if f.rule == "identified_in_project"]
    with pytest.raises(ctind.InvalidArgumentError) as raised:
        ctind.check_quality(dataset, ctind.Framework.load(QUALITY / "bad_rule.textproto"))
    assert raised.value.diagnostics


def test_without_framework(dataset):
    with ctind.check_quality(dataset) as quality:
        assert not [f for f in quality.findings if f.indicator_id]
        assert quality.serialize("json").startswith("{")
