# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""Datasets: the records of a schema's tables, from pandas DataFrames,
dicts of lists or CSV files; and CSV mappings."""

import collections.abc
import ctypes
import os
import pathlib

from . import _columns
from ._errors import InvalidArgumentError, NotFoundError, error_from_status
from ._ffi import Handle, call, call_bytes, check, format_code, path_bytes, utf8
from ._library import lib
from ._options import Options
from .findings import collect_findings, findings_frame

_FORMAT_BY_SUFFIX = {".textproto": "text", ".txtpb": "text", ".pbtxt": "text",
                     ".json": "json", ".binpb": "binary", ".pb": "binary"}


def _format_of_path(path):
    suffix = pathlib.Path(os.fspath(path)).suffix.lower()
    try:
        return _FORMAT_BY_SUFFIX[suffix]
    except KeyError:
        raise ValueError(f"{os.fspath(path)!r}: cannot tell the format from the extension "
                         "(.textproto, .txtpb, .pbtxt, .json, .binpb or .pb)") from None


class CsvMapping(Handle):
    """How one export of a case-management system is read
    (mapping.proto, docs/csv-input.md): column names, delimiter, formats,
    value recodings. Validated against a schema when loaded."""

    _destroy_name = "ctind_mapping_destroy"

    def __init__(self, schema, text, format="text", file_name=""):  # pylint: disable=redefined-builtin
        """Parses `text` (str or bytes) and validates it against `schema`;
        InvalidArgumentError with one diagnostic per problem."""
        super().__init__()
        data, name = utf8(text), utf8(file_name)
        out = ctypes.c_void_p()
        call(lib.ctind_mapping_load, schema._handle, data, len(data), format_code(format), name,
             len(name), ctypes.byref(out))
        self._adopt(out)

    @classmethod
    def load(cls, path, schema):
        """Reads the mapping file at `path` (format by extension)."""
        with open(path, "rb") as f:
            data = f.read()
        return cls(schema, data, _format_of_path(path), os.fspath(path))

    def serialize(self, format="text"):  # pylint: disable=redefined-builtin
        """The mapping in `format`: str for "text" / "json", bytes for "binary"."""
        data = call_bytes(lib.ctind_mapping_serialize, self._handle, format_code(format))
        return data if format == "binary" else data.decode("utf-8")


def _mapping_of(mapping, schema):
    if mapping is None or isinstance(mapping, CsvMapping):
        return mapping
    return CsvMapping.load(mapping, schema)


class Dataset(Handle):
    """The records of `schema`'s tables, held by libctind in columns.

    `tables` maps a table name to a pandas DataFrame or a dict of column
    name -> list / numpy array; a column is named by its field's name (or
    the field's CSV `column`). Values are checked exactly as CSV values
    are: an invalid one is kept as invalid, counts as missing and becomes a
    finding (`findings`); with `strict=True` it fails the load instead.
    None, NaN, pandas.NA / NaT and "" are missing; the text "NA" is a
    value (Namibia). Columns that are not fields of the table fail the
    load (NotFoundError) unless `ignore_unknown_columns=True`.

    The dataset keeps `schema` (a Python reference) for computing.
    """

    _destroy_name = "ctind_dataset_destroy"

    def __init__(self, schema, tables=None, *, strict=False, ignore_unknown_columns=False):
        super().__init__()
        out = ctypes.c_void_p()
        check(lib.ctind_dataset_create(schema._handle, ctypes.byref(out)), "ctind_dataset_create")
        self._adopt(out)
        self.schema = schema
        self._fields = None
        try:
            for table, frame in (tables or {}).items():
                self.add_table(table, frame, strict=strict,
                               ignore_unknown_columns=ignore_unknown_columns)
        except BaseException:
            self.close()
            raise

    @classmethod
    def from_csv(cls, schema, files, mapping=None, *, strict=False,
                 ignore_unknown_columns=False):
        """A dataset from CSV files: `files` maps a table name to a path
        (str or os.PathLike; findings name the file as given) or to the
        CSV bytes. `mapping` (a CsvMapping or the path of a mapping file)
        applies to the tables it names."""
        dataset = cls(schema)
        try:
            mapping = _mapping_of(mapping, schema)
            for table, source in files.items():
                dataset.load_csv(table, source, mapping=mapping, strict=strict,
                                 ignore_unknown_columns=ignore_unknown_columns)
        except BaseException:
            dataset.close()
            raise
        return dataset

    def load_csv(self, table, source, *, file_name=None, mapping=None, strict=False,
                 ignore_unknown_columns=False):
        """Loads `table` from a CSV file path or CSV bytes (named
        `file_name` in messages). Structural errors raise with file, line
        and column; on failure the table stays empty."""
        mapping = _mapping_of(mapping, self.schema)
        name = utf8(table)
        with Options(strict=strict, ignore_unknown_columns=ignore_unknown_columns,
                     mapping=mapping) as options:
            if isinstance(source, (bytes, bytearray, memoryview)):
                data = bytes(source)
                label = utf8(file_name if file_name is not None else f"{table}.csv")
                call(lib.ctind_dataset_load_csv, self._handle, name, len(name), data, len(data),
                     label, len(label), options._handle)
            else:
                path = path_bytes(source)
                call(lib.ctind_dataset_load_csv_file, self._handle, name, len(name), path,
                     len(path), options._handle)

    def _table_fields(self, table):
        """{column name: schema_pb2.Field} of `table` (field names and CSV
        column names); KeyError-free: an unknown table gives {}."""
        if self._fields is None:
            self._fields = {}
            for t in self.schema.to_proto().tables:
                by_name = {}
                for field in t.fields:
                    by_name[field.name] = field
                    if field.column:
                        by_name.setdefault(field.column, field)
                self._fields[t.name] = by_name
        return self._fields.get(table, {})

    def add_table(self, table, columns, *, strict=False, ignore_unknown_columns=False,
                  source_name=""):
        """Loads `table` from a DataFrame or a dict of columns, as a CSV
        load would (same checks, same findings). `source_name` names the
        input in findings (default "columns of table 'T'")."""
        fields = self._table_fields(table)
        if hasattr(columns, "columns") and hasattr(columns, "__getitem__"):  # a DataFrame
            items = [(str(name), columns[name]) for name in columns.columns]
        elif isinstance(columns, collections.abc.Mapping):
            items = [(str(name), values) for name, values in columns.items()]
        else:
            raise TypeError(f"table '{table}': expected a pandas DataFrame or a dict of "
                            f"columns, not {type(columns).__name__}")
        if not fields:
            tables = ", ".join(f"'{t}'" for t in self._fields)
            raise NotFoundError(f"the schema has no table '{table}'; its tables: {tables}")
        # Everything that can go wrong on this side is checked before the
        # first append: the C API cannot drop columns once appended except
        # by loading the table, and a table is never half-loaded.
        converted = []
        for column_name, values in items:
            field = fields.get(column_name)
            if field is None:
                if ignore_unknown_columns:
                    continue
                known = ", ".join(f"'{f}'" for f in fields)
                raise NotFoundError(
                    f"unknown column '{column_name}' for table '{table}' (its fields: {known}); "
                    "pass ignore_unknown_columns=True to skip columns that are not in the schema")
            if any(field.name == earlier.name for earlier, _ in converted):
                raise InvalidArgumentError(f"table '{table}': field '{field.name}' is given "
                                           f"twice (column '{column_name}')")
            try:
                column = _columns.convert(values, field)
            except (TypeError, ValueError) as e:
                kind = TypeError if isinstance(e, TypeError) else ValueError
                raise kind(f"table '{table}', column '{column_name}': {e}") from None
            if converted and column.n != converted[0][1].n:
                raise InvalidArgumentError(
                    f"table '{table}': {column.n} values for field '{field.name}', but field "
                    f"'{converted[0][0].name}' has {converted[0][1].n}: every column of a "
                    "table has one value per row")
            converted.append((field, column))
        name = utf8(table)
        for field, column in converted:
            self._append(name, field, column)
        label = utf8(source_name)
        with Options(strict=strict) as options:
            call(lib.ctind_dataset_end_table, self._handle, name, len(name), label, len(label),
                 options._handle)

    def _append(self, table, field, column):
        name = utf8(field.name)
        present = column.present.ctypes.data if column.present is not None else None
        head = (self._handle, table, len(table), name, len(name))
        if column.kind == "string":
            data = column.values
            call(lib.ctind_dataset_append_column_string_packed, *head, data, len(data),
                 column.offsets.ctypes.data, present, column.n)
            return
        function = {"int64": lib.ctind_dataset_append_column_int64,
                    "double": lib.ctind_dataset_append_column_double,
                    "bool": lib.ctind_dataset_append_column_bool,
                    "date": lib.ctind_dataset_append_column_date}[column.kind]
        call(function, *head, column.values.ctypes.data, present, column.n)

    def row_count(self, table):
        """Rows of `table`; NotFoundError for a table the schema lacks."""
        name = utf8(table)
        rows = ctypes.c_int64()
        status = lib.ctind_dataset_row_count(self._handle, name, len(name), ctypes.byref(rows))
        if status != 0:
            raise error_from_status(status, f"table '{table}' is not in the schema"
                                    if status == 5 else "ctind_dataset_row_count failed")
        return rows.value

    @property
    def findings(self):
        """Data-quality findings of the loads so far (invalid values,
        repeated keys), as a list of Finding in load order."""
        return collect_findings(lib.ctind_dataset_finding_count, lib.ctind_dataset_get_finding,
                                self._handle)

    def findings_frame(self):
        """`findings` as a pandas DataFrame."""
        return findings_frame(self.findings)
