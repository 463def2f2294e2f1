# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""Calling conventions of capi/ctind.h, in one place.

- `call(f, *args)` calls a fallible function, appending its trailing
  `ctind_error**`, and raises the mapped exception on failure.
- `call_bytes(f, *args)` also appends `(char** out_data, size_t* out_len)`
  before the error and returns the owned bytes, released with ctind_free.
- `check(status, what)` for fallible functions without an error handle.
- `borrowed(f, *args)` reads a borrowed `(const char**, size_t*)` string.
- `Handle` owns one C handle: destroyed once, by close(), by a `with`
  block, or when garbage-collected, whichever comes first.
"""

import ctypes
import os
import weakref

from ._errors import error_from_status, take_error
from ._library import lib

FORMATS = {"text": 0, "json": 1, "binary": 2}


def format_code(format):  # pylint: disable=redefined-builtin
    """The ctind_format of "text", "json" or "binary"."""
    try:
        return FORMATS[format]
    except KeyError:
        raise ValueError(f"format must be 'text', 'json' or 'binary', not {format!r}") from None


def utf8(text):
    """`text` (str or bytes) as UTF-8 bytes."""
    if isinstance(text, str):
        return text.encode("utf-8")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise TypeError(f"expected str or bytes, not {type(text).__name__}")


def path_bytes(path):
    """A file system path (str, bytes or os.PathLike) as bytes."""
    return os.fsencode(os.fspath(path))


def call(function, *args):
    """Calls a fallible C function; raises ctind.Error on failure."""
    error = ctypes.c_void_p()
    status = function(*args, ctypes.byref(error))
    if status != 0:
        raise take_error(status, error)


def call_bytes(function, *args):
    """Calls a function that returns owned bytes; returns them."""
    data = ctypes.POINTER(ctypes.c_char)()
    size = ctypes.c_size_t()
    call(function, *args, ctypes.byref(data), ctypes.byref(size))
    try:
        return ctypes.string_at(data, size.value)
    finally:
        lib.ctind_free(data)


def check(status, what):
    """Raises for a failed call that has no error handle."""
    if status != 0:
        raise error_from_status(status, f"{what} failed")


def borrowed(function, *args):
    """A borrowed string (const char** out_data, size_t* out_len) as str."""
    data = ctypes.c_char_p()
    size = ctypes.c_size_t()
    check(function(*args, ctypes.byref(data), ctypes.byref(size)), function.__name__)
    if not size.value:
        return ""
    return ctypes.string_at(data, size.value).decode("utf-8")


class Handle:
    """Owns one C handle, released exactly once.

    Subclasses set `_destroy_name` (the ctind_X_destroy function) and call
    `_adopt(pointer)` with a freshly created handle, or `_borrow(pointer,
    owner)` for a handle that lives inside another one. `_parents` keeps
    Python objects alive that the handle borrows from. Using a closed
    handle raises ValueError.
    """

    _destroy_name = None

    def __init__(self):
        self._ptr = None
        self._finalizer = None

    def _adopt(self, pointer, *parents):
        if not pointer:
            raise ValueError("ctind returned a NULL handle")
        self._ptr = ctypes.c_void_p(pointer.value if isinstance(pointer, ctypes.c_void_p)
                                    else pointer)
        self._parents = parents
        # The finalizer holds the destroy function and the address, not
        # self: it runs once, at close() or at garbage collection.
        self._finalizer = weakref.finalize(self, getattr(lib, self._destroy_name),
                                           ctypes.c_void_p(self._ptr.value))

    def _borrow(self, pointer, owner):
        """Wraps a handle borrowed from `owner` (a Handle): never destroyed
        here, valid while `owner` is open; `owner` stays alive as long as
        this object does."""
        if not pointer:
            raise ValueError("ctind returned a NULL handle")
        self._ptr = ctypes.c_void_p(pointer.value if isinstance(pointer, ctypes.c_void_p)
                                    else pointer)
        self._owner = owner
        self._parents = (owner,)

    @property
    def closed(self):
        """True once the handle (or, if borrowed, its owner) is released."""
        owner = getattr(self, "_owner", None)
        if owner is not None:
            return self._ptr is None or owner.closed
        return self._finalizer is None or not self._finalizer.alive

    @property
    def _handle(self):
        """The C pointer; ValueError when closed."""
        if self.closed:
            raise ValueError(f"this {type(self).__name__} is closed")
        return self._ptr

    def close(self):
        """Releases the C handle now. Closing twice is a no-op."""
        if self._finalizer is not None:
            self._finalizer()
        if getattr(self, "_owner", None) is not None:
            self._ptr = None  # a borrowed handle: only this view is closed
        self._parents = ()

    def __repr__(self):
        return f"<ctind.{type(self).__name__} {'closed' if self.closed else 'open'}>"

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()
        return False
