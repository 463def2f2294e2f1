# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""ctind: performance indicators of counter-trafficking projects, computed
from case records by libctind (through its C API, with ctypes).

    import ctind
    schema = ctind.Schema.load("schema.textproto")
    framework = ctind.Framework.load("framework.textproto")
    dataset = ctind.Dataset(schema, {"identifications": frame})
    raw = ctind.compute(framework, dataset, as_of="2026-06-30")   # data owner only
    report = ctind.publish(raw)                                    # for others
    report.to_csv(), report.iptt_csv(), report.iati_xml(), report.html()

Raw results are for the data owner; everything given to others comes from
publish(), which protects small counts by default (docs/python.md).
"""

from . import catalog
from ._errors import (AbortedError, AlreadyExistsError, CancelledError, DataLossError,
                      DeadlineExceededError, Diagnostic, Error, FailedPreconditionError,
                      InternalError, InvalidArgumentError, NotFoundError, OutOfRangeError,
                      PermissionDeniedError, ResourceExhaustedError, UnauthenticatedError,
                      UnavailableError, UnimplementedError, UnknownError)
from ._library import lib as _lib
from ._version import __version__
from .dataset import CsvMapping, Dataset
from .definitions import Framework, Schema
from .findings import Finding
from .publication import Dhis2Mapping, Document, Iptt, Report, publish
from .quality import Quality, check_quality
from .results import Cell, Period, Plan, Results, add_reported_actuals, assess, compute


#: The path (or loader name) of the libctind that was loaded.
library_path = _lib.path


def library_version():
    """The loaded libctind's version, "MAJOR.MINOR.PATCH"."""
    return _lib.ctind_version().decode()


def has_function(name):
    """True when the loaded libctind exports the C function `name` (an
    older library may lack functions this package wraps)."""
    return _lib.has(name)


__all__ = [
    "AbortedError", "AlreadyExistsError", "CancelledError", "Cell", "CsvMapping",
    "DataLossError", "Dataset", "DeadlineExceededError", "Dhis2Mapping", "Diagnostic",
    "Document", "Error", "FailedPreconditionError", "Finding", "Framework", "InternalError",
    "InvalidArgumentError", "Iptt", "NotFoundError", "OutOfRangeError", "Period",
    "PermissionDeniedError", "Plan", "Quality", "Report", "ResourceExhaustedError", "Results",
    "Schema", "UnauthenticatedError", "UnavailableError", "UnimplementedError", "UnknownError",
    "add_reported_actuals", "assess", "catalog", "check_quality", "compute", "has_function",
    "library_path", "library_version", "publish",
]
