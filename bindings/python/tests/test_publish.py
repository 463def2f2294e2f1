# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""publish(): raw results for the data owner, protected publications for
others, and the renderers of a publication (JSON, CSV, IPTT, IATI, DHIS2,
HTML). One quarter, one small cell, worked out by hand."""

import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pandas as pd
import pytest

import ctind
from ctind.v1 import report_pb2

SCHEMA = """
id: "pub"
code_lists { id: "gender" codes { value: "Female" } codes { value: "Male" } codes { value: "Other" } }
tables {
  name: "victims" key: "person_id" person: "person_id"
  fields { name: "person_id" type: STRING role: IDENTIFIER required: true }
  fields { name: "prs_Gender" type: CATEGORY code_list: "gender" }
  fields { name: "identified_on" type: DATE required: true }
}
"""

# A one-quarter project with what IATI asks for.
FRAMEWORK = """
project {
  id: "CT-PUB" title: "Publication test" description: "A test project."
  start_date: "2025-01-01" end_date: "2025-03-31"
  iati_identifier: "XM-EXAMPLE-1-CT-PUB"
  reporting_org { ref: "XM-EXAMPLE-1" type: "21" name: "Example Alliance" }
  participating_orgs { ref: "XM-EXAMPLE-1" type: "21" name: "Example Alliance" role: "4" }
  recipient_countries: "NA" currency: "USD" default_language: "en" activity_status: "2"
}
results { id: "G1" code: "1" title: "Victims protected" level: GOAL pillar: PROTECTION }
indicators {
  id: "PROT-01" code: "1.a" title: "Victims identified" result: "G1" unit: "persons"
  level: OUTPUT_INDICATOR
  measure { value { table: "victims" count_distinct: "person_id" } }
  period { by: "identified_on" every: QUARTERLY }
  disaggregate_by { dimensions: "prs_Gender" }
  direction: INCREASE
  baseline { value: 5 date: "2024-12-31" }
  targets { period: "2025Q1" value: 10 }
}
"""

DHIS2_MAPPING = """
id: "test" id_scheme: DHIS2_CODE org_unit: "OU_NA"
indicators {
  indicator: "PROT-01" data_element: "DE_PROT01"
  cells { }
  cells { cell { dimension: "prs_Gender" value: "Female" } category_option_combo: "F" }
  cells { cell { dimension: "prs_Gender" value: "Male" } category_option_combo: "M" }
}
"""

# Twelve women and two men identified in 2025Q1, no one else. By hand:
# total 14, Female 12, Male 2, Other 0; the life of project is the quarter.
# With k = 5 the 2 men are a small cell (1..4); 0 is published.
ROWS = {"person_id": [f"F{i}" for i in range(12)] + ["M1", "M2"],
        "prs_Gender": ["Female"] * 12 + ["Male"] * 2,
        "identified_on": ["2025-02-01"] * 14}


@pytest.fixture(scope="module")
def framework():
    return ctind.Framework.from_text(FRAMEWORK, file_name="pub.textproto")


@pytest.fixture(scope="module")
def raw(framework):
    schema = ctind.Schema.from_text(SCHEMA)
    dataset = ctind.Dataset(schema, {"victims": ROWS})
    return ctind.compute(framework, dataset, as_of="2025-03-31")


def by_gender(results, period="2025Q1", scope="period"):
    """{gender or None: (status, value)} of one period's cells."""
    return {c.coordinates.get("prs_Gender"): (c.status, c.value)
            for c in results.cells("PROT-01") if c.period == period and c.scope == scope}


def test_raw_results_are_for_the_data_owner(raw):
    assert raw.protection == "RAW"
    assert by_gender(raw) == {None: ("present", 14), "Female": ("present", 12),
                              "Male": ("present", 2), "Other": ("present", 0)}


def test_publish_suppresses_the_small_count(raw):
    with ctind.publish(raw) as report:
        assert report.protection == "PUBLISHED"
        for period, scope in (("2025Q1", "period"), ("LOP", "life_of_project")):
            cells = by_gender(report.results, period, scope)
            assert cells["Male"] == ("suppressed", None)
            assert cells["Other"] == ("present", 0)  # zero is published
            # Male = total - Female - Other: one of total and Female must be
            # withheld too, or the 2 could be worked out.
            assert "suppressed" in (cells[None][0], cells["Female"][0])
            # Nothing published is changed (no rounding asked for).
            for gender, (status, value) in cells.items():
                if status == "present":
                    assert value == {None: 14, "Female": 12, "Other": 0}[gender]
        frame = report.to_pandas()
        male = frame[frame["prs_Gender"] == "Male"]
        assert list(male["status"]) == ["suppressed", "suppressed"]
        assert male["value"].isna().all() and male["units"].isna().all()
        assert all("suppressed" in flags for flags in male["flags"])
        # The JSON has no value, numerator or units for those cells.
        document = json.loads(report.to_json())
        assert document["protection"] == "PUBLISHED"
        for cell in document["indicators"][0]["cells"]:
            if cell["status"] == "SUPPRESSED":
                assert not {"value", "numerator", "units"} & cell.keys()
        assert ",suppressed," in report.to_csv()


