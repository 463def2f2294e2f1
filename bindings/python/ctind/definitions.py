# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""Schema and Framework: the definitions, loaded and validated by libctind."""

import ctypes

from ._ffi import Handle, call, call_bytes, format_code, path_bytes, utf8
from ._library import lib


class _Definition(Handle):
    """Shared by Schema and Framework: load, serialize, proto round trip."""

    _load_name = None
    _load_file_name = None
    _serialize_name = None
    _proto_full_name = None

    @classmethod
    def _from_pointer(cls, pointer):
        obj = cls.__new__(cls)
        Handle.__init__(obj)
        obj._adopt(pointer)
        return obj

    @classmethod
    def load(cls, path):
        """Reads and validates the file at `path`; the format follows the
        extension (.textproto / .txtpb / .pbtxt, .json, .binpb / .pb).
        Raises NotFoundError for a missing file, InvalidArgumentError (with
        diagnostics: file, line, column) for an invalid definition."""
        raw = path_bytes(path)
        out = ctypes.c_void_p()
        call(getattr(lib, cls._load_file_name), raw, len(raw), ctypes.byref(out))
        return cls._from_pointer(out)

    @classmethod
    def from_text(cls, text, format="text", file_name=""):  # pylint: disable=redefined-builtin
        """Parses and validates `text` (str or bytes) in `format` ("text",
        "json" or "binary"); `file_name` names the input in messages."""
        data = utf8(text)
        name = utf8(file_name)
        out = ctypes.c_void_p()
        call(getattr(lib, cls._load_name), data, len(data), format_code(format), name,
             len(name), ctypes.byref(out))
        return cls._from_pointer(out)

    @classmethod
    def from_proto(cls, message, file_name=""):
        """Validates a generated message (ctind.v1.framework_pb2.Framework or
        ctind.v1.schema_pb2.Schema) built in code."""
        full_name = getattr(getattr(message, "DESCRIPTOR", None), "full_name", None)
        if full_name != cls._proto_full_name:
            raise TypeError(f"{cls.__name__}.from_proto expects a {cls._proto_full_name} "
                            f"message, not {type(message).__name__}")
        return cls.from_text(message.SerializeToString(), format="binary",
                             file_name=file_name)

    def serialize(self, format="text"):  # pylint: disable=redefined-builtin
        """The definition in `format`: str for "text" and "json", bytes for
        "binary"."""
        data = call_bytes(getattr(lib, self._serialize_name), self._handle, format_code(format))
        return data if format == "binary" else data.decode("utf-8")

    def to_proto(self):
        """The definition as a generated message (needs python3-protobuf)."""
        message = self._message_class()()
        message.ParseFromString(self.serialize("binary"))
        return message


class Schema(_Definition):
    """The tables, fields and code lists of the records (schema.proto)."""

    _destroy_name = "ctind_schema_destroy"
    _load_name = "ctind_schema_load"
    _load_file_name = "ctind_schema_load_file"
    _serialize_name = "ctind_schema_serialize"
    _proto_full_name = "ctind.v1.Schema"

    def __init__(self):
        raise TypeError("use Schema.load, Schema.from_text, Schema.from_proto or "
                        "ctind.catalog.schema()")

    @staticmethod
    def _message_class():
        from .v1 import schema_pb2  # pylint: disable=import-outside-toplevel
        return schema_pb2.Schema


class Framework(_Definition):
    """A project's logframe and indicators (framework.proto)."""

    _destroy_name = "ctind_framework_destroy"
    _load_name = "ctind_framework_load"
    _load_file_name = "ctind_framework_load_file"
    _serialize_name = "ctind_framework_serialize"
    _proto_full_name = "ctind.v1.Framework"

    def __init__(self):
        raise TypeError("use Framework.load, Framework.from_text, Framework.from_proto "
                        "or ctind.catalog.export()")

    @staticmethod
    def _message_class():
        from .v1 import framework_pb2  # pylint: disable=import-outside-toplevel
        return framework_pb2.Framework

    def validate(self, schema):
        """Checks the framework against `schema` (tables, fields, dimensions,
        types). Returns None when every computed indicator compiles, else
        raises InvalidArgumentError with one diagnostic per problem."""
        call(lib.ctind_framework_validate, self._handle, schema._handle)
