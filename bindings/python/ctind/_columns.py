# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""Turns one Python column (pandas Series, numpy array or list) into the
arguments of a ctind_dataset_append_column_* function for one field.

Missing: None, float NaN, pandas.NA, pandas.NaT, numpy NaT, and the empty
string (as in a CSV cell). Everything else is a value, passed on so that
the library checks it exactly as it checks CSV: a value that does not fit
the field (a code outside the list, 2.5 in an INT64 field, "2025-02-30")
is kept as invalid and becomes a finding, never dropped here.

Per field type (schema.proto FieldType):
- DATE: datetime64 columns and datetime.date / datetime / pandas.Timestamp
  / numpy.datetime64 values go as day numbers (a time of day is dropped,
  a timezone-aware Timestamp keeps its local date); text goes as text,
  read with the schema's date format.
- INT64, DOUBLE, BOOL: numbers (booleans) as such; text as text, read with
  the schema's format (decimal separator, true / false values).
- CATEGORY, STRING: text. Integral floats (pandas turns an integer column
  with gaps into floats) are written without ".0"; a multi-valued field
  takes a list, tuple or set of codes as well as "A;B" text.
A column that mixes text with other values goes as text, each non-text
value written in the schema's input format.

What cannot be a value of any field is refused before anything reaches the
library: a column that is not one-dimensional, a value that is not text,
bytes, a real number, a boolean, a date or (for a multi-valued field) a
collection of these (a dict, a complex number, an arbitrary object), and
bytes or text that are not well-formed Unicode. convert() raises TypeError
or ValueError naming the row; the caller adds the table and column.
"""

import collections.abc
import datetime
import math
import numbers

import numpy as np

# schema.proto FieldType numbers.
INT64, DOUBLE, BOOL, STRING, CATEGORY, DATE = 1, 2, 3, 4, 5, 6

_EPOCH_ORDINAL = datetime.date(1970, 1, 1).toordinal()
_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1


class Column:
    """The arguments of one append: `kind` ("int64", "double", "bool",
    "date" or "string"), `values` (a contiguous numpy array; for "string"
    the packed UTF-8 bytes) and `present` (uint8 array, one byte per row),
    `offsets` for "string" (uint64, n + 1 entries) and `n`."""

    def __init__(self, kind, values, present, n, offsets=None):
        self.kind = kind
        self.values = values
        self.present = present
        self.offsets = offsets
        self.n = n


def _pandas():
    try:
        import pandas  # pylint: disable=import-outside-toplevel
        return pandas
    except ImportError:
        return None


def is_missing(value):
    """True for the spellings of a missing value in Python, numpy, pandas."""
    if value is None:
        return True
    if isinstance(value, float):  # also numpy.float64
        return math.isnan(value)
    if isinstance(value, np.floating):
        return bool(np.isnan(value))
    if isinstance(value, (np.datetime64, np.timedelta64)):
        return bool(np.isnat(value))
    if isinstance(value, str):
        return value == ""
    pd = _pandas()
    if pd is not None and (value is pd.NA or value is pd.NaT):
        return True
    return False


def _is_date_like(value):
    return isinstance(value, (datetime.date, np.datetime64))  # Timestamp is a datetime


def _day_number(value):
    """Days since 1970-01-01 of a date-like value."""
    if isinstance(value, np.datetime64):
        return int(value.astype("datetime64[D]").astype(np.int64))
    if isinstance(value, datetime.datetime):
        value = value.date()  # the local (wall-clock) date; time of day dropped
    return value.toordinal() - _EPOCH_ORDINAL


def _as_object_array(values):
    """(object array, is_datetime64 array or None) of any column."""
    pd = _pandas()
    if pd is not None and isinstance(values, pd.Series):
        dtype = values.dtype
        if isinstance(dtype, pd.DatetimeTZDtype):
            # Local wall-clock dates of a timezone-aware column.
            values = values.dt.tz_localize(None)
            dtype = values.dtype
        if dtype.kind == "M":
            return None, values.to_numpy(dtype="datetime64[ns]")
        if isinstance(dtype, pd.api.extensions.ExtensionDtype):  # category, Int64, string, ...
            return values.astype(object).to_numpy(dtype=object), None
        array = values.to_numpy()
    elif isinstance(values, np.ndarray):
        array = values
    elif isinstance(values, (str, bytes)) or not isinstance(values, collections.abc.Sized):
        raise TypeError("expected the column's values (a list, numpy array or pandas Series), "
                        f"not {type(values).__name__}")
    else:
        array = np.empty(len(values), dtype=object)
        array[:] = list(values)
    if array.ndim != 1:
        raise ValueError(f"a column must be one-dimensional, not of shape {array.shape}")
    if array.dtype.kind == "M":
        return None, array
    return array, None


def _dates_from_datetime64(array):
    days = array.astype("datetime64[D]")
    present = ~np.isnat(days)
    numbers_ = np.where(present, days.astype(np.int64), 0)
    if numbers_.size and (numbers_.min() < np.iinfo(np.int32).min or
                          numbers_.max() > np.iinfo(np.int32).max):
        raise ValueError("a date is out of range")
    return Column("date", np.ascontiguousarray(numbers_, dtype=np.int32),
                  present.astype(np.uint8), len(array))


def _present_mask(array):
    return np.fromiter((not is_missing(v) for v in array), dtype=np.uint8, count=len(array))


def _number_text(value, decimal_separator="."):
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, numbers.Integral):
        return str(int(value))
    value = float(value)
    if math.isfinite(value) and value == int(value) and abs(value) < 2**63:
        return str(int(value))
    text = repr(value)
    return text.replace(".", decimal_separator) if decimal_separator != "." else text


def _to_text(value, field):
    """`value` written as the field's input format would write it."""
    fmt = field.format
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8")  # UnicodeDecodeError: reported with its row
    if _is_date_like(value):
        if isinstance(value, np.datetime64):
            value = value.astype("datetime64[D]").item()
        if isinstance(value, datetime.datetime):
            value = value.date()
        return value.strftime(fmt.date_format or "%Y-%m-%d")
    if isinstance(value, (bool, np.bool_)):
        if field.type == BOOL:
            if value and fmt.true_values:
                return fmt.true_values[0]
            if not value and fmt.false_values:
                return fmt.false_values[0]
        return "true" if value else "false"
    if isinstance(value, (list, tuple, set, frozenset, np.ndarray)):
        items = [_to_text(v, field) for v in value if not is_missing(v)]
        if isinstance(value, (set, frozenset)):
            items.sort()
        return (fmt.multi_value_separator or ";").join(items)
    if _is_number(value):
        return _number_text(value, fmt.decimal_separator or ".")
    raise TypeError(f"a value of type {type(value).__name__} cannot be a value of a "
                    "field (text, a number, a boolean or a date)")


