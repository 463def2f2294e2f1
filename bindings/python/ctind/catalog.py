# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""The indicator catalog and case schema "htcds-case" built into libctind.

Nothing is read from disk; the catalog is the one the library was built
with (the files in catalog/). Mirrors `ctind catalog list|show|export|schema`.
"""

import builtins
import collections
import ctypes

from ._ffi import borrowed, call, call_bytes, format_code, utf8
from ._library import lib
from .definitions import Framework, Schema

PILLARS = ("prevention", "protection", "prosecution", "partnership")

CatalogIndicator = collections.namedtuple("CatalogIndicator", ["id", "title", "pillar"])
CatalogIndicator.__doc__ = "An indicator of the catalog: id, title and pillar (lower case)."


def list(pillar=None):  # pylint: disable=redefined-builtin
    """The catalog's indicators in catalog order (pillars in the order of
    PILLARS, each file's indicators in file order), as CatalogIndicator;
    only those of `pillar` (any case) when given."""
    if pillar is not None and pillar.lower() not in PILLARS:
        raise ValueError(f"unknown pillar {pillar!r}; expected one of {', '.join(PILLARS)}")
    count = ctypes.c_size_t()
    call(lib.ctind_catalog_indicator_count, ctypes.byref(count))
    indicators = []
    for i in range(count.value):
        item = CatalogIndicator(borrowed(lib.ctind_catalog_indicator_id, i),
                                borrowed(lib.ctind_catalog_indicator_title, i),
                                borrowed(lib.ctind_catalog_indicator_pillar, i))
        if pillar is None or item.pillar == pillar.lower():
            indicators.append(item)
    return indicators


def show(indicator_id, format="text"):  # pylint: disable=redefined-builtin
    """The definition of `indicator_id` (exact) as a ctind.v1.Indicator in
    `format`: str for "text" and "json", bytes for "binary". NotFoundError
    (naming the closest id) for an id not in the catalog."""
    raw = utf8(indicator_id)
    data = call_bytes(lib.ctind_catalog_indicator_serialize, raw, len(raw), format_code(format))
    return data if format == "binary" else data.decode("utf-8")


def indicator(indicator_id):
    """The definition of `indicator_id` as a framework_pb2.Indicator message."""
    from .v1 import framework_pb2  # pylint: disable=import-outside-toplevel
    message = framework_pb2.Indicator()
    message.ParseFromString(show(indicator_id, "binary"))
    return message


def _joined(items):
    if items is None:
        return b""
    if isinstance(items, (str, bytes)):
        return utf8(items)
    return utf8(",".join(builtins.list(items)))


def export(pillars=None, ids=None):
    """A framework skeleton to adopt: the indicators of `pillars` plus
    those in `ids` (each a list of names, or one comma-separated string),
    in catalog order, around a placeholder project "FILL-IN"; both None:
    every indicator. It validates against schema(). InvalidArgumentError
    for an unknown pillar, NotFoundError for an unknown id."""
    p, i = _joined(pillars), _joined(ids)
    out = ctypes.c_void_p()
    call(lib.ctind_catalog_export, p, len(p), i, len(i), ctypes.byref(out))
    return Framework._from_pointer(out)


def export_text(pillars=None, ids=None):
    """The same framework as export() in text format, opening with comments
    that say what to fill in."""
    p, i = _joined(pillars), _joined(ids)
    return call_bytes(lib.ctind_catalog_export_text, p, len(p), i, len(i)).decode("utf-8")


def schema():
    """The case schema "htcds-case", as a new Schema."""
    out = ctypes.c_void_p()
    call(lib.ctind_catalog_schema, ctypes.byref(out))
    return Schema._from_pointer(out)


def schema_text():
    """The case schema's text format as shipped, with its comments."""
    return borrowed(lib.ctind_catalog_schema_text)
