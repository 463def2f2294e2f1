# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""Status codes become exceptions, one class per code, with diagnostics."""

import pytest

import ctind
from ctind import _errors  # pylint: disable=protected-access

# capi/ctind.h's ctind_status (absl::StatusCode) and the class of each.
CODES = {
    1: ctind.CancelledError, 2: ctind.UnknownError, 3: ctind.InvalidArgumentError,
    4: ctind.DeadlineExceededError, 5: ctind.NotFoundError, 6: ctind.AlreadyExistsError,
    7: ctind.PermissionDeniedError, 8: ctind.ResourceExhaustedError,
    9: ctind.FailedPreconditionError, 10: ctind.AbortedError, 11: ctind.OutOfRangeError,
    12: ctind.UnimplementedError, 13: ctind.InternalError, 14: ctind.UnavailableError,
    15: ctind.DataLossError, 16: ctind.UnauthenticatedError,
}


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_has_its_class(code):
    error = _errors.error_from_status(code, "message")
    assert type(error) is CODES[code]  # pylint: disable=unidiomatic-typecheck
    assert isinstance(error, ctind.Error)
    assert error.code == code
    assert str(error) == "message" and error.diagnostics == ()


def test_unknown_code_is_unknown_error():
    assert type(_errors.error_from_status(99, "m")) is ctind.UnknownError  # pylint: disable=unidiomatic-typecheck


def test_builtin_bases():
    # Idiomatic catches keep working: bad input is a ValueError, a missing
    # id or file a LookupError.
    assert issubclass(ctind.InvalidArgumentError, ValueError)
    assert issubclass(ctind.NotFoundError, LookupError)
    assert ctind.InvalidArgumentError.__module__ == "ctind"


def test_failed_precondition_from_the_library(quickstart_schema, quickstart_framework):
    # The IPTT needs assessed results: raw ones are refused.
    with ctind.Dataset(quickstart_schema) as dataset:
        raw = ctind.compute(quickstart_framework, dataset, as_of="2025-12-31")
        with pytest.raises(ctind.FailedPreconditionError):
            ctind.Iptt(quickstart_framework, raw)


def test_diagnostics_of_several_problems():
    # Two problems in one definition, both reported in one pass.
    text = ('project { id: "P" title: "t" start_date: "2025-01-01" end_date: "2025-12-31" }\n'
            'indicators { id: "I1" title: "a" result: "NOPE" }\n'
            'indicators { id: "I1" title: "b" }\n')
    with pytest.raises(ctind.InvalidArgumentError) as raised:
        ctind.Framework.from_text(text, file_name="two.textproto")
    diagnostics = raised.value.diagnostics
    assert len(diagnostics) >= 2
    assert {d.line for d in diagnostics} >= {2, 3}
    assert all(d.file == "two.textproto" and d.column > 0 and d.offset >= 0 for d in diagnostics)
    assert "(and " in raised.value.message  # the message summarises the others


def test_diagnostic_text():
    d = ctind.Diagnostic(message="bad", file="f.textproto", line=3, column=9, path="x.y")
    assert str(d) == "f.textproto:3:9: x.y: bad"
    assert str(ctind.Diagnostic(message="bad")) == "bad"
