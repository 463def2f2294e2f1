# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""ctind_options, built from keyword arguments for one call and released
after it."""

import ctypes
import datetime

from ._ffi import Handle, call, check, utf8
from ._library import lib

ROUNDINGS = {None: 0, "framework": 0, "none": 1, "base5": 2, "random3": 3}


def iso_date(value):
    """A date (datetime.date, pandas.Timestamp, numpy.datetime64 or
    "YYYY-MM-DD") as the bytes of "YYYY-MM-DD"."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat().encode()
    if type(value).__name__ == "datetime64":  # numpy, without importing it here
        return str(value.astype("datetime64[D]")).encode()
    return utf8(value)


class Options(Handle):
    """One ctind_options handle; each setter raises on a bad value."""

    _destroy_name = "ctind_options_destroy"

    def __init__(self, **settings):
        super().__init__()
        out = ctypes.c_void_p()
        check(lib.ctind_options_create(ctypes.byref(out)), "ctind_options_create")
        self._adopt(out)
        try:
            for name, value in settings.items():
                if value is not None:
                    getattr(self, "_set_" + name)(value)
        except BaseException:
            self.close()
            raise

    def _set_as_of(self, value):
        date = iso_date(value)
        call(lib.ctind_options_set_as_of, self._handle, date, len(date))

    def _set_strict(self, value):
        check(lib.ctind_options_set_strict(self._handle, bool(value)), "set_strict")

    def _set_ignore_unknown_columns(self, value):
        check(lib.ctind_options_set_ignore_unknown_columns(self._handle, bool(value)),
              "set_ignore_unknown_columns")

    def _set_period_types(self, types):
        if isinstance(types, str):
            types = [types]
        for period_type in types:
            raw = utf8(period_type)
            call(lib.ctind_options_add_period_type, self._handle, raw, len(raw))

    def _set_mapping(self, mapping):
        check(lib.ctind_options_set_mapping(self._handle, mapping._handle), "set_mapping")

    def _set_min_cell_size(self, k):
        if isinstance(k, bool) or not isinstance(k, int):
            raise TypeError(f"min_cell_size must be an int, not {type(k).__name__}")
        call(lib.ctind_options_set_min_cell_size, self._handle, k)

    def _set_rounding(self, rounding):
        try:
            code = ROUNDINGS[rounding]
        except (KeyError, TypeError):
            raise ValueError(f"rounding is 'none', 'base5' or 'random3', not {rounding!r}") from None
        call(lib.ctind_options_set_rounding, self._handle, code)

    def _set_key(self, key):
        raw = utf8(key)
        call(lib.ctind_options_set_publisher_key, self._handle, raw, len(raw))

    def _set_disable_protection_for_internal_use(self, value):
        check(lib.ctind_options_disable_protection_for_internal_use(self._handle, bool(value)),
              "disable_protection_for_internal_use")

    def _set_margin_points(self, points):
        call(lib.ctind_options_set_margin_points, self._handle, float(points))

    def _set_with_record_keys(self, value):
        check(lib.ctind_options_set_with_record_keys(self._handle, bool(value)),
              "set_with_record_keys")

    def _set_max_record_keys(self, value):
        call(lib.ctind_options_set_max_record_keys, self._handle, int(value))

    def _set_generated_datetime(self, value):
        if isinstance(value, datetime.datetime):
            value = value.isoformat()
        raw = utf8(value)
        call(lib.ctind_options_set_generated_datetime, self._handle, raw, len(raw))

    def _set_include_life_of_project(self, value):
        check(lib.ctind_options_set_include_life_of_project(self._handle, bool(value)),
              "set_include_life_of_project")

    def _set_indicator_vocabularies(self, vocabularies):
        for vocabulary, code in dict(vocabularies).items():
            v, c = utf8(vocabulary), utf8(code)
            call(lib.ctind_options_add_indicator_vocabulary, self._handle, v, len(v), c, len(c))

    def _set_language(self, value):
        raw = utf8(value)
        call(lib.ctind_options_set_language, self._handle, raw, len(raw))

    def _set_title(self, value):
        raw = utf8(value)
        call(lib.ctind_options_set_title, self._handle, raw, len(raw))