def test_reasons_stay_with_the_data_owner(raw):
    with ctind.publish(raw) as report:
        reasons = report.raw_with_reasons
        assert reasons.protection == "RAW"
        cells = {c.coordinates.get("prs_Gender"): c for c in reasons.cells("PROT-01")
                 if c.period == "2025Q1"}
        assert cells["Male"].suppression_reason == "primary"
        assert cells["Male"].value == 2  # raw values, with their reasons
        assert cells["Other"].suppression_reason == "not_suppressed"
        withheld = [g for g in (None, "Female") if
                    cells[g].suppression_reason in ("complementary", "derived")]
        assert withheld
        # The publication itself says only "suppressed", never why.
        for cell in report.results.cells("PROT-01"):
            assert cell.suppression_reason is None
        assert "suppression_reason" not in report.to_pandas().columns


@pytest.mark.parametrize("k,male_suppressed", [(1, False), (2, False), (3, True), (5, True)])
def test_min_cell_size(raw, k, male_suppressed):
    # 2 men: suppressed when 1 <= 2 <= k - 1, i.e. from k = 3.
    with ctind.publish(raw, min_cell_size=k) as report:
        status, value = by_gender(report.results)["Male"]
        assert (status == "suppressed") == male_suppressed
        if not male_suppressed:
            assert value == 2


def test_bad_min_cell_size(raw):
    with pytest.raises(ctind.InvalidArgumentError):
        ctind.publish(raw, min_cell_size=-1)
    with pytest.raises(TypeError):
        ctind.publish(raw, min_cell_size="5")


def test_base5_rounding(raw):
    # No suppression (k = 1), counts rounded to the nearest multiple of 5:
    # 14 -> 15, 12 -> 10, 2 -> 0, 0 -> 0.
    with ctind.publish(raw, min_cell_size=1, rounding="base5") as report:
        cells = by_gender(report.results)
        assert cells == {None: ("present", 15), "Female": ("present", 10),
                         "Male": ("present", 0), "Other": ("present", 0)}
        assert "rounded" in report.results.cell("PROT-01", "2025Q1").flags


def test_random_rounding_needs_a_key(raw):
    with pytest.raises(ctind.InvalidArgumentError):
        ctind.publish(raw, min_cell_size=1, rounding="random3")
    with pytest.raises(ctind.InvalidArgumentError):
        ctind.publish(raw, min_cell_size=1, rounding="random3", key="too short")
    with pytest.raises(ValueError, match="rounding"):
        ctind.publish(raw, rounding="base7")
    key = b"0123456789abcdef-secret"
    first = ctind.publish(raw, min_cell_size=1, rounding="random3", key=key)
    again = ctind.publish(raw, min_cell_size=1, rounding="random3", key=key)
    values = by_gender(first.results)
    assert values == by_gender(again.results)  # keyed: the same every time
    for status, value in values.values():
        assert status == "present" and value % 3 == 0
    # Unbiased rounding to base 3 moves a count to one of its two nearest
    # multiples of 3: 14 -> 12 or 15, 12 -> 12, 2 -> 0 or 3, 0 -> 0.
    assert values[None][1] in (12, 15) and values["Female"][1] == 12
    assert values["Male"][1] in (0, 3) and values["Other"][1] == 0


def test_protection_disabled_for_internal_use(raw):
    with ctind.publish(raw, disable_protection_for_internal_use=True) as report:
        assert report.protection == "RAW"
        assert by_gender(report.results)["Male"] == ("present", 2)


def test_only_raw_results_are_published(raw):
    with ctind.publish(raw) as report:
        with pytest.raises(ValueError, match="raw results"):
            ctind.publish(report.results)


def test_assessment_of_the_publication(raw):
    # Q1 target 10, direction INCREASE: 14 / 10 = 140 % achieved, more than
    # 15 points above 100: ahead. With a margin of 50 points: on track.
    with ctind.publish(raw) as report:
        total = report.cell("PROT-01", "2025Q1")
        assert report.results.is_assessed and report.results.margin_points == 15
        if total.status == "present":
            assert (total.target, total.percent_achieved, total.assessment) == (10, 140, "ahead")
        else:  # a suppressed value is never assessed
            assert (total.percent_achieved, total.assessment) == (None, "not_assessed")
        female = report.cell("PROT-01", "2025Q1", prs_Gender="Female")
        if female.status == "suppressed":
            assert female.percent_achieved is None
    with ctind.publish(raw, margin_points=50) as report:
        total = report.cell("PROT-01", "2025Q1")
        if total.status == "present":
            assert total.assessment == "on_track"
    with pytest.raises(ctind.InvalidArgumentError):
        ctind.publish(raw, margin_points=-1)