def _strings(array, field):
    present = _present_mask(array)
    encoded = []
    for i, value in enumerate(array):
        if not present[i]:
            encoded.append(b"")
            continue
        try:
            encoded.append(_to_text(value, field).encode("utf-8"))
        except UnicodeEncodeError as e:
            raise ValueError(f"row {i + 1}: the text is not valid "
                             f"Unicode ({e.reason})") from None
        except UnicodeDecodeError as e:
            raise ValueError(f"row {i + 1}: the bytes are not "
                             f"well-formed UTF-8 ({e.reason} at byte {e.start})") from None
        except TypeError as e:
            raise TypeError(f"row {i + 1}: {e}") from None
    offsets = np.zeros(len(encoded) + 1, dtype=np.uint64)
    if encoded:
        np.cumsum([len(b) for b in encoded], out=offsets[1:])
    return Column("string", b"".join(encoded), present, len(array), offsets)


def _all(array, present, predicate):
    return all(predicate(v) for v, p in zip(array, present) if p)


def _is_number(value):
    """A real number (int, float, Decimal, Fraction, numpy's), not a boolean
    and not complex."""
    return (isinstance(value, numbers.Number) and not isinstance(value, (bool, np.bool_)) and
            not isinstance(value, (complex, np.complexfloating)))


def convert(values, field):
    """The Column to append for `values` in schema field `field` (a
    schema_pb2.Field)."""
    objects, datetimes = _as_object_array(values)
    if datetimes is not None:
        if field.type == DATE:
            return _dates_from_datetime64(datetimes)
        # Dates in a field of another type: as text, in ISO form.
        as_objects = np.empty(len(datetimes), dtype=object)
        as_objects[:] = [None if np.isnat(d) else d for d in datetimes]
        return _strings(as_objects, field)
    array = objects
    kind = array.dtype.kind
    n = len(array)

    if field.type == DATE:
        if kind == "O":
            present = _present_mask(array)
            if _all(array, present, _is_date_like):
                days = np.fromiter((_day_number(v) if p else 0 for v, p in zip(array, present)),
                                   dtype=np.int64, count=n)
                return Column("date", days.astype(np.int32), present, n)
        return _strings(array, field)

    if field.type == INT64:
        if kind in "iu":
            if kind == "u" and array.size and array.max() > _INT64_MAX:
                return _strings(array.astype(object), field)
            return Column("int64", np.ascontiguousarray(array, dtype=np.int64),
                          np.ones(n, dtype=np.uint8), n)
        if kind == "f":
            present = ~np.isnan(array)
            finite = array[present]
            if np.all(np.isfinite(finite)) and np.all(finite == np.floor(finite)) and (
                    not finite.size or (finite.min() >= _INT64_MIN and finite.max() < 2**63)):
                return Column("int64", np.where(present, array, 0).astype(np.int64),
                              present.astype(np.uint8), n)
            return _strings(array.astype(object), field)
        if kind == "O":
            present = _present_mask(array)
            if _all(array, present, lambda v: isinstance(v, numbers.Integral) and
                    not isinstance(v, (bool, np.bool_)) and _INT64_MIN <= v <= _INT64_MAX):
                return Column("int64", np.fromiter((int(v) if p else 0
                                                    for v, p in zip(array, present)),
                                                   dtype=np.int64, count=n), present, n)
        return _strings(array.astype(object), field)

    if field.type == DOUBLE:
        if kind in "iuf":
            floats = np.ascontiguousarray(array, dtype=np.float64)
            present = ~np.isnan(floats)  # NaN is pandas' missing value
            return Column("double", np.where(present, floats, 0.0), present.astype(np.uint8), n)
        if kind == "O":
            present = _present_mask(array)
            if _all(array, present, _is_number):
                return Column("double", np.fromiter((float(v) if p else 0.0
                                                     for v, p in zip(array, present)),
                                                    dtype=np.float64, count=n), present, n)
        return _strings(array.astype(object), field)

    if field.type == BOOL:
        if kind == "b":
            return Column("bool", np.ascontiguousarray(array, dtype=np.uint8),
                          np.ones(n, dtype=np.uint8), n)
        if kind == "O":
            present = _present_mask(array)
            if _all(array, present, lambda v: isinstance(v, (bool, np.bool_))):
                return Column("bool", np.fromiter((1 if p and v else 0
                                                   for v, p in zip(array, present)),
                                                  dtype=np.uint8, count=n), present, n)
        return _strings(array.astype(object), field)

    # STRING and CATEGORY (and any other type): text.
    return _strings(array.astype(object) if kind != "O" else array, field)
