# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""ctind.catalog: the built-in indicators and case schema."""

import re

import pytest

import ctind
from conftest import REPO

CATALOG = REPO / "catalog"


def ids_in_files():
    """Indicator ids of catalog/indicators/*.textproto in catalog order
    (the pillars in order, each file's indicators in file order), read
    from the files themselves."""
    ids = []
    for pillar in ctind.catalog.PILLARS:
        text = (CATALOG / "indicators" / f"{pillar}.textproto").read_text(encoding="utf-8")
        ids += [(i, pillar) for i in re.findall(r'^indicators \{\n  id: "([^"]+)"', text, re.M)]
    return ids


def test_list_is_the_catalog_files():
    listed = ctind.catalog.list()
    assert [(i.id, i.pillar) for i in listed] == ids_in_files()
    first = next(i for i in listed if i.id == "PROT-01")
    assert first.title == "Victims of trafficking identified"


def test_list_by_pillar():
    protection = ctind.catalog.list("Protection")
    assert protection and {i.pillar for i in protection} == {"protection"}
    assert [i.id for i in protection] == [i for i, p in ids_in_files() if p == "protection"]
    with pytest.raises(ValueError, match="unknown pillar"):
        ctind.catalog.list("policing")


def test_show():
    text = ctind.catalog.show("PROT-01")
    assert 'id: "PROT-01"' in text
    assert '"PROT-01"' in ctind.catalog.show("PROT-01", format="json")
    message = ctind.catalog.indicator("PROT-01")
    assert message.id == "PROT-01" and message.title == "Victims of trafficking identified"
    with pytest.raises(ctind.NotFoundError, match="PROT-01"):  # names the closest id
        ctind.catalog.show("PROT-1")


def test_export_validates_against_the_case_schema():
    protection_ids = [i for i, p in ids_in_files() if p == "protection"]
    framework = ctind.catalog.export(pillars=["protection"], ids=["PREV-01"])
    message = framework.to_proto()
    # Catalog order: PREV-01 (prevention comes first), then protection.
    assert [i.id for i in message.indicators] == ["PREV-01"] + protection_ids
    assert message.project.id == "FILL-IN"
    assert message.schema_id == "htcds-case"
    framework.validate(ctind.catalog.schema())
    everything = ctind.catalog.export()
    assert len(everything.to_proto().indicators) == len(ids_in_files())
    with pytest.raises(ctind.InvalidArgumentError):
        ctind.catalog.export(pillars="policing")
    with pytest.raises(ctind.NotFoundError):
        ctind.catalog.export(ids="NOPE-99")


def test_export_text_opens_with_comments():
    text = ctind.catalog.export_text(pillars="prevention", ids="PROT-01,PROT-02")
    assert text.startswith("#")
    framework = ctind.Framework.from_text(text)
    assert [i.id for i in framework.to_proto().indicators][-2:] == ["PROT-01", "PROT-02"]


def test_case_schema():
    schema = ctind.catalog.schema()
    assert schema.to_proto().id == "htcds-case"
    text = ctind.catalog.schema_text()
    assert text == (CATALOG / "schema.textproto").read_text(encoding="utf-8")
    assert ctind.Schema.from_text(text).to_proto() == schema.to_proto()