def test_assess_raw_results_for_the_owner(framework, raw):
    assessed = ctind.assess(framework, raw)
    assert assessed.protection == "RAW" and assessed.is_assessed
    total = assessed.cell("PROT-01", "2025Q1")
    assert (total.value, total.target, total.percent_achieved) == (14, 10, 140)
    with ctind.Iptt(framework, assessed) as iptt:
        assert iptt.to_proto().protection == report_pb2.RAW
    assert ctind.add_reported_actuals(framework, raw).to_csv() == raw.to_csv()  # none reported


def test_iptt(raw):
    with ctind.publish(raw) as report:
        rows = pd.read_csv(pd.io.common.StringIO(report.iptt_csv()), dtype=str,
                           keep_default_na=False)
        q1 = rows[rows["period"] == "2025Q1"].iloc[0]
        assert (q1["indicator_id"], q1["target"], q1["baseline"]) == ("PROT-01", "10", "5")
        total = report.cell("PROT-01", "2025Q1")
        assert q1["actual"] == ("14" if total.status == "present" else "")
        message = report.iptt().to_proto()
        assert message.project_id == "CT-PUB"
        assert message.groups[0].indicators[0].indicator_id == "PROT-01"


def test_iati_xml(raw):
    with ctind.publish(raw) as report:
        document = report.iati_xml(generated_datetime="2025-04-02T10:00:00Z")
        root = ET.fromstring(document)
        assert root.tag == "iati-activities" and root.get("version") == "2.03"
        assert root.get("generated-datetime") == "2025-04-02T10:00:00Z"
        assert root.findtext("iati-activity/iati-identifier") == "XM-EXAMPLE-1-CT-PUB"
        period = root.find("iati-activity/result/indicator/period")
        assert period.find("target").get("value") == "10"
        for actual in period.findall("actual"):
            dimension = actual.find("dimension")
            gender = dimension.get("value") if dimension is not None else None
            status, value = by_gender(report.results)[gender]
            if status == "suppressed":  # withheld, with a comment saying so
                assert actual.get("value") is None and actual.find("comment") is not None
            else:
                assert float(actual.get("value")) == value
        xsd = "/work/shared/reference/iati/iati-activities-schema.xsd"
        if shutil.which("xmllint") and os.path.exists(xsd):
            subprocess.run(["xmllint", "--noout", "--nonet", "--schema", xsd, "-"],
                           input=document.encode(), check=True, capture_output=True)


def test_iati_names_what_the_project_lacks(quickstart_schema, quickstart_framework):
    with ctind.Dataset(quickstart_schema) as dataset:
        raw = ctind.compute(quickstart_framework, dataset, as_of="2025-12-31")
        with ctind.publish(raw) as report, pytest.raises(ctind.InvalidArgumentError) as raised:
            report.iati_xml()
    paths = {d.path for d in raised.value.diagnostics}
    assert {"project.iati_identifier", "project.reporting_org.ref"} <= paths


def test_dhis2(raw, tmp_path):
    with ctind.publish(raw) as report:
        document = report.dhis2(ctind.Dhis2Mapping(DHIS2_MAPPING))
        values = json.loads(document)["dataValues"]
        by_combo = {v.get("categoryOptionCombo"): v for v in values}
        assert set(by_combo) == {None, "F", "M"}
        assert all(v["period"] == "2025Q1" and v["orgUnit"] == "OU_NA" for v in values)
        # The 2 men are withheld (an empty value with a comment), never sent.
        assert by_combo["M"]["value"] == "" and "withheld" in by_combo["M"]["comment"]
        for combo, gender in ((None, None), ("F", "Female")):
            status, value = by_gender(report.results)[gender]
            assert by_combo[combo]["value"] == ("" if status == "suppressed" else str(int(value)))
        # The Other cell is not mapped: the notes say so.
        assert any("Other" in note for note in document.notes)
        path = tmp_path / "dhis2.textproto"
        path.write_text(DHIS2_MAPPING, encoding="utf-8")
        assert report.dhis2(path) == document
    with pytest.raises(ctind.InvalidArgumentError):
        ctind.Dhis2Mapping('indicators { indicator: "" }')


def test_html(raw):
    with ctind.publish(raw) as report:
        page = report.html(title="Quarterly report")
        assert page.startswith("<!DOCTYPE html>")
        assert "Quarterly report" in page and "Victims identified" in page
        assert "<script" not in page  # self-contained, no script
        assert report.html(quality=False) != page
        quality = ctind.check_quality(report.dataset, report.framework)
        assert report.html(quality=quality, title="Quarterly report") == page
