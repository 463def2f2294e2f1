# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""Finds and loads libctind and declares the C functions the package calls.

Search order (the first that exists is loaded):

1. the file named by the environment variable ``CTIND_LIBRARY`` (only that
   one: a wrong path is an ImportError, not a silent fallback);
2. when the package is imported from ctind's source tree
   (``PYTHONPATH=bindings/python``), ``build/release/capi/libctind.so*`` of
   that tree;
3. the system's dynamic loader (``libctind.so.MAJOR`` of this package's
   version, then ``libctind.so``).

A function that this binding knows but the loaded library lacks (an older
library) raises NotImplementedError when called; ``has(name)`` tells
beforehand.
"""

import ctypes
import ctypes.util
import os
import pathlib

from ._version import __version__

# ctypes shorthands used in the signature table below.
_p = ctypes.c_void_p
_pp = ctypes.POINTER(ctypes.c_void_p)
_str = ctypes.c_char_p  # (const char* data, size_t len) inputs; bytes
_sz = ctypes.c_size_t
_szp = ctypes.POINTER(ctypes.c_size_t)
_st = ctypes.c_int  # ctind_status and the other C enums
_i32p = ctypes.POINTER(ctypes.c_int32)
_i64 = ctypes.c_int64
_i64p = ctypes.POINTER(ctypes.c_int64)
_dblp = ctypes.POINTER(ctypes.c_double)
_bool = ctypes.c_bool
_cstrp = ctypes.POINTER(ctypes.c_char_p)  # borrowed (const char** out)
_bytesp = ctypes.POINTER(ctypes.POINTER(ctypes.c_char))  # owned (char** out)

# name: (restype, argtypes), in the order of capi/ctind.h.
SIGNATURES = {
    # Version and memory.
    "ctind_version": (ctypes.c_char_p, []),
    "ctind_version_number": (ctypes.c_uint32, []),
    "ctind_free": (None, [_p]),
    # Errors.
    "ctind_error_destroy": (None, [_p]),
    "ctind_error_code": (_st, [_p]),
    "ctind_error_message": (ctypes.c_char_p, [_p]),
    "ctind_error_diagnostic_count": (_sz, [_p]),
    "ctind_error_diagnostic": (_st, [_p, _sz, _cstrp, _cstrp, _cstrp, _i32p, _i32p, _i64p]),
    # Schema.
    "ctind_schema_load": (_st, [_str, _sz, _st, _str, _sz, _pp, _pp]),
    "ctind_schema_load_file": (_st, [_str, _sz, _pp, _pp]),
    "ctind_schema_serialize": (_st, [_p, _st, _bytesp, _szp, _pp]),
    "ctind_schema_destroy": (None, [_p]),
    # Framework.
    "ctind_framework_load": (_st, [_str, _sz, _st, _str, _sz, _pp, _pp]),
    "ctind_framework_load_file": (_st, [_str, _sz, _pp, _pp]),
    "ctind_framework_validate": (_st, [_p, _p, _pp]),
    "ctind_framework_serialize": (_st, [_p, _st, _bytesp, _szp, _pp]),
    "ctind_framework_destroy": (None, [_p]),
    # Catalog.
    "ctind_catalog_schema": (_st, [_pp, _pp]),
    "ctind_catalog_schema_text": (_st, [_cstrp, _szp]),
    "ctind_catalog_indicator_count": (_st, [_szp, _pp]),
    "ctind_catalog_indicator_id": (_st, [_sz, _cstrp, _szp]),
    "ctind_catalog_indicator_title": (_st, [_sz, _cstrp, _szp]),
    "ctind_catalog_indicator_pillar": (_st, [_sz, _cstrp, _szp]),
    "ctind_catalog_indicator_serialize": (_st, [_str, _sz, _st, _bytesp, _szp, _pp]),
    "ctind_catalog_export": (_st, [_str, _sz, _str, _sz, _pp, _pp]),
    "ctind_catalog_export_text": (_st, [_str, _sz, _str, _sz, _bytesp, _szp, _pp]),
    # CSV mapping.
    "ctind_mapping_load": (_st, [_p, _str, _sz, _st, _str, _sz, _pp, _pp]),
    "ctind_mapping_serialize": (_st, [_p, _st, _bytesp, _szp, _pp]),
    "ctind_mapping_destroy": (None, [_p]),
    # Options.
    "ctind_options_create": (_st, [_pp]),
    "ctind_options_destroy": (None, [_p]),
    "ctind_options_set_as_of": (_st, [_p, _str, _sz, _pp]),
    "ctind_options_set_strict": (_st, [_p, _bool]),
    "ctind_options_set_ignore_unknown_columns": (_st, [_p, _bool]),
    "ctind_options_add_period_type": (_st, [_p, _str, _sz, _pp]),
    "ctind_options_set_mapping": (_st, [_p, _p]),
    "ctind_options_set_min_cell_size": (_st, [_p, ctypes.c_int32, _pp]),
    "ctind_options_set_rounding": (_st, [_p, _st, _pp]),
    "ctind_options_set_publisher_key": (_st, [_p, _str, _sz, _pp]),
    "ctind_options_disable_protection_for_internal_use": (_st, [_p, _bool]),
    "ctind_options_set_margin_points": (_st, [_p, ctypes.c_double, _pp]),
    "ctind_options_set_with_record_keys": (_st, [_p, _bool]),
    "ctind_options_set_max_record_keys": (_st, [_p, ctypes.c_int32, _pp]),
    "ctind_options_set_generated_datetime": (_st, [_p, _str, _sz, _pp]),
    "ctind_options_set_include_life_of_project": (_st, [_p, _bool]),
    "ctind_options_add_indicator_vocabulary": (_st, [_p, _str, _sz, _str, _sz, _pp]),
    "ctind_options_set_language": (_st, [_p, _str, _sz, _pp]),
    "ctind_options_set_title": (_st, [_p, _str, _sz, _pp]),
    # Dataset.
    "ctind_dataset_create": (_st, [_p, _pp]),
    "ctind_dataset_destroy": (None, [_p]),
    "ctind_dataset_load_csv": (_st, [_p, _str, _sz, _str, _sz, _str, _sz, _p, _pp]),
    "ctind_dataset_load_csv_file": (_st, [_p, _str, _sz, _str, _sz, _p, _pp]),
    "ctind_dataset_row_count": (_st, [_p, _str, _sz, _i64p]),
    "ctind_dataset_findings": (_st, [_p, _st, _bytesp, _szp, _pp]),
    "ctind_dataset_finding_count": (_st, [_p, _szp]),
    "ctind_dataset_get_finding": (_st, [_p, _sz, _pp]),
    "ctind_dataset_append_column_int64": (_st, [_p, _str, _sz, _str, _sz, _p, _p, _sz, _pp]),
    "ctind_dataset_append_column_double": (_st, [_p, _str, _sz, _str, _sz, _p, _p, _sz, _pp]),
    "ctind_dataset_append_column_bool": (_st, [_p, _str, _sz, _str, _sz, _p, _p, _sz, _pp]),
    "ctind_dataset_append_column_date": (_st, [_p, _str, _sz, _str, _sz, _p, _p, _sz, _pp]),
    "ctind_dataset_append_column_string": (_st, [_p, _str, _sz, _str, _sz, _p, _p, _p, _sz,
                                                 _pp]),
    "ctind_dataset_append_column_string_packed": (_st, [_p, _str, _sz, _str, _sz, _p, _sz, _p,
                                                        _p, _sz, _pp]),
    "ctind_dataset_end_table": (_st, [_p, _str, _sz, _str, _sz, _p, _pp]),
    # Plan and compute.
    "ctind_plan_create": (_st, [_p, _p, _pp, _pp]),
    "ctind_plan_destroy": (None, [_p]),
    "ctind_plan_compute": (_st, [_p, _p, _p, _pp, _pp]),
    "ctind_compute": (_st, [_p, _p, _p, _pp, _pp]),
    # Results and cells.
    "ctind_results_destroy": (None, [_p]),
    "ctind_results_to_json": (_st, [_p, _bytesp, _szp, _pp]),
    "ctind_results_to_csv": (_st, [_p, _bytesp, _szp, _pp]),
    "ctind_results_to_table": (_st, [_p, _bytesp, _szp, _pp]),
    "ctind_results_serialize": (_st, [_p, _st, _bytesp, _szp, _pp]),
    "ctind_results_as_of": (_st, [_p, _cstrp, _szp]),
    "ctind_results_indicator_count": (_st, [_p, _szp]),
    "ctind_results_indicator_id": (_st, [_p, _sz, _cstrp, _szp]),
    "ctind_results_cell_count": (_st, [_p, _sz, _szp]),
    "ctind_results_get_cell": (_st, [_p, _sz, _sz, _pp]),
    "ctind_results_project_id": (_st, [_p, _cstrp, _szp]),
    "ctind_results_protection": (_st, [_p]),
    "ctind_results_is_assessed": (_bool, [_p, _dblp]),
    "ctind_results_indicator_title": (_st, [_p, _sz, _cstrp, _szp]),
    "ctind_results_indicator_unit": (_st, [_p, _sz, _cstrp, _szp]),
    "ctind_results_period_count": (_st, [_p, _sz, _szp]),
    "ctind_results_period": (_st, [_p, _sz, _sz, _cstrp, _cstrp, _cstrp, _cstrp,
                                   ctypes.POINTER(ctypes.c_bool)]),
    "ctind_results_finding_count": (_st, [_p, _szp]),
    "ctind_results_get_finding": (_st, [_p, _sz, _pp]),
    "ctind_cell_period": (_st, [_p, _cstrp, _szp]),
    "ctind_cell_scope": (_st, [_p]),
    "ctind_cell_breakdown": (_st, [_p, _cstrp, _szp]),
    "ctind_cell_coordinate_count": (_sz, [_p]),
    "ctind_cell_coordinate": (_st, [_p, _sz, _cstrp, _szp, _cstrp, _szp]),
    "ctind_cell_status": (_st, [_p]),
    "ctind_cell_value": (_bool, [_p, _dblp]),
    "ctind_cell_numerator": (_bool, [_p, _dblp]),
    "ctind_cell_denominator": (_bool, [_p, _dblp]),
    "ctind_cell_units": (_bool, [_p, _i64p]),
    "ctind_cell_has_flag": (_bool, [_p, ctypes.c_int]),
    "ctind_cell_not_yet_observable": (_bool, [_p, _i64p]),
    "ctind_cell_target": (_bool, [_p, _dblp]),
    "ctind_cell_percent_achieved": (_bool, [_p, _dblp]),
    "ctind_cell_progress": (_bool, [_p, _dblp]),
    "ctind_cell_assessment": (_st, [_p]),
    "ctind_cell_suppression_reason": (_st, [_p]),
    # Publication.
    "ctind_publish": (_st, [_p, _p, _p, _pp, _pp]),
    "ctind_publication_destroy": (None, [_p]),
    "ctind_publication_results": (_st, [_p, _pp]),
    "ctind_publication_raw_with_reasons": (_st, [_p, _pp]),
    # Assessment and IPTT.
    "ctind_add_reported_actuals": (_st, [_p, _p, _pp, _pp]),
    "ctind_assess": (_st, [_p, _p, _p, _pp, _pp]),
    "ctind_iptt_build": (_st, [_p, _p, _pp, _pp]),
    "ctind_iptt_destroy": (None, [_p]),
    "ctind_iptt_to_csv": (_st, [_p, _bytesp, _szp, _pp]),
    "ctind_iptt_serialize": (_st, [_p, _st, _bytesp, _szp, _pp]),
    # Renderers.
    "ctind_document_destroy": (None, [_p]),
    "ctind_document_text": (_st, [_p, _cstrp, _szp]),
    "ctind_document_note_count": (_st, [_p, _szp]),
    "ctind_document_note": (_st, [_p, _sz, _cstrp, _szp]),
    "ctind_render_iati": (_st, [_p, _p, _p, _pp, _pp]),
    "ctind_dhis2_mapping_load": (_st, [_str, _sz, _st, _str, _sz, _pp, _pp]),
    "ctind_dhis2_mapping_destroy": (None, [_p]),
    "ctind_render_dhis2": (_st, [_p, _p, _pp, _pp]),
    "ctind_render_html": (_st, [_p, _p, _p, _p, _p, _p, _bytesp, _szp, _pp]),
    # Data quality.
    "ctind_quality_check": (_st, [_p, _p, _p, _pp, _pp]),
    "ctind_quality_destroy": (None, [_p]),
    "ctind_quality_finding_count": (_st, [_p, _szp]),
    "ctind_quality_get_finding": (_st, [_p, _sz, _pp]),
    "ctind_quality_to_json": (_st, [_p, _bytesp, _szp, _pp]),
    "ctind_quality_to_csv": (_st, [_p, _bytesp, _szp, _pp]),
    "ctind_quality_to_table": (_st, [_p, _bytesp, _szp, _pp]),
    "ctind_quality_serialize": (_st, [_p, _st, _bytesp, _szp, _pp]),
    "ctind_quality_table_count": (_st, [_p, _szp]),
    "ctind_quality_table": (_st, [_p, _sz, _cstrp, _szp, ctypes.POINTER(ctypes.c_bool), _i64p]),
    "ctind_quality_field_count": (_st, [_p, _sz, _szp]),
    "ctind_quality_field": (_st, [_p, _sz, _sz, _cstrp, _szp, ctypes.POINTER(ctypes.c_bool),
                                  _i64p, _i64p, _i64p]),
    # Finding getters.
    "ctind_finding_rule": (_st, [_p, _cstrp, _szp]),
    "ctind_finding_severity": (_st, [_p]),
    "ctind_finding_table": (_st, [_p, _cstrp, _szp]),
    "ctind_finding_field": (_st, [_p, _cstrp, _szp]),
    "ctind_finding_indicator_id": (_st, [_p, _cstrp, _szp]),
    "ctind_finding_count": (_i64, [_p]),
    "ctind_finding_share": (_bool, [_p, _dblp]),
    "ctind_finding_message": (_st, [_p, _cstrp, _szp]),
    "ctind_finding_file": (_st, [_p, _cstrp, _szp]),
    "ctind_finding_line": (_i64, [_p]),
    "ctind_finding_column": (_i64, [_p]),
    "ctind_finding_record_key_count": (_sz, [_p]),
    "ctind_finding_record_key": (_st, [_p, _sz, _cstrp, _szp]),
}


def _source_tree_candidates():
    """libctind.so* of build/release when imported from the source tree."""
    package_dir = pathlib.Path(__file__).resolve().parent
    repo = package_dir.parent.parent.parent  # <repo>/bindings/python/ctind
    if not (repo / "capi" / "ctind.h").is_file():
        return []
    build_capi = repo / "build" / "release" / "capi"
    # libctind.so, libctind.so.0, libctind.so.0.1.0: any of them will do.
    return [str(p) for p in sorted(build_capi.glob("libctind.so*")) if p.is_file()]


def _load():
    """(ctypes.CDLL, path) of the first library found, else ImportError."""
    explicit = os.environ.get("CTIND_LIBRARY")
    if explicit:
        try:
            return ctypes.CDLL(explicit), explicit
        except OSError as e:
            raise ImportError(f"ctind: cannot load CTIND_LIBRARY={explicit!r}: {e}") from e
    tried = []
    for path in _source_tree_candidates():
        try:
            return ctypes.CDLL(path), path
        except OSError as e:
            tried.append(f"{path} ({e})")
    # The SOVERSION is the major version this package is written for.
    system_names = [f"libctind.so.{__version__.split('.')[0]}", "libctind.so"]
    found = ctypes.util.find_library("ctind")
    if found and found not in system_names:
        system_names.append(found)
    for name in system_names:
        try:
            return ctypes.CDLL(name), name
        except OSError as e:
            tried.append(f"{name} ({e})")
    raise ImportError(
        "ctind: libctind not found. Set CTIND_LIBRARY to the path of libctind.so, "
        "build ctind into build/release of the source tree, or install it where the "
        "dynamic loader looks. Tried: " + "; ".join(tried))


class _MissingFunction:
    """Stands for a C function the loaded library does not export."""

    def __init__(self, name, path):
        self.__name__ = name
        self._path = path

    def __call__(self, *args):
        raise NotImplementedError(
            f"{self.__name__} is not in {self._path}: this libctind is older than the "
            "ctind Python package")


class Library:
    """The loaded library: one attribute per C function of SIGNATURES."""

    def __init__(self):
        self.cdll, self.path = _load()
        self.missing = set()
        for name, (restype, argtypes) in SIGNATURES.items():
            try:
                function = getattr(self.cdll, name)
            except AttributeError:
                self.missing.add(name)
                setattr(self, name, _MissingFunction(name, self.path))
                continue
            function.restype = restype
            function.argtypes = argtypes
            setattr(self, name, function)

    def has(self, name):
        """True when the loaded library exports the C function `name`."""
        return name in SIGNATURES and name not in self.missing


lib = Library()
