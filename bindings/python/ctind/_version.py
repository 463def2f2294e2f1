# Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0
"""The package's version: the version of libctind it is written for (the
project's VERSION in CMakeLists.txt; a test keeps them equal)."""

__version__ = "1.0.0"
