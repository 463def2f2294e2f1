# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""Exceptions of the ctind package, one per C status code.

Every failed C call becomes an instance of the subclass of Error for its
ctind_status (numerically absl::StatusCode), carrying the library's message
and its diagnostics (file, line, column, byte offset, field path).
"""

import ctypes
import dataclasses

from ._library import lib


@dataclasses.dataclass(frozen=True)
class Diagnostic:
    """One problem found in a definition or an input file.

    `line` and `column` are 1-based, 0 when unknown; `offset` is the byte
    offset in the input, -1 when unknown; `file` and `path` (a field path
    such as "indicators[2].period.by") are "" when unknown.
    """

    message: str
    file: str = ""
    line: int = 0
    column: int = 0
    offset: int = -1
    path: str = ""

    def __str__(self):
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        prefix = f"{where}: " if where else ""
        field = f"{self.path}: " if self.path and self.path not in self.message else ""
        return f"{prefix}{field}{self.message}"


class Error(Exception):
    """A failed call into libctind.

    Attributes: `code` (the ctind_status number), `status` (its name, e.g.
    "INVALID_ARGUMENT"), `message` (the library's message) and
    `diagnostics` (a tuple of Diagnostic, possibly empty).
    """

    code = 2
    status = "UNKNOWN"

    def __init__(self, message, diagnostics=()):
        super().__init__(message)
        self.message = message
        self.diagnostics = tuple(diagnostics)

    def __str__(self):
        return self.message


class CancelledError(Error):
    code, status = 1, "CANCELLED"


class UnknownError(Error):
    code, status = 2, "UNKNOWN"


class InvalidArgumentError(Error, ValueError):
    code, status = 3, "INVALID_ARGUMENT"


class DeadlineExceededError(Error):
    code, status = 4, "DEADLINE_EXCEEDED"


class NotFoundError(Error, LookupError):
    code, status = 5, "NOT_FOUND"


class AlreadyExistsError(Error):
    code, status = 6, "ALREADY_EXISTS"


class PermissionDeniedError(Error):
    code, status = 7, "PERMISSION_DENIED"


class ResourceExhaustedError(Error):
    code, status = 8, "RESOURCE_EXHAUSTED"


class FailedPreconditionError(Error):
    code, status = 9, "FAILED_PRECONDITION"


class AbortedError(Error):
    code, status = 10, "ABORTED"


class OutOfRangeError(Error, ValueError):
    code, status = 11, "OUT_OF_RANGE"


class UnimplementedError(Error):
    code, status = 12, "UNIMPLEMENTED"


class InternalError(Error):
    code, status = 13, "INTERNAL"


class UnavailableError(Error):
    code, status = 14, "UNAVAILABLE"


class DataLossError(Error):
    code, status = 15, "DATA_LOSS"


class UnauthenticatedError(Error):
    code, status = 16, "UNAUTHENTICATED"


ERROR_CLASSES = {
    cls.code: cls
    for cls in (CancelledError, UnknownError, InvalidArgumentError, DeadlineExceededError,
                NotFoundError, AlreadyExistsError, PermissionDeniedError,
                ResourceExhaustedError, FailedPreconditionError, AbortedError,
                OutOfRangeError, UnimplementedError, InternalError, UnavailableError,
                DataLossError, UnauthenticatedError)
}

# Shown as ctind.InvalidArgumentError, where users import them from.
for _cls in (Diagnostic, Error, *ERROR_CLASSES.values()):
    _cls.__module__ = "ctind"


def _text(data):
    return data.decode("utf-8", errors="replace") if data else ""


def error_from_status(status, message, diagnostics=()):
    """The exception for `status` (an unknown code gives UnknownError)."""
    cls = ERROR_CLASSES.get(status, UnknownError)
    return cls(message, diagnostics)


def take_error(status, handle):
    """The exception of a failed call; destroys the error `handle`."""
    if not handle:
        return error_from_status(status, f"ctind call failed with status {status}")
    try:
        code = lib.ctind_error_code(handle)
        message = _text(lib.ctind_error_message(handle))
        diagnostics = []
        for i in range(lib.ctind_error_diagnostic_count(handle)):
            text, path, file = ctypes.c_char_p(), ctypes.c_char_p(), ctypes.c_char_p()
            line, column, offset = ctypes.c_int32(), ctypes.c_int32(), ctypes.c_int64()
            if lib.ctind_error_diagnostic(handle, i, ctypes.byref(text), ctypes.byref(path),
                                          ctypes.byref(file), ctypes.byref(line),
                                          ctypes.byref(column), ctypes.byref(offset)) != 0:
                continue
            diagnostics.append(Diagnostic(message=_text(text.value), file=_text(file.value),
                                          line=line.value, column=column.value,
                                          offset=offset.value, path=_text(path.value)))
    finally:
        lib.ctind_error_destroy(handle)
    return error_from_status(code or status, message, diagnostics)
