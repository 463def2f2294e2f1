# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""Schema and Framework: loading in every format, validation, round trips
through the generated protobuf classes, and errors with diagnostics."""

import json

import pytest

import ctind
from ctind.v1 import framework_pb2, schema_pb2
from conftest import QUICKSTART, REPO

BAD = REPO / "tests" / "cli" / "bad"


def test_load_and_validate(quickstart_schema, quickstart_framework):
    assert quickstart_framework.validate(quickstart_schema) is None
    message = quickstart_framework.to_proto()
    assert message.project.id == "CT-QUICKSTART"
    assert [i.id for i in message.indicators] == ["PROT-01"]
    assert quickstart_schema.to_proto().tables[0].name == "identifications"


@pytest.mark.parametrize("fmt", ["text", "json", "binary"])
def test_serialize_round_trip(quickstart_framework, fmt):
    data = quickstart_framework.serialize(fmt)
    assert isinstance(data, bytes if fmt == "binary" else str)
    again = ctind.Framework.from_text(data, format=fmt)
    assert again.to_proto() == quickstart_framework.to_proto()
    if fmt == "json":
        assert json.loads(data)["project"]["id"] == "CT-QUICKSTART"


def test_schema_round_trip(quickstart_schema):
    again = ctind.Schema.from_text(quickstart_schema.serialize("json"), format="json")
    assert again.to_proto() == quickstart_schema.to_proto()


def test_load_by_extension(tmp_path, quickstart_framework):
    path = tmp_path / "framework.json"
    path.write_text(quickstart_framework.serialize("json"), encoding="utf-8")
    assert ctind.Framework.load(path).to_proto().project.id == "CT-QUICKSTART"
    binary = tmp_path / "framework.binpb"
    binary.write_bytes(quickstart_framework.serialize("binary"))
    assert ctind.Framework.load(str(binary)).to_proto() == quickstart_framework.to_proto()


def test_from_proto_built_in_code(quickstart_schema):
    # A framework written as a message, not a file.
    message = framework_pb2.Framework()
    message.schema_id = "quickstart"
    message.project.id = "CT-CODE"
    message.project.title = "Built in code"
    message.project.start_date = "2025-01-01"
    message.project.end_date = "2025-12-31"
    indicator = message.indicators.add()
    indicator.id = "I1"
    indicator.title = "Identifications"
    indicator.measure.value.table = "identifications"
    indicator.measure.value.count = True
    indicator.period.by = "identified_on"
    indicator.period.every = framework_pb2.QUARTERLY
    framework = ctind.Framework.from_proto(message)
    framework.validate(quickstart_schema)
    assert framework.to_proto() == message

    schema = ctind.Schema.from_proto(quickstart_schema.to_proto())
    framework.validate(schema)


def test_from_proto_checks_the_message_type(quickstart_schema):
    with pytest.raises(TypeError, match="ctind.v1.Framework"):
        ctind.Framework.from_proto(quickstart_schema.to_proto())
    with pytest.raises(TypeError):
        ctind.Schema.from_proto("id: 'x'")


def test_invalid_message_built_in_code():
    message = framework_pb2.Framework()
    message.project.id = "P"
    message.project.title = "t"
    message.project.start_date = "2025-12-31"
    message.project.end_date = "2025-01-01"  # before the start
    with pytest.raises(ctind.InvalidArgumentError) as raised:
        ctind.Framework.from_proto(message, file_name="in-code")
    assert any("project" in d.path for d in raised.value.diagnostics)


def test_malformed_text_has_line_and_column():
    with pytest.raises(ctind.InvalidArgumentError) as raised:
        ctind.Framework.load(BAD / "malformed.textproto")
    error = raised.value
    assert "malformed.textproto:4:14: Expected \":\"" in str(error)
    diagnostic = error.diagnostics[0]
    assert diagnostic.file.endswith("malformed.textproto")
    assert (diagnostic.line, diagnostic.column) == (4, 14)
    assert str(diagnostic).startswith(f"{diagnostic.file}:4:14: ")


def test_dangling_reference_has_its_field_path():
    with pytest.raises(ctind.InvalidArgumentError) as raised:
        ctind.Framework.load(BAD / "dangling.textproto")
    diagnostic = raised.value.diagnostics[0]
    assert diagnostic.path == "indicators[0].result"
    assert "unknown result 'O9'" in diagnostic.message
    assert (diagnostic.line, diagnostic.column) == (6, 3)


def test_validate_against_schema_suggests_the_field(quickstart_schema):
    framework = ctind.Framework.load(BAD / "wrong_field.textproto")  # valid on its own
    with pytest.raises(ctind.InvalidArgumentError) as raised:
        framework.validate(quickstart_schema)
    diagnostic = raised.value.diagnostics[0]
    assert (diagnostic.line, diagnostic.column) == (7, 17)
    assert diagnostic.path == "indicators[0].period.by"
    assert "did you mean 'identified_on'?" in diagnostic.message


def test_errors_of_arguments():
    with pytest.raises(ctind.NotFoundError):
        ctind.Framework.load(REPO / "no-such-file.textproto")
    with pytest.raises(ctind.InvalidArgumentError):
        ctind.Schema.load(QUICKSTART / "identifications.csv")  # no known extension
    with pytest.raises(ValueError, match="format must be"):
        ctind.Framework.from_text("", format="yaml")
    with pytest.raises(TypeError):
        ctind.Framework.from_text(42)
    with pytest.raises(TypeError):
        ctind.Framework()  # only the factories make one


def test_schema_message_class():
    text = 'id: "s" tables { name: "t" fields { name: "f" type: STRING } }'
    expected = schema_pb2.Schema(id="s")
    table = expected.tables.add(name="t")
    table.fields.add(name="f", type=schema_pb2.STRING)
    assert ctind.Schema.from_text(text).to_proto() == expected
